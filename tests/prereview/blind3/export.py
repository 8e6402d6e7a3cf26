"""Files as applicants upload them: JPEG/PNG, image-only PDF, text-layer PDF, DOCX.

Dates inside PDF and DOCX are fixed so that two runs give the same bytes.
"""

from __future__ import annotations

import io
import logging
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from fpdf import FPDF
from PIL import Image

from .blocks import Break, Doc, Fields, Hand, Para, Picture, Sign, Space, Table, Title
from .draw import hand, seal
from .fonts import font_file

# fpdf2 subsets through fontTools, which warns about tables it drops (noise, not an error).
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

FIXED = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def save_jpeg(img: Image.Image, path: Path, quality: int = 85, exif: bytes | None = None) -> None:
    kwargs = {"quality": quality, "optimize": False}
    if exif:
        kwargs["exif"] = exif
    img.convert("RGB").save(path, "JPEG", **kwargs)


def save_png(img: Image.Image, path: Path) -> None:
    img.save(path, "PNG", optimize=False)


def image_pdf(pages: list[Image.Image], path: Path, dpi: int = 150) -> None:
    """Scanner output: one image per page, no text layer."""
    pdf = FPDF(unit="mm")
    pdf.set_creation_date(FIXED)
    for img in pages:
        w, h = img.width * 25.4 / dpi, img.height * 25.4 / dpi
        pdf.add_page(format=(w, h))
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=80)
        pdf.image(buf, x=0, y=0, w=w, h=h)
    pdf.output(str(path))


def _pdf_font(pdf: FPDF, role: str) -> str:
    path, index = font_file(role)
    name = f"{role}{index}"
    if name not in pdf.fonts:
        pdf.add_font(name, fname=str(path), collection_font_number=index)
    return name


def _png(img: Image.Image) -> io.BytesIO:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    buf.seek(0)
    return buf


def text_pdf(doc: Doc, path: Path, header: str = "", footer: str = "") -> None:
    """Another office's system export: real text, tables as grids, pasted signature images."""
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(True, margin=doc.margin)
    body = _pdf_font(pdf, doc.role)
    bold = _pdf_font(pdf, doc.title_role)
    pdf.set_margins(doc.margin, doc.margin, doc.margin)
    pdf.add_page()
    n = 0

    def header_footer() -> None:
        if header:
            pdf.set_font(body, size=8)
            pdf.set_xy(doc.margin, 8)
            pdf.cell(0, 5, header)
            pdf.set_xy(doc.margin, doc.margin)

    header_footer()
    for b in doc.blocks:
        if isinstance(b, Title):
            pdf.set_font(bold, size=b.size)
            pdf.cell(0, b.size * 0.5, b.text, align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        elif isinstance(b, Para):
            pdf.set_font(body, size=b.size)
            text = ("\u3000\u3000" if b.indent else "") + b.text
            pdf.multi_cell(0, b.size * 0.55, text, align="R" if b.align == "right" else "L")
            pdf.ln(1.5)
        elif isinstance(b, Table | Fields):
            rows, widths = _grid(b)
            pdf.set_font(body, size=getattr(b, "size", 10))
            with pdf.table(col_widths=widths, first_row_as_headings=False, line_height=6) as t:
                for row in rows:
                    r = t.row()
                    for value in row:
                        r.cell(value.text if isinstance(value, Hand) else (value or ""))
            pdf.ln(3)
        elif isinstance(b, Sign):
            pdf.set_font(body, size=10.5)
            pdf.set_x(105)
            label = b.label + "："
            x, y = pdf.get_x() + pdf.get_string_width(label), pdf.get_y()
            pdf.cell(
                0,
                8,
                label + (b.signer if isinstance(b.signer, str) else ""),
                new_x="LMARGIN",
                new_y="NEXT",
            )
            n += 1
            if b.seal:
                pdf.image(
                    _png(seal(200, 40, b.seal, "", doc.seed * 31 + n)), x=x - 10, y=y - 14, w=40
                )
            if isinstance(b.signer, Hand):
                img = hand(b.signer.text, 60, doc.seed * 97 + n)
                pdf.image(_png(img), x=x, y=y - 1, h=9)
            if b.date:
                pdf.set_x(105)
                pdf.cell(0, 8, b.date, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif isinstance(b, Picture):
            h = b.width_mm * b.img.height / b.img.width
            if pdf.get_y() + h > 297 - doc.margin:
                pdf.add_page()
            buf = io.BytesIO()
            b.img.convert("RGB").save(buf, "JPEG", quality=85)
            pdf.image(buf, x=(210 - b.width_mm) / 2, w=b.width_mm)
            pdf.ln(4)
        elif isinstance(b, Space):
            pdf.ln(b.mm)
        elif isinstance(b, Break):
            pdf.add_page()
            header_footer()
    if footer:
        for i in range(1, pdf.pages_count + 1):
            pdf.page = i
            pdf.set_font(body, size=8)
            pdf.set_xy(doc.margin, 297 - 12)
            pdf.cell(0, 5, f"{footer}  第 {i} 页 共 {pdf.pages_count} 页", align="C")
    pdf.output(str(path))


def _grid(b: Table | Fields) -> tuple[list[list], list[float]]:
    if isinstance(b, Table):
        widths = b.widths or [1 / len(b.rows[0])] * len(b.rows[0])
        return b.rows, [w * 100 for w in widths]
    rows: list[list] = []
    for i in range(0, len(b.pairs), b.cols):
        chunk = b.pairs[i : i + b.cols]
        chunk += [("", "")] * (b.cols - len(chunk))
        rows.append([label for label, _ in chunk])
        rows.append([value for _, value in chunk])
    return rows, [100 / b.cols] * b.cols


def _run_font(run, family: str, size: float) -> None:
    run.font.name = family
    run.font.size = Pt(size)
    run._element.rPr.rFonts.set(qn("w:eastAsia"), family)


def docx_file(doc: Doc, path: Path, family: str = "宋体") -> None:
    """A Word form: tables keep their cells, signatures are pasted pictures."""
    d = Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(doc.margin))
    d.core_properties.created = FIXED.replace(tzinfo=None)
    d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.author = "user"
    n = 0
    for b in doc.blocks:
        if isinstance(b, Title):
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(b.text)
            _run_font(r, "黑体", b.size)
            r.bold = True
        elif isinstance(b, Para):
            p = d.add_paragraph()
            if b.align == "right":
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if b.indent:
                p.paragraph_format.first_line_indent = Pt(b.size * 2)
            _run_font(p.add_run(b.text), family, b.size)
        elif isinstance(b, Table | Fields):
            rows, _ = _grid(b)
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, value in enumerate(row):
                    text = value.text if isinstance(value, Hand) else (value or "")
                    para = t.cell(i, j).paragraphs[0]
                    _run_font(para.add_run(text), family, 10.5)
            d.add_paragraph()
        elif isinstance(b, Sign):
            n += 1
            p = d.add_paragraph()
            p.paragraph_format.left_indent = Mm(80)
            _run_font(p.add_run(b.label + "："), family, 10.5)
            if isinstance(b.signer, Hand):
                p.add_run().add_picture(
                    _png(hand(b.signer.text, 60, doc.seed * 97 + n)), height=Mm(9)
                )
            elif b.signer:
                _run_font(p.add_run(b.signer), family, 10.5)
            if b.seal:
                p.add_run().add_picture(
                    _png(seal(150, 40, b.seal, "", doc.seed * 31 + n)), height=Mm(30)
                )
            if b.date:
                q = d.add_paragraph()
                q.paragraph_format.left_indent = Mm(80)
                _run_font(q.add_run(b.date), family, 10.5)
        elif isinstance(b, Picture):
            d.add_picture(_png(b.img.convert("RGB")), width=Mm(b.width_mm))
        elif isinstance(b, Space):
            d.add_paragraph()
        elif isinstance(b, Break):
            d.add_page_break()
    buf = io.BytesIO()
    d.save(buf)
    _fixed_zip(buf.getvalue(), path)


def _fixed_zip(data: bytes, path: Path) -> None:
    """Rewrites the DOCX zip with fixed entry times (python-docx stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 9, 30, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(fixed, src.read(info.filename))
