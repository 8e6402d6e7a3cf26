"""The documents of the six guides and the three sample items, with the fields they print."""

from __future__ import annotations

from datetime import date, timedelta

from PIL import Image

from tests.prereview.blind.ident import Company, Person

from . import cards
from .dates import style
from .draw import Canvas
from .paper import Hand, Paper
from .texts import form, form_fields, letter, to_trad


def _v(value: str, hand: bool):
    return Hand(value) if hand else value


# ---- forms ------------------------------------------------------------------------------


def chuzu_form(
    landlord: Person,
    phone: str,
    where: str,
    tenant: Person,
    start: date,
    end: date,
    hand: bool,
    signed: bool,
    on: date,
    ds: str,
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["出租人姓名", v(landlord.name), "联系电话", v(phone)],
        ["证件号码", v(landlord.id_number)],
        ["房屋坐落", v(where)],
        ["出租用途", v("居住"), "出租间数", v("整套")],
        ["承租人姓名", v(tenant.name), "证件号码", v(tenant.id_number)],
        ["租赁期限", v(f"{style(start, 'dot')}至{style(end, 'dot')}")],
    ]
    paper = form(
        "出租房屋登记备案表",
        rows,
        "出租人（签字）：",
        landlord.name if signed else None,
        on,
        ds,
        decl="本人承诺以上信息真实有效，已核验承租人身份，并遵守出租房屋治安管理有关规定。",
        number="编号：QHCZ-________",
    )
    return paper, form_fields(
        landlord.name, signed, on, id_number=landlord.id_number, phone=phone, address=where
    )


def dusheng_form(
    p: Person,
    spouse: Person,
    child: str,
    phone: str,
    job: str,
    hand: bool,
    signed: bool,
    on: date,
    ds: str,
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["申请人姓名", v(p.name), "性别", v(p.sex)],
        ["公民身份号码", v(p.id_number)],
        ["原工作单位", v(job), "联系电话", v(phone)],
        ["户籍地址", v(p.address)],
        ["配偶姓名", v(spouse.name), "配偶身份号码", v(spouse.id_number)],
        ["独生子女姓名", v(child), "光荣证编号", v(f"浙独字第{p.seq:04d}号")],
        ["村（居）委会意见", "情况属实，同意申报。"],
    ]
    paper = form(
        "独生子女父母一次性奖励申请表",
        rows,
        "申请人（签字）：",
        p.name if signed else None,
        on,
        ds,
        decl="本人承诺所填信息真实，如有虚假愿退回奖励金并承担相应责任。",
    )
    return paper, form_fields(
        p.name, signed, on, id_number=p.id_number, phone=phone, address=p.address
    )


def zhuxiao_form(
    c: Company, boss: Person, phone: str, hand: bool, signed: bool, on: date, ds: str
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["名称", v(c.name)],
        ["统一社会信用代码", v(c.uscc)],
        ["经营者姓名", v(boss.name), "联系电话", v(phone)],
        ["经营场所", v(c.address)],
        ["注销原因", v("经营者决定停止经营"), "清税情况", v("已清税")],
    ]
    paper = form(
        "个体工商户注销登记申请书",
        rows,
        "经营者签字：",
        boss.name if signed else None,
        on,
        ds,
        decl="本人承诺：已结清债权债务，所提交材料真实有效，如有虚假愿承担法律责任。",
    )
    return paper, form_fields(boss.name, signed, on, uscc=c.uscc, phone=phone, address=c.address)


def huanzheng_form(
    p: Person, phone: str, cert_no: str, hand: bool, signed: bool, on: date, ds: str
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["姓名", v(p.name), "性别", v(p.sex)],
        ["公民身份号码", v(p.id_number)],
        ["联系电话", v(phone), "准驾车型", v("A2")],
        ["住址", v(p.address)],
        ["从业资格类别", v("道路货物运输驾驶员"), "原证号", v(cert_no)],
        ["换证原因", v("有效期届满")],
    ]
    paper = form(
        "道路运输从业人员从业资格证换证申请表",
        rows,
        "申请人签字：",
        p.name if signed else None,
        on,
        ds,
        decl="本人保证所填内容及提交材料真实，无吸毒、饮酒后驾驶记录，记分周期内未满12分。",
    )
    return paper, form_fields(
        p.name, signed, on, id_number=p.id_number, phone=phone, address=p.address
    )


def luohu_form(
    p: Person,
    phone: str,
    employer: str,
    target: str,
    follow: str,
    hand: bool,
    signed: bool,
    on: date,
    ds: str,
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["姓名", v(p.name), "性别", v(p.sex)],
        ["公民身份号码", v(p.id_number)],
        ["工作单位", v(employer), "联系电话", v(phone)],
        ["拟落户地址", v(target)],
        ["随迁人员", v(follow or "无")],
    ]
    paper = form(
        "人才落户申请表",
        rows,
        "申请人（签名）：",
        p.name if signed else None,
        on,
        ds,
        decl="以上信息由本人填写，如有不实，自愿承担由此产生的一切后果。",
    )
    return paper, form_fields(
        p.name, signed, on, id_number=p.id_number, phone=phone, address=target
    )


def yishi_form(
    p: Person,
    phone: str,
    old: str,
    new: str,
    cert_no: str,
    hand: bool,
    signed: bool,
    on: date,
    ds: str,
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["姓名", v(p.name), "性别", v(p.sex)],
        ["身份证件号码", v(p.id_number)],
        ["医师执业证书编码", v(cert_no), "联系电话", v(phone)],
        ["执业类别", v("临床"), "执业范围", v("内科专业")],
        ["原主要执业机构", v(old)],
        ["拟变更主要执业机构", v(new)],
    ]
    blocks = [
        ("title", "医师变更执业注册申请审核表"),
        ("table", rows, [1, 1, 1, 1]),
        ("para", "本人承诺以上填写内容真实准确，所提交材料真实有效。"),
        (
            "sign",
            "申请人签字：",
            p.name if signed else None,
            Hand(style(on, ds)) if signed else style(on, ds),
            None,
        ),
        ("sign", "拟执业机构意见（盖章）：", None, style(on, ds), new),
    ]
    f = form_fields(p.name, signed or True, on, id_number=p.id_number, phone=phone)
    return Paper([blocks], role="form"), f


def gongshang_form(
    worker: Person, employer: Company, phone: str, hurt_on: date, hand: bool, on: date, ds: str
) -> tuple[Paper, dict]:
    """工傷認定申請表, in the Traditional characters of the centre's template; unit seal."""
    v = lambda s: _v(s, hand)  # noqa: E731
    t = to_trad
    rows = [
        [t("职工姓名"), v(worker.name), t("性别"), v(worker.sex)],
        [t("身份证号码"), v(worker.id_number)],
        [t("工作单位"), v(employer.name)],
        [t("联系电话"), v(phone), t("受伤部位"), v("右手腕")],
        [t("事故时间"), v(style(hurt_on, "cn")), t("事故地点"), v("本单位仓库")],
        [t("事故经过"), v("搬运货物时从货架梯子上跌落，右手着地受伤，当即送医。")],
    ]
    paper = form(
        t("工伤认定申请表"),
        rows,
        t("申请单位（盖章）："),
        None,
        on,
        ds,
        decl=t("以上情况属实，如有虚假，愿承担相应法律责任。"),
        seal_text=employer.name,
    )
    paper.title_role = "tc"
    return paper, form_fields(worker.name, True, on, id_number=worker.id_number, phone=phone)


def beian_form(
    c: Company,
    quality: Person,
    phone: str,
    store: str,
    hand: bool,
    on: date,
    ds: str,
    signed: bool = True,
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["企业名称", v(c.name)],
        ["统一社会信用代码", v(c.uscc)],
        ["法定代表人", v(c.legal_rep), "企业负责人", v(c.legal_rep)],
        ["质量负责人", v(quality.name), "联系电话", v(phone)],
        ["经营场所", v(c.address)],
        ["库房地址", v(store)],
        ["经营方式", v("批零兼营"), "经营范围", v("第二类医疗器械（6864、6866、07、14）")],
    ]
    paper = form(
        "第二类医疗器械经营备案表",
        rows,
        "法定代表人（签字）：",
        c.legal_rep if signed else None,
        on,
        ds,
        seal_text=c.name if signed else None,
        decl="本企业承诺所提交的全部资料真实有效，并承担一切法律责任。",
    )
    f = form_fields(
        c.name, signed, on, uscc=c.uscc, phone=phone, address=c.address, legal_rep=c.legal_rep
    )
    return paper, f


def huoyun_form(
    c: Company, boss: Person, phone: str, cars: int, hand: bool, on: date, ds: str
) -> tuple[Paper, dict]:
    v = lambda s: _v(s, hand)  # noqa: E731
    rows = [
        ["申请人名称", v(c.name)],
        ["经营者（负责人）", v(boss.name), "联系电话", v(phone)],
        ["通信地址", v(c.address)],
        ["申请经营范围", v("道路普通货物运输")],
        ["拟投入车辆", v(f"{cars}辆"), "驾驶人员", v(f"{cars}人")],
    ]
    paper = form(
        "道路货物运输经营申请表", rows, "负责人签字：", boss.name, on, ds, seal_text=c.name
    )
    return paper, form_fields(c.name, True, on, phone=phone, address=c.address)


# ---- letters and statements ------------------------------------------------------------


def dusheng_letter(p: Person, child: str, committee: str, on: date, ds: str) -> tuple[Paper, dict]:
    paper = letter(
        "独生子女证明",
        [
            f"兹证明{p.name}（公民身份号码：{p.id_number}）系我村（居）居民，"
            f"在职期间只生育一个子女{child}，未再生育，也未收养子女，属独生子女父母。",
            "特此证明。本证明自出具之日起九十日内有效。",
        ],
        committee,
        on,
        ds,
    )
    return paper, {
        "name": p.name,
        "id_number": p.id_number,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def jieshou_letter(p: Person, unit: str, on: date, ds: str) -> tuple[Paper, dict]:
    paper = letter(
        "集体户口接收证明",
        [
            "青禾市公安局：",
            f"兹有{p.name}同志（公民身份号码：{p.id_number}），系我单位在职职工，"
            f"符合本市人才落户条件，我单位同意其户口落入本单位集体户（户号：{p.seq:06d}）。",
            "本证明自出具之日起六十日内有效。",
        ],
        unit,
        on,
        ds,
        number=f"青人才接〔{on.year}〕{p.seq}号",
    )
    return paper, {
        "name": p.name,
        "id_number": p.id_number,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def pinyong_letter(p: Person, hospital: str, on: date, ds: str) -> tuple[Paper, dict]:
    paper = letter(
        "聘用证明",
        [
            f"兹证明{p.name}（身份证件号码：{p.id_number}）同志，经我院考核，拟聘用为我院内科医师，"
            f"自{on.year}年{on.month}月起在我院执业，我院同意其将主要执业机构变更至我院。",
            "特此证明。",
        ],
        hospital,
        on,
        ds,
        label="单位（盖章）",
    )
    return paper, {
        "name": p.name,
        "id_number": p.id_number,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def lizhi_letter(p: Person, hospital: str, on: date, ds: str) -> tuple[Paper, dict]:
    paper = letter(
        "解除聘用关系证明",
        [
            f"{p.name}，身份证件号码{p.id_number}，原在我院内科从事临床工作。"
            f"经本人申请，我院已于{style(on, ds)}与其解除聘用关系，同意其办理执业注册变更。",
            "特此证明。",
        ],
        hospital,
        on,
        ds,
        label="单位（盖章）",
    )
    return paper, {
        "name": p.name,
        "id_number": p.id_number,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def tijian_paper(p: Person, hospital: str, on: date, ds: str, doctor: str) -> tuple[Paper, dict]:
    age = on.year - p.birth.year
    rows = [
        ["姓名", p.name, "性别", p.sex, "年龄", f"{age}岁"],
        ["身份证号", p.id_number],
        ["体检日期", style(on, ds), "体检编号", f"TJ{on:%Y%m%d}{p.seq:03d}"],
        ["内科", "未见异常", "外科", "未见异常"],
        ["胸部X线", "心肺膈未见明显异常", "心电图", "窦性心律，正常心电图"],
        ["血常规、肝功能", "未见异常"],
        ["体检结论", "未发现影响执业的疾病，身体健康状况可以从事医师执业活动。"],
    ]
    blocks = [
        ("title", "健康体检证明"),
        ("sub", hospital),
        ("table", rows, [1, 1, 1, 1, 1, 1]),
        ("sign", "主检医师：", doctor, style(on, ds), hospital),
    ]
    return Paper([blocks], role="form"), {
        "name": p.name,
        "id_number": p.id_number,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def jixu_record(p: Person, school: str, on: date) -> tuple[Paper, dict]:
    rows = [
        ["姓名", p.name, "从业资格证号", p.id_number],
        ["从业资格类别", "道路货物运输驾驶员", "培训机构", school],
        ["年度", "培训形式", "学时", "考核结果"],
    ]
    for k in range(3):
        rows.append([str(on.year - k), "网络远程+集中面授", "24", "合格"])
    blocks = [
        ("title", "道路运输驾驶员继续教育记录"),
        ("table", rows, [1, 1.2, 1, 1.3]),
        ("para", "上述继续教育学时已记入全国道路运输从业人员继续教育信息系统。"),
        ("sign", f"{school}（章）", None, style(on, "pad"), school),
    ]
    return Paper([blocks]), {
        "name": p.name,
        "id_number": p.id_number,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def yishi_shengming(c: Company, on: date) -> tuple[Paper, dict]:
    blocks = [
        ("title", "遗失（作废）声明"),
        ("sub", "国家企业信用信息公示系统 · 公示信息打印"),
        ("para", f"{c.name}（统一社会信用代码：{c.uscc}）不慎遗失营业执照正本、副本，现声明作废。"),
        ("kv", "声明人", c.name, False),
        ("kv", "公示日期", style(on, "pad"), False),
    ]
    return Paper([blocks]), {"name": c.name, "uscc": c.uscc, "issue_date": on.isoformat()}


def weituo_daibiao(
    c: Company, boss: Person, agent: Person, on: date, signed: bool
) -> tuple[Paper, dict]:
    rows = [
        ["委托人（经营者）", boss.name, "个体工商户名称", c.name],
        ["指定代表或委托代理人", agent.name, "身份证件号码", agent.id_number],
        ["委托事项", "办理个体工商户注销登记"],
        ["委托权限", "1.同意修改填写错误 2.同意修改表格填写错误 3.同意领取文书"],
    ]
    blocks = [
        ("title", "指定代表或者共同委托代理人授权委托书"),
        ("table", rows, [1.3, 1, 1.3, 1.6]),
        (
            "sign",
            "经营者签字：",
            boss.name if signed else None,
            Hand(style(on, "cn")) if signed else "    年  月  日",
            None,
        ),
    ]
    f = {"name": boss.name}
    if signed:
        f.update(signature=True, issue_date=on.isoformat())
    return Paper([blocks], role="form"), f


def zhenduan_paper(
    p: Person, hospital: str, on: date, diag: str, doctor: str, ds: str
) -> tuple[Paper, dict]:
    rows = [
        ["姓名", p.name, "性别", p.sex, "年龄", f"{on.year - p.birth.year}岁"],
        ["科别", "骨科", "门诊号", f"MZ{on:%y%m%d}{p.seq:04d}"],
        ["诊断", diag],
        ["处理意见", "石膏外固定，建议休息六周，定期复查。"],
    ]
    blocks = [
        ("title", "诊断证明书"),
        ("sub", hospital),
        ("table", rows, [1, 1, 1, 1, 1, 1]),
        ("sign", "医师签名：", doctor, style(on, ds), hospital),
    ]
    return Paper([blocks], role="form"), {
        "name": p.name,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def zhiyebing_paper(p: Person, on: date) -> tuple[Paper, dict]:
    org = "青禾市职业病防治院"
    blocks = [
        ("title", "职业病诊断证明书"),
        ("right", f"青职诊〔{on.year}〕第{p.seq}号"),
        (
            "table",
            [
                ["劳动者姓名", p.name, "身份证号码", p.id_number],
                ["用人单位", "青禾市嘉禾石材有限公司"],
                ["诊断结论", "职业性尘肺病（矽肺壹期）"],
            ],
            [1, 1, 1, 1.6],
        ),
        ("para", "诊断依据：GBZ 70-2015《职业性尘肺病的诊断》。"),
        ("sign", "诊断医师签字：", "顾海燕", style(on, "pad"), org),
    ]
    return Paper([blocks], role="form"), {
        "name": p.name,
        "id_number": p.id_number,
        "issue_date": on.isoformat(),
        "signature": True,
    }


def shigu_paper(p: Person, other: str, on: date, hurt_on: date) -> tuple[Paper, dict]:
    blocks = [
        ("title", "道路交通事故认定书（简易程序）"),
        ("right", f"第3311{on:%Y}{p.seq:05d}号"),
        (
            "table",
            [
                ["事故时间", style(hurt_on, "pad") + " 07时40分", "天气", "晴"],
                ["事故地点", "青禾市滨江区望潮街与江滨路交叉口"],
                ["当事人", p.name, "身份证号", p.id_number],
                ["当事人", other, "交通方式", "驾驶小型轿车"],
            ],
            [1, 1.2, 1, 1.6],
        ),
        (
            "para",
            f"交通事故事实及责任：{other}驾驶小型轿车右转时未让直行的非机动车先行，"
            f"与骑电动自行车上班途中的{p.name}相撞，致{p.name}受伤。{other}负事故全部责任，"
            f"{p.name}无责任。",
        ),
        ("sign", "交通警察：", "冯立新", style(on, "cn"), "青禾市公安局交通警察支队"),
    ]
    return Paper([blocks], role="form"), {"issue_date": on.isoformat(), "signature": True}


def wage_statement(p: Person, employer: str, on: date, bank_no: str) -> tuple[Paper, dict]:
    rows = [["交易日期", "摘要", "收入金额", "对方户名"]]
    d = on - timedelta(days=160)
    for _ in range(6):
        rows.append([style(d, "dash"), "代发工资", f"{5000 + (p.seq * 37) % 900}.00", employer])
        d += timedelta(days=30)
    blocks = [
        ("title", "个人账户交易明细"),
        ("sub", "青禾农村商业银行"),
        ("kv", "户名", p.name, False),
        ("kv", "账号", bank_no, False),
        ("table", rows, [1, 0.8, 0.9, 2]),
        (
            "sign",
            "打印机构（业务专用章）",
            None,
            f"打印日期：{style(on, 'dash')}",
            "青禾农村商业银行",
        ),
    ]
    return Paper([blocks]), {"name": p.name, "issue_date": on.isoformat(), "signature": True}


def company_text(title: str, c: Company, paras: list[str], on: date, ds: str) -> tuple[Paper, dict]:
    blocks = [("title", title), ("sub", c.name)] + [("para", s) for s in paras]
    blocks.append(("sign", "企业（盖章）：", None, style(on, ds), c.name))
    return Paper([blocks]), {"name": c.name, "issue_date": on.isoformat(), "signature": True}


def catalogue(title: str, c: Company, rows: list[list[str]]) -> tuple[Paper, dict]:
    blocks = [
        ("title", title),
        ("sub", c.name),
        ("table", rows, [0.5] + [1.5] * (len(rows[0]) - 1)),
    ]
    return Paper([blocks], role="form"), {"name": c.name}


def zhucun_agreement(c: Company, logistics: str, on: date, end: date) -> tuple[Paper, dict]:
    p1 = [
        ("title", "医疗器械委托贮存配送协议"),
        ("kv", "委托方（甲方）", c.name, False),
        ("kv", "统一社会信用代码", c.uscc, False),
        ("kv", "受托方（乙方）", logistics, False),
        (
            "para",
            "甲方委托乙方为其经营的第二类医疗器械提供贮存、配送服务，乙方应当按照《医疗器械"
            "经营质量管理规范》及医疗器械第三方物流有关要求开展贮存配送。",
        ),
        ("para", f"协议有效期自{style(on, 'cn')}起至{style(end, 'cn')}止。"),
    ]
    p2 = [
        ("para", "乙方应当建立与甲方计算机信息系统对接的追溯管理，如实记录入库、出库、运输信息。"),
        ("para", "本协议一式两份，双方各执一份，自双方盖章之日起生效。"),
        ("sign", "甲方（盖章）：", None, style(on, "cn"), c.name),
        ("sign", "乙方（盖章）：", None, style(on, "cn"), logistics),
    ]
    return Paper([p1, p2]), {
        "name": c.name,
        "uscc": c.uscc,
        "valid_until": end.isoformat(),
        "issue_date": on.isoformat(),
        "signature": True,
    }


def commitment(
    title: str, boss: Person, c: Company, body: str, on: date, signed: bool
) -> tuple[Paper, dict]:
    blocks = [
        ("title", title),
        ("kv", "承诺人", boss.name, False),
        ("kv", "经营主体", c.name, False),
        ("para", body),
        (
            "sign",
            "承诺人（签字）：",
            boss.name if signed else None,
            Hand(style(on, "cn")) if signed else "     年   月   日",
            None,
        ),
    ]
    f = {"name": boss.name}
    if signed:
        f.update(signature=True, issue_date=on.isoformat())
    return Paper([blocks]), f


# ---- certificates ------------------------------------------------------------------------


def hukou_pages(
    k, p: Person, head: Person, relation: str, issued: date, job: str, married: str
) -> tuple[Image.Image, Image.Image, dict]:
    no = f"{p.region}{p.seq:06d}"
    home = cards.hukou_home(head.name, no, head.address, issued, 300, k.rng)
    me = cards.hukou_person(p, relation, 300, k.rng, job, married)
    return (
        home,
        me,
        {
            "name": p.name,
            "id_number": p.id_number,
            "address": head.address,
            "issue_date": issued.isoformat(),
        },
    )


def marriage(
    k, a: Person, b: Person, on: date, holder: Person, divorce: bool = False
) -> tuple[Image.Image, dict]:
    title = "离婚证" if divorce else "结婚证"
    rows = [
        ("持证人", holder.name),
        ("登记日期", style(on, "pad")),
        (f"{title}字号", f"J331102-{on.year}-{holder.seq:06d}"),
        ("备注", ""),
    ]
    for x in (a, b):
        rows += [("姓名", x.name), ("性别", x.sex), ("身份证件号", x.id_number)]
    im = cards.booklet(
        title,
        rows,
        300,
        k.rng,
        size=(125.0, 128.0),
        photo=True,
        seal_text="青禾市滨江区民政局",
        footer="登记机关：青禾市滨江区民政局",
    )
    return im, {"name": holder.name, "issue_date": on.isoformat()}


def guangrong(
    k, father: Person, mother: Person, child: str, on: date, holder: Person
) -> tuple[Image.Image, dict]:
    rows = [
        ("父亲姓名", father.name),
        ("母亲姓名", mother.name),
        ("子女姓名", child),
        ("子女性别", "女"),
        ("编号", f"浙独字第{holder.seq:04d}号"),
        ("发证日期", style(on, "cn")),
    ]
    im = cards.booklet(
        "独生子女父母光荣证",
        rows,
        300,
        k.rng,
        size=(120.0, 84.0),
        photo=False,
        seal_text="青禾市滨江区卫生健康局",
    )
    return im, {"issue_date": on.isoformat()}


def sbk_card(k, p: Person) -> tuple[Image.Image, dict]:
    rows = [
        ("姓名", p.name),
        ("社会保障号码", p.id_number),
        ("卡号", f"Q{p.seq:08d}"),
        ("发卡日期", f"{p.valid_from.year}年{p.valid_from.month:02d}月"),
    ]
    im = cards.booklet(
        "中华人民共和国社会保障卡",
        rows,
        500,
        k.rng,
        size=(85.6, 54.0),
        bg=(236, 243, 250),
        title_color=(20, 60, 140),
    )
    return im, {"name": p.name, "id_number": p.id_number}


def congye_cert(k, p: Person, first: date, until: date) -> tuple[Image.Image, dict]:
    rows = [
        ("姓名", p.name),
        ("性别", p.sex),
        ("出生日期", style(p.birth, "dash")),
        ("国籍", "中国"),
        ("住址", p.address),
        ("证号", p.id_number),
        ("从业资格类别", "道路货物运输驾驶员"),
        ("初领日期", style(first, "dash")),
        ("有效期限", f"{style(add_years_back(until, 6), 'dash')}至{style(until, 'dash')}"),
    ]
    im = cards.booklet(
        "中华人民共和国道路运输从业人员从业资格证",
        rows,
        300,
        k.rng,
        size=(128.0, 92.0),
        seal_text="青禾市交通运输局",
        title_color=(20, 40, 110),
    )
    return im, {
        "name": p.name,
        "id_number": p.id_number,
        "address": p.address,
        "valid_until": until.isoformat(),
    }


def add_years_back(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:
        return d.replace(year=d.year - years, day=28)


def driving_licence(k, p: Person, first: date, until: date) -> tuple[Image.Image, dict]:
    rows = [
        ("证号", p.id_number),
        ("姓名", p.name),
        ("性别", p.sex),
        ("国籍", "中国"),
        ("住址", p.address),
        ("出生日期", style(p.birth, "dash")),
        ("初次领证日期", style(first, "dash")),
        ("准驾车型", "A2"),
        ("有效期限", f"{style(add_years_back(until, 10), 'dash')} 至 {style(until, 'dash')}"),
    ]
    im = cards.booklet(
        "中华人民共和国机动车驾驶证",
        rows,
        350,
        k.rng,
        size=(120.0, 84.0),
        bg=(236, 240, 246),
        title_color=(30, 30, 30),
    )
    return im, {
        "name": p.name,
        "id_number": p.id_number,
        "address": p.address,
        "valid_until": until.isoformat(),
    }


def xingshi(k, owner: Person, plate: str, issued: date, until: date) -> tuple[Image.Image, dict]:
    rows = [
        ("号牌号码", plate),
        ("车辆类型", "重型厢式货车"),
        ("所有人", owner.name),
        ("住址", owner.address),
        ("使用性质", "货运"),
        ("品牌型号", "解放牌CA5250XXYP62K1L5T3E6"),
        ("车辆识别代号", f"LFNCRUMX{owner.seq:03d}1B{issued.year}"),
        ("注册日期", style(issued, "dash")),
        ("发证日期", style(issued, "dash")),
        ("检验有效期至", f"{until.year}年{until.month:02d}月{until.day:02d}日"),
    ]
    im = cards.booklet(
        "中华人民共和国机动车行驶证",
        rows,
        350,
        k.rng,
        size=(120.0, 90.0),
        photo=False,
        seal_text="青禾市公安局交通警察支队",
        bg=(240, 244, 236),
    )
    return im, {
        "name": owner.name,
        "address": owner.address,
        "issue_date": issued.isoformat(),
        "valid_until": until.isoformat(),
    }


def yishi_cert(k, p: Person, hospital: str, issued: date, code: str) -> tuple[Image.Image, dict]:
    rows = [
        ("姓名", p.name),
        ("性别", p.sex),
        ("出生日期", style(p.birth, "pad")),
        ("身份证件号码", p.id_number),
        ("医师级别", "执业医师"),
        ("执业类别", "临床"),
        ("执业范围", "内科专业"),
        ("执业地点", "青禾市"),
        ("主要执业机构", hospital),
        ("证书编码", code),
        ("发证日期", style(issued, "pad")),
    ]
    im = cards.booklet(
        "医师执业证书",
        rows,
        300,
        k.rng,
        size=(130.0, 100.0),
        seal_text="青禾市卫生健康委员会",
        title_color=(130, 20, 20),
    )
    return im, {"name": p.name, "id_number": p.id_number, "issue_date": issued.isoformat()}


def diploma(k, p: Person, school: str, major: str, graduated: date) -> tuple[Image.Image, dict]:
    rows = [
        ("学生", p.name),
        ("性别", p.sex),
        ("出生日期", style(p.birth, "upper")),
        ("专业", major),
        ("学制", "四年"),
        ("学习时间", f"{graduated.year - 4}年9月至{graduated.year}年6月"),
        ("说明", "在本校修完教学计划规定的全部课程，成绩合格，准予毕业。"),
        ("证书编号", f"1{k.rng.randint(10**16, 10**17 - 1)}"),
        ("校（院）长", "陶文博"),
        ("发证日期", style(graduated, "upper")),
    ]
    im = cards.booklet(
        "毕业证书",
        rows,
        250,
        k.rng,
        size=(190.0, 135.0),
        seal_text=school,
        title_color=(150, 20, 20),
    )
    return im, {"name": p.name, "issue_date": graduated.isoformat()}


def title_cert(k, p: Person, unit: str, on: date) -> tuple[Image.Image, dict]:
    rows = [
        ("姓名", p.name),
        ("性别", p.sex),
        ("出生年月", f"{p.birth.year}年{p.birth.month}月"),
        ("工作单位", unit),
        ("专业名称", "机械工程"),
        ("资格名称", "工程师"),
        ("评审通过时间", style(on, "cn")),
        ("证书编号", f"QHZC{on.year}{p.seq:05d}"),
    ]
    im = cards.booklet(
        "专业技术职务任职资格证书",
        rows,
        300,
        k.rng,
        size=(130.0, 95.0),
        seal_text="青禾市人力资源和社会保障局",
        title_color=(120, 20, 20),
    )
    return im, {"name": p.name, "issue_date": on.isoformat()}


def skill_cert(k, p: Person, on: date) -> tuple[Image.Image, dict]:
    rows = [
        ("姓名", p.name),
        ("证件类型", "居民身份证"),
        ("证件号码", p.id_number),
        ("职业名称", "电工"),
        ("工种/职业方向", "--"),
        ("职业技能等级", "四级/中级工"),
        ("证书编号", f"S0000331100{on:%y}4{p.seq:06d}"),
        ("发证日期", style(on, "pad")),
        ("评价机构", "青禾技师学院"),
    ]
    im = cards.booklet(
        "职业技能等级证书",
        rows,
        300,
        k.rng,
        size=(130.0, 95.0),
        seal_text="青禾技师学院",
        title_color=(20, 60, 120),
    )
    return im, {"name": p.name, "id_number": p.id_number, "issue_date": on.isoformat()}


def property_cert(k, owner: Person, where: str, issued: date) -> tuple[Image.Image, dict]:
    no = f"浙（{issued.year}）青禾市不动产权第{owner.seq:07d}号"
    im = cards.property_page(
        owner.name,
        owner.id_number,
        where,
        no,
        issued,
        250,
        k.rng,
        f"{k.rng.randint(60, 140)}.{k.rng.randint(10, 99)}",
    )
    return im, {
        "name": owner.name,
        "id_number": owner.id_number,
        "address": where,
        "issue_date": issued.isoformat(),
    }


def floor_plan(k, c: Company, where: str) -> tuple[Image.Image, dict]:
    cv = Canvas(210, 297, 200)
    cv.text(40, 18, "经营场所、库房地理位置图和平面图", 16, "title")
    cv.text(30, 32, f"企业名称：{c.name}", 11, "form")
    cv.text(30, 40, f"经营场所：{where}", 11, "form")
    cv.rect(30, 55, 180, 135)
    for x, label in ((30, "望潮街"), (110, "江滨路")):
        cv.text(x + 20, 140, label, 10, "form")
    cv.rect(80, 75, 120, 105, fill=(230, 230, 230))
    cv.text(84, 86, "本店", 11, "bold")
    cv.rect(30, 155, 180, 270)
    cv.line(100, 155, 100, 270)
    cv.line(30, 215, 100, 215)
    for x, y, label in (
        (45, 180, "营业区"),
        (45, 240, "办公区"),
        (120, 205, "库房 35㎡"),
        (120, 225, "（合格区/待验区/退货区）"),
    ):
        cv.text(x, y, label, 11, "form")
    cv.text(150, 275, "比例 1:100", 9, "form")
    return cv.img, {"name": c.name, "address": where}
