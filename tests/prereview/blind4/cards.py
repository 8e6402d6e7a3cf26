"""Cards and certificate pages in their real arrangement, as RGB images at a given dpi.

Each function returns a PIL image of the flat document; ``photo.py`` then puts it in a scene.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from PIL import Image

from tests.prereview.blind.ident import Company, Person
from tests.prereview.blind4.draw import INK_BLACK, Canvas

LABEL = (40, 90, 150)
CARD_BG = (236, 240, 238)


def ymd_dots(d: date) -> str:
    return f"{d:%Y.%m.%d}"


def id_front(p: Person, rng: random.Random, dpi: int = 300) -> Image.Image:
    """居民身份证 人像面: 姓名 性别 民族 出生 住址 公民身份号码, portrait on the right."""
    c = Canvas(85.6, 54, dpi, CARD_BG)
    for k in range(0, 86, 3):  # fine guilloche-like lines
        c.line(k, 0, k + 20, 54, fill=(226, 232, 232), w_mm=0.1)
    c.rect(0.3, 0.3, 85, 53.4, outline=(200, 205, 205), radius=3)
    c.portrait(57, 9, 24, 30, rng, bg=CARD_BG)
    vs, ls = 3.4, 2.6
    c.spaced(6, 6, "姓名", "card_label", ls, LABEL, 1.8)
    c.text(17, 5.6, p.name, "card_value", vs + 0.4)
    c.spaced(6, 12.5, "性别", "card_label", ls, LABEL, 1.8)
    c.text(17, 12.1, p.sex, "card_value", vs)
    c.spaced(27, 12.5, "民族", "card_label", ls, LABEL, 1.8)
    c.text(38, 12.1, p.nation, "card_value", vs)
    c.spaced(6, 19, "出生", "card_label", ls, LABEL, 1.8)
    x = 17
    for v, unit in (
        (str(p.birth.year), "年"),
        (str(p.birth.month), "月"),
        (str(p.birth.day), "日"),
    ):
        x += c.text(x, 18.6, v, "card_value", vs) + 1.2
        c.text(x, 19, unit, "card_label", ls, LABEL)
        x += 4.5
    c.spaced(6, 25.5, "住址", "card_label", ls, LABEL, 1.8)
    for i, ln in enumerate(c.wrap(p.address, 36, "card_value", vs)):
        c.text(17, 25.1 + i * 4.6, ln, "card_value", vs)
    c.text(6, 44.5, "公民身份号码", "card_label", ls, LABEL)
    c.spaced(26, 43.8, p.printed_id, "card_number", 3.6, INK_BLACK, 0.35)
    return c.img


def id_back(p: Person, rng: random.Random, dpi: int = 300) -> Image.Image:
    """居民身份证 国徽面: emblem, 中华人民共和国 / 居民身份证, 签发机关, 有效期限."""
    c = Canvas(85.6, 54, dpi, CARD_BG)
    for k in range(0, 60, 4):
        c.line(0, k, 85.6, k + 6, fill=(228, 232, 236), w_mm=0.1)
    c.rect(0.3, 0.3, 85, 53.4, outline=(200, 205, 205), radius=3)
    c.emblem(14, 14, 9)
    c.spaced(30, 7, "中华人民共和国", "sans_bold", 4.6, INK_BLACK, 1.0)
    c.spaced(33, 16, "居民身份证", "sans_bold", 6.2, INK_BLACK, 2.0)
    c.spaced(15, 36.5, "签发机关", "card_label", 2.6, INK_BLACK, 0.8)
    c.text(32, 36, p.issuer, "card_value", 3.3)
    c.spaced(15, 43.5, "有效期限", "card_label", 2.6, INK_BLACK, 0.8)
    end = "长期" if p.valid_to is None else ymd_dots(p.valid_to)
    c.text(32, 43, f"{ymd_dots(p.valid_from)}-{end}", "card_value", 3.3)
    return c.img


def id_fields(p: Person, front: bool = True, back: bool = True) -> dict:
    """What a reader reads off the sides given."""
    f: dict = {}
    if front:
        f.update(name=p.name, id_number=p.printed_id, address=p.address)
    if back:
        f.update(
            issue_date=p.valid_from.isoformat(),
            valid_until="长期" if p.valid_to is None else p.valid_to.isoformat(),
        )
    return f


def hukou_home(
    head: Person, household_no: str, issued: date, rng: random.Random, dpi: int = 250
) -> Image.Image:
    """户口簿 首页: 户别 户主姓名 户号 住址, two seals, 承办人签章, 签发日期."""
    c = Canvas(143, 105, dpi, (250, 247, 238))
    c.text(71.5, 8, "居 民 户 口 簿", "title", 6, anchor="ma")
    x0, y0, w, h = 10, 22, 123, 54
    c.rect(x0, y0, w, h)
    rows = [("户  别", "家庭户", "户主姓名", head.name), ("户  号", household_no, "", "")]
    for i, (a, b, cc, dd) in enumerate(rows):
        y = y0 + i * 11
        c.line(x0, y + 11, x0 + w, y + 11)
        c.text(x0 + 2, y + 3.5, a, "sans", 3.3)
        c.text(x0 + 22, y + 3.3, b, "card_value", 3.6)
        if cc:
            c.text(x0 + 62, y + 3.5, cc, "sans", 3.3)
            c.text(x0 + 84, y + 3.3, dd, "card_value", 3.8)
    c.line(x0 + 20, y0, x0 + 20, y0 + 33)
    c.line(x0 + 60, y0, x0 + 60, y0 + 11)
    c.line(x0 + 82, y0, x0 + 82, y0 + 11)
    c.text(x0 + 2, y0 + 25.5, "住  址", "sans", 3.3)
    c.text(x0 + 22, y0 + 25.3, head.address, "card_value", 3.6)
    c.line(x0, y0 + 33, x0 + w, y0 + 33)
    c.text(x0 + 4, y0 + 37, "户口登记机关", "sans", 2.8)
    c.text(x0 + 70, y0 + 37, "承办人签章", "sans", 2.8)
    c.seal(x0 + 30, y0 + 44, 9, "示范市公安局户口专用章", rng)
    c.hand(x0 + 92, y0 + 40, "刘敏", rng, 4.5, fill=(190, 30, 30), slant=False)
    c.text(
        x0 + 70,
        y0 + 48,
        f"签发日期  {issued.year}年{issued.month:02d}月{issued.day:02d}日",
        "sans",
        2.8,
    )
    return c.img


def education(p: Person, rng: random.Random) -> str:
    """文化程度 that fits the person's age (a child is 小学 or 学龄前)."""
    age = p.age_on(date(2026, 11, 20))  # the set's review dates are in late November 2026
    if age < 7:
        return "学龄前"
    if age < 13:
        return "小学"
    if age < 16:
        return "初中"
    return rng.choice(["大学本科", "高中", "大专", "初中"])


def hukou_person(
    p: Person, relation: str, rng: random.Random, dpi: int = 250, registered: date | None = None
) -> Image.Image:
    """常住人口登记卡 (本人页): the grid of the real card."""
    reg = registered or p.valid_from
    c = Canvas(143, 105, dpi, (250, 247, 238))
    c.text(71.5, 5, "常住人口登记卡", "title", 5.2, anchor="ma")
    x0, y0, w = 6, 14, 131
    rh = 7.2
    rows = [
        [("姓名", 16, p.name, 34), ("户主或与户主关系", 26, relation, 20)],
        [("曾用名", 16, "", 34), ("性别", 26, p.sex, 20)],
        [("出生地", 16, "江苏省示范市", 34), ("民族", 26, p.nation, 20)],
        [
            ("籍贯", 16, "江苏省示范市", 34),
            ("出生日期", 26, f"{p.birth.year}年{p.birth.month}月{p.birth.day}日", 20),
        ],
        [("本市（县）其他住址", 28, "", 22), ("宗教信仰", 26, "", 20)],
        [("公民身份证件编号", 28, p.printed_id, 48), ("身高", 10, "", 0)],
        [
            ("文化程度", 16, education(p, rng), 34),
            ("婚姻状况", 26, ("未婚" if p.age_on(reg) < 22 else rng.choice(["已婚", "未婚"])), 20),
        ],
        [("服务处所", 16, "", 34), ("职业", 26, "", 20)],
        [("何时由何地迁来本市（县）", 42, "", 80)],
        [("何时由何地迁来本址", 42, "", 80)],
    ]
    for i, row in enumerate(rows):
        y = y0 + i * rh
        c.line(x0, y, x0 + w, y, w_mm=0.2)
        x = x0
        for label, lw, value, vw in row:
            c.text(x + 1, y + 1.9, label, "sans", 2.5)
            c.line(x + lw, y, x + lw, y + rh, w_mm=0.15)
            if value:
                c.text(x + lw + 1.5, y + 1.4, value, "card_value", 3.4)
            x += lw + vw
            c.line(x, y, x, y + rh, w_mm=0.15)
    yb = y0 + len(rows) * rh
    c.rect(x0, y0, w, yb - y0, w_mm=0.3)
    c.text(x0 + 2, yb + 4, "承办人签章", "sans", 2.6)
    c.hand(x0 + 22, yb + 2.5, "周", rng, 4.0, fill=(190, 30, 30), slant=False)
    c.text(x0 + 80, yb + 4, f"登记日期  {reg.year}年{reg.month}月{reg.day}日", "sans", 2.6)
    c.seal(x0 + 60, yb - 2, 8.5, "示范市公安局户口专用章", rng, alpha=0.55)
    return c.img


def marriage_page(
    holder: Person,
    spouse: Person,
    registered: date,
    number: str,
    rng: random.Random,
    dpi: int = 250,
) -> Image.Image:
    """结婚证 inner spread: 持证人 登记日期 结婚证字号 备注 | photo and the couple's data."""
    c = Canvas(180, 125, dpi, (246, 236, 226))
    c.line(90, 0, 90, 125, fill=(200, 180, 170), w_mm=0.4)
    c.text(10, 16, "持证人", "sans", 3.6)
    c.text(32, 15.5, holder.name, "card_value", 4.2)
    c.text(10, 28, "登记日期", "sans", 3.6)
    c.text(32, 27.5, f"{registered:%Y年%m月%d日}", "card_value", 4.0)
    c.text(10, 40, "结婚证字号", "sans", 3.6)
    c.text(32, 39.5, number, "card_value", 3.6)
    c.text(10, 52, "备注", "sans", 3.6)
    c.seal(60, 85, 16, "示范市民政局婚姻登记专用章", rng)
    c.text(12, 106, "婚姻登记员", "sans", 3.2)
    c.hand(34, 104, "顾晓红", rng, 4.5, fill=INK_BLACK)
    c.portrait(110, 8, 55, 38, rng, bg=(205, 40, 45))
    y = 54
    for q in (holder, spouse) if holder.male else (spouse, holder):
        for lab, val in (
            ("姓名", q.name),
            ("性别", q.sex),
            ("国籍", "中国"),
            ("出生日期", f"{q.birth:%Y年%m月%d日}"),
            ("身份证件号", q.printed_id),
        ):
            c.text(98, y, lab, "sans", 3.0)
            c.text(118, y - 0.4, val, "card_value", 3.4)
            y += 5.6
        y += 3
    return c.img


def property_page(
    owner: Person,
    co_owner: Person | None,
    addr: str,
    cert_no: str,
    unit_no: str,
    area: float,
    rng: random.Random,
    dpi: int = 200,
) -> Image.Image:
    """不动产权证书 registration page (权利人 共有情况 坐落 不动产单元号 …)."""
    c = Canvas(210, 150, dpi, (252, 250, 240))
    c.text(105, 8, cert_no, "body", 4.0, anchor="ma")
    x0, y0, lw, w = 14, 20, 34, 182
    owners = owner.name if co_owner is None else f"{owner.name}、{co_owner.name}"
    rows = [
        ("权 利 人", owners),
        ("共有情况", "单独所有" if co_owner is None else "共同共有"),
        ("坐    落", addr),
        ("不动产单元号", unit_no),
        ("权利类型", "国有建设用地使用权/房屋所有权"),
        ("权利性质", "出让/商品房"),
        ("用    途", "城镇住宅用地/住宅"),
        ("面    积", f"共有宗地面积 {rng.randint(3000, 90000)}㎡/房屋建筑面积 {area:.2f}㎡"),
        ("使用期限", f"国有建设用地使用权 {rng.randint(2060, 2092)}年{rng.randint(1, 12)}月止"),
        ("权利其他状况", ""),
    ]
    rh = 11
    for i, (lab, val) in enumerate(rows):
        y = y0 + i * rh
        c.line(x0, y, x0 + w, y, w_mm=0.3)
        c.text(x0 + 3, y + 3.6, lab, "sans", 3.4)
        c.text(x0 + lw + 3, y + 3.3, val, "card_value", 3.7)
    c.rect(x0, y0, w, rh * len(rows), w_mm=0.4)
    c.line(x0 + lw, y0, x0 + lw, y0 + rh * len(rows), w_mm=0.3)
    return c.img


def e_licence_screen(co: Company, rng: random.Random, clock: str = "09:41") -> Image.Image:
    """电子营业执照 screen of the mini-program, 1080 × 2340 px screenshot."""
    c = Canvas(91.44, 198.12, 300, (246, 247, 249))  # 1080 x 2340 px
    c.text(6, 3, clock, "sans_bold", 3.6)
    c.text(70, 3, "5G 86%", "sans", 3.0)
    c.text(45.7, 13, "电子营业执照", "sans_bold", 4.4, anchor="ma")
    c.rect(5, 24, 81.4, 150, outline=(180, 30, 30), fill=(255, 253, 248), w_mm=0.8, radius=2)
    c.emblem(45.7, 38, 8)
    c.text(45.7, 50, "营 业 执 照", "title", 7.5, anchor="ma", fill=(30, 30, 30))
    c.text(45.7, 61, "（电子）", "sans", 3.2, anchor="ma")
    rows = [
        ("统一社会信用代码", co.printed_uscc),
        ("名称", co.name),
        ("类型", co.kind),
        ("经营者" if co.getihu else "法定代表人", co.legal_rep),
        ("注册资本" if not co.getihu else "组成形式", co.capital if not co.getihu else "个人经营"),
        ("成立日期", f"{co.founded:%Y年%m月%d日}"),
        ("经营场所" if co.getihu else "住所", co.address),
    ]
    y = 70
    for lab, val in rows:
        c.text(9, y, lab, "sans", 2.9, fill=(110, 110, 110))
        y += 4.6
        for ln in c.wrap(val, 72, "sans_bold", 3.3):
            c.text(9, y, ln, "sans_bold", 3.3)
            y += 4.8
        y += 2.2
    c.qr(35, max(y + 2, 148), 21, rng)
    c.text(45.7, 180, "登记机关：示范市市场监督管理局", "sans", 2.8, anchor="ma")
    c.rect(10, 186, 71, 9, fill=(31, 98, 220), outline=(31, 98, 220), radius=4)
    c.text(45.7, 188, "亮照 · 出示", "sans_bold", 3.4, anchor="ma", fill=(255, 255, 255))
    return c.img


def bank_card(number: str, rng: random.Random, dpi: int = 300) -> Image.Image:
    """UnionPay debit card face: no name printed."""
    c = Canvas(85.6, 54, dpi, (30, 92, 160))
    c.rect(0.2, 0.2, 85.2, 53.6, outline=(20, 60, 120), radius=3, fill=(30, 92, 160))
    c.text(6, 5, "示范农商银行", "sans_bold", 4.2, fill=(255, 255, 255))
    c.text(6, 11, "借记卡 DEBIT", "sans", 2.8, fill=(230, 230, 240))
    c.rect(8, 18, 11, 8, fill=(215, 185, 100), outline=(160, 130, 60), radius=1)
    grouped = " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    c.text(7, 33, grouped, "mono", 4.0, fill=(250, 250, 250))
    c.rect(66, 42, 15, 9, fill=(235, 235, 235), outline=(200, 200, 200))
    c.text(73.5, 44, "银联", "sans_bold", 3.2, fill=(200, 20, 30), anchor="ma")
    rng.random()
    return c.img


def photo_receipt(
    p: Person, code: str, taken: date, studio: str, purpose: str, rng: random.Random, dpi: int = 200
) -> Image.Image:
    """数码照片回执 from a photo studio: the photo, 回执编号, 姓名, 身份证号, 拍摄日期."""
    c = Canvas(100, 140, dpi)
    c.text(50, 6, f"{purpose}数码照片回执", "sans_bold", 4.6, anchor="ma")
    c.rect(33, 16, 34, 44, outline=(150, 150, 150))
    c.portrait(34, 17, 32, 42, rng, bg=(255, 255, 255))
    y = 66
    for lab, val in (
        ("回执编号", code),
        ("姓    名", p.name),
        ("公民身份号码", p.printed_id),
        ("拍摄日期", f"{taken:%Y-%m-%d}"),
        ("采集点", studio),
    ):
        c.text(10, y, lab, "sans", 3.2)
        c.text(36, y, val, "sans", 3.2)
        y += 7
    c.qr(70, 105, 22, rng)
    c.text(10, 110, "照片已通过质量检测，", "sans", 2.8)
    c.text(10, 115, "凭回执编号办理，有效期6个月。", "sans", 2.8)
    return c.img


def skill_certificate(
    p: Person,
    trade: str,
    level: str,
    cert_no: str,
    issued: date,
    org: str,
    rng: random.Random,
    dpi: int = 150,
) -> Image.Image:
    """职业技能等级证书 (A4 landscape, 人社部 2022 reference arrangement)."""
    c = Canvas(297, 210, dpi, (253, 251, 244))
    c.rect(8, 8, 281, 194, outline=(170, 140, 60), w_mm=1.5)
    c.text(148.5, 22, "职业技能等级证书", "title", 12, anchor="ma")
    c.portrait(30, 55, 32, 42, rng, bg=(255, 255, 255))
    c.text(
        148.5, 45, f"{p.name} 经考核评价，职业技能达到相应等级，特发此证。", "body", 5, anchor="ma"
    )
    rows = [
        ("姓    名", p.name),
        ("证件类型", "居民身份证"),
        ("证件号码", p.printed_id),
        ("职业名称", trade),
        ("工种/职业方向", "--"),
        ("职业技能等级", level),
        ("证书编号", cert_no),
        ("发证日期", f"{issued.year}年{issued.month}月{issued.day}日"),
    ]
    y = 62
    for lab, val in rows:
        c.text(80, y, lab, "sans", 4.4)
        c.text(125, y, val, "body", 4.6)
        y += 11
    c.text(200, 160, f"评价机构：{org}", "sans", 3.8)
    c.seal(228, 168, 17, org, rng)
    c.qr(30, 150, 30, rng)
    c.text(30, 184, "证书查询：http://jndj.osta.org.cn", "sans", 3.0)
    return c.img


def health_card(
    p: Person, checked: date, until: date, unit: str, no: str, rng: random.Random, dpi: int = 300
) -> Image.Image:
    """健康合格证明 card (从业人员): 姓名 性别 年龄 体检日期 有效期至 体检单位."""
    c = Canvas(86, 56, dpi, (240, 250, 243))
    c.rect(0.4, 0.4, 85, 55, outline=(60, 140, 90), radius=2.5, w_mm=0.5)
    c.text(43, 3.5, "健康合格证明", "sans_bold", 5, anchor="ma", fill=(20, 100, 60))
    c.portrait(6, 13, 20, 26, rng)
    y = 13
    for lab, val in (
        ("姓名", p.name),
        ("性别", p.sex),
        ("年龄", str(p.age_on(checked))),
        ("编号", no),
        ("体检日期", f"{checked:%Y-%m-%d}"),
        ("有效期至", f"{until:%Y-%m-%d}"),
    ):
        c.text(30, y, lab, "sans", 2.8)
        c.text(45, y - 0.2, val, "card_value", 3.2)
        y += 5.4
    c.text(6, 48, f"体检单位：{unit}", "sans", 2.6)
    c.seal(68, 44, 8, unit, rng)
    return c.img


def pharmacist_cert(
    p: Person, unit: str, no: str, until: date, issued: date, rng: random.Random, dpi: int = 200
) -> Image.Image:
    """执业药师注册证 page."""
    c = Canvas(150, 105, dpi, (248, 248, 240))
    c.text(75, 7, "执业药师注册证", "title", 7, anchor="ma")
    c.portrait(10, 22, 26, 34, rng, bg=(255, 255, 255))
    y = 22
    for lab, val in (
        ("姓    名", p.name),
        ("性    别", p.sex),
        ("身份证号", p.printed_id),
        ("执业类别", "药学"),
        ("执业范围", "药品经营"),
        ("执业单位", unit),
        ("注册证编号", no),
        ("有效期至", f"{until.year}年{until.month}月{until.day}日"),
    ):
        c.text(42, y, lab, "sans", 3.3)
        c.text(66, y - 0.2, val, "card_value", 3.5)
        y += 7.5
    c.text(95, 90, f"发证日期：{issued:%Y年%m月%d日}", "sans", 3.0)
    c.seal(118, 84, 12, "示范市药品监督管理局", rng)
    return c.img


def birth_certificate(
    child: Person,
    mother: Person,
    father: Person,
    born: date,
    hospital: str,
    no: str,
    rng: random.Random,
    dpi: int = 150,
) -> Image.Image:
    """出生医学证明 (7th edition arrangement): 新生儿姓名 … 母亲/父亲 姓名 年龄 国籍 民族 身份证件号码."""
    c = Canvas(190, 135, dpi, (246, 240, 250))
    c.rect(4, 4, 182, 127, outline=(150, 90, 150), w_mm=0.8)
    c.text(95, 9, "出生医学证明", "title", 7, anchor="ma", fill=(120, 40, 110))
    c.text(170, 12, f"编号 {no}", "mono", 3.0, anchor="ra", fill=(180, 30, 40))
    rows = [
        ("新生儿姓名", child.name, "性别", child.sex),
        (
            "出生时间",
            f"{born.year}年{born.month}月{born.day}日{rng.randint(0, 23)}时{rng.randint(0, 59)}分",
            "",
            "",
        ),
        ("出生地点", "江苏省示范市", "出生孕周", f"{rng.randint(37, 41)}周"),
        ("健康状况", "良好", "体重", f"{rng.randint(2800, 3900)}克"),
        ("母亲姓名", mother.name, "年龄", str(mother.age_on(born))),
        ("母亲有效身份证件号码", mother.printed_id, "", ""),
        ("父亲姓名", father.name, "年龄", str(father.age_on(born))),
        ("父亲有效身份证件号码", father.printed_id, "", ""),
        ("出生地点分类", "医院", "接生机构名称", hospital),
    ]
    y = 22
    for a, b, cc, dd in rows:
        c.text(12, y, a, "sans", 3.2)
        c.text(58, y - 0.3, b, "card_value", 3.6)
        if cc:
            c.text(110, y, cc, "sans", 3.2)
            c.text(134, y - 0.3, dd, "card_value", 3.6)
        y += 10
    issued = born + timedelta(days=3)
    c.text(120, 118, f"签发日期 {issued.year}年{issued.month}月{issued.day}日", "sans", 3.0)
    c.seal(150, 110, 13, f"{hospital}出生医学证明专用章", rng)
    return c.img


def diploma(
    p: Person, school: str, major: str, graduated: date, no: str, rng: random.Random, dpi: int = 150
) -> Image.Image:
    """普通高等学校毕业证书 inner page."""
    c = Canvas(230, 160, dpi, (252, 250, 244))
    c.text(115, 12, "毕 业 证 书", "title", 9, anchor="ma", fill=(150, 30, 30))
    c.portrait(20, 40, 30, 40, rng, bg=(80, 130, 200))
    c.text(
        65,
        45,
        f"学生 {p.name} ，性别 {p.sex} ，{p.birth.year}年{p.birth.month}月{p.birth.day}日生，",
        "body",
        4.2,
    )
    c.text(65, 56, f"于{graduated.year - 4}年9月至{graduated.year}年6月在本校{major}", "body", 4.2)
    c.text(65, 67, "专业四年制本科学习，修完教学计划规定的全部课程，", "body", 4.2)
    c.text(65, 78, "成绩合格，准予毕业。", "body", 4.2)
    c.text(130, 104, f"校名：{school}", "body", 4.2)
    c.text(130, 114, "校（院）长：", "body", 4.2)
    c.hand(155, 112, "郑国华", rng, 5.5, fill=INK_BLACK)
    c.seal(150, 110, 16, school, rng)
    c.text(20, 132, f"证书编号：{no}", "mono", 3.6)
    c.text(130, 132, f"{graduated.year}年{graduated.month}月{graduated.day}日", "body", 4.2)
    return c.img


def floor_plan(title: str, rng: random.Random, dpi: int = 120) -> Image.Image:
    """A hand-made floor plan: rooms, doors, labels, a north arrow (few words)."""
    c = Canvas(280, 200, dpi)
    c.text(140, 8, title, "sans_bold", 6, anchor="ma")
    c.rect(20, 25, 240, 150, w_mm=0.8)
    rooms = ["前台", "休息区", "操作间", "消毒间", "仓库", "卫生间", "员工更衣室"]
    rng.shuffle(rooms)
    x = 20
    for name in rooms[:4]:
        w = 60
        c.rect(x, 25, w, 70, w_mm=0.5)
        c.text(x + w / 2, 55, name, "sans", 5, anchor="ma")
        x += w
    c.rect(20, 95, 120, 80, w_mm=0.5)
    c.text(80, 130, rooms[4], "sans", 5, anchor="ma")
    c.rect(140, 95, 120, 80, w_mm=0.5)
    c.text(200, 130, rooms[5], "sans", 5, anchor="ma")
    c.text(262, 22, "N↑", "sans_bold", 5)
    c.text(25, 182, f"比例 1:{rng.choice([50, 100])}    入口 →", "sans", 4)
    return c.img


def receipt(lines: list[str], rng: random.Random, dpi: int = 200) -> Image.Image:
    """A thermal supermarket receipt."""
    c = Canvas(58, 10 + 6 * len(lines), dpi, (250, 250, 246))
    for i, ln in enumerate(lines):
        c.text(4, 5 + i * 6, ln, "mono", 3.0, fill=(60, 60, 70))
    rng.random()
    return c.img
