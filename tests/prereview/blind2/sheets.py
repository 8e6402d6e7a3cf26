"""A4 documents (forms, contracts, letters) as blocks, rendered three ways.

The same block list becomes raster pages (to be photographed or scanned), a PDF
with a text layer (fpdf2, fixed creation date) or a DOCX (python-docx, zip
timestamps fixed afterwards) so that one document can arrive in any of the
forms applicants use.

Blocks:
  ("title", text, size)          centred heading
  ("sub", text)                  centred small line (document number, edition)
  ("head", text)                 grey header line of another office's system export
  ("p", text)                    paragraph, first line indented
  ("line", text)                 unindented line
  ("table", rows, widths)        bordered grid; widths are relative
  ("sign", [(label, signer, seal, date)])  signature area: signer draws a hand
                                 signature, seal a red seal, either may be None
  ("gap", px)                    vertical space
  ("break",)                     page break
"""

from __future__ import annotations

import io
import random
import tempfile
import zipfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw

from . import draw as dr

A4 = (1240, 1754)
MARGIN = 120
FIXED = datetime(2026, 11, 30, 9, 0, 0, tzinfo=UTC)
Block = tuple


def _marks(
    parties: list, rng: random.Random
) -> list[tuple[Image.Image | None, Image.Image | None]]:
    """Draw each party's signature and seal once so raster, PDF and DOCX show the same marks."""
    out = []
    for _label, signer, seal, _date in parties:
        sig = dr.signature(signer, rng, 64) if signer else None
        stamp = dr.seal(seal, rng, 230) if seal else None
        out.append((sig, stamp))
    return out


def prepare(blocks: list[Block], rng: random.Random) -> list[Block]:
    """Resolve the random parts (signatures, seals) of sign blocks into images."""
    out = []
    for b in blocks:
        if b[0] == "sign":
            out.append(("sign", b[1], _marks(b[1], rng)))
        else:
            out.append(b)
    return out


# ---------------------------------------------------------------- raster


class _Pager:
    def __init__(self, face: str, paper: tuple[int, int, int]) -> None:
        self.face, self.paper = face, paper
        self.pages: list[Image.Image] = []
        self._new()

    def _new(self) -> None:
        self.im = Image.new("RGB", A4, self.paper)
        self.d = ImageDraw.Draw(self.im)
        self.y = MARGIN
        self.pages.append(self.im)

    def need(self, h: int) -> None:
        if self.y + h > A4[1] - MARGIN:
            self._new()

    def line(self, s: str, size: int, x: int = MARGIN, fill: tuple = (20, 20, 20)) -> None:
        self.need(int(size * 1.7))
        dr.text(self.d, (x, self.y), s, self.face, size, fill)
        self.y += int(size * 1.7)


def _table(pg: _Pager, rows: list[list[str]], widths: list[float], size: int = 26) -> None:
    total = A4[0] - 2 * MARGIN
    ws = [int(total * w / sum(widths)) for w in widths]
    for row in rows:
        cols = ws if len(row) == len(ws) else [total // len(row)] * len(row)
        cells = [
            dr.wrap(c, pg.face, size, cw - 24) or [""] for c, cw in zip(row, cols, strict=True)
        ]
        rh = max(len(c) for c in cells) * int(size * 1.45) + 26
        pg.need(rh)
        x = MARGIN
        for lines, cw in zip(cells, cols, strict=True):
            pg.d.rectangle((x, pg.y, x + cw, pg.y + rh), outline=(40, 40, 40), width=2)
            for k, ln in enumerate(lines):
                dr.text(pg.d, (x + 12, pg.y + 13 + k * int(size * 1.45)), ln, pg.face, size)
            x += cw
        pg.y += rh


def _sign(pg: _Pager, parties: list, marks: list) -> None:
    pg.need(260)
    n = len(parties)
    colw = (A4[0] - 2 * MARGIN) // max(1, n)
    top = pg.y
    for k, ((label, _signer, _seal, when), (sig, stamp)) in enumerate(
        zip(parties, marks, strict=True)
    ):
        x = MARGIN + k * colw
        dr.text(pg.d, (x, top + 30), label, pg.face, 28)
        if stamp is not None:
            dr.paste(pg.im, stamp, (x + 60, top - 40))
        if sig is not None:
            dr.paste(pg.im, sig, (x + dr.width(label, pg.face, 28) + 5, top))
        if when:
            dr.text(pg.d, (x, top + 150), when, pg.face, 28)
    pg.y = top + 240


def raster(
    blocks: list[Block], face: str, paper: tuple[int, int, int] = (255, 255, 255)
) -> list[Image.Image]:
    """Render prepared blocks to A4 pages at 150 dpi."""
    pg = _Pager(face, paper)
    width = A4[0] - 2 * MARGIN
    for b in blocks:
        kind = b[0]
        if kind == "title":
            size = b[2] if len(b) > 2 else 48
            pg.need(size * 2)
            dr.text(pg.d, ((A4[0] - dr.width(b[1], face, size)) / 2, pg.y), b[1], face, size)
            pg.y += int(size * 2)
        elif kind == "sub":
            pg.line(b[1], 24, int((A4[0] - dr.width(b[1], face, 24)) / 2))
        elif kind == "head":
            pg.line(b[1], 20, MARGIN, (120, 120, 120))
        elif kind in ("p", "line"):
            lead = "\u3000\u3000" if kind == "p" else ""
            for ln in dr.wrap(lead + b[1], face, 28, width):
                pg.line(ln, 28)
        elif kind == "table":
            _table(pg, b[1], b[2])
            pg.y += 20
        elif kind == "sign":
            _sign(pg, b[1], b[2])
        elif kind == "gap":
            pg.y += b[1]
        elif kind == "break":
            pg._new()
    return pg.pages


# ---------------------------------------------------------------- PDF with a text layer

PDF_FONTS = {
    "droid": ("droid/DroidSansFallbackFull.ttf", 0),
    "zen": ("wqy/wqy-zenhei.ttc", 0),
    "micro": ("wqy/wqy-microhei.ttc", 0),
}


@cache
def pdf_font(font: str) -> str:
    """The font cut down to GB 2312 + ASCII once per run: fpdf2 parses the whole file on every
    add_font, which took 1.6 s per PDF with the full CJK fonts."""
    from fontTools import subset

    rel, idx = PDF_FONTS[font]
    chars = [chr(c) for c in range(0x20, 0x7F)]
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    opts = subset.Options()
    opts.font_number = idx
    opts.notdef_outline = True
    f = subset.load_font(dr.font_file(rel), opts)
    sub = subset.Subsetter(opts)
    sub.populate(text="".join(chars) + "\u3000¥■□“”‘’")
    sub.subset(f)
    out = Path(tempfile.mkdtemp(prefix="blind2-font-")) / f"{font}.ttf"
    f.save(str(out))
    return str(out)


def _png(im: Image.Image) -> io.BytesIO:
    buf = io.BytesIO()
    im.save(buf, "PNG")
    buf.seek(0)
    return buf


def write_pdf(blocks: list[Block], path: Path, font: str = "droid", footer: str = "") -> None:
    """A text PDF as an office system exports it; the footer carries the system's page line."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED)
    pdf.set_producer("onetrip-blind2")
    pdf.add_font("cjk", "", pdf_font(font))
    pdf.add_font("latin", "", dr.font_file(dr.DEJAVU))
    pdf.set_fallback_fonts(["latin"])
    pdf.set_auto_page_break(True, 18)
    pdf.set_margins(20, 18, 20)
    pdf.add_page()
    pdf.set_font("cjk", size=11)
    for b in blocks:
        _pdf_block(pdf, b)
    if footer:
        pdf.set_y(-15)
        pdf.set_font("cjk", size=8)
        pdf.cell(0, 5, footer, align="C")
    pdf.output(str(path))


def _pdf_block(pdf, b: Block) -> None:
    kind = b[0]
    if kind == "title":
        pdf.set_font("cjk", size=18)
        pdf.cell(0, 12, b[1], align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=11)
    elif kind in ("sub", "head"):
        pdf.set_font("cjk", size=8 if kind == "head" else 10)
        pdf.cell(0, 6, b[1], align="C" if kind == "sub" else "L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("cjk", size=11)
    elif kind in ("p", "line"):
        pdf.multi_cell(
            0, 7, ("\u3000\u3000" if kind == "p" else "") + b[1], new_x="LMARGIN", new_y="NEXT"
        )
    elif kind == "table":
        ncol = max(len(r) for r in b[1])
        widths = [w / sum(b[2]) * 170 for w in b[2]] if len(b[2]) == ncol else None
        with pdf.table(col_widths=widths, line_height=6.5, first_row_as_headings=False) as t:
            for r in b[1]:
                row = t.row()
                for k, c in enumerate(r):
                    row.cell(c, colspan=ncol - len(r) + 1 if k == len(r) - 1 else 1)
        pdf.ln(3)
    elif kind == "sign":
        _pdf_sign(pdf, b[1], b[2])
    elif kind == "gap":
        pdf.ln(b[1] / 8)
    elif kind == "break":
        pdf.add_page()


def _pdf_sign(pdf, parties: list, marks: list) -> None:
    if pdf.get_y() > 240:
        pdf.add_page()
    top = pdf.get_y() + 4
    colw = 170 / max(1, len(parties))
    for k, ((label, _s, _seal, when), (sig, stamp)) in enumerate(zip(parties, marks, strict=True)):
        x = 20 + k * colw
        pdf.set_xy(x, top + 6)
        pdf.cell(colw, 7, label)
        if stamp is not None:
            pdf.image(_png(stamp), x=x + 8, y=top - 6, w=34)
        if sig is not None:
            pdf.image(_png(sig), x=x + pdf.get_string_width(label) + 2, y=top + 2, h=12)
        if when:
            pdf.set_xy(x, top + 24)
            pdf.cell(colw, 7, when)
    pdf.set_xy(20, top + 36)


# ---------------------------------------------------------------- DOCX


def write_docx(blocks: list[Block], path: Path) -> None:
    """A DOCX as applicants fill a downloaded template; signatures are pasted pictures."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    cp = doc.core_properties
    cp.created = cp.modified = FIXED.replace(tzinfo=None)
    cp.author = cp.last_modified_by = "user"
    for b in blocks:
        kind = b[0]
        if kind == "title":
            para = doc.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = para.add_run(b[1])
            run.bold = True
            run.font.size = Pt(18)
        elif kind in ("sub", "head", "line"):
            para = doc.add_paragraph(b[1])
            if kind == "sub":
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "p":
            doc.add_paragraph("\u3000\u3000" + b[1])
        elif kind == "table":
            ncol = max(len(r) for r in b[1])
            t = doc.add_table(rows=0, cols=ncol)
            t.style = "Table Grid"
            for r in b[1]:
                cells = t.add_row().cells
                for k, c in enumerate(r):
                    cells[k].text = c
                if len(r) < ncol:
                    cells[len(r) - 1].merge(cells[ncol - 1])
        elif kind == "sign":
            for (label, _s, _seal, when), (sig, stamp) in zip(b[1], b[2], strict=True):
                para = doc.add_paragraph(label)
                for mark, h in ((sig, 1.2), (stamp, 3.2)):
                    if mark is not None:
                        para.add_run().add_picture(_png(mark), height=Cm(h))
                if when:
                    doc.add_paragraph(when)
        elif kind == "break":
            doc.add_page_break()
    doc.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """python-docx stamps zip entries with the current time; rewrite them fixed."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 30, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
