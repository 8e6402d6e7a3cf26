"""Cards in their real arrangement and size: 居民身份证 (85.6 × 54 mm) front and back,
机动车驾驶证 (88 × 60 mm), bank debit card, 营业执照 (landscape, 2019 edition).

Returned as RGBA with rounded corners, so they can be laid on a desk or an A4 copy.
"""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw

from tests.prereview.blind.ident import Company, Person, add_years, luhn_complete

from .draw import RED, Sheet, emblem, portrait, seal

ID_W, ID_H = 85.6, 54.0
LABEL = (40, 90, 150)


def _round(img: Image.Image, radius_px: int) -> Image.Image:
    mask = Image.new("L", img.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle(
        [0, 0, img.width - 1, img.height - 1], radius_px, fill=255
    )
    out = img.convert("RGBA")
    out.putalpha(mask)
    return out


def _guilloche(s: Sheet, rng: random.Random, tint: tuple[int, int, int]) -> None:
    """Fine wavy security lines in a pale tint (printed background of the card)."""
    w, h = s.img.size
    phase = rng.uniform(0, 6)
    for k in range(0, h, max(3, h // 40)):
        pts = [(x, k + 4 * math.sin(x / 23 + phase + k / 17)) for x in range(0, w, 6)]
        s.d.line(pts, fill=tint, width=1)


def id_front(p: Person, dpi: int = 300, seed: int = 0) -> Image.Image:
    """人像面: no title; 姓名 / 性别 民族 / 出生 / 住址 / 公民身份号码 and the photo."""
    rng = random.Random(seed)
    s = Sheet(ID_W, ID_H, dpi, bg=(244, 246, 240))
    _guilloche(s, rng, (226, 234, 228))
    lab, val = "sansb", "serif"
    s.spaced(5, 6.5, "姓名", 6.2, lab, LABEL, 1.6)
    s.text(17, 6.0, p.name, 9.5, "serifb")
    s.spaced(5, 13, "性别", 6.2, lab, LABEL, 1.6)
    s.text(17, 12.6, p.sex, 8.2, val)
    s.spaced(27, 13, "民族", 6.2, lab, LABEL, 1.6)
    s.text(39, 12.6, p.nation, 8.2, val)
    s.spaced(5, 19.5, "出生", 6.2, lab, LABEL, 1.6)
    x = 17
    for num, unit in (
        (str(p.birth.year), "年"),
        (str(p.birth.month), "月"),
        (str(p.birth.day), "日"),
    ):
        x += s.text(x, 19.1, num, 8.2, val) + 0.8
        x += s.text(x, 19.5, unit, 6.2, lab, LABEL) + 1.6
    s.spaced(5, 26, "住址", 6.2, lab, LABEL, 1.6)
    for i, line in enumerate(s.wrap(p.address, 37, 8.2, val)[:3]):
        s.text(17, 25.6 + i * 4.4, line, 8.2, val)
    s.spaced(5, 44.5, "公民身份号码", 6.2, lab, LABEL, 0.6)
    s.text(31, 43.7, p.printed_id, 10.5, "mono")
    s.paste(portrait(dpi, 24, 30, seed), 57, 8)
    return _round(s.img, s.px(3.2))


def id_back(p: Person, dpi: int = 300, seed: int = 0) -> Image.Image:
    """国徽面: emblem, 中华人民共和国 / 居民身份证, 签发机关, 有效期限."""
    rng = random.Random(seed + 1)
    s = Sheet(ID_W, ID_H, dpi, bg=(242, 244, 247))
    _guilloche(s, rng, (228, 230, 238))
    s.paste(emblem(dpi, 17), 6, 5)
    s.spaced(29, 8, "中华人民共和国", 9.8, "serifb", INKD, 1.2)
    s.spaced(31, 17, "居民身份证", 15, "serifb", INKD, 1.8)
    s.spaced(15, 37, "签发机关", 6.2, "sansb", LABEL, 1.2)
    s.text(33, 36.6, p.issuer, 8.2, "serif")
    s.spaced(15, 44, "有效期限", 6.2, "sansb", LABEL, 1.2)
    end = "长期" if p.valid_to is None else f"{p.valid_to:%Y.%m.%d}"
    s.text(33, 43.6, f"{p.valid_from:%Y.%m.%d}-{end}", 8.2, "mono")
    return _round(s.img, s.px(3.2))


INKD = (30, 30, 30)


def driving_licence(
    p: Person, first: object, until: object, dpi: int = 300, seed: int = 0
) -> Image.Image:
    """机动车驾驶证 正页 (88 × 60 mm), the laminated pink-blue card."""
    s = Sheet(88, 60, dpi, bg=(236, 238, 248))
    s.rect(2, 2, 86, 58, 0.3, (90, 100, 160))
    s.text(44, 4, "中华人民共和国机动车驾驶证", 9.5, "serifb", anchor="ma")
    s.text(44, 9.2, "Driving License of the People's Republic of China", 4.5, "sans", anchor="ma")
    rows = [
        ("证号", p.printed_id),
        ("姓名", f"{p.name}    性别 {p.sex}    国籍 中国"),
        ("住址", p.address),
        ("出生日期", f"{p.birth:%Y-%m-%d}"),
        ("初次领证日期", f"{first:%Y-%m-%d}"),
        ("准驾车型", "C1"),
        ("有效期限", f"{add_years(until, -6):%Y-%m-%d} 至 {until:%Y-%m-%d}"),
    ]
    y = 14
    for label, value in rows:
        s.text(5, y, label, 6, "sansb", LABEL)
        for i, line in enumerate(s.wrap(value, 48, 6.8, "serif")[:2]):
            s.text(24, y - 0.3 + i * 3.6, line, 6.8, "serif")
        y += 6.0 if len(value) < 26 else 9.0
    s.paste(portrait(dpi, 16, 21, seed), 68, 14)
    s.paste(seal(dpi, 15, "示范市公安局交通警察支队", "", seed), 66, 40)
    return _round(s.img, s.px(2.5))


def bank_card(
    rng: random.Random, dpi: int = 300, bank: str = "示范农商银行"
) -> tuple[Image.Image, str]:
    """A UnionPay debit card face (no holder name is printed on it)."""
    number = luhn_complete("62" + "".join(str(rng.randint(0, 9)) for _ in range(15)))
    s = Sheet(ID_W, ID_H, dpi, bg=(30, 110, 90))
    s.text(5, 4, bank, 10, "sansb", (255, 255, 255))
    s.text(5, 11, "借记卡 DEBIT CARD", 6, "sans", (230, 240, 230))
    s.rect(8, 19, 19, 27, 0.3, (200, 170, 60), (214, 184, 90))
    groups = " ".join(number[i : i + 4] for i in range(0, 19, 4))
    s.text(6, 34, groups, 10.5, "mono", (250, 250, 250))
    s.text(60, 44, "银联", 9, "sansb", (250, 250, 250))
    s.text(60, 49.5, "UnionPay", 4.5, "sans", (250, 250, 250))
    return _round(s.img, s.px(3.2)), number


def business_licence(
    c: Company, issued, dpi: int = 150, copy: bool = False, seed: int = 0
) -> Image.Image:
    """营业执照 正本/副本, 2019 landscape edition: code top left, QR top right, two columns."""
    rng = random.Random(seed)
    w, h = (297.0, 210.0) if copy else (420.0, 297.0)
    k = w / 297
    s = Sheet(w, h, dpi, bg=(250, 246, 236))
    s.rect(6 * k, 6 * k, w - 6 * k, h - 6 * k, 2.5 * k, (190, 150, 70))
    s.paste(emblem(dpi, 26 * k), w / 2 - 13 * k, 12 * k)
    s.text(
        w / 2,
        42 * k,
        "营 业 执 照" + ("（副 本）" if copy else ""),
        30 * k,
        "serifb",
        RED,
        anchor="ma",
    )
    s.text(20 * k, 20 * k, "统一社会信用代码", 9 * k, "serifb")
    s.text(20 * k, 27 * k, c.printed_uscc, 10 * k, "mono")
    qx = w - 50 * k
    for _ in range(160):
        i, j = rng.randrange(18), rng.randrange(18)
        s.rect(
            qx + i * 1.6 * k,
            14 * k + j * 1.6 * k,
            qx + (i + 1) * 1.6 * k,
            14 * k + (j + 1) * 1.6 * k,
            0.1,
            INKD,
            INKD,
        )
    left = [("名称", c.name), ("类型", c.kind), ("法定代表人", c.legal_rep), ("经营范围", c.scope)]
    right = [
        ("注册资本", c.capital),
        ("成立日期", f"{c.founded.year}年{c.founded.month:02d}月{c.founded.day:02d}日"),
        ("住所", c.address),
    ]
    for col, x in ((left, 24 * k), (right, w / 2 + 14 * k)):
        y = 70 * k
        for label, value in col:
            s.spaced(x, y, label, 9.5 * k, "serifb", INKD, 0.3)
            lines = s.wrap(value, w / 2 - 62 * k, 9.5 * k, "serif")[:4]
            for i, line in enumerate(lines):
                s.text(x + 30 * k, y + i * 6 * k, line, 9.5 * k, "serif")
            y += max(1, len(lines)) * 6 * k + 6 * k
    s.text(w - 60 * k, h - 44 * k, "登记机关", 10 * k, "serifb")
    s.paste(seal(dpi, 42 * k, "示范市市场监督管理局", "", seed), w - 64 * k, h - 62 * k)
    s.text(
        w - 64 * k,
        h - 24 * k,
        f"{issued.year}  年  {issued.month:02d}  月  {issued.day:02d}  日",
        9 * k,
        "serif",
    )
    s.text(
        w / 2,
        h - 14 * k,
        "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn",
        6.5 * k,
        "serif",
        anchor="ma",
    )
    return s.img
