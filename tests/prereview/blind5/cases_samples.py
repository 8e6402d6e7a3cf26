"""Cases on bundled sample items no earlier set used (工伤认定, 二类医疗器械备案, 道路货运许可)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from . import docs as D
from . import people
from . import uploads as U
from .kit import Kit
from .texts import labour_contract, lease, power_of_attorney, receipt

GS = "rs-gongshang-rending"
YL = "scjg-ylqx-erlei-beian"
HY = "jt-huoyun-jingying-xuke"


def _days(d: date, n: int) -> date:
    return d - timedelta(days=n)


# ---- 工傷認定申請 (guide in Traditional characters) ------------------------------------------


def _injury(k: Kit):
    w = k.person(age=(25, 55))
    k.applicant = w.name
    boss = k.person(age=(35, 60))
    employer = people.company(k.rng, boss, "物流")
    hurt = _days(k.today, k.rng.randint(12, 40))
    start = _days(k.today, 700)
    end = start.replace(year=start.year + 3) - timedelta(days=1)
    cp, cf = labour_contract(
        employer.name, employer.uscc, w, start, end, start, "仓储管理员", "cn", trad=True
    )
    return w, employer, hurt, cp, cf


def gsrd_01(root: Path) -> dict:
    k = Kit(
        root,
        "gsrd-01",
        GS,
        date(2026, 3, 30),
        [],
        "trad_form_glare+id_one_copy_photo+contract_shuffled+folded_diagnosis",
        "繁体模板的申请表（单位盖章）有反光；身份证正反面复印在一页拍照；劳动合同两页乱序；诊断证明三折",
    )
    w, employer, hurt, cp, cf = _injury(k)
    fp, ff = D.gongshang_form(w, employer, people.phone(k.rng), hurt, True, _days(k.today, 1), "cn")
    U.paper_photos(k, fp, "rending-sqb", ff, glare=True)
    U.id_copy(k, [(w, "shoushang-sfz", "ok")], out="photo")
    U.paper_photos(k, cp, "laodong-hetong", cf, order=[1, 0])
    zp, zf = D.zhenduan_paper(w, "青禾市中心医院", hurt, "右桡骨远端骨折", "许思远", "pad")
    U.paper_photos(k, zp, "zhenduan-zhengming", zf, fold=True, ground="newspaper")
    return k.finish()


def gsrd_02(root: Path) -> dict:
    k = Kit(
        root,
        "gsrd-02",
        GS,
        date(2026, 6, 4),
        ["jiaotong"],
        "wage_statement_pdf+hospital_pdf+accident_newspaper",
        "上下班交通事故：没有劳动合同，用银行代发工资流水 PDF；诊断证明为医院系统打印 PDF；事故认定书在报纸上拍",
    )
    w, employer, hurt, _, _ = _injury(k)
    fp, ff = D.gongshang_form(w, employer, people.phone(k.rng), hurt, False, k.today, "dash")
    U.paper_docx(k, fp, "rending-sqb", ff, signed=True)
    U.id_photos(k, w, "shoushang-sfz")
    sp, sf = D.wage_statement(
        w, employer.name, _days(k.today, 2), "6230 9101 " + f"{w.seq:04d} 5521 307"
    )
    U.paper_text_pdf(k, sp, "gongzi-jilu", sf, "青禾农村商业银行 个人网银 交易明细打印")
    zp, zf = D.zhenduan_paper(
        w, "青禾市滨江区人民医院", hurt, "左胫骨平台骨折；多处软组织挫伤", "严子涵", "dash"
    )
    U.paper_text_pdf(k, zp, "zhenduan-zhengming", zf, "青禾市滨江区人民医院 门诊医生工作站 打印")
    ap, af = D.shigu_paper(w, people.name(k.rng, k.used), _days(hurt, -3), hurt)
    U.paper_photos(k, ap, "shigu-rendingshu", af, ground="newspaper")
    return k.finish()


def gsrd_03(root: Path) -> dict:
    k = Kit(
        root,
        "gsrd-03",
        GS,
        date(2026, 9, 9),
        [],
        "occupational_disease+fax_form+scan_contract+extra_receipt",
        "职业病：职业病诊断证明书代替受伤诊断；申请表传真；劳动合同打孔扫描；多传一张门诊收费票据",
    )
    w, employer, hurt, cp, cf = _injury(k)
    fp, ff = D.gongshang_form(w, employer, people.phone(k.rng), hurt, True, _days(k.today, 2), "cn")
    U.paper_fax(k, fp, "rending-sqb", ff)
    U.id_collage(k, w, "shoushang-sfz")
    U.paper_scan(k, cp, "laodong-hetong", cf)
    zp, zf = D.zhiyebing_paper(w, _days(k.today, 20))
    U.paper_photos(k, zp, "zhiyebing-zhengming", zf)
    rp = receipt(
        "门诊收费票据",
        w.name,
        "检查费、化验费",
        "186.00元",
        _days(k.today, 25),
        "青禾市职业病防治院",
    )
    U.paper_photos(
        k,
        rp,
        None,
        {"name": w.name, "issue_date": _days(k.today, 25).isoformat(), "signature": True},
    )
    return k.finish()


def gsrd_04(root: Path) -> dict:
    k = Kit(
        root,
        "gsrd-04",
        GS,
        date(2026, 11, 12),
        ["agent"],
        "unsigned_poa+grey150_diagnosis",
        "委托律师代办：授权委托书没有签字；诊断证明灰度 150dpi 扫描",
    )
    w, employer, hurt, cp, cf = _injury(k)
    lawyer = k.person(age=(28, 50))
    fp, ff = D.gongshang_form(w, employer, people.phone(k.rng), hurt, True, _days(k.today, 1), "cn")
    U.paper_photos(k, fp, "rending-sqb", ff)
    U.id_photos(k, w, "shoushang-sfz", back_first=True, sleeve=True)
    U.paper_photos(k, cp, "laodong-hetong", cf, ground="newspaper")
    zp, zf = D.zhenduan_paper(w, "青禾市中医院", hurt, "腰椎间盘突出症（外伤性）", "何静怡", "cn")
    U.paper_grey(k, zp, "zhenduan-zhengming", zf)
    wp, wf = power_of_attorney(w, lawyer, "工伤认定申请", _days(k.today, 2), False)
    U.paper_photos(k, wp, "weituoshu", wf, status="defective", fold=True)
    return k.finish()


# ---- 第二类医疗器械经营备案 ----------------------------------------------------------------


def _medshop(k: Kit, quality_expired: bool = False):
    boss = k.person(age=(32, 58))
    quality = k.person(age=(26, 50), expired=quality_expired)
    c = people.company(k.rng, boss, "医疗器械")
    c.scope = "第二类医疗器械销售；第一类医疗器械销售；日用口罩（非医用）销售。"
    k.applicant = c.name
    store = c.address.replace("一层", "二层")
    return boss, quality, c, store


def _med_common(k: Kit, c, quality, on: date):
    im, df = D.diploma(k, quality, "青禾卫生职业技术学院", "医疗器械维护与管理", date(2015, 6, 30))
    op, of = D.company_text(
        "企业组织机构与部门设置说明",
        c,
        [
            "本企业设总经理一名，下设质量管理部、采购部、销售部、仓储部。",
            f"质量管理部负责人{quality.name}，负责医疗器械质量管理工作，对质量问题具有裁决权。",
            "仓储部负责医疗器械验收、贮存、养护和出库复核。",
        ],
        on,
        "cn",
    )
    sp, sf = D.catalogue(
        "主要经营设施、设备目录",
        c,
        [
            ["序号", "名称", "数量", "位置"],
            ["1", "货架（组）", "12", "营业区"],
            ["2", "温湿度监测仪", "2", "库房"],
            ["3", "空调", "1", "库房"],
            ["4", "计算机及进销存系统", "2", "办公区"],
            ["5", "消防器材", "4", "各区"],
        ],
    )
    zp, zf = D.catalogue(
        "经营质量管理制度、工作程序文件目录",
        c,
        [
            ["序号", "文件名称"],
            ["1", "质量管理机构职责"],
            ["2", "采购、收货、验收管理制度"],
            ["3", "供货者资格审核制度"],
            ["4", "库房贮存、出入库管理制度"],
            ["5", "销售和售后服务管理制度"],
            ["6", "不合格医疗器械管理制度"],
            ["7", "医疗器械追溯制度"],
            ["8", "质量管理自查制度"],
        ],
    )
    return (im, df), (op, of), (sp, sf), (zp, zf)


def ylqx_01(root: Path) -> dict:
    k = Kit(
        root,
        "ylqx-01",
        YL,
        date(2026, 4, 21),
        [],
        "two_heads_one_stamped_copy+merged_lease_scan+docx",
        "负责人和质量负责人身份证复印在一页并盖核对章；租赁合同三页扫描成 PDF；备案表和设施目录是 Word；信息系统说明未交（容缺）",
    )
    boss, quality, c, store = _medshop(k)
    fp, ff = D.beian_form(c, quality, people.phone(k.rng), store, False, k.today, "cn")
    U.paper_docx(k, fp, "beian-biao", ff, signed=True)
    U.id_copy(
        k,
        [(boss, "fuzeren-sfz", "ok"), (quality, "fuzeren-sfz", "ok")],
        out="photo",
        stamp=boss.name,
    )
    dip, org, fac, rules = _med_common(k, c, quality, _days(k.today, 3))
    U.image_shot(k, dip[0], "zhiliang-fuzeren-xueli", dip[1])
    U.paper_grey(k, org[0], "zuzhi-jigou", org[1])
    im, pf = D.floor_plan(k, c, c.address)
    U.image_shot(k, im, "weizhi-pingmian-tu", pf)
    landlord = k.person(age=(40, 65))
    start = _days(k.today, 40)
    lp, lf = lease(
        landlord,
        c.name,
        c.uscc,
        c.address,
        start,
        start.replace(year=start.year + 3) - timedelta(days=1),
        _days(start, 5),
        6800,
        "cn",
        people.phone(k.rng),
        use="经营",
        tenant_seal=True,
    )
    U.paper_scan(k, lp, "changsuo-zulin", lf, punch=False)
    U.paper_docx(k, fac[0], "sheshi-mulu", fac[1], signed=False)
    rp, rf = rules
    rf = dict(rf)
    U.paper_text_pdf(k, rp, "zhidu-mulu", rf, "禾润医疗器械 质量管理体系文件 打印")
    return k.finish()


def ylqx_02(root: Path) -> dict:
    k = Kit(
        root,
        "ylqx-02",
        YL,
        date(2026, 7, 14),
        ["weituo-zhucun"],
        "deed_instead_of_lease+3pl_agreement_scan+screenshot_plan",
        "委托第三方物流贮存：不动产权证书代替租赁合同；委托贮存配送协议两页扫描；平面图为手机截图；质量负责人身份证传真",
    )
    boss, quality, c, _store = _medshop(k)
    fp, ff = D.beian_form(
        c, quality, people.phone(k.rng), "委托青禾顺达医药物流有限公司贮存", True, k.today, "cn"
    )
    U.paper_photos(k, fp, "beian-biao", ff)
    U.id_photos(k, boss, "fuzeren-sfz")
    U.id_copy(k, [(quality, "fuzeren-sfz", "ok")], out="fax")
    dip, org, fac, rules = _med_common(k, c, quality, _days(k.today, 2))
    U.image_shot(k, dip[0], "zhiliang-fuzeren-xueli", dip[1], sleeve=True)
    U.paper_photos(k, org[0], "zuzhi-jigou", org[1], fold=True)
    im, pf = D.floor_plan(k, c, c.address)
    U.screenshot(k, im, "weizhi-pingmian-tu", pf, "文件预览")
    owner = k.person(age=(40, 65))
    im, df = D.property_cert(k, owner, c.address, date(2018, 4, 9))
    U.image_shot(k, im, "changsuo-chanquan", df, ground="newspaper")
    U.paper_photos(k, fac[0], "sheshi-mulu", fac[1])
    U.paper_photos(k, rules[0], "zhidu-mulu", rules[1], ground="newspaper")
    from .texts import form

    xp = form(
        "计算机信息管理系统基本情况说明",
        [
            ["企业名称", c.name],
            ["系统名称", "禾润医疗器械进销存管理系统V3.2"],
            ["主要功能", "采购、验收、贮存、销售、出库复核、追溯、票据管理"],
            ["数据备份", "每日自动云端备份"],
        ],
        "企业（盖章）：",
        None,
        k.today,
        "cn",
        seal_text=c.name,
    )
    U.paper_docx(
        k,
        xp,
        "xinxi-xitong",
        {"name": c.name, "issue_date": k.today.isoformat(), "signature": True},
        signed=True,
    )
    ap, af = D.zhucun_agreement(
        c,
        "青禾顺达医药物流有限公司",
        _days(k.today, 30),
        _days(k.today, 30).replace(year=k.today.year + 2),
    )
    U.paper_scan(k, ap, "weituo-zhucun-xieyi", af)
    return k.finish()


def ylqx_03(root: Path) -> dict:
    k = Kit(
        root,
        "ylqx-03",
        YL,
        date(2026, 10, 1),
        [],
        "quality_head_id_expired",
        "质量负责人身份证已过期（与负责人身份证复印在同一页，打孔扫描）",
    )
    boss, quality, c, store = _medshop(k, quality_expired=True)
    fp, ff = D.beian_form(c, quality, people.phone(k.rng), store, True, _days(k.today, 1), "pad")
    U.paper_photos(k, fp, "beian-biao", ff, glare=True)
    U.id_copy(k, [(boss, "fuzeren-sfz", "ok"), (quality, "fuzeren-sfz", "defective")], out="scan")
    dip, org, fac, rules = _med_common(k, c, quality, _days(k.today, 4))
    U.image_shot(k, dip[0], "zhiliang-fuzeren-xueli", dip[1])
    U.paper_text_pdf(k, org[0], "zuzhi-jigou", org[1], "禾润医疗器械 OA 系统 文件打印")
    im, pf = D.floor_plan(k, c, c.address)
    U.image_shot(k, im, "weizhi-pingmian-tu", pf, ground="newspaper")
    landlord = k.person(age=(40, 65))
    start = _days(k.today, 100)
    lp, lf = lease(
        landlord,
        c.name,
        c.uscc,
        c.address,
        start,
        start.replace(year=start.year + 2) - timedelta(days=1),
        _days(start, 3),
        5200,
        "dot",
        people.phone(k.rng),
        use="经营",
        tenant_seal=True,
    )
    U.paper_photos(k, lp, "changsuo-zulin", lf, order=[0, 2, 1])
    U.paper_grey(k, fac[0], "sheshi-mulu", fac[1])
    U.paper_docx(k, rules[0], "zhidu-mulu", rules[1], signed=False)
    return k.finish()


# ---- 道路货物运输经营许可 ------------------------------------------------------------------


def _haulier(k: Kit, expired_cert: bool = False):
    boss = k.person(age=(30, 55), male=True)
    c = people.company(k.rng, boss, "货运部", getihu=True)
    c.scope = "道路货物运输（不含危险货物）。"
    k.applicant = boss.name
    first = date(2015, 9, 10)
    cert_until = (
        _days(k.today, k.rng.randint(80, 200))
        if expired_cert
        else k.today + timedelta(days=k.rng.randint(300, 1500))
    )
    lic_until = k.today + timedelta(days=k.rng.randint(400, 2400))
    return boss, c, first, cert_until, lic_until


def _safety(c):
    from .paper import Paper

    p1 = [
        ("title", "安全生产管理制度"),
        ("sub", c.name),
        ("para", "一、安全生产责任制度：经营者为安全生产第一责任人，驾驶员对本车安全负直接责任。"),
        ("para", "二、安全生产操作规程：出车前检查制动、转向、灯光、轮胎，严禁超载超限。"),
        ("para", "三、车辆动态监控制度：车辆安装卫星定位装置，专人监控，及时纠正超速和疲劳驾驶。"),
    ]
    p2 = [
        ("para", "四、驾驶员安全教育和考核制度：每月组织安全学习不少于两次，每年考核一次。"),
        ("para", "五、车辆技术管理制度：按规定进行维护和检测，建立车辆技术档案。"),
        ("para", "六、事故处理和报告制度：发生事故立即报警并报告经营者，配合调查处理。"),
    ]
    return Paper([p1, p2]), {"name": c.name}


def hyxk_01(root: Path) -> dict:
    k = Kit(
        root,
        "hyxk-01",
        HY,
        date(2026, 5, 6),
        ["yiyou-cheliang"],
        "vehicle_licence_sleeve+e_licence_screenshot+safety_docx_two_pages",
        "已购车：行驶证装在塑料套里拍；驾驶证为电子驾驶证截图；从业资格证在报纸上拍；安全生产管理制度 Word 两页",
    )
    boss, c, first, cu, lu = _haulier(k)
    fp, ff = D.huoyun_form(c, boss, people.phone(k.rng), 1, True, k.today, "cn")
    U.paper_photos(k, fp, "jingying-sqb", ff)
    U.id_photos(k, boss, "fuzeren-sfz", back_first=True)
    im, xf = D.xingshi(k, boss, "浙K·7C319", date(2025, 12, 3), date(2027, 12, 31))
    U.image_shot(k, im, "xingshizheng", xf, sleeve=True)
    im, df = D.driving_licence(k, boss, first, lu)
    U.screenshot(k, im, "jiashiyuan-jiashizheng", df, "电子驾驶证")
    im, cf = D.congye_cert(k, boss, first, cu)
    U.image_shot(k, im, "jiashiyuan-congye", cf, ground="newspaper")
    sp, sf = _safety(c)
    U.paper_docx(k, sp, "anquan-zhidu", sf, signed=False)
    return k.finish()


def hyxk_02(root: Path) -> dict:
    k = Kit(
        root,
        "hyxk-02",
        HY,
        date(2026, 8, 20),
        ["commitment"],
        "commitment_letters+collage_licences+grey150_id",
        "告知承诺、尚未购车：拟投入车辆承诺书与告知承诺书；驾驶证和从业资格证拼在一张图；身份证复印件灰度 150dpi；安全制度扫描",
    )
    boss, c, first, cu, lu = _haulier(k)
    fp, ff = D.huoyun_form(c, boss, people.phone(k.rng), 2, False, k.today, "cn")
    U.paper_docx(k, fp, "jingying-sqb", ff, signed=True)
    U.id_copy(k, [(boss, "fuzeren-sfz", "ok")], out="grey150")
    np_, nf = D.commitment(
        "拟投入车辆承诺书",
        boss,
        c,
        "本人承诺取得道路货物运输经营许可后六个月内，按要求购置2辆总质量12吨以上的"
        "厢式货车投入经营，车辆技术等级达到一级，并安装符合标准的卫星定位装置。",
        _days(k.today, 1),
        True,
    )
    U.paper_photos(k, np_, "nitouru-chengnuo", nf)
    gp, gf = D.commitment(
        "道路货物运输经营许可告知承诺书",
        boss,
        c,
        "本人已知晓道路货物运输经营许可的全部条件和要求，承诺符合上述条件，"
        "所提交材料真实有效；承诺不实的，愿意承担撤销许可等法律责任。",
        _days(k.today, 1),
        True,
    )
    U.paper_photos(k, gp, "gaozhi-chengnuoshu", gf, fold=True)
    im1, df = D.driving_licence(k, boss, first, lu)
    im2, cf = D.congye_cert(k, boss, first, cu)
    name = k.jpg(
        U.photo.collage(
            [U.card_shot(k, im1, long_side=1200), U.card_shot(k, im2, long_side=1200)], k.rng
        )
    )
    k.doc([name], "jiashiyuan-jiashizheng", df)
    k.doc([name], "jiashiyuan-congye", cf)
    sp, sf = _safety(c)
    U.paper_scan(k, sp, "anquan-zhidu", sf)
    return k.finish()


def hyxk_03(root: Path) -> dict:
    k = Kit(
        root,
        "hyxk-03",
        HY,
        date(2026, 11, 25),
        ["yiyou-cheliang"],
        "expired_qualification",
        "从业资格证已过期几个月；身份证两面拼图；行驶证照片倒置",
    )
    boss, c, first, cu, lu = _haulier(k, expired_cert=True)
    fp, ff = D.huoyun_form(c, boss, people.phone(k.rng), 1, True, _days(k.today, 1), "pad")
    U.paper_photos(k, fp, "jingying-sqb", ff, ground="newspaper", glare=True)
    U.id_collage(k, boss, "fuzeren-sfz")
    im, xf = D.xingshi(k, boss, "浙K·5D862", date(2024, 8, 19), date(2027, 8, 31))
    U.image_shot(k, im, "xingshizheng", xf, rotate=180)
    im, df = D.driving_licence(k, boss, first, lu)
    U.image_shot(k, im, "jiashiyuan-jiashizheng", df, sleeve=True)
    im, cf = D.congye_cert(k, boss, first, cu)
    U.image_shot(k, im, "jiashiyuan-congye", cf, status="defective")
    sp, sf = _safety(c)
    U.paper_photos(k, sp, "anquan-zhidu", sf)
    return k.finish()


CASES = [gsrd_01, gsrd_02, gsrd_03, gsrd_04, ylqx_01, ylqx_02, ylqx_03, hyxk_01, hyxk_02, hyxk_03]
