"""The wording of paper documents (forms, letters, contracts, reports) as ``Paper`` blocks.

Wording follows the public samples cited in README; names and numbers are fictitious.
"""

from __future__ import annotations

import random
from datetime import date

from tests.prereview.blind.ident import Company, Person
from tests.prereview.blind4.papers import Hand, Paper, Sign

CN_DIGITS = "〇一二三四五六七八九"


def cn_num(n: int) -> str:
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def date_text(d: date, style: str) -> str:
    """Dates as people write them: 2025年3月1日, 2025.03.01, 2025-03-01, 二〇二五年三月一日."""
    if style == "cn":
        return (
            "".join(CN_DIGITS[int(c)] for c in str(d.year))
            + f"年{cn_num(d.month)}月{cn_num(d.day)}日"
        )
    if style == "dot":
        return f"{d:%Y.%m.%d}"
    if style == "dash":
        return f"{d:%Y-%m-%d}"
    if style == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


def form(
    title: str,
    rows: list[list],
    widths: list[float],
    sign: Sign | None,
    note: str | None = None,
    header: str | None = None,
    body_role: str = "form",
) -> Paper:
    blocks: list = [("title", title)]
    if note:
        blocks.append(("right", note))
    blocks.append(("grid", rows, widths))
    if sign:
        blocks.append(("sign", sign))
    return Paper(blocks, body_role=body_role, header=header, size=3.6)


def person_rows(p: Person, hand: bool, phone: str, addr_label: str = "现居住地址") -> list[list]:
    """Rows of an application form about one person (values beside their labels)."""
    v = (lambda s: Hand(s)) if hand else (lambda s: s)
    return [
        ["姓名", v(p.name), "性别", v(p.sex), "民族", v(p.nation)],
        ["公民身份号码", v(p.printed_id), "", "", "出生日期", v(f"{p.birth:%Y.%m.%d}")],
        [addr_label, v(p.address), "", "", "联系电话", v(phone)],
    ]


def power_of_attorney(
    principal: Person | Company,
    agent: Person,
    matter: str,
    signed: date,
    date_style: str,
    signer: str | None,
    seal: str | None = None,
    tabular: bool = False,
) -> Paper:
    """授权委托书: 委托人 / 受托人 with ID numbers, matter, term, signature and date."""
    is_co = isinstance(principal, Company)
    pid = principal.printed_uscc if is_co else principal.printed_id
    pid_label = "统一社会信用代码" if is_co else "公民身份号码"
    blocks: list = [("title", "授权委托书")]
    if tabular:
        blocks.append(
            (
                "grid",
                [
                    ["委托人", principal.name, pid_label, pid],
                    ["受托人", agent.name, "公民身份号码", agent.printed_id],
                    ["委托事项", matter, "", ""],
                    ["委托期限", "自签署之日起至上述事项办结之日止", "", ""],
                ],
                [22, 40, 30, 58],
            )
        )
    else:
        blocks += [
            ("p", f"委托人：{principal.name}"),
            ("p", f"{pid_label}：{pid}"),
            ("p", f"受托人：{agent.name}"),
            ("p", f"公民身份号码：{agent.printed_id}"),
            (
                "p",
                f"现委托受托人{agent.name}代表本人（单位）办理{matter}，受托人在办理上述事项过程中"
                "所签署的有关文件，本人（单位）均予以认可，并承担相应的法律责任。",
            ),
            ("p", "委托期限：自签署之日起至上述事项办结之日止。受托人无转委托权。"),
        ]
    blocks.append(("gap", 8))
    blocks.append(
        ("sign", Sign("委托人（签字或盖章）：", signer, date_text(signed, date_style), seal))
    )
    return Paper(blocks, body_role="body")


def letter(
    title: str,
    body: list[str],
    org: str,
    issued: date,
    date_style: str,
    qr: str | None = None,
    header: str | None = None,
    extra_rows: list | None = None,
) -> Paper:
    """A certificate letter of a unit (证明): running text, seal and date."""
    blocks: list = [("title", title), ("gap", 4)]
    blocks += [("p", s) for s in body]
    if extra_rows:
        blocks.append(("grid", extra_rows, [30, 120]))
    blocks += [
        ("p", "特此证明。"),
        ("gap", 10),
        ("sign", Sign("", None, date_text(issued, date_style), org, printed=org)),
    ]
    return Paper(blocks, body_role="body", qr_text=qr, header=header)


def lease(
    lessor: Person,
    lessee: Person | Company,
    addr: str,
    start: date,
    end: date,
    rent: int,
    signed: date,
    date_style: str,
    lessee_signs: bool = True,
    use: str = "居住",
) -> list[Paper]:
    """房屋租赁合同 in three pages: parties, terms, signatures (dates in the contract's style)."""
    lid = lessee.printed_uscc if isinstance(lessee, Company) else lessee.printed_id
    p1 = Paper(
        [
            ("title", "房屋租赁合同"),
            ("p", f"出租方（甲方）：{lessor.name}    公民身份号码：{lessor.printed_id}"),
            ("p", f"承租方（乙方）：{lessee.name}    证件号码：{lid}"),
            (
                "p",
                "根据《中华人民共和国民法典》及有关规定，甲乙双方在平等、自愿、协商一致的基础上，"
                "就乙方承租甲方房屋事宜，订立本合同。",
            ),
            (
                "p",
                f"第一条  甲方将坐落于{addr}的房屋出租给乙方作{use}使用，建筑面积约{rent % 70 + 38}平方米。",
            ),
            (
                "p",
                f"第二条  租赁期限自{date_text(start, date_style)}起至{date_text(end, date_style)}止。",
            ),
            ("p", f"第三条  月租金为人民币{rent}元，按季度支付，乙方应于每季度首月五日前付清。"),
        ],
        body_role="body",
    )
    p2 = Paper(
        [
            (
                "p",
                "第四条  租赁期间，水、电、燃气、物业等费用由乙方承担；房屋及附属设施的自然损坏由甲方负责维修。",
            ),
            ("p", "第五条  乙方不得擅自改变房屋结构和用途，不得转租；如需转租，须经甲方书面同意。"),
            ("p", "第六条  租赁期满，乙方如需续租，应提前一个月书面通知甲方，双方另行签订合同。"),
            ("p", "第七条  任何一方违约，应向守约方支付相当于一个月租金的违约金。"),
            (
                "p",
                "第八条  本合同未尽事宜，双方可协商签订补充协议；协商不成的，向房屋所在地人民法院起诉。",
            ),
        ],
        body_role="body",
    )
    p3 = Paper(
        [
            ("p", "第九条  本合同一式两份，甲乙双方各执一份，自双方签字之日起生效。"),
            ("gap", 10),
            ("sign", Sign("甲方（签字）：", lessor.name, date_text(signed, date_style))),
            ("gap", 6),
            (
                "sign",
                Sign(
                    "乙方（签字）：",
                    lessee.name if lessee_signs and isinstance(lessee, Person) else None,
                    date_text(signed, date_style) if lessee_signs else None,
                    seal=lessee.name if isinstance(lessee, Company) and lessee_signs else None,
                ),
            ),
        ],
        body_role="body",
    )
    return [p1, p2, p3]


def labour_contract(
    employer: Company, worker: Person, start: date, end: date, signed: date, date_style: str
) -> list[Paper]:
    """劳动合同 (two pages): parties, term, work, pay; signatures."""
    p1 = Paper(
        [
            ("title", "劳动合同"),
            ("p", f"用人单位（甲方）：{employer.name}"),
            ("p", f"统一社会信用代码：{employer.printed_uscc}    法定代表人：{employer.legal_rep}"),
            ("p", f"劳动者（乙方）：{worker.name}    公民身份号码：{worker.printed_id}"),
            (
                "p",
                f"一、合同期限：固定期限，自{date_text(start, date_style)}起至{date_text(end, date_style)}止，"
                "其中试用期两个月。",
            ),
            ("p", "二、工作内容和工作地点：乙方从事服务岗位工作，工作地点为甲方经营场所。"),
            ("p", "三、工作时间和休息休假：执行标准工时制度，每日工作八小时，每周工作四十小时。"),
            (
                "p",
                "四、劳动报酬：乙方月工资不低于示范市最低工资标准，甲方于每月十五日前以货币形式支付。",
            ),
        ],
        body_role="body",
    )
    p2 = Paper(
        [
            ("p", "五、社会保险：甲方依法为乙方缴纳各项社会保险费。"),
            ("p", "六、本合同一式两份，甲乙双方各执一份，经双方签字盖章后生效。"),
            ("gap", 10),
            (
                "sign",
                Sign(
                    "甲方（盖章）：", None, date_text(signed, date_style), employer.name, printed=""
                ),
            ),
            ("sign", Sign("乙方（签字）：", worker.name, date_text(signed, date_style))),
        ],
        body_role="body",
    )
    return [p1, p2]


def diagnosis(
    p: Person, hospital: str, seen: date, text: str, doctor: str, date_style: str
) -> Paper:
    """诊断证明书 of a hospital: table of patient data, diagnosis, doctor, seal."""
    return Paper(
        [
            ("title", hospital),
            ("center", "诊 断 证 明 书"),
            (
                "grid",
                [
                    ["姓名", p.name, "性别", p.sex, "年龄", f"{p.age_on(seen)}岁"],
                    [
                        "科别",
                        "骨科",
                        "门诊号",
                        f"MZ{seen:%y%m%d}0{len(p.name)}37",
                        "就诊日期",
                        date_text(seen, "dash"),
                    ],
                ],
                [14, 22, 12, 22, 18, 28],
            ),
            ("p", f"诊断：{text}"),
            ("p", "处理意见：建议休息治疗，定期复查。"),
            ("gap", 6),
            (
                "sign",
                Sign(
                    "医师签名：", doctor, date_text(seen, date_style), f"{hospital}诊断证明专用章"
                ),
            ),
        ],
        body_role="sans",
        size=3.7,
    )


def accident_report(p: Person, other: str, when: date, place: str, no: str) -> Paper:
    """道路交通事故认定书 (简易程序)."""
    return Paper(
        [
            ("title", "道路交通事故认定书（简易程序）"),
            ("right", f"编号：{no}"),
            (
                "grid",
                [
                    ["事故时间", date_text(when, "cn"), "天气", "晴"],
                    ["事故地点", place, "", ""],
                    ["当事人", p.name, "公民身份号码", p.printed_id],
                    ["当事人", other, "交通方式", "小型轿车"],
                ],
                [22, 48, 26, 54],
            ),
            (
                "p",
                f"交通事故事实：{p.name}驾驶电动自行车下班途中行至事发路口，与{other}驾驶的小型轿车发生碰撞，"
                f"造成{p.name}受伤、车辆损坏的交通事故。",
            ),
            ("p", f"事故责任：{other}负全部责任，{p.name}无责任。"),
            ("gap", 6),
            (
                "sign",
                Sign(
                    "交通警察：",
                    "钱立群",
                    date_text(when, "plain"),
                    "示范市公安局交通警察支队事故处理专用章",
                ),
            ),
        ],
        body_role="body",
    )


def inspection_report(co: Company, agency: str, issued: date, no: str) -> Paper:
    """公共场所卫生检测报告 exported from the testing agency's system (header, QR, pages)."""
    rows = [
        ["检测项目", "检测结果", "标准限值", "单项结论"],
        ["温度（℃）", "24.6", "16~26", "合格"],
        ["相对湿度（%）", "52", "40~65", "合格"],
        ["二氧化碳（%）", "0.08", "≤0.15", "合格"],
        ["甲醛（mg/m³）", "0.04", "≤0.10", "合格"],
        ["PM10（mg/m³）", "0.07", "≤0.15", "合格"],
        ["空气细菌总数（CFU/m³）", "620", "≤1500", "合格"],
        ["照度（lx）", "168", "≥100", "合格"],
        ["噪声（dB(A)）", "52", "≤55", "合格"],
    ]
    return Paper(
        [
            ("title", "公共场所卫生检测报告"),
            ("right", f"报告编号：{no}"),
            (
                "grid",
                [
                    ["受检单位", co.name],
                    ["受检地址", co.address],
                    ["检测类别", "委托检测"],
                    ["检测依据", "GB 37488-2019《公共场所卫生指标及限值要求》"],
                    ["检测日期", date_text(issued, "dash")],
                    ["检测机构", agency],
                ],
                [30, 120],
            ),
            ("grid", rows, [50, 30, 30, 30]),
            ("p", "检测结论：所检项目均符合 GB 37488-2019 的要求。"),
            ("gap", 4),
            (
                "sign",
                Sign(
                    "检测机构（盖章）：",
                    None,
                    date_text(issued, "plain"),
                    f"{agency}检验检测专用章",
                    printed="",
                ),
            ),
        ],
        body_role="form",
        header=f"{agency} 检验检测报告  No.{no}",
        footer=True,
        qr_text="扫码验证报告真伪",
        size=3.5,
    )


def promise(
    title: str,
    holder: Company | Person,
    item_text: str,
    signed: date,
    date_style: str,
    signer: str | None,
    seal: bool,
) -> Paper:
    """告知承诺书: the office's promise text, then the applicant's promise and signature."""
    return Paper(
        [
            ("title", title),
            ("p", f"申请人名称：{holder.name}"),
            (
                "p",
                f"本申请人自愿选择告知承诺方式办理{item_text}，现郑重承诺：已经知晓审批部门告知的全部内容；"
                "所填写的基本信息真实、准确；已经具备审批部门告知的条件和要求；愿意承担不实承诺的法律责任。",
            ),
            ("p", "承诺人对上述承诺内容的真实性负责，如有虚假，自愿接受相关部门依法作出的处理。"),
            ("gap", 8),
            (
                "sign",
                Sign(
                    "承诺人（签字）：",
                    signer,
                    date_text(signed, date_style),
                    holder.name if seal and isinstance(holder, Company) else None,
                ),
            ),
        ],
        body_role="body",
    )


def rules(co: Company, title: str, items: list[str]) -> Paper:
    """A unit's own management rules (管理制度): numbered paragraphs, unit name under the title."""
    return Paper(
        [("title", title), ("center", co.name)]
        + [("p", f"{i}. {s}") for i, s in enumerate(items, 1)],
        body_role="body",
    )


def xuexin_report(
    p: Person, school: str, major: str, enrolled: date, until: date, made: date, code: str
) -> Paper:
    """学信网《教育部学籍在线验证报告》 as a downloaded text PDF (QR, verification code)."""
    return Paper(
        [
            ("title", "教育部学籍在线验证报告"),
            ("right", f"更新日期：{date_text(made, 'plain')}"),
            (
                "grid",
                [
                    ["姓名", p.name, "性别", p.sex],
                    ["证件号码", p.printed_id, "民族", p.nation],
                    ["出生日期", date_text(p.birth, "plain"), "", ""],
                    ["院校", school, "层次", "本科"],
                    ["院系", "信息工程学院", "专业", major],
                    ["学制", "4年", "学历类别", "普通高等教育"],
                    ["入学日期", date_text(enrolled, "plain"), "", ""],
                    ["学籍状态", "在籍（注册学籍）", "预计毕业日期", date_text(until, "plain")],
                ],
                [24, 52, 24, 50],
            ),
            ("p", f"在线验证码：{code}"),
            ("p", "报告说明：本报告内容如有修改，以学信网在线验证结果为准。"),
        ],
        body_role="form",
        header="中国高等教育学生信息网（学信网）",
        qr_text="在线验证",
        footer=True,
        size=3.5,
    )


def lost_statement(p: Person, lost: date, signed: date) -> Paper:
    return Paper(
        [
            ("title", "老年人优待证遗失说明"),
            (
                "p",
                f"本人{p.name}，公民身份号码{p.printed_id}，于{date_text(lost, 'plain')}前后在外出时不慎"
                "将老年人优待证遗失，经寻找未果，特申请补办。以上情况属实。",
            ),
            ("gap", 8),
            ("sign", Sign("说明人（签字）：", p.name, date_text(signed, "plain"))),
        ],
        body_role="body",
    )


def guardian_consent(
    guardian: Person, child: Person, matter: str, signed: date, style: str
) -> Paper:
    return Paper(
        [
            ("title", "监护人意见书"),
            (
                "p",
                f"本人{guardian.name}（公民身份号码：{guardian.printed_id}）系{child.name}"
                f"（公民身份号码：{child.printed_id}）的监护人，同意{child.name}{matter}。",
            ),
            ("gap", 8),
            ("sign", Sign("监护人（签字）：", guardian.name, date_text(signed, style))),
        ],
        body_role="body",
    )


def receipt_lines(rng: random.Random, when: date) -> list[str]:
    goods = ["矿泉水550ml", "抽纸3包装", "鲜牛奶", "面包", "洗衣液2kg", "苹果", "鸡蛋10枚"]
    lines = ["好又多便利超市", f"{when:%Y-%m-%d} 18:{rng.randint(10, 59)}", "-" * 24]
    total = 0.0
    for g in rng.sample(goods, 4):
        price = rng.randint(3, 40) + rng.choice([0, 0.5, 0.9])
        total += price
        lines.append(f"{g:<10}{price:>8.2f}")
    lines += ["-" * 24, f"合计{total:>18.2f}", "微信支付", "谢谢惠顾 欢迎再来"]
    return lines
