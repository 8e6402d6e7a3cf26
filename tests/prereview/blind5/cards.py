"""Cards and certificates drawn to their real arrangement (stylised seals and portraits)."""

from __future__ import annotations

import random
from datetime import date

import numpy as np
from PIL import Image

from tests.prereview.blind.ident import Company, Person

from .draw import Canvas, emblem, portrait, put_hand, qr, seal

ID_SIZE = (85.6, 54.0)


def ymd_dots(d: date) -> str:
    return f"{d:%Y.%m.%d}"


def _guilloche(cv: Canvas, rng: random.Random, tint) -> None:
    """Fine wavy security lines over a pale gradient (drawn at half size, enlarged)."""
    w, h = cv.img.size
    sw, sh = w // 2, h // 2
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    phase = rng.uniform(0, 6.28)
    wave = 0.5 + 0.5 * np.sin(xx / (sw / 38) + np.sin(yy / (sh / 5) + phase) * 2.2)
    tint_a = np.array(tint, dtype=np.float32)
    layer = tint_a * 0.08 - (yy / sh)[..., None] * 10 - (wave[..., None] > 0.97) * 7
    over = np.clip(layer + 128, 0, 255).astype("uint8")
    big = np.asarray(Image.fromarray(over).resize((w, h), Image.BILINEAR), dtype=np.int16) - 128
    base = np.asarray(cv.img, dtype=np.int16)
    out = (base * 92) // 100 + big
    cv.img.paste(Image.fromarray(np.clip(out, 0, 255).astype("uint8")))


def id_front(p: Person, dpi: int, rng: random.Random) -> Image.Image:
    cv = Canvas(*ID_SIZE, dpi, (246, 244, 236))
    _guilloche(cv, rng, (200, 215, 230))
    lab = (60, 110, 160)
    val = (15, 15, 15)
    cv.spaced(6, 6.5, "姓名", 8, "label", lab, 2.6)
    cv.text(17, 5.8, p.name, 10.5, "value", val)
    cv.spaced(6, 13.5, "性别", 8, "label", lab, 2.6)
    cv.text(17, 13, p.sex, 9.5, "value", val)
    cv.spaced(25, 13.5, "民族", 8, "label", lab, 2.6)
    cv.text(36, 13, p.nation, 9.5, "value", val)
    cv.spaced(6, 20.5, "出生", 8, "label", lab, 2.6)
    b = p.birth
    x = 17
    for part, unit in ((str(b.year), "年"), (str(b.month), "月"), (str(b.day), "日")):
        x += cv.text(x, 20, part, 9.5, "value", val) + 0.8
        x += cv.text(x, 20.5, unit, 8, "label", lab) + 1.6
    cv.spaced(6, 27.5, "住址", 8, "label", lab, 2.6)
    for i, ln in enumerate(cv.wrap(p.address, 33, 9.5, "value")[:3]):
        cv.text(17, 27 + i * 4.6, ln, 9.5, "value", val)
    cv.text(6, 45, "公民身份号码", 8, "label", lab)
    cv.text(28, 44.2, " ".join([p.printed_id]), 12, "digits", val)
    portrait(cv, 57, 7, 24, 30, rng, bg=(232, 236, 240))
    return cv.img


def id_back(p: Person, dpi: int, rng: random.Random) -> Image.Image:
    cv = Canvas(*ID_SIZE, dpi, (244, 242, 232))
    _guilloche(cv, rng, (230, 210, 200))
    emblem(cv, 13, 14, 8.5)
    cv.spaced(27, 7, "中华人民共和国", 11, "bold", (20, 20, 20), 1.2)
    cv.spaced(26, 15.5, "居民身份证", 18, "bold", (20, 20, 20), 2.2)
    lab = (60, 60, 60)
    cv.spaced(16, 36.5, "签发机关", 8, "label", lab, 0.9)
    cv.text(33, 36, p.issuer, 9.5, "value")
    cv.spaced(16, 43.5, "有效期限", 8, "label", lab, 0.9)
    end = "长期" if p.valid_to is None else ymd_dots(p.valid_to)
    cv.text(33, 43, f"{ymd_dots(p.valid_from)}-{end}", 9.5, "value")
    return cv.img


def booklet(
    title: str,
    rows: list[tuple[str, str]],
    dpi: int,
    rng: random.Random,
    size=(120.0, 86.0),
    bg=(250, 247, 238),
    photo: bool = True,
    seal_text: str = "",
    footer: str = "",
    title_color=(150, 20, 20),
    hand_rows: tuple[str, ...] = (),
) -> Image.Image:
    """An inner page of a certificate booklet: title, label/value rows, photo, seal."""
    cv = Canvas(*size, dpi, bg)
    _guilloche(cv, rng, (235, 220, 200))
    w = cv.width(title, 15, "title")
    cv.text((size[0] - w) / 2, 5, title, 15, "title", title_color)
    y = 17.0
    right = size[0] - (30 if photo else 6)
    for label, value in rows:
        lw = cv.text(7, y, f"{label}", 8.5, "label", (70, 70, 70))
        if label in hand_rows:
            put_hand(cv, 7 + max(lw, 20) + 2, y, value, 9.5, rng, ink=(20, 20, 20))
            y += 6.0
            continue
        lines = cv.wrap(value, right - 7 - max(lw, 20) - 2, 9, "value")
        for i, ln in enumerate(lines):
            cv.text(7 + max(lw, 20) + 2, y - 0.3 + i * 4.6, ln, 9, "value")
        y += 4.6 * max(1, len(lines)) + 1.4
    if y > size[1] - 3:
        raise ValueError(f"{title}: rows overflow the {size} page")
    if photo:
        portrait(cv, size[0] - 27, 17, 21, 27, rng)
    if seal_text:
        seal(cv, size[0] - 24, size[1] - 20, 13, seal_text, rng)
    if footer:
        cv.text(size[0] - 6 - cv.width(footer, 8.5, "value"), size[1] - 8, footer, 8.5, "value")
    cv.rect(2, 2, size[0] - 2, size[1] - 2, outline=(170, 140, 110), w_mm=0.6)
    return cv.img


def business_licence(c: Company, dpi: int, rng: random.Random, issued: date) -> Image.Image:
    """营业执照（副本）: portrait A4 with ornamental frame, code, QR and registration seal."""
    cv = Canvas(210, 297, dpi, (252, 250, 244))
    cv.rect(8, 8, 202, 289, outline=(170, 120, 60), w_mm=2.2)
    cv.rect(12, 12, 198, 285, outline=(190, 150, 90), w_mm=0.6)
    emblem(cv, 105, 34, 12)
    cv.spaced(70, 52, "营业执照", 30, "title", (20, 20, 20), 6)
    cv.text(96, 70, "（副  本）", 12, "value")
    cv.text(22, 78, f"统一社会信用代码  {c.printed_uscc}", 11, "value")
    cv.text(22, 85, f"编号  S{rng.randint(10**10, 10**11 - 1)}", 9, "value")
    qr(cv, 160, 74, 24, rng)
    rows = [("名  称", c.name), ("类  型", c.kind)]
    if c.getihu:
        rows += [("经 营 者", c.legal_rep), ("经营场所", c.address), ("组成形式", "个人经营")]
    else:
        rows += [("法定代表人", c.legal_rep), ("注册资本", c.capital), ("住  所", c.address)]
    rows += [
        ("注册日期", f"{c.founded.year}年{c.founded.month:02d}月{c.founded.day:02d}日"),
        ("经营范围", c.scope),
    ]
    y = 110.0
    for label, value in rows:
        cv.text(24, y, label, 12, "bold")
        lines = cv.wrap(value, 120, 12, "value")
        for i, ln in enumerate(lines):
            cv.text(58, y + i * 7, ln, 12, "value")
        y += 7 * len(lines) + 5
    cv.text(112, 245, "登记机关", 12, "bold")
    seal(cv, 160, 248, 19, "青禾市市场监督管理局", rng)
    cv.text(132, 262, f"{issued.year}年{issued.month:02d}月{issued.day:02d}日", 12, "value")
    cv.text(30, 276, "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", 8, "value")
    return cv.img


def property_page(
    owner: str,
    id_no: str,
    where: str,
    cert_no: str,
    issued: date,
    dpi: int,
    rng: random.Random,
    area: str,
) -> Image.Image:
    """不动产权证书 register page: a bordered table of 权利人 坐落 … with the registry seal."""
    cv = Canvas(148, 210, dpi, (250, 250, 243))
    cv.text(10, 8, cert_no, 10, "value")
    rows = [
        ("权利人", owner),
        ("共有情况", "单独所有"),
        ("坐落", where),
        (
            "不动产单元号",
            f"331102 00{rng.randint(1000, 9999)} GB0{rng.randint(1000, 9999)} F0001 0{rng.randint(100, 999)}",
        ),
        ("权利类型", "国有建设用地使用权/房屋所有权"),
        ("权利性质", "出让/市场化商品房"),
        ("用途", "城镇住宅用地/住宅"),
        ("面积", f"共有宗地面积 1{rng.randint(1000, 9999)}.5㎡/房屋建筑面积 {area}㎡"),
        ("使用期限", "国有建设用地使用权 2008年05月20日起2078年05月19日止"),
        ("权利其他状况", f"身份证号：{id_no}\n房屋结构：钢筋混凝土结构\n专有建筑面积：{area}㎡"),
    ]
    y = 18.0
    for label, value in rows:
        lines = []
        for part in value.split("\n"):
            lines += cv.wrap(part, 98, 9, "value")
        h = max(9.0, 5 * len(lines) + 4)
        cv.rect(8, y, 140, y + h, outline=(60, 60, 60))
        cv.line(38, y, 38, y + h, fill=(60, 60, 60))
        cv.text(10, y + (h - 4) / 2, label, 9, "label")
        for i, ln in enumerate(lines):
            cv.text(40, y + 2.2 + i * 5, ln, 9, "value")
        y += h
    cv.text(60, y + 8, "登簿日期", 9, "label")
    cv.text(78, y + 8, f"{issued.year}年{issued.month:02d}月{issued.day:02d}日", 9, "value")
    seal(cv, 110, y + 10, 16, "青禾市不动产登记局", rng, centre="不动产登记专用章")
    return cv.img


def hukou_home(
    head: str, hukou_no: str, addr: str, issued: date, dpi: int, rng: random.Random
) -> Image.Image:
    """户口簿 首页: 户别 户主姓名 户号 住址, 户口专用章 and 签发日期."""
    cv = Canvas(143, 105, dpi, (248, 246, 240))
    cv.spaced(52, 6, "居民户口簿", 15, "title", (20, 20, 20), 1.5)
    cv.rect(8, 20, 135, 88, outline=(40, 40, 40))
    cells = [("户  别", "家庭户"), ("户主姓名", head), ("户  号", hukou_no)]
    y = 20.0
    for label, value in cells:
        cv.line(8, y + 10, 135, y + 10, fill=(40, 40, 40))
        cv.line(36, y, 36, y + 10, fill=(40, 40, 40))
        cv.text(11, y + 3, label, 10, "label")
        cv.text(40, y + 2.6, value, 10.5, "value")
        y += 10
    cv.line(36, y, 36, 88, fill=(40, 40, 40))
    cv.text(11, y + 3, "住  址", 10, "label")
    for i, ln in enumerate(cv.wrap(addr, 92, 10.5, "value")):
        cv.text(40, y + 2.6 + i * 5.5, ln, 10.5, "value")
    cv.text(11, 76, "户口专用章", 9, "label")
    seal(cv, 60, 70, 13, "青禾市公安局滨江分局", rng, centre="户口专用章")
    cv.text(90, 78, f"签发日期：{issued.year}年{issued.month}月{issued.day}日", 8.5, "value")
    cv.text(90, 70, "承办人签章：", 8.5, "value")
    put_hand(cv, 108, 69.5, "刘伟", 9, rng, ink=(170, 30, 30))
    return cv.img


def hukou_person(
    p: Person, relation: str, dpi: int, rng: random.Random, job: str, married: str
) -> Image.Image:
    """户口簿 常住人口登记卡 (本人页)."""
    cv = Canvas(143, 105, dpi, (248, 246, 240))
    cv.spaced(46, 4, "常住人口登记卡", 13, "title", (20, 20, 20), 1.0)
    rows = [
        [("姓名", p.name), ("户主或与户主关系", relation)],
        [("曾用名", ""), ("性别", p.sex)],
        [("出生地", f"浙江省{p.address[3:6]}"), ("民族", p.nation)],
        [
            ("籍贯", "浙江省青禾市"),
            ("出生日期", f"{p.birth.year}年{p.birth.month}月{p.birth.day}日"),
        ],
        [("公民身份号码", p.printed_id), ("血型", "不明")],
        [("文化程度", "大学本科"), ("婚姻状况", married)],
        [("服务处所", job), ("职业", "职员")],
        [("何时由何地迁来本址", "")],
    ]
    y = 13.0
    for row in rows:
        x = 6.0
        widths = [131] if len(row) == 1 else [78, 53]
        for (label, value), w in zip(row, widths, strict=True):
            cv.rect(x, y, x + w, y + 9, outline=(50, 50, 50))
            lw = cv.text(x + 1.5, y + 2.6, label, 8.2, "label")
            cv.text(x + lw + 3, y + 2.2, value, 9.5 if label != "公民身份号码" else 9, "value")
            x += w
        y += 9
    cv.text(8, 88, "承办人签章：", 8.5, "value")
    put_hand(cv, 27, 87.5, "刘伟", 9, rng, ink=(170, 30, 30))
    cv.text(80, 88, f"登记日期：{p.valid_from.year}年{p.valid_from.month}月", 8.5, "value")
    return cv.img
