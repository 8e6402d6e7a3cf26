"""Text from uploaded files: PDF text layer, OCR of scans and photos, DOCX forms.

The file type is sniffed from content, never the extension. Whatever goes wrong
with one file (encrypted, corrupt, too big, unsupported) becomes that file's
``Document.problem`` in words a citizen understands; other files are unaffected.
"""

from __future__ import annotations

import itertools
import re
import warnings
import zipfile
from functools import cache
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from prereview.document import Box, Document, Line, Page
from prereview.limits import MB, Limits, UploadRejected, sniff
from prereview.ocr import Ocr, make_ocr
from prereview.orient import read_upright
from prereview.seal import has_seal, red_seals, without_seals

_CID = re.compile(r"\(cid:\d+\)")

# A citizen-facing reason why a file cannot be read: the same exception as the upload rules.
_Unreadable = UploadRejected


@cache
def default_ocr() -> Ocr:
    """The bundled RapidOCR engine, created on first use (models load lazily)."""
    return make_ocr("rapidocr")


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
            raise UploadRejected(limits.file_too_big())
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
    """One page read by OCR; a red seal's ink is taken out first (the date under it is read)."""
    image = _shrink(image, limits.ocr_max_side)
    seals = red_seals(image)
    rotation, lines, upright = read_upright(ocr, without_seals(image, seals) if seals else image)
    return Page(
        number=number,
        lines=lines,
        source="ocr",
        rotation=rotation,
        width=upright.width,
        height=upright.height,
        seal=bool(seals) or has_seal(image),
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


CELL_GAP = 2.0  # a blank wider than this many character heights separates two table cells
WORD_GAP = 0.25  # a blank wider than this, within a cell, is a space between words


def _text_lines(page) -> list[Line]:
    lines: list[Line] = []
    for row in page.extract_text_lines(return_chars=True):
        if row["text"].strip():
            lines += split_cells(row["chars"]) or [
                Line(row["text"], (row["x0"], row["top"], row["x1"], row["bottom"]))
            ]
    return lines


def split_cells(chars: list[dict]) -> list[Line]:
    """One text-layer line cut where a wide blank separates table cells (户名 | 账号).

    pdfplumber joins a table row into one line; OCR returns each cell as its own
    box. Cut the same way, a header row of labels pairs with the values below it.
    """
    cells: list[list[dict]] = []
    for char in (c for c in chars if c["text"].strip()):
        height = char["bottom"] - char["top"]
        if cells and char["x0"] - cells[-1][-1]["x1"] <= CELL_GAP * max(height, 1.0):
            cells[-1].append(char)
        else:
            cells.append([char])
    return [
        Line(_spaced(cell), (cell[0]["x0"], min(c["top"] for c in cell), cell[-1]["x1"],
                             max(c["bottom"] for c in cell)))
        for cell in cells
    ]  # fmt: skip


def _spaced(cell: list[dict]) -> str:
    """The cell's characters, a space where a blank separates words (曹建国    身份证号码)."""
    text = cell[0]["text"]
    for before, char in itertools.pairwise(cell):
        gap = char["x0"] - before["x1"]
        text += (" " if gap > WORD_GAP * (char["bottom"] - char["top"]) else "") + char["text"]
    return text


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
            raise UploadRejected(f"{limits.too_many_pages()}，此文件未读取")
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
                    seal = _drawn_seal(page, pdf[index])
                    pages.append(Page(index + 1, lines, "text", 0, page.width, page.height, seal,
                                      _pictures(page)))  # fmt: skip
                    continue
                image = _render(pdf[index], limits)
                pages.append(ocr_page(image, ocr or default_ocr(), index + 1, limits))
        if count > budget:
            document.warnings.append(f"文件共 {count} 页，超过页数上限，只读取了前 {budget} 页")
        return pages
    finally:
        pdf.close()


SEAL_DPI = 60  # enough to see a seal's ring; a text page is only rendered when it has pictures


def _drawn_seal(plumbed_page, page) -> bool:
    """A seal on a text-layer page: an electronic seal is a picture or drawn curves on it."""
    try:
        if not (plumbed_page.images or plumbed_page.curves):
            return False
    except Exception:
        return False
    return has_seal(page.render(scale=SEAL_DPI / 72).to_pil().convert("RGB"))


PICTURE_SHARE = 0.5  # a picture covering more of the page than this is its background


def _pictures(plumbed_page) -> list[tuple[float, float, float, float]]:
    """Boxes of the pictures on a text page (a signature pasted beside 承诺人（签字）)."""
    try:
        images = plumbed_page.images
    except Exception:
        return []
    area = max(plumbed_page.width * plumbed_page.height, 1.0)
    boxes = [(im["x0"], im["top"], im["x1"], im["bottom"]) for im in images]
    return [b for b in boxes if (b[2] - b[0]) * (b[3] - b[1]) < PICTURE_SHARE * area]


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
    lines, marks = docx_body(word)
    return [Page(1, lines, "text", 0, DOCX_WIDTH, 0.0, marks=marks)]


DOCX_WIDTH = 1000.0  # the frame of the boxes given to DOCX paragraphs and cells
_DOCX_LINE = 20.0
_PICTURE_TAGS = ("drawing", "pict")  # w:drawing (inline or floating image), w:pict (VML)


def docx_lines(word) -> list[Line]:
    """Paragraphs and table cells in body order, each with a box that keeps the table's grid."""
    return docx_body(word)[0]


def docx_body(word) -> tuple[list[Line], list[Box]]:
    """Lines (see ``docx_lines``) and the boxes of the pictures among them.

    A cell sits in its column and row, so a label cell pairs with the value
    beside or below it exactly as on a photographed form; merged cells, which
    python-docx repeats, are read once; a cell's own lines stay stacked. A picture
    (a signature or seal pasted after 申请人（签字）：) is a mark right after the text of
    its paragraph or cell, so the signature place it fills is seen as signed.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[Line] = []
    marks: list[Box] = []
    y = 0.0
    for element in word.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(element, word).text.strip()
            picture = _has_picture(element)
            if text:
                lines.append(Line(text, (0.0, y, DOCX_WIDTH, y + _DOCX_LINE * 0.6)))
            if picture:
                marks.append(_mark_after(DOCX_WIDTH, y))
            if text or picture:
                y += _DOCX_LINE
        elif tag == "tbl":
            y = _table_lines(Table(element, word), lines, marks, y)
    return lines, marks


def _has_picture(element) -> bool:
    return any(node.tag.rsplit("}", 1)[-1] in _PICTURE_TAGS for node in element.iter())


def _mark_after(x: float, y: float) -> Box:
    """A picture's box just right of ``x`` on the line at ``y``."""
    return (x, y, x + 3 * _DOCX_LINE, y + _DOCX_LINE * 0.6)


def _table_lines(table, lines: list[Line], marks: list[Box], y: float) -> float:
    for row in table.rows:
        seen: set[int] = set()
        cells = [c for c in row.cells if id(c._tc) not in seen and not seen.add(id(c._tc))]
        width = DOCX_WIDTH / max(len(cells), 1)
        tallest = 1
        for column, cell in enumerate(cells):
            parts = [p.strip() for p in cell.text.splitlines() if p.strip()]
            for depth, text in enumerate(parts):
                top = y + depth * _DOCX_LINE
                box = (column * width, top, (column + 1) * width - 1, top + _DOCX_LINE * 0.6)
                lines.append(Line(text, box))
            if _has_picture(cell._tc):  # the whole cell: beside a label in it or left of it
                marks.append((column * width, y, (column + 1) * width - 1, y + _DOCX_LINE * 0.6))
            tallest = max(tallest, len(parts))
        y += tallest * _DOCX_LINE
    return y
