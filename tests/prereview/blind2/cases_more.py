"""Cases of the items the first set also used (公积金, 个体户, 社保卡) and of 灵活就业参保."""

from __future__ import annotations

from datetime import date

from PIL import Image, ImageDraw

from . import cards, papers
from . import draw as dr
from ._ctx import Ctx
from .cases import REG, _hukou_pair, _lease, _marriage_photo, _photos_shuffled
from .cases_biz import _sbk_card
from .people import Person


def _bank(c: Ctx) -> None:
    no = c.w.card_number(c.rng.choice(["621700", "622848", "623668"]))
    f = c.photo(
        cards.bank_card(c.rng, c.rng.choice(["示范银行", "示范农商银行"]), no, c.d(1500)), fill=0.6
    )
    c.doc(f, "yinhangka")


# ================================================================ 住房公积金提取（租房）


def gj_01(c: Ctx) -> dict:
    p = c.w.person(c.date)
    f = c.scan_pdf([c.a4_ids([(p, "sfz")])])
    c.record_a4(f, [(p, "sfz")])
    blocks, fields = _lease(c, p.name, p.id_number, "jiayi")
    c.doc(_photos_shuffled(c, c.pages(blocks)), "zulin-hetong", **fields)
    _bank(c)
    c.mark(sfz="ok", zulin_hetong="ok", yinhangka="ok")
    return dict(
        applicant=p.name,
        situations=[],
        pattern="lease_photos_shuffled",
        note="身份证正反面A4扫描PDF；租赁合同（甲方/乙方）两页照片顺序颠倒；银行卡照片。",
    )


def gj_02(c: Ctx) -> dict:
    p = c.w.person(c.date, male=True, age=34)
    sp = c.w.person(c.date, male=False, age=32)
    f = c.scan(c.a4_ids([(sp, "peiou-sfz"), (p, "sfz")]), grey=False)
    c.record_a4(f, [(sp, "peiou-sfz"), (p, "sfz")])
    no = f"J360103-{c.date.year - 3}-{c.rng.randrange(1, 3000):06d}"
    _marriage_photo(c, p, sp, no, date(c.date.year - 3, 5, 20), "jiehunzheng")
    blocks, fields = _lease(c, p.name, p.id_number, "zuoluo")
    c.doc(c.pdf(blocks, font="droid"), "zulin-hetong", **fields)
    c.mark(sfz="ok", peiou_sfz="ok", jiehunzheng="ok", zulin_hetong="ok")
    return dict(
        applicant=p.name,
        situations=["married"],
        pattern="two_people_one_page",
        note="已婚：配偶和本人身份证在同一张彩色扫描A4（配偶在上）；租赁合同为表格式（出租人/承租人、房屋坐落）文字PDF；银行卡未交（容缺）。",
    )


def gj_03(c: Ctx) -> dict:
    p = c.w.person(c.date)
    mate = c.w.person(c.date)
    c.id_two(p, "sfz")
    blocks, fields = _lease(c, mate.name, mate.id_number, "chuzu")
    c.doc(c.scan_pdf(c.pages(blocks)), "zulin-hetong", **fields)
    _bank(c)
    c.mark(sfz="ok", zulin_hetong="defective", yinhangka="ok")
    return dict(
        applicant=p.name,
        situations=[],
        pattern="document_of_wrong_person",
        note=f"租赁合同承租方是合租人{mate.name}，不是申请人。",
    )


def gj_04(c: Ctx) -> dict:
    p = c.w.person(c.date)
    agent = c.w.person(c.date)
    c.id_two(p, "sfz", exif=8)
    blocks, fields = _lease(c, p.name, p.id_number, "chuzu")
    c.doc(c.docx(blocks), "zulin-hetong", **fields)
    on = c.d(-5)
    f = c.photo(
        c.pages(
            papers.weituo(
                p.name, p.id_number, agent, "住房公积金租房提取", on, p.name, None, as_table=True
            )
        )[0],
        fill=0.88,
    )
    c.doc(f, "weituoshu", name=p.name, phone=agent.phone, issue_date=on.isoformat(), signature=True)
    c.id_two(agent, "daiban-sfz", back_first=True, rots=(0, 270))
    c.mark(sfz="ok", zulin_hetong="ok", weituoshu="ok", daiban_sfz="ok")
    return dict(
        applicant=p.name,
        situations=["agent"],
        pattern="exif_orientation",
        note="本人身份证人像面以EXIF方向8存储；表格式委托书照片；代办人身份证国徽面先传、人像面转270°；银行卡未交（容缺）。",
    )


def gj_05(c: Ctx) -> dict:
    p = c.w.person(c.date)
    c.id_two(p, "sfz")
    blocks, fields = _lease(c, p.name, p.id_number, "jiayi", state="expired")
    c.doc(c.pdf(blocks), "zulin-hetong", **fields)
    scr = Image.new("RGB", (1080, 1400), (255, 255, 255))
    d = ImageDraw.Draw(scr)
    paid = c.d(-20)
    rows = [
        ("转账成功", ""),
        ("收款人", c.w.person(c.date).name),
        ("金额", "¥2,600.00"),
        ("附言", "12月房租"),
        ("转账时间", f"{paid:%Y-%m-%d} 19:42:10"),
    ]
    for k, (a, b) in enumerate(rows):
        dr.text(d, (80, 120 + k * 120), a, "droid", 44 if k else 60, (30, 30, 30))
        dr.text(d, (420, 120 + k * 120), b, "droid", 44, (30, 30, 30))
    f = c.screenshot(scr, "交易详情")
    c.doc(f, "zujin-pingzheng", issue_date=paid.isoformat())
    c.mark(sfz="ok", zulin_hetong="defective", zujin_pingzheng="ok")
    return dict(
        applicant=p.name,
        situations=[],
        pattern="expired_lease",
        note="租赁合同租期已结束；另交了手机银行转账截图（非必要）；银行卡未交（容缺）。",
    )


# ================================================================ 个体工商户设立登记


def _getihu(c: Ctx) -> tuple[Person, object]:
    p = c.w.person(c.date)
    return p, c.w.company(p.name, c.d(20), getihu=True)


def _deed(c: Ctx, owner: str, addr: str, material: str) -> None:
    on = c.d(-2400)
    no = f"示（{on.year}）示范市不动产权第{c.rng.randrange(10**6, 10**7)}号"
    unit = f"360103{c.rng.randrange(10**5, 10**6)}GB00{c.rng.randrange(100, 999)}F0001{c.rng.randrange(1000, 9999)}"
    f = c.scan(cards.property_cert(owner, c.rng, addr, no, unit, on, "48.10平方米"))
    c.doc(f, material, name=owner, address=addr, issue_date=on.isoformat())


def gt_01(c: Ctx) -> dict:
    p, co = _getihu(c)
    f = c.docx(papers.getihu_form(co, p, c.d(-1)))
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        id_number=p.id_number,
        phone=p.phone,
        address=co.address,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.id_two(p, "jingyingzhe-sfz", rots=(180, 0))
    blocks, fields = _lease(c, p.name, p.id_number, "chuzu")
    c.doc(c.pdf(blocks), "changsuo-zulin", **fields)
    c.mark(shenqingshu="ok", jingyingzhe_sfz="ok", changsuo_zulin="ok")
    return dict(
        applicant=p.name,
        situations=[],
        pattern="id_upside_down",
        note="身份证人像面照片倒置180°；租赁合同（出租方/承租方）文字PDF。",
    )


def gt_02(c: Ctx) -> dict:
    p, co = _getihu(c)
    sp = c.w.person(c.date, male=not p.male)
    f = c.pdf(papers.getihu_form(co, p, c.d(-1)), font="micro")
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        id_number=p.id_number,
        phone=p.phone,
        address=co.address,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.id_two(p, "jingyingzhe-sfz")
    f = c.scan(c.a4_ids([(sp, "jiating-sfz")], stamp="仅供个体户登记使用"))
    c.record_a4(f, [(sp, "jiating-sfz")])
    man, woman = (p, sp) if p.male else (sp, p)
    _marriage_photo(
        c,
        man,
        woman,
        f"J360111-{c.date.year - 6}-{c.rng.randrange(1, 3000):06d}",
        date(c.date.year - 6, 10, 2),
        "jiating-jiehun",
    )
    _deed(c, p.name, co.address, "changsuo-chanquan")
    c.mark(
        shenqingshu="ok",
        jingyingzhe_sfz="ok",
        jiating_sfz="ok",
        jiating_jiehun="ok",
        changsuo_chanquan="ok",
    )
    return dict(
        applicant=p.name,
        situations=["family"],
        pattern="family_marriage_cert",
        note="家庭经营：配偶身份证A4复印件、结婚证照片（户口簿因此不适用）；经营场所为自有房产，不动产权证书灰度扫描。",
    )


def gt_03(c: Ctx) -> dict:
    p, co = _getihu(c)
    agent = c.w.person(c.date)
    f = c.docx(papers.getihu_form(co, p, c.d(-1)))
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        id_number=p.id_number,
        phone=p.phone,
        address=co.address,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.id_two(p, "jingyingzhe-sfz")
    blocks, fields = _lease(c, p.name, p.id_number, "zuoluo")
    c.doc(_photos_shuffled(c, c.pages(blocks)), "changsuo-zulin", **fields)
    f = c.pdf(
        papers.weituo(p.name, p.id_number, agent, "个体工商户设立登记", c.d(-3), p.name, None)
    )
    c.doc(
        f,
        "weituoshu",
        name=p.name,
        phone=agent.phone,
        issue_date=c.d(-3).isoformat(),
        signature=True,
    )
    c.id_side(agent, "dailiren-sfz", "back")
    c.mark(
        shenqingshu="ok",
        jingyingzhe_sfz="ok",
        changsuo_zulin="ok",
        weituoshu="ok",
        dailiren_sfz="defective",
    )
    return dict(
        applicant=p.name,
        situations=["agent"],
        pattern="id_one_side",
        note="代理人身份证只传了国徽面（没有姓名和号码）。",
    )


def gt_04(c: Ctx) -> dict:
    p, co = _getihu(c)
    f = c.photo(c.pages(papers.getihu_form(co, p, c.d(-1)))[0], fill=0.9)
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        id_number=p.id_number,
        phone=p.phone,
        address=co.address,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.id_two(p, "jingyingzhe-sfz", dark=0.6)
    c.mark(shenqingshu="ok", jingyingzhe_sfz="ok")
    return dict(
        applicant=p.name,
        situations=[],
        pattern="one_of_none",
        note="申请书照片、身份证弱光照片；经营场所证明（产权证/租赁合同/村居证明）一样都没交，三项都缺。",
    )


# ================================================================ 社会保障卡申领


def sb_01(c: Ctx) -> dict:
    head = c.w.person(c.date, male=False, age=55)
    p = c.w.person(c.date, age=22)
    p.address = head.address
    files = _hukou_pair(c, head, p, "孙子" if p.male else "孙女")
    c.doc(files, "hukoubu", name=p.name, id_number=p.id_number, address=head.address)
    c.mark(hukoubu="ok")
    return dict(
        applicant=p.name,
        situations=[],
        pattern="hukou_instead_of_id",
        note="用户口簿（户主页+本人页）代替身份证（one_of 身份凭证）；照片免提交。",
    )


def sb_02(c: Ctx) -> dict:
    p = c.w.person(c.date, state="long")
    agent = c.w.person(c.date)
    c.id_two(p, "sfz", dark=0.5)
    f = c.pdf(papers.sbk_letter(p, agent, c.d(-6)))
    c.doc(
        f,
        "weituoshu",
        name=p.name,
        id_number=p.id_number,
        phone=agent.phone,
        issue_date=c.d(-6).isoformat(),
        signature=True,
    )
    f = c.scan(c.a4_ids([(agent, "dailiren-sfz")], stamp="仅供社保卡代办使用"))
    c.record_a4(f, [(agent, "dailiren-sfz")])
    c.mark(sfz="ok", weituoshu="ok", dailiren_sfz="ok")
    return dict(
        applicant=p.name,
        situations=["agent"],
        pattern="low_light_photos",
        note="申领人身份证（长期）两张弱光照片；代办委托书文字PDF；代办人身份证A4复印件。",
    )


def sb_03(c: Ctx) -> dict:
    mom = c.w.person(c.date, male=False, age=40, state="expired")
    kid = c.w.person(c.date, age=8)
    kid.address = mom.address
    files = _hukou_pair(c, mom, kid, "子" if kid.male else "女", files="scan")
    c.doc(files, "hukoubu", name=kid.name, id_number=kid.id_number, address=mom.address)
    c.id_two(mom, "jianhuren-sfz")
    c.mark(hukoubu="ok", jianhuren_sfz="defective")
    return dict(
        applicant=kid.name,
        situations=["minor"],
        pattern="expired_guardian_id",
        note=f"监护人身份证有效期至{mom.valid_to}，已过期。",
    )


def sb_04(c: Ctx) -> dict:
    p = c.w.person(c.date)
    c.id_two(p, "sfz")
    _sbk_card(c, p, "jiuka")
    c.mark(sfz="ok", jiuka="ok")
    return dict(
        applicant=p.name,
        situations=["huanling"],
        pattern="old_card_provided",
        note="换领：原社会保障卡照片（容缺材料也交了）。",
    )


# ================================================================ 灵活就业人员参保登记


def lj_01(c: Ctx) -> dict:
    p = c.w.person(c.date)
    c.id_two(p, "sfz", back_first=True)
    f = c.docx(papers.linghuo_form(p, c.d(-1), None))
    c.doc(
        f,
        "dengji-biao",
        name=p.name,
        id_number=p.id_number,
        phone=p.phone,
        address=p.address,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.mark(sfz="ok", dengji_biao="ok")
    return dict(
        applicant=p.name,
        situations=[],
        pattern="form_values_below_labels",
        note="参保登记表 DOCX，表格里值在标签下方一行。",
    )


def lj_02(c: Ctx) -> dict:
    p = c.w.person(c.date)
    _sbk_card(c, p, "sbk")
    co = c.w.company(p.name, c.d(-400), getihu=True)
    f = c.photo(c.pages(papers.linghuo_form(p, c.d(-1), co.name))[0], fill=0.9, blur=1.2)
    c.doc(
        f,
        "dengji-biao",
        name=p.name,
        id_number=p.id_number,
        phone=p.phone,
        address=p.address,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.mark(sbk="ok", dengji_biao="ok")
    return dict(
        applicant=p.name,
        situations=["getihu"],
        pattern="social_security_card",
        note="社会保障卡照片代替身份证；登记表照片略模糊；个体户营业执照免提交。",
    )


def lj_03(c: Ctx) -> dict:
    p = c.w.person(c.date)
    co = c.w.company(p.name, c.d(-700), getihu=True)
    c.id_two(p, "sfz")
    f = c.photo(cards.licence_zheng(co, c.rng, REG, co.founded), fill=0.9, rot=90)
    c.doc(
        f,
        "yingye-zhizhao",
        name=co.name,
        uscc=co.uscc,
        legal_rep=p.name,
        address=co.address,
        issue_date=co.founded.isoformat(),
    )
    c.mark(sfz="ok", yingye_zhizhao="ok")
    return dict(
        applicant=p.name,
        situations=["getihu"],
        pattern="shared_provided",
        note="个体户营业执照正本照片（免提交材料也交了，转90°）；参保登记表没交（缺）。",
    )
