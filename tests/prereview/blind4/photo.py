"""How applicants' uploads look: phone photos on a tablecloth, hand shadows, curled paper,
screen photos with moiré, WeChat chat screenshots, stapled certified copies, scans.

All noise comes from a numpy generator seeded by the case's ``random.Random``.
"""

from __future__ import annotations

import io
import math
import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from tests.prereview.blind4.draw import INK_BLACK, Canvas
from tests.prereview.blind4.fonts import font

MAX_SIDE = 2500


def _np(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(2**32))


def tablecloth(w: int, h: int, rng: random.Random) -> Image.Image:
    """Patterned tablecloths of Chinese homes: red gingham, blue plaid, floral oilcloth."""
    kind = rng.choice(["gingham", "plaid", "floral"])
    yy, xx = np.ogrid[0:h, 0:w]
    cell = rng.randint(38, 70)
    if kind == "gingham":
        a = ((xx // cell) % 2).astype(np.float32)
        b = ((yy // cell) % 2).astype(np.float32)
        t = (a + b) / 2
        base = np.array([250, 244, 236], np.float32)
        col = np.array([200, 40, 45], np.float32)
        img = base - (base - col) * t[..., None]
    elif kind == "plaid":
        a = (np.sin(xx / cell * math.pi) > 0.6).astype(np.float32)
        b = (np.sin(yy / cell * math.pi) > 0.6).astype(np.float32)
        base = np.array([236, 232, 220], np.float32)
        img = (base - a[..., None] * np.float32([90, 60, 10])) - b[..., None] * np.float32(
            [80, 50, 0]
        )
    else:
        img = np.empty((h, w, 3), np.float32)
        img[:] = (246, 240, 214)
        im = Image.fromarray(img.astype(np.uint8))
        d = ImageDraw.Draw(im)
        for _ in range(w * h // 9000):
            x, y, r = rng.randrange(w), rng.randrange(h), rng.randint(8, 24)
            c = rng.choice([(220, 90, 110), (90, 160, 90), (240, 170, 60)])
            for k in range(5):
                a = k * 72 + rng.randint(0, 30)
                ox, oy = r * math.cos(math.radians(a)), r * math.sin(math.radians(a))
                d.ellipse((x + ox - r / 2, y + oy - r / 2, x + ox + r / 2, y + oy + r / 2), fill=c)
        img = np.asarray(im, np.float32)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def curl(doc: Image.Image, rng: random.Random, amp: float = 0.03) -> Image.Image:
    """Curled paper: rows bend with x, and the bent part is shaded."""
    a = np.asarray(doc.convert("RGB"))
    h, w = a.shape[:2]
    out = np.full_like(a, 0)
    bend = amp * h * np.sin(np.linspace(0, math.pi * rng.uniform(0.8, 1.2), w)) ** 2
    shift = bend.astype(int)
    slope = np.abs(np.gradient(bend))
    shade = 1 - 0.18 * slope / max(1e-6, float(slope.max()))
    for x in range(0, w):
        s = shift[x]
        col = a[:, x] * shade[x]
        out[s:, x] = col[: h - s]
    mask = Image.fromarray((out.sum(axis=2) > 0).astype(np.uint8) * 255)
    im = Image.fromarray(out.astype(np.uint8))
    im.putalpha(mask)
    return im


def on_table(
    doc: Image.Image,
    rng: random.Random,
    long_side: int = 2200,
    fill: float = 0.7,
    angle: float | None = None,
    bg: Image.Image | None = None,
) -> Image.Image:
    """A phone photo of ``doc`` lying on a tablecloth: perspective, turn, drop shadow, light.

    The turn and the perspective are one projective transform (one resampling pass).
    """
    W = long_side
    H = int(long_side * 0.75)
    if doc.height > doc.width * 1.1:
        W, H = H, W
    scene = (bg or tablecloth(W, H, rng)).convert("RGB").resize((W, H))
    d = doc if doc.mode == "RGBA" else doc.convert("RGBA")
    k = min(W * fill / d.width, H * fill / d.height)
    d = d.resize((max(1, int(d.width * k)), max(1, int(d.height * k))), Image.BICUBIC)
    w, h = d.size
    j = rng.uniform(0.02, 0.07)
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    quad = [
        (x + rng.uniform(-1, 1) * w * j / 2, y + rng.uniform(-1, 1) * h * j / 2) for x, y in src
    ]
    a = math.radians(angle if angle is not None else rng.uniform(-8, 8))
    cx = W / 2 + rng.randint(-W // 20, W // 20)
    cy = H / 2 + rng.randint(-H // 20, H // 20)
    dst = [
        (
            cx + (x - w / 2) * math.cos(a) - (y - h / 2) * math.sin(a),
            cy + (x - w / 2) * math.sin(a) + (y - h / 2) * math.cos(a),
        )
        for x, y in quad
    ]
    warped = d.transform((W, H), Image.PERSPECTIVE, _coeffs(dst, src), Image.BILINEAR)
    alpha = warped.getchannel("A")
    small = alpha.resize((W // 4, H // 4), Image.BILINEAR).filter(ImageFilter.GaussianBlur(3))
    shadow = small.resize((W, H), Image.BILINEAR).point(lambda v: v * 90 // 255)
    scene.paste((20, 18, 16), (14, 18), shadow.crop((0, 0, W - 14, H - 18)))
    scene.paste(warped, (0, 0), warped)
    return light(scene, rng)


def _perspective(im: Image.Image, rng: random.Random, k: float) -> Image.Image:
    w, h = im.size
    dx, dy = w * k, h * k
    src = [(0, 0), (w, 0), (w, h), (0, h)]
    dst = [
        (rng.uniform(0, dx), rng.uniform(0, dy)),
        (w - rng.uniform(0, dx), rng.uniform(0, dy)),
        (w - rng.uniform(0, dx), h - rng.uniform(0, dy)),
        (rng.uniform(0, dx), h - rng.uniform(0, dy)),
    ]
    coeffs = _coeffs(dst, src)
    return im.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC)


def _coeffs(pa, pb):
    m = []
    for (x, y), (u, v) in zip(pa, pb, strict=True):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(m, dtype=np.float64)
    b = np.array([c for p in pb for c in p], dtype=np.float64)
    return np.linalg.solve(a, b).tolist()


def light(im: Image.Image, rng: random.Random, noise: float = 3.0) -> Image.Image:
    """Uneven warm room light and sensor noise."""
    a = np.asarray(im.convert("RGB"), np.float32)
    h, w = a.shape[:2]
    yy, xx = np.ogrid[0:h, 0:w]
    cx, cy = rng.uniform(0.2, 0.8) * w, rng.uniform(0.2, 0.8) * h
    g = (1.0 - 0.22 * (((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2)).astype(np.float32)
    a *= g[..., None]
    a *= np.array([1.03, 1.0, 0.94], np.float32)
    # noise drawn at half resolution, shared by the channels (phone sensors smooth chroma)
    gen = _np(rng)
    n = gen.standard_normal(((h + 1) // 2, (w + 1) // 2), dtype=np.float32) * noise
    a += np.repeat(np.repeat(n, 2, axis=0), 2, axis=1)[:h, :w, None]
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def hand_shadow(im: Image.Image, rng: random.Random, strength: float = 0.45) -> Image.Image:
    """The soft shadow of the hand and phone falling across part of the photo."""
    w, h = im.size
    m = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(m)
    side = rng.choice(["top", "right", "bottom"])
    if side == "top":
        pts = [(w * 0.3, 0), (w * 0.75, 0), (w * 0.68, h * 0.38), (w * 0.4, h * 0.45)]
    elif side == "right":
        pts = [(w, h * 0.2), (w, h * 0.8), (w * 0.62, h * 0.7), (w * 0.7, h * 0.25)]
    else:
        pts = [(w * 0.15, h), (w * 0.6, h), (w * 0.55, h * 0.66), (w * 0.25, h * 0.7)]
    d.polygon(pts, fill=int(255 * strength))
    m = m.filter(ImageFilter.GaussianBlur(w / 25))
    dark = Image.new("RGB", (w, h), (20, 18, 16))
    return Image.composite(dark, im, m)


def screen_photo(doc: Image.Image, rng: random.Random, long_side: int = 2000) -> Image.Image:
    """A photo of a monitor showing ``doc``: subpixel grid, moiré bands, bluish cast, bezel."""
    W, H = long_side, int(long_side * 0.72)
    a = np.zeros((H, W, 3), np.float32) + 18
    k = min(W * 0.86 / doc.width, H * 0.86 / doc.height)
    d = doc.convert("RGB").resize((int(doc.width * k), int(doc.height * k)), Image.LANCZOS)
    x0, y0 = (W - d.width) // 2, (H - d.height) // 2
    a[y0 : y0 + d.height, x0 : x0 + d.width] = np.asarray(d, np.float32) * [0.92, 0.97, 1.06]
    yy, xx = np.mgrid[0:H, 0:W]
    period = rng.uniform(5.5, 8.0)
    ang = rng.uniform(0.15, 0.5)
    band = 0.5 + 0.5 * np.sin((xx * math.cos(ang) + yy * math.sin(ang)) * 2 * math.pi / period)
    beat = 0.5 + 0.5 * np.sin((xx * 0.021 + yy * 0.013) * rng.uniform(0.8, 1.3))
    a *= (0.86 + 0.14 * band * beat)[..., None]
    sub = np.stack([(xx % 3 == 0), (xx % 3 == 1), (xx % 3 == 2)], axis=-1).astype(np.float32)
    a *= 0.93 + 0.07 * sub
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    im = _perspective(im.convert("RGBA"), rng, 0.04).convert("RGB")
    return light(im, rng, 5.0)


def wechat_screenshot(
    photo: Image.Image, rng: random.Random, contact: str, clock: str, caption: str
) -> Image.Image:
    """A WeChat chat window (1080 × 2340): status bar, title, a text bubble and the photo bubble."""
    W, H = 1080, 2340
    im = Image.new("RGB", (W, H), (237, 237, 237))
    d = ImageDraw.Draw(im)
    d.text((50, 30), clock, font=font("sans_bold", 40), fill=INK_BLACK)
    d.text((820, 32), "5G 72%", font=font("sans", 34), fill=INK_BLACK)
    d.rectangle((0, 110, W, 250), fill=(237, 237, 237))
    d.text((W // 2, 150), contact, font=font("sans_bold", 46), fill=INK_BLACK, anchor="ma")
    d.text((40, 150), "<", font=font("sans", 56), fill=INK_BLACK)
    d.text((980, 145), "···", font=font("sans_bold", 50), fill=INK_BLACK)
    d.line((0, 250, W, 250), fill=(210, 210, 210), width=2)
    d.text((W // 2, 300), clock, font=font("sans", 30), fill=(160, 160, 160), anchor="ma")
    # the other side's bubble
    d.rounded_rectangle((40, 370, 140, 470), 12, fill=(120, 150, 190))
    f = font("sans", 44)
    tw = f.getlength(caption)
    d.rounded_rectangle((170, 380, 170 + tw + 60, 470), 14, fill=(255, 255, 255))
    d.text((200, 400), caption, font=f, fill=INK_BLACK)
    # my photo bubble on the right
    d.rounded_rectangle((940, 540, 1040, 640), 12, fill=(200, 160, 120))
    maxw, maxh = 800, 1450
    k = min(maxw / photo.width, maxh / photo.height)
    p = photo.resize((int(photo.width * k), int(photo.height * k)), Image.LANCZOS)
    x = 915 - p.width
    im.paste(p, (x, 545))
    d.rectangle((x - 1, 544, x + p.width, 545 + p.height), outline=(220, 220, 220))
    # input bar
    d.rectangle((0, H - 190, W, H), fill=(246, 246, 246))
    d.rounded_rectangle((140, H - 165, 840, H - 75), 12, fill=(255, 255, 255))
    d.ellipse((40, H - 160, 110, H - 90), outline=INK_BLACK, width=3)
    d.ellipse((880, H - 160, 950, H - 90), outline=INK_BLACK, width=3)
    d.ellipse((975, H - 160, 1045, H - 90), outline=INK_BLACK, width=3)
    rng.random()
    return im


def certified_copy(
    page: Image.Image, signer: str, date_text: str, rng: random.Random, dpi: int
) -> Image.Image:
    """A photocopy stamped “此复印件与原件一致”, signed, dated and stapled at the corner."""
    c = Canvas(page.width * 25.4 / dpi, page.height * 25.4 / dpi, dpi)
    c.img.paste(page.convert("RGB"))
    x = c.w_mm * rng.uniform(0.45, 0.55)
    y = c.h_mm * rng.uniform(0.72, 0.8)
    c.hand(x, y, "此复印件与原件一致", rng, 6.5, fill=INK_BLACK)
    c.hand(x + 8, y + 10, signer, rng, 7.5, fill=INK_BLACK)
    c.hand(x + 6, y + 20, date_text, rng, 5.5, fill=INK_BLACK)
    # staple at the top left
    sx, sy = c.px(8), c.px(9)
    c.d.line((sx, sy, sx + c.px(11), sy - c.px(4)), fill=(120, 120, 125), width=max(2, c.px(0.7)))
    return c.img


def copier(im: Image.Image, rng: random.Random, dark: float = 0.0) -> Image.Image:
    """Photocopier pass: grey, harder contrast, toner specks, a slight skew."""
    g = ImageOps.grayscale(im)
    a = np.asarray(g, np.float32)
    a = np.clip((a - 40 - dark) * 1.35, 0, 255)
    gen = _np(rng)
    specks = gen.random(a.shape) < 0.0008
    a[specks] = 30
    out = Image.fromarray(a.astype(np.uint8)).rotate(
        rng.uniform(-1.2, 1.2), fillcolor=250, expand=False
    )
    return out.convert("RGB")


def scan(im: Image.Image, rng: random.Random) -> Image.Image:
    """Flatbed scan: near-white paper, a small skew, faint noise."""
    a = np.asarray(im.convert("RGB"), np.float32) * 0.97 + 6
    a += _np(rng).normal(0, 2.5, a.shape)
    out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    return out.rotate(rng.uniform(-0.9, 0.9), fillcolor=(252, 252, 250), resample=Image.BICUBIC)


def blurred_blank(rng: random.Random) -> Image.Image:
    """An out-of-focus, dark photo of a page edge: nothing can be read from it."""
    base = tablecloth(1600, 1200, rng)
    d = ImageDraw.Draw(base)
    d.polygon([(300, 200), (1400, 260), (1350, 1100), (260, 1000)], fill=(235, 235, 230))
    for k in range(12):
        d.line((360, 300 + k * 60, 1300, 320 + k * 60), fill=(90, 90, 90), width=10)
    im = base.filter(ImageFilter.GaussianBlur(28))
    a = np.asarray(im, np.float32) * 0.45
    return Image.fromarray(a.astype(np.uint8))


def selfie(rng: random.Random) -> Image.Image:
    """A portrait-like picture without any text (picked from the album by mistake)."""
    c = Canvas(120, 160, 150, (rng.randint(120, 200), rng.randint(140, 210), rng.randint(160, 230)))
    c.portrait(15, 20, 90, 130, rng, bg=(200, 215, 230))
    return light(c.img, rng, 6)


def jpeg(im: Image.Image, quality: int = 85) -> bytes:
    im = im.convert("RGB")
    if max(im.size) > MAX_SIDE:
        k = MAX_SIDE / max(im.size)
        im = im.resize((int(im.width * k), int(im.height * k)), Image.LANCZOS)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def png(im: Image.Image) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "PNG", optimize=False)
    return buf.getvalue()


def stack(items: list[Image.Image], gap_px: int = 40) -> Image.Image:
    """Cards laid one above the other on the table (transparent around them)."""
    w = max(im.width for im in items)
    h = sum(im.height for im in items) + gap_px * (len(items) - 1)
    out = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    y = 0
    for im in items:
        out.paste(im.convert("RGBA"), ((w - im.width) // 2, y))
        y += im.height + gap_px
    return out


def a4_with(items: list[Image.Image], dpi: int = 200, gap_mm: float = 12) -> Image.Image:
    """Cards laid on the copier glass: an A4 page with the images stacked at real size."""
    c = Canvas(210, 297, dpi)
    y = 30.0
    for im in items:
        w_mm = im.width * 25.4 / dpi
        x = (210 - w_mm) / 2
        c.paste(im.convert("RGB"), x, y)
        y += im.height * 25.4 / dpi + gap_mm
    return c.img


def a4_grid(items: list[Image.Image], dpi: int = 200) -> Image.Image:
    """Two columns of cards on one A4 copy (two people's fronts and backs)."""
    c = Canvas(210, 297, dpi)
    for i, im in enumerate(items):
        x = 14 + (i % 2) * 96
        y = 30 + (i // 2) * 66
        c.paste(im.convert("RGB"), x, y)
    return c.img
