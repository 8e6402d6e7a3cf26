"""How the documents reach the office: desk photos, scans, faxes, collages, screenshots.

Every function takes PIL images and a seeded ``random.Random`` and returns an RGB image
whose long side is at most 2500 px. Conditions chosen to differ from the earlier sets:
wood-grain desks, a newspaper under the paper, fluorescent glare, paper folded in thirds,
ID cards in a plastic sleeve, scans with punch holes, fax-like binarised copies, phone
gallery collages, A4 at 150 dpi greyscale, blue 核对 stamps on copies.
"""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .draw import Canvas, put_hand, rect_stamp
from .fonts import font

MAX_SIDE = 2500


def _gen(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.randrange(1 << 31))


def _arr(im: Image.Image) -> np.ndarray:
    return np.asarray(im.convert("RGB"), dtype=np.float32)


def _img(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(a, 0, 255).astype("uint8"))


def wood(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """Wood-grain desk: stretched rings around a far-off centre, knots, varnish tone.

    Drawn at a quarter of the size and enlarged (grain is soft at phone resolution).
    """
    w, h = size[0] // 4, size[1] // 4
    g = _gen(rng)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    small = g.random((8, 40)).astype(np.float32)
    warp = np.asarray(_img(small * 255).resize((w, h), Image.BICUBIC), dtype=np.float32) / 255
    cy = -h * rng.uniform(0.5, 2.0)
    r = np.sqrt(((xx - w * rng.uniform(0.2, 0.8)) * 0.08) ** 2 + (yy - cy) ** 2)
    rings = 0.5 + 0.5 * np.sin(r / rng.uniform(1.3, 2.3) + warp * 1.5)
    streak = g.random((h, max(2, w // 60))).astype(np.float32)
    streak = np.asarray(_img(streak * 255).resize((w, h), Image.BILINEAR), dtype=np.float32)
    base = np.array(
        rng.choice([(150, 98, 58), (172, 122, 78), (120, 78, 48), (190, 150, 105)]),
        dtype=np.float32,
    )
    out = base * (0.8 + 0.18 * rings[..., None] + 0.12 * streak[..., None] / 255)
    return _img(out).resize(size, Image.BICUBIC)


def newspaper(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A newspaper page seen under the paper: grey columns of small print and a headline."""
    w, h = size
    scale = 2
    im = Image.new("RGB", (w // scale, h // scale), (226, 222, 208))
    d = ImageDraw.Draw(im)
    f = font("body", 9)
    chars = "本报讯市区经济发展项目建设推进会议召开群众服务工作民生城市交通文化旅游农业科技"
    cols = 5
    cw = im.width // cols
    d.text((8, 6), "青禾日报", font=font("title", 26), fill=(40, 40, 40))
    for c in range(cols):
        y = 44
        while y < im.height - 10:
            line = "".join(rng.choice(chars) for _ in range(cw // 10))
            d.text((c * cw + 6, y), line, font=f, fill=(105, 105, 100))
            y += 11
    return im.resize((w, h), Image.BILINEAR)


def _perspective_coeffs(src, dst):
    m = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        m.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        m.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    a = np.array(m, dtype=np.float64)
    b = np.array([c for p in src for c in p], dtype=np.float64)
    return np.linalg.solve(a, b).tolist()


def place(
    page: Image.Image,
    ground: Image.Image,
    rng: random.Random,
    fill: float = 0.82,
    tilt: float = 4.0,
    keystone: float = 0.05,
) -> Image.Image:
    """Lays ``page`` on ``ground`` with a turn, a keystone (camera not square) and a shadow."""
    gw, gh = ground.size
    k = min(gw * fill / page.width, gh * fill / page.height)
    pw, ph = page.width * k, page.height * k
    cx = gw / 2 + rng.uniform(-gw / 30, gw / 30)
    cy = gh / 2 + rng.uniform(-gh / 30, gh / 30)
    ks = keystone * pw
    corners = [
        (-pw / 2 + rng.uniform(0, ks), -ph / 2),
        (pw / 2 - rng.uniform(0, ks), -ph / 2),
        (pw / 2, ph / 2),
        (-pw / 2, ph / 2),
    ]
    a = np.radians(rng.uniform(-tilt, tilt))
    ca, sa = np.cos(a), np.sin(a)
    dst = [(cx + x * ca - y * sa, cy + x * sa + y * ca) for x, y in corners]
    src = [(0, 0), (page.width, 0), (page.width, page.height), (0, page.height)]
    coeffs = _perspective_coeffs(src, dst)
    layer = page.convert("RGBA").transform((gw, gh), Image.PERSPECTIVE, coeffs, Image.BILINEAR)
    alpha = layer.getchannel("A")
    small = alpha.resize((gw // 8, gh // 8), Image.BILINEAR)
    small = small.filter(ImageFilter.GaussianBlur(gw / 1000)).point(lambda v: int(v * 0.55))
    shadow = small.resize((gw, gh), Image.BILINEAR)
    out = ground.copy()
    dark = Image.new("RGB", (gw, gh), (25, 20, 15))
    out.paste(dark, (int(gw / 140), int(gh / 110)), shadow)
    out.paste(layer, (0, 0), alpha)
    return out


def light(im: Image.Image, rng: random.Random, strength: float = 0.25, noise: float = 8.0):
    """Cool light falling off to one corner, plus sensor noise (drawn small, enlarged)."""
    w, h = im.size
    sw, sh = max(2, w // 16), max(2, h // 16)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    cx, cy = rng.uniform(0, sw), rng.uniform(0, sh)
    d = np.sqrt((xx - cx) ** 2 + (yy - cy) ** 2) / max(sw, sh)
    fall = (1 - strength * d) * 255
    mask = _img(fall).resize((w, h), Image.BILINEAR)
    black = Image.new("RGB", (w, h), (0, 0, 8))
    out = Image.composite(im.convert("RGB"), black, mask)
    grey = _gen(rng).normal(128, noise * 8, (h, w)).clip(0, 255).astype("uint8")
    grain = Image.fromarray(grey).convert("RGB")
    return Image.blend(out, grain, 0.06)


def glare(im: Image.Image, rng: random.Random) -> Image.Image:
    """A fluorescent tube's reflection: a long bright band that washes out the print."""
    a = _arr(im)
    h, w = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(-0.5, 0.5)
    c = rng.uniform(0.3, 0.7)
    dist = np.abs((yy - h * c) * np.cos(ang) - (xx - w / 2) * np.sin(ang))
    band = np.exp(-((dist / (h * rng.uniform(0.025, 0.04))) ** 2))
    a = a + band[..., None] * (255 - a) * 0.85
    return _img(a)


def fold_thirds(page: Image.Image, rng: random.Random) -> Image.Image:
    """A letter folded in three and opened again: two creases, panels lit differently."""
    a = _arr(page)
    h = a.shape[0]
    yy = np.arange(h, dtype=np.float32)[:, None]
    shade = np.ones((h, 1), dtype=np.float32)
    for k, cut in enumerate((h / 3, 2 * h / 3)):
        crease = np.exp(-(((yy - cut) / (h / 600)) ** 2)) * 0.35
        shade -= crease
        side = 1 if k == 0 else -1
        shade -= side * np.clip((yy - cut) / h, -0.33, 0.33) * rng.uniform(0.1, 0.25)
    return _img(a * shade[..., None])


def in_sleeve(card: Image.Image, rng: random.Random) -> Image.Image:
    """An ID card inside a clear plastic sleeve: wider rim, blue cast, a glossy streak."""
    w, h = card.size
    pad = int(w * 0.06)
    out = Image.new("RGB", (w + 2 * pad, h + 2 * pad), (214, 224, 232))
    out.paste(card, (pad, pad))
    a = _arr(out)
    hh, ww = a.shape[:2]
    yy, xx = np.mgrid[0:hh, 0:ww].astype(np.float32)
    streak = np.exp(-(((xx - yy * 0.7 - ww * rng.uniform(0.2, 0.6)) / (ww * 0.05)) ** 2))
    a = a * 0.93 + np.array([8, 12, 18], dtype=np.float32) + streak[..., None] * (255 - a) * 0.5
    rim = np.zeros((hh, ww), dtype=bool)
    rim[:4, :] = rim[-4:, :] = rim[:, :4] = rim[:, -4:] = True
    a[rim] = (245, 248, 250)
    return _img(a)


def punch_scan(page: Image.Image, rng: random.Random) -> Image.Image:
    """An ADF scan of a page taken out of a binder: two punch holes, skew, grey lid edge."""
    im = page.rotate(rng.uniform(-1.2, 1.2), resample=Image.BICUBIC, fillcolor=(255, 255, 255))
    d = ImageDraw.Draw(im)
    w, h = im.size
    r = int(w * 0.022)
    x = int(w * 0.04)
    for cy in (h * 0.5 - w * 0.19, h * 0.5 + w * 0.19):
        d.ellipse([x - r, int(cy) - r, x + r, int(cy) + r], fill=(70, 70, 70))
    a = _arr(im)
    a[:, -int(w * 0.012) :] *= 0.55
    return _img(a)


def fax(page: Image.Image, rng: random.Random, header: str) -> Image.Image:
    """A fax: 200 x 100 lines per inch, hard black and white, streaks and a header line."""
    w, h = page.size
    low = page.convert("L").resize((w // 2, h // 4), Image.BILINEAR).resize((w, h), Image.NEAREST)
    a = np.asarray(low, dtype=np.float32)
    g = _gen(rng)
    a = a + g.normal(0, 18, a.shape)
    bw = np.where(a < 165, 0, 255).astype("uint8")
    for _ in range(3):
        col = rng.randrange(w)
        bw[:, col : col + 2] = 0 if rng.random() < 0.5 else 255
    im = Image.fromarray(bw).convert("RGB")
    band = Image.new("RGB", (w, int(h * 0.03)), (255, 255, 255))
    ImageDraw.Draw(band).text((10, 2), header, font=font("digits", int(h * 0.016)), fill=(0, 0, 0))
    out = Image.new("RGB", (w, h + band.height), (255, 255, 255))
    out.paste(band, (0, 0))
    out.paste(im, (0, band.height))
    return out


def collage(tiles: list[Image.Image], rng: random.Random) -> Image.Image:
    """A phone gallery collage (拼图): tiles in a grid with white gaps and an app mark."""
    n = len(tiles)
    cols = 1 if n == 1 else 2
    rows = (n + cols - 1) // cols
    tw = 900 if cols == 2 else 1400
    cells = []
    for t in tiles:
        k = tw / t.width
        cells.append(t.resize((tw, int(t.height * k)), Image.LANCZOS))
    row_h = [max(c.height for c in cells[r * cols : (r + 1) * cols]) for r in range(rows)]
    gap = 12
    out = Image.new(
        "RGB", (cols * tw + (cols + 1) * gap, sum(row_h) + (rows + 1) * gap + 50), (255, 255, 255)
    )
    y = gap
    for r in range(rows):
        for c in range(cols):
            i = r * cols + c
            if i < n:
                out.paste(cells[i], (gap + c * (tw + gap), y))
        y += row_h[r] + gap
    ImageDraw.Draw(out).text(
        (out.width - 160, out.height - 40),
        "拼图 · 相册",
        font=font("value", 24),
        fill=(170, 170, 170),
    )
    return out


def copy_a4(
    items: list[tuple[Image.Image, float, float, float]],
    dpi: int,
    rng: random.Random,
    stamp: tuple[str, str] | None = None,
) -> Image.Image:
    """A4 photocopy of cards (image, x_mm, y_mm, width_mm): grey toner, speckle, blue stamp.

    ``stamp`` = (who signs, date text): a blue 与原件核对无误 box with a signature beside it.
    """
    cv = Canvas(210, 297, dpi)
    for im, x, y, w in items:
        k = cv.px(w) / im.width
        cv.paste(im.resize((cv.px(w), int(im.height * k)), Image.LANCZOS), x, y)
        h_mm = im.height * w / im.width
        cv.d.rounded_rectangle(
            [cv.px(x), cv.px(y), cv.px(x + w), cv.px(y + h_mm)],
            radius=cv.px(3),
            outline=(120, 120, 120),
            width=max(1, cv.px(0.3)),
        )
    grey = np.asarray(cv.img.convert("L"), dtype=np.float32)
    grey = np.clip((grey - 40) * 1.35, 0, 255)
    g = _gen(rng)
    speck = g.random(grey.shape) < 0.0015
    grey[speck] = 40
    cv.img = _img(np.repeat(grey[..., None], 3, axis=2))
    cv.d = ImageDraw.Draw(cv.img)
    if stamp:
        rect_stamp(cv, 120, 232, ["与原件核对无误"], rng)
        put_hand(cv, 128, 252, stamp[0], 13, rng, ink=(20, 20, 20))
        put_hand(cv, 128, 262, stamp[1], 11, rng, ink=(20, 20, 20))
    return cv.img


def greyscale(page: Image.Image) -> Image.Image:
    return page.convert("L").convert("RGB")


def dark_blur(im: Image.Image, rng: random.Random) -> Image.Image:
    """Taken in a dim corridor with a shaking hand: dark, heavy motion blur."""
    small = im.resize((im.width // 6, im.height // 6), Image.BILINEAR)
    small = small.filter(ImageFilter.GaussianBlur(rng.uniform(4, 6)))
    a = _arr(small.resize(im.size, Image.BILINEAR)) * 0.28 + _gen(rng).normal(
        0, 6, (im.height, im.width, 3)
    )
    return _img(a)


def app_screen(page: Image.Image, rng: random.Random, title: str, clock: str) -> Image.Image:
    """A phone screenshot of a 政务 app showing an e-certificate or a file preview."""
    w, h = 1080, 2340
    out = Image.new("RGB", (w, h), (242, 244, 247))
    d = ImageDraw.Draw(out)
    d.rectangle([0, 0, w, 96], fill=(255, 255, 255))
    d.text((48, 28), clock, font=font("value", 38), fill=(0, 0, 0))
    d.text((w - 230, 28), "5G  86%", font=font("value", 34), fill=(0, 0, 0))
    d.rectangle([0, 96, w, 236], fill=(22, 119, 255))
    d.text((w // 2, 166), title, font=font("value", 46), fill=(255, 255, 255), anchor="mm")
    d.text((40, 166), "〈", font=font("value", 50), fill=(255, 255, 255), anchor="lm")
    k = (w - 60) / page.width
    pg = page.resize((w - 60, int(page.height * k)), Image.LANCZOS)
    if pg.height > h - 520:
        k2 = (h - 520) / pg.height
        pg = pg.resize((int(pg.width * k2), h - 520), Image.LANCZOS)
    out.paste(pg, ((w - pg.width) // 2, 280))
    d.rounded_rectangle([60, h - 200, w - 60, h - 90], radius=50, fill=(22, 119, 255))
    d.text((w // 2, h - 145), "出示证照", font=font("value", 42), fill=(255, 255, 255), anchor="mm")
    return out


def fit(im: Image.Image, long_side: int) -> Image.Image:
    k = min(1.0, long_side / max(im.size), MAX_SIDE / max(im.size))
    if k >= 1.0:
        return im
    return im.resize((int(im.width * k), int(im.height * k)), Image.LANCZOS)


def desk_photo(
    page: Image.Image,
    rng: random.Random,
    ground: str = "wood",
    portrait: bool | None = None,
    long_side: int = 2000,
    **kw,
) -> Image.Image:
    """A phone photo of one page or card on a wood desk or a newspaper, cool light, noise."""
    if portrait is None:
        portrait = page.height >= page.width
    size = (long_side * 3 // 4, long_side) if portrait else (long_side, long_side * 3 // 4)
    ground_im = wood(size, rng) if ground == "wood" else newspaper(size, rng)
    shot = place(page, ground_im, rng, **kw)
    return light(shot, rng)
