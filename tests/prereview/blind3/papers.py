"""Paper documents as blocks plus the fields each one clearly shows (the truth).

Every builder returns ``(Doc, fields)``; ``fields`` uses only the keys of ``cases.json``
(``name`` is the holder the document is about).
"""

from __future__ import annotations

from datetime import date

from tests.prereview.blind.ident import Company, Person

from .blocks import Break, Doc, Fields, Hand, Para, Sign, Space, Table, Title
from .people import cn_date, ymd

Out = tuple[Doc, dict]


def form(
    title: str,
    p: Person,
    rows: list[tuple[str, str]],
    signed: date | None,
    phone: str = "",
    hand_filled: bool = True,
    below: bool = True,
    role: str = "sans",
    signer_label: str = "申请人（签字）",
    seed: int = 0,
    note: str = "",
) -> Out:
    """An application form: 申请人 particulars, item rows, then the applicant's signature."""
    value = Hand if hand_filled else str
    pairs = [("申请人姓名", value(p.name)), ("公民身份号码", value(p.printed_id))]
    if phone:
        pairs.append(("联系电话", value(phone)))
    pairs.append(("户籍地址", value(p.address)))
    pairs += [(label, value(v)) for label, v in rows]
    fields: dict = {"name": p.name, "id_number": p.printed_id, "address": p.address}
    if phone:
        fields["phone"] = phone
    if below:
        grid = Fields(pairs, cols=2)
    else:
        grid = Table([[label, v] for label, v in pairs], widths=[0.3, 0.7])
    blocks = [
        Title(title),
        Para("填表日期：" + (cn_date(signed) if signed else "    年  月  日"), False, 9.5, "right"),
        grid,
    ]
    if note:
        blocks.append(Para(note, True, 9.5))
    blocks.append(Space(4))
    blocks.append(
        Sign(signer_label, Hand(p.name) if signed else None, cn_date(signed) if signed else None)
    )
    if signed:
        fields["signature"] = True
        fields["issue_date"] = ymd(signed)
    return Doc(
        blocks, role=role, title_role="sansb" if role == "sans" else "serifb", seed=seed
    ), fields


def letter(
    title: str,
    paras: list[str],
    signer_label: str,
    signer: Person | None,
    signed: date,
    seal_name: str | None = None,
    holder: str | None = None,
    id_shown: str | None = None,
    role: str = "serif",
    seed: int = 0,
    sign: bool = True,
) -> Out:
    """A statement, certificate or agreement in running text with a signing area."""
    blocks = [Title(title), Space(3)] + [Para(t) for t in paras] + [Space(10)]
    blocks.append(
        Sign(
            signer_label,
            Hand(signer.name) if (signer and sign) else None,
            cn_date(signed),
            seal_name if sign else None,
        )
    )
    fields: dict = {"issue_date": ymd(signed)}
    if holder:
        fields["name"] = holder
    if id_shown:
        fields["id_number"] = id_shown
    if sign:
        fields["signature"] = True
    return Doc(blocks, role=role, title_role="serifb", seed=seed), fields


def poa(
    principal: Person, agent: Person, matter: str, signed: date, seed: int = 0, table: bool = False
) -> Out:
    """授权委托书: 委托人 and 受托人 with their ID numbers, the matter, the principal's signature."""
    if table:
        body = [
            Table(
                [
                    ["委托人", principal.name, "身份证号码", principal.printed_id],
                    ["受托人", agent.name, "身份证号码", agent.printed_id],
                    ["委托事项", matter, "", ""],
                    ["委托期限", f"自{cn_date(signed)}起至办结之日止", "", ""],
                ],
                widths=[0.16, 0.3, 0.18, 0.36],
            )
        ]
    else:
        body = [
            Para(f"委托人：{principal.name}    公民身份号码：{principal.printed_id}", False),
            Para(f"受托人：{agent.name}    公民身份号码：{agent.printed_id}", False),
            Para(
                f"现委托{agent.name}代为办理{matter}，受托人在办理上述事项过程中所签署的有关文件，委托人均予以认可，并承担相应的法律责任。"
            ),
            Para("委托期限：自签字之日起至上述事项办结之日止。"),
        ]
    blocks = [
        Title("授权委托书"),
        Space(3),
        *body,
        Space(8),
        Sign("委托人（签字）", Hand(principal.name), cn_date(signed)),
    ]
    fields = {
        "name": principal.name,
        "id_number": principal.printed_id,
        "issue_date": ymd(signed),
        "signature": True,
    }
    return Doc(blocks, role="ming", title_role="serifb", seed=seed), fields


def lease(
    landlord: Person,
    tenant: Person,
    address: str,
    start: date,
    end: date,
    signed: date,
    rent: int,
    signed_both: bool = True,
    seed: int = 0,
) -> Out:
    """房屋租赁合同 of four pages: parties, premises, term and rent, clauses, signatures."""
    clauses = [
        "乙方应按时支付租金，逾期支付的，每逾期一日按月租金的百分之一支付违约金。",
        "租赁期间，房屋及其附属设施的日常维修由乙方负责，主体结构的维修由甲方负责。",
        "未经甲方书面同意，乙方不得转租、转借该房屋，不得改变房屋用途。",
        "租赁期间产生的水、电、燃气、物业管理等费用由乙方承担。",
        "任何一方提前解除合同的，应提前三十日书面通知对方，并按约定承担违约责任。",
        "租赁期满，乙方需继续承租的，应于期满前一个月向甲方提出，双方另行签订合同。",
        "因不可抗力导致合同无法履行的，双方互不承担责任。",
        "本合同未尽事宜，由双方协商解决；协商不成的，可向房屋所在地人民法院起诉。",
    ]
    blocks = [
        Title("房屋租赁合同"),
        Para(f"出租方（甲方）：{landlord.name}    身份证号：{landlord.printed_id}", False),
        Para(f"承租方（乙方）：{tenant.name}    身份证号：{tenant.printed_id}", False),
        Para(
            "根据《中华人民共和国民法典》及有关规定，甲乙双方在平等、自愿的基础上，就房屋租赁事宜达成如下协议："
        ),
        Para("第一条  房屋基本情况", False),
        Table(
            [["房屋坐落", address], ["建筑面积", "68.5平方米"], ["房屋用途", "居住"]],
            widths=[0.25, 0.75],
        ),
        Para("第二条  租赁期限", False),
        Para(f"租赁期限自{cn_date(start)}起至{cn_date(end)}止。"),
        Break(),
        Para("第三条  租金及支付方式", False),
        Para(
            f"月租金为人民币{rent}元，按季度支付，乙方应于每季度第一个月的五日前支付当季租金。押金人民币{rent}元，合同期满无违约的予以退还。"
        ),
    ]
    for i, text in enumerate(clauses[:4], start=4):
        blocks.append(Para(f"第{'四五六七'[i - 4]}条  {text}", False))
    blocks.append(Break())
    for i, text in enumerate(clauses[4:]):
        blocks.append(Para(f"第{['八', '九', '十', '十一'][i]}条  {text}", False))
    blocks.append(Para("第十二条  本合同一式两份，甲乙双方各执一份，自双方签字之日起生效。", False))
    blocks.append(Break())
    blocks.append(Para("（以下为签字页，无正文）", False))
    blocks.append(Space(20))
    blocks.append(
        Sign("甲方（签字）", Hand(landlord.name) if signed_both else None, cn_date(signed))
    )
    blocks.append(Space(6))
    blocks.append(Sign("乙方（签字）", Hand(tenant.name) if signed_both else None, cn_date(signed)))
    fields: dict = {
        "name": tenant.name,
        "address": address,
        "valid_until": ymd(end),
        "issue_date": ymd(signed),
    }
    if signed_both:
        fields["signature"] = True
    return Doc(blocks, role="ming", title_role="serifb", seed=seed), fields


def property_cert(owner: Person, address: str, issued: date, unit: str, seed: int = 0) -> Out:
    """不动产权证书 登记页 as a table (权利人 共有情况 坐落 不动产单元号 ...)."""
    rows = [
        ["权利人", owner.name],
        ["共有情况", "单独所有"],
        ["坐落", address],
        ["不动产单元号", unit],
        ["权利类型", "国有建设用地使用权/房屋所有权"],
        ["权利性质", "出让/商品房"],
        ["用途", "城镇住宅用地/住宅"],
        ["面积", "共有宗地面积12034.6㎡/房屋建筑面积89.27㎡"],
        ["使用期限", "国有建设用地使用权 2008年06月30日起2078年06月29日止"],
        ["权利其他状况", "专有建筑面积78.31㎡，分摊建筑面积10.96㎡"],
    ]
    blocks = [
        Para(f"苏（{issued.year}）示范市不动产权第{seed % 9000000 + 1000000:07d}号", False, 11),
        Table(rows, widths=[0.24, 0.76], size=10.5),
        Para(f"登记机构（章）    {cn_date(issued)}", False, 10, "right"),
    ]
    fields = {"name": owner.name, "address": address, "issue_date": ymd(issued)}
    return Doc(blocks, role="serif", title_role="serifb", seed=seed, margin=18), fields


def medical(
    title: str,
    hospital: str,
    p: Person,
    rows: list[tuple[str, str]],
    text: str,
    issued: date,
    doctor: Person,
    seed: int = 0,
    show_id: bool = True,
    more: list[str] | None = None,
) -> Out:
    """A hospital document: header, patient table, findings, doctor's signature, hospital seal."""
    head = [["姓名", p.name, "性别", p.sex, "年龄", f"{issued.year - p.birth.year}岁"]]
    if show_id:
        head.append(["身份证号", p.printed_id, "", "", "", ""])
    blocks = [
        Para(hospital, False, 14, "left"),
        Title(title, 16),
        Table(head, widths=[0.13, 0.37, 0.1, 0.1, 0.1, 0.2]),
        Table([[k, v] for k, v in rows], widths=[0.22, 0.78]),
        Para(text),
        *([Break()] + [Para(t) for t in more] if more else []),
        Space(6),
        Sign("医师签名", Hand(doctor.name), cn_date(issued), hospital + "医务处"),
    ]
    fields: dict = {"name": p.name, "issue_date": ymd(issued), "signature": True}
    if show_id:
        fields["id_number"] = p.printed_id
    return Doc(blocks, role="sharp", title_role="sansb", seed=seed), fields


def licence_form(
    title: str, c: Company, rows: list[tuple[str, str]], signed: date, seed: int = 0
) -> Out:
    """A company's application with 名称 / 统一社会信用代码 / 法定代表人 and the company seal."""
    table = [
        ["企业名称", c.name],
        ["统一社会信用代码", c.printed_uscc],
        ["法定代表人", c.legal_rep],
        ["住所", c.address],
    ]
    table += [[k, v] for k, v in rows]
    blocks = [
        Title(title),
        Table(table, widths=[0.28, 0.72]),
        Para(
            "本企业承诺所提交的申请材料真实、合法、有效，复印件与原件一致，并对因材料虚假所引发的一切后果承担相应的法律责任。"
        ),
        Space(8),
        Sign("法定代表人（签字）", Hand(c.legal_rep), None),
        Sign("企业（盖章）", None, cn_date(signed), c.name),
    ]
    fields = {
        "name": c.name,
        "uscc": c.printed_uscc,
        "legal_rep": c.legal_rep,
        "address": c.address,
        "issue_date": ymd(signed),
        "signature": True,
    }
    return Doc(blocks, role="sans", title_role="sansb", seed=seed), fields


def bank_account_page(p: Person, account: str, opened: date, seed: int = 0) -> Out:
    """个人账户信息 print-out in a bank's layout: labels above values in two bands."""
    blocks = [
        Para("示范农村商业银行股份有限公司", False, 13),
        Title("个人结算账户开户确认书", 15),
        Table(
            [
                ["户名", "账号", "开户网点"],
                [p.name, account, "示范农商银行滨湖支行营业部"],
                ["证件类型", "证件号码", "开户日期"],
                ["居民身份证", p.printed_id, ymd(opened)],
                ["账户类别", "币种", "账户状态"],
                ["Ⅰ类借记账户", "人民币", "正常"],
            ],
            widths=[0.3, 0.4, 0.3],
        ),
        Para("本确认书仅用于证明上述账户信息，不作为存款证明。"),
        Sign("经办网点（业务章）", None, cn_date(opened), "示范农商银行滨湖支行"),
    ]
    fields = {"name": p.name, "id_number": p.printed_id, "issue_date": ymd(opened)}
    return Doc(blocks, role="sans", title_role="sansb", seed=seed), fields


def receipt(shop: str, when: date, seed: int = 0) -> Doc:
    """A supermarket till receipt (an unrelated paper photographed by mistake)."""
    items = [
        ("农夫山泉550ml", "2.00"),
        ("散装大米5kg", "32.80"),
        ("洗洁精", "9.90"),
        ("塑料袋", "0.30"),
    ]
    blocks = [Title(shop, 12), Para(f"交易时间：{ymd(when)} 18:42", False, 9)]
    blocks.append(Table([["商品", "金额"]] + [[a, b] for a, b in items], widths=[0.7, 0.3], size=9))
    blocks.append(Para("合计：45.00    微信支付：45.00", False, 9))
    blocks.append(Para("谢谢惠顾，欢迎再次光临！", False, 9))
    return Doc(blocks, role="mono", title_role="sansb", seed=seed, margin=6)


def sale_contract(
    seller: Person,
    buyer: Person,
    address: str,
    price: int,
    signed: date,
    signed_ok: bool = True,
    seed: int = 0,
) -> Out:
    """存量房买卖合同（网签版）, four pages; the buyer (买受人) is the holder."""
    blocks = [
        Para(f"合同编号：WQ{signed:%Y%m%d}{seed % 100000:05d}", False, 9, "right"),
        Title("示范市存量房买卖合同"),
        Para(f"出卖人：{seller.name}    证件号码：{seller.printed_id}", False),
        Para(f"买受人：{buyer.name}    证件号码：{buyer.printed_id}", False),
        Para("第一条  房屋基本情况", False),
        Table(
            [["房屋坐落", address], ["建筑面积", "89.27平方米"], ["规划用途", "住宅"]],
            widths=[0.25, 0.75],
        ),
        Break(),
        Para("第二条  成交价格与付款方式", False),
        Para(
            f"该房屋成交总价为人民币{price}元。买受人采用商业贷款方式付款，首付款于本合同签订之日起五日内存入资金监管账户。"
        ),
        Para("第三条  出卖人应保证该房屋没有产权纠纷，未设定抵押权，未被司法查封。", False),
        Para("第四条  出卖人应于办理转移登记后十五日内将该房屋交付买受人。", False),
        Break(),
        Para("第五条  税费由双方按照国家及本市有关规定各自承担。", False),
        Para(
            "第六条  本合同经双方签字后生效，并由双方共同向不动产登记机构申请办理转移登记。", False
        ),
        Para(
            "第七条  本合同发生争议的，由双方协商解决；协商不成的，依法向房屋所在地人民法院起诉。",
            False,
        ),
        Break(),
        Para("（本页为签署页）", False),
        Space(18),
        Sign("出卖人（签章）", Hand(seller.name) if signed_ok else None, cn_date(signed)),
        Space(6),
        Sign("买受人（签章）", Hand(buyer.name) if signed_ok else None, cn_date(signed)),
    ]
    fields: dict = {"name": buyer.name, "address": address, "issue_date": ymd(signed)}
    if signed_ok:
        fields["signature"] = True
    return Doc(blocks, role="serif", title_role="serifb", seed=seed), fields


def marriage(holder: Person, other: Person, registered: date, seed: int = 0) -> Out:
    """结婚证 inner page: 持证人 登记日期 结婚证字号, then both parties' particulars."""
    man, woman = (holder, other) if holder.male else (other, holder)
    rows = [
        ["持证人", holder.name],
        ["登记日期", cn_date(registered)],
        ["结婚证字号", f"J320211-{registered.year}-{seed % 9000 + 1000:06d}"],
        ["备注", ""],
    ]
    party = [
        ["姓名", man.name, "性别", "男"],
        ["国籍", "中国", "出生日期", ymd(man.birth)],
        ["身份证件号", man.printed_id, "", ""],
        ["姓名", woman.name, "性别", "女"],
        ["国籍", "中国", "出生日期", ymd(woman.birth)],
        ["身份证件号", woman.printed_id, "", ""],
    ]
    blocks = [
        Title("结婚证", 20),
        Table(rows, widths=[0.3, 0.7]),
        Space(4),
        Table(party, widths=[0.22, 0.38, 0.18, 0.22]),
    ]
    fields = {"name": holder.name, "issue_date": ymd(registered)}
    return Doc(blocks, role="serif", title_role="serifb", seed=seed, margin=14), fields
