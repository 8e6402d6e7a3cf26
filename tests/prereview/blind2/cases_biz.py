"""Cases of the company, social-insurance and household items (see cases.py for the others)."""

from __future__ import annotations

from datetime import date, timedelta

from PIL import Image, ImageDraw

from . import cards, papers
from . import draw as dr
from ._ctx import Ctx
from .cases import REG, _hukou_pair, _lease, _photos_shuffled
from .people import Person, break_uscc


def _founders(c: Ctx, org: bool = False) -> tuple:
    rep = c.w.person(c.date, age=c.rng.randrange(28, 50))
    co = c.w.company(rep.name, c.d(30))
    sup = c.w.person(c.date)
    holders: list[tuple[str, str | None]] = [(rep.name, None)]
    corp = None
    if org:
        corp = c.w.company(c.w.person(c.date).name, date(2016, 5, 12))
        holders.append((corp.name, corp.name))
    else:
        holders.append((sup.name, None))
    return rep, co, sup, holders, corp


def _charter(c: Ctx, co, holders, mode: str) -> None:
    on = c.d(-3)
    blocks = papers.charter(co, holders, on)
    if mode == "pdf":
        files = [c.pdf(blocks)]
    elif mode == "docx":
        files = [c.docx(blocks)]
    else:
        files = _photos_shuffled(c, c.pages(blocks))
    c.doc(files, "zhangcheng", name=co.name, issue_date=on.isoformat(), signature=True)


# ================================================================ 有限责任公司设立登记


def sl_01(c: Ctx) -> dict:
    rep, co, sup, holders, _ = _founders(c)
    on = c.d(-2)
    head = (
        "head",
        f"示范省企业登记全程电子化平台  业务流水号 SL{c.date:%Y%m%d}{c.rng.randrange(10**5, 10**6)}  打印时间 {on:%Y-%m-%d} 10:{c.rng.randrange(10, 59)}",
    )
    f = c.pdf(
        [head, *papers.company_form(co, rep, on, rep)], font="droid", footer="第 1 页 共 1 页"
    )
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        legal_rep=rep.name,
        address=co.address,
        phone=rep.phone,
        issue_date=on.isoformat(),
        signature=True,
    )
    c.id_two(rep, "fddbr-sfz")
    blocks, fields = _lease(c, co.name, "（设立中）", "jiayi")
    c.doc(c.pdf(blocks, font="micro"), "zhusuo-zulin", **fields)
    _charter(c, co, holders, "pdf")
    f = c.pdf(papers.appointment(co, rep, sup, c.d(-3), holders))
    c.doc(f, "renzhi", name=co.name, issue_date=c.d(-3).isoformat(), signature=True)
    c.mark(shenqingshu="ok", fddbr_sfz="ok", zhusuo_zulin="ok", zhangcheng="ok", renzhi="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="system_export_pdf",
        note="申请书为另一系统导出的文字层PDF（页眉流水号、页脚页码，含“申请人声明”段）；租赁合同甲方/乙方措辞，乙方为设立中的公司。",
    )


def sl_02(c: Ctx) -> dict:
    rep, co, _sup, holders, corp = _founders(c, org=True)
    agent = c.w.person(c.date)
    f = c.docx(papers.company_form(co, rep, c.d(-1), agent))
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        legal_rep=rep.name,
        address=co.address,
        phone=agent.phone,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.id_two(rep, "fddbr-sfz", rots=(90, 90))
    blocks, fields = _lease(c, co.name, "（设立中）", "chuzu")
    files = [c.photo(p, fill=0.86) for p in c.pages(blocks)]
    c.doc(files, "zhusuo-zulin", **fields)
    _charter(c, co, holders, "docx")
    f = c.photo(cards.licence_fu(corp, c.rng, REG, date(2021, 3, 9)), fill=0.85)
    c.doc(
        f,
        "gudong-zige",
        name=corp.name,
        uscc=corp.uscc,
        legal_rep=corp.legal_rep,
        address=corp.address,
        issue_date="2021-03-09",
    )
    f = c.pdf(
        papers.weituo(
            corp.name,
            corp.uscc,
            agent,
            f"{co.name}设立登记",
            c.d(-4),
            None,
            corp.name,
            title="指定代表或者共同委托代理人授权委托书",
        )
    )
    c.doc(f, "weituoshu", name=corp.name, issue_date=c.d(-4).isoformat(), signature=True)
    page = c.a4_ids([(agent, "daili-sfz")])
    f = c.scan(page, grey=False, ext="png")
    c.record_a4(f, [(agent, "daili-sfz")])
    c.mark(
        shenqingshu="ok",
        fddbr_sfz="ok",
        zhusuo_zulin="ok",
        zhangcheng="ok",
        gudong_zige="ok",
        weituoshu="ok",
        daili_sfz="ok",
    )
    return dict(
        applicant=None,
        situations=["org-shareholder", "agent"],
        pattern="seal_only_letter",
        note="企业股东的营业执照副本（旧版竖版）照片；委托书只有企业股东公章、无手写签名；代理人身份证彩色扫描PNG；任职文件未交（容缺）；法定代表人身份证两张照片都侧转90°。",
    )


def sl_03(c: Ctx) -> dict:
    rep, co, _sup, holders, _ = _founders(c)
    blocks = papers.company_form(co, rep, c.d(-1), rep)
    blocks[-1] = (
        "sign",
        [("法定代表人签字：", None, None, "    年   月   日"), ("公司盖章：", None, None, "")],
    )
    f = c.docx(blocks)
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        legal_rep=rep.name,
        address=co.address,
        phone=rep.phone,
        signature=False,
    )
    c.id_two(rep, "fddbr-sfz")
    blocks, fields = _lease(c, co.name, "（设立中）", "zuoluo")
    c.doc(c.pdf(blocks), "zhusuo-zulin", **fields)
    _charter(c, co, holders, "pdf")
    c.mark(shenqingshu="defective", fddbr_sfz="ok", zhusuo_zulin="ok", zhangcheng="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="missing_signature",
        note="公司登记申请书 DOCX 填了内容但法定代表人未签字；任职文件未交（容缺）。",
    )


def sl_04(c: Ctx) -> dict:
    rep, co, _sup, holders, _ = _founders(c)
    agent = c.w.person(c.date)
    f = c.pdf(papers.company_form(co, rep, c.d(-1), agent))
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        legal_rep=rep.name,
        address=co.address,
        phone=agent.phone,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.id_two(rep, "fddbr-sfz", back_first=True)
    on = c.d(-1900)
    no = f"示（{on.year}）示范市不动产权第{c.rng.randrange(10**6, 10**7)}号"
    unit = f"360102{c.rng.randrange(10**5, 10**6)}GB00{c.rng.randrange(100, 999)}F0001{c.rng.randrange(1000, 9999)}"
    f = c.photo(
        cards.property_cert(rep.name, c.rng, co.address, no, unit, on, "86.42平方米"), fill=0.85
    )
    c.doc(f, "zhusuo-chanquan", name=rep.name, address=co.address, issue_date=on.isoformat())
    _charter(c, co, holders, "photos")
    old = c.d(-150)
    f = c.docx(
        papers.weituo(
            rep.name,
            rep.id_number,
            agent,
            f"{co.name}设立登记",
            old,
            rep.name,
            None,
            title="指定代表或者共同委托代理人授权委托书",
        )
    )
    c.doc(f, "weituoshu", name=rep.name, issue_date=old.isoformat(), signature=True)
    c.id_two(agent, "daili-sfz")
    c.mark(
        shenqingshu="ok",
        fddbr_sfz="ok",
        zhusuo_chanquan="ok",
        zhangcheng="ok",
        weituoshu="defective",
        daili_sfz="ok",
    )
    return dict(
        applicant=None,
        situations=["agent"],
        pattern="letter_too_old",
        note=f"住所用不动产权证书（免提交材料仍上传，ok；租赁合同因此不适用）；章程三页照片乱序；委托书签于{old}，超过90天。",
    )


def sl_05(c: Ctx) -> dict:
    rep, co, _sup, _holders, _ = _founders(c)
    form = c.pages(papers.company_form(co, rep, c.d(-1), rep))
    idpage = c.a4_ids([(rep, "fddbr-sfz")], stamp="仅供公司设立登记使用")
    blocks, fields = _lease(c, co.name, "（设立中）", "chuzu")
    f = c.scan_pdf([*form, idpage, *c.pages(blocks)])
    c.doc(
        f,
        "shenqingshu",
        name=co.name,
        legal_rep=rep.name,
        address=co.address,
        phone=rep.phone,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.record_a4(f, [(rep, "fddbr-sfz")])
    c.doc(f, "zhusuo-zulin", **fields)
    c.mark(shenqingshu="ok", fddbr_sfz="ok", zhusuo_zulin="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="merged_pdf",
        note="一个扫描PDF依次装了申请书、身份证复印页、租赁合同两页；章程缺；任职文件未交（容缺）。",
    )


# ================================================================ 异地就医备案


def _sbk_card(c: Ctx, p: Person, material: str | None) -> str:
    issued = c.d(-c.rng.randrange(300, 2500))
    no = f"{c.rng.choice('ABCDEFGHJ')}{c.rng.randrange(10**7, 10**8)}"
    f = c.photo(
        cards.sbk(p, c.rng, no, issued, c.rng.choice(["示范银行", "示范农商银行"])), fill=0.7
    )
    c.doc(f, material, name=p.name, id_number=p.id_number)  # 发卡日期 shows no day
    return f


def _yidi_form(c: Ctx, p: Person, kind: str, place: str, mode: str = "docx") -> None:
    blocks = papers.yidi_form(p, c.d(-1), kind, place)
    f = c.docx(blocks) if mode == "docx" else c.pdf(blocks, font="droid")
    c.doc(
        f,
        "apply-form",
        name=p.name,
        id_number=p.id_number,
        phone=p.phone,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )


def yd_01(c: Ctx) -> dict:
    p = c.w.person(c.date, state="long")
    place = "海南省三亚市"
    _sbk_card(c, p, "insurance-card")
    _yidi_form(c, p, "异地长期居住", place)
    f = c.docx(papers.yidi_pledge(p, c.d(-1), place))
    c.doc(
        f,
        "long-term-pledge",
        name=p.name,
        id_number=p.id_number,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.mark(insurance_card="ok", apply_form="ok", long_term_pledge="ok")
    return dict(
        applicant=p.name,
        situations=["long-term"],
        pattern="social_security_card",
        note="社会保障卡照片代替身份证（one_of 身份凭证）；异地长期居住承诺书。",
    )


def yd_02(c: Ctx) -> dict:
    p = c.w.person(c.date)
    c.id_two(p, "id-card")
    _yidi_form(c, p, "转诊转院", "上海市", mode="pdf")
    on = c.d(-10)
    f = c.photo(
        c.pages(papers.referral(p, on, "示范市第一人民医院", "复旦大学附属中山医院", c.rng))[0],
        fill=0.88,
        shadow=True,
    )
    c.doc(
        f,
        "referral-form",
        name=p.name,
        id_number=p.id_number,
        issue_date=on.isoformat(),
        signature=True,
    )
    c.mark(id_card="ok", apply_form="ok", referral_form="ok")
    return dict(
        applicant=p.name,
        situations=["referral"],
        pattern="hospital_seal",
        note="转诊证明照片，医院公章盖在签名区，10天前开具。",
    )


def yd_03(c: Ctx) -> dict:
    p = c.w.person(c.date)
    _sbk_card(c, p, "insurance-card")
    _yidi_form(c, p, "转诊转院", "北京市")
    on = c.d(-48)
    f = c.scan(c.pages(papers.referral(p, on, "示范市中医院", "北京协和医院", c.rng))[0])
    c.doc(
        f,
        "referral-form",
        name=p.name,
        id_number=p.id_number,
        issue_date=on.isoformat(),
        signature=True,
    )
    c.mark(insurance_card="ok", apply_form="ok", referral_form="defective")
    return dict(
        applicant=p.name,
        situations=["referral"],
        pattern="certificate_too_old",
        note=f"转诊证明开具于{on}，超过30天。",
    )


def yd_04(c: Ctx) -> dict:
    p = c.w.person(c.date)
    scr = Image.new("RGB", (1080, 1500), (246, 248, 252))
    d = ImageDraw.Draw(scr)
    d.rounded_rectangle((60, 60, 1020, 1300), 30, fill=(255, 255, 255))
    dr.text(d, (330, 110), "医保电子凭证", "droid", 64, (20, 90, 200))
    masked = "*" + p.name[1:]
    dr.text(
        d,
        (120, 240),
        f"{masked}   {p.id_number[:4]}**********{p.id_number[-2:]}",
        "droid",
        40,
        (30, 30, 30),
    )
    scr.paste(dr.qr(c.rng, 560), (260, 360))
    dr.text(d, (200, 980), "参保地：示范市   就诊时请出示", "droid", 36, (90, 90, 90))
    f = c.screenshot(scr, "国家医保服务平台")
    c.doc(f, "e-voucher")
    _yidi_form(c, p, "临时外出就医", "广东省深圳市")
    c.mark(e_voucher="ok", apply_form="ok")
    return dict(
        applicant=p.name,
        situations=["temporary"],
        pattern="screenshot",
        note="医保电子凭证手机截图（带状态栏，姓名打码）作为身份凭证；临时外出就医承诺书没交（缺）。",
    )


def yd_05(c: Ctx) -> dict:
    p = c.w.person(c.date)
    f = c.scan(c.a4_ids([(p, "id-card")]), grey=True)
    c.record_a4(f, [(p, "id-card")])
    _yidi_form(c, p, "异地长期居住", "浙江省杭州市", mode="pdf")
    end = c.d(c.rng.randrange(120, 300))
    city = "浙江省杭州市西湖区文三路" + str(c.rng.randrange(10, 300)) + "号"
    f1 = c.photo(cards.residence_card(p, c.rng, "front", city, end), fill=0.7)
    f2 = c.photo(cards.residence_card(p, c.rng, "back", city, end), fill=0.7)
    c.doc(
        [f1, f2],
        "residence-permit",
        name=p.name,
        id_number=p.id_number,
        address=city,
        valid_until=end.isoformat(),
    )
    f = c.photo(cards.snapshot(c.rng), fill=1.0, shadow=False, tilt=0.0)
    c.doc(f, None)
    c.mark(id_card="ok", apply_form="ok", residence_permit="ok")
    return dict(
        applicant=p.name,
        situations=["long-term"],
        pattern="irrelevant_photo",
        note="备案地居住证正反面照片；另误传一张街景照片（不是任何材料）。",
    )


# ================================================================ 公司变更登记


def _change(c: Ctx, addr: bool) -> tuple:
    old = c.w.person(c.date)
    new = c.w.person(c.date)
    co = c.w.company(old.name, date(2020, 7, 1))
    new_addr = (
        c.w.address("示范市西湖区", ["桃源街", "孺子路"]).split("栋")[0] + "号" if addr else None
    )
    return co, old, new, new_addr


def _change_docs(
    c: Ctx, co, old: Person, new: Person, new_addr: str | None, bad_uscc: bool = False
) -> None:
    on = c.d(-2)
    if bad_uscc:
        co.uscc, real = break_uscc(co.uscc), co.uscc
    f = c.pdf(papers.change_form(co, new.name, new_addr, on))
    c.doc(
        f,
        "biangeng-sqs",
        name=co.name,
        uscc=co.uscc,
        legal_rep=new.name,
        issue_date=on.isoformat(),
        signature=True,
    )
    if bad_uscc:
        co.uscc = real
    f = c.docx(papers.resolution(co, new.name, new_addr, on, [old.name, new.name]))
    c.doc(f, "gudonghui-jueyi", name=co.name, issue_date=on.isoformat(), signature=True)
    amend = [
        ("title", f"{co.name}章程修正案", 36),
        ("p", f"根据{on.year}年股东会决议，对公司章程作如下修改："),
        ("p", "原章程第十五条“执行董事为公司法定代表人”之人选相应变更。"),
        ("sign", [("公司盖章：", None, co.name, papers.ymd(on))]),
    ]
    f = c.docx(amend)
    c.doc(f, "zhangcheng-xiuzheng", name=co.name, issue_date=on.isoformat(), signature=True)


def bg_01(c: Ctx) -> dict:
    co, old, new, _ = _change(c, False)
    _change_docs(c, co, old, new, None)
    c.id_two(new, "xin-fadingren-sfz", exif=8)
    c.mark(
        biangeng_sqs="ok", gudonghui_jueyi="ok", zhangcheng_xiuzheng="ok", xin_fadingren_sfz="ok"
    )
    return dict(
        applicant=co.name,
        situations=["fadingren"],
        pattern="deferrable_absent",
        note="变更法定代表人：营业执照正副本暂未交（容缺）；新法定代表人身份证人像面以EXIF方向8存储。",
    )


def bg_02(c: Ctx) -> dict:
    co, old, new, addr = _change(c, True)
    _change_docs(c, co, old, new, addr)
    f = c.scan(c.a4_ids([(new, "xin-fadingren-sfz")]))
    c.record_a4(f, [(new, "xin-fadingren-sfz")])
    blocks, fields = _lease(c, co.name, co.uscc, "chuzu", seal=co.name)
    fields["address"] = addr
    blocks = [
        ("p", b[1].replace(b[1][b[1].find("坐落于") + 3 : b[1].find("的房屋")], addr))
        if b[0] == "p" and "坐落于" in b[1]
        else b
        for b in blocks
    ]
    c.doc(_photos_shuffled(c, c.pages(blocks)), "zhusuo-zulin", **fields)
    fz = c.photo(cards.licence_zheng(co, c.rng, REG, co.founded), fill=0.9)
    ff = c.photo(cards.licence_fu(co, c.rng, REG, co.founded), fill=0.9)
    c.doc(
        [fz],
        "yingye-zhizhao",
        name=co.name,
        uscc=co.uscc,
        legal_rep=old.name,
        address=co.address,
        issue_date=co.founded.isoformat(),
    )
    c.doc(
        [ff],
        "yingye-zhizhao",
        name=co.name,
        uscc=co.uscc,
        legal_rep=old.name,
        address=co.address,
        issue_date=co.founded.isoformat(),
    )
    c.mark(
        biangeng_sqs="ok",
        gudonghui_jueyi="ok",
        zhangcheng_xiuzheng="ok",
        xin_fadingren_sfz="ok",
        zhusuo_zulin="ok",
        yingye_zhizhao="ok",
    )
    return dict(
        applicant=co.name,
        situations=["fadingren", "zhusuo"],
        pattern="licence_landscape_and_portrait",
        note="营业执照正本（2019横版）和副本（旧版竖版）各一张照片；新住所租赁合同承租方盖公司章、照片乱序。",
    )


def bg_03(c: Ctx) -> dict:
    co, old, new, addr = _change(c, True)
    agent = c.w.person(c.date)
    _change_docs(c, co, old, new, addr, bad_uscc=True)
    blocks, fields = _lease(c, co.name, co.uscc, "jiayi", seal=co.name)
    fields["address"] = addr
    blocks = [
        ("p", b[1].replace(b[1][b[1].find("位于") + 2 : b[1].find("的房屋")], addr))
        if b[0] == "p" and "位于" in b[1]
        else b
        for b in blocks
    ]
    c.doc(c.docx(blocks), "zhusuo-zulin", **fields)
    f = c.screenshot(cards.e_licence_screen(co, c.rng, REG), "电子营业执照")
    c.doc(f, "yingye-zhizhao", name=co.name, uscc=co.uscc, legal_rep=old.name, address=co.address)
    f = c.pdf(
        papers.weituo(
            co.name,
            co.uscc,
            agent,
            "公司变更登记",
            c.d(-3),
            None,
            co.name,
            title="指定代表或者共同委托代理人授权委托书",
            as_table=True,
        )
    )
    c.doc(f, "weituoshu", name=co.name, issue_date=c.d(-3).isoformat(), signature=True)
    c.id_two(agent, "dailiren-sfz")
    c.mark(
        biangeng_sqs="defective",
        gudonghui_jueyi="ok",
        zhangcheng_xiuzheng="ok",
        zhusuo_zulin="ok",
        yingye_zhizhao="ok",
        weituoshu="ok",
        dailiren_sfz="ok",
    )
    return dict(
        applicant=co.name,
        situations=["zhusuo", "agent"],
        pattern="wrong_uscc_check",
        note="变更登记申请书上的统一社会信用代码末位校验码抄错；电子营业执照截图；委托书为表格式、只盖公司章。",
    )


def bg_04(c: Ctx) -> dict:
    co, old, new, _ = _change(c, False)
    agent = c.w.person(c.date)
    _change_docs(c, co, old, new, None)
    c.id_two(new, "xin-fadingren-sfz")
    f = c.docx(
        papers.weituo(
            co.name,
            co.uscc,
            agent,
            "公司变更登记",
            c.d(-2),
            None,
            None,
            title="指定代表或者共同委托代理人授权委托书",
        )
    )
    c.doc(f, "weituoshu", name=co.name, issue_date=c.d(-2).isoformat(), signature=False)
    c.id_two(agent, "dailiren-sfz", back_first=True)
    c.mark(
        biangeng_sqs="ok",
        gudonghui_jueyi="ok",
        zhangcheng_xiuzheng="ok",
        xin_fadingren_sfz="ok",
        weituoshu="defective",
        dailiren_sfz="ok",
    )
    return dict(
        applicant=co.name,
        situations=["fadingren", "agent"],
        pattern="missing_signature_letter",
        note="委托书 DOCX 既无签字也无盖章；营业执照未交（容缺）。",
    )


# ================================================================ 出生登记


def _birth(c: Ctx, mother_state: str = "valid") -> tuple:
    dad = c.w.person(c.date, male=True, age=c.rng.randrange(27, 40))
    mom = c.w.person(c.date, male=False, age=c.rng.randrange(25, 38), state=mother_state)
    mom.address = dad.address
    born = c.d(-c.rng.randrange(20, 80))
    kid = c.w.person(born, male=c.rng.random() < 0.5, age=0)
    return dad, mom, kid, born


def _birth_cert(
    c: Ctx, dad: Person, mom: Person, kid: Person, born: date, mode: str = "photo"
) -> Image.Image:
    no = f"{c.rng.choice('NOPQ')}{c.rng.randrange(10**8, 10**9)}"
    im = cards.birth_cert(
        kid.name,
        kid.male,
        born,
        mom,
        dad,
        c.rng,
        no,
        born + timedelta(days=3),
    )
    if mode != "none":
        f = (
            c.photo(im, fill=0.88)
            if mode == "photo"
            else c.scan_pdf([im.resize((1754, 1240))], grey=False)
        )
        c.doc(
            f,
            "birth-cert",
            name=kid.name,
            issue_date=(born + timedelta(days=3)).isoformat(),
        )
    return im


def cs_01(c: Ctx) -> dict:
    dad, mom, kid, born = _birth(c)
    _birth_cert(c, dad, mom, kid, born)
    files = _hukou_pair(c, dad, None, "户主")
    c.doc(files, "hukou", name=dad.name, id_number=dad.id_number, address=dad.address)
    f = c.scan(
        c.a4_ids([(dad, "parents-id"), (mom, "parents-id")], stamp="仅供出生登记使用"), grey=False
    )
    c.record_a4(f, [(dad, "parents-id"), (mom, "parents-id")])
    c.mark(birth_cert="ok", hukou="ok", parents_id="ok")
    return dict(
        applicant=kid.name,
        situations=[],
        pattern="two_people_one_material",
        note="父母双方身份证正反面复印在同一张A4上（一个材料由两人的证件组成）；结婚证免提交。",
    )


def cs_02(c: Ctx) -> dict:
    dad, mom, kid, born = _birth(c)
    grandma = c.w.person(c.date, male=False, age=62, state="long")
    _birth_cert(c, dad, mom, kid, born, mode="pdf")
    files = _hukou_pair(c, dad, None, "户主", files="scan")
    c.doc(files, "hukou", name=dad.name, id_number=dad.id_number, address=dad.address)
    for p in (mom, dad):
        c.id_two(p, "parents-id", back_first=p is mom)
    c.id_two(grandma, "agent-id")
    c.mark(birth_cert="ok", hukou="ok", parents_id="ok", agent_id="ok")
    return dict(
        applicant=kid.name,
        situations=["agent"],
        pattern="two_people_four_photos",
        note="祖母代办（身份证长期有效）；出生医学证明彩色扫描PDF；父母身份证四张照片。",
    )


def cs_03(c: Ctx) -> dict:
    dad, mom, kid, born = _birth(c, mother_state="expired")
    _birth_cert(c, dad, mom, kid, born)
    files = _hukou_pair(c, dad, None, "户主")
    c.doc(files, "hukou", name=dad.name, id_number=dad.id_number, address=dad.address)
    c.id_two(dad, "parents-id")
    c.id_two(mom, "parents-id")
    c.mark(birth_cert="ok", hukou="ok", parents_id="defective")
    return dict(
        applicant=kid.name,
        situations=[],
        pattern="one_of_two_expired",
        note=f"母亲身份证有效期至{mom.valid_to}，已过期，父母身份证材料不合格。",
    )


def cs_04(c: Ctx) -> dict:
    dad, mom, kid, born = _birth(c)
    im = _birth_cert(c, dad, mom, kid, born, mode="none")
    name, path = c._next("jpg")
    dr.save_jpeg(dr.unreadable(c.rng, im), path, 60)
    c.doc(name, "birth-cert")
    files = _hukou_pair(c, dad, None, "户主")
    c.doc(files, "hukou", name=dad.name, id_number=dad.id_number, address=dad.address)
    f = c.scan(c.a4_ids([(mom, "parents-id"), (dad, "parents-id")]))
    c.record_a4(f, [(mom, "parents-id"), (dad, "parents-id")])
    c.mark(birth_cert="defective", hukou="ok", parents_id="ok")
    return dict(
        applicant=kid.name,
        situations=[],
        pattern="unreadable_photo",
        note="出生医学证明在暗处晃动拍摄，完全无法识读；它是唯一缺文件的必需材料，应判为其 defective（请重新拍摄）。",
    )
