"""Text from uploaded files: PDF text layer, OCR of scans and photos, DOCX forms.

The file type is sniffed from content, never the extension. Whatever goes wrong
with one file (encrypted, corrupt, too big, unsupported) becomes that file's
``Document.problem`` in words a citizen understands; other files are unaffected.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from functools import cache
from pathlib import Path

import filetype
from PIL import Image, ImageOps, UnidentifiedImageError

from prereview.document import Document, Line, Page
from prereview.limits import MB, Limits
from prereview.ocr import Ocr, make_ocr
from prereview.orient import read_upright

IMAGE_MIMES = {"image/jpeg", "image/png", "image/webp", "image/bmp", "image/tiff", "image/x-ms-bmp"}
_CID = re.compile(r"\(cid:\d+\)")


class _Unreadable(Exception):
    """A citizen-facing reason why a file cannot be read."""


@cache
def default_ocr() -> Ocr:
    """The bundled RapidOCR engine, created on first use (models load lazily)."""
    return make_ocr("rapidocr")


def sniff(path: Path) -> str:
    """``pdf``, ``image`` or ``docx`` judged by content; raises _Unreadable otherwise."""
    with open(path, "rb") as handle:
        head = handle.read(8192)
    if not head:
        raise _Unreadable("文件是空的")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime in IMAGE_MIMES:
        return "image"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if "word/document.xml" in archive.namelist():
                    return "docx"
        except zipfile.BadZipFile as exc:
            raise _Unreadable("压缩文件已损坏，无法打开") from exc
        raise _Unreadable("不支持压缩包，请直接上传照片、PDF 或 Word（.docx）文件")
    if mime in {"image/heic", "image/heif", "image/avif"}:
        raise _Unreadable(
            "暂不支持 HEIC/HEIF 格式照片，请转为 JPG 后上传（手机相机可设为“兼容性最佳”）"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _Unreadable("不支持旧版 Word（.doc）文件，请另存为 .docx 或 PDF 后上传")
    raise _Unreadable("不支持的文件类型，请上传照片（JPG/PNG）、PDF 或 Word（.docx）文件")


def extract_text(
    path: str | Path,
    ocr: Ocr | None = None,
    *,
    name: str | None = None,
    limits: Limits | None = None,
    max_pages: int | None = None,
) -> Document:
    """Read one file. ``max_pages`` is what is left of the job's page budget."""
    path = Path(path)
    limits = limits or Limits()
    document = Document(name=name or path.name, path=path)
    budget = limits.max_pages if max_pages is None else max_pages
    try:
        size = path.stat().st_size
        if size > limits.max_file_mb * MB:
            raise _Unreadable(f"文件超过 {limits.max_file_mb:g}MB，请压缩或分页后上传")
        document.kind = sniff(path)
        if document.kind == "pdf":
            document.pages = _pdf_pages(path, ocr, limits, budget, document)
        elif document.kind == "image":
            document.pages = [_image_page(path, ocr or default_ocr(), limits)]
        else:
            document.pages = _docx_pages(path, limits)
    except _Unreadable as exc:
        document.problem = str(exc)
    except OSError as exc:
        document.problem = f"文件无法读取（{exc.strerror or '读取错误'}）"
    return document


# -- images ----------------------------------------------------------------------------------


def open_image(path: Path, limits: Limits) -> Image.Image:
    """An RGB image, EXIF orientation applied, guarded against decompression bombs."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            width, height = image.size
            if width * height > limits.max_pixels:
                raise _Unreadable("图片像素过大，请缩小后重新上传")
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _Unreadable("图片像素过大，请缩小后重新上传") from exc
    except (UnidentifiedImageError, SyntaxError, ValueError) as exc:
        raise _Unreadable("图片已损坏，无法打开，请重新拍摄上传") from exc
    except OSError as exc:
        raise _Unreadable("图片已损坏或不完整，无法打开，请重新拍摄上传") from exc
    return image


def _shrink(image: Image.Image, max_side: int) -> Image.Image:
    if max(image.size) <= max_side:
        return image
    scale = max_side / max(image.size)
    return image.resize((round(image.width * scale), round(image.height * scale)), Image.LANCZOS)


def ocr_page(image: Image.Image, ocr: Ocr, number: int, limits: Limits) -> Page:
    image = _shrink(image, limits.ocr_max_side)
    rotation, lines, upright = read_upright(ocr, image)
    return Page(
        number=number,
        lines=lines,
        source="ocr",
        rotation=rotation,
        width=upright.width,
        height=upright.height,
    )


def _image_page(path: Path, ocr: Ocr, limits: Limits) -> Page:
    return ocr_page(open_image(path, limits), ocr, 1, limits)


# -- PDF -------------------------------------------------------------------------------------


def text_layer_usable(lines: list[Line]) -> bool:
    """A text layer worth trusting: some real characters, not glyph ids or private-use junk."""
    text = "".join(line.text for line in lines)
    if _CID.search(text):
        return False
    visible = [c for c in text if not c.isspace()]
    if len(visible) < 10:
        return False
    junk = sum(1 for c in visible if "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    return junk / len(visible) < 0.1


def _text_lines(page) -> list[Line]:
    return [
        Line(text=row["text"], box=(row["x0"], row["top"], row["x1"], row["bottom"]))
        for row in page.extract_text_lines(return_chars=False)
        if row["text"].strip()
    ]


def _pdf_pages(
    path: Path, ocr: Ocr | None, limits: Limits, budget: int, document: Document
) -> list[Page]:
    import pdfplumber
    import pypdfium2 as pdfium
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise _Unreadable("PDF 文件已加密，请去除密码后重新上传") from exc
        raise _Unreadable("PDF 文件已损坏，无法打开，请重新导出后上传") from exc
    try:
        count = len(pdf)
        if count == 0:
            raise _Unreadable("PDF 文件没有页面")
        if budget <= 0:
            raise _Unreadable(f"本次上传的页数已超过 {limits.max_pages} 页上限，此文件未读取")
        pages: list[Page] = []
        try:
            plumbed = pdfplumber.open(path)
        except (PdfminerException, PDFPasswordIncorrect) as exc:
            raise _Unreadable("PDF 文件已损坏，无法打开，请重新导出后上传") from exc
        with plumbed:
            for index in range(min(count, budget)):
                try:
                    lines = _text_lines(plumbed.pages[index])
                except Exception:
                    lines = []
                if text_layer_usable(lines):
                    page = plumbed.pages[index]
                    pages.append(Page(index + 1, lines, "text", 0, page.width, page.height))
                    continue
                image = _render(pdf[index], limits)
                pages.append(ocr_page(image, ocr or default_ocr(), index + 1, limits))
        if count > budget:
            document.warnings.append(f"文件共 {count} 页，超过页数上限，只读取了前 {budget} 页")
        return pages
    finally:
        pdf.close()


def _render(page, limits: Limits) -> Image.Image:
    """A PDF page as an image at ``render_dpi``, never larger than the OCR size."""
    width, height = page.get_size()
    scale = limits.render_dpi / 72
    scale = min(scale, limits.ocr_max_side / max(width, height, 1) * 1.2)
    return page.render(scale=scale).to_pil().convert("RGB")


# -- DOCX ------------------------------------------------------------------------------------


def _docx_pages(path: Path, limits: Limits) -> list[Page]:
    import docx

    with zipfile.ZipFile(path) as archive:
        expanded = sum(info.file_size for info in archive.infolist())
        if expanded > limits.max_unzipped_mb * MB or len(archive.infolist()) > 10_000:
            raise _Unreadable("Word 文件内容异常（解压后过大），无法读取")
    try:
        word = docx.Document(str(path))
    except Exception as exc:
        raise _Unreadable("Word 文件已损坏，无法打开，请另存后重新上传") from exc
    lines = [Line(p.text.strip()) for p in word.paragraphs if p.text.strip()]
    for table in word.tables:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                text = cell.text.strip()
                if text and (not cells or cells[-1] != text):  # merged cells repeat
                    cells.append(text)
            if cells:
                lines.append(Line(" ".join(cells)))
    return [Page(1, lines, "text")]
