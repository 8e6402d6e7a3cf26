"""Drawing helpers for the blind set: fonts, a small page-flow layout shared by
the raster (photo / scan) and PDF (text layer) outputs, DOCX output, seals,
hand signatures, and phone-photo / scanner effects."""

from __future__ import annotations

import io
import logging
import math
import random
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

# ---------------------------------------------------------------- fonts

_CANDIDATES = [
    # path, index, role, usable by fpdf2 (TrueType outlines)
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "hei", True),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, "hei", True),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "hei", False),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2, "heib", False),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "song", True),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2, "song", False),
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2, "songb", False),
    ("/usr/share/fonts/truetype/arphic/ukai.ttc", 0, "kai", True),
]


@dataclass(frozen=True)
class FontSpec:
    path: str
    index: int
    role: str
    pdf_ok: bool

    @property
    def family(self) -> str:
        return " ".join(ImageFont.truetype(self.path, 12, index=self.index).getname()[:1])


@cache
def available_fonts() -> dict[str, list[FontSpec]]:
    found: dict[str, list[FontSpec]] = {}
    for path, index, role, pdf_ok in _CANDIDATES:
        if Path(path).exists():
            found.setdefault(role, []).append(FontSpec(path, index, role, pdf_ok))
    if not found:
        raise RuntimeError(
            "no CJK font found: install fonts-wqy-zenhei (and optionally fonts-wqy-microhei, "
            "fonts-arphic-uming, fonts-arphic-ukai, fonts-noto-cjk)"
        )
    anyf = [f for fs in found.values() for f in fs]
    for role in ("hei", "song", "kai"):
        found.setdefault(role, [f for f in anyf if f.pdf_ok] or anyf)
    found.setdefault("heib", found["hei"])
    found.setdefault("songb", found["song"])
    return found


def fonts_in_use() -> list[str]:
    seen = []
    for fs in available_fonts().values():
        for f in fs:
            name = f"{f.family} ({Path(f.path).name})"
            if name not in seen:
                seen.append(name)
    return seen


@cache
def pil_font(spec: FontSpec, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(spec.path, max(4, px), index=spec.index)


class DocFonts:
    """The fonts of one document, picked deterministically."""

    def __init__(self, rng: random.Random, pdf: bool = False):
        av = available_fonts()

        def pick(role: str) -> FontSpec:
            cands = av[role]
            if pdf:
                cands = [f for f in cands if f.pdf_ok] or [
                    f for fs in av.values() for f in fs if f.pdf_ok
                ]
            return rng.choice(cands)

        self.roles = {r: pick(r) for r in ("hei", "song", "kai", "heib", "songb")}

    def __getitem__(self, role: str) -> FontSpec:
        return self.roles[role]

    def px(self, role: str, px: int) -> ImageFont.FreeTypeFont:
        return pil_font(self.roles[role], px)


# ---------------------------------------------------------------- small drawings

INK_RED = (214, 30, 36)


def text_width_mm(spec: FontSpec, text: str, size_pt: float) -> float:
    f = pil_font(spec, 200)
    return f.getlength(text) / 200 * size_pt * 25.4 / 72


def seal(
    rng: random.Random,
    ring_text: str,
    bottom: str = "",
    px: int = 420,
    color=INK_RED,
    fonts: DocFonts | None = None,
    oval: bool = False,
) -> Image.Image:
    """A red round seal: text on the upper arc, a star, an optional bottom line."""
    fonts = fonts or DocFonts(rng)
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = px / 2
    w = max(6, px // 28)
    d.ellipse([w, w, px - w, px - w], outline=(*color, 255), width=w)
    # star
    r_out, r_in = px * 0.13, px * 0.05
    pts = []
    for k in range(10):
        ang = -math.pi / 2 + k * math.pi / 5
        r = r_out if k % 2 == 0 else r_in
        pts.append((c + r * math.cos(ang), c + r * math.sin(ang)))
    d.polygon(pts, fill=(*color, 255))
    # arc text
    n = len(ring_text)
    span = min(250.0, 20.0 * n + 30)
    fsize = int(px * (0.13 if n < 14 else 0.11))
    f = fonts.px("songb", fsize)
    radius = c - w * 2 - fsize * 0.62
    for i, ch in enumerate(ring_text):
        a = -90 - span / 2 + span * (i + 0.5) / n
        glyph = Image.new("RGBA", (fsize * 2, fsize * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((fsize, fsize), ch, font=f, fill=(*color, 255), anchor="mm")
        glyph = glyph.rotate(-(a + 90), resample=Image.BICUBIC)
        x = c + radius * math.cos(math.radians(a))
        y = c + radius * math.sin(math.radians(a))
        img.alpha_composite(glyph, (int(x - fsize), int(y - fsize)))
    if bottom:
        bf = fonts.px("song", int(px * 0.085))
        d.text((c, c + px * 0.27), bottom, font=bf, fill=(*color, 255), anchor="mm")
    # uneven ink
    arr = np.array(img)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    mask = nrng.random(arr.shape[:2]) < 0.18
    arr[..., 3] = np.where(mask, (arr[..., 3] * 0.35).astype(np.uint8), arr[..., 3])
    out = Image.fromarray(arr).filter(ImageFilter.GaussianBlur(0.7))
    return out.rotate(rng.uniform(-14, 14), resample=Image.BICUBIC)


def hand_signature(
    rng: random.Random, name: str, px: int = 120, fonts: DocFonts | None = None
) -> Image.Image:
    fonts = fonts or DocFonts(rng)
    f = fonts.px("kai", px)
    w = int(f.getlength(name) + px)
    img = Image.new("RGBA", (w, int(px * 1.6)), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    ink = rng.choice([(20, 30, 90), (15, 15, 20), (30, 40, 120)])
    x = px // 2
    for ch in name:
        dy = rng.uniform(-0.12, 0.12) * px
        d.text((x, px * 0.3 + dy), ch, font=f, fill=(*ink, 255))
        x += f.getlength(ch) * rng.uniform(0.78, 0.95)
    img = img.crop((0, 0, int(x + px * 0.4), img.height))
    img = img.transform(
        img.size, Image.AFFINE, (1, rng.uniform(-0.35, -0.15), px * 0.3, 0, 1, 0), Image.BICUBIC
    )
    return img.rotate(rng.uniform(-8, 4), expand=True, resample=Image.BICUBIC)


def emblem(px: int) -> Image.Image:
    """A stylised national emblem (red disc, gold ring, five stars, gate)."""
    img = Image.new("RGBA", (px, px), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    gold = (222, 170, 40, 255)
    red = (200, 20, 30, 255)
    d.ellipse([0, 0, px - 1, px - 1], fill=gold)
    d.ellipse([px * 0.08, px * 0.08, px * 0.92, px * 0.92], fill=red)

    def star(cx, cy, r):
        pts = []
        for k in range(10):
            ang = -math.pi / 2 + k * math.pi / 5
            rr = r if k % 2 == 0 else r * 0.4
            pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
        d.polygon(pts, fill=gold)

    star(px * 0.5, px * 0.25, px * 0.1)
    for k, (dx, dy) in enumerate([(-0.2, 0.2), (-0.1, 0.32), (0.1, 0.32), (0.2, 0.2)]):
        star(px * (0.5 + dx * 1.1), px * (0.22 + dy * 0.55), px * 0.04 + k * 0)
    d.rectangle([px * 0.28, px * 0.52, px * 0.72, px * 0.7], fill=gold)
    d.rectangle([px * 0.42, px * 0.6, px * 0.58, px * 0.7], fill=red)
    d.polygon([(px * 0.24, px * 0.52), (px * 0.5, px * 0.42), (px * 0.76, px * 0.52)], fill=gold)
    d.rectangle([px * 0.2, px * 0.74, px * 0.8, px * 0.8], fill=gold)
    return img


def qr_like(rng: random.Random, px: int, modules: int = 29) -> Image.Image:
    img = Image.new("RGB", (px, px), "white")
    d = ImageDraw.Draw(img)
    m = px / (modules + 2)
    for y in range(modules):
        for x in range(modules):
            if rng.random() < 0.5:
                d.rectangle(
                    [(x + 1) * m, (y + 1) * m, (x + 2) * m - 1, (y + 2) * m - 1], fill="black"
                )
    for fx, fy in [(0, 0), (modules - 7, 0), (0, modules - 7)]:
        x0, y0 = (fx + 1) * m, (fy + 1) * m
        d.rectangle([x0, y0, x0 + 7 * m, y0 + 7 * m], fill="white")
        d.rectangle([x0, y0, x0 + 7 * m - 1, y0 + 7 * m - 1], outline="black", width=int(m))
        d.rectangle([x0 + 2 * m, y0 + 2 * m, x0 + 5 * m - 1, y0 + 5 * m - 1], fill="black")
    return img


def head_photo(w: int, h: int, rng: random.Random, bg=(235, 240, 248)) -> Image.Image:
    img = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(img)
    skin = rng.choice([(225, 190, 165), (210, 175, 150), (235, 200, 180)])
    hair = rng.choice([(25, 22, 20), (40, 30, 25), (60, 50, 45)])
    cloth = rng.choice([(40, 50, 80), (30, 30, 30), (90, 90, 100), (240, 240, 240)])
    d.ellipse([w * 0.05, h * 0.72, w * 0.95, h * 1.3], fill=cloth)
    d.rectangle([w * 0.4, h * 0.55, w * 0.6, h * 0.78], fill=skin)
    d.ellipse([w * 0.24, h * 0.12, w * 0.76, h * 0.66], fill=skin)
    d.chord([w * 0.22, h * 0.06, w * 0.78, h * 0.5], 180, 360, fill=hair)
    return img


# ---------------------------------------------------------------- page flow

# A document is a list of blocks:
#   ("title", text, size) ("center", text, size) ("right", text, size)
#   ("para", text, size, indent) ("table", rows, widths, size)
#   ("sign", [(label, kind, value), ...])  kind: hand | seal | text
#   ("image", PIL.Image, width_mm) ("space", mm) ("break",)
# A table cell is a str or (str, colspan).


@dataclass
class TextOp:
    x: float
    y: float  # baseline, mm
    text: str
    role: str
    size: float


@dataclass
class LineOp:
    x1: float
    y1: float
    x2: float
    y2: float
    w: float = 0.3


@dataclass
class ImgOp:
    x: float
    y: float
    w: float
    h: float
    img: Image.Image


def _wrap(spec: FontSpec, text: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for ch in para:
            if cur and text_width_mm(spec, cur + ch, size) > width:
                lines.append(cur)
                cur = ch.lstrip() if ch == " " else ch
            else:
                cur += ch
        lines.append(cur)
    return lines


class Flow:
    def __init__(
        self, fonts: DocFonts, rng: random.Random, w=210.0, h=297.0, margin=20.0, body="song"
    ):
        self.f, self.rng, self.w, self.h, self.m = fonts, rng, w, h, margin
        self.body = body
        self.pages: list[list] = [[]]
        self.y = margin

    @property
    def ops(self):
        return self.pages[-1]

    def _need(self, mm: float) -> None:
        if self.y + mm > self.h - self.m:
            self.pages.append([])
            self.y = self.m

    def text_line(self, x: float, text: str, role: str, size: float, lh: float) -> None:
        self._need(lh)
        self.y += lh
        self.ops.append(TextOp(x, self.y - lh * 0.28, text, role, size))

    def run(self, blocks: list[tuple]) -> list[list]:
        for b in blocks:
            getattr(self, "b_" + b[0])(*b[1:])
        return self.pages

    def b_title(self, text, size=18):
        role = "heib" if self.rng.random() < 0.5 else "songb"
        tw = text_width_mm(self.f[role], text, size)
        self.y += 2
        self.text_line((self.w - tw) / 2, text, role, size, size * 0.55)
        self.y += 4

    def b_center(self, text, size=12):
        tw = text_width_mm(self.f[self.body], text, size)
        self.text_line((self.w - tw) / 2, text, self.body, size, size * 0.6)

    def b_right(self, text, size=11):
        tw = text_width_mm(self.f[self.body], text, size)
        self.text_line(self.w - self.m - tw, text, self.body, size, size * 0.6)

    def b_para(self, text, size=11.5, indent=True):
        lh = size * 0.62
        ind = text_width_mm(self.f[self.body], "国国", size) if indent else 0
        width = self.w - 2 * self.m
        first = True
        for line in _wrap(self.f[self.body], text, size, width - ind):
            self.text_line(self.m + (ind if first else 0), line, self.body, size, lh)
            first = False
        self.y += 1.2

    def b_space(self, mm):
        self.y += mm

    def b_break(self):
        self.pages.append([])
        self.y = self.m

    def b_image(self, img, w_mm):
        h_mm = w_mm * img.height / img.width
        self._need(h_mm + 2)
        self.ops.append(ImgOp((self.w - w_mm) / 2, self.y + 1, w_mm, h_mm, img))
        self.y += h_mm + 3

    def b_table(self, rows, widths, size=10.5):
        total = self.w - 2 * self.m
        cols = [total * w / sum(widths) for w in widths]
        lh = size * 0.55
        pad = 1.8
        spec = self.f[self.body]
        for row in rows:
            cells, _xs, c = [], [], 0
            for cell in row:
                text, span = (cell, 1) if isinstance(cell, str) else cell
                x0 = self.m + sum(cols[:c])
                wcell = sum(cols[c : c + span])
                cells.append((x0, wcell, _wrap(spec, text, size, wcell - 2 * pad)))
                c += span
            height = max(len(ls) for _, _, ls in cells) * lh + 2 * pad + 1
            self._need(height)
            top = self.y
            for x0, wcell, lines in cells:
                for k, line in enumerate(lines):
                    self.ops.append(
                        TextOp(
                            x0 + pad, top + pad + (k + 1) * lh - lh * 0.22, line, self.body, size
                        )
                    )
                self.ops.append(LineOp(x0, top, x0, top + height))
                self.ops.append(LineOp(x0 + wcell, top, x0 + wcell, top + height))
            self.ops.append(LineOp(self.m, top, self.m + total, top))
            self.ops.append(LineOp(self.m, top + height, self.m + total, top + height))
            self.y = top + height
        self.y += 3

    def b_sign(self, items, size=11.5):
        lh = size * 0.62
        self.y += 4
        for label, kind, value in items:
            self._need(18)
            self.y += lh * 1.8
            base = self.y
            x = self.w * 0.5 if self.rng.random() < 0.7 else self.m + 10
            self.ops.append(TextOp(x, base, label, self.body, size))
            lw = text_width_mm(self.f[self.body], label, size)
            if kind == "text":
                self.ops.append(TextOp(x + lw + 1, base, value, self.body, size))
            elif kind == "hand":
                img = hand_signature(self.rng, value, fonts=self.f)
                hmm = 11.0
                wmm = hmm * img.width / img.height
                self.ops.append(ImgOp(x + lw + 1, base - hmm * 0.75, wmm, hmm, img))
            elif kind == "seal":
                img = seal(self.rng, value, fonts=self.f)
                dmm = 40.0
                self.ops.append(ImgOp(x + lw * 0.4, base - dmm * 0.62, dmm, dmm, img))
                self.y += 6


def raster(
    pages: list[list], fonts: DocFonts, dpi: int = 150, w=210.0, h=297.0, paper=(255, 255, 255)
) -> list[Image.Image]:
    k = dpi / 25.4
    out = []
    for ops in pages:
        img = Image.new("RGB", (int(w * k), int(h * k)), paper)
        d = ImageDraw.Draw(img)
        for op in ops:
            if isinstance(op, TextOp):
                px = int(op.size * dpi / 72)
                d.text(
                    (op.x * k, op.y * k),
                    op.text,
                    font=fonts.px(op.role, px),
                    fill=(20, 20, 20),
                    anchor="ls",
                )
            elif isinstance(op, LineOp):
                d.line(
                    [op.x1 * k, op.y1 * k, op.x2 * k, op.y2 * k],
                    fill=(30, 30, 30),
                    width=max(1, int(op.w * k)),
                )
        for op in ops:
            if isinstance(op, ImgOp):
                im = op.img.convert("RGBA").resize(
                    (max(1, int(op.w * k)), max(1, int(op.h * k))), Image.LANCZOS
                )
                layer = Image.new("RGBA", img.size, (255, 255, 255, 0))
                layer.alpha_composite(im, (int(op.x * k), int(op.y * k)))
                flat = Image.new("RGB", img.size, (255, 255, 255))
                flat.paste(layer, mask=layer.split()[3])
                img = ImageChops.multiply(img, flat)
        out.append(img)
    return out


FIXED_TIME = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


def write_pdf(pages: list[list], fonts: DocFonts, path: Path, w=210.0, h=297.0) -> None:
    from fpdf import FPDF

    logging.getLogger("fontTools").setLevel(logging.ERROR)

    pdf = FPDF(unit="mm", format=(w, h))
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_auto_page_break(False)
    registered = {}
    for role, spec in fonts.roles.items():
        if not spec.pdf_ok:
            continue
        key = f"{Path(spec.path).stem}{spec.index}"
        if key not in registered.values():
            pdf.add_font(key, "", spec.path, collection_font_number=spec.index)
        registered[role] = key
    anykey = next(iter(registered.values()))
    for ops in pages:
        pdf.add_page()
        for op in ops:
            if isinstance(op, TextOp):
                pdf.set_font(registered.get(op.role, anykey), size=op.size)
                pdf.text(op.x, op.y, op.text)
            elif isinstance(op, LineOp):
                pdf.set_line_width(op.w)
                pdf.line(op.x1, op.y1, op.x2, op.y2)
            elif isinstance(op, ImgOp):
                pdf.image(op.img.convert("RGBA"), x=op.x, y=op.y, w=op.w, h=op.h)
    pdf.output(str(path))


def write_image_pdf(
    images: list[Image.Image], path: Path, dpi: int = 150, quality: int = 80
) -> None:
    """A scanned PDF: JPEG page images, no text layer."""
    from fpdf import FPDF

    pdf = FPDF(unit="mm")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_image_filter("DCTDecode")
    for im in images:
        w, h = im.width / dpi * 25.4, im.height / dpi * 25.4
        pdf.add_page(format=(w, h))
        buf = io.BytesIO()
        im.convert("RGB").save(buf, "JPEG", quality=quality)
        buf.seek(0)
        pdf.image(buf, x=0, y=0, w=w, h=h)
    pdf.output(str(path))


def write_docx(blocks: list[tuple], path: Path, rng: random.Random, fonts: DocFonts) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    fam = fonts["song"].family
    st = doc.styles["Normal"]
    st.font.name = fam
    st.element.rPr.rFonts.set(qn("w:eastAsia"), fam)
    cp = doc.core_properties
    cp.created = cp.modified = FIXED_TIME.replace(tzinfo=None)
    cp.author = cp.last_modified_by = ""

    def pic(img: Image.Image, run, width_mm: float) -> None:
        buf = io.BytesIO()
        img.save(buf, "PNG")
        buf.seek(0)
        run.add_picture(buf, width=Mm(width_mm))

    for b in blocks:
        kind = b[0]
        if kind in ("title", "center", "right"):
            p = doc.add_paragraph()
            r = p.add_run(b[1])
            r.font.size = Pt(b[2] if len(b) > 2 else 12)
            r.bold = kind == "title"
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if kind == "right" else WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "para":
            for line in b[1].split("\n"):
                p = doc.add_paragraph()
                if len(b) < 4 or b[3]:
                    p.paragraph_format.first_line_indent = Pt(24)
                p.add_run(line)
        elif kind == "table":
            rows, widths = b[1], b[2]
            ncol = len(widths)
            t = doc.add_table(rows=len(rows), cols=ncol)
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                c = 0
                for cell in row:
                    text, span = (cell, 1) if isinstance(cell, str) else cell
                    target = t.cell(i, c)
                    if span > 1:
                        target = target.merge(t.cell(i, c + span - 1))
                    target.text = text
                    c += span
            total = 170.0
            for j, wv in enumerate(widths):
                for cell in t.columns[j].cells:
                    cell.width = Mm(total * wv / sum(widths))
        elif kind == "sign":
            for label, sk, value in b[1]:
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                p.add_run(label)
                r = p.add_run()
                if sk == "text":
                    r.text = value
                elif sk == "hand":
                    pic(hand_signature(rng, value, fonts=fonts), r, 26)
                elif sk == "seal":
                    pic(seal(rng, value, fonts=fonts), r, 36)
        elif kind == "image":
            pic(b[1], doc.add_paragraph().add_run(), b[2])
        elif kind == "space":
            doc.add_paragraph()
        elif kind == "break":
            doc.add_page_break()
    doc.save(str(path))
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    data = path.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 5, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------- photo effects


def _coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """Perspective coefficients mapping output (dst) points to input (src) points."""
    a, bvec = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        a.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        a.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        bvec += [u, v]
    return list(np.linalg.solve(np.array(a, float), np.array(bvec, float)))


def background(rng: random.Random, size: tuple[int, int], kind: str) -> Image.Image:
    w, h = size
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    if kind == "wood":
        base = np.array(rng.choice([(150, 105, 70), (180, 135, 95), (120, 80, 50)]), float)
        y = np.arange(h)[:, None]
        x = np.arange(w)[None, :]
        grain = np.sin((y + 14 * np.sin(x / 90.0)) / rng.uniform(5, 11)) * 14
        arr = base[None, None, :] + grain[..., None] + nrng.normal(0, 6, (h, w, 1))
    elif kind == "cloth":
        base = np.array(rng.choice([(60, 70, 90), (200, 200, 195), (110, 40, 40)]), float)
        arr = base[None, None, :] + nrng.normal(0, 10, (h, w, 1))
    elif kind == "glass":
        base = np.array((205, 215, 210), float)
        arr = base[None, None, :] + nrng.normal(0, 4, (h, w, 1))
    else:  # plain desk
        base = np.array(rng.choice([(230, 228, 220), (215, 215, 215), (90, 90, 95)]), float)
        arr = base[None, None, :] + nrng.normal(0, 5, (h, w, 1))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def phone_photo(
    doc: Image.Image,
    rng: random.Random,
    *,
    out=(1600, 1200),
    fill=0.62,
    tilt=0.06,
    bg: str | None = None,
    light=True,
    blur=0.8,
    shadow=True,
) -> Image.Image:
    """The document photographed on a surface: perspective, shadow, light falloff."""
    w, h = out
    bgimg = background(rng, out, bg or rng.choice(["wood", "desk", "cloth", "glass"]))
    sc = min(w * fill / doc.width, h * fill / doc.height)
    dw, dh = doc.width * sc, doc.height * sc
    cx, cy = w / 2 + rng.uniform(-0.05, 0.05) * w, h / 2 + rng.uniform(-0.05, 0.05) * h
    ang = math.radians(rng.uniform(-6, 6))
    corners = []
    for sx, sy in [(-1, -1), (1, -1), (1, 1), (-1, 1)]:
        x, y = sx * dw / 2, sy * dh / 2
        x, y = x * math.cos(ang) - y * math.sin(ang), x * math.sin(ang) + y * math.cos(ang)
        x += rng.uniform(-tilt, tilt) * dw
        y += rng.uniform(-tilt, tilt) * dh
        # stronger foreshortening at the far edge
        if sy < 0:
            x *= 1 - tilt * 0.8
        corners.append((cx + x, cy + y))
    src = [(0, 0), (doc.width, 0), (doc.width, doc.height), (0, doc.height)]
    co = _coeffs(corners, src)
    rgba = doc.convert("RGBA")
    warped = rgba.transform(out, Image.PERSPECTIVE, co, Image.BICUBIC)
    if shadow:
        sh = Image.new("L", out, 0)
        off = (rng.uniform(6, 22), rng.uniform(8, 26))
        ImageDraw.Draw(sh).polygon([(x + off[0], y + off[1]) for x, y in corners], fill=120)
        sh = sh.filter(ImageFilter.GaussianBlur(14))
        dark = Image.new("RGB", out, (0, 0, 0))
        bgimg = Image.composite(dark, bgimg, sh)
    bgimg.paste(warped, (0, 0), warped)
    img = bgimg
    arr = np.asarray(img).astype(float)
    if light:
        yy, xx = np.mgrid[0:h, 0:w]
        lx, ly = rng.uniform(0, w), rng.uniform(0, h)
        dist = np.sqrt((xx - lx) ** 2 + (yy - ly) ** 2) / math.hypot(w, h)
        gain = 1.08 - rng.uniform(0.25, 0.45) * dist
        arr *= gain[..., None]
        arr *= np.array([1.0, rng.uniform(0.97, 1.0), rng.uniform(0.88, 0.98)])  # warm light
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    arr += nrng.normal(0, rng.uniform(2, 5), arr.shape)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    return img


def scan_look(
    img: Image.Image, rng: random.Random, grey: bool = True, skew: float = 0.8
) -> Image.Image:
    if grey:
        img = img.convert("L")
    img = img.rotate(
        rng.uniform(-skew, skew), resample=Image.BICUBIC, fillcolor=255 if grey else (255, 255, 255)
    )
    arr = np.asarray(img).astype(float)
    nrng = np.random.default_rng(rng.randrange(1 << 30))
    arr = (arr - 128) * rng.uniform(1.05, 1.25) + 128 - rng.uniform(5, 25)  # toner, grey paper
    arr += nrng.normal(0, 6, arr.shape)
    speck = nrng.random(arr.shape) < 0.0008
    arr[speck] = 30
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return img.filter(ImageFilter.GaussianBlur(0.5)).convert("RGB")


def overlay_text(
    img: Image.Image, text: str, rng: random.Random, fonts: DocFonts, box, color=(40, 60, 160)
) -> Image.Image:
    """Hand-written '仅供…使用' across an area, semi-transparent."""
    x0, y0, x1, y1 = box
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    f = fonts.px("kai", int((y1 - y0) / 7))
    d = ImageDraw.Draw(layer)
    lines = [text[i : i + 9] for i in range(0, len(text), 9)]
    for k, line in enumerate(lines):
        y = y0 + (y1 - y0) * (0.4 + k * 0.17)
        d.text((x0 + (x1 - x0) * 0.22, y), line, font=f, fill=(*color, 120))
    layer = layer.rotate(
        rng.uniform(-12, -4), center=((x0 + x1) / 2, (y0 + y1) / 2), resample=Image.BICUBIC
    )
    out = img.convert("RGBA")
    out.alpha_composite(layer)
    return out.convert("RGB")


def unreadable(rng: random.Random, kind: str, base: Image.Image | None = None) -> Image.Image:
    if kind == "black":
        nrng = np.random.default_rng(rng.randrange(1 << 30))
        arr = nrng.normal(9, 4, (1200, 1600, 3))
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    assert base is not None
    small = base.resize((base.width // 16, base.height // 16), Image.BILINEAR)
    return small.resize(base.size, Image.BILINEAR).filter(ImageFilter.GaussianBlur(18))


def save_jpeg(
    img: Image.Image, path: Path, quality: int = 85, orientation: int | None = None
) -> None:
    img = img.convert("RGB")
    if orientation:
        exif = Image.Exif()
        exif[0x0112] = orientation
        exif[0x010F] = "Xiaomi"
        exif[0x0110] = "Redmi Note 12"
        img.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    else:
        img.save(path, "JPEG", quality=quality)
