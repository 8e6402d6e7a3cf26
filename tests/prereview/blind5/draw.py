"""Drawing in millimetres at any dpi: text, handwriting, seals, emblem, portrait."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from .fonts import font

MM_PER_INCH = 25.4
PT_MM = 0.3528


class Canvas:
    """An RGB page measured in millimetres; text sizes are in points."""

    def __init__(self, w_mm: float, h_mm: float, dpi: int, bg=(255, 255, 255)) -> None:
        self.dpi = dpi
        self.w_mm, self.h_mm = w_mm, h_mm
        self.img = Image.new("RGB", (self.px(w_mm), self.px(h_mm)), bg)
        self.d = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / MM_PER_INCH)

    def fpx(self, pt: float) -> int:
        return self.px(pt * PT_MM)

    def text(self, x, y, s, pt=10.5, role="body", fill=(20, 20, 20), anchor="la") -> float:
        """Draws ``s`` with its top-left at (x, y) mm; returns the width in mm."""
        f = font(role, self.fpx(pt))
        self.d.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        return self.d.textlength(s, font=f) * MM_PER_INCH / self.dpi

    def width(self, s: str, pt: float, role: str) -> float:
        return self.d.textlength(s, font=font(role, self.fpx(pt))) * MM_PER_INCH / self.dpi

    def spaced(self, x, y, s, pt, role, fill, gap_mm) -> None:
        """Characters set apart, as labels on cards are (姓  名)."""
        for ch in s:
            w = self.text(x, y, ch, pt, role, fill)
            x += w + gap_mm

    def line(self, x1, y1, x2, y2, fill=(30, 30, 30), w_mm=0.25) -> None:
        self.d.line(
            [(self.px(x1), self.px(y1)), (self.px(x2), self.px(y2))],
            fill=fill,
            width=max(1, self.px(w_mm)),
        )

    def rect(self, x1, y1, x2, y2, outline=(30, 30, 30), fill=None, w_mm=0.25) -> None:
        self.d.rectangle(
            [self.px(x1), self.px(y1), self.px(x2), self.px(y2)],
            outline=outline,
            fill=fill,
            width=max(1, self.px(w_mm)),
        )

    def wrap(self, s: str, width_mm: float, pt: float, role: str) -> list[str]:
        lines, cur = [], ""
        for ch in s:
            if ch == "\n":
                lines.append(cur)
                cur = ""
                continue
            if self.width(cur + ch, pt, role) > width_mm and cur:
                lines.append(cur)
                cur = ch
            else:
                cur += ch
        if cur:
            lines.append(cur)
        return lines

    def paste(self, im: Image.Image, x_mm: float, y_mm: float, mask=None) -> None:
        self.img.paste(im, (self.px(x_mm), self.px(y_mm)), mask)


def handwriting(text: str, px: int, rng: random.Random, ink=(25, 40, 120)) -> Image.Image:
    """RGBA strip of hand-written text: 楷体 glyphs with drift, slant and uneven pressure."""
    f = font("hand", px)
    w = int(px * (len(text) * 1.05 + 1))
    h = int(px * 1.8)
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    x = px * 0.3
    base = px * 0.35
    for ch in text:
        size = int(px * rng.uniform(0.88, 1.12))
        glyph = Image.new("RGBA", (size * 2, size * 2), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text(
            (size * 0.4, size * 0.3), ch, font=font("hand", size), fill=(*ink, 255)
        )
        glyph = glyph.rotate(rng.uniform(-9, 6), resample=Image.BICUBIC)
        im.alpha_composite(glyph, (int(x - size * 0.4), int(base + rng.uniform(-2, 2) * px / 20)))
        x += d.textlength(ch, font=f) * rng.uniform(0.82, 1.0)
        base += rng.uniform(-0.05, 0.07) * px
    im = im.crop((0, 0, int(x + px * 0.5), h))
    shear = rng.uniform(0.08, 0.22)
    return im.transform(
        (im.width + int(h * shear), h),
        Image.AFFINE,
        (1, shear, -h * shear, 0, 1, 0),
        resample=Image.BICUBIC,
    )


def put_hand(cv: Canvas, x_mm, y_mm, text, pt, rng, ink=(25, 40, 120)) -> float:
    im = handwriting(text, cv.fpx(pt), rng, ink)
    cv.img.paste(im, (cv.px(x_mm), cv.px(y_mm) - im.height // 4), im)
    return im.width * MM_PER_INCH / cv.dpi


def seal(
    cv: Canvas, cx_mm, cy_mm, r_mm, text, rng, star=True, centre="", color=(200, 30, 35)
) -> None:
    """A round red seal: ring, text along the upper arc, star, uneven ink."""
    size = cv.px(r_mm * 2) + 8
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    c = size / 2
    r = cv.px(r_mm)
    ring = max(2, r // 14)
    d.ellipse([c - r, c - r, c + r, c + r], outline=(*color, 235), width=ring)
    n = len(text)
    span = min(250.0, 22.0 * n)
    fpx = max(8, int(r * 0.30))
    f = font("bold", fpx)
    for i, ch in enumerate(text):
        ang = -90 - span / 2 + span * (i + 0.5) / n
        a = math.radians(ang)
        gx = c + (r - ring - fpx * 0.75) * math.cos(a)
        gy = c + (r - ring - fpx * 0.75) * math.sin(a)
        g = Image.new("RGBA", (fpx * 2, fpx * 2), (0, 0, 0, 0))
        ImageDraw.Draw(g).text((fpx, fpx), ch, font=f, fill=(*color, 235), anchor="mm")
        g = g.rotate(-(ang + 90), resample=Image.BICUBIC)
        im.alpha_composite(g, (int(gx - fpx), int(gy - fpx)))
    if star:
        s = r * 0.28
        pts = []
        for k in range(10):
            rad = s if k % 2 == 0 else s * 0.42
            a = math.radians(-90 + k * 36)
            pts.append((c + rad * math.cos(a), c + rad * math.sin(a)))
        d.polygon(pts, fill=(*color, 235))
    if centre:
        d.text(
            (c, c + r * 0.55),
            centre,
            font=font("bold", int(r * 0.2)),
            fill=(*color, 235),
            anchor="mm",
        )
    _uneven_ink(im, rng)
    cv.img.paste(im, (cv.px(cx_mm) - size // 2, cv.px(cy_mm) - size // 2), im)


def _uneven_ink(im: Image.Image, rng: random.Random) -> None:
    """Lighter patches in the seal's alpha, as a rubber stamp leaves."""
    import numpy as np

    a = np.asarray(im.getchannel("A"), dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    noise = gen.random((max(2, a.shape[0] // 24), max(2, a.shape[1] // 24)), dtype=np.float32)
    patch = Image.fromarray((noise * 255).astype("uint8")).resize(im.size, Image.BILINEAR)
    factor = 0.55 + 0.45 * np.asarray(patch, dtype=np.float32) / 255
    im.putalpha(Image.fromarray((a * factor).astype("uint8")))


def rect_stamp(cv: Canvas, x_mm, y_mm, lines: list[str], rng, color=(40, 60, 170)) -> None:
    """A rectangular ink stamp (blue), as offices put on certified copies."""
    w = max(len(s) for s in lines) * 4.6 + 6
    h = len(lines) * 6.2 + 4
    size = (cv.px(w) + 4, cv.px(h) + 4)
    im = Image.new("RGBA", size, (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    d.rectangle([2, 2, size[0] - 3, size[1] - 3], outline=(*color, 220), width=max(2, cv.px(0.6)))
    for i, s in enumerate(lines):
        d.text(
            (size[0] / 2, cv.px(2 + 3.1 + i * 6.2)),
            s,
            font=font("bold", cv.px(4.2)),
            fill=(*color, 220),
            anchor="mm",
        )
    _uneven_ink(im, rng)
    im = im.rotate(rng.uniform(-6, 6), expand=True, resample=Image.BICUBIC)
    cv.img.paste(im, (cv.px(x_mm), cv.px(y_mm)), im)


def portrait(cv: Canvas, x, y, w, h, rng, bg=(235, 238, 240)) -> None:
    """A stylised head-and-shoulders portrait (no real face)."""
    cv.rect(x, y, x + w, y + h, outline=None, fill=bg)
    skin = (int(rng.uniform(205, 235)), int(rng.uniform(170, 195)), int(rng.uniform(145, 165)))
    hair = (int(rng.uniform(15, 50)),) * 3
    cx = x + w / 2
    cv.d.ellipse(
        [cv.px(x + w * 0.1), cv.px(y + h * 0.62), cv.px(x + w * 0.9), cv.px(y + h * 1.25)],
        fill=(40, 45, 60),
    )
    cv.d.ellipse(
        [cv.px(cx - w * 0.26), cv.px(y + h * 0.12), cv.px(cx + w * 0.26), cv.px(y + h * 0.66)],
        fill=skin,
    )
    cv.d.chord(
        [cv.px(cx - w * 0.28), cv.px(y + h * 0.08), cv.px(cx + w * 0.28), cv.px(y + h * 0.5)],
        180,
        360,
        fill=hair,
    )


def emblem(cv: Canvas, cx, cy, r, color=(200, 30, 35)) -> None:
    """A stylised national emblem: ring, five stars, gate."""
    cv.d.ellipse(
        [cv.px(cx - r), cv.px(cy - r), cv.px(cx + r), cv.px(cy + r)],
        outline=color,
        width=max(2, cv.px(r / 9)),
    )
    for k, (dx, dy, s) in enumerate(
        [
            (0, -0.45, 0.22),
            (-0.35, -0.55, 0.1),
            (-0.2, -0.72, 0.1),
            (0.2, -0.72, 0.1),
            (0.35, -0.55, 0.1),
        ]
    ):
        pts = []
        for i in range(10):
            rad = s * r * (1 if i % 2 == 0 else 0.4)
            a = math.radians(-90 + i * 36 + k * 7)
            pts.append(
                (
                    cv.px(cx + dx * r) + rad * math.cos(a) * cv.dpi / MM_PER_INCH,
                    cv.px(cy + dy * r) + rad * math.sin(a) * cv.dpi / MM_PER_INCH,
                )
            )
        cv.d.polygon(pts, fill=color)
    cv.rect(cx - r * 0.45, cy - r * 0.05, cx + r * 0.45, cy + r * 0.4, outline=None, fill=color)
    cv.rect(
        cx - r * 0.12,
        cy + r * 0.12,
        cx + r * 0.12,
        cy + r * 0.4,
        outline=None,
        fill=(250, 235, 200),
    )


def qr(cv: Canvas, x, y, size, rng) -> None:
    """A QR-like block pattern with three finder squares."""
    n = 25
    cell = size / n
    for i in range(n):
        for j in range(n):
            if rng.random() < 0.45:
                cv.rect(
                    x + i * cell,
                    y + j * cell,
                    x + (i + 1) * cell,
                    y + (j + 1) * cell,
                    outline=None,
                    fill=(10, 10, 10),
                )
    for fx, fy in ((0, 0), (n - 7, 0), (0, n - 7)):
        cv.rect(
            x + fx * cell,
            y + fy * cell,
            x + (fx + 7) * cell,
            y + (fy + 7) * cell,
            outline=None,
            fill=(255, 255, 255),
        )
        cv.rect(
            x + fx * cell,
            y + fy * cell,
            x + (fx + 7) * cell,
            y + (fy + 7) * cell,
            outline=(10, 10, 10),
            w_mm=cell,
        )
        cv.rect(
            x + (fx + 2) * cell,
            y + (fy + 2) * cell,
            x + (fx + 5) * cell,
            y + (fy + 5) * cell,
            outline=None,
            fill=(10, 10, 10),
        )
