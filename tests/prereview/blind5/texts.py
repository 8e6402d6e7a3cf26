"""Wording and arrangement of the papers: forms, letters, contracts, certificates.

Each builder returns ``(Paper, fields)``: the blocks to render and the truth of the
fields the paper prints (keys of cases.json ``documents[].fields``).
"""

from __future__ import annotations

from datetime import date

import zhconv

from tests.prereview.blind.ident import Person

from .dates import style
from .paper import Hand, Paper


def form(
    title: str,
    rows: list[list],
    signer_label: str,
    signer: str | None,
    signed_on: date | None,
    date_style: str = "cn",
    decl: str = "",
    seal_text: str | None = None,
    number: str = "",
    head: list[tuple] = (),
) -> Paper:
    """An application form: a grid of label / value cells, a declaration and a signing area."""
    blocks: list[tuple] = [("title", title)]
    if number:
        blocks.append(("right", number))
    blocks += list(head)
    blocks.append(("table", rows, [1.0] * max(len(r) for r in rows)))
    if decl:
        blocks.append(("para", decl))
    when = None
    if signed_on is not None:
        when = Hand(style(signed_on, date_style)) if signer else style(signed_on, date_style)
    blocks.append(("sign", signer_label, signer, when, seal_text))
    return Paper([blocks], role="form")


def form_fields(name: str, signed: bool, signed_on: date | None, **more) -> dict:
    f = {"name": name, **{k: v for k, v in more.items() if v}}
    if signed:
        f["signature"] = True
    if signed_on is not None:
        f["issue_date"] = signed_on.isoformat()
    return f


def letter(
    title: str,
    paras: list[str],
    issuer: str,
    issued: date,
    date_style: str = "cn",
    seal_text: str | None = None,
    to: str = "",
    number: str = "",
    signer: str | None = None,
    label: str = "",
) -> Paper:
    """A 证明 letter: title, addressee, body, issuing body with seal and date."""
    blocks: list[tuple] = [("title", title)]
    if number:
        blocks.append(("right", number))
    if to:
        blocks.append(("kv", to.rstrip("："), "", False))
    blocks += [("para", p) for p in paras]
    blocks.append(("gap", 6))
    blocks.append(
        (
            "sign",
            label or f"{issuer}（盖章）",
            signer,
            style(issued, date_style),
            seal_text if seal_text is not None else issuer,
        )
    )
    return Paper([blocks], role="body")


def power_of_attorney(
    principal: Person, agent: Person, matter: str, on: date, signed: bool, date_style: str = "cn"
) -> tuple[Paper, dict]:
    """授权委托书 written as a letter with a particulars table."""
    rows = [
        ["委托人", principal.name, "公民身份号码", principal.id_number],
        ["受托人", agent.name, "公民身份号码", agent.id_number],
    ]
    blocks = [
        ("title", "授权委托书"),
        ("table", rows, [1, 1.3, 1.3, 2.4]),
        (
            "para",
            f"本人{principal.name}因工作原因不能亲自到场，现委托{agent.name}作为我的代理人，"
            f"代为办理{matter}，代理人在办理过程中所签署的有关文件，我均予以承认。",
        ),
        ("para", "委托期限：自签字之日起至上述事项办结之日止。代理人无转委托权。"),
        ("gap", 4),
        (
            "sign",
            "委托人（签字）：",
            principal.name if signed else None,
            Hand(style(on, date_style)) if signed else "      年    月    日",
            None,
        ),
    ]
    fields = {"name": principal.name, "id_number": principal.id_number}
    if signed:
        fields.update(signature=True, issue_date=on.isoformat())
    return Paper([blocks]), fields


def lease(
    landlord: Person,
    tenant: str,
    tenant_code: str,
    where: str,
    start: date,
    end: date,
    signed_on: date,
    rent: int,
    date_style: str,
    t_phone: str,
    use: str = "居住",
    tenant_seal: bool = False,
) -> tuple[Paper, dict]:
    """房屋租赁合同, three pages: parties and premises; terms; signatures.

    ``tenant_code`` is an ID number, or a credit code when the tenant is a business
    (then the tenant signs with its seal when ``tenant_seal``).
    """
    business = not tenant_code[:2].isdigit() or tenant_code[:2] in ("91", "92")
    code_label = "统一社会信用代码" if business else "身份证号码"
    p1 = [
        ("title", "房屋租赁合同"),
        ("right", f"合同编号：QH-ZL-{signed_on:%Y%m%d}{rent % 97:02d}"),
        ("kv", "出租方（甲方）", landlord.name, False),
        ("kv", "身份证号码", landlord.id_number, False),
        ("kv", "承租方（乙方）", tenant, False),
        ("kv", code_label, tenant_code, False),
        ("kv", "联系电话", t_phone, False),
        (
            "para",
            "根据《中华人民共和国民法典》及有关规定，甲乙双方在平等、自愿、协商一致的基础上，"
            "就乙方承租甲方房屋事宜达成如下协议：",
        ),
        (
            "para",
            f"第一条  甲方将坐落于{where}的房屋出租给乙方作{use}使用，"
            "建筑面积以不动产权证书记载为准，房屋内现有设施详见附件清单。",
        ),
        (
            "para",
            f"第二条  租赁期限自{style(start, date_style)}起至{style(end, date_style)}止。"
            "租赁期满乙方需继续承租的，应提前一个月书面通知甲方。",
        ),
    ]
    p2 = [
        (
            "para",
            f"第三条  月租金为人民币{rent}元整，按季度支付，乙方于每季度首月5日前支付当季租金。",
        ),
        (
            "para",
            f"第四条  乙方于签订本合同时向甲方支付押金人民币{rent}元，租期届满乙方结清费用、"
            "交还房屋后，甲方无息退还押金。",
        ),
        (
            "para",
            "第五条  租赁期间的水、电、燃气、网络、物业管理费由乙方承担；房屋及附属设施的"
            "自然损坏由甲方负责维修。",
        ),
        (
            "para",
            "第六条  乙方不得擅自改变房屋结构和用途，不得转租、转借；不得在房屋内存放易燃易爆"
            "物品，不得从事违法活动。",
        ),
        (
            "para",
            "第七条  甲方应当于本合同签订之日起三十日内办理出租房屋登记备案，乙方应当配合"
            "提供身份证明并办理相关登记。",
        ),
        ("para", "第八条  任何一方违反本合同约定的，应当向对方支付一个月租金作为违约金。"),
    ]
    p3 = [
        (
            "para",
            "第九条  本合同履行中发生争议的，双方协商解决；协商不成的，向房屋所在地人民法院起诉。",
        ),
        ("para", "第十条  本合同一式两份，甲乙双方各执一份，自双方签字之日起生效。"),
        ("gap", 10),
        ("sign", "甲方（签字）：", landlord.name, Hand(style(signed_on, date_style)), None),
        (
            "sign",
            "乙方（签字或盖章）：",
            None if tenant_seal else tenant,
            Hand(style(signed_on, date_style)),
            tenant if tenant_seal else None,
        ),
    ]
    fields = {
        "name": tenant,
        ("uscc" if business else "id_number"): tenant_code,
        "address": where,
        "phone": t_phone,
        "valid_until": end.isoformat(),
        "issue_date": signed_on.isoformat(),
        "signature": True,
    }
    return Paper([p1, p2, p3]), fields


def labour_contract(
    employer: str,
    uscc: str,
    worker: Person,
    start: date,
    end: date,
    signed_on: date,
    job: str,
    date_style: str,
    trad: bool = False,
) -> tuple[Paper, dict]:
    """劳动合同 (fixed term), two pages; Traditional characters when ``trad``."""
    t = (lambda s: s) if not trad else to_trad
    p1 = [
        ("title", t("劳动合同书")),
        ("kv", t("甲方（用人单位）"), employer, False),
        ("kv", t("统一社会信用代码"), uscc, False),
        ("kv", t("乙方（劳动者）"), worker.name, False),
        ("kv", t("公民身份号码"), worker.id_number, False),
        (
            "para",
            t(
                f"第一条 合同期限：固定期限，自{style(start, date_style)}起至"
                f"{style(end, date_style)}止，其中试用期两个月。"
            ),
        ),
        ("para", t(f"第二条 工作内容：乙方同意在甲方{job}岗位工作，工作地点为青禾市。")),
        ("para", t("第三条 工作时间：实行标准工时制度，每日工作八小时，每周工作五日。")),
        (
            "para",
            t(
                "第四条 劳动报酬：甲方每月15日前以货币形式支付乙方上月工资，不低于本市最低工资标准。"
            ),
        ),
    ]
    p2 = [
        ("para", t("第五条 社会保险：甲乙双方依法参加社会保险，乙方个人缴纳部分由甲方代扣代缴。")),
        (
            "para",
            t(
                "第六条 劳动保护：甲方为乙方提供符合国家规定的劳动安全卫生条件和必要的劳动防护用品。"
            ),
        ),
        (
            "para",
            t("第七条 本合同未尽事宜，按国家和本市有关规定执行。本合同一式两份，双方各执一份。"),
        ),
        ("gap", 8),
        ("sign", t("甲方（盖章）："), None, style(signed_on, date_style), employer),
        ("sign", t("乙方（签字）："), worker.name, Hand(style(signed_on, date_style)), None),
    ]
    fields = {
        "name": worker.name,
        "id_number": worker.id_number,
        "uscc": uscc,
        "valid_until": end.isoformat(),
        "issue_date": signed_on.isoformat(),
        "signature": True,
    }
    return Paper([p1, p2]), fields


def to_trad(s: str) -> str:
    """Traditional characters, as the centre's 工伤 template prints them."""
    return zhconv.convert(s, "zh-hant")


def receipt(title: str, payer: str, item: str, amount: str, on: date, issuer: str) -> Paper:
    """A wrong document: a fee receipt with its own layout (no material of any item)."""
    blocks = [
        ("title", title),
        ("right", f"NO.{on:%y%m%d}0{len(payer) * 731}"),
        (
            "table",
            [
                ["交款单位（人）", payer, "日期", style(on, "pad")],
                ["收费项目", item, "金额", amount],
                ["金额（大写）", "人民币" + amount, "", ""],
            ],
            [1.3, 2, 0.8, 1.4],
        ),
        ("sign", "收款单位（章）：", None, None, issuer),
    ]
    return Paper([blocks], role="form")
