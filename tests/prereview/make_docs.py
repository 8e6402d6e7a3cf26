"""Generates the pre-review test documents and their ground truth.

Photos (some rotated, noisy, blurred), a scanned PDF, text-layer PDFs and DOCX
forms, drawn with a CJK font from Debian's fonts packages. Deterministic: the
same seed gives the same bytes, so OCR results can be cached per document.

    python -m tests.prereview.make_docs OUT_DIR   # writes the files and truth.json
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from prereview.ids import id_check_char, uscc_check_char

TODAY = dt.date(2025, 6, 1)
FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)


def font_path() -> Path:
    for path in FONTS:
        if path.exists():
            return path
    raise FileNotFoundError("install fonts-wqy-microhei or fonts-droid-fallback")


def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path()), size)


# -- identities -------------------------------------------------------------------------------


def make_id(region: str, birth: dt.date, seq: str, wrong_check: bool = False) -> str:
    first = f"{region}{birth:%Y%m%d}{seq}"
    check = id_check_char(first)
    if wrong_check:
        check = "0" if check != "0" else "1"
    return first + check


def make_uscc(body: str, wrong_check: bool = False) -> str:
    check = uscc_check_char(body)
    if wrong_check:
        check = "1" if check != "1" else "2"
    return body + check


@dataclass(frozen=True)
class Person:
    name: str
    sex: str
    birth: dt.date
    address: str
    seq: str
    region: str = "320202"

    @property
    def id_number(self) -> str:
        return make_id(self.region, self.birth, self.seq)


ZHANG = Person("张三", "男", dt.date(1988, 6, 15), "示范市梁溪区人民路12号", "013")
WANG_FANG = Person("王芳", "女", dt.date(1992, 11, 3), "示范市滨湖区太湖大道88号", "026")
WANG_WU = Person("王五", "男", dt.date(1979, 2, 27), "示范市新吴区长江路6号", "035")
LI_SI = Person("李四", "男", dt.date(1965, 9, 9), "示范市锡山区东亭路3号", "051")
ZHAO_LIU = Person("赵六", "女", dt.date(1993, 4, 21), "示范市惠山区堰桥街道9号", "068")
COMPANY = "示范市青禾科技有限公司"
SHAREHOLDER = "示范市禾丰投资有限公司"
SHAREHOLDER_USCC = make_uscc("91320200MA1MWQ8R6")
RESTAURANT = "示范市青禾餐饮有限公司"
RESTAURANT_USCC = make_uscc("91320200MA27DLKQ0")

# -- drawing ----------------------------------------------------------------------------------


def draw_lines(
    size: tuple[int, int],
    lines: list[tuple[str, int] | str],
    *,
    margin: int = 90,
    top: int = 90,
    spacing: float = 1.7,
    background: str = "white",
    centre_first: bool = True,
) -> Image.Image:
    """A page of text lines; the first is a centred title when ``centre_first``."""
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    y = top
    for index, item in enumerate(lines):
        text, px = (item, 34) if isinstance(item, str) else item
        font = _font(px)
        x = margin
        if index == 0 and centre_first:
            x = (size[0] - draw.textlength(text, font=font)) / 2
        draw.text((x, y), text, font=font, fill="black")
        y += int(px * spacing)
    return image


def _card(size: tuple[int, int], rows: list[tuple[int, int, str, int, str]]) -> Image.Image:
    card = Image.new("RGB", size, (236, 242, 246))
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle(
        (0, 0, size[0] - 1, size[1] - 1), radius=36, outline=(150, 170, 190), width=4
    )
    for x, y, text, px, colour in rows:
        draw.text((x, y), text, font=_font(px), fill=colour)
    return card


BLUE, INK = (40, 80, 140), (20, 20, 20)


def id_front(person: Person, *, number: str | None = None) -> Image.Image:
    """The portrait side (人像面) of a resident ID card: labels and values, no title."""
    b = person.birth
    front = _card(
        (1200, 756),
        [
            (70, 70, "姓名", 40, BLUE), (200, 66, person.name, 48, INK),
            (70, 160, "性别", 40, BLUE), (200, 156, person.sex, 44, INK),
            (360, 160, "民族", 40, BLUE), (480, 156, "汉", 44, INK),
            (70, 250, "出生", 40, BLUE),
            (200, 246, f"{b.year}  年  {b.month}  月  {b.day}  日", 44, INK),
            (70, 340, "住址", 40, BLUE), (200, 336, person.address, 42, INK),
            (70, 600, "公民身份号码", 40, BLUE),
            (380, 596, number or person.id_number, 50, INK),
        ],
    )  # fmt: skip
    ImageDraw.Draw(front).rectangle((850, 80, 1130, 430), fill=(205, 212, 220))
    return front


def id_back(valid_from: str, valid_to: str) -> Image.Image:
    """The emblem side (国徽面): 中华人民共和国 居民身份证, issuing office, validity."""
    return _card(
        (1200, 756),
        [
            (300, 110, "中华人民共和国", 64, INK),
            (380, 230, "居民身份证", 64, INK),
            (150, 480, "签发机关", 40, BLUE), (340, 476, "示范市公安局梁溪分局", 44, INK),
            (150, 580, "有效期限", 40, BLUE), (340, 576, f"{valid_from}-{valid_to}", 44, INK),
        ],
    )  # fmt: skip


def id_card_image(
    person: Person, valid_from: str, valid_to: str, *, number: str | None = None
) -> Image.Image:
    """Front and back of a resident ID card side by side on a desk, as applicants photograph them."""
    page = Image.new("RGB", (1400, 1760), (120, 104, 90))
    page.paste(id_front(person, number=number), (100, 90))
    page.paste(id_back(valid_from, valid_to), (100, 920))
    return page


def on_desk(card: Image.Image) -> Image.Image:
    """One card photographed alone on a desk."""
    page = Image.new("RGB", (card.width + 240, card.height + 240), (120, 104, 90))
    page.paste(card, (120, 120))
    return page


def copy_page(cards: list[tuple[Image.Image, tuple[int, int]]], scale: float = 0.62) -> Image.Image:
    """An A4 photocopy (grey) with cards laid on the glass at the given places."""
    page = Image.new("RGB", (1654, 2339), "white")
    for card, place in cards:
        small = card.resize((round(card.width * scale), round(card.height * scale)))
        page.paste(small, place)
    return page.convert("L").convert("RGB")


def licence_image(name: str, uscc: str, legal_rep: str, founded: str) -> Image.Image:
    red = (170, 30, 30)
    image = Image.new("RGB", (1700, 1200), (250, 246, 236))
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 30, 1670, 1170), outline=red, width=10)
    draw.text((640, 80), "营 业 执 照", font=_font(84), fill=red)
    rows = [
        f"统一社会信用代码  {uscc}",
        f"名        称  {name}",
        "类        型  有限责任公司",
        f"法定代表人  {legal_rep}",
        "注册资本  伍佰万元整",
        f"成立日期  {founded}",
        "营业期限  长期",
        "住        所  示范市梁溪区解放北路18号",
    ]
    for i, row in enumerate(rows):
        draw.text((120, 260 + i * 90), row, font=_font(42), fill=(30, 30, 30))
    draw.text((1080, 1030), "登记机关  示范市市场监督管理局", font=_font(34), fill=(30, 30, 30))
    return image


def receipt_image() -> Image.Image:
    return draw_lines(
        (1300, 800),
        [
            ("收   据", 60),
            ("No. 0012345", 30),
            ("今收到  张三", 40),
            ("交来  办公用品款", 40),
            ("人民币（大写）叁佰元整    ￥300.00", 40),
            ("收款单位（盖章）  示范市文具店    收款人  孙七", 36),
            ("2025年5月20日", 36),
        ],
        background=(252, 250, 240),
        spacing=1.55,
    )


def health_certificate_image(person: Person, examined: dt.date) -> Image.Image:
    until = examined.replace(year=examined.year + 1) - dt.timedelta(days=1)
    return draw_lines(
        (1300, 900),
        [
            ("食品从业人员健康证明", 56),
            (f"姓名  {person.name}    性别  {person.sex}    年龄  32", 40),
            (f"身份证号  {person.id_number}", 40),
            ("体检单位  示范市疾病预防控制中心", 40),
            (f"体检日期  {examined.year}年{examined.month}月{examined.day}日", 40),
            (f"有效期至  {until.year}年{until.month}月{until.day}日", 40),
            ("编号  JK2025-003318", 36),
        ],
        background=(246, 250, 246),
    )


def charter_pages() -> list[Image.Image]:
    size = (1654, 2339)
    first = draw_lines(
        size,
        [
            (f"{COMPANY}章程", 58),
            ("第一章  总则", 40),
            ("第一条  为规范公司的组织和行为，根据《中华人民共和国公司法》制定本章程。", 34),
            (f"第二条  公司名称：{COMPANY}。", 34),
            ("第三条  公司住所：示范市梁溪区人民路100号501室。", 34),
            ("第二章  注册资本与出资方式", 40),
            ("第四条  公司注册资本为人民币壹佰万元。", 34),
            ("第五条  股东的姓名或名称、出资方式、出资额如下：", 34),
            (f"张三，货币出资60万元；{SHAREHOLDER}，货币出资40万元。", 34),
            ("第三章  股东的权利和义务", 40),
            ("第六条  股东按照实缴的出资比例分取红利。", 34),
        ],
        top=140,
        spacing=1.9,
    )
    second = draw_lines(
        size,
        [
            ("第四章  股东会", 40),
            ("第七条  股东会由全体股东组成，是公司的权力机构。", 34),
            ("第八条  股东会会议由股东按照出资比例行使表决权。", 34),
            ("第五章  执行董事、监事和经理", 40),
            ("第九条  公司不设董事会，设执行董事一名，由股东会选举产生。", 34),
            ("第十条  执行董事为公司的法定代表人。", 34),
            ("第六章  附则", 40),
            ("第十一条  本章程自全体股东签字（盖章）之日起生效。", 34),
            ("全体股东签字（盖章）：", 36),
            (f"张三            {SHAREHOLDER}", 36),
            ("2025年5月18日", 36),
        ],
        top=140,
        spacing=1.9,
        centre_first=False,
    )
    return [first, second]


def lease_photo_pages(tenant: str) -> list[Image.Image]:
    """A three-page lease as phone photos: only the first page has the title, the last the signatures."""
    size = (1240, 1754)
    first = draw_lines(
        size,
        [
            ("房屋租赁合同", 52),
            (f"出租方（甲方）：{LI_SI.name}", 34),
            (f"承租方（乙方）：{tenant}", 34),
            ("甲乙双方经协商一致，订立本合同。", 32),
            ("第一条  房屋坐落：示范市梁溪区人民路100号501室。", 32),
            ("第二条  租赁期限自2025年3月1日起至2026年2月28日止。", 32),
        ],
        top=120,
    )
    second = draw_lines(
        size,
        [
            ("第三条  租金每月人民币叁仟伍佰元整，按季度支付。", 32),
            ("第四条  乙方应合理使用房屋，不得擅自改变结构。", 32),
            ("第五条  甲方负责房屋主体结构的维修。", 32),
            ("第六条  租赁期满乙方需续租的，应提前一个月通知甲方。", 32),
        ],
        top=120,
        centre_first=False,
    )
    third = draw_lines(
        size,
        [
            ("第七条  本合同一式两份，自双方签字之日起生效。", 32),
            (f"甲方（签字）：{LI_SI.name}", 34),
            (f"乙方（签字）：{tenant}", 34),
            ("签订日期：2025年2月20日", 34),
        ],
        top=120,
        centre_first=False,
    )
    return [first, second, third]


def _table(
    draw: ImageDraw.ImageDraw,
    x: int,
    y: int,
    widths: list[int],
    rows: list[list[str]],
    height: int = 90,
    px: int = 34,
) -> None:
    """A ruled table; a cell's text may hold a line break (a value wrapped in a narrow cell)."""
    for r, row in enumerate(rows):
        left = x
        for width, text in zip(widths, row, strict=True):
            top = y + r * height
            draw.rectangle((left, top, left + width, top + height), outline=(60, 60, 60), width=2)
            for k, part in enumerate(text.split("\n")):
                draw.text((left + 14, top + 10 + k * (px + 6)), part, font=_font(px), fill=INK)
            left += width


def bank_page_image(person: Person) -> Image.Image:
    """A bank's account information page: labels in a header row, values in the row below."""
    image = Image.new("RGB", (1654, 1100), "white")
    draw = ImageDraw.Draw(image)
    draw.text((560, 80), "个人银行结算账户信息", font=_font(52), fill=INK)
    _table(
        draw,
        90,
        260,
        [360, 640, 480],
        [["户名", "账号", "开户银行"],
         [person.name, "6222 0212 3456 7890 123", "示范市工商银行梁溪支行"]],
    )  # fmt: skip
    draw.text((90, 560), "账户类型  I类借记账户    币种  人民币", font=_font(34), fill=INK)
    draw.text((90, 660), "打印日期  2025年5月20日", font=_font(34), fill=INK)
    return image


def bank_card_image() -> Image.Image:
    """The face of a debit card: bank, kind, number, card scheme; no holder's name."""
    card = _card(
        (1200, 756),
        [
            (80, 70, "示范市工商银行", 56, INK), (880, 80, "借记卡", 44, INK),
            (80, 420, "6222 0212 3456 7890 123", 64, INK),
            (80, 560, "有效期 VALID THRU 08/30", 36, INK), (900, 620, "银联 UnionPay", 40, BLUE),
        ],
    )  # fmt: skip
    return on_desk(card)


def draw_seal(image: Image.Image, centre: tuple[int, int], radius: int, text: str) -> None:
    """A red round company seal: a ring, a star, the name along the top inside the ring."""
    red = (205, 30, 35)
    draw = ImageDraw.Draw(image)
    cx, cy = centre
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=red, width=9)
    star = [(cx + 0.28 * radius * np.cos(np.pi / 2 + k * 4 * np.pi / 5),
             cy - 0.28 * radius * np.sin(np.pi / 2 + k * 4 * np.pi / 5)) for k in range(5)]  # fmt: skip
    draw.polygon(star, fill=red)
    font = _font(int(radius * 0.22))
    for k, char in enumerate(text):
        angle = np.pi * (0.95 - 0.9 * k / max(len(text) - 1, 1))
        x = cx + 0.72 * radius * np.cos(angle)
        y = cy - 0.72 * radius * np.sin(angle)
        draw.text((x, y), char, font=font, fill=red, anchor="mm")


def resolution_image(sealed: bool) -> Image.Image:
    """A shareholders' resolution whose only signature is the shareholders' seal (or nothing)."""
    image = draw_lines(
        (1240, 1754),
        [
            (f"{COMPANY}股东会决议", 44),
            ("会议时间：2025年5月18日", 32),
            ("出席股东：张三、示范市禾丰投资有限公司。", 32),
            ("经全体股东一致同意，作出如下决议：", 32),
            ("一、选举张三为公司执行董事，任期三年；", 32),
            ("二、选举王芳为公司监事，任期三年；", 32),
            ("三、聘任张三为公司经理。", 32),
            ("全体股东：张三    示范市禾丰投资有限公司", 32),
            ("2025年5月18日", 32),
        ],
        top=140,
    )
    if sealed:
        draw_seal(image, (900, 1020), 150, SHAREHOLDER)
    return image


def termination_form_image(person: Person) -> Image.Image:
    """A separation certificate: the person named in running text, the ID number wrapped in a cell."""
    image = draw_lines(
        (1654, 1500),
        [
            ("解除劳动合同证明书", 52),
            (f"兹证明{person.name}同志自2021年7月1日起在我单位工作，", 36),
            ("经协商一致，双方于2025年5月10日解除劳动合同。", 36),
        ],
        top=100,
    )
    number = person.id_number
    _table(
        ImageDraw.Draw(image),
        90,
        420,
        [300, 420, 300, 420],
        [["证件类型", "居民身份证", "公民身份号码", f"{number[:12]}\n{number[12:]}"],
         ["工作年限", "3年10个月", "失业保险", "已缴纳"]],
        height=110,
    )  # fmt: skip
    draw = ImageDraw.Draw(image)
    draw.text((900, 900), "示范市远航物流有限公司（盖章）", font=_font(36), fill=INK)
    draw.text((900, 980), "出具日期：2025年5月10日", font=_font(36), fill=INK)
    return image


def mixed_pdf(pages: list[list[str] | Image.Image]) -> bytes:
    """One PDF as a scanner app merges them: text pages and scanned (image) pages in one file."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", str(font_path()))
    for page in pages:
        pdf.add_page()
        if isinstance(page, Image.Image):
            pdf.image(page, x=0, y=0, w=210)
            continue
        for index, line in enumerate(page):
            pdf.set_font("cjk", size=18 if index == 0 else 11.5)
            if index == 0:
                pdf.cell(0, 14, line, align="C", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def statement_form_docx() -> bytes:
    """A company form whose 申请人声明 heading comes first and whose table reads top-down."""
    import docx

    document = docx.Document()
    document.add_heading("公司登记（备案）申请书", level=1)
    document.add_paragraph("申请人声明")
    document.add_paragraph("本申请人承诺所提交的材料真实有效，并对其真实性负责。")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["企业名称", "法定代表人", "注册资本"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, [COMPANY, ZHANG.name, "100万元"], strict=True):
        cell.text = text
    document.add_paragraph("经营范围：软件开发；信息技术咨询服务")
    document.add_paragraph(f"法定代表人签字：{ZHANG.name}")
    document.add_paragraph("日期：2025年5月20日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- photographing and saving -----------------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    """How an applicant's phone photo of a document went wrong."""

    turn: int = 0  # counter-clockwise quarter turns of the pixels (no EXIF)
    exif: int | None = None  # store the pixels turned and say so in EXIF Orientation
    skew: float = 0.0  # degrees
    blur: float = 0.0
    noise: float = 0.0  # standard deviation of pixel noise
    dark: float = 1.0  # brightness factor
    quality: int = 85
    tilt: float = 0.0  # perspective: the far (top) edge narrower by this share of the width


def _tilted(image: Image.Image, share: float) -> Image.Image:
    """The page seen from below: its top edge shrunk by ``share`` of the width, centred."""
    w, h = image.size
    inset = w * share / 2
    # Coefficients map output pixels back to input pixels (PIL's PERSPECTIVE transform).
    source = [(0, 0), (w, 0), (w, h), (0, h)]
    target = [(inset, 0), (w - inset, 0), (w, h), (0, h)]
    rows = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coeffs = np.linalg.solve(np.array(rows, float), np.array(source, float).reshape(8))
    return image.transform((w, h), Image.PERSPECTIVE, tuple(coeffs), Image.BICUBIC,
                           fillcolor=(110, 100, 90))  # fmt: skip


def photograph(image: Image.Image, shot: Shot, seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    if shot.tilt:
        image = _tilted(image, shot.tilt)
    if shot.skew:
        image = image.rotate(
            shot.skew, expand=True, fillcolor=(110, 100, 90), resample=Image.BICUBIC
        )
    if shot.blur:
        image = image.filter(ImageFilter.GaussianBlur(shot.blur))
    pixels = np.asarray(image).astype(np.float32) * shot.dark
    if shot.noise:
        pixels += rng.normal(0, shot.noise, pixels.shape)
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if shot.turn:
        image = image.rotate(90 * shot.turn, expand=True)
    out = io.BytesIO()
    if shot.exif:
        # The camera stores the sensor's pixels and notes the turn needed to view them.
        exif = Image.Exif()
        exif[0x0112] = shot.exif
        _sensor_pixels(image, shot.exif).save(out, "JPEG", quality=shot.quality, exif=exif)
        return out.getvalue()
    image.save(out, "JPEG", quality=shot.quality)
    return out.getvalue()


def _sensor_pixels(upright: Image.Image, orientation: int) -> Image.Image:
    """Pixels that, turned as EXIF ``orientation`` says, show ``upright``."""
    undo = {
        3: Image.Transpose.ROTATE_180,
        6: Image.Transpose.ROTATE_90,  # viewer turns 90° clockwise; sensor is 90° anticlockwise
        8: Image.Transpose.ROTATE_270,
    }
    return upright.transpose(undo[orientation])


def photograph_image(image: Image.Image, seed: int = 7) -> Image.Image:
    """A page as a scanner sees it (noise, a slight skew), ready to embed in a PDF."""
    return Image.open(io.BytesIO(photograph(image, Shot(skew=0.5, noise=6), seed))).convert("RGB")


def text_pdf(pages: list[list[str]], title_size: int = 18) -> bytes:
    """A PDF with a real text layer (embedded CJK font), as exported from a word processor."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", str(font_path()))
    for lines in pages:
        pdf.add_page()
        for index, line in enumerate(lines):
            if index == 0:
                pdf.set_font("cjk", size=title_size)
                pdf.cell(0, 14, line, align="C", new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.set_font("cjk", size=11.5)
                pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scanned_pdf(images: list[Image.Image], seed: int) -> bytes:
    """Pages as a scanner makes them: slightly skewed, noisy greyscale images, no text layer."""
    scans = []
    for index, image in enumerate(images):
        jpeg = photograph(image, Shot(skew=0.6, noise=10, quality=75), seed + index)
        scans.append(Image.open(io.BytesIO(jpeg)).convert("L"))
    out = io.BytesIO()
    scans[0].save(out, "PDF", save_all=True, append_images=scans[1:], resolution=200)
    return out.getvalue()


def docx_form(title: str, rows: list[tuple[str, str]], paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    table = document.add_table(rows=0, cols=2)
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lease_pages(tenant: str, start: dt.date, end: dt.date, signed: dt.date) -> list[list[str]]:
    def d(x: dt.date) -> str:
        return f"{x.year}年{x.month}月{x.day}日"

    return [
        [
            "房屋租赁合同",
            f"出租方（甲方）：{LI_SI.name}    公民身份号码：{LI_SI.id_number}",
            f"承租方（乙方）：{tenant}",
            "根据《中华人民共和国民法典》及有关规定，甲乙双方经协商一致，订立本合同。",
            "第一条  房屋坐落：示范市梁溪区人民路100号501室，建筑面积86平方米。",
            f"第二条  租赁期限自{d(start)}起至{d(end)}止。",
            "第三条  租金为每月人民币叁仟伍佰元整，按季度支付。",
            "第四条  乙方应合理使用房屋，不得擅自改变房屋结构和用途。",
        ],
        [
            "房屋租赁合同（续）",
            "第五条  租赁期满，乙方需继续承租的，应提前一个月书面通知甲方。",
            "第六条  本合同一式两份，甲乙双方各执一份，自双方签字（盖章）之日起生效。",
            f"甲方（签字）：{LI_SI.name}",
            f"乙方（签字或盖章）：{tenant}",
            f"签订日期：{d(signed)}",
        ],
    ]


# -- the documents ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    """One generated file and what a reader should find in it."""

    name: str
    build: Callable[[], bytes]
    truth: dict = field(default_factory=dict)


def _photo(draw: Callable[[], Image.Image], shot: Shot, seed: int) -> Callable[[], bytes]:
    return lambda: photograph(draw(), shot, seed)


def _traditional(pages: list[list[str]]) -> list[list[str]]:
    import zhconv

    return [[zhconv.convert(line, "zh-hant") for line in page] for page in pages]


DOCS: list[Doc] = [
    Doc(
        "qy_application.docx",
        lambda: docx_form(
            "公司登记（备案）申请书",
            [
                ("企业名称", COMPANY),
                ("住所", "示范市梁溪区人民路100号501室"),
                ("法定代表人", ZHANG.name),
                ("注册资本", "100万元"),
                ("经营范围", "软件开发；信息技术咨询服务"),
                ("联系电话", "13912345678"),
            ],
            [
                "本公司依照《中华人民共和国市场主体登记管理条例》申请设立登记，提交材料真实有效。",
                f"法定代表人签字：{ZHANG.name}",
                "日期：2025年5月20日",
            ],
        ),
        {"material": "shenqingshu", "name": COMPANY, "legal_rep": ZHANG.name},
    ),
    Doc(
        "qy_id_zhang.jpg",
        _photo(lambda: id_card_image(ZHANG, "2016.03.01", "2036.03.01"), Shot(turn=1, noise=6), 11),
        {
            "material": "fddbr-sfz",
            "name": ZHANG.name,
            "id_number": ZHANG.id_number,
            "valid_until": "2036-03-01",
            "rotation": 270,
        },
    ),
    Doc(
        "qy_id_zhang_expired.jpg",
        _photo(lambda: id_card_image(ZHANG, "2013.05.01", "2023.05.01"), Shot(skew=2, noise=5), 12),
        {
            "material": "fddbr-sfz",
            "name": ZHANG.name,
            "id_number": ZHANG.id_number,
            "valid_until": "2023-05-01",
        },
    ),
    Doc(
        "qy_id_zhang_badcheck.jpg",
        _photo(
            lambda: id_card_image(
                ZHANG,
                "2016.03.01",
                "2036.03.01",
                number=make_id(ZHANG.region, ZHANG.birth, ZHANG.seq, wrong_check=True),
            ),
            Shot(noise=5),
            13,
        ),
        {"material": "fddbr-sfz", "name": ZHANG.name, "id_valid": False},
    ),
    Doc(
        "qy_id_wangwu.jpg",
        _photo(lambda: id_card_image(WANG_WU, "2019.07.01", "2039.07.01"), Shot(noise=5), 14),
        {"material": "fddbr-sfz", "name": WANG_WU.name, "id_number": WANG_WU.id_number},
    ),
    Doc(
        "qy_id_blurred.jpg",
        _photo(
            lambda: id_card_image(ZHANG, "2016.03.01", "2036.03.01"),
            Shot(blur=14, dark=0.35, noise=12, quality=40),
            15,
        ),
        {"material": None, "unreadable": True},
    ),
    Doc(
        "qy_id_wangfang.jpg",
        _photo(
            lambda: id_card_image(WANG_FANG, "2018.01.10", "2028.01.10"), Shot(turn=2, noise=5), 16
        ),
        {
            "material": "daili-sfz",
            "name": WANG_FANG.name,
            "id_number": WANG_FANG.id_number,
            "rotation": 180,
        },
    ),
    Doc(
        "qy_lease.pdf",
        lambda: text_pdf(
            lease_pages(COMPANY, dt.date(2025, 1, 1), dt.date(2027, 12, 31), dt.date(2024, 12, 20))
        ),
        {"material": "zhusuo-zulin", "name": COMPANY, "valid_until": "2027-12-31"},
    ),
    Doc(
        "qy_lease_ended.pdf",
        lambda: text_pdf(
            lease_pages(COMPANY, dt.date(2022, 1, 1), dt.date(2024, 12, 31), dt.date(2021, 12, 20))
        ),
        {"material": "zhusuo-zulin", "name": COMPANY, "valid_until": "2024-12-31"},
    ),
    Doc(
        "qy_lease_traditional.pdf",
        lambda: text_pdf(
            _traditional(
                lease_pages(
                    COMPANY, dt.date(2025, 1, 1), dt.date(2027, 12, 31), dt.date(2024, 12, 20)
                )
            )
        ),
        {"material": "zhusuo-zulin", "name": COMPANY, "valid_until": "2027-12-31"},
    ),
    Doc(
        "qy_charter_scan.pdf",
        lambda: scanned_pdf(charter_pages(), 21),
        {"material": "zhangcheng", "pages": 2},
    ),
    Doc(
        "qy_shareholder_licence.jpg",
        _photo(
            lambda: licence_image(SHAREHOLDER, SHAREHOLDER_USCC, LI_SI.name, "2018年3月12日"),
            Shot(exif=6, noise=5),
            22,
        ),
        {"material": "gudong-zige", "name": SHAREHOLDER, "uscc": SHAREHOLDER_USCC},
    ),
    Doc(
        "qy_shareholder_licence_baduscc.jpg",
        _photo(
            lambda: licence_image(
                SHAREHOLDER,
                make_uscc(SHAREHOLDER_USCC[:17], wrong_check=True),
                LI_SI.name,
                "2018年3月12日",
            ),
            Shot(noise=5),
            23,
        ),
        {"material": "gudong-zige", "name": SHAREHOLDER, "uscc_valid": False},
    ),
    Doc(
        "qy_appointment.pdf",
        lambda: text_pdf(
            [
                [
                    f"{COMPANY}股东会决议",
                    "会议时间：2025年5月18日",
                    "出席股东：张三、示范市禾丰投资有限公司，代表100%表决权。",
                    "经全体股东一致同意，作出如下决议：",
                    "一、选举张三为公司执行董事，任期三年，执行董事为公司法定代表人；",
                    "二、选举王芳为公司监事，任期三年；",
                    "三、聘任张三为公司经理。",
                    "全体股东签字（盖章）：张三    示范市禾丰投资有限公司",
                    "日期：2025年5月18日",
                ]
            ]
        ),
        {"material": "renzhi"},
    ),
    Doc(
        "qy_receipt.jpg",
        _photo(receipt_image, Shot(skew=-3, noise=6), 24),
        {"material": None},
    ),
    Doc(
        "qy_poa.docx",
        lambda: docx_form(
            "指定代表或者共同委托代理人授权委托书",
            [
                ("委托人", COMPANY),
                ("受托人", WANG_FANG.name),
                ("受托人身份证号", WANG_FANG.id_number),
                ("委托事项", "办理公司设立登记，领取营业执照"),
                ("委托期限", "2025年5月25日至2025年7月25日"),
            ],
            ["全体股东签字（盖章）：张三  示范市禾丰投资有限公司", "日期：2025年5月25日"],
        ),
        {"material": "weituoshu", "name": COMPANY},
    ),
    # 食品经营许可
    Doc(
        "sp_application.docx",
        lambda: docx_form(
            "食品经营许可申请书",
            [
                ("申请人名称", RESTAURANT),
                ("法定代表人（负责人）", ZHANG.name),
                ("经营场所", "示范市梁溪区解放北路18号"),
                ("主体业态", "餐饮服务经营者（小型餐馆）"),
                ("经营项目", "热食类食品制售；冷食类食品制售"),
                ("联系电话", "13912345678"),
            ],
            [f"法定代表人（负责人）签字：{ZHANG.name}", "申请日期：2025年5月26日"],
        ),
        {"material": "shenqingshu", "name": RESTAURANT},
    ),
    Doc(
        "sp_health_ok.jpg",
        _photo(
            lambda: health_certificate_image(ZHAO_LIU, dt.date(2025, 3, 1)),
            Shot(skew=3, noise=8),
            31,
        ),
        {"material": "jiankang", "name": ZHAO_LIU.name, "issue_date": "2025-03-01"},
    ),
    Doc(
        "sp_health_old.jpg",
        _photo(
            lambda: health_certificate_image(ZHAO_LIU, dt.date(2024, 1, 5)),
            Shot(noise=6, blur=0.8),
            32,
        ),
        {"material": "jiankang", "name": ZHAO_LIU.name, "issue_date": "2024-01-05"},
    ),
    Doc(
        "sp_layout.pdf",
        lambda: text_pdf(
            [
                [
                    "经营场所平面布局图及设备布局、操作流程说明",
                    f"经营者：{RESTAURANT}",
                    "一、功能区：粗加工区12平方米，烹饪区20平方米，餐用具清洗消毒区8平方米，备餐间6平方米。",
                    "二、设备布局：双眼灶台2台、消毒柜1台、冷藏柜2台、排油烟机1套。",
                    "三、操作流程：原料验收→贮存→粗加工→烹饪→备餐→供餐，生熟分开，单向流动。",
                ]
            ]
        ),
        {"material": "buju"},
    ),
    Doc(
        "sp_licence_baduscc.jpg",
        _photo(
            lambda: licence_image(
                RESTAURANT,
                make_uscc(RESTAURANT_USCC[:17], wrong_check=True),
                ZHANG.name,
                "2025年4月2日",
            ),
            Shot(noise=5),
            33,
        ),
        {"material": "yyzz", "name": RESTAURANT, "uscc_valid": False},
    ),
    # 住房公积金提取（租房）
    Doc(
        "gjj_lease.pdf",
        lambda: text_pdf(
            lease_pages(ZHANG.name, dt.date(2025, 3, 1), dt.date(2026, 2, 28), dt.date(2025, 2, 20))
        ),
        {"material": "zulin-hetong", "name": ZHANG.name, "valid_until": "2026-02-28"},
    ),
    # 失业保险金申领
    Doc(
        "rs_termination.pdf",
        lambda: text_pdf(
            [
                [
                    "解除劳动合同证明书",
                    f"姓名：{ZHANG.name}    公民身份号码：{ZHANG.id_number}",
                    "本单位与该职工于2021年7月1日签订劳动合同，因经营调整，",
                    "经协商一致，双方于2025年5月10日解除劳动合同，解除劳动关系。",
                    "该职工在本单位工作年限为3年10个月，本单位已依法为其缴纳失业保险费。",
                    "单位（盖章）：示范市远航物流有限公司",
                    "出具日期：2025年5月10日",
                ]
            ]
        ),
        {"material": "jiechu-zhengming", "name": ZHANG.name, "issue_date": "2025-05-10"},
    ),
]

# Upload patterns (issue 10): how applicants really send their documents.
ZHANG_VALID = ("2016.03.01", "2036.03.01")  # 20 years from age 27: fits his birth date
WANG_FANG_VALID = ("2018.01.10", "2028.01.10")  # 10 years from age 25
ZHANG_FRONT = {"name": ZHANG.name, "id_number": ZHANG.id_number}
ZHANG_BACK = {"valid_until": "2036-03-01"}
UPLOADS: list[Doc] = [
    Doc("up_id_front.jpg", _photo(lambda: on_desk(id_front(ZHANG)), Shot(noise=5), 41),
        {"item": "gjj", "material": "sfz", **ZHANG_FRONT}),
    Doc("up_id_back.jpg", _photo(lambda: on_desk(id_back(*ZHANG_VALID)), Shot(noise=5), 42),
        {"item": "gjj", "material": "sfz", **ZHANG_BACK}),
    Doc("up_id_front_turned.jpg",
        _photo(lambda: on_desk(id_front(ZHANG)), Shot(turn=1, skew=1.5, noise=5), 43),
        {"item": "gjj", "material": "sfz", **ZHANG_FRONT, "rotation": 270}),
    Doc("up_id_front_tilted.jpg",
        _photo(lambda: on_desk(id_front(ZHANG)), Shot(tilt=0.18, skew=4, noise=5), 59),
        {"item": "gjj", "material": "sfz", **ZHANG_FRONT}),
    Doc("up_id_front_exif.jpg", _photo(lambda: on_desk(id_front(ZHANG)), Shot(exif=8, noise=5), 44),
        {"item": "gjj", "material": "sfz", **ZHANG_FRONT}),
    Doc("up_id_back_upside_down.jpg",
        _photo(lambda: on_desk(id_back(*ZHANG_VALID)), Shot(turn=2, noise=5), 45),
        {"item": "gjj", "material": "sfz", **ZHANG_BACK, "rotation": 180}),
    Doc("up_id_copy.jpg",
        _photo(lambda: copy_page([(id_front(ZHANG), (160, 260)), (id_back(*ZHANG_VALID), (160, 1000))],
                                 scale=0.9), Shot(noise=4), 46),
        {"item": "gjj", "material": "sfz", **ZHANG_FRONT, **ZHANG_BACK}),
    Doc("up_id_copy_couple.jpg",
        _photo(lambda: copy_page([(id_front(ZHANG), (60, 160)), (id_back(*ZHANG_VALID), (60, 1250)),
                                  (id_front(WANG_FANG), (850, 160)),
                                  (id_back(*WANG_FANG_VALID), (850, 1250))]),
               Shot(noise=4), 47),
        {"item": "gjj", "material": "sfz"}),
    Doc("up_wangfang_front.jpg", _photo(lambda: on_desk(id_front(WANG_FANG)), Shot(noise=5), 48),
        {"item": "gjj", "material": "peiou-sfz", "name": WANG_FANG.name,
         "id_number": WANG_FANG.id_number}),
    Doc("up_wangfang_back.jpg", _photo(lambda: on_desk(id_back(*WANG_FANG_VALID)), Shot(noise=5), 49),
        {"item": "gjj", "material": "peiou-sfz", "valid_until": "2028-01-10"}),
    Doc("up_merged.pdf",
        lambda: mixed_pdf([
            *lease_pages(ZHANG.name, dt.date(2025, 3, 1), dt.date(2026, 2, 28), dt.date(2025, 2, 20)),
            photograph_image(copy_page([(id_front(ZHANG), (160, 260)),
                                        (id_back(*ZHANG_VALID), (160, 1000))], scale=0.9)),
        ]),
        {"item": "gjj", "material": "zulin-hetong", "name": ZHANG.name}),
    *[
        Doc(f"up_lease_{k + 1}.jpg",
            _photo(lambda k=k: lease_photo_pages(ZHANG.name)[k], Shot(skew=1.0, noise=5), 50 + k),
            # Pages 2 and 3 alone are no document: they are judged within the case.
            {"item": "gjj", "material": "zulin-hetong", "name": ZHANG.name} if k == 0
            else {"item": "gjj", "part_of": "zulin-hetong"})
        for k in range(3)
    ],
    Doc("up_bank_card.jpg", _photo(bank_card_image, Shot(noise=5, skew=-2), 58),
        {"item": "rs", "material": "yinhang"}),
    Doc("up_bank_page.jpg", _photo(lambda: bank_page_image(ZHANG), Shot(noise=4), 54),
        {"item": "rs", "material": "yinhang", "name": ZHANG.name}),
    Doc("up_resolution_sealed.jpg", _photo(lambda: resolution_image(True), Shot(noise=4), 55),
        {"item": "qy", "material": "renzhi", "signature": True}),
    Doc("up_resolution_unsigned.jpg", _photo(lambda: resolution_image(False), Shot(noise=4), 56),
        {"item": "qy", "material": "renzhi", "signature": False}),
    Doc("up_statement.docx", statement_form_docx,
        {"item": "qy", "material": "shenqingshu", "name": COMPANY, "legal_rep": ZHANG.name}),
    Doc("up_poa.docx",
        lambda: docx_form(
            "授权委托书",
            [("委托人", ZHANG.name), ("委托人身份证号", ZHANG.id_number), ("受托人", WANG_FANG.name),
             ("受托人身份证号", WANG_FANG.id_number), ("委托事项", "代为办理住房公积金提取")],
            ["委托人（签字）：张三", "日期：2025年5月20日"],
        ),
        {"item": "gjj", "material": "weituoshu", "name": ZHANG.name}),
    Doc("up_termination.jpg", _photo(lambda: termination_form_image(ZHANG), Shot(noise=4), 57),
        {"item": "rs", "material": "jiechu-zhengming", "name": ZHANG.name,
         "id_number": ZHANG.id_number, "issue_date": "2025-05-10"}),
]  # fmt: skip
DOCS += UPLOADS

DOC_BY_NAME = {doc.name: doc for doc in DOCS}


def write_docs(out: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write the documents (all, or those named) into ``out``; returns name → path."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for doc in DOCS:
        if names is not None and doc.name not in names:
            continue
        path = out / doc.name
        if not path.exists():
            random.seed(doc.name)
            path.write_bytes(doc.build())
        paths[doc.name] = path
    (out / "truth.json").write_text(
        json.dumps({d.name: d.truth for d in DOCS}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/output/docs")
    for _name, path in write_docs(target).items():
        print(f"{path}  ({path.stat().st_size // 1024} KB)")
