"""The paper documents of the set as blocks (see sheets.py), with different wordings.

Leases come in three wordings seen in public templates (出租方/承租方,
甲方/乙方 with 身份证号码 lines, 出租人/承租人 with 房屋坐落 in a table); forms
are tables with labels beside or above their values; letters are running text.
"""

from __future__ import annotations

import random
from datetime import date

from .cards import ymd
from .people import Company, Person

CN_NUM = "零壹贰叁肆伍陆柒捌玖"


def money_cn(n: int) -> str:
    """Upper-case amount for rent lines (thousands and hundreds are enough here)."""
    th, hu = divmod(n, 1000)
    hu //= 100
    s = (CN_NUM[th] + "仟" if th else "") + (CN_NUM[hu] + "佰" if hu else "")
    return s + "元整"


def lease(
    rng: random.Random,
    lessor: Person,
    tenant: str,
    tenant_code: str,
    addr: str,
    start: date,
    end: date,
    signed_on: date,
    wording: str,
    signed: bool = True,
    tenant_seal: str | None = None,
) -> list[tuple]:
    """A house lease over two or three pages, signatures on the last one."""
    rent = rng.choice([1800, 2300, 2600, 3200, 4500])
    use = "经营" if tenant_seal else rng.choice(["居住", "自住"])
    if wording == "chuzu":
        head = [
            ("title", "房屋租赁合同", 44),
            ("line", f"出租方：{lessor.name}    身份证号码：{lessor.id_number}"),
            ("line", f"承租方：{tenant}    证件号码：{tenant_code}"),
            (
                "p",
                "根据《中华人民共和国民法典》及有关规定，为明确出租方与承租方的权利义务关系，经双方协商一致，签订本合同。",
            ),
            ("line", "第一条  房屋坐落、面积"),
            (
                "p",
                f"出租方将其所有的坐落于{addr}的房屋出租给承租方{use}使用，建筑面积{rng.randrange(45, 130)}平方米。",
            ),
        ]
    elif wording == "jiayi":
        head = [
            ("title", "租 赁 合 同", 44),
            ("line", f"甲方（出租人）：{lessor.name}"),
            ("line", f"身份证号码：{lessor.id_number}"),
            ("line", f"乙方（承租人）：{tenant}"),
            ("line", f"身份证号码/统一社会信用代码：{tenant_code}"),
            (
                "p",
                f"甲乙双方本着平等、自愿的原则，经协商一致，甲方同意将其合法拥有的位于{addr}的房屋出租给乙方作{use}使用。",
            ),
        ]
    else:
        head = [
            ("title", "房屋租赁合同", 44),
            ("sub", f"合同编号：ZL{signed_on:%Y%m}{rng.randrange(1000, 9999)}"),
            (
                "table",
                [
                    ["出租人", lessor.name, "联系电话", lessor.phone],
                    ["承租人", tenant, "证件号码", tenant_code],
                    ["房屋坐落", addr],
                ],
                [1, 2, 1, 2],
            ),
            ("p", "出租人与承租人就下列房屋的租赁事宜，经协商一致，订立本合同，双方共同遵守。"),
        ]
    terms = [
        ("line", "第二条  租赁期限"),
        (
            "p",
            f"租赁期限自{ymd(start)}起至{ymd(end)}止。租赁期满，承租方如需续租，应提前一个月书面通知出租方。",
        ),
        ("line", "第三条  租金及支付方式"),
        (
            "p",
            f"每月租金人民币{rent}元（大写：{money_cn(rent)}），按季度支付，每季度首月五日前付清。押金{rent}元，租期届满结清费用后无息退还。",
        ),
        ("break",),
        ("line", "第四条  双方的权利和义务"),
        (
            "p",
            "出租方应保证房屋及附属设施安全可用；承租方应合理使用房屋，不得擅自改变房屋结构和用途，不得转租。",
        ),
        ("p", "租赁期间的水、电、燃气、物业管理费由承租方承担，房屋主体结构的维修由出租方负责。"),
        ("line", "第五条  违约责任"),
        ("p", "任何一方未经对方同意提前解除合同的，应向对方支付一个月租金作为违约金。"),
        ("line", "第六条  其他"),
        ("p", "本合同一式两份，双方各执一份，自双方签字（盖章）之日起生效。"),
        ("gap", 30),
    ]
    a, b = (
        ("出租方：", "承租方：")
        if wording == "chuzu"
        else ("甲方：", "乙方：")
        if wording == "jiayi"
        else ("出租人：", "承租人：")
    )
    sig = [
        (
            a,
            lessor.name if signed else None,
            None,
            ymd(signed_on) if signed else "    年   月   日",
        ),
        (
            b,
            tenant if signed and not tenant_seal else None,
            tenant_seal if signed else None,
            ymd(signed_on) if signed else "    年   月   日",
        ),
    ]
    return [*head, *terms, ("sign", sig)]


def weituo(
    principal: str,
    principal_code: str,
    agent: Person,
    matter: str,
    on: date,
    signer: str | None,
    seal: str | None,
    title: str = "授权委托书",
    valid_to: date | None = None,
    as_table: bool = False,
) -> list[tuple]:
    """A power of attorney: 委托人 / 受托人 / 委托事项 / 委托期限, signed or sealed."""
    period = f"自{ymd(on)}至{ymd(valid_to)}" if valid_to else "自签署之日起至上述事项办结之日止"
    if as_table:
        body = [
            (
                "table",
                [
                    ["委托人", principal],
                    ["证件号码", principal_code],
                    ["受托人", agent.name],
                    ["受托人身份证号码", agent.id_number],
                    ["联系电话", agent.phone],
                    ["委托事项", matter],
                    ["委托期限", period],
                ],
                [1, 3],
            ),
        ]
    else:
        body = [
            ("line", f"委托人：{principal}"),
            ("line", f"证件号码：{principal_code}"),
            ("line", f"受托人：{agent.name}    性别：{agent.sex}"),
            ("line", f"受托人身份证号码：{agent.id_number}    联系电话：{agent.phone}"),
            (
                "p",
                f"现委托上述受托人代为办理{matter}，受托人在办理上述事项过程中所签署的有关文件，委托人均予以承认。受托人无转委托权。",
            ),
            ("line", f"委托期限：{period}。"),
        ]
    return [
        ("title", title, 44),
        ("gap", 20),
        *body,
        ("gap", 40),
        ("sign", [("委托人（签字或盖章）：", signer, seal, ymd(on))]),
    ]


def mail_form(p: Person, on: date, rng: random.Random) -> list[tuple]:
    """居民身份证邮寄送达申请单 (optional material of the ID renewal item)."""
    return [
        ("title", "居民身份证邮寄送达申请单", 40),
        (
            "table",
            [
                ["申请人姓名", p.name, "公民身份号码", p.id_number],
                ["收件人", p.name, "联系电话", p.phone],
                ["收件地址", p.address],
                ["邮寄方式", "EMS 到付"],
            ],
            [1, 1.6, 1, 1.8],
        ),
        (
            "p",
            "本人自愿选择邮寄方式领取居民身份证，邮寄费用由本人承担，签收后证件遗失与受理单位无关。",
        ),
        ("sign", [("申请人签名：", p.name, None, ymd(on))]),
    ]


def company_form(c: Company, rep: Person, on: date, contact: Person) -> list[tuple]:
    """公司登记（备案）申请书: table of the company and its legal representative."""
    return [
        ("title", "公司登记（备案）申请书", 40),
        ("sub", "□基本信息  ■设立  □变更  □备案"),
        (
            "table",
            [
                ["名    称", c.name],
                ["住    所", c.address],
                ["法定代表人姓名", rep.name],
                ["注册资本", c.capital],
                ["公司类型", c.kind],
                ["经营范围", c.scope],
                ["联系电话", contact.phone],
            ],
            [1, 3],
        ),
        ("line", "申请人声明"),
        (
            "p",
            "本公司依照《公司法》《市场主体登记管理条例》申请登记、备案，提交材料真实有效。通过联络员登录信息系统提交的电子材料与纸质材料一致。",
        ),
        ("sign", [("法定代表人签字：", rep.name, None, ymd(on)), ("公司盖章：", None, None, "")]),
    ]


def charter(c: Company, holders: list[tuple[str, str | None]], on: date) -> list[tuple]:
    """公司章程 over pages; the last page carries every shareholder's signature or seal."""
    names = "、".join(h for h, _ in holders)
    return [
        ("title", f"{c.name}章程", 36),
        ("line", "第一章  总则"),
        (
            "p",
            f"第一条  为规范公司的组织和行为，保护公司、股东和债权人的合法权益，根据《中华人民共和国公司法》，由{names}共同出资设立{c.name}，特制定本章程。",
        ),
        ("p", f"第二条  公司名称：{c.name}。公司住所：{c.address}。"),
        ("line", "第二章  公司注册资本及股东的出资方式、出资额"),
        (
            "p",
            f"第三条  公司注册资本为人民币{c.capital}，股东以货币方式出资，于公司成立之日起五年内缴足。",
        ),
        ("break",),
        ("line", "第三章  股东的权利和义务"),
        ("p", "第四条  股东按照实缴的出资比例分取红利；股东会由全体股东组成，是公司的权力机构。"),
        ("line", "第四章  公司的机构及其产生办法、职权、议事规则"),
        ("p", "第五条  公司不设董事会，设董事一人，由股东会选举产生；公司不设监事会，设监事一人。"),
        ("line", "第五章  附则"),
        ("p", "第六条  本章程经全体股东签字、盖章后生效。"),
        ("gap", 30),
        ("sign", [(f"股东：{h}", None if seal else h, seal, ymd(on)) for h, seal in holders]),
    ]


def appointment(
    c: Company,
    director: Person,
    supervisor: Person,
    on: date,
    holders: list[tuple[str, str | None]],
) -> list[tuple]:
    """股东会决议 naming the director (legal representative) and the supervisor: the 任职文件."""
    return [
        ("title", f"{c.name}股东会决议", 36),
        (
            "p",
            f"根据《公司法》及本公司章程，{c.name}股东会于{ymd(on)}在公司住所召开，全体股东出席，一致通过如下决议：",
        ),
        ("p", f"一、选举{director.name}为公司董事，担任法定代表人，同时聘任为经理；"),
        ("p", f"二、选举{supervisor.name}为公司监事；"),
        ("p", "三、任期三年，任期届满可连选连任。"),
        ("sign", [(f"股东：{h}", None if seal else h, seal, ymd(on)) for h, seal in holders]),
    ]


def change_form(c: Company, new_rep: str, new_addr: str | None, on: date) -> list[tuple]:
    """公司变更登记申请书 sealed by the company."""
    rows = [
        ["名称", c.name],
        ["统一社会信用代码", c.uscc],
        ["变更事项", "法定代表人" + ("、住所" if new_addr else "")],
        ["原登记内容", c.legal_rep],
        ["申请变更登记内容", new_rep + (f"；{new_addr}" if new_addr else "")],
    ]
    return [
        ("title", "公司变更登记申请书", 40),
        ("table", rows, [1, 3]),
        ("p", "本公司依照《公司法》《市场主体登记管理条例》申请变更登记，提交材料真实有效。"),
        ("sign", [("公司盖章：", None, c.name, ymd(on)), ("法定代表人签字：", new_rep, None, "")]),
    ]


def resolution(
    c: Company, new_rep: str, new_addr: str | None, on: date, holders: list[str]
) -> list[tuple]:
    items = [f"一、免去{c.legal_rep}执行董事职务，选举{new_rep}为执行董事，担任公司法定代表人。"]
    if new_addr:
        items.append(f"二、公司住所变更为{new_addr}。")
    return [
        ("title", f"{c.name}股东会决议", 36),
        (
            "p",
            f"{c.name}于{ymd(on)}召开股东会，应到股东{len(holders)}人，实到{len(holders)}人，一致决议如下：",
        ),
        *[("p", s) for s in items],
        ("sign", [(f"股东签字：{h}", h, None, ymd(on)) for h in holders]),
    ]


def yidi_form(p: Person, on: date, kind: str, place: str) -> list[tuple]:
    """异地就医备案登记表 with the applicant's signature."""
    return [
        ("title", "示范市基本医疗保险异地就医备案登记表", 34),
        (
            "table",
            [
                ["姓名", p.name, "性别", p.sex],
                ["公民身份号码", p.id_number, "联系电话", p.phone],
                ["备案类型", kind, "就医地", place],
                ["备案开始日期", ymd(on), "", ""],
            ],
            [1, 1.7, 1, 1.5],
        ),
        ("p", "本人承诺以上信息真实，如有虚假愿承担相应责任。"),
        ("sign", [("参保人（代办人）签字：", p.name, None, ymd(on))]),
        ("line", "经办机构意见：                     经办人："),
    ]


def yidi_pledge(p: Person, on: date, place: str, signed: bool = True) -> list[tuple]:
    return [
        ("title", "异地长期居住个人承诺书", 38),
        (
            "p",
            f"本人{p.name}（公民身份号码：{p.id_number}），系示范市基本医疗保险参保人员，现长期居住在{place}，申请办理异地长期居住就医备案。",
        ),
        (
            "p",
            "本人承诺所填信息真实，如有虚假，愿承担由此产生的一切法律责任，并退还违规报销的医疗费用。",
        ),
        ("sign", [("承诺人：", p.name if signed else None, None, ymd(on))]),
    ]


def referral(p: Person, on: date, hospital: str, target: str, rng: random.Random) -> list[tuple]:
    """转诊证明 issued by a local hospital, sealed by its medical department."""
    return [
        ("title", f"{hospital}", 34),
        ("title", "转诊（转院）证明", 40),
        (
            "table",
            [
                ["姓名", p.name, "性别", p.sex],
                ["公民身份号码", p.id_number, "科室", rng.choice(["心内科", "肿瘤科", "神经外科"])],
                [
                    "临床诊断",
                    rng.choice(["冠状动脉粥样硬化性心脏病", "肺占位性病变", "颅内动脉瘤"]),
                ],
                ["转往医院", target],
                ["转诊理由", "病情需要，本院诊疗条件受限，建议转上级医院进一步诊治。"],
            ],
            [1, 1.6, 0.8, 1.4],
        ),
        (
            "sign",
            [("主治医师：", "程" + "立新", None, ""), ("医院（章）：", None, hospital, ymd(on))],
        ),
    ]


def linghuo_form(p: Person, on: date, getihu_name: str | None) -> list[tuple]:
    """灵活就业人员参保登记表 as a table with values below their labels (two-row cells)."""
    return [
        ("title", "灵活就业人员参保登记表", 40),
        (
            "table",
            [
                ["姓名", "性别", "公民身份号码", "联系电话"],
                [p.name, p.sex, p.id_number, p.phone],
                ["户籍所在地", "", "现居住地址", ""],
                [p.birthplace, "", p.address, ""],
                [
                    "就业形式",
                    "无雇工的个体工商户" if getihu_name else "灵活就业",
                    "参保险种",
                    "企业职工基本养老保险",
                ],
            ],
            [1, 0.6, 1.6, 1.2],
        ),
        ("p", "本人自愿以灵活就业人员身份参加企业职工基本养老保险，按规定按时足额缴纳社会保险费。"),
        ("sign", [("申请人签名：", p.name, None, ymd(on))]),
    ]


def divorce_agreement(
    man: Person,
    woman: Person,
    cert_no: str,
    married: date,
    on: date,
    rng: random.Random,
    signed: bool = True,
) -> list[tuple]:
    """离婚协议书: both parties with ID numbers, child, property, both signatures."""
    child = rng.choice(["婚生子", "婚生女"])
    return [
        ("title", "离婚协议书", 44),
        (
            "line",
            f"男方：{man.name}，{man.birth.year}年{man.birth.month}月{man.birth.day}日出生，身份证号码：{man.id_number}",
        ),
        (
            "line",
            f"女方：{woman.name}，{woman.birth.year}年{woman.birth.month}月{woman.birth.day}日出生，身份证号码：{woman.id_number}",
        ),
        (
            "p",
            f"男女双方于{ymd(married)}在示范市民政局办理结婚登记（结婚证字号：{cert_no}）。现因感情不和，双方自愿离婚，经协商一致达成如下协议：",
        ),
        (
            "p",
            f"一、双方自愿解除婚姻关系。二、{child}由女方抚养，男方每月支付抚养费人民币{rng.choice([1200, 1500, 2000])}元至子女年满十八周岁。",
        ),
        ("break",),
        (
            "p",
            "三、男方每月可探望子女两次，女方应予协助。四、位于示范市的住房一套归女方所有，剩余贷款由女方偿还；车辆归男方所有。",
        ),
        (
            "p",
            "五、双方无共同债权债务。六、本协议一式三份，双方各执一份，婚姻登记机关存档一份，自婚姻登记机关颁发离婚证之日起生效。",
        ),
        ("gap", 30),
        (
            "sign",
            [
                ("男方（签名）：", man.name if signed else None, None, ymd(on)),
                ("女方（签名）：", woman.name if signed else None, None, ymd(on)),
            ],
        ),
    ]


def getihu_form(c: Company, p: Person, on: date) -> list[tuple]:
    """个体工商户登记（备案）申请书, the applicant's values beside their labels."""
    return [
        ("title", "个体工商户登记（备案）申请书", 38),
        ("sub", "■设立  □变更  □备案"),
        (
            "table",
            [
                ["名称", c.name],
                ["经营者姓名", p.name],
                ["身份证件号码", p.id_number],
                ["联系电话", p.phone],
                ["经营场所", c.address],
                ["组成形式", "个人经营"],
                ["经营范围", "小吃服务；日用百货销售"],
            ],
            [1, 3],
        ),
        ("line", "经营者声明"),
        ("p", "本人承诺所提交的材料真实、合法、有效，复印件与原件一致，并对此承担法律责任。"),
        ("sign", [("经营者签字：", p.name, None, ymd(on))]),
    ]


def sbk_letter(p: Person, agent: Person, on: date) -> list[tuple]:
    """社会保障卡代办委托书 (the card item's own letter)."""
    return weituo(
        p.name,
        p.id_number,
        agent,
        "社会保障卡申领、领卡等相关事项",
        on,
        p.name,
        None,
        title="社会保障卡代办委托书",
        as_table=True,
    )
