"""Writing uploads: JPEG/PNG photos, image-only PDFs, text-layer PDFs, DOCX forms.

Byte-stable: PDFs carry a fixed creation date, DOCX zip entries a fixed time stamp.
"""

from __future__ import annotations

import io
import logging
import random
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from docx import Document as Docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from fpdf import FPDF
from PIL import Image

from .draw import Canvas, handwriting, seal
from .fonts import path_of
from .paper import Hand, Paper

logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
FIXED = datetime(2026, 11, 20, 9, 0, 0, tzinfo=UTC)


def save_jpg(im: Image.Image, path: Path, quality: int = 86) -> None:
    im.convert("RGB").save(path, "JPEG", quality=quality, optimize=False)


def save_png(im: Image.Image, path: Path) -> None:
    im.save(path, "PNG", compress_level=6)


def _pdf() -> FPDF:
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(FIXED)
    pdf.set_auto_page_break(False)
    file, index = path_of("system")
    pdf.add_font("sys", fname=file, collection_font_number=index)
    return pdf


def image_pdf(pages: list[Image.Image], path: Path, dpi: int = 150) -> None:
    """An image-only PDF (a scan): one page per image, at the page's physical size."""
    pdf = _pdf()
    _add_images(pdf, pages, dpi)
    pdf.output(str(path))


def _add_images(pdf: FPDF, pages: list[Image.Image], dpi: int) -> None:
    for im in pages:
        w, h = im.width * 25.4 / dpi, im.height * 25.4 / dpi
        pdf.add_page(format=(w, h))
        buf = io.BytesIO()
        im.convert("RGB").save(buf, "JPEG", quality=80)
        buf.seek(0)
        pdf.image(buf, x=0, y=0, w=w, h=h)


def _seal_png(text: str, rng: random.Random) -> io.BytesIO:
    """An electronic seal picture: red on a transparent ground, so the print shows through."""
    cv = Canvas(42, 42, 200, (255, 255, 255))
    seal(cv, 21, 21, 19, text, rng)
    rgb = np.asarray(cv.img, dtype=np.uint8)
    alpha = 255 - rgb.min(axis=2)
    im = Image.fromarray(np.dstack([rgb, alpha]), "RGBA")
    buf = io.BytesIO()
    im.save(buf, "PNG")
    buf.seek(0)
    return buf


def _hand_png(text: str, rng: random.Random) -> tuple[io.BytesIO, float]:
    im = handwriting(text, 90, rng)
    bg = Image.new("RGB", im.size, (255, 255, 255))
    bg.paste(im, (0, 0), im)
    buf = io.BytesIO()
    bg.save(buf, "PNG")
    buf.seek(0)
    return buf, im.width / im.height


def _text(cell) -> str:
    if cell is None:
        return ""
    return cell.text if isinstance(cell, Hand) else cell


def text_pdf(
    paper: Paper,
    path: Path,
    rng: random.Random,
    header: str,
    extra_images: list[Image.Image] | None = None,
    then: list[Paper] = (),
) -> None:
    """A text-layer PDF as another office's system prints it: header, page numbers, e-seal.

    ``then`` appends further papers; ``extra_images`` appends scanned image pages (a
    merged PDF of form + ID copy + contract).
    """
    pdf = _pdf()
    papers = [paper, *then]
    total = sum(len(p.pages) for p in papers)
    n = 0
    for pp in papers:
        for blocks in pp.pages:
            n += 1
            _pdf_page(pdf, blocks, rng, header, n, total)
    if extra_images:
        _add_images(pdf, extra_images, 150)
    pdf.output(str(path))


def _pdf_page(pdf: FPDF, blocks, rng, header, n, total) -> None:
    pdf.add_page()
    pdf.set_font("sys", size=8)
    pdf.set_text_color(110, 110, 110)
    pdf.set_xy(15, 8)
    pdf.cell(180, 5, header)
    pdf.set_xy(15, 285)
    pdf.cell(180, 5, f"第 {n} 页 共 {total} 页", align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(20, 22)
    for b in blocks:
        kind = b[0]
        if kind == "title":
            pdf.set_font("sys", size=17)
            pdf.cell(170, 12, b[1], align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind in ("sub", "right"):
            pdf.set_font("sys", size=10)
            pdf.set_x(20)
            pdf.cell(
                170, 6, b[1], align="C" if kind == "sub" else "R", new_x="LMARGIN", new_y="NEXT"
            )
        elif kind == "para":
            pdf.set_font("sys", size=11.5)
            pdf.set_x(20)
            pdf.multi_cell(170, 7, "　　" + b[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "kv":
            pdf.set_font("sys", size=11.5)
            pdf.set_x(20)
            pdf.cell(170, 8, f"{b[1]}：{b[2]}", new_x="LMARGIN", new_y="NEXT")
        elif kind == "table":
            pdf.set_font("sys", size=10.5)
            total_w = sum(b[2])
            widths = [w * 170 / total_w for w in b[2]]
            for row in b[1]:
                ws = [*widths[: len(row) - 1], 170 - sum(widths[: len(row) - 1])]
                lines = max(
                    1,
                    *(
                        len(_text(c)) * 3.9 // max(w - 2, 1) + 1
                        for c, w in zip(row, ws, strict=True)
                    ),
                )
                h = 8 * lines
                y = pdf.get_y()
                x = 20.0
                for c, w in zip(row, ws, strict=True):
                    pdf.rect(x, y, w, h)
                    pdf.set_xy(x + 1, y + 0.8)
                    pdf.multi_cell(w - 2, h / lines - 1.6 if lines > 1 else h - 1.6, _text(c))
                    x += w
                pdf.set_xy(20, y + h)
            pdf.ln(3)
        elif kind == "sign":
            _, label, signer, date_text, seal_text = b
            pdf.ln(4)
            pdf.set_font("sys", size=11.5)
            y = pdf.get_y()
            pdf.set_xy(105, y)
            pdf.cell(80, 8, label + (signer or ""))
            if seal_text:
                pdf.image(_seal_png(seal_text, rng), x=118, y=y - 14, w=38, h=38)
            if date_text is not None:
                pdf.set_xy(105, y + 10)
                pdf.cell(80, 8, _text(date_text))
            pdf.set_xy(20, y + 22)
        elif kind == "gap":
            pdf.ln(b[1])


def docx_file(paper: Paper, path: Path, rng: random.Random, signed: bool) -> None:
    """A Word form filled in on a computer; ``signed`` pastes a scanned signature picture."""
    doc = Docx()
    style = doc.styles["Normal"]
    style.font.name = "仿宋_GB2312"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    for blocks in paper.pages:
        for b in blocks:
            kind = b[0]
            if kind == "title":
                p = doc.add_paragraph()
                p.alignment = 1
                r = p.add_run(b[1])
                r.bold = True
                r.font.size = Pt(18)
                r.font.name = "方正小标宋简体"
                r._element.rPr.rFonts.set(qn("w:eastAsia"), "方正小标宋简体")
            elif kind in ("sub", "right"):
                p = doc.add_paragraph(b[1])
                p.alignment = 1 if kind == "sub" else 2
            elif kind == "para":
                p = doc.add_paragraph(b[1])
                p.paragraph_format.first_line_indent = Pt(24)
            elif kind == "kv":
                doc.add_paragraph(f"{b[1]}：{b[2]}")
            elif kind == "table":
                rows = b[1]
                ncol = max(len(r) for r in rows)
                t = doc.add_table(rows=len(rows), cols=ncol)
                t.style = "Table Grid"
                for i, row in enumerate(rows):
                    cells = t.rows[i].cells
                    for j, c in enumerate(row):
                        cells[j].text = _text(c)
                    if len(row) < ncol:
                        cells[len(row) - 1].merge(cells[ncol - 1])
            elif kind == "sign":
                _, label, signer, date_text, seal_text = b
                p = doc.add_paragraph()
                p.alignment = 2
                p.add_run(label)
                if signed and signer:
                    buf, ratio = _hand_png(signer, rng)
                    p.add_run().add_picture(buf, height=Mm(11), width=Mm(11 * ratio))
                if signed and seal_text:
                    p.add_run().add_picture(_seal_png(seal_text, rng), width=Mm(32))
                if date_text is not None:
                    q = doc.add_paragraph(
                        _text(date_text)
                        if not isinstance(date_text, Hand)
                        else "日期：" + date_text.text
                    )
                    q.alignment = 2
            elif kind == "gap":
                doc.add_paragraph("")
        if blocks is not paper.pages[-1]:
            doc.add_page_break()
    cp = doc.core_properties
    cp.author = "窗口填表"
    cp.created = cp.modified = cp.last_printed = FIXED.replace(tzinfo=None)
    buf = io.BytesIO()
    doc.save(buf)
    _restamp(buf.getvalue(), path)


def _restamp(data: bytes, path: Path) -> None:
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 20, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(zi, src.read(info.filename))
