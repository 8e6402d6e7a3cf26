"""Blind pre-review set: realistic applicant uploads with their own truth table.

    python -m tests.prereview.blind.make_blind OUT_DIR

writes OUT_DIR/<case_id>/upload_N.<ext> and OUT_DIR/cases.json. Written from
shared/GUIDE_FORMAT.md, shared/DESIGN.md and the sample guides only, without
reading the pre-review engine. Everything is fictitious and seeded.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import yaml
from PIL import Image

from . import docs
from .ident import Company, Person, add_years, break_check, break_uscc, make_uscc
from .render import (
    DocFonts,
    Flow,
    phone_photo,
    raster,
    save_jpeg,
    scan_look,
    unreadable,
    write_docx,
    write_image_pdf,
    write_pdf,
)

SEED = 20261130
SAMPLES = Path(__file__).resolve().parents[3] / "knowledge" / "samples"
BASE_DATE = date(2026, 11, 16)

# ---------------------------------------------------------------- truth from the guide's rules


@cache
def guide(item: str) -> dict:
    hits = list(SAMPLES.rglob(f"{item}.yaml"))
    if not hits:
        raise FileNotFoundError(f"sample guide {item}.yaml not found under {SAMPLES}")
    return yaml.safe_load(hits[0].read_text(encoding="utf-8"))


def expected(item: str, situations: list[str], provided: dict[str, str]) -> dict[str, str]:
    """Statuses under GUIDE_FORMAT.md's rules.

    provided maps a material id to 'ok' or 'defective' for what the uploads
    really contain (an unreadable file already resolved to its material)."""
    g = guide(item)
    mats = g.get("materials") or []
    ids = {m["id"] for m in mats}
    unknown = set(provided) - ids
    if unknown:
        raise ValueError(f"{item}: no material {sorted(unknown)}")
    sit_ids = {s["id"] for s in g.get("situations") or []}
    if set(situations) - sit_ids:
        raise ValueError(f"{item}: no situation {sorted(set(situations) - sit_ids)}")

    def applies(m: dict) -> bool:
        s = m.get("situation")
        if s is None:
            return True
        s = [s] if isinstance(s, str) else s
        return any(x in situations for x in s)

    group_ok: dict[str, bool] = {}
    for m in mats:
        if m.get("one_of") and applies(m) and provided.get(m["id"]) == "ok":
            group_ok[m["one_of"]] = True
    out: dict[str, str] = {}
    for m in mats:
        mid = m["id"]
        if not applies(m):
            out[mid] = "not_applicable"
        elif mid in provided:
            out[mid] = provided[mid]
        elif m.get("one_of") and group_ok.get(m["one_of"]):
            out[mid] = "not_applicable"
        elif m.get("required", True) is False:
            out[mid] = "optional"
        elif m.get("shared"):
            out[mid] = "waived"
        elif m.get("deferrable"):
            out[mid] = "deferrable"
        else:
            out[mid] = "missing"
    for m in mats:  # a defective member leaves a one_of group undecided: not used by this set
        if (
            m.get("one_of")
            and provided.get(m["id"]) == "defective"
            and not group_ok.get(m["one_of"])
        ):
            raise ValueError(f"{item}: defective one_of member {m['id']} is ambiguous; avoid it")
    return out


# ---------------------------------------------------------------- people and companies

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN_M = [
    "建国",
    "志强",
    "俊杰",
    "浩然",
    "明轩",
    "子豪",
    "国栋",
    "文斌",
    "立新",
    "海峰",
    "宇航",
    "承泽",
    "嘉诚",
    "振华",
    "晨阳",
    "永康",
    "德胜",
    "天佑",
]
GIVEN_F = [
    "秀英",
    "丽娟",
    "晓雯",
    "雨桐",
    "思琪",
    "婉清",
    "慧敏",
    "佳怡",
    "静怡",
    "若曦",
    "梦瑶",
    "欣怡",
    "海燕",
    "春梅",
    "玉兰",
    "雅琴",
    "诗涵",
    "可馨",
]
LOCAL = [
    ("320211", "江苏省示范市城西区", "示范市公安局城西分局"),
    ("320213", "江苏省示范市城东区", "示范市公安局城东分局"),
    ("320214", "江苏省示范市新区", "示范市公安局新区分局"),
]
AWAY = [
    ("340104", "安徽省合肥市蜀山区", "合肥市公安局蜀山分局"),
    ("410105", "河南省郑州市金水区", "郑州市公安局金水分局"),
    ("430102", "湖南省长沙市芙蓉区", "长沙市公安局芙蓉分局"),
    ("510107", "四川省成都市武侯区", "成都市公安局武侯分局"),
]
STREETS = [
    "梧桐路",
    "和平路",
    "解放南路",
    "滨湖大道",
    "学府街",
    "长江北路",
    "桃源巷",
    "建设东路",
    "青石街",
    "新华路",
]
SHOPS = ["面馆", "小吃店", "饺子馆", "奶茶店", "烧烤店", "米粉店", "包子铺", "便利店"]


class World:
    """Fictitious people and companies, unique across the set."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def name(self, male: bool) -> str:
        while True:
            n = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_M if male else GIVEN_F)
            if n not in self.used:
                self.used.add(n)
                return n

    def address(self, district: str) -> str:
        r = self.rng
        return f"{district}{r.choice(STREETS)}{r.randrange(1, 300)}号{r.randrange(1, 30)}幢{r.randrange(1, 28)}0{r.randrange(1, 4)}室"

    def person(
        self,
        on: date,
        male: bool | None = None,
        age: int | None = None,
        state: str = "ok",
        local: bool = True,
    ) -> Person:
        r = self.rng
        male = r.random() < 0.5 if male is None else male
        age = age or r.randrange(24, 58)
        birth = date(on.year - age, r.randrange(1, 13), r.randrange(1, 29))
        region, district, issuer = r.choice(LOCAL if local or r.random() < 0.3 else AWAY)
        if state == "expired":
            valid_to = on - timedelta(days=r.randrange(25, 200))
            valid_from = add_years(valid_to, -10 if age < 36 else -20)
        elif state == "long":
            valid_from = on - timedelta(days=r.randrange(400, 3000))
            valid_to = None
        else:
            valid_from = on - timedelta(days=r.randrange(200, 3200))
            valid_to = add_years(valid_from, 20)
            if age - (on - valid_from).days // 365 < 26:
                valid_to = add_years(valid_from, 10)
            if valid_to < on + timedelta(days=200):
                valid_to = add_years(valid_from, 20)
        return Person(
            name=self.name(male),
            male=male,
            birth=birth,
            region=region,
            address=self.address(district),
            issuer=issuer,
            valid_from=valid_from,
            valid_to=valid_to,
            seq=r.randrange(1, 499),
        )

    def company(self, legal_rep: str, getihu: bool = False) -> Company:
        r = self.rng
        if getihu:
            name = f"示范市城西区{legal_rep[0]}记{r.choice(SHOPS)}"
            while name in self.used:
                name = f"示范市城{r.choice('东西')}区{legal_rep}{r.choice(SHOPS)}"
        else:
            name = f"示范市{r.choice(['禾丰', '锦程', '味之源', '鑫悦', '膳坊', '百味轩', '和顺', '悦来'])}{r.choice(['餐饮管理', '食品', '商贸', '酒店管理'])}有限公司"
            while name in self.used:
                name = name.replace("有限公司", f"{r.choice('一二三')}店有限公司")
        self.used.add(name)
        return Company(
            name=name,
            uscc=make_uscc(r, r.choice(["320211", "320213", "320214"]), getihu=getihu),
            legal_rep=legal_rep,
            address=self.address("示范市城西区").split("号")[0] + "号",
            founded=date(r.randrange(2015, 2024), r.randrange(1, 13), r.randrange(1, 29)),
            getihu=getihu,
            kind="个体工商户" if getihu else "有限责任公司（自然人投资或控股）",
        )


# ---------------------------------------------------------------- one case


class Ctx:
    def __init__(
        self, out: Path, case_id: str, item: str, on: date, rng: random.Random, world: World
    ):
        self.dir = out / case_id
        self.dir.mkdir(parents=True, exist_ok=True)
        self.id, self.item, self.date, self.rng, self.w = case_id, item, on, rng, world
        self.files: list[str] = []
        self.provided: dict[str, str] = {}

    def _next(self, ext: str) -> Path:
        name = f"upload_{len(self.files) + 1}.{ext}"
        self.files.append(name)
        return self.dir / name

    # ---- writers
    def jpg(
        self, img: Image.Image, quality: int | None = None, orientation: int | None = None
    ) -> None:
        save_jpeg(img, self._next("jpg"), quality or self.rng.randrange(68, 93), orientation)

    def png(self, img: Image.Image) -> None:
        img.convert("RGB").save(self._next("png"), "PNG", optimize=False)

    def same_again(self) -> None:
        last = self.dir / self.files[-1]
        self._next(last.suffix[1:]).write_bytes(last.read_bytes())

    def pdf(self, blocks: list[tuple]) -> None:
        f = DocFonts(self.rng, pdf=True)
        write_pdf(Flow(f, self.rng).run(blocks), f, self._next("pdf"))

    def scan_pdf(self, pages: list[Image.Image]) -> None:
        write_image_pdf(
            [scan_look(p, self.rng, grey=self.rng.random() < 0.6) for p in pages],
            self._next("pdf"),
            quality=self.rng.randrange(60, 85),
        )

    def docx(self, blocks: list[tuple]) -> None:
        write_docx(blocks, self._next("docx"), self.rng, DocFonts(self.rng, pdf=True))

    # ---- common uploads
    def pages(self, blocks: list[tuple]) -> list[Image.Image]:
        f = DocFonts(self.rng)
        return raster(Flow(f, self.rng).run(blocks), f)

    def page_photos(self, blocks: list[tuple], shuffle: bool = False) -> None:
        imgs = [
            phone_photo(p, self.rng, out=(1500, 2000), fill=0.86, tilt=0.04, blur=0.6)
            for p in self.pages(blocks)
        ]
        order = list(range(len(imgs)))
        if shuffle:
            while order == sorted(order) and len(order) > 1:
                self.rng.shuffle(order)
        for k in order:
            self.jpg(imgs[k])

    def card_photo(
        self,
        card: Image.Image,
        rot: int = 0,
        exif: bool = False,
        portrait: bool = False,
        fill: float | None = None,
    ) -> None:
        out = (1200, 1600) if portrait else (1600, 1200)
        img = phone_photo(
            card,
            self.rng,
            out=out,
            fill=fill or self.rng.uniform(0.55, 0.75),
            tilt=self.rng.uniform(0.02, 0.08),
            blur=self.rng.uniform(0.4, 1.1),
        )
        if exif:
            self.jpg(img.transpose(Image.Transpose.ROTATE_90), orientation=6)
            return
        if rot:
            img = img.rotate(rot, expand=True)
        self.jpg(img)

    def id_photos(
        self, p: Person, back_first: bool = False, rots=(0, 0), exif=(False, False)
    ) -> None:
        sides = [("f", docs.id_front(p, self.rng)), ("b", docs.id_back(p, self.rng))]
        if back_first:
            sides.reverse()
        portrait = self.rng.random() < 0.25
        for (_, card), rot, ex in zip(sides, rots, exif, strict=True):
            self.card_photo(card, rot=rot, exif=ex, portrait=portrait)

    def id_copy(
        self,
        people: list[Person],
        stamp: str | None = None,
        as_pdf: bool = False,
        photo: bool = False,
    ) -> None:
        page = docs.id_copy_page(people, self.rng, stamp=stamp, back_first=self.rng.random() < 0.2)
        if as_pdf:
            self.scan_pdf([page])
        elif photo:
            self.jpg(phone_photo(page, self.rng, out=(1500, 2000), fill=0.88, tilt=0.03))
        else:
            self.jpg(scan_look(page, self.rng), quality=80)

    def d(self, days: int) -> date:
        return self.date + timedelta(days=days)


# ---------------------------------------------------------------- helpers for the cases


def phone(rng: random.Random) -> str:
    return rng.choice(["138", "139", "151", "158", "177", "186", "189"]) + "".join(
        str(rng.randrange(10)) for _ in range(8)
    )


def lease(c: Ctx, tenant: Person, state: str = "ok", addr: str | None = None) -> list[tuple]:
    r = c.rng
    lessor = c.w.person(c.date, age=r.randrange(45, 70))
    if state == "expired":
        end = c.d(-r.randrange(30, 90))
        start = add_years(end + timedelta(days=1), -1)
    else:
        start = c.d(-r.randrange(60, 200))
        end = add_years(start, 1) - timedelta(days=1)
    addr = addr or c.w.address("示范市城西区")
    return docs.lease_blocks(
        r,
        lessor,
        tenant,
        addr,
        start,
        end,
        start - timedelta(days=r.randrange(1, 8)),
        r.choice([1200, 1500, 1800, 2300, 2600, 3200]),
    )


def getihu_form(c: Ctx, op: Person, family: Person | None = None) -> list[tuple]:
    shop = f"示范市城西区{op.name[0]}记{c.rng.choice(SHOPS)}"
    return docs.getihu_form_blocks(
        c.rng,
        op,
        shop,
        c.w.address("示范市城西区"),
        phone(c.rng),
        "餐饮服务（小餐饮）；预包装食品销售",
        c.d(-2),
        family,
    )


def health(c: Ctx, p: Person, state: str = "ok", with_valid: bool = True) -> Image.Image:
    # "old": checked more than a year ago, so also out of its one-year validity
    checked = c.d(-c.rng.randrange(20, 250)) if state == "ok" else c.d(-c.rng.randrange(400, 520))
    valid = checked + timedelta(days=364) if with_valid else None
    return docs.health_cert(
        p,
        c.rng,
        checked,
        valid,
        title=c.rng.choice(["健康证明", "食品从业人员健康证明", "健康合格证"]),
    )


def termination(c: Ctx, p: Person, age_days: int, company: str) -> list[tuple]:
    issued = c.d(-age_days)
    ended = issued - timedelta(days=c.rng.randrange(0, 4))
    hired = ended - timedelta(days=c.rng.randrange(500, 3000))
    reason = c.rng.choice(
        ["劳动合同期满，用人单位不再续订", "双方协商一致", "用人单位经营调整、岗位撤销"]
    )
    return docs.termination_blocks(c.rng, p, company, hired, ended, issued, reason)


def employer(c: Ctx) -> str:
    return f"示范市{c.rng.choice(['恒通', '瑞丰', '启明', '新湖', '远航'])}{c.rng.choice(['物流', '电子科技', '服装', '商贸'])}有限公司"


# ---------------------------------------------------------------- cases: 个体工商户设立登记


def getihu_01(c: Ctx) -> dict:
    op = c.w.person(c.date)
    c.docx(getihu_form(c, op))
    c.id_photos(op)
    c.pdf(lease(c, op))
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "ok", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name,
        pattern="id_two_photos",
        note="申请书 DOCX（表格，标签右侧填值，含“申请人声明”标题）；身份证正反面两张手机照片；租赁合同 PDF 文字层。",
    )


def getihu_02(c: Ctx) -> dict:
    op = c.w.person(c.date)
    c.id_photos(op, back_first=True, rots=(180, 90))
    c.scan_pdf(c.pages(getihu_form(c, op)))
    c.pdf(lease(c, op))
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "ok", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name,
        pattern="id_back_first_rotated",
        note="先传国徽面且倒置180°，人像面转了90°（无EXIF）；申请书为扫描PDF（无文字层）。",
    )


def getihu_03(c: Ctx) -> dict:
    op = c.w.person(c.date)
    c.id_photos(op, exif=(True, False))
    c.page_photos(lease(c, op), shuffle=True)
    c.docx(getihu_form(c, op))
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "ok", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name,
        pattern="id_exif_rotated",
        note="人像面照片像素横置、EXIF Orientation=6；租赁合同三张手机照片顺序打乱，签字在最后一页。",
    )


def getihu_04(c: Ctx) -> dict:
    op = c.w.person(c.date)
    c.docx(getihu_form(c, op))
    c.card_photo(docs.id_front(op, c.rng))
    c.pdf(lease(c, op))
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "defective", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name,
        pattern="id_one_side",
        note="只传了身份证人像面，缺国徽面（有效期限）：应提示补充身份证另一面。",
    )


def getihu_05(c: Ctx) -> dict:
    op = c.w.person(c.date)
    lessor = c.w.person(c.date, age=60)
    c.docx(getihu_form(c, op))
    c.id_photos(op)
    paid = c.d(-10)
    c.page_photos(
        docs.receipt_blocks(
            c.rng,
            op.name,
            lessor.name,
            5400,
            paid,
            f"{paid.year}年{paid.month}月至{paid.month + 2 if paid.month < 11 else 12}月",
        )
    )
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "ok"})
    return dict(
        applicant=op.name,
        pattern="unrecognised_distractor",
        note="用房租收据代替租赁合同：收据应列为无法识别，经营场所证明（三选一）全部缺失。",
    )


def getihu_06(c: Ctx) -> dict:
    op = c.w.person(c.date)
    spouse = c.w.person(c.date, male=not op.male)
    c.docx(getihu_form(c, op))
    c.id_photos(spouse)
    c.pdf(lease(c, op))
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "defective", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name,
        pattern="other_persons_id",
        note=f"上传的是配偶{spouse.name}的身份证（正反面齐全、有效），与经营者不符（names_match）。",
    )


def getihu_07(c: Ctx) -> dict:
    op = c.w.person(c.date, state="expired", age=44)
    c.docx(getihu_form(c, op))
    c.id_photos(op)
    c.pdf(lease(c, op))
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "defective", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name, pattern="expired_id", note=f"身份证有效期至{op.valid_to}，早于审查日期。"
    )


def getihu_08(c: Ctx) -> dict:
    op = c.w.person(c.date)
    copy = scan_look(docs.id_copy_page([op], c.rng), c.rng)
    blocks = [*getihu_form(c, op), ("break",), ("image", copy, 170), ("break",), *lease(c, op)]
    c.pdf(blocks)
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "ok", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name,
        pattern="merged_pdf",
        note="一个PDF：申请书（文字层）+ 身份证正反面复印页（图片页）+ 租赁合同（文字层）。",
    )


def getihu_09(c: Ctx) -> dict:
    op = c.w.person(c.date, male=True, age=38)
    sp = c.w.person(c.date, male=False, age=36)
    c.id_copy([op, sp], stamp="仅供办理个体工商户登记使用 他用无效")
    c.card_photo(docs.marriage_cert(op, sp, sp, c.rng, c.d(-2100), "320211"), fill=0.8)
    c.docx(getihu_form(c, op, family=sp))
    c.pdf(lease(c, op))
    c.provided.update(
        {
            "shenqingshu": "ok",
            "jingyingzhe-sfz": "ok",
            "jiating-sfz": "ok",
            "jiating-jiehun": "ok",
            "changsuo-zulin": "ok",
        }
    )
    return dict(
        applicant=op.name,
        situations=["family"],
        pattern="a4_copy_two_people",
        note="夫妻家庭经营：两人身份证正反面复印在一张A4上（手写“仅供…使用”）；结婚证内页照片（持证人为妻子）。",
    )


def getihu_10(c: Ctx) -> dict:
    op = c.w.person(c.date, male=False, age=50)
    son = c.w.person(c.date, male=True, age=24)
    son.address = op.address
    c.scan_pdf(
        docs.hukou_pages(
            op, [(op, "户主"), (son, "子")], c.rng, c.d(-3000), str(c.rng.randrange(10**8, 10**9))
        )
    )
    c.id_photos(son)
    c.id_copy([op], stamp="仅供个体户登记使用")
    c.docx(getihu_form(c, op, family=son))
    c.page_photos(lease(c, op))
    c.provided.update(
        {
            "shenqingshu": "ok",
            "jingyingzhe-sfz": "ok",
            "jiating-sfz": "ok",
            "jiating-hukou": "ok",
            "changsuo-zulin": "ok",
        }
    )
    return dict(
        applicant=op.name,
        situations=["family"],
        pattern="household_register_scan",
        note="母子家庭经营：户口簿首页+两张常住人口登记卡扫描PDF；儿子身份证两张照片；经营者身份证A4复印件。",
    )


def getihu_11(c: Ctx) -> dict:
    op = c.w.person(c.date)
    ag = c.w.person(c.date)
    c.pdf(docs.weituo_blocks(c.rng, op.name, op.id_number, ag, "个体工商户设立登记", c.d(-3)))
    c.id_photos(ag)
    c.id_copy([op], stamp="仅供办理个体工商户设立登记使用")
    c.docx(getihu_form(c, op))
    c.pdf(lease(c, op))
    c.provided.update(
        {
            "shenqingshu": "ok",
            "jingyingzhe-sfz": "ok",
            "weituoshu": "ok",
            "dailiren-sfz": "ok",
            "changsuo-zulin": "ok",
        }
    )
    return dict(
        applicant=op.name,
        situations=["agent"],
        pattern="agent_running_text",
        note="委托代办：授权委托书为连续文字（委托人/受托人写在正文里）；代理人身份证两张照片；经营者身份证A4复印件。",
    )


def getihu_12(c: Ctx) -> dict:
    op = c.w.person(c.date)
    ag = c.w.person(c.date)
    c.id_photos(op)
    c.id_photos(ag, back_first=True)
    c.docx(getihu_form(c, op))
    c.pdf(lease(c, op))
    c.provided.update(
        {"shenqingshu": "ok", "jingyingzhe-sfz": "ok", "dailiren-sfz": "ok", "changsuo-zulin": "ok"}
    )
    return dict(
        applicant=op.name,
        situations=["agent"],
        pattern="missing_material",
        note="委托代办但没有授权委托书；两个人的身份证各两张照片（代理人的国徽面先传）。",
    )


def getihu_13(c: Ctx) -> dict:
    op = c.w.person(c.date)
    ag = c.w.person(c.date)
    c.id_photos(op)
    c.docx(getihu_form(c, op))
    c.pdf(lease(c, op))
    c.docx(
        docs.weituo_blocks(
            c.rng, op.name, op.id_number, ag, "个体工商户设立登记", c.d(-1), table=True
        )
    )
    c.provided.update({"shenqingshu": "ok", "jingyingzhe-sfz": "ok", "changsuo-zulin": "ok"})
    return dict(
        applicant=op.name,
        pattern="situation_not_selected",
        note="多传了一份授权委托书，但未选择“委托他人代办”情形：委托书一项为 not_applicable，不影响齐全。",
    )


# ---------------------------------------------------------------- cases: 小餐饮登记


def xcy_set(
    c: Ctx,
    op: Person,
    *,
    buju: bool = True,
    health_state: str = "ok",
    id_card: Person | None = None,
    id_mode: str = "photos",
) -> None:
    shop = f"{op.name[0]}记{c.rng.choice(SHOPS)}"
    addr = c.w.address("示范市城西区")
    c.docx(docs.xcy_form_blocks(c.rng, op, shop, addr, phone(c.rng), c.d(-2), below=True))
    who = id_card or op
    if id_mode == "photos":
        c.id_photos(who)
    elif id_mode == "front_twice":
        c.card_photo(docs.id_front(who, c.rng))
        c.same_again()
    staff = c.w.person(c.date, age=c.rng.randrange(20, 50))
    c.card_photo(health(c, staff, health_state), fill=0.7)
    c.pdf(lease(c, op, addr=addr))
    c.pdf(docs.food_promise_blocks(c.rng, op, shop, c.d(-2)))
    if buju:
        c.jpg(
            phone_photo(
                docs.floor_plan(
                    c.rng, ["就餐区", "操作间", "冷藏", "收银"], title="经营场所平面布局图"
                ),
                c.rng,
                out=(1600, 1200),
                fill=0.8,
                tilt=0.04,
            )
        )
    c.provided.update({"dengji-sqb": "ok", "changsuo-zulin": "ok", "shipin-anquan-chengnuo": "ok"})
    c.provided["jingyingzhe-sfz"] = "ok" if id_mode == "photos" and id_card is None else "defective"
    c.provided["jiankang-zhengming"] = "ok" if health_state == "ok" else "defective"
    if buju:
        c.provided["buju-tu"] = "ok"


def xcy_01(c: Ctx) -> dict:
    op = c.w.person(c.date)
    xcy_set(c, op)
    return dict(
        applicant=op.name,
        pattern="form_values_below_labels",
        note="登记申请表 DOCX 标签一行、值在下一行；手绘布局图照片；营业执照不提交（免提交）。",
    )


def xcy_02(c: Ctx) -> dict:
    op = c.w.person(c.date)
    xcy_set(c, op, buju=False)
    return dict(
        applicant=op.name,
        pattern="deferrable_absent",
        note="未交平面布局图：容缺受理（deferrable），其余齐全。",
    )


def xcy_03(c: Ctx) -> dict:
    op = c.w.person(c.date)
    xcy_set(c, op, health_state="expired")
    return dict(
        applicant=op.name,
        pattern="expired_health_cert",
        note="从业人员健康证明体检已超一年，有效期至早于审查日期。",
    )


def xcy_04(c: Ctx) -> dict:
    op = c.w.person(c.date)
    xcy_set(c, op)
    co = c.w.company(op.name, getihu=True)
    c.card_photo(
        docs.licence(co, c.rng, "正本", co.founded, "示范市城西区市场监督管理局"), fill=0.85
    )
    c.provided["yingye-zhizhao"] = "ok"
    return dict(
        applicant=op.name,
        pattern="shared_provided_ok",
        note="免提交的营业执照仍拍照上传（个体户正本，经营者为申请人）：ok。",
    )


def xcy_05(c: Ctx) -> dict:
    op = c.w.person(c.date)
    xcy_set(c, op)
    other = c.w.person(c.date)
    co = c.w.company(other.name, getihu=True)
    c.card_photo(
        docs.licence(co, c.rng, "副本", co.founded, "示范市城西区市场监督管理局"), fill=0.85
    )
    c.provided["yingye-zhizhao"] = "defective"
    return dict(
        applicant=op.name,
        pattern="shared_provided_wrong_name",
        note=f"上传了他人（经营者{other.name}）的个体户营业执照：免提交材料但提供了且核对不符，应为 defective。",
    )


def xcy_06(c: Ctx) -> dict:
    op = c.w.person(c.date)
    op.printed_id = break_check(op.id_number)
    xcy_set(c, op, id_card=op)
    return dict(
        applicant=op.name, pattern="bad_check_digit", note="身份证号码校验位错误（GB 11643）。"
    )


def xcy_07(c: Ctx) -> dict:
    op = c.w.person(c.date)
    ag = c.w.person(c.date)
    xcy_set(c, op)
    c.docx(docs.weituo_blocks(c.rng, op.name, op.id_number, ag, "小餐饮登记", c.d(-1), table=True))
    c.id_copy([ag], stamp="仅供小餐饮登记使用", as_pdf=True)
    c.provided.update({"weituoshu": "ok", "dailiren-sfz": "ok"})
    return dict(
        applicant=op.name,
        situations=["agent"],
        pattern="agent_table_letter",
        note="委托书 DOCX 表格（委托人/受托人在单元格里）；代理人身份证复印件扫描PDF。",
    )


def xcy_08(c: Ctx) -> dict:
    op = c.w.person(c.date)
    xcy_set(c, op, id_mode="front_twice")
    return dict(
        applicant=op.name,
        pattern="id_same_photo_twice",
        note="同一张身份证人像面照片传了两次，没有国徽面。",
    )


# ---------------------------------------------------------------- cases: 食品经营许可


def spjy_set(
    c: Ctx,
    co: Company,
    rep: Person,
    *,
    zhidu: bool = True,
    buju: bool = True,
    health_state: str = "ok",
    n_health: int = 1,
) -> None:
    site = co.address
    c.docx(docs.spjy_form_blocks(c.rng, co, site, c.d(-3)))
    c.id_copy([rep], stamp="仅供办理食品经营许可使用", as_pdf=True)
    for _ in range(n_health):
        staff = c.w.person(c.date, age=c.rng.randrange(20, 50))
        c.card_photo(health(c, staff, health_state, with_valid=c.rng.random() < 0.6), fill=0.7)
    if buju:
        c.pdf(docs.buju_blocks(c.rng, site, detailed=True))
    if zhidu:
        c.pdf(docs.zhidu_blocks(c.rng, co.name))
    c.provided.update(
        {
            "shenqingshu": "ok",
            "fzr-sfz": "ok",
            "jiankang": "ok" if health_state == "ok" else "defective",
        }
    )
    if buju:
        c.provided["buju"] = "ok"
    if zhidu:
        c.provided["zhidu"] = "ok"


def spjy_01(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    spjy_set(c, co, rep, n_health=2)
    return dict(
        applicant=co.name,
        pattern="company_seal_forms",
        note="单位申请：申请书 DOCX（表格，红色圆形公章+法定代表人签字）；法定代表人身份证复印件为无文字层扫描PDF；两名从业人员健康证明。",
    )


def spjy_02(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    spjy_set(c, co, rep, health_state="old")
    return dict(
        applicant=co.name,
        pattern="health_cert_too_old",
        note="健康证明体检日期超过365天（issued_within_days:365）。",
    )


def spjy_03(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    spjy_set(c, co, rep, zhidu=False)
    c.png(docs.e_licence_screen(co, c.rng, c.d(-1)))
    c.provided["yyzz"] = "ok"
    return dict(
        applicant=co.name,
        pattern="e_licence_screenshot",
        note="电子营业执照小程序截图（PNG）；未交食品安全管理制度（容缺）。",
    )


def spjy_04(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    co.printed_uscc = break_uscc(co.uscc)
    spjy_set(c, co, rep)
    c.card_photo(docs.licence(co, c.rng, "副本", co.founded, "示范市市场监督管理局"), fill=0.88)
    c.provided["yyzz"] = "defective"
    return dict(
        applicant=co.name,
        pattern="licence_bad_uscc",
        note="营业执照副本照片上的统一社会信用代码校验位错误（GB 32100）；免提交材料但提供了且不合格。",
    )


def spjy_05(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    ag = c.w.person(c.date)
    spjy_set(c, co, rep)
    c.scan_pdf(
        c.pages(
            docs.weituo_blocks(
                c.rng,
                co.name,
                co.uscc,
                ag,
                "食品经营许可申请",
                c.d(-120),
                seal_name=co.name,
                period="自签署之日起至该事项办结之日止",
            )
        )
    )
    c.id_photos(ag)
    c.provided.update({"weituoshu": "defective", "daili-sfz": "ok"})
    return dict(
        applicant=co.name,
        situations=["agent"],
        pattern="letter_too_old",
        note="单位盖章的授权委托书签于120天前（issued_within_days:90）；代理人身份证两张照片。",
    )


def spjy_06(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    spjy_set(c, co, rep)
    c.pdf(
        docs.vending_blocks(
            c.rng,
            co.name,
            [
                c.w.address("示范市城东区").split("号")[0] + "号 写字楼一楼大堂",
                "示范市新区学府街18号 图书馆东门",
            ],
        )
    )
    mgr = c.w.person(c.date)
    c.scan_pdf(c.pages(docs.anquanyuan_blocks(c.rng, mgr, c.d(-200))))
    c.provided.update({"zidong-sheshi": "ok", "anquanyuan": "ok"})
    return dict(
        applicant=co.name,
        situations=["vending"],
        pattern="optional_provided",
        note="自动售货机情形：设备放置地点清单（表格+设备照片）；另交了非必要的食品安全管理人员考核合格证明。",
    )


def spjy_07(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    spjy_set(c, co, rep, buju=False)
    c.page_photos(
        docs.basic_account_blocks(
            c.rng,
            co,
            "示范农村商业银行城西支行",
            "3202" + str(c.rng.randrange(10**14, 10**15)),
            c.d(-900),
        )
    )
    return dict(
        applicant=co.name,
        pattern="unrecognised_distractor",
        note="多传了“基本存款账户信息”（原开户许可证），不属本事项任何材料；缺平面布局图。",
    )


def spjy_08(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    spjy_set(c, co, rep)
    trad = co.name.translate(
        str.maketrans("丰锦程顺来鑫悦坊轩饮管理贸店酒业", "豐錦程順來鑫悅坊軒飲管理貿店酒業")
    )
    trad = (
        trad.replace("示范市", "示範市")
        .replace("餐饮", "餐飲")
        .replace("商贸", "商貿")
        .replace("有限公司", "有限公司")
    )
    return dict(
        applicant=trad,
        pattern="traditional_applicant",
        note="申请人名称以繁体输入（" + trad + "），文件为简体：应视为同一名称。",
    )


# ---------------------------------------------------------------- cases: 失业保险金


def shiye_base(
    c: Ctx,
    p: Person,
    *,
    cert_age: int = 18,
    cert_person: Person | None = None,
    bank: bool = True,
    cert: str = "photo",
) -> None:
    c.id_photos(p)
    blocks = termination(c, cert_person or p, cert_age, employer(c))
    if cert == "photo":
        c.page_photos(blocks)
    elif cert == "scan":
        c.scan_pdf(c.pages(blocks))
    elif cert == "blurred":
        page = phone_photo(c.pages(blocks)[0], c.rng, out=(1500, 2000), fill=0.86)
        c.jpg(unreadable(c.rng, "blur", page), quality=70)
    if bank:
        acct = docs.card_number(c.rng)
        c.pdf(
            docs.bank_info_blocks(
                c.rng,
                p,
                "示范银行",
                "示范银行城西支行营业部",
                acct,
                c.d(-700),
                below=c.rng.random() < 0.5,
            )
        )
        c.provided["yinhang"] = "ok"
    c.provided["sfz"] = "ok"
    if cert == "blurred":
        c.provided["jiechu-zhengming"] = "defective"
    else:
        c.provided["jiechu-zhengming"] = (
            "ok" if cert_age <= 60 and cert_person is None else "defective"
        )


def shiye_01(c: Ctx) -> dict:
    p = c.w.person(c.date)
    shiye_base(c, p)
    return dict(
        applicant=p.name,
        pattern="seal_only_certificate",
        note="解除劳动合同证明为“兹证明…同志”连续文字，只有单位红章、无手写签名；银行账户信息页为表格（户名/账号/开户行）。",
    )


def shiye_02(c: Ctx) -> dict:
    p = c.w.person(c.date)
    shiye_base(c, p, cert_age=80)
    return dict(
        applicant=p.name,
        pattern="certificate_too_old",
        note="解除证明出具于80天前（issued_within_days:60）。",
    )


def shiye_03(c: Ctx) -> dict:
    p = c.w.person(c.date)
    shiye_base(c, p, cert="blurred")
    return dict(
        applicant=p.name,
        pattern="unreadable_photo",
        note="解除证明照片严重模糊、无法识读；它是唯一缺文件的必需材料，应判为该材料 defective（请重新拍照），而不是错误文件。",
    )


def shiye_04(c: Ctx) -> dict:
    p = c.w.person(c.date)
    shiye_base(c, p, bank=False, cert="scan")
    return dict(
        applicant=p.name,
        pattern="deferrable_absent",
        note="未提供银行账户（容缺）；解除证明为扫描PDF。",
    )


def shiye_05(c: Ctx) -> dict:
    p = c.w.person(c.date)
    co = employer(c)
    shiye_base(c, p)
    c.pdf(docs.award_blocks(c.rng, p, co, c.d(-40), c.d(-25)))
    c.provided["caijue"] = "ok"
    return dict(
        applicant=p.name,
        situations=["dispute"],
        pattern="dispute_award",
        note="劳动争议情形：仲裁裁决书 PDF 文字层。",
    )


def shiye_06(c: Ctx) -> dict:
    p = c.w.person(c.date)
    shiye_base(c, p)
    c.pdf(docs.qiuzhi_blocks(c.rng, p, phone(c.rng), c.d(-1)))
    c.provided["qiuzhi"] = "ok"
    return dict(
        applicant=p.name,
        pattern="id_wrapped_in_cell",
        note="求职登记表 PDF：身份证号在窄单元格里折成两行；非必要材料提供了。",
    )


def shiye_07(c: Ctx) -> dict:
    p = c.w.person(c.date)
    ag = c.w.person(c.date)
    shiye_base(c, p)
    c.page_photos(docs.weituo_blocks(c.rng, p.name, p.id_number, ag, "失业保险金申领", c.d(-5)))
    c.id_copy([ag], stamp="仅供代办失业保险金使用", photo=True)
    c.provided.update({"weituoshu": "ok", "daiban-sfz": "ok"})
    return dict(
        applicant=p.name,
        situations=["agent"],
        pattern="agent_running_text",
        note="委托书照片；代办人身份证A4复印件被手机拍下（复印件的照片）。",
    )


def shiye_08(c: Ctx) -> dict:
    p = c.w.person(c.date)
    other = c.w.person(c.date)
    shiye_base(c, p, cert_person=other)
    return dict(
        applicant=p.name,
        pattern="other_persons_certificate",
        note=f"解除证明写的是{other.name}（同事），不是申请人。",
    )


# ---------------------------------------------------------------- cases: 公积金租房提取


def gjj_01(c: Ctx) -> dict:
    p = c.w.person(c.date)
    c.id_photos(p, rots=(0, 270))
    c.page_photos(lease(c, p), shuffle=True)
    c.card_photo(docs.bank_card(c.rng, "示范银行", docs.card_number(c.rng)))
    c.provided.update({"sfz": "ok", "zulin-hetong": "ok", "yinhangka": "ok"})
    return dict(
        applicant=p.name,
        pattern="lease_photos_shuffled",
        note="租赁合同三张照片顺序打乱；国徽面照片转了270°；银行借记卡照片（银联）。",
    )


def gjj_02(c: Ctx) -> dict:
    p = c.w.person(c.date, male=True, age=33)
    sp = c.w.person(c.date, male=False, age=31)
    c.id_copy([p, sp], as_pdf=True)
    c.card_photo(docs.marriage_cert(p, sp, p, c.rng, c.d(-900), "320213"), fill=0.8)
    c.pdf(lease(c, p))
    c.provided.update({"sfz": "ok", "peiou-sfz": "ok", "jiehunzheng": "ok", "zulin-hetong": "ok"})
    return dict(
        applicant=p.name,
        situations=["married"],
        pattern="a4_copy_two_people",
        note="已婚：夫妻两人身份证正反面在同一张A4扫描PDF上；结婚证内页照片；未交银行卡（容缺）。",
    )


def gjj_03(c: Ctx) -> dict:
    p = c.w.person(c.date)
    c.id_photos(p)
    c.pdf(lease(c, p, state="expired"))
    c.card_photo(docs.bank_card(c.rng, "示范农商银行", docs.card_number(c.rng)))
    c.provided.update({"sfz": "ok", "zulin-hetong": "defective", "yinhangka": "ok"})
    return dict(applicant=p.name, pattern="lease_expired", note="租赁合同租期已结束。")


def gjj_04(c: Ctx) -> dict:
    p = c.w.person(c.date)
    friend = c.w.person(c.date)
    c.id_photos(p)
    c.page_photos(lease(c, friend))
    c.provided.update({"sfz": "ok", "zulin-hetong": "defective"})
    return dict(
        applicant=p.name,
        pattern="lease_other_tenant",
        note=f"租赁合同承租方是{friend.name}（合租室友），不是申请人；未婚。",
    )


def gjj_05(c: Ctx) -> dict:
    p = c.w.person(c.date)
    lessor = c.w.person(c.date, age=58)
    c.id_photos(p)
    c.pdf(lease(c, p))
    c.pdf(docs.transfer_blocks(c.rng, p, lessor, 2600, c.d(-12), "示范银行"))
    c.provided.update({"sfz": "ok", "zulin-hetong": "ok", "zujin-pingzheng": "ok"})
    return dict(
        applicant=p.name,
        pattern="optional_provided",
        note="另交了房租转账电子回单（非必要材料）；未交银行卡（容缺）。",
    )


def gjj_06(c: Ctx) -> dict:
    p = c.w.person(c.date, male=False, age=35)
    sp = c.w.person(c.date, male=True, age=37)
    c.id_photos(p)
    c.card_photo(docs.marriage_cert(sp, p, p, c.rng, c.d(-1500), "320214"), fill=0.8)
    c.pdf(lease(c, p))
    c.card_photo(docs.bank_card(c.rng, "示范银行", docs.card_number(c.rng)))
    c.provided.update({"sfz": "ok", "jiehunzheng": "ok", "zulin-hetong": "ok", "yinhangka": "ok"})
    return dict(
        applicant=p.name,
        situations=["married"],
        pattern="missing_material",
        note="已婚但没有交配偶身份证。",
    )


# ---------------------------------------------------------------- cases: 结婚登记


def jiehun_01(c: Ctx) -> dict:
    m = c.w.person(c.date, male=True, age=29)
    f = c.w.person(c.date, male=False, age=27)
    shots = []
    for p in (m, f):
        shots.append(docs.id_front(p, c.rng))
        shots.append(docs.id_back(p, c.rng))
    order = [2, 1, 0, 3]
    for k in order:
        c.card_photo(shots[k], rot=c.rng.choice([0, 0, 90]))
    c.provided.update({"id-card-man": "ok", "id-card-woman": "ok"})
    return dict(
        applicant=None,
        pattern="four_photos_shuffled",
        note="男女双方身份证四张照片顺序混杂（女方人像面、男方国徽面、男方人像面、女方国徽面）；声明书未交（现场签）。",
    )


def jiehun_02(c: Ctx) -> dict:
    m = c.w.person(c.date, male=True, age=31)
    f = c.w.person(c.date, male=False, age=30)
    c.id_copy([f, m], stamp="仅供婚姻登记使用")
    c.docx(docs.statement_blocks(c.rng, m, f, c.date))
    c.provided.update({"id-card-man": "ok", "id-card-woman": "ok", "statement": "ok"})
    return dict(
        applicant=None,
        pattern="a4_copy_two_people",
        note="双方身份证复印在同一张A4（女方在上）；声明书 DOCX 两页。",
    )


def jiehun_03(c: Ctx) -> dict:
    m = c.w.person(c.date, male=True, age=33)
    f = c.w.person(c.date, male=False, age=28)
    c.id_photos(m)
    c.docx(docs.statement_blocks(c.rng, m, f, c.date))
    c.jpg(unreadable(c.rng, "black"), quality=75)
    c.provided.update({"id-card-man": "ok", "statement": "ok", "id-card-woman": "defective"})
    return dict(
        applicant=None,
        pattern="unreadable_photo",
        note="第4个文件几乎全黑（镜头被遮挡）；唯一缺文件的必需材料是女方身份证，应判为其 defective（无法识读）。",
    )


def jiehun_04(c: Ctx) -> dict:
    m = c.w.person(c.date, male=True, age=30)
    f = c.w.person(c.date, male=False, age=35, state="expired")
    c.id_photos(m)
    c.id_photos(f, back_first=True)
    c.docx(docs.statement_blocks(c.rng, m, f, c.date))
    c.provided.update({"id-card-man": "ok", "id-card-woman": "defective", "statement": "ok"})
    return dict(
        applicant=None, pattern="expired_id", note=f"女方身份证有效期至{f.valid_to}，已过期。"
    )


def jiehun_05(c: Ctx) -> dict:
    m = c.w.person(c.date, male=True, age=27)
    f = c.w.person(c.date, male=False, age=26)
    c.card_photo(docs.id_front(m, c.rng))
    c.id_photos(f)
    c.docx(docs.statement_blocks(c.rng, m, f, c.date))
    c.provided.update({"id-card-man": "defective", "id-card-woman": "ok", "statement": "ok"})
    return dict(applicant=None, pattern="id_one_side", note="男方只传了人像面。")


# ---------------------------------------------------------------- cases: 社保卡申领


def sbk_01(c: Ctx) -> dict:
    p = c.w.person(c.date, age=58, state="long")
    c.id_photos(p)
    c.provided["sfz"] = "ok"
    return dict(
        applicant=p.name,
        pattern="id_two_photos",
        note="身份证有效期“长期”；一组 one_of 中身份证 ok，户口簿为 not_applicable；照片免提交。",
    )


def sbk_02(c: Ctx) -> dict:
    mom = c.w.person(c.date, male=False, age=38)
    kid = c.w.person(c.date, age=9)
    kid.address = mom.address
    pages = docs.hukou_pages(
        mom,
        [(kid, "子" if kid.male else "女")],
        c.rng,
        c.d(-3000),
        str(c.rng.randrange(10**8, 10**9)),
    )
    c.card_photo(pages[1], portrait=True, fill=0.85)
    c.id_copy([mom], stamp="仅供办理社保卡使用")
    c.provided.update({"hukoubu": "ok", "jianhuren-sfz": "ok"})
    return dict(
        applicant=kid.name,
        situations=["minor"],
        pattern="household_register_photo",
        note="未成年人：户口簿本人页（常住人口登记卡）照片；监护人身份证A4复印件。",
    )


def sbk_03(c: Ctx) -> dict:
    p = c.w.person(c.date)
    c.id_photos(p, rots=(90, 90))
    c.provided["sfz"] = "ok"
    return dict(
        applicant=p.name,
        situations=["huanling"],
        pattern="deferrable_absent",
        note="换领但未交原卡（容缺）；两张照片都侧转90°。",
    )


def sbk_04(c: Ctx) -> dict:
    p = c.w.person(c.date, age=72, state="long")
    ag = c.w.person(c.date, age=40)
    c.id_copy([p], stamp="仅供社保卡代办使用")
    blocks = docs.weituo_blocks(c.rng, p.name, p.id_number, ag, "社会保障卡申领、领卡", c.d(-2))
    c.docx(
        [
            (
                b[0],
                b[1]
                .replace("授 权 委 托 书", "社会保障卡代办委托书")
                .replace("授权委托书", "社会保障卡代办委托书"),
                *b[2:],
            )
            if b[0] == "title"
            else b
            for b in blocks
        ]
    )
    c.id_photos(ag)
    c.provided.update({"sfz": "ok", "weituoshu": "ok", "dailiren-sfz": "ok"})
    return dict(
        applicant=p.name,
        situations=["agent"],
        pattern="agent_letter_docx",
        note="老人委托子女代办：申领人身份证复印件、代办委托书 DOCX、代办人身份证照片。",
    )


# ---------------------------------------------------------------- cases: 企业简易注销


def zhuxiao_01(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    inv = c.w.person(c.date)
    c.docx(docs.zhuxiao_form_blocks(c.rng, co, c.d(-1)))
    c.pdf(docs.investors_blocks(c.rng, co, [rep.name, inv.name], c.d(-1)))
    c.card_photo(docs.licence(co, c.rng, "正本", co.founded, "示范市市场监督管理局"), fill=0.9)
    c.card_photo(docs.licence(co, c.rng, "副本", co.founded, "示范市市场监督管理局"), fill=0.9)
    c.provided.update({"zhuxiao-sqs": "ok", "chengnuoshu": "ok", "yingye-zhizhao": "ok"})
    return dict(
        applicant=co.name,
        pattern="licence_original_and_copy",
        note="营业执照正本、副本各一张照片（横版，含二维码和登记机关章）。",
    )


def zhuxiao_02(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    c.docx(docs.zhuxiao_form_blocks(c.rng, co, c.d(-1)))
    c.scan_pdf(c.pages(docs.investors_blocks(c.rng, co, [rep.name], c.d(-1))))
    c.provided.update({"zhuxiao-sqs": "ok", "chengnuoshu": "ok"})
    return dict(
        applicant=co.name, pattern="missing_material", note="未交营业执照正副本（本事项不免提交）。"
    )


def zhuxiao_03(c: Ctx) -> dict:
    rep = c.w.person(c.date)
    co = c.w.company(rep.name)
    ag = c.w.person(c.date)
    c.pdf(docs.zhuxiao_form_blocks(c.rng, co, c.d(-1)))
    c.pdf(docs.investors_blocks(c.rng, co, [rep.name], c.d(-1)))
    c.pdf(
        [
            ("title", "营业执照", 22),
            ("center", "（电子营业执照）", 12),
            (
                "table",
                [
                    ["统一社会信用代码", co.uscc],
                    ["名称", co.name],
                    ["类型", co.kind],
                    ["法定代表人", co.legal_rep],
                    ["注册资本", co.capital],
                    ["成立日期", docs.cn0(co.founded)],
                    ["住所", co.address],
                    ["经营范围", co.scope],
                ],
                [1, 2.6],
                11,
            ),
            ("image", docs.qr_like(c.rng, 300), 40),
            ("center", "登记机关：示范市市场监督管理局", 11),
            ("center", "国家市场监督管理总局监制  下载时间：" + f"{c.d(-1):%Y-%m-%d}", 10),
        ]
    )
    c.scan_pdf(
        c.pages(
            docs.weituo_blocks(
                c.rng, co.name, co.uscc, ag, "企业简易注销登记", c.d(-4), seal_name=co.name
            )
        )
    )
    c.id_photos(ag)
    c.provided.update(
        {
            "zhuxiao-sqs": "ok",
            "chengnuoshu": "ok",
            "yingye-zhizhao": "ok",
            "weituoshu": "ok",
            "dailiren-sfz": "ok",
        }
    )
    return dict(
        applicant=co.name,
        situations=["agent"],
        pattern="e_licence_pdf",
        note="电子营业执照下载版 PDF（文字层+二维码）；单位盖章的委托书扫描件；代理人身份证两张照片。",
    )


# ---------------------------------------------------------------- the set

CASES: list[tuple[str, str, Callable[[Ctx], dict]]] = [
    ("getihu-01", "scjg-getihu-sheli", getihu_01),
    ("getihu-02", "scjg-getihu-sheli", getihu_02),
    ("getihu-03", "scjg-getihu-sheli", getihu_03),
    ("getihu-04", "scjg-getihu-sheli", getihu_04),
    ("getihu-05", "scjg-getihu-sheli", getihu_05),
    ("getihu-06", "scjg-getihu-sheli", getihu_06),
    ("getihu-07", "scjg-getihu-sheli", getihu_07),
    ("getihu-08", "scjg-getihu-sheli", getihu_08),
    ("getihu-09", "scjg-getihu-sheli", getihu_09),
    ("getihu-10", "scjg-getihu-sheli", getihu_10),
    ("getihu-11", "scjg-getihu-sheli", getihu_11),
    ("getihu-12", "scjg-getihu-sheli", getihu_12),
    ("getihu-13", "scjg-getihu-sheli", getihu_13),
    ("xcy-01", "scjg-xiaocanyin-dengji", xcy_01),
    ("xcy-02", "scjg-xiaocanyin-dengji", xcy_02),
    ("xcy-03", "scjg-xiaocanyin-dengji", xcy_03),
    ("xcy-04", "scjg-xiaocanyin-dengji", xcy_04),
    ("xcy-05", "scjg-xiaocanyin-dengji", xcy_05),
    ("xcy-06", "scjg-xiaocanyin-dengji", xcy_06),
    ("xcy-07", "scjg-xiaocanyin-dengji", xcy_07),
    ("xcy-08", "scjg-xiaocanyin-dengji", xcy_08),
    ("spjy-01", "scjg-spjy-xuke", spjy_01),
    ("spjy-02", "scjg-spjy-xuke", spjy_02),
    ("spjy-03", "scjg-spjy-xuke", spjy_03),
    ("spjy-04", "scjg-spjy-xuke", spjy_04),
    ("spjy-05", "scjg-spjy-xuke", spjy_05),
    ("spjy-06", "scjg-spjy-xuke", spjy_06),
    ("spjy-07", "scjg-spjy-xuke", spjy_07),
    ("spjy-08", "scjg-spjy-xuke", spjy_08),
    ("shiye-01", "rs-shiye-baoxianjin", shiye_01),
    ("shiye-02", "rs-shiye-baoxianjin", shiye_02),
    ("shiye-03", "rs-shiye-baoxianjin", shiye_03),
    ("shiye-04", "rs-shiye-baoxianjin", shiye_04),
    ("shiye-05", "rs-shiye-baoxianjin", shiye_05),
    ("shiye-06", "rs-shiye-baoxianjin", shiye_06),
    ("shiye-07", "rs-shiye-baoxianjin", shiye_07),
    ("shiye-08", "rs-shiye-baoxianjin", shiye_08),
    ("gjj-01", "gjj-tiqu-zufang", gjj_01),
    ("gjj-02", "gjj-tiqu-zufang", gjj_02),
    ("gjj-03", "gjj-tiqu-zufang", gjj_03),
    ("gjj-04", "gjj-tiqu-zufang", gjj_04),
    ("gjj-05", "gjj-tiqu-zufang", gjj_05),
    ("gjj-06", "gjj-tiqu-zufang", gjj_06),
    ("jiehun-01", "minzheng-jiehun-dengji", jiehun_01),
    ("jiehun-02", "minzheng-jiehun-dengji", jiehun_02),
    ("jiehun-03", "minzheng-jiehun-dengji", jiehun_03),
    ("jiehun-04", "minzheng-jiehun-dengji", jiehun_04),
    ("jiehun-05", "minzheng-jiehun-dengji", jiehun_05),
    ("sbk-01", "rs-sbk-shenling", sbk_01),
    ("sbk-02", "rs-sbk-shenling", sbk_02),
    ("sbk-03", "rs-sbk-shenling", sbk_03),
    ("sbk-04", "rs-sbk-shenling", sbk_04),
    ("zhuxiao-01", "scjg-qiye-jianyi-zhuxiao", zhuxiao_01),
    ("zhuxiao-02", "scjg-qiye-jianyi-zhuxiao", zhuxiao_02),
    ("zhuxiao-03", "scjg-qiye-jianyi-zhuxiao", zhuxiao_03),
]

BAD = {"missing", "defective"}


def write_cases(out: Path, only: list[str] | None = None) -> list[dict]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    world = World(random.Random(SEED))
    result = []
    for k, (case_id, item, fn) in enumerate(CASES):
        rng = random.Random(f"{SEED}:{case_id}")
        world.rng = rng
        on = BASE_DATE + timedelta(days=(k * 3) % 11)
        if only and case_id not in only:
            continue
        c = Ctx(out, case_id, item, on, rng, world)
        meta = fn(c)
        situations = meta.get("situations", [])
        mats = expected(item, situations, c.provided)
        result.append(
            {
                "id": case_id,
                "item": item,
                "situations": situations,
                "applicant": meta["applicant"],
                "date": on.isoformat(),
                "files": c.files,
                "expect": {"complete": not any(s in BAD for s in mats.values()), "materials": mats},
                "pattern": meta["pattern"],
                "note": meta["note"],
            }
        )
    (out / "cases.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(
            "usage: python -m tests.prereview.blind.make_blind OUT_DIR [CASE_ID...]",
            file=sys.stderr,
        )
        return 2
    cases = write_cases(Path(argv[0]), argv[1:] or None)
    print(f"{len(cases)} cases written to {argv[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
