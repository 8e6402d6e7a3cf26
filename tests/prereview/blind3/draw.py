"""Raster drawing in millimetres: text, rules, seals, emblem, hand-filled values.

Everything is placed in mm on a sheet of real size at a chosen dpi, so a card keeps its
85.6 × 54 mm proportions whether it is scanned at 100 dpi or photographed close up.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from .fonts import font

INK = (22, 22, 26)
BLUE_INK = (28, 42, 120)
RED = (205, 32, 38)


class Sheet:
    """A white (or tinted) page of ``w`` × ``h`` mm at ``dpi``."""

    def __init__(self, w: float, h: float, dpi: int = 200, bg=(255, 255, 255)) -> None:
        self.w, self.h, self.dpi = w, h, dpi
        self.img = Image.new("RGB", (self.px(w), self.px(h)), bg)
        self.d = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def pt(self, size: float) -> int:
        return round(size * self.dpi / 72)

    def text(self, x, y, s, size=10.5, role="sans", fill=INK, anchor="la") -> float:
        """Draws ``s`` at (x, y) mm; returns the width in mm."""
        f = font(role, self.pt(size))
        self.d.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        return f.getlength(s) * 25.4 / self.dpi

    def width(self, s: str, size=10.5, role="sans") -> float:
        return font(role, self.pt(size)).getlength(s) * 25.4 / self.dpi

    def spaced(self, x, y, s, size, role, fill=INK, gap=1.0) -> None:
        """Characters spread like the labels on a card (姓  名)."""
        for ch in s:
            x += self.text(x, y, ch, size, role, fill) + gap

    def line(self, x1, y1, x2, y2, width=0.3, fill=INK) -> None:
        self.d.line(
            [(self.px(x1), self.px(y1)), (self.px(x2), self.px(y2))],
            fill=fill,
            width=max(1, self.px(width)),
        )

    def rect(self, x1, y1, x2, y2, width=0.3, outline=INK, fill=None) -> None:
        self.d.rectangle(
            [self.px(x1), self.px(y1), self.px(x2), self.px(y2)],
            outline=outline,
            fill=fill,
            width=max(1, self.px(width)),
        )

    def wrap(self, s: str, width_mm: float, size=10.5, role="sans") -> list[str]:
        lines, cur = [], ""
        for ch in s:
            if self.width(cur + ch, size, role) > width_mm and cur:
                lines.append(cur)
                cur = ""
            cur += ch
        if cur:
            lines.append(cur)
        return lines or [""]

    def paste(self, img: Image.Image, x, y) -> None:
        mask = img.split()[-1] if img.mode == "RGBA" else None
        self.img.paste(img.convert("RGB"), (self.px(x), self.px(y)), mask)


def seal(dpi: int, diameter_mm: float, ring_text: str, centre: str = "", seed: int = 0):
    """A red round stamp (公章): ring, star, text on the arc; uneven ink; RGBA."""
    rng = random.Random(seed)
    size = int(diameter_mm * dpi / 25.4)
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    ring = max(2, size // 28)
    d.ellipse([ring, ring, size - ring, size - ring], outline=(*RED, 235), width=ring)
    star_r = size * 0.14
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        r = star_r if i % 2 == 0 else star_r * 0.4
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(pts, fill=(*RED, 235))
    f = font("serifb", int(size * 0.12))
    n = len(ring_text)
    span = math.radians(min(250, 24 * n))
    for i, ch in enumerate(ring_text):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
        r = c - ring * 2 - size * 0.08
        glyph = Image.new("RGBA", (int(size * 0.16), int(size * 0.16)), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((0, 0), ch, font=f, fill=(*RED, 235))
        glyph = glyph.rotate(-math.degrees(a) - 90, expand=True)
        img.alpha_composite(
            glyph,
            (
                int(c + r * math.cos(a) - glyph.width / 2),
                int(c + r * math.sin(a) - glyph.height / 2),
            ),
        )
    if centre:
        fc = font("serifb", int(size * 0.09))
        d.text((c, c + size * 0.25), centre, font=fc, fill=(*RED, 235), anchor="mm")
    px = img.load()
    for _ in range(size * 3):
        x, y = rng.randrange(size), rng.randrange(size)
        r, g, b, a = px[x, y]
        if a:
            px[x, y] = (r, g, b, int(a * rng.uniform(0.3, 0.8)))
    return img


def emblem(dpi: int, diameter_mm: float):
    """A stylised national emblem: red disc, five yellow stars, gate outline (not a copy)."""
    size = int(diameter_mm * dpi / 25.4)
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([0, 0, size - 1, size - 1], fill=(200, 30, 36, 255), outline=(230, 180, 40, 255))
    gold = (240, 196, 50, 255)
    for i, (fx, fy, r) in enumerate(
        [
            (0.5, 0.28, 0.09),
            (0.3, 0.22, 0.04),
            (0.38, 0.14, 0.04),
            (0.62, 0.14, 0.04),
            (0.7, 0.22, 0.04),
        ]
    ):
        pts = []
        for k in range(10):
            a = -math.pi / 2 + k * math.pi / 5 + i * 0.1
            rr = r * size if k % 2 == 0 else r * size * 0.4
            pts.append((fx * size + rr * math.cos(a), fy * size + rr * math.sin(a)))
        d.polygon(pts, fill=gold)
    d.rectangle(
        [size * 0.28, size * 0.5, size * 0.72, size * 0.68], outline=gold, width=max(1, size // 40)
    )
    d.rectangle([size * 0.22, size * 0.72, size * 0.78, size * 0.78], fill=gold)
    return img


def hand(text: str, px_size: int, seed: int, ink=BLUE_INK, slant: float = 8.0):
    """Hand-filled text: AR PL UKai, each character jittered in size, angle and baseline."""
    rng = random.Random(seed)
    f = font("kai", px_size)
    w = int(px_size * 1.15 * max(len(text), 1)) + px_size
    img = Image.new("RGBA", (w, int(px_size * 1.8)), (0, 0, 0, 0))
    x = px_size * 0.2
    for ch in text:
        s = int(px_size * rng.uniform(0.88, 1.12))
        g = Image.new("RGBA", (int(s * 1.5), int(s * 1.5)), (0, 0, 0, 0))
        ImageDraw.Draw(g).text((s * 0.2, s * 0.1), ch, font=font("kai", s), fill=(*ink, 255))
        g = g.rotate(rng.uniform(-7, 7) - slant / 3, resample=Image.BICUBIC)
        img.alpha_composite(g, (int(x), int(px_size * 0.15 + rng.uniform(-3, 3))))
        x += f.getlength(ch) * rng.uniform(0.85, 1.02) if ch.strip() else px_size * 0.4
    return img.crop((0, 0, min(w, int(x + px_size * 0.4)), img.height))


def portrait(dpi: int, w_mm: float, h_mm: float, seed: int):
    """A grey head-and-shoulders silhouette for the photo area of a card."""
    rng = random.Random(seed)
    w, h = int(w_mm * dpi / 25.4), int(h_mm * dpi / 25.4)
    img = Image.new("RGB", (w, h), (236, 238, 240))
    d = ImageDraw.Draw(img)
    tone = rng.randint(70, 120)
    d.ellipse([w * 0.28, h * 0.12, w * 0.72, h * 0.6], fill=(tone + 90, tone + 70, tone + 55))
    d.ellipse([w * 0.25, h * 0.06, w * 0.75, h * 0.35], fill=(tone - 40,) * 3)
    d.pieslice(
        [w * 0.05, h * 0.6, w * 0.95, h * 1.4], 180, 360, fill=(tone - 20, tone - 10, tone + 10)
    )
    return img
