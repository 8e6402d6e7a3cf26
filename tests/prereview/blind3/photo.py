"""Camera and copier conditions not used by the earlier sets: a desk with a keyboard edge,
a glare spot, small rotations (5–15°), moiré from shooting a screen, low-dpi card scans,
a licence shot at an angle, A4 copies of several cards at real size, a black frame.
"""

from __future__ import annotations

import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .draw import BLUE_INK, Sheet, hand

A4 = (210.0, 297.0)


def _noise(img: Image.Image, rng: random.Random, sigma: float) -> Image.Image:
    arr = np.asarray(img, dtype=np.float32)
    gen = np.random.default_rng(rng.randrange(1 << 30))
    arr += gen.normal(0, sigma, arr.shape).astype(np.float32)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def desk(size: tuple[int, int], rng: random.Random, keyboard: bool) -> Image.Image:
    """A grey-brown office desk, optionally with the edge of a black keyboard at the top."""
    w, h = size
    base = rng.choice([(118, 104, 92), (150, 150, 146), (92, 84, 78), (170, 160, 140)])
    img = Image.new("RGB", size, base)
    d = ImageDraw.Draw(img)
    for _ in range(60):
        y = rng.randrange(h)
        shade = tuple(max(0, c + rng.randint(-14, 14)) for c in base)
        d.line([(0, y), (w, y + rng.randint(-20, 20))], fill=shade, width=rng.randint(1, 4))
    if keyboard:
        kh = int(h * rng.uniform(0.12, 0.18))
        d.rectangle([0, 0, w, kh], fill=(28, 28, 32))
        key = max(8, kh // 3)
        for row in range(3):
            for col in range(w // key + 1):
                x0 = col * key + (row * key // 3)
                y0 = row * key + 3
                d.rounded_rectangle([x0 + 2, y0, x0 + key - 3, y0 + key - 5], 3, fill=(48, 48, 54))
    return img


def glare(img: Image.Image, rng: random.Random) -> Image.Image:
    """A soft white reflection of a ceiling lamp on the laminated card."""
    w, h = img.size
    cx, cy = rng.uniform(0.3, 0.8) * w, rng.uniform(0.25, 0.7) * h
    r = rng.uniform(0.07, 0.12) * min(w, h) * 2
    yy, xx = np.mgrid[0:h, 0:w]
    dist = ((xx - cx) / (r * 1.8)) ** 2 + ((yy - cy) / r) ** 2
    alpha = np.clip(1.2 - dist, 0, 1) ** 2 * 0.55
    arr = np.asarray(img.convert("RGB"), dtype=np.float32)
    arr = arr * (1 - alpha[..., None]) + 255 * alpha[..., None]
    return Image.fromarray(arr.astype(np.uint8))


def moire(img: Image.Image, rng: random.Random) -> Image.Image:
    """Interference bands of a phone camera shooting another phone's screen."""
    w, h = img.size
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    a = rng.uniform(0.2, 1.2)
    wave = np.sin((xx * math.cos(a) + yy * math.sin(a)) / rng.uniform(2.5, 4.0)) * np.sin(
        yy / rng.uniform(40, 70)
    )
    arr = np.asarray(img.convert("RGB"), dtype=np.float32) * (1 + 0.08 * wave[..., None])
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def on_desk(
    card: Image.Image,
    rng: random.Random,
    angle: float | None = None,
    keyboard: bool = True,
    with_glare: bool = True,
    frame: tuple[int, int] = (1600, 1200),
) -> Image.Image:
    """A card photographed from above on a desk, turned 5–15°, with lamp glare."""
    angle = angle if angle is not None else rng.choice([-1, 1]) * rng.uniform(5, 15)
    scale = frame[0] * rng.uniform(0.6, 0.72) / card.width
    c = card.resize((int(card.width * scale), int(card.height * scale)), Image.LANCZOS)
    if with_glare:
        rgb = glare(c, rng)
        rgb.putalpha(c.split()[-1])
        c = rgb
    c = c.rotate(angle, resample=Image.BICUBIC, expand=True)
    bg = desk(frame, rng, keyboard)
    shadow = Image.new("RGBA", c.size, (0, 0, 0, 0))
    shadow.putalpha(c.split()[-1].point(lambda v: v * 0.45))
    shadow = shadow.filter(ImageFilter.GaussianBlur(10))
    x = (frame[0] - c.width) // 2 + rng.randint(-40, 40)
    y = int(frame[1] * 0.55 - c.height / 2) + rng.randint(-30, 30)
    bg.paste((0, 0, 0), (x + 12, y + 16), shadow)
    bg.paste(c, (x, y), c)
    bg = bg.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.9)))
    return _noise(bg, rng, rng.uniform(3, 7))


def at_angle(page: Image.Image, rng: random.Random, strength: float = 0.12) -> Image.Image:
    """A large sheet (licence, certificate) shot at an angle: keystone, darker far edge."""
    w, h = page.size
    k = strength * rng.uniform(0.8, 1.2)
    frame = (int(w * 1.15), int(h * 1.2))
    bg = desk(frame, rng, keyboard=False).convert("RGBA")
    rgba = page.convert("RGBA")
    dx = int(w * k)
    # Far (top) edge narrower than the near one.
    coeffs = _perspective([(dx, 0), (w - dx, 0), (w, h), (0, h)], [(0, 0), (w, 0), (w, h), (0, h)])
    warped = rgba.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC)
    bg.alpha_composite(warped, ((frame[0] - w) // 2, (frame[1] - h) // 2))
    arr = np.asarray(bg.convert("RGB"), dtype=np.float32)
    ramp = np.linspace(0.8, 1.04, frame[1])[:, None, None]
    out = Image.fromarray(np.clip(arr * ramp, 0, 255).astype(np.uint8))
    out = out.rotate(rng.uniform(-4, 4), resample=Image.BICUBIC, fillcolor=(90, 80, 70))
    return _noise(out.filter(ImageFilter.GaussianBlur(0.7)), rng, 4)


def _perspective(dst, src):
    """Coefficients for PIL's PERSPECTIVE transform mapping ``dst`` points to ``src``."""
    matrix = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(matrix, dtype=np.float64)
    b = np.array([c for p in src for c in p], dtype=np.float64)
    return np.linalg.solve(a, b).tolist()


def a4_with_cards(rows: list[list[Image.Image]], dpi: int = 150, note: str = "") -> Image.Image:
    """Cards at real size on a white A4 copy, ``rows`` top to bottom, left to right."""
    s = Sheet(*A4, dpi)
    card_w = 85.6
    n_rows = len(rows)
    gap_y = (297 - n_rows * 54) / (n_rows + 1)
    for r, row in enumerate(rows):
        gap_x = (210 - len(row) * card_w) / (len(row) + 1)
        for c, card in enumerate(row):
            img = card.resize((s.px(card_w), s.px(54)), Image.LANCZOS)
            s.paste(img, gap_x + c * (card_w + gap_x), gap_y + r * (54 + gap_y))
            s.rect(
                gap_x + c * (card_w + gap_x),
                gap_y + r * (54 + gap_y),
                gap_x + c * (card_w + gap_x) + card_w,
                gap_y + r * (54 + gap_y) + 54,
                0.15,
                (120, 120, 120),
            )
    if note:
        s.paste(hand(note, s.pt(13), len(note), ink=BLUE_INK), 30, 297 - gap_y / 2 - 6)
    return s.img


def copier(img: Image.Image, rng: random.Random, grey: bool = True) -> Image.Image:
    """A photocopier/scanner pass: grey, a little contrast, toner specks, slight skew."""
    out = img.convert("L") if grey else img.convert("RGB")
    out = out.point(lambda v: 0 if v < 40 else min(255, int(v * 1.08)))
    out = out.rotate(
        rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=255 if grey else (255, 255, 255)
    )
    d = ImageDraw.Draw(out)
    for _ in range(120):
        x, y = rng.randrange(out.width), rng.randrange(out.height)
        d.point((x, y), fill=60 if grey else (60, 60, 60))
    return out.convert("RGB")


def low_dpi(img: Image.Image, dpi_from: int, dpi_to: int) -> Image.Image:
    """A card scanned at a low resolution (the office's 100 dpi preset)."""
    k = dpi_to / dpi_from
    return img.resize((max(1, int(img.width * k)), max(1, int(img.height * k))), Image.BILINEAR)


def phone_page(page: Image.Image, rng: random.Random, angle: float | None = None) -> Image.Image:
    """An A4 page photographed on a table: small turn, soft vignette, noise."""
    angle = angle if angle is not None else rng.uniform(-6, 6)
    w, h = page.size
    frame = (int(w * 1.12), int(h * 1.1))
    bg = desk(frame, rng, keyboard=False)
    bg.paste(page, ((frame[0] - w) // 2, (frame[1] - h) // 2))
    bg = bg.rotate(angle, resample=Image.BICUBIC, fillcolor=(100, 90, 80))
    arr = np.asarray(bg, dtype=np.float32)
    yy, xx = np.mgrid[0 : frame[1], 0 : frame[0]].astype(np.float32)
    vign = 1 - 0.18 * (((xx / frame[0] - 0.5) ** 2 + (yy / frame[1] - 0.5) ** 2) * 2)
    out = Image.fromarray(np.clip(arr * vign[..., None], 0, 255).astype(np.uint8))
    return _noise(out.filter(ImageFilter.GaussianBlur(0.6)), rng, 4)


def black_frame(rng: random.Random) -> Image.Image:
    """A photo taken with the lens covered: almost black with sensor noise."""
    img = Image.new("RGB", (1280, 960), (8, 8, 10))
    return _noise(img, rng, 3)
