"""Drawing primitives and photo conditions for the second blind set.

Fonts differ from the first set on purpose: Droid Sans Fallback (with DejaVu for
Latin digits, drawn run by run, as a phone app or a cheap printer would), the
Sharp and Mono faces of WenQuanYi, Noto Sans Mono CJK and Noto Serif CJK Bold.
Effects model what applicants really send: a hand-held phone photo (tilt,
shadow, blur, low light, JPEG quality), a screenshot with a status bar, a grey
scanner copy, 90/180 turns, EXIF orientation.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"))
DEJAVU = "dejavu/DejaVuSans.ttf"
DEJAVU_MONO = "dejavu/DejaVuSansMono.ttf"
DEJAVU_SERIF = "dejavu/DejaVuSerif.ttf"


@dataclass(frozen=True)
class Face:
    """A CJK font (file, index in a collection) and an optional Latin font for ASCII runs."""

    cjk: str
    index: int = 0
    latin: str | None = None


FACES: dict[str, Face] = {
    "droid": Face("droid/DroidSansFallbackFull.ttf", 0, DEJAVU),
    "zen_sharp": Face("wqy/wqy-zenhei.ttc", 2),
    "zen_mono": Face("wqy/wqy-zenhei.ttc", 1),
    "micro_mono": Face("wqy/wqy-microhei.ttc", 1),
    "noto_mono": Face("noto/NotoSansCJK-Regular.ttc", 7),
    "serif_bold": Face("noto/NotoSerifCJK-Bold.ttc", 2, DEJAVU_SERIF),
    "droid_mono": Face("droid/DroidSansFallbackFull.ttf", 0, DEJAVU_MONO),
    "kai": Face("arphic/ukai.ttc", 0),
}
BODY_FACES = ("droid", "zen_sharp", "zen_mono", "micro_mono", "noto_mono")


@cache
def font_file(rel: str) -> str:
    for base in FONT_DIRS:
        for cand in base.rglob(Path(rel).name):
            if cand.parent.name == Path(rel).parent.name:
                return str(cand)
    raise SystemExit(
        f"font {rel} not found: install fonts-droid-fallback fonts-wqy-zenhei "
        "fonts-wqy-microhei fonts-arphic-ukai fonts-noto-cjk fonts-dejavu-core"
    )


@cache
def _font(rel: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(rel), size, index=index)


def _runs(s: str, face: Face) -> list[tuple[str, bool]]:
    """Split text into (run, is_latin) so Latin digits use the Latin font."""
    if face.latin is None:
        return [(s, False)]
    out: list[tuple[str, bool]] = []
    for ch in s:
        lat = ord(ch) < 128
        if out and out[-1][1] == lat:
            out[-1] = (out[-1][0] + ch, lat)
        else:
            out.append((ch, lat))
    return out


def _pick(face: Face, latin: bool, size: int) -> ImageFont.FreeTypeFont:
    if latin and face.latin:
        return _font(face.latin, 0, int(size * 0.92))
    return _font(face.cjk, face.index, size)


def width(s: str, face: str, size: int) -> int:
    f = FACES[face]
    return int(sum(_pick(f, lat, size).getlength(r) for r, lat in _runs(s, f)))


def text(
    d: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    s: str,
    face: str,
    size: int,
    fill: tuple | str = (20, 20, 20),
    spacing: float = 0.0,
) -> int:
    """Draw s at xy (top left); spacing adds letter spacing (cards space their labels)."""
    f = FACES[face]
    x, y = xy
    for run, lat in _runs(s, f):
        fnt = _pick(f, lat, size)
        dy = size * 0.02 if lat and f.latin else 0
        if spacing:
            for ch in run:
                d.text((x, y + dy), ch, font=fnt, fill=fill)
                x += fnt.getlength(ch) + spacing
        else:
            d.text((x, y + dy), run, font=fnt, fill=fill)
            x += fnt.getlength(run)
    return int(x - xy[0])


def wrap(s: str, face: str, size: int, max_w: int) -> list[str]:
    """Greedy character wrap (Chinese has no spaces); keeps ASCII words whole."""
    lines: list[str] = []
    cur = ""
    tokens: list[str] = []
    for ch in s:
        if tokens and ord(ch) < 128 and ch != " " and ord(tokens[-1][-1]) < 128:
            tokens[-1] += ch
        else:
            tokens.append(ch)
    for tok in tokens:
        if tok == "\n":
            lines.append(cur)
            cur = ""
            continue
        if cur and width(cur + tok, face, size) > max_w:
            lines.append(cur)
            cur = tok.lstrip()
        else:
            cur += tok
    if cur:
        lines.append(cur)
    return lines


# ---------------------------------------------------------------- marks


def seal(name: str, rng: random.Random, diameter: int = 300, label: str = "") -> Image.Image:
    """A red round seal: name along the upper arc, a star, an optional label below."""
    size = diameter + 20
    im = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    red = (205 + rng.randrange(30), 20 + rng.randrange(30), 30, 200)
    c = size / 2
    r = diameter / 2
    d.ellipse((c - r, c - r, c + r, c + r), outline=red, width=max(4, diameter // 40))
    fs = max(14, int(diameter * 0.13))
    n = len(name)
    span = min(250.0, 20.0 * n + 40)
    for k, ch in enumerate(name):
        ang = math.radians(-90 - span / 2 + span * (k + 0.5) / n)
        rr = r - fs * 0.95
        x, y = c + rr * math.cos(ang), c + rr * math.sin(ang)
        glyph = Image.new("RGBA", (fs * 2, fs * 2), (0, 0, 0, 0))
        text(ImageDraw.Draw(glyph), (fs * 0.5, fs * 0.4), ch, "zen_sharp", fs, red)
        glyph = glyph.rotate(-math.degrees(ang) - 90, resample=Image.BICUBIC)
        im.alpha_composite(glyph, (int(x - fs), int(y - fs)))
    star_r = diameter * 0.14
    pts = []
    for k in range(10):
        rad = star_r if k % 2 == 0 else star_r * 0.4
        a = math.radians(-90 + k * 36)
        pts.append((c + rad * math.cos(a), c + rad * math.sin(a)))
    d.polygon(pts, fill=red)
    if label:
        ls = int(fs * 0.8)
        text(d, (c - width(label, "zen_sharp", ls) / 2, c + r * 0.42), label, "zen_sharp", ls, red)
    return im.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)


def signature(name: str, rng: random.Random, height: int = 70) -> Image.Image:
    """Handwriting-like name: brush face, slant, uneven size and baseline, blue-black ink."""
    ink = rng.choice([(20, 30, 90, 255), (25, 25, 30, 255), (10, 40, 120, 255)])
    w = int(height * (len(name) * 1.05 + 0.6))
    im = Image.new("RGBA", (w, int(height * 1.5)), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    x = height * 0.2
    for ch in name:
        s = int(height * rng.uniform(0.85, 1.1))
        text(d, (x, height * 0.2 + rng.uniform(-6, 6)), ch, "kai", s, ink)
        x += s * rng.uniform(0.78, 0.95)
    im = im.filter(ImageFilter.MaxFilter(3)) if rng.random() < 0.5 else im
    return im.transform(
        im.size, Image.AFFINE, (1, rng.uniform(0.15, 0.35), -10, 0, 1, 0), Image.BICUBIC
    )


def emblem(d: int) -> Image.Image:
    """Stylised national emblem: red disc, gold rim, five stars (not a reproduction)."""
    im = Image.new("RGBA", (d, d), (0, 0, 0, 0))
    g = ImageDraw.Draw(im)
    g.ellipse(
        (0, 0, d - 1, d - 1), fill=(200, 40, 40, 255), outline=(215, 170, 60, 255), width=d // 14
    )
    for k, (cx, cy, r) in enumerate(
        [
            (0.5, 0.33, 0.13),
            (0.3, 0.22, 0.05),
            (0.38, 0.14, 0.05),
            (0.62, 0.14, 0.05),
            (0.7, 0.22, 0.05),
        ]
    ):
        pts = []
        for j in range(10):
            rad = r * d if j % 2 == 0 else r * d * 0.4
            a = math.radians(-90 + j * 36 + k * 7)
            pts.append((cx * d + rad * math.cos(a), cy * d + rad * math.sin(a)))
        g.polygon(pts, fill=(235, 200, 70, 255))
    g.rectangle((d * 0.3, d * 0.55, d * 0.7, d * 0.62), fill=(235, 200, 70, 255))
    g.rectangle((d * 0.25, d * 0.7, d * 0.75, d * 0.74), fill=(235, 200, 70, 255))
    return im


def portrait(w: int, h: int, rng: random.Random, female: bool = False) -> Image.Image:
    """A head-and-shoulders silhouette on a pale background, as on an ID photo."""
    bg = rng.choice([(236, 240, 245), (250, 250, 250), (225, 235, 250)])
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    skin = rng.choice([(232, 200, 175), (220, 185, 160), (240, 210, 190)])
    hair = (30, 25, 25)
    d.ellipse(
        (w * 0.12, h * 0.7, w * 0.88, h * 1.3), fill=rng.choice([(40, 45, 60), (90, 90, 100)])
    )
    d.rectangle((w * 0.42, h * 0.55, w * 0.58, h * 0.75), fill=skin)
    if female:
        d.ellipse((w * 0.22, h * 0.12, w * 0.78, h * 0.75), fill=hair)
    d.ellipse((w * 0.28, h * 0.18, w * 0.72, h * 0.66), fill=skin)
    d.chord((w * 0.26, h * 0.12, w * 0.74, h * 0.5), 180, 360, fill=hair)
    for ex in (0.41, 0.59):
        d.ellipse((w * ex - 4, h * 0.4 - 3, w * ex + 4, h * 0.4 + 3), fill=(40, 30, 30))
    d.line((w * 0.45, h * 0.55, w * 0.55, h * 0.55), fill=(170, 90, 90), width=3)
    return im


def qr(rng: random.Random, px: int, modules: int = 29) -> Image.Image:
    """A QR-like pattern with three finder squares (not decodable)."""
    cell = max(1, px // modules)
    im = Image.new("RGB", (cell * modules, cell * modules), "white")
    d = ImageDraw.Draw(im)
    for y in range(modules):
        for x in range(modules):
            if rng.random() < 0.5:
                d.rectangle(
                    (x * cell, y * cell, (x + 1) * cell - 1, (y + 1) * cell - 1), fill="black"
                )
    for ox, oy in ((0, 0), (modules - 7, 0), (0, modules - 7)):
        d.rectangle((ox * cell, oy * cell, (ox + 7) * cell - 1, (oy + 7) * cell - 1), fill="white")
        d.rectangle(
            (ox * cell, oy * cell, (ox + 7) * cell - 1, (oy + 7) * cell - 1),
            outline="black",
            width=cell,
        )
        d.rectangle(
            ((ox + 2) * cell, (oy + 2) * cell, (ox + 5) * cell - 1, (oy + 5) * cell - 1),
            fill="black",
        )
    return im.resize((px, px), Image.NEAREST)


def paste(base: Image.Image, mark: Image.Image, xy: tuple[int, int]) -> None:
    """Composite an RGBA mark (seal, signature) onto an RGB page with multiply-like ink."""
    layer = Image.new("RGBA", base.size, (0, 0, 0, 0))
    layer.paste(mark, xy, mark)
    merged = Image.alpha_composite(base.convert("RGBA"), layer).convert("RGB")
    base.paste(merged)


# ---------------------------------------------------------------- photo conditions


def _background(rng: random.Random, size: tuple[int, int]) -> Image.Image:
    """A surface to put the document on: grey desk, dark sofa, tiled counter, bedsheet."""
    kind = rng.choice(["desk", "sofa", "tiles", "sheet"])
    base = {
        "desk": (150, 150, 145),
        "sofa": (60, 55, 70),
        "tiles": (205, 205, 200),
        "sheet": (170, 190, 215),
    }[kind]
    im = Image.new("RGB", size, base)
    d = ImageDraw.Draw(im)
    if kind == "tiles":
        step = rng.randrange(120, 200)
        for x in range(0, size[0], step):
            d.line((x, 0, x, size[1]), fill=(175, 175, 170), width=3)
        for y in range(0, size[1], step):
            d.line((0, y, size[0], y), fill=(175, 175, 170), width=3)
    elif kind == "sheet":
        for _ in range(30):
            x = rng.randrange(size[0])
            d.line((x, 0, x + rng.randrange(-200, 200), size[1]), fill=(150, 170, 200), width=6)
    noise = _noise(size, 18, rng)
    return Image.blend(im, noise, 0.08)


def _noise(size: tuple[int, int], sigma: int, rng: random.Random) -> Image.Image:
    """Seeded sensor-like grain at half size, scaled up (PIL's effect_noise is not seeded)."""
    import numpy as np

    w, h = max(1, size[0] // 2), max(1, size[1] // 2)
    arr = np.random.default_rng(rng.randrange(2**32)).normal(128, sigma, (h, w))
    small = Image.fromarray(arr.clip(0, 255).astype("uint8"), "L")
    return small.resize(size, Image.NEAREST).convert("RGB")


def _perspective(im: Image.Image, rng: random.Random, strength: float) -> Image.Image:
    w, h = im.size
    j = [rng.uniform(0, strength) for _ in range(8)]
    src = [
        (w * j[0], h * j[1]),
        (w * (1 - j[2]), h * j[3]),
        (w * (1 - j[4]), h * (1 - j[5])),
        (w * j[6], h * (1 - j[7])),
    ]
    dst = [(0, 0), (w, 0), (w, h), (0, h)]
    coeffs = _persp_coeffs(dst, src)
    return im.transform((w, h), Image.PERSPECTIVE, coeffs, Image.BICUBIC)


def _persp_coeffs(dst: list, src: list) -> list[float]:
    import numpy as np

    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return list(np.linalg.solve(np.array(rows, float), np.array(rhs, float)))


def phone_photo(
    doc: Image.Image,
    rng: random.Random,
    fill: float = 0.78,
    tilt: float = 0.06,
    shadow: bool = True,
    blur: float = 0.6,
    dark: float = 1.0,
    out_long: int = 1400,
) -> Image.Image:
    """The document lying on a surface, shot by hand: skew, tilt, a hand/phone shadow, blur.

    dark < 1 is an evening room; blur > 2 is a shaky shot."""
    w, h = doc.size
    land = w >= h
    W, H = (out_long, int(out_long * 0.75)) if land else (int(out_long * 0.75), out_long)
    scale = min(W * fill / w, H * fill / h)
    card = doc.convert("RGBA").resize((int(w * scale), int(h * scale)), Image.LANCZOS)
    card = card.rotate(rng.uniform(-7, 7), expand=True, resample=Image.BICUBIC)
    bg = _background(rng, (W, H))
    x = (W - card.width) // 2 + rng.randrange(-W // 30, W // 30 + 1)
    y = (H - card.height) // 2 + rng.randrange(-H // 30, H // 30 + 1)
    drop = Image.new("RGBA", card.size, (0, 0, 0, 0))
    drop.paste((0, 0, 0, 90), (0, 0), card)
    small = drop.resize((max(1, card.width // 6), max(1, card.height // 6)), Image.BILINEAR)
    drop = small.filter(ImageFilter.GaussianBlur(2)).resize(card.size, Image.BILINEAR)
    bg.paste(drop, (x + 10, y + 14), drop)
    bg.paste(card, (x, y), card)
    im = _perspective(bg, rng, tilt)
    if shadow:
        im = _shade(im, rng)
    light = Image.linear_gradient("L").resize(im.size).rotate(rng.choice([0, 90, 180, 270]))
    warm = Image.merge(
        "RGB", [light.point(lambda v: 255 - v // 10)] * 2 + [light.point(lambda v: 235 - v // 6)]
    )
    im = Image.blend(im, Image.composite(im, warm, light.point(lambda v: 200)), 0.25)
    im = ImageEnhance.Brightness(im).enhance(dark)
    if dark < 0.8:
        im = Image.blend(im, _noise(im.size, 40, rng), 0.12)
    return im.filter(ImageFilter.GaussianBlur(blur)) if blur else im


def _shade(im: Image.Image, rng: random.Random) -> Image.Image:
    """A soft shadow of the phone and hand over one side of the shot."""
    mask = Image.new("L", im.size, 0)
    d = ImageDraw.Draw(mask)
    w, h = im.size
    x0 = rng.uniform(0.35, 0.7) * w
    d.polygon(
        [(x0, -10), (w + 10, -10), (w + 10, h * rng.uniform(0.4, 0.9)), (x0 + w * 0.1, h * 0.5)],
        fill=110,
    )
    small = mask.resize((w // 8, h // 8), Image.BILINEAR).filter(ImageFilter.GaussianBlur(8))
    mask = small.resize((w, h), Image.BILINEAR)
    if rng.random() < 0.5:
        mask = ImageOps.mirror(mask)
    return Image.composite(Image.new("RGB", im.size, (25, 25, 30)), im, mask)


def scanner(page: Image.Image, rng: random.Random, grey: bool = True) -> Image.Image:
    """A flatbed or copier scan: grey cast, slight skew, toner specks, dark border on one edge."""
    im = page.convert("L") if grey else page.convert("RGB")
    im = im.rotate(rng.uniform(-1.2, 1.2), expand=False, fillcolor=235 if grey else (235, 235, 235))
    if grey:
        im = ImageOps.autocontrast(im, cutoff=1).point(lambda v: int(40 + v * 0.8))
    d = ImageDraw.Draw(im)
    w, h = im.size
    for _ in range(rng.randrange(40, 120)):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice([1, 1, 2])
        d.ellipse((x, y, x + r, y + r), fill=60 if grey else (60, 60, 60))
    edge = rng.randrange(8, 22)
    d.rectangle((0, 0, edge, h), fill=70 if grey else (70, 70, 70))
    return im.filter(ImageFilter.GaussianBlur(0.5))


def screenshot(screen: Image.Image, rng: random.Random, title: str) -> Image.Image:
    """A phone screenshot: status bar (time, signal, battery) and an app title bar on top."""
    w = screen.width
    bar_h, nav_h = int(w * 0.07), int(w * 0.12)
    im = Image.new("RGB", (w, screen.height + bar_h + nav_h), (247, 247, 247))
    d = ImageDraw.Draw(im)
    hh, mm = rng.randrange(8, 21), rng.randrange(60)
    text(d, (w * 0.05, bar_h * 0.2), f"{hh}:{mm:02d}", "droid", int(bar_h * 0.55), (10, 10, 10))
    text(d, (w * 0.62, bar_h * 0.25), "5G", "droid", int(bar_h * 0.45), (10, 10, 10))
    bx = int(w * 0.82)
    d.rectangle((bx, bar_h * 0.3, bx + w * 0.08, bar_h * 0.7), outline=(10, 10, 10), width=2)
    d.rectangle(
        (bx + 3, bar_h * 0.3 + 3, bx + w * 0.08 * rng.uniform(0.3, 0.95), bar_h * 0.7 - 3),
        fill=(10, 10, 10),
    )
    text(
        d,
        (bx - w * 0.09, bar_h * 0.25),
        f"{rng.randrange(20, 99)}%",
        "droid",
        int(bar_h * 0.4),
        (10, 10, 10),
    )
    ts = int(nav_h * 0.36)
    text(
        d,
        ((w - width(title, "droid", ts)) / 2, bar_h + nav_h * 0.3),
        title,
        "droid",
        ts,
        (10, 10, 10),
    )
    text(d, (w * 0.04, bar_h + nav_h * 0.25), "<", "droid", int(nav_h * 0.45), (10, 10, 10))
    d.ellipse(
        (w * 0.8, bar_h + nav_h * 0.3, w * 0.94, bar_h + nav_h * 0.7),
        outline=(180, 180, 180),
        width=2,
    )
    im.paste(screen, (0, bar_h + nav_h))
    return im


def unreadable(rng: random.Random, doc: Image.Image) -> Image.Image:
    """A shot taken in the dark with the phone moving: nothing can be read from it."""
    im = phone_photo(doc, rng, blur=0, dark=0.9)
    im = im.filter(ImageFilter.GaussianBlur(18)).filter(ImageFilter.BoxBlur(25))
    return ImageEnhance.Brightness(im).enhance(0.22)


# ---------------------------------------------------------------- saving


def save_jpeg(
    im: Image.Image, path: Path, quality: int, exif_orientation: int | None = None
) -> None:
    """JPEG without timestamps; with exif_orientation the pixels are stored turned.

    Orientation 6 means the viewer must turn the stored pixels 90° clockwise, so
    the stored pixels are the upright image turned 90° counter-clockwise."""
    im = im.convert("RGB")
    exif = Image.Exif()
    if exif_orientation == 6:
        im = im.transpose(Image.ROTATE_90)
        exif[0x0112] = 6
    elif exif_orientation == 8:
        im = im.transpose(Image.ROTATE_270)
        exif[0x0112] = 8
    elif exif_orientation == 3:
        im = im.transpose(Image.ROTATE_180)
        exif[0x0112] = 3
    if exif_orientation:
        exif[0x010F] = "Demo"
        exif[0x0110] = "Phone X2"
        im.save(path, "JPEG", quality=quality, exif=exif.tobytes())
    else:
        im.save(path, "JPEG", quality=quality)


def save_png(im: Image.Image, path: Path) -> None:
    im.save(path, "PNG", optimize=False)


def jpeg_bytes(im: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()
