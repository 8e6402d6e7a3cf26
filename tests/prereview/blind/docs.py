"""Document builders: cards and certificates drawn as images, letters and
forms as blocks for render.Flow (raster / PDF) or render.write_docx."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from .ident import Company, Person, luhn_complete
from .render import DocFonts, Flow, emblem, head_photo, qr_like, raster, seal

MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def cn0(d: date) -> str:
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def dots(d: date) -> str:
    return f"{d:%Y.%m.%d}"


def _mono(px: int, fonts: DocFonts) -> ImageFont.FreeTypeFont:
    if Path(MONO).exists():
        return ImageFont.truetype(MONO, px)
    return fonts.px("hei", px)


def _rounded(img: Image.Image, r: int) -> Image.Image:
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, img.width - 1, img.height - 1], r, fill=255)
    out = img.convert("RGBA")
    out.putalpha(mask)
    return out


def _guilloche(img: Image.Image, rng: random.Random, colors, n=18, amp=18) -> None:
    d = ImageDraw.Draw(img)
    w, h = img.size
    for k in range(n):
        col = colors[k % len(colors)]
        ph = rng.uniform(0, 6.28)
        per = rng.uniform(60, 140)
        y0 = h * k / n
        pts = [(x, y0 + amp * math.sin(x / per + ph)) for x in range(0, w, 6)]
        d.line(pts, fill=col, width=1)


def _spaced(d: ImageDraw.ImageDraw, xy, text: str, font, fill, gap: float) -> None:
    x, y = xy
    for ch in text:
        d.text((x, y), ch, font=font, fill=fill)
        x += font.getlength(ch) + gap


# ---------------------------------------------------------------- ID card (10 px/mm)


def id_front(p: Person, rng: random.Random) -> Image.Image:
    f = DocFonts(rng)
    w, h = 856, 540
    img = Image.new("RGB", (w, h), (238, 242, 246))
    arr = np.asarray(img).astype(float)
    grad = np.linspace(0, 1, w)[None, :, None]
    arr = arr * (1 - 0.06 * np.sin(grad * 3.14)) + np.array([6, 0, 4]) * np.sin(grad * 3.14)
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    _guilloche(img, rng, [(220, 228, 240), (240, 225, 232)])
    d = ImageDraw.Draw(img)
    lab = (70, 130, 185)
    lf = f.px("hei", 25)
    vf = f.px("hei", 33)
    d.text((48, 62), "姓名", font=lf, fill=lab)
    d.text((128, 52), p.name, font=f.px("hei", 37), fill=(10, 10, 10))
    d.text((48, 132), "性别", font=lf, fill=lab)
    d.text((128, 124), p.sex, font=vf, fill=(10, 10, 10))
    d.text((232, 132), "民族", font=lf, fill=lab)
    d.text((312, 124), p.nation, font=vf, fill=(10, 10, 10))
    d.text((48, 200), "出生", font=lf, fill=lab)
    b = p.birth
    d.text((128, 192), str(b.year), font=vf, fill=(10, 10, 10))
    d.text((215, 200), "年", font=lf, fill=lab)
    d.text((256, 192), str(b.month), font=vf, fill=(10, 10, 10))
    d.text((300, 200), "月", font=lf, fill=lab)
    d.text((340, 192), str(b.day), font=vf, fill=(10, 10, 10))
    d.text((384, 200), "日", font=lf, fill=lab)
    d.text((48, 268), "住址", font=lf, fill=lab)
    addr = p.address
    for k in range(0, len(addr), 11):
        d.text((128, 260 + (k // 11) * 44), addr[k : k + 11], font=vf, fill=(10, 10, 10))
    d.text((48, 452), "公民身份号码", font=lf, fill=lab)
    _spaced(d, (240, 438), p.printed_id, _mono(40, f), (10, 10, 10), 3)
    ph = head_photo(220, 275, rng, bg=(236, 240, 246))
    img.paste(ph, (590, 70))
    return _rounded(img, 30)


def id_back(p: Person, rng: random.Random) -> Image.Image:
    f = DocFonts(rng)
    w, h = 856, 540
    img = Image.new("RGB", (w, h), (240, 243, 236))
    _guilloche(img, rng, [(222, 232, 220), (236, 226, 214)], n=22)
    d = ImageDraw.Draw(img)
    # faint great wall
    pts = [(0, 330)]
    for x in range(0, w + 40, 40):
        pts.append((x, 300 + 25 * math.sin(x / 120) + (12 if (x // 40) % 2 else 0)))
    d.line(pts, fill=(205, 215, 200), width=6)
    e = emblem(150)
    img.paste(e, (55, 42), e)
    _spaced(d, (300, 62), "中华人民共和国", f.px("heib", 44), (20, 20, 20), 10)
    _spaced(d, (255, 140), "居民身份证", f.px("heib", 74), (20, 20, 20), 22)
    lf = f.px("hei", 25)
    vf = f.px("hei", 31)
    d.text((165, 388), "签发机关", font=lf, fill=(40, 40, 40))
    d.text((312, 380), p.issuer, font=vf, fill=(10, 10, 10))
    d.text((165, 458), "有效期限", font=lf, fill=(40, 40, 40))
    end = "长期" if p.valid_to is None else dots(p.valid_to)
    d.text((312, 450), f"{dots(p.valid_from)}-{end}", font=vf, fill=(10, 10, 10))
    return _rounded(img, 30)


def id_copy_page(
    people: list[Person], rng: random.Random, stamp: str | None = None, back_first: bool = False
) -> Image.Image:
    """Front and back of each ID on one A4 sheet (150 dpi)."""
    from .render import overlay_text

    f = DocFonts(rng)
    page = Image.new("RGB", (1240, 1754), (255, 255, 255))
    cw = 505
    two = len(people) > 1
    for i, p in enumerate(people):
        sides = (
            [id_back(p, rng), id_front(p, rng)]
            if back_first
            else [id_front(p, rng), id_back(p, rng)]
        )
        for j, card in enumerate(sides):
            card = card.resize((cw, int(cw * card.height / card.width)), Image.LANCZOS)
            if two:
                x = 90 + j * 560
                y = 260 + i * 650
            else:
                x = (1240 - cw) // 2
                y = 280 + j * 560
            page.paste(card, (x, y), card)
            if stamp:
                page = overlay_text(page, stamp, rng, f, (x, y, x + cw, y + card.height))
    return page


# ---------------------------------------------------------------- other cards


def health_cert(
    p: Person,
    rng: random.Random,
    checked: date,
    valid_to: date | None,
    title: str = "健康证明",
    number: str = "",
) -> Image.Image:
    f = DocFonts(rng)
    w, h = 900, 580
    img = Image.new("RGB", (w, h), rng.choice([(236, 246, 240), (240, 244, 252), (252, 248, 236)]))
    _guilloche(img, rng, [(220, 236, 226), (226, 232, 246)], n=14)
    d = ImageDraw.Draw(img)
    tf = f.px("heib", 48)
    tw = tf.getlength(title)
    d.text(((w - tw) / 2, 30), title, font=tf, fill=(20, 90, 60))
    ph = head_photo(190, 240, rng, bg=(60, 110, 200) if rng.random() < 0.5 else (240, 240, 240))
    img.paste(ph, (50, 130))
    lf, vf = f.px("hei", 28), f.px("hei", 30)
    rows = [
        ("姓名", p.name),
        ("性别", f"{p.sex}    年龄  {p.age_on(checked)}"),
        ("类别", rng.choice(["食品", "餐饮服务", "食品生产经营"])),
        ("体检日期", cn0(checked)),
    ]
    if valid_to is not None:
        rows.append(("有效期至", cn0(valid_to)))
    rows.append(("编号", number or f"SF{checked:%Y%m}{rng.randrange(10000, 99999)}"))
    y = 125
    for lab, val in rows:
        d.text((280, y), lab, font=lf, fill=(70, 70, 70))
        d.text((420, y - 2), val, font=vf, fill=(10, 10, 10))
        y += 58
    d.text(
        (280, y + 8),
        "体检单位：示范市城西区疾病预防控制中心",
        font=f.px("hei", 22),
        fill=(40, 40, 40),
    )
    s = seal(rng, "示范市城西区疾病预防控制中心", "健康体检专用章", px=200, fonts=f)
    img.paste(s, (640, 330), s)
    return _rounded(img, 24)


def bank_card(rng: random.Random, bank: str, number: str) -> Image.Image:
    f = DocFonts(rng)
    w, h = 856, 540
    c1, c2 = rng.choice(
        [
            ((180, 20, 40), (120, 10, 20)),
            ((10, 70, 150), (5, 30, 90)),
            ((20, 120, 90), (10, 60, 50)),
        ]
    )
    grad = np.linspace(0, 1, w)[None, :, None]
    arr = np.array(c1)[None, None, :] * (1 - grad) + np.array(c2)[None, None, :] * grad
    img = Image.fromarray(np.repeat(arr, h, axis=0).astype(np.uint8))
    d = ImageDraw.Draw(img)
    d.ellipse([40, 36, 100, 96], outline=(255, 255, 255), width=6)
    d.text((115, 38), bank, font=f.px("heib", 44), fill=(255, 255, 255))
    d.rounded_rectangle([90, 190, 200, 270], 12, fill=(212, 180, 100))
    for k in range(3):
        d.line([(90, 215 + k * 20), (200, 215 + k * 20)], fill=(170, 140, 70), width=2)
    groups = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    mf = _mono(46, f)
    d.text((62, 332), groups, font=mf, fill=(60, 60, 60))
    d.text((60, 330), groups, font=mf, fill=(250, 250, 245))
    d.text((62, 420), "借记卡  DEBIT", font=f.px("hei", 30), fill=(255, 255, 255))
    # UnionPay mark
    x0, y0 = 640, 395
    for k, col in enumerate([(220, 30, 40), (0, 70, 150), (0, 130, 130)]):
        d.polygon(
            [
                (x0 + k * 52 + 14, y0),
                (x0 + k * 52 + 66, y0),
                (x0 + k * 52 + 52, y0 + 100),
                (x0 + k * 52, y0 + 100),
            ],
            fill=col,
        )
    d.text((x0 + 28, y0 + 12), "银联", font=f.px("heib", 38), fill=(255, 255, 255))
    d.text((x0 + 22, y0 + 60), "UnionPay", font=f.px("hei", 24), fill=(255, 255, 255))
    return _rounded(img, 30)


def card_number(rng: random.Random) -> str:
    return luhn_complete("621700" + "".join(str(rng.randrange(10)) for _ in range(12)))


def marriage_cert(
    man: Person, woman: Person, holder: Person, rng: random.Random, reg: date, region: str
) -> Image.Image:
    f = DocFonts(rng)
    w, h = 1520, 1024
    img = Image.new("RGB", (w, h), (252, 236, 232))
    _guilloche(img, rng, [(245, 220, 215), (248, 228, 210)], n=26)
    d = ImageDraw.Draw(img)
    d.rectangle([20, 20, w - 20, h - 20], outline=(190, 40, 40), width=8)
    d.line([(w // 2, 20), (w // 2, h - 20)], fill=(170, 120, 110), width=4)
    ph = Image.new("RGB", (420, 300), (200, 30, 40))
    ph.paste(head_photo(200, 270, rng, bg=(200, 30, 40)), (10, 30))
    ph.paste(head_photo(200, 270, rng, bg=(200, 30, 40)), (210, 30))
    img.paste(ph, (180, 80))
    lf, vf = f.px("song", 32), f.px("hei", 34)
    y = 460
    for lab, val in [
        ("持证人", holder.name),
        ("登记日期", cn0(reg)),
        ("结婚证字号", f"J{region}-{reg.year}-{rng.randrange(1, 9999):06d}"),
        ("备注", ""),
    ]:
        d.text((90, y), lab, font=lf, fill=(90, 60, 60))
        d.text((300, y - 2), val, font=vf, fill=(15, 15, 15))
        d.line([(290, y + 44), (700, y + 44)], fill=(200, 150, 150), width=2)
        y += 100
    x = w // 2 + 70
    y = 90
    for p in (man, woman):
        for lab, val in [
            ("姓名", p.name),
            ("性别", p.sex),
            ("国籍", "中国"),
            ("出生日期", cn0(p.birth)),
            ("身份证件号", p.printed_id),
        ]:
            d.text((x, y), lab, font=lf, fill=(90, 60, 60))
            d.text((x + 190, y - 2), val, font=vf, fill=(15, 15, 15))
            y += 70
        y += 60
    d.text(
        (w // 2 + 200, h - 80),
        "中华人民共和国民政部监制",
        font=f.px("song", 24),
        fill=(120, 80, 80),
    )
    s = seal(
        rng, f"示范市{rng.choice(['城西区', '城东区'])}民政局", "婚姻登记专用章", px=230, fonts=f
    )
    img.paste(s, (480, 560), s)
    return img


# ---------------------------------------------------------------- licences


def licence(
    co: Company, rng: random.Random, copy: str, registered: date, registrar: str
) -> Image.Image:
    f = DocFonts(rng)
    if copy == "正本":
        w, h = 1680, 1188
    else:
        w, h = 1485, 1050
    img = Image.new("RGB", (w, h), (252, 249, 241))
    _guilloche(img, rng, [(244, 236, 222)], n=30, amp=10)
    d = ImageDraw.Draw(img)
    m = int(w * 0.035)
    d.rectangle([m, m, w - m, h - m], outline=(170, 120, 60), width=10)
    d.rectangle([m + 18, m + 18, w - m - 18, h - m - 18], outline=(190, 140, 80), width=3)
    e = emblem(int(h * 0.12))
    img.paste(e, ((w - e.width) // 2, int(h * 0.05)), e)
    tf = f.px("songb", int(h * 0.085))
    title = "营 业 执 照"
    d.text(((w - tf.getlength(title)) / 2, h * 0.18), title, font=tf, fill=(30, 30, 30))
    if copy == "副本":
        sf = f.px("song", int(h * 0.032))
        d.text(
            ((w - sf.getlength("（副　本）")) / 2, h * 0.285),
            "（副　本）",
            font=sf,
            fill=(30, 30, 30),
        )
        d.text(
            (w * 0.08, h * 0.3),
            "副本编号：1-1",
            font=f.px("song", int(h * 0.022)),
            fill=(30, 30, 30),
        )
    sm = f.px("hei", int(h * 0.026))
    d.text((w * 0.08, h * 0.16), "统一社会信用代码", font=sm, fill=(30, 30, 30))
    d.text(
        (w * 0.08, h * 0.205), co.printed_uscc, font=f.px("song", int(h * 0.03)), fill=(10, 10, 10)
    )
    q = qr_like(rng, int(h * 0.13))
    img.paste(q, (int(w * 0.8), int(h * 0.1)))
    cap = f.px("song", int(h * 0.012))
    d.text((w * 0.76, h * 0.245), "扫描二维码登录“国家企业信用信息", font=cap, fill=(40, 40, 40))
    d.text((w * 0.76, h * 0.262), "公示系统”了解更多登记、备案、", font=cap, fill=(40, 40, 40))
    d.text((w * 0.76, h * 0.279), "许可、监管信息。", font=cap, fill=(40, 40, 40))
    lf = f.px("hei", int(h * 0.025))
    vf = f.px("song", int(h * 0.025))
    if co.getihu:
        left = [
            ("名　　称", co.name),
            ("类　　型", "个体工商户"),
            ("经 营 者", co.legal_rep),
            ("经营范围", co.scope),
        ]
        right = [("组成形式", "个人经营"), ("注册日期", cn0(co.founded)), ("经营场所", co.address)]
    else:
        left = [
            ("名　　称", co.name),
            ("类　　型", co.kind),
            ("法定代表人", co.legal_rep),
            ("经营范围", co.scope),
        ]
        right = [
            ("注册资本", co.capital),
            ("成立日期", cn0(co.founded)),
            ("营业期限", f"{cn0(co.founded)}至长期"),
            ("住　　所", co.address),
        ]
    for col, items in ((0.08, left), (0.54, right)):
        y = h * 0.37
        for lab, val in items:
            d.text((w * col, y), lab, font=lf, fill=(30, 30, 30))
            x0 = w * col + lf.getlength("法定代表人") + 20
            maxw = w * 0.4 - (x0 - w * col)
            line = ""
            for ch in val:
                if vf.getlength(line + ch) > maxw:
                    d.text((x0, y), line, font=vf, fill=(10, 10, 10))
                    y += h * 0.038
                    line = ""
                line += ch
            d.text((x0, y), line, font=vf, fill=(10, 10, 10))
            y += h * 0.062
    d.text((w * 0.6, h * 0.78), "登记机关", font=f.px("hei", int(h * 0.03)), fill=(30, 30, 30))
    s = seal(rng, registrar, px=int(h * 0.2), fonts=f)
    img.paste(s, (int(w * 0.7), int(h * 0.69)), s)
    d.text(
        (w * 0.7, h * 0.86), cn(registered), font=f.px("song", int(h * 0.028)), fill=(20, 20, 20)
    )
    foot = f.px("song", int(h * 0.017))
    if copy == "副本":
        d.text(
            (w * 0.08, h * 0.86),
            "市场主体应当于每年1月1日至6月30日通过",
            font=foot,
            fill=(40, 40, 40),
        )
        d.text(
            (w * 0.08, h * 0.885),
            "国家企业信用信息公示系统报送公示年度报告。",
            font=foot,
            fill=(40, 40, 40),
        )
    d.text(
        (w * 0.08, h * 0.915),
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn",
        font=foot,
        fill=(40, 40, 40),
    )
    d.text((w * 0.72, h * 0.915), "国家市场监督管理总局监制", font=foot, fill=(40, 40, 40))
    return img


def e_licence_screen(co: Company, rng: random.Random, shown: date) -> Image.Image:
    """A phone screenshot of the 电子营业执照 mini-program showing the licence."""
    f = DocFonts(rng)
    w, h = 1080, 2160
    img = Image.new("RGB", (w, h), (245, 245, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, w, 80], fill=(250, 250, 250))
    d.text((40, 22), "10:21", font=f.px("hei", 34), fill=(0, 0, 0))
    d.text((w - 180, 22), "5G 87%", font=f.px("hei", 30), fill=(0, 0, 0))
    d.rectangle([0, 80, w, 200], fill=(180, 30, 35))
    d.text((w / 2 - 150, 110), "电子营业执照", font=f.px("heib", 52), fill=(255, 255, 255))
    d.rounded_rectangle(
        [40, 240, w - 40, 1800], 30, fill=(255, 252, 244), outline=(200, 160, 90), width=6
    )
    e = emblem(150)
    img.paste(e, ((w - 150) // 2, 280), e)
    d.text((w / 2 - 170, 450), "营业执照", font=f.px("songb", 84), fill=(20, 20, 20))
    lf, vf = f.px("hei", 34), f.px("song", 36)
    y = 600
    rows = [("统一社会信用代码", co.printed_uscc), ("名称", co.name)]
    if co.getihu:
        rows += [("类型", "个体工商户"), ("经营者", co.legal_rep), ("经营场所", co.address)]
    else:
        rows += [("类型", co.kind), ("法定代表人", co.legal_rep), ("注册资本", co.capital)]
        rows += [("成立日期", cn0(co.founded)), ("住所", co.address)]
    for lab, val in rows:
        d.text((90, y), lab, font=lf, fill=(110, 80, 50))
        y += 50
        for k in range(0, len(val), 24):
            d.text((90, y), val[k : k + 24], font=vf, fill=(15, 15, 15))
            y += 50
        y += 24
    q = qr_like(rng, 300)
    img.paste(q, ((w - 300) // 2, y + 20))
    d.text(
        (90, 2020), f"亮照时间：{shown:%Y-%m-%d} 10:21:36", font=f.px("hei", 30), fill=(90, 90, 90)
    )
    d.text((90, 2070), "国家市场监督管理总局 监制", font=f.px("hei", 30), fill=(90, 90, 90))
    return img


# ---------------------------------------------------------------- household register


def hukou_pages(
    head: Person,
    members: list[tuple[Person, str]],
    rng: random.Random,
    registered: date,
    huhao: str,
) -> list[Image.Image]:
    fonts = DocFonts(rng)
    office = "示范市公安局城西分局"
    first = [
        ("title", "居民户口簿", 20),
        (
            "table",
            [["户别", "家庭户", "户主姓名", head.name], ["户号", huhao, "住址", (head.address, 1)]],
            [1, 2, 1, 3],
            10.5,
        ),
        ("space", 4),
        ("para", "户口登记机关：" + office + "城西派出所", 10.5, False),
        (
            "sign",
            [
                ("户口专用章", "seal", office + "户口专用章"),
                ("承办人签章：", "hand", "周敏"),
                ("签发日期：", "text", cn0(registered)),
            ],
        ),
    ]
    pages = raster(Flow(fonts, rng, w=150, h=210, margin=12).run(first), fonts, w=150, h=210)
    for p, rel in members:
        blocks = [
            ("title", "常住人口登记卡", 18),
            (
                "table",
                [
                    ["姓名", p.name, "户主或与户主关系", rel],
                    ["曾用名", "", "性别", p.sex],
                    ["出生地", "江苏省示范市", "民族", p.nation],
                    ["籍贯", "江苏示范", "出生日期", cn0(p.birth)],
                    ["本市（县）其他住址", ("", 3)],
                    ["宗教信仰", "", "公民身份号码", p.printed_id],
                    ["身高", "", "血型", ""],
                    [
                        "文化程度",
                        rng.choice(["大学本科", "高中", "大学专科"]),
                        "婚姻状况",
                        rng.choice(["已婚", "未婚"]) if rel != "子" else "未婚",
                    ],
                    ["兵役状况", "", "服务处所", ""],
                    ["职业", "", "", ""],
                    ["何时由何地迁来本市（县）", ("", 3)],
                    ["何时由何地迁来本址", ("", 3)],
                ],
                [1.2, 1.6, 1.3, 1.9],
                9.5,
            ),
            (
                "sign",
                [
                    ("承办人签章：", "seal", office + "户口专用章"),
                    ("登记日期：", "text", cn0(registered)),
                ],
            ),
        ]
        pages += raster(Flow(fonts, rng, w=150, h=210, margin=12).run(blocks), fonts, w=150, h=210)
    return pages


# ---------------------------------------------------------------- letters and forms (blocks)


def lease_blocks(
    rng, lessor: Person, tenant: Person, addr: str, start: date, end: date, signed: date, rent: int
) -> list[tuple]:
    area = rng.randrange(38, 120)
    clauses = [
        f"第一条  房屋基本情况：甲方将其合法拥有的坐落于{addr}的房屋出租给乙方使用，建筑面积{area}平方米。甲方已向乙方出示该房屋的不动产权证书。",
        "第二条  租赁用途：该房屋用途为"
        + rng.choice(["居住", "经营（餐饮）", "经营（零售）"])
        + "，乙方不得擅自改变房屋用途。",
        f"第三条  租赁期限：租赁期限自{cn(start)}起至{cn(end)}止。租赁期满，甲方有权收回房屋；乙方如需续租，应提前一个月书面通知甲方。",
        f"第四条  租金及支付方式：月租金为人民币{rent}元（大写：{_rmb(rent)}），按季度支付，乙方应于每季度首月5日前支付当季租金。",
        f"第五条  押金：乙方于签订本合同时向甲方支付押金人民币{rent}元，租赁期满乙方结清费用并交还房屋后，甲方无息退还。",
        "第六条  租赁期间的水费、电费、燃气费、物业管理费、网络费由乙方承担；房屋主体结构的维修由甲方负责。",
        "第七条  乙方应合理使用房屋及附属设施，因使用不当造成损坏的，由乙方负责修复或赔偿。未经甲方书面同意，乙方不得转租、转借。",
        "第八条  任何一方提前解除合同的，应提前三十日书面通知对方，并支付相当于一个月租金的违约金。",
        "第九条  租赁期间房屋因不可抗力毁损致使合同无法履行的，本合同自然终止，互不承担责任。",
        "第十条  本合同履行中发生争议，双方协商解决；协商不成的，可向房屋所在地人民法院起诉。",
        "第十一条  本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等效力。",
        "第十二条  本合同一式两份，甲乙双方各执一份，自双方签字之日起生效。",
    ]
    blocks: list[tuple] = [
        ("title", rng.choice(["房屋租赁合同", "房 屋 租 赁 合 同"]), 20),
        ("right", f"合同编号：ZL{signed:%Y%m}{rng.randrange(100, 999)}", 10),
        ("para", f"出租方（甲方）：{lessor.name}    身份证号码：{lessor.id_number}", 11.5, False),
        ("para", f"承租方（乙方）：{tenant.name}    身份证号码：{tenant.id_number}", 11.5, False),
        (
            "para",
            "根据《中华人民共和国民法典》及有关规定，甲乙双方在平等、自愿、协商一致的基础上，就房屋租赁事宜订立本合同，共同遵守。",
            11.5,
            True,
        ),
    ]
    for c in clauses:
        blocks.append(("para", c, 11.5, True))
    items = [
        "空调",
        "冰箱",
        "洗衣机",
        "热水器",
        "燃气灶",
        "抽油烟机",
        "床",
        "衣柜",
        "沙发",
        "餐桌椅",
        "电视机",
        "门钥匙",
    ]
    rows = [["序号", "设施名称", "数量", "状况"]] + [
        [str(k), n, str(r), "完好"]
        for k, (n, r) in enumerate(((n, rng.randrange(1, 3)) for n in items), 1)
    ]
    blocks.append(("para", "附件：房屋附属设施清单", 11.5, False))
    blocks.append(("table", rows, [0.6, 2, 0.8, 1], 10.5))
    blocks.append(
        (
            "para",
            f"交房时水表读数{rng.randrange(100, 999)}吨，电表读数{rng.randrange(1000, 9999)}度，燃气表读数{rng.randrange(100, 999)}立方米，双方确认无误。",
            11.5,
            True,
        )
    )
    blocks.append(("break",))
    blocks.append(("para", "（以下无正文，为签字页）", 11.5, False))
    blocks.append(
        (
            "sign",
            [
                ("出租方（甲方）签字：", "hand", lessor.name),
                ("承租方（乙方）签字：", "hand", tenant.name),
                ("签订日期：", "text", cn(signed)),
            ],
        )
    )
    return blocks


def _rmb(n: int) -> str:
    digits = "零壹贰叁肆伍陆柒捌玖"
    units = ["", "拾", "佰", "仟", "万"]
    s = str(n)
    out = ""
    for i, c in enumerate(s):
        u = units[len(s) - 1 - i]
        if c == "0":
            if not out.endswith("零"):
                out += "零"
        else:
            out += digits[int(c)] + u
    return out.rstrip("零") + "元整"


def termination_blocks(
    rng, p: Person, company: str, hired: date, ended: date, issued: date, reason: str
) -> list[tuple]:
    years = (ended - hired).days // 365
    months = ((ended - hired).days % 365) // 30
    return [
        ("title", rng.choice(["解除劳动合同证明书", "解除（终止）劳动关系证明"]), 20),
        ("space", 6),
        (
            "para",
            f"兹证明{p.name}同志（公民身份号码：{p.id_number}）于{cn(hired)}入职我单位，"
            f"担任{rng.choice(['行政专员', '仓储管理员', '销售代表', '质检员'])}岗位。因{reason}，"
            f"双方于{cn(ended)}解除劳动合同，劳动关系自该日终止。"
            f"该同志在我单位工作年限为{years}年{months}个月，我单位已为其缴纳社会保险至{ended.year}年{ended.month}月。",
            12.5,
            True,
        ),
        ("para", "特此证明。", 12.5, True),
        ("space", 10),
        ("sign", [("单位（盖章）：", "seal", company), ("出具日期：", "text", cn(issued))]),
    ]


def award_blocks(rng, p: Person, company: str, ended: date, issued: date) -> list[tuple]:
    no = f"示劳人仲案字〔{issued.year}〕第{rng.randrange(100, 999)}号"
    return [
        ("title", "示范市劳动人事争议仲裁委员会", 18),
        ("title", "仲 裁 裁 决 书", 22),
        ("right", no, 11),
        (
            "para",
            f"申请人：{p.name}，{p.sex}，{cn(p.birth)}出生，公民身份号码{p.id_number}。",
            11.5,
            False,
        ),
        ("para", f"被申请人：{company}。", 11.5, False),
        (
            "para",
            f"申请人与被申请人劳动争议一案，本委受理后依法组成仲裁庭，于{cn(issued - timedelta(days=20))}公开开庭审理。本案现已审理终结。",
            11.5,
            True,
        ),
        (
            "para",
            "经审理查明：申请人于入职后一直在被申请人处工作，被申请人未足额支付劳动报酬，申请人据此提出解除劳动关系。",
            11.5,
            True,
        ),
        (
            "para",
            f"裁决如下：一、确认申请人与被申请人之间的劳动关系于{cn(ended)}解除；二、被申请人于本裁决生效之日起十日内支付申请人经济补偿。",
            11.5,
            True,
        ),
        ("para", "本裁决为终局裁决，自作出之日起发生法律效力。", 11.5, True),
        (
            "sign",
            [
                ("仲裁员：", "text", "赵立新"),
                ("示范市劳动人事争议仲裁委员会（印）", "seal", "示范市劳动人事争议仲裁委员会"),
                ("", "text", cn(issued)),
            ],
        ),
    ]


def weituo_blocks(
    rng,
    principal: str,
    principal_id: str,
    agent: Person,
    matter: str,
    signed: date,
    seal_name: str | None = None,
    table: bool = False,
    period: str | None = None,
) -> list[tuple]:
    start, end = signed, signed + timedelta(days=60)
    period = period or f"{cn(start)}至{cn(end)}"
    if table:
        body = [
            (
                "table",
                [
                    ["委托人", principal, "证件号码", principal_id],
                    ["受托人", agent.name, "公民身份号码", agent.id_number],
                    ["委托事项", (matter, 3)],
                    ["委托权限", ("代为提交、签收材料，代为领取办理结果", 3)],
                    ["委托期限", (period, 3)],
                ],
                [1, 2, 1.1, 2.2],
                11,
            )
        ]
    else:
        body = [
            ("para", f"委托人：{principal}    证件号码：{principal_id}", 12, False),
            ("para", f"受托人：{agent.name}    公民身份号码：{agent.id_number}", 12, False),
            (
                "para",
                f"现委托{agent.name}作为我方代理人，代为办理{matter}。委托事项：代为提交、签收申请材料，代为领取办理结果。",
                12,
                True,
            ),
            (
                "para",
                f"委托期限：{period}。受托人在上述权限内所办理的事项，委托人均予以承认。",
                12,
                True,
            ),
        ]
    sign = [("委托人（签字）：", "hand", principal if seal_name is None else "")]
    if seal_name:
        sign = [("委托人（盖章）：", "seal", seal_name)]
    return [
        ("title", "授 权 委 托 书" if rng.random() < 0.5 else "授权委托书", 20),
        *body,
        ("sign", [*sign, ("日期：", "text", cn(signed))]),
    ]


def getihu_form_blocks(
    rng,
    op: Person,
    shop: str,
    addr: str,
    phone: str,
    scope: str,
    signed: date,
    family: Person | None = None,
) -> list[tuple]:
    rows = [
        ["个体工商户名称", (shop, 3)],
        ["经营者姓名", op.name, "联系电话", phone],
        ["公民身份号码", (op.id_number, 3)],
        ["经营场所", (addr, 3)],
        ["组成形式", ("家庭经营" if family else "个人经营", 3)],
        ["经营范围", (scope, 3)],
    ]
    if family:
        rows.append(["参加经营的家庭成员", family.name, "身份证号", family.id_number])
    sign = [("经营者签字：", "hand", op.name)]
    if family:
        sign.append(("家庭成员签字：", "hand", family.name))
    return [
        ("title", "个体工商户登记（备案）申请书", 18),
        ("center", "■设立登记  □变更登记  □注销登记", 11),
        ("table", rows, [1.3, 1.6, 1, 1.6], 10.5),
        ("title", "申请人声明", 13),
        (
            "para",
            "本人承诺所提交的申请材料真实、合法、有效，复印件与原件一致，并对申请材料的真实性、合法性、有效性承担相应的法律责任。",
            11,
            True,
        ),
        ("sign", [*sign, ("日期：", "text", cn(signed))]),
    ]


def xcy_form_blocks(
    rng, op: Person, shop: str, addr: str, phone: str, signed: date, below: bool
) -> list[tuple]:
    pairs = [
        ("经营者姓名", op.name),
        ("公民身份号码", op.id_number),
        ("店招名称", shop),
        ("经营地址", addr),
        ("联系电话", phone),
        ("经营项目", "■热食类食品制售  □冷食类食品制售  ■饮品制售"),
        ("从业人员数", str(rng.randrange(2, 6)) + "人"),
    ]
    if below:  # label row, value row underneath
        rows = []
        for k in range(0, len(pairs), 2):
            chunk = pairs[k : k + 2]
            rows.append([lab for lab, _ in chunk] + ([""] if len(chunk) == 1 else []))
            rows.append([val for _, val in chunk] + ([""] if len(chunk) == 1 else []))
        table = ("table", rows, [1, 1], 10.5)
    else:
        table = ("table", [[lab, (val, 1)] for lab, val in pairs], [1, 3], 10.5)
    return [
        ("title", "小餐饮登记申请表", 18),
        ("right", f"申请日期：{cn(signed)}", 10.5),
        table,
        (
            "para",
            "申请人承诺：以上信息真实有效，本人将严格遵守食品安全法律法规，承担食品安全主体责任。",
            11,
            True,
        ),
        ("sign", [("经营者签字（盖章）：", "hand", op.name), ("日期：", "text", cn(signed))]),
    ]


def spjy_form_blocks(rng, co: Company, site: str, signed: date) -> list[tuple]:
    return [
        ("title", "食品经营许可申请书", 20),
        ("center", "（餐饮服务经营者）", 11),
        (
            "table",
            [
                ["申请人名称", (co.name, 3)],
                ["统一社会信用代码", (co.uscc, 3)],
                [
                    "法定代表人（负责人）",
                    co.legal_rep,
                    "联系电话",
                    "0510-8" + str(rng.randrange(1000000, 9999999)),
                ],
                ["住所", (co.address, 3)],
                ["经营场所", (site, 3)],
                ["主体业态", ("■餐饮服务经营者  □单位食堂  □食品销售经营者", 3)],
                [
                    "经营项目",
                    ("■热食类食品制售  ■冷食类食品制售  □生食类食品制售  ■自制饮品制售", 3),
                ],
            ],
            [1.4, 1.6, 1, 1.6],
            10.5,
        ),
        ("title", "申请人声明", 13),
        (
            "para",
            "本申请人已了解食品经营许可的有关规定，所填写的内容和提交的材料真实、有效，并承担相应的法律责任。",
            11,
            True,
        ),
        (
            "sign",
            [
                ("法定代表人（负责人）签字：", "hand", co.legal_rep),
                ("申请人（盖章）：", "seal", co.name),
                ("日期：", "text", cn(signed)),
            ],
        ),
    ]


def zhuxiao_form_blocks(rng, co: Company, signed: date) -> list[tuple]:
    return [
        ("title", "企业注销登记申请书", 20),
        ("center", "■简易注销  □一般注销", 11),
        (
            "table",
            [
                ["企业名称", (co.name, 3)],
                ["统一社会信用代码", (co.uscc, 3)],
                [
                    "法定代表人",
                    co.legal_rep,
                    "联系电话",
                    "1" + str(rng.randrange(3000000000, 9999999999)),
                ],
                ["注销原因", ("■决议解散  □营业期限届满  □章程规定的解散事由出现", 3)],
                ["公告期", ("已于国家企业信用信息公示系统公告20日，公告期内无异议", 3)],
            ],
            [1.3, 1.6, 1, 1.6],
            10.5,
        ),
        (
            "para",
            "本企业申请简易注销登记，并承诺所提交的材料真实有效、企业不存在未结清的债权债务，愿意承担相应的法律责任。",
            11,
            True,
        ),
        (
            "sign",
            [
                ("法定代表人签字：", "hand", co.legal_rep),
                ("企业盖章：", "seal", co.name),
                ("日期：", "text", cn(signed)),
            ],
        ),
    ]


def investors_blocks(rng, co: Company, investors: list[str], signed: date) -> list[tuple]:
    return [
        ("title", "全体投资人承诺书", 20),
        (
            "para",
            f"现向登记机关申请{co.name}（统一社会信用代码：{co.uscc}）的简易注销登记，并郑重承诺：",
            12,
            True,
        ),
        (
            "para",
            "一、本企业申请注销登记前未发生债权债务或已将债权债务清算完结，不存在未结清清算费用、职工工资、社会保险费用、法定补偿金、应缴纳税款（滞纳金、罚款）等情形。",
            12,
            True,
        ),
        (
            "para",
            "二、本企业不存在法律、行政法规或者国务院决定规定在注销登记前须经批准的情形。",
            12,
            True,
        ),
        (
            "para",
            "三、全体投资人对以上承诺的真实性负责，如违法失信，则由全体投资人承担相应的法律后果和责任。",
            12,
            True,
        ),
        (
            "sign",
            [
                *[("投资人签字：", "hand", n) for n in investors],
                ("企业盖章：", "seal", co.name),
                ("日期：", "text", cn(signed)),
            ],
        ),
    ]


def food_promise_blocks(rng, op: Person, shop: str, signed: date) -> list[tuple]:
    items = [
        "一、严格遵守《中华人民共和国食品安全法》等法律法规，对所经营食品的安全负责。",
        "二、从业人员持有效健康证明上岗，保持个人卫生。",
        "三、采购食品及原料时查验供货者的许可证和产品合格证明，不采购、不使用来源不明的食品原料。",
        "四、餐用具用后洗净消毒，保持经营场所清洁卫生。",
        "五、不超范围经营，接受市场监督管理部门的监督检查。",
    ]
    return [
        ("title", "小餐饮食品安全承诺书", 18),
        ("para", f"本人作为{shop}的经营者，郑重承诺：", 12, True),
        *[("para", t, 12, True) for t in items],
        ("para", "如违反上述承诺，愿意承担相应的法律责任。", 12, True),
        ("sign", [("承诺人（签字）：", "hand", op.name), ("日期：", "text", cn(signed))]),
    ]


def qiuzhi_blocks(rng, p: Person, phone: str, signed: date) -> list[tuple]:
    return [
        ("title", "求职登记表", 18),
        (
            "table",
            [
                ["姓名", p.name, "性别", p.sex, "身份证号", p.id_number],
                ["联系电话", (phone, 2), "文化程度", ("大学专科", 2)],
                ["求职意向", ("■全职  □兼职  □灵活就业", 5)],
                [
                    "期望工作",
                    (rng.choice(["仓库管理", "行政文员", "物流配送"]), 2),
                    "期望月薪",
                    ("5000元以上", 2),
                ],
                ["培训意愿", ("■愿意参加职业技能培训", 5)],
            ],
            [1.1, 1.3, 0.8, 0.9, 1.1, 0.8],
            10.5,
        ),
        ("sign", [("本人签字：", "hand", p.name), ("日期：", "text", cn(signed))]),
    ]


def statement_blocks(rng, p: Person, other: Person, signed: date) -> list[tuple]:
    return [
        ("title", "申请结婚登记声明书", 18),
        (
            "para",
            f"本人{p.name}（公民身份号码：{p.id_number}）与{other.name}自愿结为夫妻，现郑重声明：",
            12,
            True,
        ),
        (
            "para",
            "本人无配偶，与对方没有直系血亲和三代以内旁系血亲关系。本人上述声明完全真实，如有虚假，愿承担法律责任。",
            12,
            True,
        ),
        ("sign", [("声明人：", "hand", p.name), ("日期：", "text", cn(signed))]),
        ("break",),
        ("title", "申请结婚登记声明书", 18),
        (
            "para",
            f"本人{other.name}（公民身份号码：{other.id_number}）与{p.name}自愿结为夫妻，现郑重声明：",
            12,
            True,
        ),
        (
            "para",
            "本人无配偶，与对方没有直系血亲和三代以内旁系血亲关系。本人上述声明完全真实，如有虚假，愿承担法律责任。",
            12,
            True,
        ),
        ("sign", [("声明人：", "hand", other.name), ("日期：", "text", cn(signed))]),
    ]


def floor_plan(rng: random.Random, labels: list[str], title: str = "") -> Image.Image:
    f = DocFonts(rng)
    w, h = 1400, 900
    top = 110 if title else 0
    img = Image.new("RGB", (w, h + top), (255, 255, 255))
    d = ImageDraw.Draw(img)
    if title:
        d.text((w / 2, 60), title, font=f.px("kai", 64), fill=(10, 10, 40), anchor="mm")
    img0, img = img, img.crop((0, top, w, h + top))
    d = ImageDraw.Draw(img)
    d.rectangle([40, 40, w - 40, h - 40], outline=(0, 0, 0), width=8)
    cuts = sorted(rng.sample(range(300, w - 300), 2))
    d.line([(cuts[0], 40), (cuts[0], h - 40)], fill=(0, 0, 0), width=5)
    d.line([(cuts[1], 40), (cuts[1], h // 2)], fill=(0, 0, 0), width=5)
    d.line([(cuts[1], h // 2), (w - 40, h // 2)], fill=(0, 0, 0), width=5)
    spots = [
        ((40 + cuts[0]) // 2, h // 2),
        ((cuts[0] + cuts[1]) // 2, h // 2),
        ((cuts[1] + w) // 2, h // 4),
        ((cuts[1] + w) // 2, 3 * h // 4),
    ]
    for (x, y), lab in zip(spots, labels, strict=False):
        d.text((x, y), lab, font=f.px("hei", 40), fill=(0, 0, 0), anchor="mm")
    d.rectangle([60, h - 140, 200, h - 60], outline=(0, 0, 0), width=3)
    d.text((130, h - 100), "洗消池", font=f.px("hei", 26), fill=(0, 0, 0), anchor="mm")
    d.text((w - 200, h - 20), "入口 ↑", font=f.px("hei", 28), fill=(0, 0, 0), anchor="mm")
    img0.paste(img, (0, top))
    return img0


def buju_blocks(rng, site: str, detailed: bool) -> list[tuple]:
    plan = floor_plan(
        rng,
        ["就餐区", "操作间", "粗加工区", "餐用具清洗消毒"]
        if detailed
        else ["就餐区", "操作间", "冷藏", "收银"],
    )
    blocks: list[tuple] = [
        (
            "title",
            "经营场所平面布局图" if not detailed else "经营场所平面布局图及设备布局、操作流程说明",
            16,
        ),
        ("center", f"经营场所：{site}", 10.5),
        ("image", plan, 165),
    ]
    if detailed:
        blocks += [
            (
                "para",
                "一、功能区设置：粗加工区6平方米、烹饪区12平方米、餐用具清洗消毒区4平方米、冷食专间5平方米，均设在操作间内。",
                11,
                True,
            ),
            (
                "para",
                "二、设备布局：双眼灶台1台、冷藏冷冻柜2台、消毒柜1台、三槽洗消池1组、排烟罩1套。",
                11,
                True,
            ),
            (
                "para",
                "三、操作流程：原料验收→粗加工→切配→烹饪→备餐→供餐；餐用具：回收→清洗→消毒→保洁。",
                11,
                True,
            ),
        ]
    return blocks


def zhidu_blocks(rng, co_name: str) -> list[tuple]:
    return [
        ("title", "食品安全管理制度", 20),
        ("center", co_name, 12),
        ("title", "一、从业人员健康管理制度", 13),
        (
            "para",
            "从事接触直接入口食品工作的人员每年进行健康检查，取得健康证明后方可上岗。每日上岗前进行晨检，发现有碍食品安全疾病的，立即调离岗位。",
            11,
            True,
        ),
        ("title", "二、进货查验记录制度", 13),
        (
            "para",
            "采购食品、食品添加剂及食品相关产品，查验供货者的许可证和产品合格证明文件，如实记录名称、规格、数量、生产日期、供货者名称及联系方式，记录保存不少于产品保质期满后六个月。",
            11,
            True,
        ),
        ("title", "三、食品安全自查制度", 13),
        ("para", "每季度开展一次食品安全自查，对发现的问题立即整改，自查记录存档备查。", 11, True),
        ("title", "四、食品安全事故处置方案", 13),
        (
            "para",
            "发生食品安全事故时，立即停止经营，封存可疑食品及原料，在两小时内向所在地市场监督管理部门报告，配合调查处理。",
            11,
            True,
        ),
    ]


def anquanyuan_blocks(rng, p: Person, issued: date) -> list[tuple]:
    return [
        ("title", "食品安全管理人员培训考核合格证明", 16),
        (
            "para",
            f"{p.name}（公民身份号码：{p.id_number}）参加示范市市场监督管理局组织的食品安全管理人员培训考核，成绩合格。",
            12,
            True,
        ),
        (
            "para",
            f"证书编号：SJ{issued:%Y}{rng.randrange(10000, 99999)}    考核日期：{cn(issued)}",
            12,
            False,
        ),
        ("sign", [("发证机关：", "seal", "示范市市场监督管理局"), ("", "text", cn(issued))]),
    ]


def vending_blocks(rng, co_name: str, sites: list[str]) -> list[tuple]:
    rows = [["序号", "设备编号", "设备类型", "放置地点"]]
    for k, s in enumerate(sites, 1):
        rows.append(
            [
                str(k),
                f"SH-{rng.randrange(10000, 99999)}",
                rng.choice(["饮料售货机", "综合售货机", "现制咖啡机"]),
                s,
            ]
        )
    machine = Image.new("RGB", (500, 800), (255, 255, 255))
    md = ImageDraw.Draw(machine)
    md.rounded_rectangle([40, 20, 460, 780], 20, fill=(30, 100, 170))
    md.rectangle([80, 70, 330, 600], fill=(210, 230, 245))
    for yy in range(100, 580, 80):
        md.line([(80, yy), (330, yy)], fill=(120, 150, 180), width=4)
    md.rectangle([350, 200, 430, 320], fill=(20, 20, 20))
    return [
        ("title", "自动设备放置地点清单", 18),
        ("center", co_name, 11),
        ("table", rows, [0.6, 1.3, 1.3, 3], 10.5),
        ("para", "附：设备外观照片", 11, False),
        ("image", machine, 60),
    ]


def receipt_blocks(
    rng, payer: str, payee: str, amount: int, paid: date, months: str
) -> list[tuple]:
    return [
        ("title", "收  据", 22),
        ("right", f"NO.{rng.randrange(1000000, 9999999)}    {cn(paid)}", 11),
        (
            "table",
            [
                ["今收到", (payer, 3)],
                ["交来", (f"{months}房租", 3)],
                ["人民币（大写）", _rmb(amount), "¥", f"{amount}.00"],
            ],
            [1.2, 2.2, 0.5, 1.2],
            12,
        ),
        ("sign", [("收款人：", "hand", payee), ("经手人：", "text", payee)]),
    ]


def transfer_blocks(
    rng, payer: Person, payee: Person, amount: int, when: date, bank: str
) -> list[tuple]:
    return [
        ("title", f"{bank}个人网上银行转账电子回单", 15),
        (
            "table",
            [
                [
                    "交易日期",
                    f"{when:%Y-%m-%d} 19:42:11",
                    "回单编号",
                    f"{rng.randrange(10**11, 10**12)}",
                ],
                ["付款人", payer.name, "付款账号", "6217****" + str(rng.randrange(1000, 9999))],
                ["收款人", payee.name, "收款账号", "6228****" + str(rng.randrange(1000, 9999))],
                ["金额", f"人民币{amount}.00元", "大写", _rmb(amount)],
                ["用途", ("房屋租金（" + f"{when.year}年{when.month}月" + "）", 3)],
                ["交易状态", ("交易成功", 3)],
            ],
            [1, 1.6, 1, 1.6],
            10.5,
        ),
        ("sign", [("", "seal", f"{bank}电子回单专用章")]),
    ]


def bank_info_blocks(
    rng, p: Person, bank: str, branch: str, acct: str, opened: date, below: bool
) -> list[tuple]:
    if below:
        rows = [
            ["户名", "账号"],
            [p.name, acct],
            ["开户行", "卡种"],
            [branch, "借记卡（Ⅰ类账户）银联"],
        ]
        widths = [1, 1]
    else:
        rows = [
            ["户名", p.name, "证件号码", p.id_number[:6] + "********" + p.id_number[-4:]],
            ["账号", (acct, 3)],
            ["开户行", (branch, 3)],
            ["卡种", "借记卡（Ⅰ类账户）", "卡组织", "银联"],
            ["开户日期", cn0(opened), "账户状态", "正常"],
        ]
        widths = [1, 1.7, 1, 1.7]
    return [
        ("title", f"{bank}个人银行结算账户信息", 16),
        ("right", f"打印日期：{opened:%Y-%m-%d}", 9),
        ("table", rows, widths, 11),
        ("para", "本凭证仅证明上述账户开立信息，不作为资金往来凭证。", 10, False),
        ("sign", [("", "seal", f"{bank}{branch[-6:] if len(branch) > 6 else branch}")]),
    ]


def basic_account_blocks(rng, co: Company, bank: str, acct: str, opened: date) -> list[tuple]:
    return [
        ("title", "基本存款账户信息", 18),
        (
            "table",
            [
                ["账户名称", (co.name, 3)],
                ["法定代表人（单位负责人）", (co.legal_rep, 3)],
                ["开户银行", (bank, 3)],
                ["账号", (acct, 3)],
                ["基本存款账户编号", (f"J{rng.randrange(10**12, 10**13)}", 3)],
            ],
            [1.6, 1.4, 1, 1.4],
            11,
        ),
        ("sign", [("开户银行（盖章）：", "seal", bank), ("", "text", cn(opened))]),
    ]
