"""Cases of items about work and business: 创业担保贷款, 技能提升补贴, 公共场所卫生许可,
药品零售许可, 烟草零售许可."""

from __future__ import annotations

from datetime import date, timedelta

from tests.prereview.blind.ident import add_years, luhn_complete
from tests.prereview.blind4 import cards, photo, texts, uploads
from tests.prereview.blind4.cases_people import lease_for, new
from tests.prereview.blind4.common import company_form, days_ago, licence_fields, person_form
from tests.prereview.blind4.kit import Kit
from tests.prereview.blind4.papers import Paper
from tests.prereview.blind4.people import address, make_company, make_person

CD = "rs-cydb-daikuan"
JN = "rs-jineng-tisheng-butie"
GG = "jk-ggcs-weisheng-xuke"
YP = "scjg-yaopin-lingshou-xuke"
YC = "yc-lingshou-xuke"


def company_case(
    cid: str,
    item: str,
    today: date,
    situations: list[str],
    pattern: str,
    note: str,
    trade: int,
    getihu: bool = False,
):
    """A kit whose applicant is a company (or a 个体工商户's operator)."""
    k, rep = new(cid, item, today, situations, pattern, note)
    co = make_company(k.rng, rep, getihu=getihu, trade=trade)
    k.applicant = rep.name if getihu else co.name
    return k, rep, co


def company_lease(k: Kit, co, how: str, material: str, style: str, order=None, expired=False):
    lessor = make_person(k.rng, k.today)
    signed = k.today - timedelta(days=k.rng.randint(150, 500))
    start = signed + timedelta(days=10)
    end = k.today - timedelta(days=40) if expired else add_years(start, 5)
    papers = texts.lease(
        lessor, co, co.address, start, end, k.rng.randint(40, 150) * 100, signed, style, use="经营"
    )
    fields = {
        "name": co.name,
        "address": co.address,
        "valid_until": end.isoformat(),
        "signature": True,
        "issue_date": signed.isoformat(),
    }
    return uploads.paper(k, papers, how, material, fields, order=order)


def diploma_of(k: Kit, p, how: str, material: str) -> str:
    grad = date(p.birth.year + 22, 6, 30)
    im = cards.diploma(
        p,
        k.rng.choice(["示范大学", "示范职业技术学院", "示范医科大学"]),
        k.rng.choice(["药学", "市场营销", "工商管理"]),
        grad,
        f"1{k.rng.randint(10**16, 10**17 - 1)}",
        k.rng,
    )
    return uploads.picture(k, im, how, material, {"name": p.name, "issue_date": grad.isoformat()})


# ------------------------------------------------------------------ 创业担保贷款


def cd_01() -> Kit:
    k, p = new(
        "cd-01",
        CD,
        date(2026, 11, 20),
        ["geren", "yihun"],
        "couple_one_copy_deferrable_plan",
        "个人创业、已婚：夫妻身份证在同一张复印件（PDF）；结婚证；毕业证书；经营场所租赁合同为文字PDF；"
        "创业计划书容缺未传",
        age=28,
    )
    spouse = make_person(k.rng, k.today, age=29, male=not p.male)
    person_form(k, "示范市创业担保贷款申请审批表", p, "docx", "shenqing-biao")
    uploads.id_copy(
        k,
        [(p, "sfz"), (spouse, "peiou-sfz")],
        p.name,
        texts.date_text(k.today, "plain"),
        as_pdf=True,
    )
    reg = days_ago(k, 200, 700)
    uploads.picture(
        k,
        cards.marriage_page(
            p, spouse, reg, f"J320214-{reg.year}-{k.rng.randint(100, 9999):06d}", k.rng
        ),
        "shadow",
        "jiehunzheng",
        {"name": p.name, "id_number": p.printed_id, "issue_date": reg.isoformat()},
    )
    diploma_of(k, p, "table", "biyezheng")
    lease_for(k, p, "text_pdf", "zulin-hetong", "dash", end_offset=500)
    for m in ("shenqing-biao", "sfz", "peiou-sfz", "jiehunzheng", "biyezheng", "zulin-hetong"):
        k.give(m)
    return k


def cd_02() -> Kit:
    k, p = new(
        "cd-02",
        CD,
        date(2026, 11, 24),
        ["geren"],
        "lease_expired",
        "经营场所租赁合同已到期→需补正",
        age=26,
    )
    uploads.id_card(k, p, "sfz", "table", "bf")
    diploma_of(k, p, "curl", "biyezheng")
    lessor = make_person(k.rng, k.today)
    signed = k.today - timedelta(days=800)
    end = k.today - timedelta(days=60)
    addr = address(k.rng)
    papers = texts.lease(
        lessor, p, addr, signed + timedelta(days=3), end, 3200, signed, "plain", use="经营"
    )
    uploads.paper(
        k,
        papers,
        "scan_pdf",
        "zulin-hetong",
        {
            "name": p.name,
            "address": addr,
            "valid_until": end.isoformat(),
            "signature": True,
            "issue_date": signed.isoformat(),
        },
    )
    person_form(k, "示范市创业担保贷款申请审批表", p, "table", "shenqing-biao")
    k.give("zulin-hetong", "defective")
    for m in ("sfz", "biyezheng", "shenqing-biao"):
        k.give(m)
    return k


def cd_03() -> Kit:
    k, p = new(
        "cd-03",
        CD,
        date(2026, 11, 17),
        ["geren", "yihun"],
        "spouse_front_only",
        "配偶身份证只传了人像面→需补正；租赁合同三张照片乱序、中文大写日期",
        age=33,
    )
    spouse = make_person(k.rng, k.today, age=31, male=not p.male)
    uploads.id_card(k, p, "sfz", "shadow", "fb")
    uploads.id_card(k, spouse, "peiou-sfz", "table", sides="front")
    reg = days_ago(k, 900, 2000)
    uploads.picture(
        k,
        cards.marriage_page(
            p, spouse, reg, f"J320206-{reg.year}-{k.rng.randint(100, 9999):06d}", k.rng
        ),
        "curl",
        "jiehunzheng",
        {"name": p.name, "id_number": p.printed_id, "issue_date": reg.isoformat()},
    )
    lease_for(k, p, "table", "zulin-hetong", "cn", order=[1, 2, 0], end_offset=300)
    diploma_of(k, p, "table", "biyezheng")
    person_form(k, "示范市创业担保贷款申请审批表", p, "docx", "shenqing-biao")
    k.give("peiou-sfz", "defective")
    for m in ("sfz", "jiehunzheng", "zulin-hetong", "biyezheng", "shenqing-biao"):
        k.give(m)
    return k


def cd_04() -> Kit:
    k, p = new(
        "cd-04",
        CD,
        date(2026, 11, 26),
        ["geren"],
        "plan_docx_upright_id",
        "身份证竖拍；毕业证书150dpi扫描PDF；创业计划书Word（容缺材料提供了）",
        age=24,
    )
    uploads.id_card(k, p, "sfz", "upright", "fb")
    lease_for(k, p, "curl", "zulin-hetong", "plain", end_offset=700)
    grad = date(p.birth.year + 22, 6, 30)
    im = cards.diploma(
        p,
        "示范职业技术学院",
        "烹饪工艺与营养",
        grad,
        f"1{k.rng.randint(10**16, 10**17 - 1)}",
        k.rng,
    )
    name = k.scan_pdf([im], 150)
    k.doc([name], "biyezheng", {"name": p.name, "issue_date": grad.isoformat()})
    plan = Paper(
        [
            ("title", "创业项目计划书"),
            ("p", f"项目负责人：{p.name}"),
            ("p", "一、项目概况：在示范市梁溪区开设一家社区早餐店，主营包子、豆浆、粥品。"),
            ("p", "二、市场分析：周边三个小区约五千户居民，早餐需求稳定。"),
            (
                "grid",
                [
                    ["项目", "金额（元）"],
                    ["房租押金", "24000"],
                    ["设备采购", "56000"],
                    ["装修", "40000"],
                    ["流动资金", "30000"],
                ],
                [60, 40],
            ),
            ("p", "三、资金需求：申请创业担保贷款人民币十五万元，期限两年。"),
        ]
    )
    uploads.paper(k, [plan], "docx", "jihuashu", {"name": p.name})
    person_form(k, "示范市创业担保贷款申请审批表", p, "docx", "shenqing-biao")
    for m in ("sfz", "zulin-hetong", "biyezheng", "jihuashu", "shenqing-biao"):
        k.give(m)
    return k


# ------------------------------------------------------------------ 技能提升补贴


def skill(k: Kit, p, issued: date, how: str) -> str:
    org = k.rng.choice(["示范市职业技能鉴定中心", "示范技师学院", "示范市餐饮行业协会"])
    im = cards.skill_certificate(
        p,
        k.rng.choice(["中式烹调师", "电工", "保育师", "美容师"]),
        k.rng.choice(["四级/中级工", "三级/高级工", "五级/初级工"]),
        f"S0000320{k.rng.randint(10**9, 10**10 - 1)}",
        issued,
        org,
        k.rng,
    )
    return uploads.picture(
        k,
        im,
        how,
        "jineng-zhengshu",
        {
            "name": p.name,
            "id_number": p.printed_id,
            "issue_date": issued.isoformat(),
            "signature": True,
        },
    )


def jn_01() -> Kit:
    k, p = new(
        "jn-01",
        JN,
        date(2026, 11, 21),
        [],
        "skill_cert_tablecloth",
        "职业技能等级证书桌布上拍照；申请表Word",
    )
    person_form(k, "技能提升补贴申请表", p, "docx", "shenqing-biao")
    skill(k, p, days_ago(k, 60, 150), "table")
    k.give("shenqing-biao")
    k.give("jineng-zhengshu")
    return k


def jn_02() -> Kit:
    k, p = new(
        "jn-02",
        JN,
        date(2026, 11, 19),
        ["shiye"],
        "skill_cert_over_365",
        "失业期间取证：证书发证已超过365天→需补正；申请表为网办系统导出PDF",
    )
    person_form(k, "技能提升补贴申请表", p, "text_pdf", "shenqing-biao")
    skill(k, p, days_ago(k, 420, 520), "shadow")
    k.give("shenqing-biao")
    k.give("jineng-zhengshu", "defective")
    return k


def jn_03() -> Kit:
    k, p = new(
        "jn-03",
        JN,
        date(2026, 11, 27),
        [],
        "skill_cert_screen_moire_bank_card",
        "证书从电脑屏幕翻拍（摩尔纹）；另传了社保卡背面的银行卡照片（不是本事项需提交的材料）",
    )
    skill(k, p, days_ago(k, 20, 90), "screen")
    person_form(k, "技能提升补贴申请表", p, "curl", "shenqing-biao")
    no = luhn_complete("621483" + "".join(str(k.rng.randint(0, 9)) for _ in range(12)))
    uploads.picture(k, cards.bank_card(no, k.rng), "shadow", None, {})
    k.give("jineng-zhengshu")
    k.give("shenqing-biao")
    return k


# ------------------------------------------------------------------ 公共场所卫生许可


def health_cards(k: Kit, staff: list, how: str, expired_one: bool = False) -> str:
    """Several staff health certificates photographed together on one sheet."""
    ims, facts = [], []
    for i, s in enumerate(staff):
        checked = days_ago(k, 420, 500) if (expired_one and i == 0) else days_ago(k, 30, 200)
        until = add_years(checked, 1)
        unit = "示范市疾病预防控制中心"
        ims.append(
            cards.health_card(
                s, checked, until, unit, f"JK{checked:%Y}{k.rng.randint(10**5, 10**6)}", k.rng, 200
            )
        )
        facts.append(
            {"name": s.name, "issue_date": checked.isoformat(), "valid_until": until.isoformat()}
        )
    sheet = photo.stack(ims, 60)
    name = k.jpg(uploads.scene(k, sheet, how))
    for f in facts:
        k.doc([name], "jiankang-zhengming", f)
    return name


def report(
    k: Kit, co, how: str, issued: date, material: str = "jiance-baogao", title: str | None = None
):
    agency = "示范市华测检验检测有限公司"
    paper = texts.inspection_report(
        co, agency, issued, f"HC{issued:%Y%m}{k.rng.randint(1000, 9999)}"
    )
    if title:
        paper.blocks[0] = ("title", title)
    return uploads.paper(
        k,
        [paper],
        how,
        material,
        {
            "name": co.name,
            "address": co.address,
            "issue_date": issued.isoformat(),
            "signature": True,
        },
    )


def gg_rules(k: Kit, co, how: str):
    paper = texts.rules(
        co,
        "公共场所卫生管理制度",
        [
            "建立卫生管理组织，法定代表人为卫生安全第一责任人。",
            "从业人员取得健康合格证明后方可上岗，每年进行一次健康检查。",
            "顾客用品用具一客一换一消毒，消毒后分类存放。",
            "每年委托有资质的机构进行一次卫生检测，并公示检测结果。",
        ],
    )
    return uploads.paper(k, [paper], how, "guanli-zhidu", {"name": co.name})


def gg_plan(k: Kit, how: str):
    return uploads.picture(k, cards.floor_plan("经营场所平面布局图", k.rng), how, "pingmian-tu", {})


def gg_01() -> Kit:
    k, rep, co = company_case(
        "gg-01",
        GG,
        date(2026, 11, 18),
        [],
        "full_set_mixed_formats",
        "电子营业执照截图；法定代表人身份证复印件盖章注明与原件一致；检测报告为检测机构系统导出PDF（页眉、二维码、页码）；两张健康证明在一张纸上",
        trade=0,
    )
    company_form(k, "公共场所卫生许可申请表", co, rep, "docx", "xuke-sqb")
    uploads.picture(
        k,
        cards.e_licence_screen(co, k.rng),
        "flat",
        "yingye-zhizhao",
        licence_fields(co),
        as_png=True,
    )
    uploads.id_copy(k, [(rep, "fuzeren-sfz")], rep.name, texts.date_text(k.today, "plain"))
    gg_plan(k, "table")
    report(k, co, "text_pdf", days_ago(k, 40, 100))
    health_cards(k, [make_person(k.rng, k.today), make_person(k.rng, k.today)], "table")
    gg_rules(k, co, "docx")
    for m in (
        "xuke-sqb",
        "yingye-zhizhao",
        "fuzeren-sfz",
        "pingmian-tu",
        "jiance-baogao",
        "jiankang-zhengming",
        "guanli-zhidu",
    ):
        k.give(m)
    return k


def gg_02() -> Kit:
    k, rep, co = company_case(
        "gg-02",
        GG,
        date(2026, 11, 23),
        ["commitment"],
        "unsigned_promise_report_deferred",
        "告知承诺：承诺书未签字未盖章→需补正；检测报告容缺未传",
        trade=1,
    )
    company_form(k, "公共场所卫生许可申请表", co, rep, "table", "xuke-sqb")
    uploads.id_card(k, rep, "fuzeren-sfz", "table", "fb")
    gg_plan(k, "curl")
    health_cards(k, [make_person(k.rng, k.today)], "shadow")
    gg_rules(k, co, "table")
    pr = texts.promise(
        "公共场所卫生许可告知承诺书",
        co,
        "公共场所卫生许可",
        days_ago(k, 0, 3),
        "plain",
        None,
        False,
    )
    uploads.paper(k, [pr], "docx", "gaozhi-chengnuoshu", {"name": co.name})
    k.give("gaozhi-chengnuoshu", "defective")
    for m in ("xuke-sqb", "fuzeren-sfz", "pingmian-tu", "jiankang-zhengming", "guanli-zhidu"):
        k.give(m)
    return k


def gg_03() -> Kit:
    k, rep, co = company_case(
        "gg-03",
        GG,
        date(2026, 11, 26),
        ["agent"],
        "agent_health_cert_expired",
        "委托代办：单位盖章的授权委托书；代理人身份证；一张健康证明已过期→需补正",
        trade=2,
    )
    agent = make_person(k.rng, k.today)
    signed = days_ago(k, 1, 6)
    poa = texts.power_of_attorney(
        co, agent, "公共场所卫生许可申请", signed, "plain", rep.name, seal=co.name
    )
    uploads.paper(
        k,
        [poa],
        "table",
        "weituoshu",
        {
            "name": co.name,
            "uscc": co.printed_uscc,
            "signature": True,
            "issue_date": signed.isoformat(),
        },
    )
    uploads.id_card(k, agent, "dailiren-sfz", "shadow", "bf")
    uploads.id_card(k, rep, "fuzeren-sfz", "table", "fb")
    company_form(k, "公共场所卫生许可申请表", co, agent, "docx", "xuke-sqb")
    health_cards(
        k, [make_person(k.rng, k.today), make_person(k.rng, k.today)], "table", expired_one=True
    )
    report(k, co, "scan_pdf", days_ago(k, 60, 200))
    gg_plan(k, "table")
    gg_rules(k, co, "text_pdf")
    k.give("jiankang-zhengming", "defective")
    for m in (
        "weituoshu",
        "dailiren-sfz",
        "fuzeren-sfz",
        "xuke-sqb",
        "jiance-baogao",
        "pingmian-tu",
        "guanli-zhidu",
    ):
        k.give(m)
    return k


def gg_04() -> Kit:
    k, rep, co = company_case(
        "gg-04",
        GG,
        date(2026, 11, 20),
        ["kongtiao"],
        "aircon_report_over_365",
        "使用集中空调：空调通风系统检测报告已超过365天→需补正（容缺材料提供了但不合格仍需补正）",
        trade=2,
    )
    company_form(k, "公共场所卫生许可申请表", co, rep, "text_pdf", "xuke-sqb")
    uploads.id_card(k, rep, "fuzeren-sfz", "upright", "fb")
    report(k, co, "scan_pdf", days_ago(k, 30, 120))
    report(
        k,
        co,
        "text_pdf",
        days_ago(k, 420, 500),
        "kongtiao-baogao",
        "集中空调通风系统卫生检测评价报告",
    )
    health_cards(k, [make_person(k.rng, k.today)], "table")
    gg_plan(k, "shadow")
    gg_rules(k, co, "docx")
    k.give("kongtiao-baogao", "defective")
    for m in (
        "xuke-sqb",
        "fuzeren-sfz",
        "jiance-baogao",
        "jiankang-zhengming",
        "pingmian-tu",
        "guanli-zhidu",
    ):
        k.give(m)
    return k


def gg_05() -> Kit:
    k, rep, co = company_case(
        "gg-05",
        GG,
        date(2026, 11, 25),
        [],
        "licence_not_uploaded_waived",
        "营业执照免提交未传；管理制度纸张卷曲拍照；身份证反面先传",
        trade=5,
    )
    company_form(k, "公共场所卫生许可申请表", co, rep, "shadow", "xuke-sqb")
    uploads.id_card(k, rep, "fuzeren-sfz", "table", "bf")
    gg_plan(k, "table")
    report(k, co, "text_pdf", days_ago(k, 10, 60))
    health_cards(k, [make_person(k.rng, k.today)], "curl")
    gg_rules(k, co, "curl")
    for m in (
        "xuke-sqb",
        "fuzeren-sfz",
        "pingmian-tu",
        "jiance-baogao",
        "jiankang-zhengming",
        "guanli-zhidu",
    ):
        k.give(m)
    return k


def gg_06() -> Kit:
    k, rep, co = company_case(
        "gg-06",
        GG,
        date(2026, 11, 27),
        ["commitment", "agent"],
        "forms_signed_by_agent",
        "告知承诺并委托代办：申请表和承诺书由代理人签字（手写签名不与申请人比对，承诺书印有单位名称）；"
        "代理人身份证微信截图",
        trade=5,
    )
    agent = make_person(k.rng, k.today)
    company_form(k, "公共场所卫生许可申请表", co, agent, "docx", "xuke-sqb", signer=agent.name)
    signed = days_ago(k, 0, 4)
    pr = texts.promise(
        "公共场所卫生许可告知承诺书", co, "公共场所卫生许可", signed, "dot", agent.name, False
    )
    uploads.paper(
        k,
        [pr],
        "shadow",
        "gaozhi-chengnuoshu",
        {"name": co.name, "signature": True, "issue_date": signed.isoformat()},
    )
    poa_signed = days_ago(k, 2, 8)
    poa = texts.power_of_attorney(
        co, agent, "公共场所卫生许可申请", poa_signed, "cn", rep.name, seal=co.name
    )
    uploads.paper(
        k,
        [poa],
        "docx",
        "weituoshu",
        {
            "name": co.name,
            "uscc": co.printed_uscc,
            "signature": True,
            "issue_date": poa_signed.isoformat(),
        },
    )
    uploads.id_card(k, agent, "dailiren-sfz", "wechat", "bf")
    uploads.picture(
        k,
        cards.e_licence_screen(co, k.rng),
        "flat",
        "yingye-zhizhao",
        licence_fields(co),
        as_png=True,
    )
    uploads.id_copy(k, [(rep, "fuzeren-sfz")], agent.name, texts.date_text(k.today, "dash"))
    gg_plan(k, "curl")
    health_cards(k, [make_person(k.rng, k.today), make_person(k.rng, k.today)], "shadow")
    gg_rules(k, co, "text_pdf")
    for m in (
        "xuke-sqb",
        "gaozhi-chengnuoshu",
        "weituoshu",
        "dailiren-sfz",
        "yingye-zhizhao",
        "fuzeren-sfz",
        "pingmian-tu",
        "jiankang-zhengming",
        "guanli-zhidu",
    ):
        k.give(m)
    return k


# ------------------------------------------------------------------ 药品零售许可


def pharmacist(k: Kit, p, co, how: str, expired: bool = False) -> str:
    issued = days_ago(k, 400, 900)
    until = k.today - timedelta(days=k.rng.randint(30, 90)) if expired else add_years(issued, 5)
    im = cards.pharmacist_cert(p, co.name, f"{k.rng.randint(10**9, 10**10)}", until, issued, k.rng)
    return uploads.picture(
        k,
        im,
        how,
        "zhiye-yaoshi",
        {
            "name": p.name,
            "id_number": p.printed_id,
            "valid_until": until.isoformat(),
            "issue_date": issued.isoformat(),
        },
    )


def drug_docs(k: Kit, co, how_dir: str, how_plan: str) -> None:
    mulu = Paper(
        [
            ("title", "药品质量管理制度文件目录"),
            ("center", co.name),
            (
                "grid",
                [["序号", "文件名称", "文件编号"]]
                + [
                    [str(i), n, f"QM-{i:03d}"]
                    for i, n in enumerate(
                        [
                            "质量管理体系内审制度",
                            "药品采购管理制度",
                            "药品验收管理制度",
                            "药品陈列管理制度",
                            "处方审核调配管理制度",
                            "药品不良反应报告制度",
                            "温湿度监测管理制度",
                        ],
                        1,
                    )
                ],
                [16, 100, 34],
            ),
        ]
    )
    uploads.paper(k, [mulu], how_dir, "zhiliang-zhidu", {"name": co.name})
    uploads.picture(
        k, cards.floor_plan("营业场所及仓库平面布置图", k.rng), how_plan, "pingmiantu", {}
    )


def yp_01() -> Kit:
    k, rep, co = company_case(
        "yp-01",
        YP,
        date(2026, 11, 19),
        ["chufangyao"],
        "two_heads_one_copy",
        "企业负责人与质量负责人身份证在同一张复印件；执业药师注册证；租赁合同文字PDF（单位盖章）",
        trade=3,
    )
    qa = make_person(k.rng, k.today, age=35)
    company_form(k, "药品经营许可证申请表", co, rep, "docx", "xuke-sqb")
    uploads.picture(
        k,
        cards.e_licence_screen(co, k.rng),
        "flat",
        "yingye-zhizhao",
        licence_fields(co),
        as_png=True,
    )
    uploads.id_copy(
        k, [(rep, "fuzeren-sfz"), (qa, "fuzeren-sfz")], rep.name, texts.date_text(k.today, "dot")
    )
    diploma_of(k, qa, "table", "zhiliang-fuzeren-xueli")
    pharmacist(k, qa, co, "table")
    company_lease(k, co, "text_pdf", "changsuo-zulin", "dash")
    drug_docs(k, co, "docx", "table")
    for m in (
        "xuke-sqb",
        "yingye-zhizhao",
        "fuzeren-sfz",
        "zhiliang-fuzeren-xueli",
        "zhiye-yaoshi",
        "changsuo-zulin",
        "zhiliang-zhidu",
        "pingmiantu",
    ):
        k.give(m)
    return k


def yp_02() -> Kit:
    k, rep, co = company_case(
        "yp-02",
        YP,
        date(2026, 11, 24),
        ["yilei-otc"],
        "one_head_id_expired",
        "只经营乙类非处方药：质量负责人身份证已过期→需补正；租赁合同三张照片乱序",
        trade=3,
    )
    qa = make_person(k.rng, k.today, age=50, expired=True)
    company_form(k, "药品经营许可证申请表", co, rep, "table", "xuke-sqb")
    uploads.id_card(k, rep, "fuzeren-sfz", "table", "fb")
    uploads.id_card(k, qa, "fuzeren-sfz", "shadow", "fb")
    diploma_of(k, qa, "shadow", "zhiliang-fuzeren-xueli")
    staff = make_person(k.rng, k.today)
    passed = days_ago(k, 30, 90)
    kh = texts.letter(
        "乙类非处方药业务人员考核合格证明",
        [f"兹证明{co.name}业务人员{staff.name}参加乙类非处方药业务知识培训并考核合格。"],
        "示范市药品零售行业协会",
        passed,
        "plain",
    )
    uploads.paper(
        k,
        [kh],
        "table",
        "yewu-renyuan-kaohe",
        {"name": staff.name, "signature": True, "issue_date": passed.isoformat()},
    )
    company_lease(k, co, "table", "changsuo-zulin", "plain", order=[1, 0, 2])
    drug_docs(k, co, "text_pdf", "shadow")
    k.give("fuzeren-sfz", "defective")
    for m in (
        "xuke-sqb",
        "zhiliang-fuzeren-xueli",
        "yewu-renyuan-kaohe",
        "changsuo-zulin",
        "zhiliang-zhidu",
        "pingmiantu",
    ):
        k.give(m)
    return k


def yp_03() -> Kit:
    k, rep, co = company_case(
        "yp-03",
        YP,
        date(2026, 11, 17),
        ["chufangyao", "agent"],
        "pharmacist_expired_agent",
        "委托代办：执业药师注册证已过有效期→需补正；委托书单位盖章并由法定代表人签字",
        trade=3,
    )
    qa = make_person(k.rng, k.today, age=41)
    agent = make_person(k.rng, k.today)
    signed = days_ago(k, 1, 5)
    poa = texts.power_of_attorney(
        co,
        agent,
        "药品经营许可证（零售）核发申请",
        signed,
        "plain",
        rep.name,
        seal=co.name,
        tabular=True,
    )
    uploads.paper(
        k,
        [poa],
        "docx",
        "weituoshu",
        {
            "name": co.name,
            "uscc": co.printed_uscc,
            "signature": True,
            "issue_date": signed.isoformat(),
        },
    )
    uploads.id_card(k, agent, "dailiren-sfz", "table", "fb")
    uploads.id_copy(k, [(rep, "fuzeren-sfz"), (qa, "fuzeren-sfz")], None, "", as_pdf=True)
    pharmacist(k, qa, co, "shadow", expired=True)
    diploma_of(k, qa, "table", "zhiliang-fuzeren-xueli")
    company_form(k, "药品经营许可证申请表", co, agent, "docx", "xuke-sqb")
    company_lease(k, co, "scan_pdf", "changsuo-zulin", "cn")
    drug_docs(k, co, "docx", "table")
    k.give("zhiye-yaoshi", "defective")
    for m in (
        "weituoshu",
        "dailiren-sfz",
        "fuzeren-sfz",
        "zhiliang-fuzeren-xueli",
        "xuke-sqb",
        "changsuo-zulin",
        "zhiliang-zhidu",
        "pingmiantu",
    ):
        k.give(m)
    return k


def yp_04() -> Kit:
    k, rep, co = company_case(
        "yp-04",
        YP,
        date(2026, 11, 25),
        ["yilei-otc"],
        "property_cert_equipment_list",
        "营业场所不动产权证书在法定代表人名下；设施设备清单（容缺材料）提供了",
        trade=3,
    )
    qa = make_person(k.rng, k.today, age=29)
    company_form(k, "药品经营许可证申请表", co, rep, "text_pdf", "xuke-sqb")
    uploads.id_copy(
        k, [(rep, "fuzeren-sfz"), (qa, "fuzeren-sfz")], rep.name, texts.date_text(k.today, "dash")
    )
    diploma_of(k, qa, "curl", "zhiliang-fuzeren-xueli")
    passed = days_ago(k, 20, 60)
    kh = texts.letter(
        "乙类非处方药业务人员考核合格证明",
        [f"兹证明{qa.name}参加乙类非处方药业务知识培训并考核合格。"],
        "示范市药品零售行业协会",
        passed,
        "dot",
    )
    uploads.paper(
        k,
        [kh],
        "scan_pdf",
        "yewu-renyuan-kaohe",
        {"name": qa.name, "signature": True, "issue_date": passed.isoformat()},
    )
    cert = cards.property_page(
        rep,
        None,
        co.address,
        f"苏（2021）示范市不动产权第{k.rng.randint(10**6, 10**7)}号",
        f"320213{k.rng.randint(10**9, 10**10)}GB00021F0001{k.rng.randint(1000, 9999)}",
        k.rng.uniform(60, 200),
        k.rng,
    )
    uploads.picture(
        k, cert, "table", "changsuo-chanquan", {"name": rep.name, "address": co.address}
    )
    eq = Paper(
        [
            ("title", "陈列、冷藏、温湿度监测设施设备清单"),
            ("center", co.name),
            (
                "grid",
                [
                    ["序号", "设备名称", "型号", "数量"],
                    ["1", "药品阴凉柜", "LC-1200", "2"],
                    ["2", "医用冷藏柜", "YC-360", "1"],
                    ["3", "温湿度自动监测系统", "WS-8", "1"],
                    ["4", "货架（药品陈列）", "—", "12"],
                ],
                [16, 70, 40, 24],
            ),
        ]
    )
    uploads.paper(k, [eq], "docx", "sheshi-mulu", {"name": co.name})
    drug_docs(k, co, "table", "table")
    for m in (
        "xuke-sqb",
        "fuzeren-sfz",
        "zhiliang-fuzeren-xueli",
        "yewu-renyuan-kaohe",
        "changsuo-chanquan",
        "sheshi-mulu",
        "zhiliang-zhidu",
        "pingmiantu",
    ):
        k.give(m)
    return k


# ------------------------------------------------------------------ 烟草零售许可


def yc_01() -> Kit:
    k, rep, co = company_case(
        "yc-01",
        YC,
        date(2026, 11, 18),
        [],
        "getihu_e_licence_lease_photos",
        "个体工商户：电子营业执照截图（经营者为申请人）；租赁合同三张照片",
        trade=4,
        getihu=True,
    )
    person_form(
        k,
        "煙草專賣零售許可證申請表",
        rep,
        "docx",
        "shenqing-biao",
        traditional=True,
        addr_label="經營場所",
    )
    uploads.picture(
        k,
        cards.e_licence_screen(co, k.rng),
        "flat",
        "yingye-zhizhao",
        licence_fields(co),
        as_png=True,
    )
    uploads.id_card(k, rep, "jingyingzhe-sfz", "table", "fb")
    lease_for(k, rep, "table", "changsuo-zulin", "plain", order=[0, 1, 2], end_offset=600)
    for m in ("shenqing-biao", "yingye-zhizhao", "jingyingzhe-sfz", "changsuo-zulin"):
        k.give(m)
    return k


def yc_02() -> Kit:
    k, rep, _ = company_case(
        "yc-02",
        YC,
        date(2026, 11, 23),
        ["agent"],
        "agent_poa_scan_lease",
        "委托代办：经营者签字的委托书照片；经营者身份证复印件；代办人身份证；租赁合同扫描PDF；门头照片容缺",
        trade=4,
        getihu=True,
    )
    agent = make_person(k.rng, k.today)
    signed = days_ago(k, 1, 6)
    poa = texts.power_of_attorney(rep, agent, "烟草专卖零售许可证新办申请", signed, "cn", rep.name)
    uploads.paper(
        k,
        [poa],
        "curl",
        "weituoshu",
        {
            "name": rep.name,
            "id_number": rep.printed_id,
            "signature": True,
            "issue_date": signed.isoformat(),
        },
    )
    uploads.id_copy(k, [(rep, "jingyingzhe-sfz")], rep.name, texts.date_text(k.today, "plain"))
    uploads.id_card(k, agent, "dailiren-sfz", "wechat", "fb")
    lease_for(k, rep, "scan_pdf", "changsuo-zulin", "dash", end_offset=800)
    person_form(k, "烟草专卖零售许可证申请表", rep, "table", "shenqing-biao", addr_label="经营场所")
    for m in ("weituoshu", "jingyingzhe-sfz", "dailiren-sfz", "changsuo-zulin", "shenqing-biao"):
        k.give(m)
    return k


def yc_03() -> Kit:
    k, rep, _ = company_case(
        "yc-03",
        YC,
        date(2026, 11, 27),
        [],
        "operator_id_expired",
        "经营者身份证已过期→需补正",
        trade=4,
        getihu=True,
    )
    rep = make_person(k.rng, k.today, age=30, expired=True, name=rep.name)
    uploads.id_card(k, rep, "jingyingzhe-sfz", "shadow", "fb")
    lease_for(k, rep, "text_pdf", "changsuo-zulin", "plain", end_offset=400)
    person_form(k, "烟草专卖零售许可证申请表", rep, "docx", "shenqing-biao", addr_label="经营场所")
    k.give("jingyingzhe-sfz", "defective")
    k.give("changsuo-zulin")
    k.give("shenqing-biao")
    return k


def yc_04() -> Kit:
    k, rep, co = company_case(
        "yc-04",
        YC,
        date(2026, 11, 21),
        [],
        "property_of_parent_receipt",
        "经营场所为父亲名下房产（不动产权证书无需本人名下）；多传了一张超市小票",
        trade=4,
        getihu=True,
    )
    owner = make_person(k.rng, k.today, age=62, male=True)
    person_form(k, "烟草专卖零售许可证申请表", rep, "curl", "shenqing-biao", addr_label="经营场所")
    uploads.id_card(k, rep, "jingyingzhe-sfz", "table", "bf")
    cert = cards.property_page(
        owner,
        None,
        co.address,
        f"苏（2016）示范市不动产权第{k.rng.randint(10**6, 10**7)}号",
        f"320205{k.rng.randint(10**9, 10**10)}GB00009F0001{k.rng.randint(1000, 9999)}",
        k.rng.uniform(40, 90),
        k.rng,
    )
    uploads.picture(
        k, cert, "shadow", "changsuo-chanquan", {"name": owner.name, "address": co.address}
    )
    uploads.picture(k, cards.receipt(texts.receipt_lines(k.rng, k.today), k.rng), "table", None, {})
    for m in ("shenqing-biao", "jingyingzhe-sfz", "changsuo-chanquan"):
        k.give(m)
    return k


CASES = [
    cd_01,
    cd_02,
    cd_03,
    cd_04,
    jn_01,
    jn_02,
    jn_03,
    gg_01,
    gg_02,
    gg_03,
    gg_04,
    gg_05,
    gg_06,
    yp_01,
    yp_02,
    yp_03,
    yp_04,
    yc_01,
    yc_02,
    yc_03,
    yc_04,
]
