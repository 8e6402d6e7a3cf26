"""Cases of property, housing-fund, driving-licence and business-licence items."""

from __future__ import annotations

from datetime import timedelta

from PIL import Image

from . import cards, photo, raster
from .kit import Case, id_a4, id_desk_photos, id_fields
from .papers import (
    form,
    lease,
    letter,
    licence_form,
    marriage,
    medical,
    poa,
    property_cert,
    sale_contract,
)
from .people import add_years, ymd

D = timedelta


def _unit(c: Case) -> str:
    return f"320211{c.rng.randint(100000, 999999)}GB{c.rng.randint(10000, 99999)}F{c.rng.randint(10**7, 10**8 - 1)}"


def _bdc_form(c: Case, p, shape: str, kind: str) -> None:
    doc, fields = form(
        "不动产登记申请书",
        p,
        [
            ("登记事项", f"不动产权属证书{kind}"),
            ("不动产坐落", p.address),
            ("不动产单元号", _unit(c)),
        ],
        c.today - D(days=1),
        c.town.phone(),
        hand_filled=False,
        below=(shape == "p"),
        role="serif",
        seed=c.seed(),
        signer_label="申请人（签章）",
    )
    name = c.text_pdf(doc, header="示范市不动产登记中心") if shape == "p" else c.docx(doc)
    c.doc([name], "apply-form", fields)
    c.provide("apply-form")


def _lost_statement(c: Case, p):
    return letter(
        "不动产权属证书遗失声明书",
        [
            f"本人{p.name}（公民身份号码：{p.printed_id}），所有的坐落于{p.address}的不动产权证书不慎遗失，经查找未果。",
            "特此声明原证书作废，由此产生的一切法律责任由本人承担。",
        ],
        "声明人（签字）",
        p,
        c.today - D(days=2),
        holder=p.name,
        id_shown=p.printed_id,
        seed=c.seed(),
    )


def bdc_01(c: Case) -> None:
    c.pattern, c.note = (
        "id_side_by_side_phone",
        "遗失补发：申请书为系统PDF；身份证正反面并排复印后用手机拍照；手写声明拍照",
    )
    p = c.person()
    c.applicant = p.name
    _bdc_form(c, p, "p", "补发")
    name = c.jpg(photo.phone_page(id_a4(c, [(p, "owner-id")], "side", scan=False), c.rng))
    c.doc([name], "owner-id", id_fields(p))
    c.provide("owner-id")
    doc, fields = _lost_statement(c, p)
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "lost-statement", fields)
    c.provide("lost-statement")


def bdc_02(c: Case) -> None:
    c.pattern, c.note = (
        "damaged_cert_and_coowner",
        "污损换发：原证书登记页斜拍；本人和共有人身份证复印在同一张A4（两行）",
    )
    p, co = c.person(), c.person()
    c.applicant = p.name
    _bdc_form(c, p, "d", "换发")
    doc, fields = property_cert(p, p.address, c.today - D(days=2000), _unit(c), c.seed())
    page = raster.render(doc, 150, (185.0, 215.0))[0]
    stained = photo.glare(page, c.rng)
    c.doc([c.jpg(photo.at_angle(stained, c.rng, 0.1))], "damaged-cert", fields)
    c.provide("damaged-cert")
    name = c.jpg(id_a4(c, [(p, "owner-id"), (co, "coowner-id")], "side"))
    c.doc([name], "owner-id", id_fields(p))
    c.doc([name], "coowner-id", id_fields(co))
    c.provide("owner-id")
    c.provide("coowner-id")


def bdc_03(c: Case) -> None:
    c.pattern, c.note = "agent_id_front_only", "遗失补发并委托：代理人身份证只拍了人像面"
    p, agent = c.person(), c.person()
    c.applicant = p.name
    _bdc_form(c, p, "d", "补发")
    id_desk_photos(c, p, "owner-id")
    c.provide("owner-id")
    doc, fields = _lost_statement(c, p)
    c.doc([c.text_pdf(doc)], "lost-statement", fields)
    c.provide("lost-statement")
    doc, fields = poa(p, agent, "不动产权属证书补发登记", c.today - D(days=5), c.seed(), table=True)
    c.doc([c.docx(doc)], "poa", fields)
    c.provide("poa")
    id_desk_photos(c, agent, "agent-id", "f")
    c.provide("agent-id", "defective")


def bdc_04(c: Case) -> None:
    c.pattern, c.note = (
        "reversed_merged_pdf",
        "申请书、身份证复印件、遗失声明扫描成一份PDF，页序颠倒（声明在第1页，申请书在最后）",
    )
    p = c.person()
    c.applicant = p.name
    doc_f, f_fields = form(
        "不动产登记申请书",
        p,
        [("登记事项", "不动产权属证书补发")],
        c.today - D(days=1),
        c.town.phone(),
        seed=c.seed(),
    )
    doc_s, s_fields = _lost_statement(c, p)
    pages = [
        photo.copier(raster.render(doc_f)[0], c.rng),
        id_a4(c, [(p, "owner-id")], "stack"),
        photo.copier(raster.render(doc_s)[0], c.rng),
    ]
    name = c.scan_pdf(list(reversed(pages)))
    c.doc([name], "apply-form", f_fields)
    c.doc([name], "owner-id", id_fields(p))
    c.doc([name], "lost-statement", s_fields)
    for m in ("apply-form", "owner-id", "lost-statement"):
        c.provide(m)


def bdc_05(c: Case) -> None:
    c.pattern, c.note = "damaged_cert_missing", "污损换发但没有交原证书"
    p = c.person()
    c.applicant = p.name
    _bdc_form(c, p, "p", "换发")
    id_desk_photos(c, p, "owner-id", "bf")
    c.provide("owner-id")


def _esf_people(c: Case, buyer_expired: bool = False):
    return c.person(), c.person(expired=buyer_expired)


def _esf_contract_split(c: Case, seller, buyer, signed_ok: bool = True) -> None:
    """Four contract pages scanned as two PDFs of two pages each."""
    doc, fields = sale_contract(
        seller,
        buyer,
        seller.address,
        c.rng.randint(90, 260) * 10000,
        c.today - D(days=12),
        signed_ok,
        c.seed(),
    )
    pages = [photo.copier(pg, c.rng) for pg in raster.render(doc)]
    names = [c.scan_pdf(pages[:2]), c.scan_pdf(pages[2:])]
    c.doc(names, "contract", fields)
    c.provide("contract", "ok" if signed_ok else "defective")


def _deed(c: Case, seller) -> None:
    doc, fields = property_cert(seller, seller.address, c.today - D(days=3000), _unit(c), c.seed())
    page = raster.render(doc, 150, (185.0, 215.0))[0]
    c.doc([c.jpg(photo.at_angle(page, c.rng, 0.06))], "deed", fields)
    c.provide("deed")


def esf_01(c: Case) -> None:
    c.pattern, c.note = (
        "contract_two_pdfs",
        "买卖合同四页扫描成两个两页PDF；买卖双方身份证复印在同一张A4",
    )
    seller, buyer = _esf_people(c)
    c.applicant = buyer.name
    _bdc_form(c, buyer, "p", "转移登记")
    name = c.jpg(id_a4(c, [(seller, "seller-id"), (buyer, "buyer-id")], "side"))
    c.doc([name], "seller-id", id_fields(seller))
    c.doc([name], "buyer-id", id_fields(buyer))
    c.provide("seller-id")
    c.provide("buyer-id")
    _deed(c, seller)
    _esf_contract_split(c, seller, buyer)


def esf_02(c: Case) -> None:
    c.pattern, c.note = (
        "three_people_one_a4",
        "已婚：卖方、买方、买方配偶三人身份证在一张A4；结婚证内页拍照",
    )
    seller, buyer = _esf_people(c)
    spouse = c.person(age=buyer.age_on(c.today) + c.rng.randint(-3, 3), male=not buyer.male)
    c.applicant = buyer.name
    _bdc_form(c, buyer, "d", "转移登记")
    name = c.jpg(
        id_a4(
            c,
            [(seller, "seller-id"), (buyer, "buyer-id"), (spouse, "spouse-id")],
            "side",
            "仅供不动产登记使用",
        )
    )
    for p, m in ((seller, "seller-id"), (buyer, "buyer-id"), (spouse, "spouse-id")):
        c.doc([name], m, id_fields(p))
        c.provide(m)
    doc, fields = marriage(buyer, spouse, c.today - D(days=2200), c.seed())
    c.doc(
        [c.jpg(photo.phone_page(raster.render(doc, 150, (125.0, 175.0))[0], c.rng))],
        "marriage-cert",
        fields,
    )
    c.provide("marriage-cert")
    _deed(c, seller)
    doc, fields = sale_contract(
        seller, buyer, seller.address, 1850000, c.today - D(days=9), True, c.seed()
    )
    c.doc(
        [c.text_pdf(doc, header="示范市存量房网签备案系统", footer="网签合同")], "contract", fields
    )
    c.provide("contract")


def esf_03(c: Case) -> None:
    c.pattern, c.note = "contract_unsigned", "买卖合同签署页没有签字"
    seller, buyer = _esf_people(c)
    c.applicant = buyer.name
    _bdc_form(c, buyer, "d", "转移登记")
    id_desk_photos(c, seller, "seller-id")
    id_desk_photos(c, buyer, "buyer-id", "bf")
    c.provide("seller-id")
    c.provide("buyer-id")
    _deed(c, seller)
    _esf_contract_split(c, seller, buyer, signed_ok=False)


def esf_04(c: Case) -> None:
    c.pattern, c.note = "buyer_id_expired_deed_missing", "买方身份证已过期；没有交不动产权证书"
    seller, buyer = _esf_people(c, buyer_expired=True)
    c.applicant = buyer.name
    _bdc_form(c, buyer, "p", "转移登记")
    name = c.scan_pdf(
        [id_a4(c, [(seller, "seller-id")], "stack"), id_a4(c, [(buyer, "buyer-id")], "stack")]
    )
    c.doc([name], "seller-id", id_fields(seller))
    c.doc([name], "buyer-id", id_fields(buyer))
    c.provide("seller-id")
    c.provide("buyer-id", "defective")
    _esf_contract_split(c, seller, buyer)


def _gjj_lease(c: Case, tenant, shape: str, holder=None) -> None:
    landlord = c.person()
    start = c.today - D(days=c.rng.randint(60, 200))
    doc, fields = lease(
        landlord,
        holder or tenant,
        c.town.address(),
        start,
        add_years(start, 1),
        start - D(days=3),
        c.rng.randint(18, 45) * 100,
        seed=c.seed(),
    )
    if shape == "two_pdfs":
        pages = [photo.copier(pg, c.rng, grey=False) for pg in raster.render(doc)]
        names = [c.scan_pdf(pages[:2]), c.scan_pdf(pages[2:])]
    else:
        names = [c.docx(doc)]
    c.doc(names, "zulin-hetong", fields)
    c.provide("zulin-hetong", "ok" if holder is None else "defective")


def gjj_01(c: Case) -> None:
    c.pattern, c.note = (
        "lease_two_pdfs_bank_card",
        "租赁合同四页扫描成两个两页PDF；身份证办公桌拍照；银行卡正面拍照（容缺材料已交）",
    )
    p = c.person()
    c.applicant = p.name
    _gjj_lease(c, p, "two_pdfs")
    id_desk_photos(c, p, "sfz")
    c.provide("sfz")
    card, _number = cards.bank_card(c.rng)
    c.doc([c.jpg(photo.on_desk(card, c.rng, keyboard=False))], "yinhangka", {})
    c.provide("yinhangka")


def gjj_02(c: Case) -> None:
    c.pattern, c.note = (
        "married_lease_docx",
        "已婚：本人与配偶身份证在一张A4；结婚证拍照；租赁合同为Word",
    )
    p = c.person()
    spouse = c.person(age=p.age_on(c.today) + c.rng.randint(-3, 3), male=not p.male)
    c.applicant = p.name
    _gjj_lease(c, p, "docx")
    name = c.scan_pdf([id_a4(c, [(p, "sfz"), (spouse, "peiou-sfz")], "side")])
    c.doc([name], "sfz", id_fields(p))
    c.doc([name], "peiou-sfz", id_fields(spouse))
    c.provide("sfz")
    c.provide("peiou-sfz")
    doc, fields = marriage(p, spouse, c.today - D(days=900), c.seed())
    c.doc(
        [c.jpg(photo.phone_page(raster.render(doc, 150, (125.0, 175.0))[0], c.rng))],
        "jiehunzheng",
        fields,
    )
    c.provide("jiehunzheng")


def gjj_03(c: Case) -> None:
    c.pattern, c.note = "lease_other_tenant", "租赁合同的承租方是别人（室友）"
    p, roommate = c.person(), c.person()
    c.applicant = p.name
    _gjj_lease(c, p, "two_pdfs", holder=roommate)
    id_desk_photos(c, p, "sfz", "bf")
    c.provide("sfz")


def gjj_04(c: Case) -> None:
    c.pattern, c.note = "poa_too_old", "代办：授权委托书签于130天前（超过90天）"
    p, agent = c.person(), c.person()
    c.applicant = p.name
    _gjj_lease(c, p, "docx")
    name = c.jpg(id_a4(c, [(p, "sfz")], "stack"))
    c.doc([name], "sfz", id_fields(p))
    c.provide("sfz")
    doc, fields = poa(p, agent, "住房公积金提取", c.today - D(days=130), c.seed())
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "weituoshu", fields)
    c.provide("weituoshu", "defective")
    id_desk_photos(c, agent, "daiban-sfz", "fb", keyboard=False)
    c.provide("daiban-sfz")


def _driving(c: Case, p, expired: bool) -> None:
    until = c.today - D(days=70) if expired else c.today + D(days=400)
    card = cards.driving_licence(p, add_years(until, -12), until, 300, c.seed())
    c.doc(
        [c.jpg(photo.on_desk(card, c.rng, keyboard=False))],
        "old-license",
        {
            "name": p.name,
            "id_number": p.printed_id,
            "address": p.address,
            "valid_until": ymd(until),
        },
    )
    c.provide("old-license")


def _body_check(c: Case, p, days: int):
    return medical(
        "机动车驾驶人身体条件证明",
        "示范市第三人民医院体检中心",
        p,
        [
            ("身高", "172cm"),
            ("辨色力", "正常"),
            ("视力", "左眼5.0 右眼5.0"),
            ("听力", "正常"),
            ("上肢", "正常"),
            ("下肢", "正常"),
            ("医疗机构意见", "合格"),
        ],
        "经检查，该驾驶人身体条件符合申请准驾车型的要求。",
        c.today - D(days=days),
        c.person(),
        c.seed(),
    )


def jsz_01(c: Case) -> None:
    c.pattern, c.note = (
        "expired_licence_renewal",
        "期满换证：原驾驶证已过期（换证本就如此）；身份证两张照片",
    )
    p = c.person()
    c.applicant = p.name
    id_desk_photos(c, p, "id-card", keyboard=False)
    c.provide("id-card")
    _driving(c, p, expired=True)


def jsz_02(c: Case) -> None:
    c.pattern, c.note = (
        "lost_with_health_check",
        "遗失补领并提交身体条件证明（40天前）；身份证竖排复印",
    )
    p = c.person()
    c.applicant = p.name
    doc, fields = letter(
        "机动车驾驶证遗失情况书面声明",
        [
            f"本人{p.name}，公民身份号码{p.printed_id}，持有的机动车驾驶证于近日不慎遗失，特此声明。",
            "本人承诺以上情况属实，如有虚假，愿承担相应的法律责任。",
        ],
        "声明人（签字）",
        p,
        c.today - D(days=1),
        holder=p.name,
        id_shown=p.printed_id,
        seed=c.seed(),
    )
    c.doc([c.text_pdf(doc)], "lost-statement", fields)
    c.provide("lost-statement")
    doc, fields = _body_check(c, p, 40)
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "health-cert", fields)
    c.provide("health-cert")
    name = c.jpg(id_a4(c, [(p, "id-card")], "stack"))
    c.doc([name], "id-card", id_fields(p))
    c.provide("id-card")


def jsz_03(c: Case) -> None:
    c.pattern, c.note = "health_check_too_old", "身体条件证明开具于200天前（超过180天）"
    p = c.person()
    c.applicant = p.name
    id_desk_photos(c, p, "id-card", "bf")
    c.provide("id-card")
    _driving(c, p, expired=True)
    doc, fields = _body_check(c, p, 200)
    c.doc([c.text_pdf(doc)], "health-cert", fields)
    c.provide("health-cert", "defective")


def jsz_04(c: Case) -> None:
    c.pattern, c.note = (
        "agent_table_poa",
        "遗失补领委托代理：委托书为Word表格；代理人身份证并排复印；声明拍照",
    )
    p, agent = c.person(), c.person()
    c.applicant = p.name
    id_desk_photos(c, p, "id-card")
    c.provide("id-card")
    doc, fields = letter(
        "机动车驾驶证遗失情况书面声明",
        [f"本人{p.name}，公民身份号码{p.printed_id}，驾驶证于外出途中遗失。", "特此声明。"],
        "声明人（签字）",
        p,
        c.today - D(days=3),
        holder=p.name,
        id_shown=p.printed_id,
        seed=c.seed(),
    )
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "lost-statement", fields)
    c.provide("lost-statement")
    doc, fields = poa(p, agent, "机动车驾驶证补领业务", c.today - D(days=3), c.seed(), table=True)
    c.doc([c.docx(doc)], "power-of-attorney", fields)
    c.provide("power-of-attorney")
    name = c.jpg(id_a4(c, [(agent, "agent-id")], "side"))
    c.doc([name], "agent-id", id_fields(agent))
    c.provide("agent-id")


def _licence_photo(c: Case, company, copy: bool, material: str, status: str = "ok") -> None:
    issued = c.today - D(days=c.rng.randint(400, 1500))
    img = cards.business_licence(company, issued, 150, copy, c.seed())
    if not copy:
        img = img.resize((img.width * 3 // 4, img.height * 3 // 4), Image.LANCZOS)
    fields = {
        "name": company.name,
        "uscc": company.printed_uscc,
        "legal_rep": company.legal_rep,
        "address": company.address,
        "issue_date": ymd(issued),
    }
    c.doc([c.jpg(photo.at_angle(img, c.rng, 0.12))], material, fields)
    c.provide(material, status)


def _yyzz_form(c: Case, company, shape: str, kind: str) -> None:
    doc, fields = licence_form(
        "营业执照补领（换发）申请书",
        company,
        [("申请事项", kind), ("联系人", company.legal_rep)],
        c.today - D(days=2),
        c.seed(),
    )
    name = c.text_pdf(doc, header="示范市市场监督管理局") if shape == "p" else c.docx(doc)
    c.doc([name], "buling-sqs", fields)
    c.provide("buling-sqs")


def yyzz_01(c: Case) -> None:
    c.pattern, c.note = (
        "licence_at_angle",
        "损坏换发：营业执照副本斜拍（梯形透视）；申请书盖公章的系统PDF",
    )
    company = c.town.company()
    c.applicant = company.name
    _yyzz_form(c, company, "p", "损坏换发")
    _licence_photo(c, company, True, "sunhuai-zhizhao")


def yyzz_02(c: Case) -> None:
    c.pattern, c.note = (
        "lost_with_agent_and_optional",
        "遗失补领委托代办：另交了未遗失的正本照片（非必要材料）；代办人身份证竖排复印",
    )
    company = c.town.company()
    rep = c.person()
    company.legal_rep = rep.name
    agent = c.person()
    c.applicant = company.name
    _yyzz_form(c, company, "d", "遗失补领")
    doc, fields = poa(rep, agent, f"{company.name}营业执照补领", c.today - D(days=4), c.seed())
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "weituoshu", fields)
    c.provide("weituoshu")
    name = c.jpg(id_a4(c, [(agent, "dailiren-sfz")], "stack"))
    c.doc([name], "dailiren-sfz", id_fields(agent))
    c.provide("dailiren-sfz")
    _licence_photo(c, company, False, "weiyishi-zhizhao")


def yyzz_03(c: Case) -> None:
    c.pattern, c.note = "licence_of_other_company", "损坏换发：交的营业执照是另一家公司的"
    company, other = c.town.company(), c.town.company()
    c.applicant = company.name
    _yyzz_form(c, company, "d", "损坏换发")
    _licence_photo(c, other, True, "sunhuai-zhizhao", "defective")


CASES = [
    ("bdc-01", "budongchan-zhengshu-bufa", ["lost"], bdc_01),
    ("bdc-02", "budongchan-zhengshu-bufa", ["damaged", "co-owner"], bdc_02),
    ("bdc-03", "budongchan-zhengshu-bufa", ["lost", "agent"], bdc_03),
    ("bdc-04", "budongchan-zhengshu-bufa", ["lost"], bdc_04),
    ("bdc-05", "budongchan-zhengshu-bufa", ["damaged"], bdc_05),
    ("esf-01", "budongchan-zhuanyi-ershoufang", [], esf_01),
    ("esf-02", "budongchan-zhuanyi-ershoufang", ["married"], esf_02),
    ("esf-03", "budongchan-zhuanyi-ershoufang", [], esf_03),
    ("esf-04", "budongchan-zhuanyi-ershoufang", [], esf_04),
    ("gjj-01", "gjj-tiqu-zufang", [], gjj_01),
    ("gjj-02", "gjj-tiqu-zufang", ["married"], gjj_02),
    ("gjj-03", "gjj-tiqu-zufang", [], gjj_03),
    ("gjj-04", "gjj-tiqu-zufang", ["agent"], gjj_04),
    ("jsz-01", "gongan-jiashizheng-buhuan", ["expired"], jsz_01),
    ("jsz-02", "gongan-jiashizheng-buhuan", ["lost", "health-check"], jsz_02),
    ("jsz-03", "gongan-jiashizheng-buhuan", ["expired", "health-check"], jsz_03),
    ("jsz-04", "gongan-jiashizheng-buhuan", ["lost", "agent"], jsz_04),
    ("yyzz-01", "scjg-yyzz-buling", ["sunhuai"], yyzz_01),
    ("yyzz-02", "scjg-yyzz-buling", ["yishi", "agent"], yyzz_02),
    ("yyzz-03", "scjg-yyzz-buling", ["sunhuai"], yyzz_03),
]
