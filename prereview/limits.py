"""Upload rules in one place: the limits that keep one job from exhausting the server,
the file types accepted (judged by content, never by the extension), and the one set of
messages that tells a citizen which rule a file broke.

Every door an upload comes through — the chat, the pre-review API, the CLI and the
pre-review itself — checks here, so a citizen reads the same words for the same file.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import filetype

MB = 1024 * 1024

PDF, IMAGE, DOCX = "pdf", "image", "docx"
IMAGE_MIMES = {"image/jpeg", "image/png", "image/webp", "image/bmp", "image/tiff", "image/x-ms-bmp"}
SNIFF_BYTES = 8192

EMPTY = "文件是空的"
UNSUPPORTED = "不支持的文件类型，请上传照片（JPG/PNG）、PDF 或 Word（.docx）文件"
ZIP_BROKEN = "压缩文件已损坏，无法打开"
ZIP_ARCHIVE = "不支持压缩包，请直接上传照片、PDF 或 Word（.docx）文件"
HEIC = "暂不支持 HEIC/HEIF 格式照片，请转为 JPG 后上传（手机相机可设为“兼容性最佳”）"
OLD_WORD = "不支持旧版 Word（.doc）文件，请另存为 .docx 或 PDF 后上传"


class UploadRejected(ValueError):
    """A file breaks an upload rule; the message says which, in words a citizen understands."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Limits:
    max_file_mb: float = 20
    max_job_mb: float = 60
    max_files: int = 20
    max_pages: int = 30  # pages read per job, all files together
    max_pixels: int = 60_000_000  # decompression-bomb guard for images (≈ 8000×7500)
    max_unzipped_mb: float = 100  # DOCX (a ZIP) expanded size
    ocr_max_side: int = 1600  # photos are scaled down to this before OCR
    render_dpi: int = 200  # scanned PDF pages are rendered at this resolution

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @property
    def max_job_bytes(self) -> int:
        return int(self.max_job_mb * MB)

    # -- the messages ------------------------------------------------------------------

    def file_too_big(self) -> str:
        return f"文件超过 {self.max_file_mb:g}MB，请压缩或分页后上传"

    def too_many_files(self) -> str:
        return f"超过单次最多 {self.max_files} 个文件的上限"

    def job_too_big(self) -> str:
        return f"本次上传的文件合计超过 {self.max_job_mb:g}MB 的上限"

    def too_many_pages(self) -> str:
        return f"本次上传的页数已超过 {self.max_pages} 页上限"

    # -- the checks --------------------------------------------------------------------

    def check_file(self, data: bytes) -> str:
        """The type of an uploaded file's content (pdf | image | docx), checked against the
        size limit; raises UploadRejected."""
        if len(data) > self.max_file_bytes:
            raise UploadRejected(self.file_too_big())
        return sniff(data)


def sniff(data: bytes | Path) -> str:
    """``pdf``, ``image`` or ``docx`` judged by content; raises UploadRejected otherwise."""
    if isinstance(data, Path):
        with open(data, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    else:
        head = data[:SNIFF_BYTES]
    if not head:
        raise UploadRejected(EMPTY)
    if b"%PDF-" in head[:1024]:
        return PDF
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime in IMAGE_MIMES:
        return IMAGE
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if mime in {"image/heic", "image/heif", "image/avif"}:
        raise UploadRejected(HEIC)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UploadRejected(OLD_WORD)
    raise UploadRejected(UNSUPPORTED)


def _zip_kind(data: bytes | Path) -> str:
    """A ZIP is accepted only as a Word document (``word/document.xml`` inside)."""
    try:
        with zipfile.ZipFile(data if isinstance(data, Path) else io.BytesIO(data)) as archive:
            if "word/document.xml" in archive.namelist():
                return DOCX
    except zipfile.BadZipFile as exc:
        raise UploadRejected(ZIP_BROKEN) from exc
    raise UploadRejected(ZIP_ARCHIVE)
