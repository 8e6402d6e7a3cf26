"""Cases of social-assistance and social-insurance items (低保, 退休, 养老转移, 生育津贴, 失业, 结婚)."""

from __future__ import annotations

from datetime import timedelta

from tests.prereview.blind.ident import break_check

from . import cards, photo, raster
from .kit import Case, id_a4, id_desk_photos, id_fields
from .papers import bank_account_page, form, letter, medical, poa, receipt
from .people import cn_date, ymd

D = timedelta


def _family(c: Case, n: int, child_expired: bool = False):
    head = c.person(age=c.rng.randint(40, 58))
    spouse = c.person(age=head.age_on(c.today) - c.rng.randint(0, 4), male=not head.male)
    members = [head, spouse]
    if n > 2:
        members.append(c.person(age=c.rng.randint(12, 15), expired=child_expired))
    for m in members[1:]:
        m.address = head.address
    return members


def _dibao_papers(c: Case, head, shapes: str) -> None:
    """The three forms of 低保 in the shapes given: d = DOCX, p = text PDF, h = hand-filled photo."""
    signed = c.today - D(days=c.rng.randint(1, 6))
    phone = c.town.phone()
    docs = [
        (
            "apply-form",
            form(
                "示范市社会救助申请表",
                head,
                [("申请救助类别", "最低生活保障"), ("家庭人口", "3人")],
                signed,
                phone,
                seed=c.seed(),
            ),
        ),
        (
            "authorization",
            letter(
                "家庭经济状况核对授权书",
                [
                    f"本人{head.name}及共同生活的家庭成员，同意并授权民政部门及其委托的核对机构，依法查询、核对本家庭成员的户籍、收入、存款、车辆、房产、社会保险等家庭经济状况信息。",
                    "本授权书自签字之日起至救助终止之日止有效。",
                ],
                "授权人（签字）",
                head,
                signed,
                holder=head.name,
                seed=c.seed(),
            ),
        ),
        (
            "pledge",
            letter(
                "申请社会救助诚信承诺书",
                [
                    f"本人{head.name}（公民身份号码：{head.printed_id}）郑重承诺：所提供的家庭人口、收入、财产等情况真实、完整，如有虚报、隐瞒、伪造，愿意承担相应法律责任，并退还违规享受的救助资金。"
                ],
                "承诺人（签字）",
                head,
                signed,
                holder=head.name,
                id_shown=head.printed_id,
                seed=c.seed(),
            ),
        ),
    ]
    for shape, (material, (doc, fields)) in zip(shapes, docs, strict=True):
        if shape == "d":
            name = c.docx(doc)
        elif shape == "p":
            name = c.text_pdf(doc, header="示范市社会救助信息系统  打印件")
        else:
            name = c.jpg(photo.phone_page(raster.render(doc, 150)[0], c.rng))
        c.doc([name], material, fields)
        c.provide(material)


def dibao_01(c: Case) -> None:
    c.pattern, c.note = (
        "three_ids_one_a4",
        "三口之家的身份证正反面复印在同一张A4上（三行，每行正反面并排）；三张表格分别为Word、系统PDF、手填照片",
    )
    fam = _family(c, 3)
    c.applicant = fam[0].name
    _dibao_papers(c, fam[0], "dph")
    name = c.jpg(id_a4(c, [(p, "id-cards") for p in fam], "side", "仅供办理低保使用"))
    for p in fam:
        c.doc([name], "id-cards", id_fields(p))
    c.provide("id-cards")


def dibao_02(c: Case) -> None:
    c.pattern, c.note = (
        "id_photos_interleaved",
        "两位家庭成员的身份证四张照片（第二人反面先传）；疾病诊断证明拍照",
    )
    fam = _family(c, 2)
    c.applicant = fam[0].name
    _dibao_papers(c, fam[0], "pdh")
    id_desk_photos(c, fam[0], "id-cards", "fb")
    id_desk_photos(c, fam[1], "id-cards", "bf", keyboard=False)
    c.provide("id-cards")
    doctor = c.person()
    doc, fields = medical(
        "疾病诊断证明书",
        "示范市第二人民医院",
        fam[1],
        [
            ("门诊号", f"MZ{c.rng.randint(10**7, 10**8 - 1)}"),
            ("诊断", "2型糖尿病伴多个并发症；高血压病3级"),
        ],
        "患者需长期服药治疗，建议休息，定期复查。",
        c.today - D(days=c.rng.randint(40, 120)),
        doctor,
        c.seed(),
    )
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "diagnosis", fields)
    c.provide("diagnosis")


def dibao_03(c: Case) -> None:
    c.pattern, c.note = (
        "deferrable_absent_with_receipt",
        "因病申请但未交诊断证明（容缺）；两人身份证竖排复印在一张A4（正面在上反面在下）；误传一张购物小票",
    )
    fam = _family(c, 2)
    c.applicant = fam[0].name
    _dibao_papers(c, fam[0], "hpd")
    name = c.jpg(id_a4(c, [(p, "id-cards") for p in fam], "stack"))
    for p in fam:
        c.doc([name], "id-cards", id_fields(p))
    c.provide("id-cards")
    slip = raster.render(
        receipt("示范市惠民超市", c.today - D(days=3), c.seed()), 200, (80.0, 120.0)
    )[0]
    c.doc([c.jpg(photo.phone_page(slip, c.rng))], None, {})


def dibao_04(c: Case) -> None:
    c.pattern, c.note = "school_proof_too_old", "在读证明开具于八个月前，超过180天"
    fam = _family(c, 3)
    c.applicant = fam[0].name
    _dibao_papers(c, fam[0], "ddp")
    name = c.scan_pdf([id_a4(c, [(p, "id-cards") for p in fam], "side")])
    for p in fam:
        c.doc([name], "id-cards", id_fields(p))
    c.provide("id-cards")
    issued = c.today - D(days=c.rng.randint(235, 260))
    doc, fields = letter(
        "在读证明",
        [
            f"兹证明{fam[2].name}，性别{fam[2].sex}，公民身份号码{fam[2].printed_id}，系我校初中二年级学生，现在校就读。",
            "特此证明。",
        ],
        "示范市第五中学（盖章）",
        None,
        issued,
        "示范市第五中学",
        holder=fam[2].name,
        id_shown=fam[2].printed_id,
        seed=c.seed(),
    )
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "school-proof", fields)
    c.provide("school-proof", "defective")


def dibao_05(c: Case) -> None:
    c.pattern, c.note = (
        "family_member_id_expired",
        "孩子的身份证（5年期）已过期；三人身份证分别扫描为一份三页PDF",
    )
    fam = _family(c, 3, child_expired=True)
    c.applicant = fam[0].name
    _dibao_papers(c, fam[0], "pph")
    pages = [id_a4(c, [(p, "id-cards")], "stack") for p in fam]
    name = c.scan_pdf(pages)
    for p in fam:
        c.doc([name], "id-cards", id_fields(p))
    c.provide("id-cards", "defective")


def _retiree(c: Case):
    return c.person(age=c.rng.choice([60, 61, 63]), male=True)


def _tuixiu_form(c: Case, p, shape: str) -> None:
    signed = c.today - D(days=c.rng.randint(1, 5))
    doc, fields = form(
        "职工基本养老保险待遇申领表",
        p,
        [
            ("参保单位", "示范市恒泰机械有限公司"),
            ("参加工作时间", f"{p.birth.year + 20}年7月"),
            ("申领类别", "正常退休"),
            ("社会保障卡开户银行", "示范农商银行"),
        ],
        signed,
        c.town.phone(),
        hand_filled=(shape == "h"),
        below=(shape != "t"),
        seed=c.seed(),
    )
    if shape == "h":
        name = c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))
    elif shape == "t":
        name = c.text_pdf(doc, footer="示范市人社公共服务平台")
    else:
        name = c.docx(doc)
    c.doc([name], "shenling-biao", fields)
    c.provide("shenling-biao")


def tuixiu_01(c: Case) -> None:
    c.pattern, c.note = (
        "hand_form_and_stacked_id_pdf",
        "手填申领表（数值写在栏目下方）拍照；身份证正面在上、反面在下复印后扫描为PDF",
    )
    p = _retiree(c)
    c.applicant = p.name
    _tuixiu_form(c, p, "h")
    name = c.scan_pdf([id_a4(c, [(p, "sfz")], "stack")])
    c.doc([name], "sfz", id_fields(p))
    c.provide("sfz")


def tuixiu_02(c: Case) -> None:
    c.pattern, c.note = (
        "flexible_early_retirement",
        "弹性提前退休：申请书为Word（签名图片）；身份证在办公桌上拍照（键盘边缘、反光）",
    )
    p = c.person(age=58, male=True)
    c.applicant = p.name
    _tuixiu_form(c, p, "t")
    signed = c.today - D(days=4)
    doc, fields = letter(
        "弹性提前退休申请书",
        [
            f"本人{p.name}，公民身份号码{p.printed_id}，{p.birth.year}年{p.birth.month}月出生，累计缴纳基本养老保险费满二十年。",
            "根据国家渐进式延迟法定退休年龄的有关规定，本人自愿申请弹性提前退休，请予批准。",
        ],
        "申请人（签字）",
        p,
        signed,
        holder=p.name,
        id_shown=p.printed_id,
        seed=c.seed(),
    )
    c.doc([c.docx(doc)], "tiqian-shenqing", fields)
    c.provide("tiqian-shenqing")
    id_desk_photos(c, p, "sfz")
    c.provide("sfz")


def tuixiu_03(c: Case) -> None:
    c.pattern, c.note = "conclusion_of_other_person", "病退：劳动能力鉴定结论书是另一个人的"
    p = _retiree(c)
    other = c.person(age=55, male=True)
    c.applicant = p.name
    _tuixiu_form(c, p, "d")
    id_desk_photos(c, p, "sfz", "bf")
    c.provide("sfz")
    doc, fields = letter(
        "劳动能力鉴定结论书",
        [
            f"被鉴定人：{other.name}    公民身份号码：{other.printed_id}",
            "经示范市劳动能力鉴定委员会专家组鉴定，结论为：完全丧失劳动能力（因病或非因工致残）。",
            "如对本结论不服，可在收到本结论书之日起十五日内向省劳动能力鉴定委员会申请再次鉴定。",
        ],
        "示范市劳动能力鉴定委员会（盖章）",
        None,
        c.today - D(days=30),
        "示范市劳动能力鉴定委员会",
        holder=other.name,
        id_shown=other.printed_id,
        seed=c.seed(),
    )
    c.doc(
        [c.text_pdf(doc, header="鉴定编号 LD2026-0" + str(c.rng.randint(1000, 9999)))],
        "jianding-jielun",
        fields,
    )
    c.provide("jianding-jielun", "defective")


def tuixiu_04(c: Case) -> None:
    c.pattern, c.note = "agreement_unsigned", "弹性延迟退休协议书没有签字（签字处空白）"
    p = _retiree(c)
    c.applicant = p.name
    _tuixiu_form(c, p, "h")
    name = c.jpg(id_a4(c, [(p, "sfz")], "side"))
    c.doc([name], "sfz", id_fields(p))
    c.provide("sfz")
    doc, fields = letter(
        "弹性延迟退休协议书",
        [
            f"甲方：示范市恒泰机械有限公司    乙方：{p.name}（公民身份号码：{p.printed_id}）",
            "经甲乙双方协商一致，乙方延迟至法定退休年龄后三年退休，延迟期间继续缴纳基本养老保险费。",
        ],
        "乙方（签字）",
        p,
        c.today - D(days=10),
        holder=p.name,
        id_shown=p.printed_id,
        seed=c.seed(),
        sign=False,
    )
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "yanchi-xieyi", fields)
    c.provide("yanchi-xieyi", "defective")


def tuixiu_05(c: Case) -> None:
    c.pattern, c.note = (
        "id_wrong_check_character",
        "身份证号码最后一位校验码错误（表格和证件一致地印错）",
    )
    p = _retiree(c)
    p.printed_id = break_check(p.id_number)
    c.applicant = p.name
    _tuixiu_form(c, p, "t")
    id_desk_photos(c, p, "sfz", "fb", keyboard=False)
    c.provide("sfz", "defective")


def _ylzy_form(c: Case, p, shape: str) -> None:
    doc, fields = form(
        "基本养老保险关系转移接续申请表",
        p,
        [
            ("原参保地", "江西省赣州市"),
            ("转入地", "示范市"),
            ("原参保地社会保险经办机构", "赣州市社会保险事业管理局"),
        ],
        c.today - D(days=2),
        c.town.phone(),
        hand_filled=False,
        below=(shape == "p"),
        seed=c.seed(),
    )
    name = c.docx(doc) if shape == "d" else c.text_pdf(doc, header="全国社会保险公共服务平台")
    c.doc([name], "zhuanyi-sqb", fields)
    c.provide("zhuanyi-sqb")


def yanglao_01(c: Case) -> None:
    c.pattern, c.note = "id_low_dpi_scans", "身份证两面分别用 120 dpi 扫描为两张 PNG（文字较小）"
    p = c.person()
    c.applicant = p.name
    _ylzy_form(c, p, "d")
    f = photo.low_dpi(cards.id_front(p, 300, c.seed()), 300, 120)
    b = photo.low_dpi(cards.id_back(p, 300, c.seed()), 300, 120)
    names = [c.png(photo.copier(f, c.rng, grey=False)), c.png(photo.copier(b, c.rng, grey=False))]
    c.doc(names, "sfz", id_fields(p))
    c.provide("sfz")


def yanglao_02(c: Case) -> None:
    c.pattern, c.note = (
        "applicant_and_agent_one_a4",
        "代办：申请人与代办人的身份证复印在同一张A4上并用手机拍照；手写委托书拍照",
    )
    p, agent = c.person(), c.person()
    c.applicant = p.name
    _ylzy_form(c, p, "p")
    doc, fields = poa(p, agent, "企业职工基本养老保险关系转移接续", c.today - D(days=7), c.seed())
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "weituoshu", fields)
    c.provide("weituoshu")
    name = c.jpg(
        photo.phone_page(id_a4(c, [(p, "sfz"), (agent, "dailiren-sfz")], "side", scan=False), c.rng)
    )
    c.doc([name], "sfz", id_fields(p))
    c.doc([name], "dailiren-sfz", id_fields(agent))
    c.provide("sfz")
    c.provide("dailiren-sfz")


def yanglao_03(c: Case) -> None:
    c.pattern, c.note = "black_photo", "身份证那张照片是黑的（镜头被挡住），表格正常"
    p = c.person()
    c.applicant = p.name
    _ylzy_form(c, p, "d")
    c.doc([c.jpg(photo.black_frame(c.rng))], "sfz", {})
    c.provide("sfz", "defective")


def yanglao_04(c: Case) -> None:
    c.pattern, c.note = (
        "duplicate_photo_and_shared_provided",
        "身份证人像面同一张照片传了两次；另交了原参保地的缴费凭证（免提交材料，内容正确）",
    )
    p = c.person()
    c.applicant = p.name
    _ylzy_form(c, p, "p")
    f = c.jpg(photo.on_desk(cards.id_front(p, 300, c.seed()), c.rng))
    again = c.same_file_again(f)
    b = c.jpg(photo.on_desk(cards.id_back(p, 300, c.seed()), c.rng, keyboard=False))
    c.doc([f, again, b], "sfz", id_fields(p))
    c.provide("sfz")
    issued = c.today - D(days=20)
    doc, fields = letter(
        "参保缴费凭证",
        [
            f"姓名：{p.name}    公民身份号码：{p.printed_id}",
            "参保险种：企业职工基本养老保险    参保起止时间：2009年03月至2026年09月",
            "累计缴费月数：211个月    个人账户储存额：48,215.63元",
        ],
        "经办机构（业务专用章）",
        None,
        issued,
        "赣州市社会保险事业管理局",
        holder=p.name,
        id_shown=p.printed_id,
        seed=c.seed(),
    )
    c.doc(
        [c.text_pdf(doc, footer="本凭证可登录国家社会保险公共服务平台验证")],
        "jiaofei-pingzheng",
        fields,
    )
    c.provide("jiaofei-pingzheng")


def _mother(c: Case, **kw):
    return c.person(age=c.rng.randint(27, 36), male=False, **kw)


def _syjt_form(c: Case, p, shape: str) -> None:
    doc, fields = form(
        "生育津贴申领表",
        p,
        [
            ("参保单位", "示范市启明科技有限公司"),
            ("生育类型", "剖宫产"),
            ("生育日期", cn_date(c.today - D(days=50))),
        ],
        c.today - D(days=3),
        c.town.phone(),
        hand_filled=False,
        below=(shape == "p"),
        seed=c.seed(),
    )
    name = c.docx(doc) if shape == "d" else c.text_pdf(doc, header="示范市医疗保障局")
    c.doc([name], "shenling-biao", fields)
    c.provide("shenling-biao")


def shengyu_01(c: Case) -> None:
    c.pattern, c.note = (
        "id_moire_from_screen",
        "身份证照片是对着另一部手机屏幕翻拍的（摩尔纹），反面先传",
    )
    p = _mother(c)
    c.applicant = p.name
    _syjt_form(c, p, "d")
    names = []
    for face in (cards.id_back(p, 300, c.seed()), cards.id_front(p, 300, c.seed())):
        shot = photo.on_desk(
            face, c.rng, keyboard=False, with_glare=False, angle=c.rng.uniform(-3, 3)
        )
        names.append(c.jpg(photo.moire(shot, c.rng)))
    c.doc(names, "sfz", id_fields(p))
    c.provide("sfz")


def _discharge(c: Case, p, delivered):
    return medical(
        "出院记录",
        "示范市妇幼保健院",
        p,
        [
            ("入院日期", ymd(delivered - D(days=1))),
            ("出院日期", ymd(delivered + D(days=3))),
            ("分娩方式", "剖宫产"),
            ("胎数", "单胎"),
        ],
        "入院情况：孕39周，规律宫缩入院。诊疗经过：完善相关检查，行子宫下段剖宫产术，手术顺利。",
        delivered + D(days=3),
        c.person(male=False),
        c.seed(),
        more=["出院情况：一般情况好，切口愈合良好。", "出院医嘱：注意休息，产后42天门诊复查。"],
    )


def shengyu_02(c: Case) -> None:
    c.pattern, c.note = (
        "discharge_two_photos",
        "难产：两页出院记录分两张照片上传；身份证复印件扫描成PDF",
    )
    p = _mother(c)
    c.applicant = p.name
    _syjt_form(c, p, "p")
    doc, fields = _discharge(c, p, c.today - D(days=48))
    pages = raster.render(doc)
    names = [c.jpg(photo.phone_page(pg, c.rng)) for pg in pages]
    c.doc(names, "chuyuan-jilu", fields)
    c.provide("chuyuan-jilu")
    name = c.scan_pdf([id_a4(c, [(p, "sfz")], "side")])
    c.doc([name], "sfz", id_fields(p))
    c.provide("sfz")


def shengyu_03(c: Case) -> None:
    c.pattern, c.note = "discharge_missing", "外地生育：交了出生医学证明，没有出院记录"
    p = _mother(c)
    c.applicant = p.name
    _syjt_form(c, p, "d")
    id_desk_photos(c, p, "sfz", "fb")
    c.provide("sfz")
    born = c.today - D(days=45)
    baby = c.town.name()
    doc, fields = letter(
        "出生医学证明",
        [
            f"新生儿姓名：{baby}    性别：女    出生时间：{cn_date(born)} 08时16分",
            "出生地点：浙江省杭州市    出生孕周：39周    体重：3250克",
            f"母亲姓名：{p.name}    有效身份证件号码：{p.printed_id}",
            "接生机构名称：杭州市妇产科医院",
        ],
        "签发机构（出生医学证明专用章）",
        None,
        born + D(days=5),
        "杭州市妇产科医院",
        holder=baby,
        seed=c.seed(),
    )
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "chusheng-zhengming", fields)
    c.provide("chusheng-zhengming")


def shengyu_04(c: Case) -> None:
    c.pattern, c.note = "expired_id_termination", "流产：终止妊娠诊断证明书正确，但身份证已过期"
    p = _mother(c, expired=True)
    c.applicant = p.name
    _syjt_form(c, p, "p")
    name = c.jpg(id_a4(c, [(p, "sfz")], "stack"))
    c.doc([name], "sfz", id_fields(p))
    c.provide("sfz", "defective")
    doc, fields = medical(
        "终止妊娠诊断证明书",
        "示范市人民医院",
        p,
        [("孕周", "11周"), ("手术日期", ymd(c.today - D(days=20))), ("手术名称", "人工流产术")],
        "经诊断，患者于上述日期行终止妊娠手术，术后恢复良好。",
        c.today - D(days=18),
        c.person(),
        c.seed(),
    )
    c.doc([c.text_pdf(doc)], "liuchan-zhengming", fields)
    c.provide("liuchan-zhengming")


def _termination(c: Case, p, issued):
    company = c.town.company()
    return letter(
        "解除劳动合同证明书",
        [
            f"兹证明{p.name}同志（公民身份号码：{p.printed_id}）于2019年4月1日入职我单位，担任仓储管理员一职。",
            f"因劳动合同期满，我单位不再续订，双方于{cn_date(issued)}终止劳动合同，工作交接手续已办理完毕。",
            "特此证明。",
        ],
        "单位（盖章）",
        None,
        issued,
        company.name,
        holder=p.name,
        id_shown=p.printed_id,
        seed=c.seed(),
    )


def shiye_01(c: Case) -> None:
    c.pattern, c.note = (
        "certificate_at_angle_bank_page",
        "解除劳动合同证明斜着拍；身份证反面先传；银行开户确认书（户名在表头下一行）",
    )
    p = c.person()
    c.applicant = p.name
    doc, fields = _termination(c, p, c.today - D(days=c.rng.randint(10, 30)))
    c.doc([c.jpg(photo.at_angle(raster.render(doc)[0], c.rng, 0.08))], "jiechu-zhengming", fields)
    c.provide("jiechu-zhengming")
    id_desk_photos(c, p, "sfz", "bf")
    c.provide("sfz")
    account = "6231" + "".join(str(c.rng.randint(0, 9)) for _ in range(15))
    doc, fields = bank_account_page(p, account, c.today - D(days=400), c.seed())
    c.doc([c.text_pdf(doc)], "yinhang", fields)
    c.provide("yinhang")


def shiye_02(c: Case) -> None:
    c.pattern, c.note = (
        "certificate_too_old",
        "解除劳动合同证明开具于100天前（超过60天）；另交了求职登记表（非必要）",
    )
    p = c.person()
    c.applicant = p.name
    doc, fields = _termination(c, p, c.today - D(days=100))
    c.doc([c.scan_pdf([photo.copier(raster.render(doc)[0], c.rng)])], "jiechu-zhengming", fields)
    c.provide("jiechu-zhengming", "defective")
    name = c.jpg(id_a4(c, [(p, "sfz")], "side"))
    c.doc([name], "sfz", id_fields(p))
    c.provide("sfz")
    doc, fields = form(
        "求职登记表",
        p,
        [("求职意向", "仓储物流"), ("文化程度", "高中")],
        c.today - D(days=1),
        c.town.phone(),
        seed=c.seed(),
    )
    c.doc([c.jpg(photo.phone_page(raster.render(doc)[0], c.rng))], "qiuzhi", fields)
    c.provide("qiuzhi")


def _statement(c: Case, man, woman):
    signed = c.today
    doc, fields = letter(
        "申请结婚登记声明书",
        [
            f"男方：{man.name}，公民身份号码{man.printed_id}；女方：{woman.name}，公民身份号码{woman.printed_id}。",
            "本人与对方均无配偶，没有直系血亲和三代以内旁系血亲关系，自愿结为夫妻。本人上述声明完全真实，如有虚假，愿承担法律责任。",
        ],
        "声明人（签字）",
        man,
        signed,
        seed=c.seed(),
    )
    return doc, fields


def jiehun_01(c: Case) -> None:
    c.pattern, c.note = (
        "couple_four_photos_back_first",
        "双方身份证四张桌面照片（倾斜5–15°）：男方正面、反面，女方反面在前；声明书为Word",
    )
    man, woman = c.person(age=29, male=True), c.person(age=27, male=False)
    c.applicant = man.name
    for p, material, order in ((man, "id-card-man", "fb"), (woman, "id-card-woman", "bf")):
        id_desk_photos(c, p, material, order, keyboard=c.rng.random() < 0.5)
        c.provide(material)
    doc, fields = _statement(c, man, woman)
    c.doc([c.docx(doc)], "statement", fields)
    c.provide("statement")


def jiehun_02(c: Case) -> None:
    c.pattern, c.note = "couple_one_a4_bad_check", "双方身份证复印在同一张A4上；男方号码校验位错误"
    man, woman = c.person(age=33, male=True), c.person(age=30, male=False)
    man.printed_id = break_check(man.id_number)
    c.applicant = woman.name
    name = c.jpg(id_a4(c, [(woman, "id-card-woman"), (man, "id-card-man")], "side"))
    c.doc([name], "id-card-woman", id_fields(woman))
    c.doc([name], "id-card-man", id_fields(man))
    c.provide("id-card-woman")
    c.provide("id-card-man", "defective")
    doc, fields = _statement(c, man, woman)
    c.doc([c.text_pdf(doc)], "statement", fields)
    c.provide("statement")


CASES = [
    ("dibao-01", "minzheng-dibao-shenqing", [], dibao_01),
    ("dibao-02", "minzheng-dibao-shenqing", ["ill"], dibao_02),
    ("dibao-03", "minzheng-dibao-shenqing", ["ill"], dibao_03),
    ("dibao-04", "minzheng-dibao-shenqing", ["student"], dibao_04),
    ("dibao-05", "minzheng-dibao-shenqing", [], dibao_05),
    ("tuixiu-01", "rs-tuixiu-daiyu", [], tuixiu_01),
    ("tuixiu-02", "rs-tuixiu-daiyu", ["tanxing-tiqian"], tuixiu_02),
    ("tuixiu-03", "rs-tuixiu-daiyu", ["bingtui"], tuixiu_03),
    ("tuixiu-04", "rs-tuixiu-daiyu", ["tanxing-yanchi"], tuixiu_04),
    ("tuixiu-05", "rs-tuixiu-daiyu", [], tuixiu_05),
    ("yanglao-01", "rs-yanglao-zhuanyi", [], yanglao_01),
    ("yanglao-02", "rs-yanglao-zhuanyi", ["agent"], yanglao_02),
    ("yanglao-03", "rs-yanglao-zhuanyi", [], yanglao_03),
    ("yanglao-04", "rs-yanglao-zhuanyi", [], yanglao_04),
    ("shengyu-01", "yb-shengyu-jintie", [], shengyu_01),
    ("shengyu-02", "yb-shengyu-jintie", ["nanchan"], shengyu_02),
    ("shengyu-03", "yb-shengyu-jintie", ["waidi-shengyu"], shengyu_03),
    ("shengyu-04", "yb-shengyu-jintie", ["liuchan"], shengyu_04),
    ("shiye-01", "rs-shiye-baoxianjin", [], shiye_01),
    ("shiye-02", "rs-shiye-baoxianjin", [], shiye_02),
    ("jiehun-01", "minzheng-jiehun-dengji", [], jiehun_01),
    ("jiehun-02", "minzheng-jiehun-dengji", [], jiehun_02),
]
