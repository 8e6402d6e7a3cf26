"""Cases of items about a person: 居住证, 护照, 投靠迁入, 残疾人证, 老年人优待证, 就业创业证."""

from __future__ import annotations

from datetime import date, timedelta

from tests.prereview.blind.ident import add_years, luhn_complete
from tests.prereview.blind4 import cards, photo, texts, uploads
from tests.prereview.blind4.common import days_ago, person_form
from tests.prereview.blind4.kit import Kit
from tests.prereview.blind4.people import address, make_company, make_person

JZZ = "gongan-juzhuzheng-shenling"
CRJ = "gongan-crj-huzhao-shouci"
TK = "gongan-hukou-toukao-qianru"
CL = "canlian-canjirenzheng-hefa"
LN = "minzheng-laonianren-youdaizheng"
JY = "rs-jycyz-shenling"


def new(
    cid: str, item: str, today: date, situations: list[str], pattern: str, note: str, **who
) -> tuple[Kit, object]:
    """A kit and its applicant (a person made from the case's own random stream)."""
    k = Kit(cid, item, today, "", list(situations), pattern, note)
    p = make_person(k.rng, today, **who)
    k.applicant = p.name
    return k, p


def receipt_photo(k: Kit, p, purpose: str, material: str = "photo", how: str = "flat") -> str:
    taken = days_ago(k, 3, 40)
    code = f"{k.rng.randint(10**11, 10**12 - 1)}"
    im = cards.photo_receipt(
        p, code, taken, f"示范市{k.rng.choice(['星光', '美佳', '留影'])}照相馆", purpose, k.rng
    )
    return uploads.picture(
        k,
        im,
        how,
        material,
        {"name": p.name, "id_number": p.printed_id, "issue_date": taken.isoformat()},
        as_png=True,
    )


def lease_for(
    k: Kit, lessee, how: str, material: str, style: str, order=None, end_offset=400, signed_back=200
):
    lessor = make_person(k.rng, k.today)
    addr = address(k.rng)
    signed = k.today - timedelta(days=signed_back)
    start = signed + timedelta(days=5)
    end = k.today + timedelta(days=end_offset)
    papers = texts.lease(
        lessor, lessee, addr, start, end, k.rng.randint(18, 60) * 100, signed, style
    )
    fields = {
        "name": lessee.name,
        "address": addr,
        "valid_until": end.isoformat(),
        "signature": True,
        "issue_date": signed.isoformat(),
    }
    return uploads.paper(k, papers, how, material, fields, order=order)


def proof_letter(
    k: Kit,
    title: str,
    body: list[str],
    org: str,
    issued: date,
    how: str,
    material: str,
    fields: dict,
    style: str = "plain",
    qr: str | None = None,
    header: str | None = None,
):
    paper = texts.letter(title, body, org, issued, style, qr=qr, header=header)
    fields = dict(fields, issue_date=issued.isoformat(), signature=True)
    return uploads.paper(k, [paper], how, material, fields)


# ------------------------------------------------------------------ 居住证申领


def jzz_01() -> Kit:
    k, p = new(
        "jzz-01",
        JZZ,
        date(2026, 11, 24),
        ["work"],
        "lease_pages_shuffled_cn_dates",
        "三页租赁合同照片乱序上传，合同日期为中文大写；在职证明为单位系统导出的PDF",
    )
    person_form(k, "居住证申领登记表", p, "docx", "apply-form")
    uploads.id_card(k, p, "id-card", "table", "fb")
    lease_for(k, p, "table", "lease", "cn", order=[2, 0, 1])
    co = make_company(k.rng, make_person(k.rng, k.today))
    proof_letter(
        k,
        "在职证明",
        [
            f"兹证明{p.name}（公民身份号码：{p.printed_id}）系我单位员工，"
            f"自{p.valid_from.year}年起在我单位从事销售工作，劳动关系正常。"
        ],
        co.name,
        days_ago(k, 5, 20),
        "text_pdf",
        "labor-contract",
        {"name": p.name},
        header=f"{co.name} 人事管理系统",
    )
    receipt_photo(k, p, "居住证")
    for m in ("apply-form", "id-card", "lease", "labor-contract", "photo"):
        k.give(m)
    return k


def jzz_02() -> Kit:
    k, p = new(
        "jzz-02",
        JZZ,
        date(2026, 11, 18),
        ["study"],
        "in_school_proof_too_old",
        "学生：身份证竖拍、反面先传；住宿证明为扫描PDF；在读证明开具已超过90天→需补正；没有照片回执，另传了一张超市小票→照片缺少",
        age=20,
    )
    person_form(k, "居住证申领登记表", p, "curl", "apply-form")
    uploads.id_card(k, p, "id-card", "upright", "bf")
    school = "示范理工学院"
    proof_letter(
        k,
        "住宿证明",
        [
            f"兹证明{p.name}同学（公民身份号码：{p.printed_id}）系我校全日制在校学生，"
            f"现住宿于示范市滨湖区蠡湖大道学生公寓{k.rng.randint(2, 9)}号楼"
            f"{k.rng.randint(101, 620)}室。"
        ],
        school,
        days_ago(k, 10, 30),
        "scan_pdf",
        "dorm-proof",
        {"name": p.name, "address": "示范市滨湖区蠡湖大道学生公寓"},
    )
    proof_letter(
        k,
        "在读证明",
        [
            f"兹证明{p.name}，性别{p.sex}，公民身份号码{p.printed_id}，"
            "系我校信息工程学院2024级全日制本科在读学生，学籍状态正常。"
        ],
        school,
        days_ago(k, 110, 140),
        "shadow",
        "school-proof",
        {"name": p.name},
        style="dash",
    )
    uploads.picture(k, cards.receipt(texts.receipt_lines(k.rng, k.today), k.rng), "table", None, {})
    k.give("apply-form")
    k.give("id-card")
    k.give("dorm-proof")
    k.give("school-proof", "defective")
    return k


def jzz_03() -> Kit:
    k, p = new(
        "jzz-03",
        JZZ,
        date(2026, 11, 27),
        ["work"],
        "id_front_only_wechat",
        "身份证只有人像面（微信聊天截图）→需补正；本人名下不动产权证书；劳动合同两页扫描PDF",
    )
    uploads.id_card(k, p, "id-card", "wechat", sides="front")
    cert = cards.property_page(
        p,
        None,
        p.address,
        f"苏（{p.valid_from.year}）示范市不动产权第{k.rng.randint(10**6, 10**7)}号",
        f"320213{k.rng.randint(10**9, 10**10)}GB00012F0001{k.rng.randint(1000, 9999)}",
        k.rng.uniform(60, 140),
        k.rng,
    )
    uploads.picture(k, cert, "table", "deed", {"name": p.name, "address": p.address})
    co = make_company(k.rng, make_person(k.rng, k.today))
    start = days_ago(k, 300, 500)
    signed = start - timedelta(days=3)
    pages = texts.labour_contract(co, p, start, add_years(start, 3), signed, "plain")
    uploads.paper(
        k,
        pages,
        "scan_pdf",
        "labor-contract",
        {
            "name": p.name,
            "id_number": p.printed_id,
            "issue_date": signed.isoformat(),
            "valid_until": add_years(start, 3).isoformat(),
            "signature": True,
        },
        dpi=200,
    )
    person_form(k, "居住证申领登记表", p, "docx", "apply-form")
    receipt_photo(k, p, "居住证")
    k.give("id-card", "defective")
    for m in ("deed", "labor-contract", "apply-form", "photo"):
        k.give(m)
    return k


def jzz_04() -> Kit:
    k, child = new(
        "jzz-04",
        JZZ,
        date(2026, 11, 20),
        ["minor"],
        "child_and_guardian_one_copy",
        "未成年人：本人与监护人身份证在同一张A4复印件上（注明与原件一致并签名）；房产在监护人名下",
        age=12,
    )
    parent = make_person(k.rng, k.today, age=41)
    uploads.id_copy(
        k,
        [(child, "id-card"), (parent, "guardian-id")],
        parent.name,
        texts.date_text(k.today, "dot"),
    )
    person_form(
        k,
        "居住证申领登记表",
        child,
        "shadow",
        "apply-form",
        signer=parent.name,
        sign_label="监护人（签名）：",
    )
    cert = cards.property_page(
        parent,
        None,
        child.address,
        f"苏（2019）示范市不动产权第{k.rng.randint(10**6, 10**7)}号",
        f"320214{k.rng.randint(10**9, 10**10)}GB00031F0002{k.rng.randint(1000, 9999)}",
        k.rng.uniform(70, 130),
        k.rng,
    )
    uploads.picture(k, cert, "curl", "deed", {"name": parent.name, "address": child.address})
    receipt_photo(k, child, "居住证")
    for m in ("id-card", "guardian-id", "apply-form", "deed", "photo"):
        k.give(m)
    return k


def jzz_05() -> Kit:
    k, p = new(
        "jzz-05",
        JZZ,
        date(2026, 11, 23),
        ["work"],
        "expired_id_no_photo",
        "身份证已过有效期→需补正；租赁合同为备案系统导出的文字PDF；未传照片回执→缺少",
        age=35,
        expired=True,
    )
    uploads.id_card(k, p, "id-card", "shadow", "fb")
    lease_for(k, p, "text_pdf", "lease", "dash")
    co = make_company(k.rng, make_person(k.rng, k.today))
    start = days_ago(k, 200, 400)
    pages = texts.labour_contract(co, p, start, add_years(start, 2), start, "cn")
    uploads.paper(
        k,
        pages,
        "table",
        "labor-contract",
        {
            "name": p.name,
            "id_number": p.printed_id,
            "issue_date": start.isoformat(),
            "valid_until": add_years(start, 2).isoformat(),
            "signature": True,
        },
    )
    person_form(k, "居住证申领登记表", p, "docx", "apply-form")
    k.give("id-card", "defective")
    for m in ("lease", "labor-contract", "apply-form"):
        k.give(m)
    return k


def jzz_06() -> Kit:
    k, p = new(
        "jzz-06",
        JZZ,
        date(2026, 11, 25),
        ["work"],
        "same_front_twice",
        "同一张人像面照片选了两次，再加国徽面；单位宿舍证明为文字PDF；在职证明手机拍照有手影",
    )
    f = cards.id_front(p, k.rng)
    shot = photo.jpeg(uploads.scene(k, f, "table"), 86)
    a = k.add(shot, "jpg")
    b = k.add(shot, "jpg")
    c = k.jpg(uploads.scene(k, cards.id_back(p, k.rng), "table"))
    k.doc([a, b, c], "id-card", cards.id_fields(p))
    co = make_company(k.rng, make_person(k.rng, k.today))
    dorm = f"示范市新吴区长江路{k.rng.randint(10, 90)}号员工宿舍{k.rng.randint(1, 6)}幢"
    proof_letter(
        k,
        "住宿证明",
        [
            f"兹证明{p.name}（公民身份号码：{p.printed_id}）系我公司员工，"
            f"现居住在我公司提供的员工宿舍，地址：{dorm}。"
        ],
        co.name,
        days_ago(k, 3, 25),
        "text_pdf",
        "dorm-proof",
        {"name": p.name, "address": dorm},
    )
    proof_letter(
        k,
        "在职证明",
        [f"兹证明{p.name}系我公司正式员工，入职时间{p.valid_from.year}年，现任操作工。"],
        co.name,
        days_ago(k, 3, 25),
        "shadow",
        "labor-contract",
        {"name": p.name},
        style="dot",
    )
    person_form(k, "居住证申领登记表", p, "table", "apply-form")
    receipt_photo(k, p, "居住证")
    for m in ("id-card", "dorm-proof", "labor-contract", "apply-form", "photo"):
        k.give(m)
    return k


# ------------------------------------------------------------------ 护照首次申领


def crj_01() -> Kit:
    k, p = new(
        "crj-01",
        CRJ,
        date(2026, 11, 19),
        [],
        "id_back_first_docx_form",
        "国徽面先传；申请表为Word；出入境证件数码照片回执PNG",
    )
    person_form(k, "中国公民出入境证件申请表", p, "docx", "apply-form", addr_label="户籍地址")
    uploads.id_card(k, p, "id-card", "table", "bf")
    receipt_photo(k, p, "出入境证件")
    for m in ("apply-form", "id-card", "photo"):
        k.give(m)
    return k


def crj_02() -> Kit:
    k, child = new(
        "crj-02",
        CRJ,
        date(2026, 11, 26),
        ["minor"],
        "minor_birth_cert_consent",
        "未成年人：本人身份证复印件（国徽面在上）；母亲身份证两张照片；出生医学证明；监护人同意出境意见（Word）",
        age=9,
    )
    mother = make_person(k.rng, k.today, age=37, male=False)
    father = make_person(k.rng, k.today, age=39, male=True)
    uploads.id_copy(k, [(child, "id-card")], None, "")
    uploads.id_card(k, mother, "guardian-id", "shadow", "fb")
    born = child.birth
    im = cards.birth_certificate(
        child, mother, father, born, "示范市妇幼保健院", f"Q{k.rng.randint(10**8, 10**9)}", k.rng
    )
    uploads.picture(
        k,
        im,
        "table",
        "birth-cert",
        {"name": child.name, "issue_date": (born + timedelta(days=3)).isoformat()},
    )
    signed = days_ago(k, 1, 10)
    consent = texts.guardian_consent(
        mother, child, "随同监护人出境旅游并申领普通护照", signed, "plain"
    )
    uploads.paper(
        k,
        [consent],
        "docx",
        "guardian-consent",
        {"name": mother.name, "signature": True, "issue_date": signed.isoformat()},
    )
    person_form(
        k,
        "中国公民出入境证件申请表",
        child,
        "curl",
        "apply-form",
        signer=mother.name,
        sign_label="监护人（签名）：",
        addr_label="户籍地址",
    )
    receipt_photo(k, child, "出入境证件")
    for m in ("id-card", "guardian-id", "birth-cert", "guardian-consent", "apply-form", "photo"):
        k.give(m)
    return k


def crj_03() -> Kit:
    k, p = new(
        "crj-03",
        CRJ,
        date(2026, 11, 20),
        ["official"],
        "unit_approval_too_old",
        "登记备案的国家工作人员：单位同意出境证明开具已超过90天→需补正",
        age=44,
    )
    uploads.id_card(k, p, "id-card", "table", "fb")
    org = "示范市梁溪区教育局"
    proof_letter(
        k,
        "同意出境证明",
        [
            f"兹有我单位{p.name}同志（公民身份号码：{p.printed_id}），"
            "按人事管理权限，经研究，同意其申领普通护照并因私出境。"
        ],
        org,
        days_ago(k, 120, 160),
        "table",
        "unit-approval",
        {"name": p.name},
        style="cn",
    )
    person_form(k, "中国公民出入境证件申请表", p, "docx", "apply-form", addr_label="户籍地址")
    receipt_photo(k, p, "出入境证件")
    k.give("unit-approval", "defective")
    for m in ("id-card", "apply-form", "photo"):
        k.give(m)
    return k


def crj_04() -> Kit:
    k, p = new(
        "crj-04",
        CRJ,
        date(2026, 11, 24),
        ["official"],
        "blurred_photo_left_one",
        "单位证明为人事系统导出的带二维码PDF；身份证竖拍；另一张照片模糊发暗读不出，恰好只剩照片一项→需补正（重拍）",
        age=33,
    )
    person_form(k, "中国公民出入境证件申请表", p, "table", "apply-form", addr_label="户籍地址")
    uploads.id_card(k, p, "id-card", "upright", "fb")
    org = "示范市自然资源和规划局"
    proof_letter(
        k,
        "同意出境证明",
        [f"兹有我单位{p.name}同志（公民身份号码：{p.printed_id}），经审核，同意其申领普通护照。"],
        org,
        days_ago(k, 8, 30),
        "text_pdf",
        "unit-approval",
        {"name": p.name},
        qr="扫码核验",
        header="示范市干部人事管理信息系统",
    )
    name = k.jpg(photo.blurred_blank(k.rng), 70)
    k.doc([name], None, {})
    k.unreadable += 1
    for m in ("apply-form", "id-card", "unit-approval"):
        k.give(m)
    return k


# ------------------------------------------------------------------ 户口迁入（投靠）


def hukou(
    k: Kit,
    p,
    head,
    relation: str,
    how: str = "table",
    material: str = "mover-hukou",
    order: str = "hp",
) -> list[str]:
    """户口簿 首页 + 本人页 as two photos (in ``order``)."""
    no = f"{k.rng.randint(10**8, 10**9 - 1)}"
    home = cards.hukou_home(head, no, days_ago(k, 800, 3000), k.rng)
    person = cards.hukou_person(p, relation, k.rng)
    shots = {"h": home, "p": person}
    names = [k.jpg(uploads.scene(k, shots[c], how)) for c in order]
    k.doc(names, material, {"name": p.name, "id_number": p.printed_id, "address": head.address})
    return names


def tk_01() -> Kit:
    k, p = new(
        "tk-01",
        TK,
        date(2026, 11, 17),
        ["spouse"],
        "two_people_one_copy_marriage",
        "夫妻投靠：迁移人与被投靠人身份证在同一张复印件上；户口簿首页+本人页；结婚证；被投靠人不动产权证书",
        age=31,
        male=False,
    )
    host = make_person(k.rng, k.today, age=34, male=True)
    person_form(k, "户口迁移申请表", p, "docx", "apply-form")
    uploads.id_copy(
        k, [(p, "mover-id"), (host, "host-id")], p.name, texts.date_text(k.today, "plain")
    )
    hukou(k, p, make_person(k.rng, k.today, age=60), "女")
    reg = days_ago(k, 300, 900)
    no = f"J320213-{reg.year}-{k.rng.randint(1000, 9999):06d}"
    uploads.picture(
        k,
        cards.marriage_page(p, host, reg, no, k.rng),
        "table",
        "marriage-cert",
        {"name": p.name, "id_number": p.printed_id, "issue_date": reg.isoformat()},
    )
    cert = cards.property_page(
        host,
        None,
        host.address,
        f"苏（2020）示范市不动产权第{k.rng.randint(10**6, 10**7)}号",
        f"320211{k.rng.randint(10**9, 10**10)}GB00007F0003{k.rng.randint(1000, 9999)}",
        k.rng.uniform(80, 150),
        k.rng,
    )
    uploads.picture(k, cert, "shadow", "deed", {"name": host.name, "address": host.address})
    for m in ("apply-form", "mover-id", "host-id", "mover-hukou", "marriage-cert", "deed"):
        k.give(m)
    return k


def tk_02() -> Kit:
    k, p = new(
        "tk-02",
        TK,
        date(2026, 11, 21),
        ["child"],
        "lease_scan_out_of_order",
        "子女投靠父母：两人身份证各两张照片（被投靠人反面先传）；出生医学证明；三页租赁合同扫描PDF页序颠倒",
        age=24,
    )
    host = make_person(k.rng, k.today, age=52)
    uploads.id_card(k, p, "mover-id", "table", "fb")
    uploads.id_card(k, host, "host-id", "table", "bf")
    hukou(k, p, make_person(k.rng, k.today, age=55), "子" if p.male else "女", "curl", order="hp")
    im = cards.birth_certificate(
        p,
        make_person(k.rng, p.birth, age=27, male=False),
        host,
        p.birth,
        "示范市人民医院",
        f"M{k.rng.randint(10**8, 10**9)}",
        k.rng,
    )
    uploads.picture(
        k,
        im,
        "shadow",
        "birth-cert",
        {"name": p.name, "issue_date": (p.birth + timedelta(days=3)).isoformat()},
    )
    lease_for(k, host, "scan_pdf", "lease", "plain", order=[2, 1, 0])
    person_form(k, "户口迁移申请表", p, "table", "apply-form")
    for m in ("mover-id", "host-id", "mover-hukou", "birth-cert", "lease", "apply-form"):
        k.give(m)
    return k


def tk_03() -> Kit:
    k, p = new(
        "tk-03",
        TK,
        date(2026, 11, 24),
        ["parent"],
        "mover_id_expired",
        "父母投靠子女：迁移人身份证已过期→需补正；户籍档案父母子女关系证明；户口簿本人页在首页前",
        age=58,
        expired=True,
    )
    host = make_person(k.rng, k.today, age=32)
    uploads.id_card(k, p, "mover-id", "shadow", "fb")
    uploads.id_card(k, host, "host-id", "table", "fb")
    hukou(k, p, p, "户主", "table", order="ph")
    proof_letter(
        k,
        "亲属关系证明",
        [
            f"经查户籍档案，{p.name}（公民身份号码：{p.printed_id}）与{host.name}"
            f"（公民身份号码：{host.printed_id}）系父母子女关系。"
        ],
        "示范市公安局梁溪分局崇安寺派出所",
        days_ago(k, 5, 20),
        "table",
        "parent-relation",
        {"name": p.name},
    )
    cert = cards.property_page(
        host,
        None,
        host.address,
        f"苏（2022）示范市不动产权第{k.rng.randint(10**6, 10**7)}号",
        f"320206{k.rng.randint(10**9, 10**10)}GB00011F0001{k.rng.randint(1000, 9999)}",
        k.rng.uniform(60, 120),
        k.rng,
    )
    uploads.picture(k, cert, "table", "deed", {"name": host.name, "address": host.address})
    person_form(k, "户口迁移申请表", p, "docx", "apply-form")
    k.give("mover-id", "defective")
    for m in ("host-id", "mover-hukou", "parent-relation", "deed", "apply-form"):
        k.give(m)
    return k


def tk_04() -> Kit:
    k, p = new(
        "tk-04",
        TK,
        date(2026, 11, 28),
        ["spouse"],
        "bank_card_instead_of_marriage",
        "夫妻投靠：没有结婚证，传成了银行卡照片（不是本事项材料）→结婚证缺少",
        age=29,
    )
    host = make_person(k.rng, k.today, age=30, male=not p.male)
    person_form(k, "户口迁移申请表", p, "table", "apply-form")
    uploads.id_card(k, p, "mover-id", "table", "fb")
    uploads.id_card(k, host, "host-id", "shadow", "fb")
    hukou(k, p, make_person(k.rng, k.today, age=57), "女" if not p.male else "子", "table")
    card_no = luhn_complete("62305812" + "".join(str(k.rng.randint(0, 9)) for _ in range(10)))
    uploads.picture(k, cards.bank_card(card_no, k.rng), "table", None, {})
    lease_for(k, host, "table", "lease", "dot", order=[0, 1, 2])
    k.give("apply-form")
    for m in ("mover-id", "host-id", "mover-hukou", "lease"):
        k.give(m)
    return k


def tk_05() -> Kit:
    k, child = new(
        "tk-05",
        TK,
        date(2026, 11, 16),
        ["child", "minor"],
        "minor_child_guardian_consent",
        "未满十六周岁子女投靠父母：出生医学证明（屏幕翻拍，摩尔纹）；另一方监护人同意迁移的书面意见",
        age=7,
    )
    host = make_person(k.rng, k.today, age=36, male=True)
    mother = make_person(k.rng, k.today, age=34, male=False)
    uploads.id_card(k, child, "mover-id", "table", "fb")
    uploads.id_card(k, host, "host-id", "table", "fb")
    hukou(k, child, mother, "女" if not child.male else "子", "table")
    born = child.birth
    im = cards.birth_certificate(
        child, mother, host, born, "示范市第二人民医院", f"P{k.rng.randint(10**8, 10**9)}", k.rng
    )
    uploads.picture(
        k,
        im,
        "screen",
        "birth-cert",
        {"name": child.name, "issue_date": (born + timedelta(days=3)).isoformat()},
    )
    signed = days_ago(k, 2, 12)
    consent = texts.guardian_consent(mother, child, "将户口迁入其父亲处", signed, "cn")
    uploads.paper(
        k,
        [consent],
        "table",
        "guardian-consent",
        {"name": mother.name, "signature": True, "issue_date": signed.isoformat()},
    )
    cert = cards.property_page(
        host,
        None,
        host.address,
        f"苏（2018）示范市不动产权第{k.rng.randint(10**6, 10**7)}号",
        f"320281{k.rng.randint(10**9, 10**10)}GB00002F0001{k.rng.randint(1000, 9999)}",
        k.rng.uniform(90, 160),
        k.rng,
    )
    uploads.picture(k, cert, "table", "deed", {"name": host.name, "address": host.address})
    person_form(
        k,
        "户口迁移申请表",
        child,
        "docx",
        "apply-form",
        signer=host.name,
        sign_label="监护人（签名）：",
    )
    for m in (
        "mover-id",
        "host-id",
        "mover-hukou",
        "birth-cert",
        "guardian-consent",
        "deed",
        "apply-form",
    ):
        k.give(m)
    return k


# ------------------------------------------------------------------ 残疾人证


def medical(k: Kit, p, how: str, signed: bool = True) -> list[str]:
    hosp = k.rng.choice(["示范市人民医院", "示范市第三人民医院", "示范市中医医院"])
    seen = days_ago(k, 20, 90)
    text = k.rng.choice(
        [
            "左下肢截肢术后（膝上）",
            "双眼视神经萎缩，最佳矫正视力右眼0.05、左眼0.1",
            "感音神经性聋（双侧），平均听力损失85dB HL",
        ]
    )
    if signed:
        paper = texts.diagnosis(p, hosp, seen, text, "孙伟", "plain")
    else:  # printed out-patient record from the hospital's app: no doctor signature, no seal
        paper = texts.Paper(
            [
                ("title", hosp),
                ("center", "门诊病历（自助打印）"),
                (
                    "grid",
                    [
                        ["姓名", p.name, "性别", p.sex],
                        ["就诊日期", texts.date_text(seen, "dash"), "科室", "康复科"],
                    ],
                    [20, 40, 20, 40],
                ),
                ("p", f"主诉：{text}。"),
                ("p", "诊断：同上。"),
                ("p", "医师签名："),
            ],
            body_role="sans",
        )
    fields = {"name": p.name, "issue_date": seen.isoformat()}
    if signed:
        fields["signature"] = True
    return uploads.paper(k, [paper], how, "medical-record", fields)


def cl_01() -> Kit:
    k, p = new(
        "cl-01",
        CL,
        date(2026, 11, 19),
        [],
        "curled_diagnosis_photo",
        "诊断证明卷曲纸张拍照；户口簿免提交未传",
        age=47,
    )
    person_form(k, "残疾人证申请表", p, "docx", "apply-form")
    uploads.id_card(k, p, "id-card", "shadow", "fb")
    medical(k, p, "curl")
    receipt_photo(k, p, "残疾人证")
    for m in ("apply-form", "id-card", "medical-record", "photo"):
        k.give(m)
    return k


def cl_02() -> Kit:
    k, child = new(
        "cl-02",
        CL,
        date(2026, 11, 23),
        ["guardian"],
        "guardian_wechat_screens",
        "监护人申请：孩子身份证复印件；监护人身份证两张微信聊天截图；居委会监护人证明；病历两页扫描PDF",
        age=10,
    )
    guardian = make_person(k.rng, k.today, age=40)
    uploads.id_copy(k, [(child, "id-card")], guardian.name, texts.date_text(k.today, "dash"))
    uploads.id_card(k, guardian, "guardian-id", "wechat", "fb")
    proof_letter(
        k,
        "监护人证明",
        [
            f"兹证明{guardian.name}（公民身份号码：{guardian.printed_id}）系{child.name}"
            f"（公民身份号码：{child.printed_id}）的父{'亲' if guardian.male else '母'}，"
            "为其法定监护人。"
        ],
        "示范市梁溪区广益街道广丰社区居民委员会",
        days_ago(k, 3, 30),
        "table",
        "guardian-proof",
        {"name": guardian.name},
    )
    seen = days_ago(k, 30, 60)
    rec = [
        texts.Paper(
            [
                ("title", "示范市儿童医院"),
                ("center", "门诊病历"),
                (
                    "grid",
                    [
                        ["姓名", child.name, "性别", child.sex, "年龄", f"{child.age_on(seen)}岁"],
                        ["就诊日期", texts.date_text(seen, "dash"), "科别", "儿童保健科", "", ""],
                    ],
                    [14, 26, 12, 14, 14, 20],
                ),
                ("p", "主诉：语言发育落后，社会交往能力差。"),
                ("p", "现病史：家长诉患儿三岁起语言表达明显落后于同龄儿童……"),
            ],
            body_role="sans",
        ),
        texts.Paper(
            [
                ("p", "辅助检查：韦氏儿童智力量表测定总智商 48。"),
                ("p", "诊断：智力发育障碍（中度）。"),
                (
                    "sign",
                    texts.Sign(
                        "医师签名：",
                        "吴敏",
                        texts.date_text(seen, "plain"),
                        "示范市儿童医院门诊专用章",
                    ),
                ),
            ],
            body_role="sans",
        ),
    ]
    uploads.paper(
        k,
        rec,
        "scan_pdf",
        "medical-record",
        {"name": child.name, "issue_date": seen.isoformat(), "signature": True},
        dpi=200,
    )
    person_form(
        k,
        "残疾人证申请表",
        child,
        "table",
        "apply-form",
        signer=guardian.name,
        sign_label="监护人（签名）：",
    )
    receipt_photo(k, child, "残疾人证")
    for m in ("id-card", "guardian-id", "guardian-proof", "medical-record", "apply-form", "photo"):
        k.give(m)
    return k


def cl_03() -> Kit:
    k, p = new(
        "cl-03",
        CL,
        date(2026, 11, 25),
        [],
        "unsigned_hospital_printout",
        "医院APP自助打印的门诊病历，无医师签名、无盖章→需补正",
        age=63,
    )
    uploads.id_copy(k, [(p, "id-card")], p.name, texts.date_text(k.today, "plain"), as_pdf=True)
    medical(k, p, "table", signed=False)
    person_form(k, "残疾人证申请表", p, "shadow", "apply-form")
    receipt_photo(k, p, "残疾人证")
    k.give("medical-record", "defective")
    for m in ("id-card", "apply-form", "photo"):
        k.give(m)
    return k


def cl_04() -> Kit:
    k, p = new(
        "cl-04",
        CL,
        date(2026, 11, 18),
        [],
        "selfie_as_photo",
        "把一张没有文字的自拍当作照片上传：读不出内容，恰好只剩照片一项→需补正（重新提供）",
        age=52,
    )
    person_form(k, "残疾人证申请表", p, "docx", "apply-form")
    uploads.id_card(k, p, "id-card", "table", "bf")
    medical(k, p, "text_pdf")
    name = k.jpg(photo.selfie(k.rng), 82)
    k.doc([name], None, {})
    k.unreadable += 1
    for m in ("apply-form", "id-card", "medical-record"):
        k.give(m)
    return k


# ------------------------------------------------------------------ 老年人优待证


def ln_01() -> Kit:
    k, p = new(
        "ln-01",
        LN,
        date(2026, 11, 20),
        [],
        "elder_long_term_id_tablecloth",
        "老人身份证长期有效，桌布上拍照带手影；手填申请表",
        age=72,
    )
    uploads.id_card(k, p, "id-card", "shadow", "fb")
    person_form(k, "示范市老年人优待证申请表", p, "curl", "apply-form")
    receipt_photo(k, p, "老年人优待证", how="table")
    for m in ("id-card", "apply-form", "photo"):
        k.give(m)
    return k


def ln_02() -> Kit:
    k, p = new(
        "ln-02",
        LN,
        date(2026, 11, 24),
        ["agent"],
        "agent_and_elder_one_copy",
        "家属代办：老人与代办人身份证在同一张复印件上，代办人签“此复印件与原件一致”",
        age=81,
    )
    agent = make_person(k.rng, k.today, age=50)
    uploads.id_copy(
        k, [(p, "id-card"), (agent, "agent-id")], agent.name, texts.date_text(k.today, "dot")
    )
    person_form(
        k,
        "示範市老年人優待證申請表",
        p,
        "docx",
        "apply-form",
        signer=agent.name,
        sign_label="代辦人（簽名）：",
        traditional=True,
    )
    receipt_photo(k, p, "老年人优待证")
    for m in ("id-card", "agent-id", "apply-form", "photo"):
        k.give(m)
    return k


def ln_03() -> Kit:
    k, p = new(
        "ln-03",
        LN,
        date(2026, 11, 27),
        ["reissue"],
        "reissue_lost_statement_hukou",
        "遗失补办：遗失说明；身份证竖拍；另传了户口簿首页和本人页（免提交材料，提供了也算齐）",
        age=68,
    )
    signed = days_ago(k, 0, 5)
    stmt = texts.lost_statement(p, days_ago(k, 20, 60), signed)
    uploads.paper(
        k,
        [stmt],
        "table",
        "lost-statement",
        {
            "name": p.name,
            "id_number": p.printed_id,
            "signature": True,
            "issue_date": signed.isoformat(),
        },
    )
    uploads.id_card(k, p, "id-card", "upright", "fb")
    person_form(k, "示范市老年人优待证申请表", p, "table", "apply-form")
    receipt_photo(k, p, "老年人优待证")
    hukou(k, p, p, "户主", "table", material="hukou")
    for m in ("lost-statement", "id-card", "apply-form", "photo", "hukou"):
        k.give(m)
    return k


def ln_04() -> Kit:
    k, p = new(
        "ln-04",
        LN,
        date(2026, 11, 19),
        ["agent"],
        "agent_id_expired_no_photo",
        "代办人身份证已过期→需补正；没有照片回执→缺少",
        age=75,
    )
    agent = make_person(k.rng, k.today, age=30, expired=True)
    uploads.id_card(k, p, "id-card", "table", "fb")
    uploads.id_card(k, agent, "agent-id", "table", "fb")
    person_form(
        k,
        "示范市老年人优待证申请表",
        p,
        "docx",
        "apply-form",
        signer=agent.name,
        sign_label="代办人（签名）：",
    )
    k.give("agent-id", "defective")
    k.give("id-card")
    k.give("apply-form")
    return k


# ------------------------------------------------------------------ 就业创业证


def xuexin(k: Kit, p, how: str = "text_pdf") -> list[str]:
    made = days_ago(k, 1, 20)
    paper = texts.xuexin_report(
        p,
        "示范大学",
        k.rng.choice(["计算机科学与技术", "会计学", "机械工程"]),
        date(k.today.year - 3, 9, 1),
        date(k.today.year + 1, 6, 30),
        made,
        "".join(k.rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(16)),
    )
    return uploads.paper(
        k,
        [paper],
        how,
        "xueshengzheng",
        {"name": p.name, "id_number": p.printed_id, "issue_date": made.isoformat()},
    )


def jy_01() -> Kit:
    k, p = new(
        "jy-01",
        JY,
        date(2026, 11, 20),
        ["biyesheng"],
        "xuexin_report_pdf",
        "毕业年度高校毕业生：学信网学籍在线验证报告PDF（页眉、二维码、页码）",
        age=22,
    )
    uploads.id_card(k, p, "sfz", "table", "fb")
    xuexin(k, p)
    k.give("sfz")
    k.give("xueshengzheng")
    return k


def jy_02() -> Kit:
    k, p = new(
        "jy-02",
        JY,
        date(2026, 11, 25),
        ["biyesheng", "agent"],
        "agent_wechat_id_docx_letter",
        "委托同学代办：本人身份证两张微信截图；授权委托书Word（贴签名图片）；代办人身份证",
        age=23,
    )
    agent = make_person(k.rng, k.today, age=23)
    uploads.id_card(k, p, "sfz", "wechat", "fb")
    signed = days_ago(k, 1, 7)
    poa = texts.power_of_attorney(p, agent, "就业创业证申领", signed, "plain", p.name)
    uploads.paper(
        k,
        [poa],
        "docx",
        "weituoshu",
        {
            "name": p.name,
            "id_number": p.printed_id,
            "signature": True,
            "issue_date": signed.isoformat(),
        },
    )
    uploads.id_card(k, agent, "dailiren-sfz", "table", "bf")
    xuexin(k, p, "scan_pdf")
    for m in ("sfz", "weituoshu", "dailiren-sfz", "xueshengzheng"):
        k.give(m)
    return k


def jy_03() -> Kit:
    k, p = new(
        "jy-03",
        JY,
        date(2026, 11, 18),
        ["chuangye"],
        "getihu_e_licence_screenshot",
        "自主创业：电子营业执照截图（个体工商户，经营者为本人；免提交材料提供了也算齐）",
    )
    co = make_company(k.rng, p, getihu=True)
    uploads.id_card(k, p, "sfz", "shadow", "fb")
    uploads.picture(
        k,
        cards.e_licence_screen(co, k.rng),
        "flat",
        "yingye-zhizhao",
        {"name": co.name, "uscc": co.printed_uscc, "legal_rep": p.name, "address": co.address},
        as_png=True,
    )
    k.give("sfz")
    k.give("yingye-zhizhao")
    return k


def jy_04() -> Kit:
    k, p = new(
        "jy-04",
        JY,
        date(2026, 11, 26),
        ["agent"],
        "unsigned_power_of_attorney",
        "授权委托书委托人处没有签名→需补正",
    )
    agent = make_person(k.rng, k.today)
    uploads.id_card(k, p, "sfz", "table", "fb")
    poa = texts.power_of_attorney(
        p, agent, "就业创业证申领", days_ago(k, 1, 5), "plain", None, tabular=True
    )
    uploads.paper(k, [poa], "shadow", "weituoshu", {"name": p.name, "id_number": p.printed_id})
    uploads.id_card(k, agent, "dailiren-sfz", "table", "fb")
    k.give("weituoshu", "defective")
    k.give("sfz")
    k.give("dailiren-sfz")
    return k


CASES = [
    jzz_01,
    jzz_02,
    jzz_03,
    jzz_04,
    jzz_05,
    jzz_06,
    crj_01,
    crj_02,
    crj_03,
    crj_04,
    tk_01,
    tk_02,
    tk_03,
    tk_04,
    tk_05,
    cl_01,
    cl_02,
    cl_03,
    cl_04,
    ln_01,
    ln_02,
    ln_03,
    ln_04,
    jy_01,
    jy_02,
    jy_03,
    jy_04,
]
