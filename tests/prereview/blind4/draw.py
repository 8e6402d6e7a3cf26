"""Drawing in millimetres at any dpi: text, handwriting, seals, emblem, portrait, QR-like code.

Everything is drawn with PIL from a seeded ``random.Random`` so two runs give the same pixels.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from tests.prereview.blind4.fonts import font

INK_BLUE = (28, 44, 120)
INK_BLACK = (30, 30, 34)
SEAL_RED = (214, 36, 40)


class Canvas:
    """An RGB page of ``w_mm`` × ``h_mm`` at ``dpi``; coordinates in millimetres."""

    def __init__(self, w_mm: float, h_mm: float, dpi: int, bg=(255, 255, 255)) -> None:
        self.dpi = dpi
        self.w_mm, self.h_mm = w_mm, h_mm
        self.img = Image.new("RGB", (self.px(w_mm), self.px(h_mm)), bg)
        self.d = ImageDraw.Draw(self.img)

    def px(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def text(self, x, y, s, role="body", size=3.5, fill=INK_BLACK, anchor="la") -> float:
        """Draws ``s`` with its top-left (or ``anchor``) at (x, y); returns its width in mm."""
        f = font(role, self.px(size))
        self.d.text((self.px(x), self.px(y)), s, font=f, fill=fill, anchor=anchor)
        return f.getlength(s) * 25.4 / self.dpi

    def width(self, s: str, role: str = "body", size: float = 3.5) -> float:
        return font(role, self.px(size)).getlength(s) * 25.4 / self.dpi

    def spaced(self, x, y, s, role, size, fill, spacing_mm) -> None:
        """Characters spread apart as on printed cards (姓  名)."""
        for ch in s:
            self.text(x, y, ch, role, size, fill)
            x += self.width(ch, role, size) + spacing_mm

    def wrap(self, s: str, width_mm: float, role: str, size: float) -> list[str]:
        lines, line = [], ""
        for ch in s:
            if self.width(line + ch, role, size) > width_mm and line:
                lines.append(line)
                line = ch
            else:
                line += ch
        if line:
            lines.append(line)
        return lines

    def line(self, x1, y1, x2, y2, fill=INK_BLACK, w_mm=0.25) -> None:
        self.d.line(
            (self.px(x1), self.px(y1), self.px(x2), self.px(y2)),
            fill=fill,
            width=max(1, self.px(w_mm)),
        )

    def rect(self, x, y, w, h, outline=INK_BLACK, fill=None, w_mm=0.25, radius=0.0) -> None:
        box = (self.px(x), self.px(y), self.px(x + w), self.px(y + h))
        if radius:
            self.d.rounded_rectangle(
                box, radius=self.px(radius), outline=outline, fill=fill, width=max(1, self.px(w_mm))
            )
        else:
            self.d.rectangle(box, outline=outline, fill=fill, width=max(1, self.px(w_mm)))

    def paste(self, im: Image.Image, x: float, y: float, mask=None) -> None:
        self.img.paste(im, (self.px(x), self.px(y)), mask)

    def hand(self, x, y, s, rng: random.Random, size=5.0, fill=INK_BLUE, slant=True) -> float:
        """Handwritten text: 楷体 with per-character jitter in size, height and angle."""
        cx = x
        for ch in s:
            sz = size * rng.uniform(0.88, 1.12)
            f = font("hand", self.px(sz))
            w = f.getlength(ch)
            tile = Image.new("L", (int(w * 1.6) + 4, int(self.px(sz) * 1.6) + 4), 0)
            ImageDraw.Draw(tile).text((2, 2), ch, font=f, fill=255)
            if slant:
                tile = tile.rotate(rng.uniform(-9, 6), resample=Image.BICUBIC, expand=False)
            ink = Image.new("RGB", tile.size, fill)
            self.img.paste(ink, (self.px(cx), self.px(y + rng.uniform(-0.6, 0.6))), tile)
            cx += w * 25.4 / self.dpi * rng.uniform(0.92, 1.05)
        return cx - x

    def seal(self, cx, cy, r, text, rng: random.Random, star=True, alpha=0.82) -> None:
        im = seal_image(self.px(r), text, rng, star, alpha)
        self.img.paste(im, (self.px(cx - r), self.px(cy - r)), im)

    def portrait(self, x, y, w, h, rng: random.Random, bg=(238, 240, 242)) -> None:
        """A stylised head-and-shoulders picture (no text)."""
        self.rect(x, y, w, h, outline=bg, fill=bg)
        skin = (rng.randint(205, 235), rng.randint(170, 200), rng.randint(140, 170))
        hair = (rng.randint(15, 50),) * 3
        cloth = rng.choice([(40, 50, 70), (90, 90, 95), (30, 30, 35), (120, 60, 50)])
        d = self.d
        hx, hy = x + w / 2, y + h * 0.42
        d.ellipse(
            (
                self.px(x + w * 0.08),
                self.px(y + h * 0.72),
                self.px(x + w * 0.92),
                self.px(y + h * 1.25),
            ),
            fill=cloth,
        )
        d.rectangle(
            (self.px(hx - w * 0.09), self.px(hy), self.px(hx + w * 0.09), self.px(y + h * 0.8)),
            fill=skin,
        )
        d.ellipse(
            (
                self.px(hx - w * 0.27),
                self.px(hy - h * 0.30),
                self.px(hx + w * 0.27),
                self.px(hy + h * 0.25),
            ),
            fill=hair,
        )
        d.ellipse(
            (
                self.px(hx - w * 0.23),
                self.px(hy - h * 0.22),
                self.px(hx + w * 0.23),
                self.px(hy + h * 0.27),
            ),
            fill=skin,
        )

    def emblem(self, cx, cy, r) -> None:
        """Stylised national emblem: red disc, gold ring, five stars (no text)."""
        d, p = self.d, self.px
        d.ellipse((p(cx - r), p(cy - r), p(cx + r), p(cy + r)), fill=(205, 30, 35))
        d.ellipse(
            (p(cx - r * 0.8), p(cy - r * 0.8), p(cx + r * 0.8), p(cy + r * 0.8)),
            outline=(240, 200, 60),
            width=max(1, p(r * 0.08)),
        )
        for i, (dx, dy, s) in enumerate(
            [
                (0, -0.25, 0.28),
                (-0.42, -0.1, 0.1),
                (-0.3, 0.15, 0.1),
                (0.3, 0.15, 0.1),
                (0.42, -0.1, 0.1),
            ]
        ):
            star(d, p(cx + dx * r), p(cy + dy * r), p(s * r), (245, 205, 60), i * 7)

    def qr(self, x, y, size, rng: random.Random, n=25) -> None:
        """A QR-like code: three finder squares and random modules."""
        m = size / n
        self.rect(x, y, size, size, outline=(255, 255, 255), fill=(255, 255, 255))
        for i in range(n):
            for j in range(n):
                finder = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
                if finder:
                    a, b = i % (n - 7) if i >= n - 7 else i, j % (n - 7) if j >= n - 7 else j
                    on = a in (0, 6) or b in (0, 6) or (2 <= a <= 4 and 2 <= b <= 4)
                else:
                    on = rng.random() < 0.48
                if on:
                    self.d.rectangle(
                        (
                            self.px(x + j * m),
                            self.px(y + i * m),
                            self.px(x + (j + 1) * m) - 1,
                            self.px(y + (i + 1) * m) - 1,
                        ),
                        fill=(0, 0, 0),
                    )


def star(d: ImageDraw.ImageDraw, cx: int, cy: int, r: int, fill, turn: float = 0) -> None:
    pts = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * 0.4
        a = math.radians(-90 + k * 36 + turn)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=fill)


def seal_image(r: int, text: str, rng: random.Random, star_mid=True, alpha=0.82) -> Image.Image:
    """A round red seal as RGBA: ring, text along the upper arc, star; uneven ink."""
    size = 2 * r + 4
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    a = int(255 * alpha)
    col = (*SEAL_RED, a)
    d.ellipse((2, 2, size - 3, size - 3), outline=col, width=max(2, r // 14))
    if star_mid:
        star(d, r + 2, r + 2, int(r * 0.3), col)
    f = font("sans_bold", max(8, int(r * 0.3)))
    chars = list(text)
    span = min(250, 22 * len(chars))
    for k, ch in enumerate(chars):
        ang = -90 - span / 2 + span * (k + 0.5) / len(chars)
        rad = math.radians(ang)
        tile = Image.new("RGBA", (int(r * 0.42), int(r * 0.42)), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text(
            (tile.width / 2, tile.height / 2), ch, font=f, fill=col, anchor="mm"
        )
        tile = tile.rotate(-(ang + 90), resample=Image.BICUBIC)
        px = r + 2 + r * 0.72 * math.cos(rad) - tile.width / 2
        py = r + 2 + r * 0.72 * math.sin(rad) - tile.height / 2
        im.alpha_composite(tile, (int(px), int(py)))
    # uneven ink: knock out random specks
    gen = np.random.default_rng(rng.randrange(2**32))
    keep = np.where(gen.random((size, size)) < 0.18, 0.45, 1.0)
    mask = Image.fromarray((keep * 255).astype(np.uint8)).filter(ImageFilter.BLUR)
    alpha_ch = np.asarray(im.getchannel("A"), dtype=np.float32) * np.asarray(mask) / 255
    im.putalpha(Image.fromarray(alpha_ch.astype(np.uint8)))
    return im


def signature_image(
    name: str, rng: random.Random, height_px: int = 90, fill=INK_BLACK
) -> Image.Image:
    """A transparent PNG of a hand signature, for text PDFs and DOCX."""
    f = font("hand", height_px)
    w = int(f.getlength(name) * 1.2) + 20
    im = Image.new("RGBA", (w, int(height_px * 1.5)), (0, 0, 0, 0))
    x = 8
    for ch in name:
        sz = int(height_px * rng.uniform(0.85, 1.1))
        fc = font("hand", sz)
        tile = Image.new("RGBA", (int(sz * 1.4), int(sz * 1.4)), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((2, 2), ch, font=fc, fill=(*fill, 255))
        tile = tile.rotate(rng.uniform(-12, 5), resample=Image.BICUBIC)
        im.alpha_composite(tile, (int(x), int(rng.uniform(0, height_px * 0.2))))
        x += fc.getlength(ch) * rng.uniform(0.8, 0.95)
    return im
