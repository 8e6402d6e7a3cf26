"""Cases on the centre's own six guides (``guides/*.yaml``)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from . import docs as D
from . import people
from . import uploads as U
from .kit import Kit
from .texts import lease, power_of_attorney, receipt

CZ = "gongan-chuzu-fangwu-beian"
DS = "weijian-dusheng-jiangli"
ZX = "scjg-getihu-zhuxiao"
HZ = "jt-congye-zige-huanzheng"
LH = "gongan-rencai-luohu"
YS = "weijian-yishi-biangeng"


def _days(d: date, n: int) -> date:
    return d - timedelta(days=n)


# ---- 出租房屋登记备案 ------------------------------------------------------------------------


def _chuzu_base(k: Kit, expired_lease: bool = False):
    landlord = k.person(age=(35, 66))
    tenant = k.person(age=(21, 40))
    k.applicant = landlord.name
    where = people.address(k.rng, landlord.region)
    if expired_lease:
        start = _days(k.today, 430)
        end = _days(k.today, 65)
    else:
        start = _days(k.today, 20)
        end = start.replace(year=start.year + 1) - timedelta(days=1)
    return landlord, tenant, where, start, end


def czfw_01(root: Path) -> dict:
    k = Kit(
        root,
        "czfw-01",
        CZ,
        date(2026, 4, 14),
        [],
        "id_back_first+lease_photos_shuffled+stamped_copy",
        "房东：身份证先传国徽面；不动产权证书放在报纸上拍；租赁合同三页乱序拍照；承租人身份证复印件盖核对章",
    )
    L, T, where, start, end = _chuzu_base(k)
    ph = people.phone(k.rng)
    U.id_photos(k, L, "chuzuren-zj", back_first=True)
    f, ff = D.chuzu_form(L, ph, where, T, start, end, True, True, k.today, "cn")
    U.paper_photos(k, f, "dengji-biao", ff, ground="newspaper")
    im, pf = D.property_cert(k, L, where, date(2019, 8, 12))
    U.image_shot(k, im, "fangchan-zm", pf, glare=True)
    lp, lf = lease(
        L,
        T.name,
        T.id_number,
        where,
        start,
        end,
        _days(k.today, 25),
        2300,
        "upper",
        people.phone(k.rng),
    )
    U.paper_photos(k, lp, "zulin-ht", lf, order=[1, 2, 0])
    U.id_copy(k, [(T, "chengzuren-zj", "ok")], out="photo", stamp=T.name)
    return k.finish()


def czfw_02(root: Path) -> dict:
    k = Kit(
        root,
        "czfw-02",
        CZ,
        date(2026, 7, 2),
        ["agent"],
        "merged_scan_pdf_form_id_lease+agent_collage+folded_letter",
        "代办：申请表、房东身份证复印件、租赁合同扫描成一个 PDF；购房合同灰度 150dpi；委托书三折后展开拍照；代办人身份证拼图",
    )
    L, T, where, start, end = _chuzu_base(k)
    agent = k.person(age=(25, 50))
    ph = people.phone(k.rng)
    f, ff = D.chuzu_form(L, ph, where, T, start, end, True, True, _days(k.today, 2), "dot")
    lp, lf = lease(
        L,
        T.name,
        T.id_number,
        where,
        start,
        end,
        _days(k.today, 22),
        1850,
        "dash",
        people.phone(k.rng),
    )
    copy = U.photo.copy_a4(
        [(k.id_images(L, 300)[0], 62, 40, 85.6), (k.id_images(L, 300)[1], 62, 112, 85.6)],
        150,
        k.rng,
    )
    pages = [k.page(f, 0, 150), copy, *k.pages(lp, 150)]
    name = k.scan_pdf(pages, 150)
    k.doc([name], "dengji-biao", ff)
    k.doc([name], "chuzuren-zj", U.id_fields(L))
    k.doc([name], "zulin-ht", lf)
    gp, gf = _goufang(k, L, where)
    U.paper_grey(k, gp, "goufang-ht", gf)
    U.id_photos(k, T, "chengzuren-zj", ground="newspaper", sleeve=True)
    wp, wf = power_of_attorney(L, agent, "出租房屋登记备案", _days(k.today, 3), True)
    U.paper_photos(k, wp, "weituoshu", wf, fold=True)
    U.id_collage(k, agent, "jingbanren-zm")
    bp, bf = _baozheng(k, L, where)
    U.paper_photos(k, bp, "zhian-bzs", bf)
    return k.finish()


def _goufang(k: Kit, buyer, where: str):
    from .paper import Hand, Paper

    signed = date(2024, 5, 18)
    p1 = [
        ("title", "商品房买卖合同（预售）"),
        ("right", f"合同编号：Y{signed:%Y}{buyer.seq:06d}"),
        ("kv", "出卖人", "青禾市嘉禾置业有限公司", False),
        ("kv", "买受人", buyer.name, False),
        ("kv", "证件号码", buyer.id_number, False),
        ("para", f"第一条 买受人购买的商品房坐落于{where}，用途为住宅，建筑面积以实测为准。"),
        ("para", "第二条 计价方式与价款：按照套内建筑面积计算，总价款以附件一为准。"),
    ]
    p2 = [
        ("para", "第三条 出卖人应当在2025年12月31日前将商品房交付买受人。"),
        ("sign", "出卖人（签章）：", None, "2024年5月18日", "青禾市嘉禾置业有限公司"),
        ("sign", "买受人（签章）：", buyer.name, Hand("2024年5月18日"), None),
    ]
    return Paper([p1, p2]), {
        "name": buyer.name,
        "id_number": buyer.id_number,
        "address": where,
        "issue_date": signed.isoformat(),
        "signature": True,
    }


def _baozheng(k: Kit, landlord, where: str):
    from .paper import Hand, Paper

    blocks = [
        ("title", "出租房屋治安责任保证书"),
        (
            "para",
            f"本人{landlord.name}自愿将坐落于{where}的房屋出租，保证做到：不将房屋出租给"
            "无合法有效身份证件的人员；发现承租人有违法犯罪活动及时报告公安机关；"
            "出租房屋符合消防安全要求。",
        ),
        (
            "sign",
            "保证人（签字）：",
            landlord.name,
            Hand(f"{k.today.year}年{k.today.month}月{k.today.day}日"),
            None,
        ),
    ]
    return Paper([blocks]), {
        "name": landlord.name,
        "signature": True,
        "issue_date": k.today.isoformat(),
    }


def czfw_03(root: Path) -> dict:
    k = Kit(
        root,
        "czfw-03",
        CZ,
        date(2026, 9, 3),
        [],
        "expired_lease+rotated_back+duplicate_page",
        "租赁合同租期已于两个月前届满（旧合同）；身份证国徽面照片横过来；合同首页重复选了一次",
    )
    L, T, where, start, end = _chuzu_base(k, expired_lease=True)
    ph = people.phone(k.rng)
    f, ff = D.chuzu_form(L, ph, where, T, start, end, True, True, k.today, "cn")
    U.paper_photos(k, f, "dengji-biao", ff, glare=True)
    U.id_photos(k, L, "chuzuren-zj", rotate=90)
    im, pf = D.property_cert(k, L, where, date(2017, 3, 6))
    U.image_shot(k, im, "fangchan-zm", pf, ground="newspaper")
    lp, lf = lease(
        L, T.name, T.id_number, where, start, end, _days(start, 6), 2100, "cn", people.phone(k.rng)
    )
    U.paper_photos(k, lp, "zulin-ht", lf, status="defective", dup=True)
    U.id_photos(k, T, "chengzuren-zj", sleeve=True, back_first=True)
    return k.finish()


def czfw_04(root: Path) -> dict:
    k = Kit(
        root,
        "czfw-04",
        CZ,
        date(2026, 6, 22),
        [],
        "landlord_front_only+two_tenants_fax+grey150_form",
        "房东只拍了身份证人像面；两名承租人的身份证复印在同一页上传真过来；申请表为灰度 150dpi 扫描",
    )
    L, T, where, start, end = _chuzu_base(k)
    T2 = k.person(age=(21, 40))
    ph = people.phone(k.rng)
    f, ff = D.chuzu_form(L, ph, where, T, start, end, True, True, _days(k.today, 1), "pad")
    U.paper_grey(k, f, "dengji-biao", ff)
    U.id_front_only(k, L, "chuzuren-zj", ground="newspaper")
    im, pf = D.property_cert(k, L, where, date(2021, 11, 30))
    U.image_shot(k, im, "fangchan-zm", pf)
    lp, lf = lease(
        L,
        T.name,
        T.id_number,
        where,
        start,
        end,
        _days(k.today, 24),
        3200,
        "dot",
        people.phone(k.rng),
    )
    U.paper_scan(k, lp, "zulin-ht", lf, order=[2, 1, 0])
    U.id_copy(k, [(T, "chengzuren-zj", "ok"), (T2, "chengzuren-zj", "ok")], out="fax")
    return k.finish()


def czfw_05(root: Path) -> dict:
    k = Kit(
        root,
        "czfw-05",
        CZ,
        date(2026, 10, 12),
        [],
        "receipt_instead_of_deed+docx_form+id_collage",
        "没有房屋权属证明，上传的是物业费收据；申请表为 Word；房东身份证两面拼图",
    )
    L, T, where, start, end = _chuzu_base(k)
    ph = people.phone(k.rng)
    f, ff = D.chuzu_form(L, ph, where, T, start, end, False, True, k.today, "dash")
    U.paper_docx(k, f, "dengji-biao", ff, signed=True)
    U.id_collage(k, L, "chuzuren-zj")
    rp = receipt(
        "物业服务费收据",
        L.name,
        f"物业服务费（{where[-12:]}）",
        "1,260.00元",
        _days(k.today, 40),
        "青禾市望潮物业服务有限公司",
    )
    U.paper_photos(
        k,
        rp,
        None,
        {"name": L.name, "issue_date": _days(k.today, 40).isoformat(), "signature": True},
    )
    lp, lf = lease(
        L,
        T.name,
        T.id_number,
        where,
        start,
        end,
        _days(k.today, 21),
        2650,
        "pad",
        people.phone(k.rng),
    )
    U.paper_photos(k, lp, "zulin-ht", lf, ground="newspaper", fold=True)
    U.id_copy(k, [(T, "chengzuren-zj", "ok")], out="grey150")
    return k.finish()


# ---- 独生子女父母一次性奖励 ----------------------------------------------------------------


def _family(k: Kit):
    p = k.person(age=(56, 61))
    spouse = k.person(age=(54, 64), male=not p.male)
    child = _child(k, p if p.male else spouse)
    k.applicant = p.name
    return p, spouse, child


def _child(k: Kit, father) -> str:
    """The only child carries the father's surname."""
    return father.name[0] + people.name(k.rng, k.used)[1:]


def dszn_01(root: Path) -> dict:
    k = Kit(
        root,
        "dszn-01",
        DS,
        date(2026, 5, 20),
        [],
        "two_people_one_copy+hukou_person_page_first+glare",
        "夫妻两人身份证复印在一页（只要申请人的）；户口簿本人页先传、首页后传；申请表照片有日光灯反光",
    )
    p, spouse, child = _family(k)
    fp, ff = D.dusheng_form(
        p, spouse, child, people.phone(k.rng), "青禾市纺织机械厂", True, True, k.today, "cn"
    )
    U.paper_photos(k, fp, "shenqing-biao", ff, glare=True)
    U.id_copy(k, [(p, "sqr-zj", "ok"), (spouse, None, "ok")], out="photo", stamp=p.name)
    home, me, hf = D.hukou_pages(k, p, p, "户主", date(2015, 4, 3), "退休", "已婚")
    n1 = k.jpg(U.card_shot(k, me, "newspaper"))
    n2 = k.jpg(U.card_shot(k, home, "newspaper"))
    k.doc([n1, n2], "hukou", hf)
    im, mf = D.marriage(k, p, spouse, date(1992, 10, 1), p)
    U.image_shot(k, im, "jiehunzheng", mf)
    gim, gf = D.guangrong(
        k, p if p.male else spouse, spouse if p.male else p, child, date(1994, 6, 1), p
    )
    U.image_shot(k, gim, "guangrongzheng", gf, sleeve=True)
    return k.finish()


def dszn_02(root: Path) -> dict:
    k = Kit(
        root,
        "dszn-02",
        DS,
        date(2026, 7, 8),
        ["lihun"],
        "divorce+community_system_pdf+hukou_collage+sbk",
        "离异：离婚证代替结婚证；独生子女证明为社区系统导出的 PDF；户口簿两页拼图；另交电子社保卡截图",
    )
    p, spouse, child = _family(k)
    fp, ff = D.dusheng_form(
        p, spouse, child, people.phone(k.rng), "青禾丝绸有限公司", False, True, k.today, "cn"
    )
    U.paper_docx(k, fp, "shenqing-biao", ff, signed=True)
    U.id_photos(k, p, "sqr-zj", ground="newspaper")
    home, me, hf = D.hukou_pages(k, p, p, "户主", date(2012, 9, 17), "退休", "离婚")
    name = k.jpg(
        U.photo.collage(
            [U.card_shot(k, home, long_side=1200), U.card_shot(k, me, long_side=1200)], k.rng
        )
    )
    k.doc([name], "hukou", hf)
    im, mf = D.marriage(k, p, spouse, date(2009, 3, 12), p, divorce=True)
    U.image_shot(k, im, "lihun-zm", mf, glare=True)
    lp, lf = D.dusheng_letter(p, child, "青禾市滨江区望潮社区居民委员会", _days(k.today, 18), "pad")
    U.paper_text_pdf(k, lp, "dusheng-zm", lf, "青禾市基层治理综合信息平台  证明打印")
    cim, cf = D.sbk_card(k, p)
    U.screenshot(k, cim, "yinhang-zh", cf, "电子社保卡")
    return k.finish()


def dszn_03(root: Path) -> dict:
    k = Kit(
        root,
        "dszn-03",
        DS,
        date(2026, 9, 15),
        [],
        "fax_form+grey150_id+hukou_one_scan+upside_down",
        "申请表传真件；身份证复印件灰度 150dpi；户口簿两页扫描在一个 PDF；结婚证照片倒置；独生子女证明三折后拍照",
    )
    p, spouse, child = _family(k)
    fp, ff = D.dusheng_form(
        p,
        spouse,
        child,
        people.phone(k.rng),
        "青禾市第二建筑公司",
        True,
        True,
        _days(k.today, 3),
        "dot",
    )
    U.paper_fax(k, fp, "shenqing-biao", ff)
    U.id_copy(k, [(p, "sqr-zj", "ok")], out="grey150")
    home, me, hf = D.hukou_pages(
        k, p, spouse, "妻" if not p.male else "夫", date(2018, 1, 9), "退休", "已婚"
    )
    hf["address"] = spouse.address
    page = U.photo.copy_a4([(home, 35, 25, 140), (me, 35, 135, 140)], 200, k.rng)
    name = k.scan_pdf([page], 200)
    k.doc([name], "hukou", hf)
    im, mf = D.marriage(k, p, spouse, date(1990, 5, 20), p)
    U.image_shot(k, im, "jiehunzheng", mf, rotate=180)
    lp, lf = D.dusheng_letter(p, child, "青禾市青山区翠微村村民委员会", _days(k.today, 30), "upper")
    U.paper_photos(k, lp, "dusheng-zm", lf, fold=True)
    return k.finish()


def dszn_04(root: Path) -> dict:
    k = Kit(
        root,
        "dszn-04",
        DS,
        date(2026, 11, 3),
        ["agent"],
        "applicant_id_expired+agent_copy",
        "申请人身份证已过期数月；委托子女代办，委托书与代办人身份证复印件",
    )
    p = k.person(age=(56, 61), expired=True)
    spouse = k.person(age=(54, 64), male=not p.male)
    child = _child(k, p if p.male else spouse)
    k.applicant = p.name
    agent = k.person(age=(28, 34))
    fp, ff = D.dusheng_form(
        p, spouse, child, people.phone(k.rng), "青禾市粮油公司", True, True, _days(k.today, 1), "cn"
    )
    U.paper_photos(k, fp, "shenqing-biao", ff)
    U.id_photos(k, p, "sqr-zj", status="defective", back_first=True)
    home, me, hf = D.hukou_pages(k, p, p, "户主", date(2016, 7, 21), "退休", "已婚")
    n1 = k.jpg(U.card_shot(k, home))
    n2 = k.jpg(U.card_shot(k, me))
    k.doc([n1, n2], "hukou", hf)
    im, mf = D.marriage(k, p, spouse, date(1991, 12, 8), p)
    U.image_shot(k, im, "jiehunzheng", mf, ground="newspaper")
    gim, gf = D.guangrong(
        k, p if p.male else spouse, spouse if p.male else p, child, date(1993, 2, 15), p
    )
    U.image_shot(k, gim, "guangrongzheng", gf)
    wp, wf = power_of_attorney(p, agent, "独生子女父母一次性奖励申领", _days(k.today, 2), True)
    U.paper_photos(k, wp, "weituoshu", wf, ground="newspaper")
    U.id_copy(k, [(agent, "daiban-zj", "ok")], out="photo", stamp=agent.name)
    return k.finish()


# ---- 个体工商户注销 ----------------------------------------------------------------------


def _shop(k: Kit, kind: str = "便利店"):
    boss = k.person(age=(28, 58))
    c = people.company(k.rng, boss, kind, getihu=True)
    c.scope = "日用百货、预包装食品零售；烟草制品零售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    k.applicant = boss.name
    return boss, c


def _plain(k: Kit, c, issued: date):
    from . import cards

    return cards.business_licence(c, 150, k.rng, issued), {
        "name": c.name,
        "uscc": c.uscc,
        "legal_rep": c.legal_rep,
        "address": c.address,
        "issue_date": issued.isoformat(),
    }


def gtzx_01(root: Path) -> dict:
    k = Kit(
        root,
        "gtzx-01",
        ZX,
        date(2026, 3, 18),
        [],
        "docx_form+licence_on_wood+grey150_id",
        "Word 申请书（贴了签名图片）；营业执照副本放在木桌上拍；身份证复印件灰度 150dpi",
    )
    boss, c = _shop(k)
    fp, ff = D.zhuxiao_form(c, boss, people.phone(k.rng), False, True, k.today, "cn")
    U.paper_docx(k, fp, "zhuxiao-sqs", ff, signed=True)
    im, lf = _plain(k, c, date(2021, 5, 8))
    U.image_shot(k, im, "yyzz", lf)
    U.id_copy(k, [(boss, "jyz-zj", "ok")], out="grey150")
    return k.finish()


def gtzx_02(root: Path) -> dict:
    k = Kit(
        root,
        "gtzx-02",
        ZX,
        date(2026, 6, 9),
        ["yishi", "agent"],
        "lost_licence_statement_pdf+agent_sleeve+punch_scan",
        "执照遗失：公示系统打印的遗失声明 PDF；委托代理人：授权委托书照片、代理人身份证装在塑料套里；经营者身份证复印件打孔扫描",
    )
    boss, c = _shop(k, "小吃店")
    agent = k.person(age=(23, 45))
    fp, ff = D.zhuxiao_form(c, boss, people.phone(k.rng), True, True, _days(k.today, 1), "cn")
    U.paper_photos(k, fp, "zhuxiao-sqs", ff)
    sp, sf = D.yishi_shengming(c, _days(k.today, 12))
    U.paper_text_pdf(
        k,
        sp,
        "yishi-sm",
        sf,
        "国家企业信用信息公示系统（浙江）  打印时间 " + _days(k.today, 1).isoformat(),
    )
    U.id_copy(k, [(boss, "jyz-zj", "ok")], out="scan")
    wp, wf = D.weituo_daibiao(c, boss, agent, _days(k.today, 2), True)
    U.paper_photos(k, wp, "weituo-zm", wf, ground="newspaper")
    U.id_photos(k, agent, "dlr-zj", sleeve=True)
    return k.finish()


def gtzx_03(root: Path) -> dict:
    k = Kit(
        root,
        "gtzx-03",
        ZX,
        date(2026, 8, 25),
        [],
        "unsigned_docx+licence_glare_newspaper",
        "Word 申请书没有签字；营业执照在报纸上拍、有反光；身份证先传国徽面",
    )
    boss, c = _shop(k, "五金店")
    fp, ff = D.zhuxiao_form(c, boss, people.phone(k.rng), False, False, k.today, "cn")
    U.paper_docx(k, fp, "zhuxiao-sqs", ff, signed=False, status="defective")
    im, lf = _plain(k, c, date(2019, 10, 21))
    U.image_shot(k, im, "yyzz", lf, ground="newspaper", glare=True)
    U.id_photos(k, boss, "jyz-zj", back_first=True)
    return k.finish()


def gtzx_04(root: Path) -> dict:
    k = Kit(
        root,
        "gtzx-04",
        ZX,
        date(2026, 10, 20),
        [],
        "licence_rotated+id_duplicate_front",
        "营业执照照片横放（转了 90°）；身份证正面选了两次",
    )
    boss, c = _shop(k, "水果店")
    fp, ff = D.zhuxiao_form(c, boss, people.phone(k.rng), True, True, k.today, "pad")
    U.paper_photos(k, fp, "zhuxiao-sqs", ff, glare=True)
    im, lf = _plain(k, c, date(2022, 2, 14))
    U.image_shot(k, im, "yyzz", lf, rotate=90)
    names = U.id_photos(k, boss, "jyz-zj", ground="newspaper")
    k.docs[-1]["files"].append(k.repeat(names[0]))
    return k.finish()


# ---- 从业资格证换证 ------------------------------------------------------------------------


def _driver(k: Kit, expired_licence: bool = False):
    p = k.person(age=(30, 55), male=True)
    k.applicant = p.name
    cert_until = k.today + timedelta(days=k.rng.randint(35, 80))
    first = date(2014, 6, 3)
    lic_until = (
        _days(k.today, k.rng.randint(70, 150))
        if expired_licence
        else k.today + timedelta(days=k.rng.randint(400, 2500))
    )
    return p, cert_until, first, lic_until


def cyzg_01(root: Path) -> dict:
    k = Kit(
        root,
        "cyzg-01",
        HZ,
        date(2026, 2, 26),
        [],
        "id_in_sleeve+cert_on_newspaper+training_platform_pdf",
        "身份证装在塑料套里拍；原从业资格证在报纸上拍；继续教育记录为平台导出 PDF；照片未交（现场采集）",
    )
    p, cu, first, lu = _driver(k)
    fp, ff = D.huanzheng_form(p, people.phone(k.rng), p.id_number, True, True, k.today, "cn")
    U.paper_photos(k, fp, "huanzheng-sqb", ff, glare=True)
    U.id_photos(k, p, "sfz", sleeve=True)
    im, cf = D.congye_cert(k, p, first, cu)
    U.image_shot(k, im, "yuan-zgz", cf, ground="newspaper")
    im, df = D.driving_licence(k, p, first, lu)
    U.image_shot(k, im, "jiashizheng", df)
    jp, jf = D.jixu_record(p, "青禾市通达驾驶员培训学校", _days(k.today, 10))
    U.paper_text_pdf(k, jp, "jixu-jiaoyu", jf, "全国道路运输从业人员继续教育信息系统 打印件")
    return k.finish()


def cyzg_02(root: Path) -> dict:
    k = Kit(
        root,
        "cyzg-02",
        HZ,
        date(2026, 5, 12),
        ["agent"],
        "collage_id_and_licence+fax_poa+cert_rotated_270",
        "代办：身份证两面和驾驶证拼成一张图；委托书是传真件；原资格证照片转了 270°；代办人身份证复印件盖核对章",
    )
    p, cu, first, lu = _driver(k)
    agent = k.person(age=(25, 50))
    fp, ff = D.huanzheng_form(p, people.phone(k.rng), p.id_number, False, True, k.today, "dash")
    U.paper_docx(k, fp, "huanzheng-sqb", ff, signed=True)
    im, df = D.driving_licence(k, p, first, lu)
    tile = U.card_shot(k, im, long_side=1200)
    name = U.id_collage(k, p, "sfz", extra=[tile])
    k.doc([name], "jiashizheng", df)
    im, cf = D.congye_cert(k, p, first, cu)
    U.image_shot(k, im, "yuan-zgz", cf, sleeve=True, rotate=270)
    wp, wf = power_of_attorney(p, agent, "道路运输从业资格证换证", _days(k.today, 4), True, "dot")
    U.paper_fax(k, wp, "weituoshu", wf)
    U.id_copy(k, [(agent, "daiban-zj", "ok")], out="photo", stamp=agent.name)
    return k.finish()


def cyzg_03(root: Path) -> dict:
    k = Kit(
        root,
        "cyzg-03",
        HZ,
        date(2026, 7, 30),
        [],
        "expired_driving_licence+punch_scan_id+folded_record",
        "驾驶证已过有效期几个月；身份证复印件打孔扫描；继续教育记录三折后拍照",
    )
    p, cu, first, lu = _driver(k, expired_licence=True)
    fp, ff = D.huanzheng_form(p, people.phone(k.rng), p.id_number, True, True, k.today, "cn")
    U.paper_photos(k, fp, "huanzheng-sqb", ff, ground="newspaper")
    U.id_copy(k, [(p, "sfz", "ok")], out="scan")
    im, cf = D.congye_cert(k, p, first, cu)
    U.image_shot(k, im, "yuan-zgz", cf)
    im, df = D.driving_licence(k, p, first, lu)
    U.image_shot(k, im, "jiashizheng", df, status="defective", glare=True)
    jp, jf = D.jixu_record(p, "青禾市安驰驾驶员培训有限公司", _days(k.today, 6))
    U.paper_photos(k, jp, "jixu-jiaoyu", jf, fold=True)
    return k.finish()


def cyzg_04(root: Path) -> dict:
    k = Kit(
        root,
        "cyzg-04",
        HZ,
        date(2026, 10, 5),
        [],
        "dark_blurred_form_photo",
        "申请表照片在昏暗楼道里拍、严重模糊，什么也读不出；其余材料齐全",
    )
    p, cu, first, lu = _driver(k)
    fp, _ = D.huanzheng_form(p, people.phone(k.rng), p.id_number, True, True, k.today, "cn")
    U.dark_photo(k, fp)
    U.id_photos(k, p, "sfz", back_first=True, ground="newspaper")
    im, cf = D.congye_cert(k, p, first, cu)
    U.image_shot(k, im, "yuan-zgz", cf)
    im, df = D.driving_licence(k, p, first, lu)
    U.image_shot(k, im, "jiashizheng", df, sleeve=True)
    return k.finish()


# ---- 人才落户 ----------------------------------------------------------------------------


def _talent(k: Kit, expired_contract: bool = False):
    p = k.person(age=(23, 35))
    k.applicant = p.name
    employer = people.company(k.rng, k.person(age=(35, 55)), "智能科技")
    if expired_contract:
        start, end = _days(k.today, 3 * 365 + 70), _days(k.today, 70)
    else:
        start = _days(k.today, k.rng.randint(60, 300))
        end = start.replace(year=start.year + 3) - timedelta(days=1)
    cp, cf = _contract(k, employer, p, start, end)
    return p, employer, cp, cf


def _contract(k: Kit, employer, p, start, end):
    from .texts import labour_contract

    return labour_contract(
        employer.name,
        employer.uscc,
        p,
        start,
        end,
        start,
        "软件开发工程师",
        k.rng.choice(["cn", "pad", "dash"]),
    )


def rclh_01(root: Path) -> dict:
    k = Kit(
        root,
        "rclh-01",
        LH,
        date(2026, 4, 2),
        ["zifang"],
        "docx_form+contract_reversed+deed_newspaper",
        "自有住房落户：Word 申请表；劳动合同两页倒序拍照；不动产权证书在报纸上拍；毕业证有反光",
    )
    p, employer, cp, cf = _talent(k)
    where = people.address(k.rng, p.region)
    fp, ff = D.luohu_form(
        p, people.phone(k.rng), employer.name, where, "", False, True, k.today, "cn"
    )
    U.paper_docx(k, fp, "sq-biao", ff, signed=True)
    U.id_photos(k, p, "sfz")
    parent = k.person(age=(50, 60))
    home, me, hf = D.hukou_pages(
        k, p, parent, "子" if p.male else "女", date(2014, 8, 2), "学生", "未婚"
    )
    n1 = k.jpg(U.card_shot(k, home, "newspaper"))
    n2 = k.jpg(U.card_shot(k, me, "newspaper"))
    k.doc([n1, n2], "hukou", hf)
    im, df = D.diploma(k, p, "青禾大学", "计算机科学与技术", date(2020, 6, 30))
    U.image_shot(k, im, "xueli", df, glare=True)
    U.paper_photos(k, cp, "laodong-ht", cf, order=[1, 0])
    im, pf = D.property_cert(k, p, where, _days(k.today, 90))
    U.image_shot(k, im, "fangchan", pf, ground="newspaper")
    return k.finish()


def rclh_02(root: Path) -> dict:
    k = Kit(
        root,
        "rclh-02",
        LH,
        date(2026, 6, 18),
        ["jiti", "peiou"],
        "couple_ids_one_scan+grey150_contract+system_pdf_letter",
        "集体户＋配偶随迁：夫妻两人身份证复印在同一页、打孔扫描；劳动合同灰度 150dpi；集体户接收证明为人才服务中心系统 PDF；职称证书装在塑料套里",
    )
    p, employer, cp, cf = _talent(k)
    spouse = k.person(age=(23, 35), male=not p.male)
    fp, ff = D.luohu_form(
        p,
        people.phone(k.rng),
        employer.name,
        "青禾市人才服务中心集体户",
        f"配偶 {spouse.name}",
        True,
        True,
        k.today,
        "cn",
    )
    U.paper_photos(k, fp, "sq-biao", ff)
    U.id_copy(k, [(p, "sfz", "ok"), (spouse, "peiou-sfz", "ok")], out="scan")
    parent = k.person(age=(50, 60))
    home, me, hf = D.hukou_pages(
        k, p, parent, "子" if p.male else "女", date(2011, 3, 25), "职员", "已婚"
    )
    page = U.photo.copy_a4([(home, 35, 25, 140), (me, 35, 135, 140)], 150, k.rng)
    name = k.scan_pdf([U.photo.punch_scan(page, k.rng)], 150)
    k.doc([name], "hukou", hf)
    im, tf = D.title_cert(k, p, employer.name, date(2024, 12, 20))
    U.image_shot(k, im, "zhicheng", tf, sleeve=True)
    U.paper_grey(k, cp, "laodong-ht", cf)
    jp, jf = D.jieshou_letter(p, "青禾市人才服务中心", _days(k.today, 15), "pad")
    U.paper_text_pdf(k, jp, "jiti-jieshou", jf, "青禾市人才服务中心 集体户管理系统 证明打印")
    im, mf = D.marriage(k, p, spouse, date(2025, 5, 20), p)
    U.image_shot(k, im, "jiehunzheng", mf)
    return k.finish()


def rclh_03(root: Path) -> dict:
    k = Kit(
        root,
        "rclh-03",
        LH,
        date(2026, 8, 11),
        ["zifang"],
        "expired_contract+skill_cert+fax_form",
        "劳动合同已于两个多月前到期（未续签）；技能等级证书代替学历；申请表传真件；身份证两面拼图",
    )
    p, employer, cp, cf = _talent(k, expired_contract=True)
    where = people.address(k.rng, p.region)
    fp, ff = D.luohu_form(
        p, people.phone(k.rng), employer.name, where, "", True, True, _days(k.today, 1), "cn"
    )
    U.paper_fax(k, fp, "sq-biao", ff)
    U.id_collage(k, p, "sfz")
    parent = k.person(age=(50, 60))
    home, me, hf = D.hukou_pages(
        k, p, parent, "子" if p.male else "女", date(2013, 6, 6), "职员", "未婚"
    )
    n1 = k.jpg(U.card_shot(k, home))
    n2 = k.jpg(U.card_shot(k, me, glare=True))
    k.doc([n1, n2], "hukou", hf)
    im, sf = D.skill_cert(k, p, date(2023, 11, 15))
    U.image_shot(k, im, "jineng", sf)
    U.paper_photos(k, cp, "laodong-ht", cf, status="defective", ground="newspaper")
    im, pf = D.property_cert(k, p, where, _days(k.today, 200))
    U.image_shot(k, im, "fangchan", pf)
    return k.finish()


def rclh_04(root: Path) -> dict:
    k = Kit(
        root,
        "rclh-04",
        LH,
        date(2026, 9, 24),
        ["jiti"],
        "merged_scan_contract_plus_letter+hukou_collage",
        "集体户：劳动合同和集体户接收证明扫描在同一个 PDF；户口簿两页拼图；毕业证打孔扫描",
    )
    p, employer, cp, cf = _talent(k)
    fp, ff = D.luohu_form(
        p,
        people.phone(k.rng),
        employer.name,
        f"{employer.name}集体户",
        "",
        False,
        True,
        k.today,
        "pad",
    )
    U.paper_docx(k, fp, "sq-biao", ff, signed=True)
    U.id_photos(k, p, "sfz", ground="newspaper", back_first=True)
    parent = k.person(age=(50, 60))
    home, me, hf = D.hukou_pages(
        k, p, parent, "子" if p.male else "女", date(2010, 10, 10), "学生", "未婚"
    )
    name = k.jpg(
        U.photo.collage(
            [U.card_shot(k, me, long_side=1200), U.card_shot(k, home, long_side=1200)], k.rng
        )
    )
    k.doc([name], "hukou", hf)
    im, df = D.diploma(k, p, "青禾职业技术学院", "机电一体化技术", date(2022, 6, 28))
    name = k.scan_pdf([U.photo.punch_scan(_a4_with(k, im), k.rng)], 150)
    k.doc([name], "xueli", df)
    jp, jf = D.jieshou_letter(p, employer.name, _days(k.today, 30), "cn")
    pages = [*k.pages(cp, 150), k.page(jp, 0, 150)]
    name = k.scan_pdf(pages, 150)
    k.doc([name], "laodong-ht", cf)
    k.doc([name], "jiti-jieshou", jf)
    return k.finish()


def _a4_with(k: Kit, im):
    from .draw import Canvas

    cv = Canvas(297, 210, 150)
    w = 260
    h = im.height * w / im.width
    cv.paste(im.resize((cv.px(w), cv.px(h))), 18, (210 - h) / 2)
    return cv.img


def rclh_05(root: Path) -> dict:
    k = Kit(
        root,
        "rclh-05",
        LH,
        date(2026, 11, 16),
        ["zifang", "peiou"],
        "spouse_front_only",
        "配偶随迁：配偶身份证只拍了人像面；其余齐全",
    )
    p, employer, cp, cf = _talent(k)
    spouse = k.person(age=(23, 35), male=not p.male)
    where = people.address(k.rng, p.region)
    fp, ff = D.luohu_form(
        p,
        people.phone(k.rng),
        employer.name,
        where,
        f"配偶 {spouse.name}",
        True,
        True,
        k.today,
        "cn",
    )
    U.paper_photos(k, fp, "sq-biao", ff)
    U.id_photos(k, p, "sfz")
    U.id_front_only(k, spouse, "peiou-sfz")
    parent = k.person(age=(50, 60))
    home, me, hf = D.hukou_pages(
        k, p, parent, "子" if p.male else "女", date(2012, 2, 2), "职员", "已婚"
    )
    n1 = k.jpg(U.card_shot(k, home))
    n2 = k.jpg(U.card_shot(k, me))
    k.doc([n1, n2], "hukou", hf)
    im, df = D.diploma(k, p, "青禾师范学院", "汉语言文学", date(2019, 6, 30))
    U.image_shot(k, im, "xueli", df, ground="newspaper")
    U.paper_photos(k, cp, "laodong-ht", cf)
    im, pf = D.property_cert(k, p, where, _days(k.today, 300))
    U.image_shot(k, im, "fangchan", pf, glare=True)
    im, mf = D.marriage(k, p, spouse, date(2024, 10, 2), p)
    U.image_shot(k, im, "jiehunzheng", mf)
    return k.finish()


# ---- 医师执业注册变更 ----------------------------------------------------------------------

OLD_H = "青禾市第二人民医院"
NEW_H = ["青禾市中心医院", "青禾市中医院", "青禾市滨江区人民医院", "青禾康宁医院"]


def _doctor(k: Kit):
    p = k.person(age=(29, 50))
    k.applicant = p.name
    new = k.rng.choice(NEW_H)
    code = f"1103311{p.birth.year}{p.seq:06d}"
    return p, new, code


def ysbg_01(root: Path) -> dict:
    k = Kit(
        root,
        "ysbg-01",
        YS,
        date(2026, 3, 9),
        [],
        "docx_form+hr_system_pdf+folded_exam",
        "Word 审核表；聘用证明为医院人事系统导出 PDF；体检证明三折拍照；离职证明未交（容缺）",
    )
    p, new, code = _doctor(k)
    fp, ff = D.yishi_form(p, people.phone(k.rng), OLD_H, new, code, False, True, k.today, "cn")
    U.paper_docx(k, fp, "sq-biao", ff, signed=True)
    im, cf = D.yishi_cert(k, p, OLD_H, date(2018, 9, 3), code)
    U.image_shot(k, im, "zhiyezheng", cf)
    U.id_copy(k, [(p, "sfz", "ok")], out="photo", stamp=p.name)
    pp, pf = D.pinyong_letter(p, new, _days(k.today, 12), "pad")
    U.paper_text_pdf(k, pp, "pinyong", pf, f"{new} 人力资源管理系统  文件打印")
    tp, tf = D.tijian_paper(p, "青禾市中心医院体检中心", _days(k.today, 40), "dash", "钱丽娟")
    U.paper_photos(k, tp, "tijian", tf, fold=True)
    return k.finish()


def ysbg_02(root: Path) -> dict:
    k = Kit(
        root,
        "ysbg-02",
        YS,
        date(2026, 5, 27),
        ["agent"],
        "scan_form+cert_in_sleeve+fax_release+agent_collage",
        "医院经办人代办：审核表扫描件；执业证书装在塑料套里；身份证国徽面横拍；离职证明传真；经办人身份证拼图",
    )
    p, new, code = _doctor(k)
    agent = k.person(age=(25, 45))
    fp, ff = D.yishi_form(
        p, people.phone(k.rng), OLD_H, new, code, True, True, _days(k.today, 2), "cn"
    )
    U.paper_scan(k, fp, "sq-biao", ff)
    im, cf = D.yishi_cert(k, p, OLD_H, date(2016, 12, 1), code)
    U.image_shot(k, im, "zhiyezheng", cf, sleeve=True)
    U.id_photos(k, p, "sfz", rotate=270)
    pp, pf = D.pinyong_letter(p, new, _days(k.today, 20), "cn")
    U.paper_photos(k, pp, "pinyong", pf, ground="newspaper")
    tp, tf = D.tijian_paper(p, "青禾市中医院", _days(k.today, 100), "pad", "邹振华")
    U.paper_grey(k, tp, "tijian", tf)
    lp, lf = D.lizhi_letter(p, OLD_H, _days(k.today, 25), "cn")
    U.paper_fax(k, lp, "lizhi-zm", lf)
    wp, wf = power_of_attorney(p, agent, "医师执业注册变更", _days(k.today, 3), True)
    U.paper_photos(k, wp, "weituoshu", wf)
    U.id_collage(k, agent, "daiban-zj")
    return k.finish()


def ysbg_03(root: Path) -> dict:
    k = Kit(
        root,
        "ysbg-03",
        YS,
        date(2026, 8, 19),
        [],
        "exam_older_than_180_days",
        "体检证明是八个月前的（超过 6 个月）；其余齐全",
    )
    p, new, code = _doctor(k)
    fp, ff = D.yishi_form(p, people.phone(k.rng), OLD_H, new, code, True, True, k.today, "cn")
    U.paper_photos(k, fp, "sq-biao", ff, glare=True)
    im, cf = D.yishi_cert(k, p, OLD_H, date(2020, 4, 16), code)
    U.image_shot(k, im, "zhiyezheng", cf, ground="newspaper")
    U.id_photos(k, p, "sfz", back_first=True)
    pp, pf = D.pinyong_letter(p, new, _days(k.today, 9), "dash")
    U.paper_photos(k, pp, "pinyong", pf)
    tp, tf = D.tijian_paper(p, "青禾市滨江区人民医院", _days(k.today, 245), "cn", "章立新")
    U.paper_photos(k, tp, "tijian", tf, status="defective", ground="newspaper")
    return k.finish()


def ysbg_04(root: Path) -> dict:
    k = Kit(
        root,
        "ysbg-04",
        YS,
        date(2026, 10, 28),
        [],
        "extra_hospital_receipt+id_fax",
        "多传了一张医院挂号收费票据（不是任何材料）；身份证复印件传真；离职证明已交",
    )
    p, new, code = _doctor(k)
    fp, ff = D.yishi_form(p, people.phone(k.rng), OLD_H, new, code, False, True, k.today, "cn")
    U.paper_docx(k, fp, "sq-biao", ff, signed=True)
    im, cf = D.yishi_cert(k, p, OLD_H, date(2017, 7, 7), code)
    U.image_shot(k, im, "zhiyezheng", cf)
    U.id_copy(k, [(p, "sfz", "ok")], out="fax")
    pp, pf = D.pinyong_letter(p, new, _days(k.today, 33), "upper")
    U.paper_photos(k, pp, "pinyong", pf, fold=True)
    tp, tf = D.tijian_paper(p, new, _days(k.today, 60), "dash", "孔嘉怡")
    U.paper_scan(k, tp, "tijian", tf)
    rp = receipt("门诊收费票据", p.name, "挂号费、诊察费", "25.00元", _days(k.today, 60), new)
    U.paper_photos(
        k,
        rp,
        None,
        {"name": p.name, "issue_date": _days(k.today, 60).isoformat(), "signature": True},
    )
    lp, lf = D.lizhi_letter(p, OLD_H, _days(k.today, 50), "pad")
    U.paper_photos(k, lp, "lizhi-zm", lf, ground="newspaper")
    return k.finish()


CASES = [
    czfw_01,
    czfw_02,
    czfw_03,
    czfw_04,
    czfw_05,
    dszn_01,
    dszn_02,
    dszn_03,
    dszn_04,
    gtzx_01,
    gtzx_02,
    gtzx_03,
    gtzx_04,
    cyzg_01,
    cyzg_02,
    cyzg_03,
    cyzg_04,
    rclh_01,
    rclh_02,
    rclh_03,
    rclh_04,
    rclh_05,
    ysbg_01,
    ysbg_02,
    ysbg_03,
    ysbg_04,
]
