"""Paper documents written once as blocks and exported as page images, text PDF or DOCX.

A block is a small tuple: ``("title", s)``, ``("center", s)``, ``("right", s)``, ``("p", s)``,
``("grid", rows, widths_mm)`` (a cell is a string or ``Hand(s)`` for a hand-filled value),
``("sign", Sign)``, ``("gap", mm)``. The same blocks give a phone photo, a scan, a system
export PDF with header/footer and page numbers, or a Word file with real tables.
"""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from fpdf import FPDF
from PIL import Image

from tests.prereview.blind4.draw import INK_BLACK, INK_BLUE, Canvas, seal_image, signature_image
from tests.prereview.blind4.fonts import face_path

FIXED = datetime(2026, 11, 30, 8, 0, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Hand:
    """A value written by hand on a printed form."""

    text: str


@dataclass
class Sign:
    """A signing area: printed label, hand signature, date line, seal."""

    label: str
    signer: str | None = None  # handwritten name; None = left blank
    date: str | None = None  # written date (handwritten when signer is handwritten)
    seal: str | None = None  # organisation whose red seal is stamped here
    printed: str | None = None  # name printed after the label (typed before printing)


@dataclass
class Paper:
    blocks: list
    body_role: str = "body"
    header: str | None = None  # system export header line (text PDF)
    footer: bool = False  # "第 N 页 共 M 页"
    qr_text: str | None = None  # verification QR at the top right with a caption
    margins: float = 22.0
    size: float = 3.9  # body size in mm


# ---------------------------------------------------------------- raster


def render_pages(
    paper: Paper, rng: random.Random, dpi: int = 150, hand_ink=INK_BLUE
) -> list[Image.Image]:
    """The paper as A4 page images (what a printer would put on paper)."""
    pages: list[Canvas] = []
    m, s = paper.margins, paper.size

    def new_page() -> Canvas:
        c = Canvas(210, 297, dpi)
        if paper.header:
            c.text(m, 10, paper.header, "sans", 2.6, fill=(90, 90, 90))
            c.line(m, 14, 210 - m, 14, fill=(150, 150, 150), w_mm=0.2)
        if paper.qr_text and not pages:
            c.qr(210 - m - 22, 17, 22, rng)
            c.text(210 - m - 11, 40, paper.qr_text, "sans", 2.2, anchor="ma", fill=(90, 90, 90))
        pages.append(c)
        return c

    c = new_page()
    y = 44.0 if paper.qr_text else 24.0 if paper.header else 20.0
    width = 210 - 2 * m
    for block in paper.blocks:
        kind = block[0]
        need = 14 if kind in ("p", "sign") else 10
        if kind == "grid":
            need = 10 * min(3, len(block[1]))
        if y + need > 297 - 20:
            c = new_page()
            y = 24.0 if paper.header else 20.0
        if kind == "title":
            c.text(105, y, block[1], "title", s * 1.6, anchor="ma")
            y += s * 1.6 + 6
        elif kind in ("center", "right"):
            if kind == "center":
                c.text(105, y, block[1], paper.body_role, s * 0.9, anchor="ma")
            else:
                c.text(210 - m, y, block[1], paper.body_role, s, anchor="ra")
            y += s + 3
        elif kind == "p":
            lines = c.wrap("\u3000\u3000" + block[1], width, paper.body_role, s)
            for ln in lines:
                if y + s > 297 - 20:
                    c = new_page()
                    y = 24.0 if paper.header else 20.0
                c.text(m, y, ln, paper.body_role, s)
                y += s * 1.75
            y += 1.5
        elif kind == "gap":
            y += block[1]
        elif kind == "grid":
            rows, widths = block[1], block[2]
            scale = width / sum(widths)
            for row in rows:
                row_h = max(s * 2.4, _row_height(c, row, widths, scale, s))
                if y + row_h > 297 - 20:
                    c = new_page()
                    y = 24.0 if paper.header else 20.0
                x = m
                for cell, w in zip(row, widths, strict=True):
                    w *= scale
                    c.rect(x, y, w, row_h, w_mm=0.25)
                    if isinstance(cell, Hand):
                        if cell.text:
                            c.hand(
                                x + 1.5,
                                y + (row_h - s * 1.3) / 2,
                                cell.text,
                                rng,
                                s * 1.25,
                                hand_ink,
                            )
                    elif cell:
                        lines = c.wrap(cell, w - 2.5, paper.body_role, s * 0.92)
                        yy = y + (row_h - len(lines) * s * 1.3) / 2
                        for ln in lines:
                            c.text(x + 1.3, yy, ln, paper.body_role, s * 0.92)
                            yy += s * 1.3
                    x += w
                y += row_h
            y += 3
        elif kind == "sign":
            sg: Sign = block[1]
            x = 210 - m - 78
            wlab = c.text(x, y, sg.label, paper.body_role, s)
            if sg.printed:
                c.text(x + wlab + 1, y, sg.printed, paper.body_role, s)
            elif sg.signer:
                c.hand(x + wlab + 2, y - 1.2, sg.signer, rng, s * 1.5, hand_ink)
            if sg.seal:
                c.seal(x + 22, y + 3, 17, sg.seal, rng)
            y += s * 2.2
            if sg.date:
                if sg.signer and not sg.printed:
                    c.text(x, y, "日期：", paper.body_role, s)
                    c.hand(x + 12, y - 1, sg.date, rng, s * 1.2, hand_ink)
                else:
                    c.text(x, y, sg.date, paper.body_role, s)
                y += s * 2
            y += 3
    if paper.footer:
        for i, pc in enumerate(pages, 1):
            pc.text(
                105,
                285,
                f"第 {i} 页 共 {len(pages)} 页",
                "sans",
                2.6,
                anchor="ma",
                fill=(90, 90, 90),
            )
    return [pc.img for pc in pages]


def _row_height(c: Canvas, row, widths, scale, s) -> float:
    n = 1
    for cell, w in zip(row, widths, strict=True):
        if isinstance(cell, str) and cell:
            n = max(n, len(c.wrap(cell, w * scale - 2.5, "body", s * 0.92)))
    return n * s * 1.3 + 3


# ---------------------------------------------------------------- text PDF


def render_pdf(paper: Paper, rng: random.Random, signed_images: bool = True) -> bytes:
    """A text-layer PDF as another office's system exports it (fpdf2, embedded face)."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED)
    path, index = face_path("form")
    pdf.add_font("cjk", "", path, collection_font_number=index)
    pdf.set_auto_page_break(True, margin=22)
    m, s = paper.margins, paper.size
    pt = s / 0.3528
    total_holder = "{nb}"

    def header_footer() -> None:
        pdf.set_auto_page_break(False)  # the footer sits below the body's bottom margin
        if paper.header:
            pdf.set_font("cjk", size=7.5)
            pdf.set_text_color(90, 90, 90)
            pdf.set_xy(m, 8)
            pdf.cell(0, 4, paper.header)
            pdf.line(m, 13, 210 - m, 13)
        if paper.footer:
            pdf.set_font("cjk", size=7.5)
            pdf.set_text_color(90, 90, 90)
            pdf.set_xy(0, 284)
            pdf.cell(210, 4, f"第 {pdf.page_no()} 页 共 {total_holder} 页", align="C")
        pdf.set_text_color(0, 0, 0)
        pdf.set_auto_page_break(True, margin=22)

    pdf.alias_nb_pages(total_holder)
    pdf.set_margins(m, 22, m)

    def page() -> None:
        pdf.add_page()
        header_footer()
        pdf.set_xy(m, 22)

    page()
    if paper.qr_text:
        c = Canvas(24, 24, 200)
        c.qr(0, 0, 24, rng)
        pdf.image(c.img, x=210 - m - 22, y=16, w=22)
        pdf.set_font("cjk", size=6)
        pdf.set_xy(210 - m - 30, 39)
        pdf.cell(38, 3, paper.qr_text, align="C")
        pdf.set_xy(m, 44)  # the body starts below the verification code
    width = 210 - 2 * m
    for block in paper.blocks:
        kind = block[0]
        if pdf.get_y() > 262 and kind != "gap":
            page()
        if kind == "title":
            pdf.set_font("cjk", size=pt * 1.5)
            pdf.cell(width, s * 2.2, block[1], align="C", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind in ("center", "right"):
            pdf.set_font("cjk", size=pt * 0.9)
            pdf.cell(
                width,
                s * 1.6,
                block[1],
                align="C" if kind == "center" else "R",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        elif kind == "p":
            pdf.set_font("cjk", size=pt)
            pdf.multi_cell(width, s * 1.7, "\u3000\u3000" + block[1], new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif kind == "gap":
            pdf.ln(block[1])
        elif kind == "grid":
            rows, widths = block[1], block[2]
            scale = width / sum(widths)
            pdf.set_font("cjk", size=pt * 0.92)
            for row in rows:
                if pdf.get_y() > 265:
                    page()
                y = pdf.get_y()
                x = m
                h = s * 2.4
                for cell, w in zip(row, widths, strict=True):
                    txt = cell.text if isinstance(cell, Hand) else cell
                    lines = max(1, int(pdf.get_string_width(txt) / max(1.0, w * scale - 2)) + 1)
                    h = max(h, lines * s * 1.3 + 2)
                for cell, w in zip(row, widths, strict=True):
                    txt = cell.text if isinstance(cell, Hand) else cell
                    pdf.rect(x, y, w * scale, h)
                    pdf.set_xy(x + 0.8, y + 1)
                    pdf.multi_cell(w * scale - 1.6, s * 1.3, txt, align="L")
                    x += w * scale
                pdf.set_xy(m, y + h)
            pdf.ln(3)
        elif kind == "sign":
            sg: Sign = block[1]
            pdf.set_font("cjk", size=pt)
            x = 210 - m - 80
            y = pdf.get_y() + 2
            pdf.set_xy(x, y)
            label = sg.label + (sg.printed or "")
            pdf.cell(pdf.get_string_width(label) + 1, s * 1.6, label)
            if sg.signer and signed_images:
                im = signature_image(sg.signer, rng, 80)
                pdf.image(im, x=x + pdf.get_string_width(label) + 2, y=y - 3, h=s * 2.6)
            if sg.seal:
                pdf.image(seal_image(240, sg.seal, rng), x=x + 8, y=y - 12, w=36)
            pdf.set_xy(x, y + s * 2.3)
            if sg.date:
                pdf.cell(
                    60, s * 1.6, sg.date if sg.printed or not sg.signer else f"日期：{sg.date}"
                )
            pdf.set_xy(m, y + s * 4.8)
    return bytes(pdf.output())


# ---------------------------------------------------------------- DOCX


def render_docx(paper: Paper, rng: random.Random) -> bytes:
    """A Word file with real tables; a signature or seal is a pasted picture."""
    d = docx.Document()
    d.core_properties.created = FIXED.replace(tzinfo=None)
    d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.author = "user"
    style = d.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(11)
    for sec in d.sections:
        sec.left_margin = sec.right_margin = Mm(paper.margins)
        if paper.header:
            sec.header.paragraphs[0].text = paper.header
    for block in paper.blocks:
        kind = block[0]
        if kind == "title":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(block[1])
            r.bold = True
            r.font.size = Pt(18)
            r.font.name = "黑体"
        elif kind in ("center", "right"):
            p = d.add_paragraph(block[1])
            p.alignment = (
                WD_ALIGN_PARAGRAPH.CENTER if kind == "center" else WD_ALIGN_PARAGRAPH.RIGHT
            )
        elif kind == "p":
            p = d.add_paragraph(block[1])
            p.paragraph_format.first_line_indent = Pt(22)
        elif kind == "gap":
            d.add_paragraph("")
        elif kind == "grid":
            rows, widths = block[1], block[2]
            t = d.add_table(rows=len(rows), cols=len(widths))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell.text if isinstance(cell, Hand) else cell
            d.add_paragraph("")
        elif kind == "sign":
            sg: Sign = block[1]
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p.add_run(sg.label + (sg.printed or ""))
            if sg.signer and not sg.printed:
                buf = io.BytesIO()
                signature_image(sg.signer, rng, 70).save(buf, "PNG")
                buf.seek(0)
                p.add_run().add_picture(buf, height=Mm(9))
            if sg.seal:
                buf = io.BytesIO()
                seal_image(200, sg.seal, rng).save(buf, "PNG")
                buf.seek(0)
                p.add_run().add_picture(buf, height=Mm(32))
            if sg.date:
                q = d.add_paragraph(sg.date)
                q.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    raw = io.BytesIO()
    d.save(raw)
    return _restamp_zip(raw.getvalue())


def _restamp_zip(data: bytes) -> bytes:
    """Same bytes on every run: zip entries get a fixed time."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            z = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 30, 8, 0, 0))
            z.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(z, src.read(info.filename))
    return out.getvalue()


def images_pdf(images: list[Image.Image], dpi: int) -> bytes:
    """An image-only PDF (a scanner's output): each image fills an A4 page."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED)
    for im in images:
        pdf.add_page()
        w_mm = im.width * 25.4 / dpi
        h_mm = im.height * 25.4 / dpi
        k = min(210 / w_mm, 297 / h_mm)
        buf = io.BytesIO()
        im.convert("RGB").save(buf, "JPEG", quality=80)
        buf.seek(0)
        pdf.image(buf, x=0, y=0, w=w_mm * k, h=h_mm * k)
    return bytes(pdf.output())


__all__ = [
    "INK_BLACK",
    "Hand",
    "Paper",
    "Sign",
    "images_pdf",
    "render_docx",
    "render_pages",
    "render_pdf",
]
