"""Cards and certificates drawn in their real arrangement (all content fictitious).

Each function returns an upright RGB image of the physical document; the photo
conditions are applied later. Layouts follow the public descriptions listed in
README.md: ID card front/back, social security card, debit card, business
licence (landscape 正本, portrait older 副本, 电子营业执照 screen), household
register pages, marriage certificate, real-estate certificate page, residence
permit, birth certificate.
"""

from __future__ import annotations

import math
import random
from datetime import date

from PIL import Image, ImageDraw, ImageFilter

from . import draw as dr
from .people import Company, Person

BLUE_LABEL = (40, 90, 150)
INK = (25, 25, 25)


def ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def dots(d: date) -> str:
    return f"{d:%Y.%m.%d}"


def _card(w: int, h: int, rng: random.Random, tint: tuple[int, int, int]) -> Image.Image:
    """A card blank with a faint guilloche of waves, as security printing shows on photos."""
    im = Image.new("RGB", (w, h), tint)
    d = ImageDraw.Draw(im)
    phase = rng.uniform(0, 6)
    for k in range(0, h, 9):
        pts = [(x, k + 6 * math.sin(x / 40 + phase + k / 30)) for x in range(0, w, 8)]
        d.line(pts, fill=tuple(max(0, c - 12) for c in tint), width=1)
    return im


def id_front(p: Person, rng: random.Random, face: str = "droid") -> Image.Image:
    """居民身份证 人像面: 姓名 / 性别 民族 / 出生 / 住址 / 公民身份号码, photo on the right."""
    w, h = 1712, 1080
    im = _card(w, h, rng, (238, 240, 236))
    d = ImageDraw.Draw(im)
    ls, vs = 44, 52
    x0, xv = 110, 290
    label_sp = rng.choice([0, 12])
    dr.text(d, (x0, 140), "姓  名" if label_sp else "姓名", face, ls, BLUE_LABEL, label_sp)
    dr.text(d, (xv, 132), p.name, face, vs + 6, INK, 6)
    dr.text(d, (x0, 260), "性  别", face, ls, BLUE_LABEL)
    dr.text(d, (xv, 255), p.sex, face, vs, INK)
    dr.text(d, (xv + 170, 260), "民  族", face, ls, BLUE_LABEL)
    dr.text(d, (xv + 360, 255), p.nation, face, vs, INK)
    dr.text(d, (x0, 380), "出  生", face, ls, BLUE_LABEL)
    b = p.birth
    dr.text(d, (xv, 375), f"{b.year}", face, vs, INK)
    dr.text(d, (xv + 140, 380), "年", face, ls, BLUE_LABEL)
    dr.text(d, (xv + 215, 375), f"{b.month}", face, vs, INK)
    dr.text(d, (xv + 290, 380), "月", face, ls, BLUE_LABEL)
    dr.text(d, (xv + 365, 375), f"{b.day}", face, vs, INK)
    dr.text(d, (xv + 440, 380), "日", face, ls, BLUE_LABEL)
    dr.text(d, (x0, 500), "住  址", face, ls, BLUE_LABEL)
    for k, line in enumerate(dr.wrap(p.address, face, vs, 760)[:3]):
        dr.text(d, (xv, 495 + k * 70), line, face, vs, INK)
    dr.text(d, (x0, 880), "公民身份号码", face, ls, BLUE_LABEL)
    dr.text(d, (x0 + 360, 868), p.printed_id, "droid_mono", 66, INK, 10)
    im.paste(dr.portrait(420, 520, rng, female=not p.male), (1180, 190))
    return im


def id_back(p: Person, rng: random.Random, face: str = "droid") -> Image.Image:
    """居民身份证 国徽面: emblem, 中华人民共和国 / 居民身份证, 签发机关, 有效期限."""
    w, h = 1712, 1080
    im = _card(w, h, rng, (236, 238, 240))
    d = ImageDraw.Draw(im)
    em = dr.emblem(300)
    im.paste(em, (130, 90), em)
    dr.text(d, (560, 150), "中华人民共和国", "serif_bold", 96, INK, 14)
    dr.text(d, (600, 310), "居民身份证", "serif_bold", 120, INK, 30)
    dr.text(d, (360, 720), "签发机关", face, 46, BLUE_LABEL)
    dr.text(d, (620, 712), p.issuer, face, 54, INK)
    dr.text(d, (360, 850), "有效期限", face, 46, BLUE_LABEL)
    end = "长期" if p.valid_to is None else dots(p.valid_to)
    dr.text(d, (620, 842), f"{dots(p.valid_from)}-{end}", face, 54, INK)
    return im


def sbk(p: Person, rng: random.Random, card_no: str, issued: date, bank: str) -> Image.Image:
    """社会保障卡 personal side: card title, photo, 姓名, 社会保障号码, 社会保障卡号, 发卡日期, bank."""
    w, h = 1712, 1080
    im = _card(w, h, rng, (225, 236, 248))
    d = ImageDraw.Draw(im)
    d.rectangle((0, 0, w, 170), fill=(30, 90, 170))
    em = dr.emblem(130)
    im.paste(em, (60, 20), em)
    dr.text(d, (230, 45), "中华人民共和国社会保障卡", "zen_sharp", 78, (255, 255, 255), 4)
    im.paste(dr.portrait(360, 450, rng, female=not p.male), (100, 260))
    d.rounded_rectangle(
        (560, 300, 720, 420), 18, fill=(215, 185, 90), outline=(150, 120, 50), width=3
    )
    x = 800
    rows = [
        ("姓名", p.name),
        ("社会保障号码", p.id_number),
        ("社会保障卡号", card_no),
        ("发卡日期", f"{issued:%Y年%m月}"),
    ]
    for k, (lab, val) in enumerate(rows):
        y = 250 + k * 120
        dr.text(d, (x, y), lab, "zen_sharp", 42, BLUE_LABEL)
        dr.text(
            d, (x + 300, y - 6), val, "droid_mono" if val[:1].isdigit() else "zen_sharp", 52, INK
        )
    dr.text(d, (100, 900), bank, "zen_sharp", 54, (180, 30, 40))
    dr.text(d, (1350, 900), "银联", "zen_sharp", 60, (200, 30, 40))
    dr.text(d, (1340, 970), "UnionPay", "droid", 40, (30, 80, 150))
    return im


def bank_card(rng: random.Random, bank: str, number: str, valid: date) -> Image.Image:
    """A debit card front: bank name, chip, number in groups of four, 借记卡, UnionPay."""
    w, h = 1712, 1080
    col = rng.choice([(20, 90, 70), (160, 30, 40), (20, 60, 130), (120, 120, 125)])
    im = Image.new("RGB", (w, h), col)
    d = ImageDraw.Draw(im)
    for k in range(6):
        d.ellipse(
            (900 + k * 60, -300 + k * 80, 2200, 900 + k * 80),
            outline=tuple(min(255, c + 25) for c in col),
            width=4,
        )
    dr.text(d, (100, 80), bank, "serif_bold", 84, (250, 250, 250), 4)
    dr.text(d, (100, 200), "借记卡  DEBIT CARD", "zen_sharp", 44, (240, 240, 240))
    d.rounded_rectangle((160, 360, 360, 510), 20, fill=(220, 190, 100))
    groups = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    dr.text(d, (150, 620), groups, "droid_mono", 96, (245, 245, 245), 6)
    dr.text(d, (600, 780), f"VALID THRU {valid:%m/%y}", "droid_mono", 44, (245, 245, 245))
    d.rounded_rectangle((1330, 820, 1640, 1020), 16, fill=(245, 245, 245))
    dr.text(d, (1370, 835), "银联", "zen_sharp", 70, (200, 30, 40))
    dr.text(d, (1360, 930), "UnionPay", "droid", 50, (30, 80, 150))
    return im


def _licence_fields(c: Company) -> list[tuple[str, str]]:
    rep = "经营者" if c.getihu else "法定代表人"
    place = "经营场所" if c.getihu else "住所"
    rows = [("名称", c.name), ("类型", c.kind), (rep, c.legal_rep)]
    if c.getihu:
        rows += [("组成形式", "个人经营"), ("注册日期", ymd(c.founded)), (place, c.address)]
    else:
        rows += [("注册资本", c.capital), ("成立日期", ymd(c.founded)), (place, c.address)]
    return rows


def licence_zheng(c: Company, rng: random.Random, registrar: str, printed: date) -> Image.Image:
    """营业执照 正本, 2019 landscape edition: code top left, QR top right, two columns."""
    w, h = 2400, 1700
    im = Image.new("RGB", (w, h), (252, 250, 244))
    d = ImageDraw.Draw(im)
    d.rectangle((40, 40, w - 40, h - 40), outline=(180, 140, 60), width=18)
    d.rectangle((80, 80, w - 80, h - 80), outline=(200, 160, 80), width=4)
    em = dr.emblem(200)
    im.paste(em, (w // 2 - 100, 120), em)
    dr.text(d, (w // 2 - 330, 340), "营业执照", "serif_bold", 150, (30, 30, 30), 30)
    dr.text(d, (150, 180), "统一社会信用代码", "zen_sharp", 40, INK)
    dr.text(d, (150, 235), c.printed_uscc, "droid_mono", 52, INK, 3)
    im.paste(dr.qr(rng, 220), (w - 380, 150))
    dr.text(d, (w - 430, 390), "扫描二维码登录“国家企业", "zen_sharp", 24, INK)
    dr.text(d, (w - 430, 422), "信用信息公示系统”了解更多", "zen_sharp", 24, INK)
    fields = _licence_fields(c)
    left, right = [*fields[:3], ("经营范围", c.scope)], fields[3:]
    for col, rows in ((0, left), (1, right)):
        x, y = 220 + col * 1060, 620
        for lab, val in rows:
            dr.text(d, (x, y), lab, "zen_sharp", 44, INK, 4 if len(lab) == 2 else 0)
            lines = dr.wrap(val, "zen_sharp", 44, 680)
            for k, line in enumerate(lines[:5]):
                dr.text(d, (x + 290, y + k * 62), line, "zen_sharp", 44, INK)
            y += 62 * max(1, min(5, len(lines))) + 40
    dr.text(d, (1500, 1300), "登记机关", "zen_sharp", 48, INK, 8)
    dr.paste(im, dr.seal(registrar, rng, 330), (1660, 1150))
    dr.text(d, (1560, 1420), ymd(printed), "zen_sharp", 46, INK)
    dr.text(
        d, (220, 1560), "国家企业信用信息公示系统网址：http://www.gsxt.gov.cn", "zen_sharp", 30, INK
    )
    dr.text(d, (1650, 1560), "国家市场监督管理总局监制", "zen_sharp", 30, INK)
    return im


def licence_fu(c: Company, rng: random.Random, registrar: str, printed: date) -> Image.Image:
    """营业执照 副本 in the older portrait arrangement, one column, annual-report notice."""
    w, h = 1500, 2100
    im = Image.new("RGB", (w, h), (250, 248, 240))
    d = ImageDraw.Draw(im)
    d.rectangle((40, 40, w - 40, h - 40), outline=(170, 130, 60), width=14)
    em = dr.emblem(170)
    im.paste(em, (w // 2 - 85, 100), em)
    dr.text(d, (w // 2 - 300, 300), "营业执照", "serif_bold", 130, INK, 20)
    dr.text(d, (w // 2 - 60, 460), "（副  本）", "zen_sharp", 44, INK)
    dr.text(d, (130, 560), "统一社会信用代码  " + c.printed_uscc, "droid", 40, INK)
    dr.text(d, (1060, 620), "副本编号：1-1", "droid", 32, INK)
    y = 720
    rows = [*_licence_fields(c), ("营业期限", f"{ymd(c.founded)}至长期"), ("经营范围", c.scope)]
    for lab, val in rows:
        dr.text(d, (150, y), lab, "droid", 42, INK, 8 if len(lab) == 2 else 0)
        lines = dr.wrap(val, "droid", 42, 900)
        for k, line in enumerate(lines[:5]):
            dr.text(d, (450, y + k * 58), line, "droid", 42, INK)
        y += 58 * max(1, min(5, len(lines))) + 30
    dr.text(d, (850, 1700), "登记机关", "droid", 44, INK, 8)
    dr.paste(im, dr.seal(registrar, rng, 300), (960, 1560))
    dr.text(d, (900, 1820), ymd(printed), "droid", 42, INK)
    dr.text(
        d, (130, 1930), "提示：每年1月1日至6月30日通过国家企业信用信息公示系统", "droid", 28, INK
    )
    dr.text(d, (130, 1970), "报送上一年度年度报告并公示。", "droid", 28, INK)
    return im


def e_licence_screen(c: Company, rng: random.Random, registrar: str) -> Image.Image:
    """The 电子营业执照 mini-program page (to be wrapped in a phone screenshot)."""
    w, h = 1080, 2000
    im = Image.new("RGB", (w, h), (250, 246, 238))
    d = ImageDraw.Draw(im)
    d.rectangle((30, 30, w - 30, 1560), outline=(190, 150, 70), width=8)
    em = dr.emblem(130)
    im.paste(em, (w // 2 - 65, 70), em)
    dr.text(d, (w // 2 - 200, 220), "营业执照", "serif_bold", 100, INK, 10)
    dr.text(d, (w // 2 - 130, 350), "（电子营业执照）", "droid", 36, INK)
    y = 440
    rows = [("统一社会信用代码", c.uscc), *_licence_fields(c), ("登记机关", registrar)]
    for lab, val in rows:
        dr.text(d, (80, y), lab, "droid", 34, (110, 110, 110))
        for k, line in enumerate(dr.wrap(val, "droid", 40, 900)[:3]):
            dr.text(d, (80, y + 48 + k * 52), line, "droid", 40, INK)
        y += 48 + 52 * min(3, len(dr.wrap(val, "droid", 40, 900))) + 24
    im.paste(dr.qr(rng, 300), (w // 2 - 150, 1600))
    dr.text(d, (w // 2 - 170, 1920), "亮照 · 二维码5分钟内有效", "droid", 34, (90, 90, 90))
    return im


def hukou_home(head: Person, rng: random.Random, household_no: str, issued: date) -> Image.Image:
    """户口簿 首页 (户主页): 户别 户主姓名 户号 住址, two seals, 签发日期."""
    w, h = 1430, 1050
    im = Image.new("RGB", (w, h), (246, 240, 226))
    d = ImageDraw.Draw(im)
    dr.text(d, (520, 50), "居 民 户 口 簿", "zen_mono", 60, INK)
    grid = [
        (100, 170, 700, 260),
        (700, 170, 1330, 260),
        (100, 260, 700, 350),
        (700, 260, 1330, 350),
        (100, 350, 1330, 520),
    ]
    for box in grid:
        d.rectangle(box, outline=(120, 90, 60), width=3)
    cells = [
        ("户  别", "家庭户"),
        ("户主姓名", head.name),
        ("户  号", household_no),
        ("", ""),
        ("住  址", head.address),
    ]
    for (x0, y0, x1, _), (lab, val) in zip(grid, cells, strict=True):
        if lab:
            dr.text(d, (x0 + 20, y0 + 25), lab, "zen_mono", 40, INK)
            for k, line in enumerate(dr.wrap(val, "zen_mono", 40, x1 - x0 - 260)[:3]):
                dr.text(d, (x0 + 230, y0 + 25 + k * 52), line, "zen_mono", 40, INK)
    d.rectangle((100, 520, 1330, 900), outline=(120, 90, 60), width=3)
    dr.text(d, (140, 560), "户口专用章", "zen_mono", 36, INK)
    dr.paste(im, dr.seal("示范市公安局", rng, 260, "户口专用章"), (250, 600))
    dr.text(d, (760, 560), "户口登记机关", "zen_mono", 36, INK)
    dr.paste(im, dr.seal(head.issuer.replace("分局", "派出所"), rng, 260, "户口专用章"), (860, 600))
    dr.text(d, (760, 940), f"签发日期：{ymd(issued)}", "zen_mono", 36, INK)
    return im


def hukou_person(
    p: Person, relation: str, rng: random.Random, registered: date, since: str
) -> Image.Image:
    """户口簿 常住人口登记卡 of one member, in its grid of labelled cells."""
    w, h = 1430, 1050
    im = Image.new("RGB", (w, h), (244, 238, 228))
    d = ImageDraw.Draw(im)
    dr.text(d, (470, 30), "常住人口登记卡", "zen_mono", 56, INK)
    rows = [
        [("姓名", p.name), ("户主或与户主关系", relation)],
        [("曾用名", ""), ("性别", p.sex)],
        [("出生地", p.birthplace), ("民族", p.nation)],
        [("籍贯", p.birthplace), ("出生日期", ymd(p.birth))],
        [("本市（县）其他住址", "")],
        [("宗教信仰", ""), ("公民身份号码", p.id_number)],
        [("身高", f"{p.height}厘米"), ("血型", p.blood)],
        [("文化程度", p.education), ("婚姻状况", p.marital)],
        [("服务处所", ""), ("职业", "")],
        [("何时由何地迁来本市（县）", since)],
    ]
    y, rh = 120, 82
    for row in rows:
        x, cw = 60, (w - 120) // len(row)
        for lab, val in row:
            d.rectangle((x, y, x + cw, y + rh), outline=(110, 90, 70), width=2)
            ls = 28 if len(lab) > 5 else 32
            dr.text(d, (x + 12, y + 24), lab, "zen_mono", ls, INK)
            lw = dr.width(lab, "zen_mono", ls) + 30
            dr.text(
                d, (x + lw, y + 20), val, "droid_mono" if val[:1].isdigit() else "zen_mono", 36, INK
            )
            x += cw
        y += rh
    dr.text(d, (80, y + 30), "承办人签章：", "zen_mono", 32, INK)
    dr.paste(im, dr.signature("周" + "敏", rng, 50), (300, y + 10))
    dr.text(d, (760, y + 30), f"登记日期：{ymd(registered)}", "zen_mono", 32, INK)
    dr.paste(
        im, dr.seal(p.issuer.replace("分局", "派出所"), rng, 200, "户口登记章"), (1050, y - 180)
    )
    return im


def marriage_cert(
    holder: Person, other: Person, rng: random.Random, on: date, number: str
) -> Image.Image:
    """结婚证 inner spread: couple photo with seal on the left, 持证人 / 登记日期 / 字号 and both people on the right."""
    w, h = 1900, 1280
    im = Image.new("RGB", (w, h), (250, 238, 232))
    d = ImageDraw.Draw(im)
    d.line((w // 2, 0, w // 2, h), fill=(200, 170, 160), width=4)
    ph = Image.new("RGB", (620, 440), (200, 40, 45))
    ph.paste(dr.portrait(280, 380, rng, female=not holder.male), (20, 50))
    ph.paste(dr.portrait(280, 380, rng, female=not other.male), (320, 50))
    im.paste(ph, (160, 300))
    dr.paste(im, dr.seal("示范市民政局", rng, 240, "婚姻登记专用章"), (560, 620))
    x = w // 2 + 90
    man, woman = (holder, other) if holder.male else (other, holder)
    lines = [("持证人", holder.name), ("登记日期", ymd(on)), ("结婚证字号", number), ("备注", "")]
    for k, (lab, val) in enumerate(lines):
        dr.text(d, (x, 130 + k * 80), lab, "micro_mono", 38, (120, 60, 60))
        dr.text(d, (x + 250, 126 + k * 80), val, "micro_mono", 42, INK)
    y = 520
    for p in (man, woman):
        for k, (lab, val) in enumerate(
            [
                ("姓名", p.name),
                ("性别", p.sex),
                ("国籍", "中国"),
                ("出生日期", ymd(p.birth)),
                ("身份证件号", p.id_number),
            ]
        ):
            dr.text(d, (x, y + k * 62), lab, "micro_mono", 34, (120, 60, 60))
            dr.text(d, (x + 250, y + k * 62 - 4), val, "micro_mono", 40, INK)
        y += 360
    return im


def property_cert(
    owner: str, rng: random.Random, addr: str, cert_no: str, unit_no: str, on: date, area: str
) -> Image.Image:
    """不动产权证书 right-hand page: 权利人 / 共有情况 / 坐落 / 单元号 / 权利类型 … with the registrar seal."""
    w, h = 1400, 1900
    im = Image.new("RGB", (w, h), (246, 246, 238))
    d = ImageDraw.Draw(im)
    dr.text(d, (120, 80), cert_no, "noto_mono", 40, INK)
    rows = [
        ("权 利 人", owner),
        ("共有情况", "单独所有"),
        ("坐    落", addr),
        ("不动产单元号", unit_no),
        ("权利类型", "国有建设用地使用权/房屋所有权"),
        ("权利性质", "出让/市场化商品房"),
        ("用    途", "城镇住宅用地/商业服务"),
        ("面    积", area),
        ("使用期限", f"国有建设用地使用权 {on.year - 3}年至{on.year + 37}年"),
    ]
    y = 200
    for lab, val in rows:
        lines = dr.wrap(val, "noto_mono", 36, 820)
        rh = 40 + 50 * len(lines)
        d.rectangle((100, y, 420, y + rh), outline=(80, 110, 90), width=2)
        d.rectangle((420, y, 1300, y + rh), outline=(80, 110, 90), width=2)
        dr.text(d, (120, y + 20), lab, "noto_mono", 34, INK)
        for k, line in enumerate(lines):
            dr.text(d, (440, y + 18 + k * 50), line, "noto_mono", 36, INK)
        y += rh
    d.rectangle((100, y, 1300, y + 300), outline=(80, 110, 90), width=2)
    dr.text(d, (120, y + 20), "权利其他状况", "noto_mono", 34, INK)
    dr.text(d, (440, y + 20), "房屋结构：钢筋混凝土结构  所在层/总层数：1/6", "noto_mono", 32, INK)
    dr.text(d, (700, 1600), "登记机构（章）", "noto_mono", 36, INK)
    dr.paste(im, dr.seal("示范市不动产登记中心", rng, 280), (760, 1480))
    dr.text(d, (760, 1760), ymd(on), "noto_mono", 38, INK)
    return im


def residence_card(
    p: Person, rng: random.Random, side: str, city_addr: str, valid_to: date
) -> Image.Image:
    """示范市居住证: front like an ID card with the residence address; back with validity."""
    w, h = 1712, 1080
    im = _card(w, h, rng, (232, 242, 232))
    d = ImageDraw.Draw(im)
    if side == "front":
        dr.text(d, (100, 60), "示范市居住证", "serif_bold", 70, (30, 100, 60), 10)
        rows = [
            ("姓名", p.name),
            ("性别", p.sex),
            ("公民身份号码", p.id_number),
            ("居住地址", city_addr),
        ]
        y = 250
        for lab, val in rows:
            dr.text(d, (100, y), lab, "micro_mono", 40, BLUE_LABEL)
            for k, line in enumerate(dr.wrap(val, "micro_mono", 46, 720)[:2]):
                dr.text(d, (400, y - 4 + k * 60), line, "micro_mono", 46, INK)
            y += 150
        im.paste(dr.portrait(400, 500, rng, female=not p.male), (1200, 220))
    else:
        em = dr.emblem(220)
        im.paste(em, (120, 100), em)
        dr.text(d, (420, 150), "居住证", "serif_bold", 110, INK, 30)
        dr.text(d, (200, 600), "签发机关", "micro_mono", 42, BLUE_LABEL)
        dr.text(d, (450, 595), "示范市公安局", "micro_mono", 48, INK)
        dr.text(d, (200, 720), "有效期限", "micro_mono", 42, BLUE_LABEL)
        dr.text(
            d,
            (450, 715),
            f"{dots(valid_to.replace(year=valid_to.year - 1))}-{dots(valid_to)}",
            "micro_mono",
            48,
            INK,
        )
        dr.text(d, (200, 840), "签注记录", "micro_mono", 42, BLUE_LABEL)
    return im


def birth_cert(
    child: str,
    male: bool,
    born: date,
    mother: Person,
    father: Person,
    rng: random.Random,
    number: str,
    issued: date,
) -> Image.Image:
    """出生医学证明 (landscape form with pink security background)."""
    w, h = 2000, 1400
    im = _card(w, h, rng, (250, 236, 240))
    d = ImageDraw.Draw(im)
    dr.text(d, (720, 60), "出生医学证明", "serif_bold", 90, (150, 30, 60), 16)
    dr.text(d, (1500, 90), f"编号 {number}", "droid", 36, (180, 30, 40))
    rows = [
        [("新生儿姓名", child), ("性别", "男" if male else "女")],
        [
            (
                "出生时间",
                f"{born.year}年{born.month}月{born.day}日{rng.randrange(1, 23)}时{rng.randrange(60)}分",
            ),
            ("出生孕周", f"{rng.randrange(37, 41)}周"),
        ],
        [
            ("出生体重", f"{rng.randrange(2800, 3900)}克"),
            ("出生身长", f"{rng.randrange(48, 54)}厘米"),
        ],
        [("出生地点", "示范省示范市东湖区"), ("医疗机构名称", "示范市妇幼保健院")],
        [("母亲姓名", mother.name), ("有效身份证件号码", mother.id_number)],
        [("父亲姓名", father.name), ("有效身份证件号码", father.id_number)],
    ]
    y = 230
    for row in rows:
        x = 100
        for lab, val in row:
            d.rectangle((x, y, x + 900, y + 110), outline=(170, 110, 130), width=2)
            dr.text(d, (x + 20, y + 35), lab, "droid", 36, (110, 50, 70))
            lw = dr.width(lab, "droid", 36) + 50
            dr.text(d, (x + lw, y + 30), val, "droid", 40, INK)
            x += 900
        y += 110
    dr.text(d, (1150, 1000), "出生医学证明专用章", "droid", 36, INK)
    dr.paste(im, dr.seal("示范市妇幼保健院", rng, 260, "出生医学证明专用章"), (1250, 1020))
    dr.text(d, (1150, 1300), f"签发日期 {ymd(issued)}", "droid", 38, INK)
    return im


def snapshot(rng: random.Random) -> Image.Image:
    """An irrelevant photo from the gallery: a street with trees and cars, no document."""
    w, h = 1600, 1200
    im = Image.new("RGB", (w, h), (150, 190, 230))
    d = ImageDraw.Draw(im)
    d.rectangle((0, h * 0.55, w, h), fill=(90, 90, 95))
    for _k in range(6):
        x = rng.randrange(w)
        d.ellipse((x - 120, h * 0.2, x + 120, h * 0.5), fill=(50, 120 + rng.randrange(60), 60))
        d.rectangle((x - 12, h * 0.45, x + 12, h * 0.6), fill=(90, 60, 40))
    for _k in range(3):
        x = rng.randrange(w - 300)
        d.rounded_rectangle(
            (x, h * 0.65, x + 300, h * 0.78),
            30,
            fill=rng.choice([(200, 40, 40), (230, 230, 235), (40, 40, 45)]),
        )
    return im.filter(ImageFilter.GaussianBlur(1.2))
