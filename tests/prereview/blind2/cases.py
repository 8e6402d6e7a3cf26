"""The cases: each writes its uploads through Ctx and says what they really are.

A case function returns its metadata (applicant, situations, pattern, note);
statuses come from truth.expected() over the item's guide.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import cards, papers
from ._ctx import Ctx
from .people import Person, add_years, break_check

REG = "示范市市场监督管理局"


def _hukou_pair(
    c: Ctx, head: Person, member: Person | None, relation: str, files: str = "photo"
) -> list[str]:
    """The 户主 page and (when the member is not the head) the member's 常住人口登记卡."""
    r = c.rng
    pages = [
        cards.hukou_home(head, r, f"{r.randrange(10**8, 10**9)}", c.d(-r.randrange(400, 3000)))
    ]
    who = member or head
    pages.append(
        cards.hukou_person(
            who,
            "户主" if member is None else relation,
            r,
            c.d(-r.randrange(300, 5000)),
            ""
            if r.random() < 0.5 or who.birth.year + 18 >= c.date.year
            else f"{who.birth.year + 18}年由示范县迁来",
        )
    )
    if files == "scan":
        return [c.scan(p) for p in pages]
    return [c.photo(p, fill=0.82) for p in pages]


def _lease(
    c: Ctx,
    tenant: str,
    code: str,
    wording: str,
    state: str = "ok",
    seal: str | None = None,
    signed: bool = True,
) -> tuple[list[tuple], dict]:
    lessor = c.w.person(c.date, age=c.rng.randrange(45, 66))
    addr = c.w.address("示范市东湖区", ["苏圃路", "叠山路", "民德路"])
    if state == "expired":
        start = c.d(-c.rng.randrange(500, 700))
        end = add_years(start, 1) - timedelta(days=1)
    else:
        start = c.d(-c.rng.randrange(20, 200))
        end = add_years(start, c.rng.choice([1, 2, 3])) - timedelta(days=1)
    signed_on = start - timedelta(days=c.rng.randrange(2, 10))
    blocks = papers.lease(
        c.rng, lessor, tenant, code, addr, start, end, signed_on, wording, signed, seal
    )
    fields = {
        "name": tenant,
        "address": addr,
        "valid_until": end.isoformat(),
        "issue_date": signed_on.isoformat(),
        "signature": signed,
    }
    return blocks, fields


def _photos_shuffled(c: Ctx, pages: list, **kw) -> list[str]:
    order = list(range(len(pages)))
    while order == sorted(order):
        c.rng.shuffle(order)
    return [c.photo(pages[k], fill=0.86, tilt=0.05, **kw) for k in order]


# ================================================================ 居民身份证换领、补领


def hl_01(c: Ctx) -> dict:
    p = c.w.person(c.date, state="expired")
    c.id_two(p, "old-id", back_first=True, dark=0.55)
    c.mark(old_id="ok")
    return dict(
        applicant=p.name,
        situations=["renew"],
        pattern="expired_card_for_renewal",
        note="换领：原证已过期（本材料无有效期检查，过期正是换领理由）；国徽面先传，两张都是夜间弱光拍摄。",
    )


def hl_02(c: Ctx) -> dict:
    head = c.w.person(c.date, male=True, age=58)
    p = c.w.person(c.date, age=27)
    p.address = head.address
    files = _hukou_pair(c, head, p, "子" if p.male else "女")
    c.doc(files, "hukou", name=p.name, id_number=p.id_number, address=head.address)
    f = c.docx(papers.mail_form(p, c.d(-1), c.rng))
    c.doc(
        f,
        "mail-form",
        name=p.name,
        id_number=p.id_number,
        phone=p.phone,
        address=p.address,
        issue_date=c.d(-1).isoformat(),
        signature=True,
    )
    c.mark(hukou="ok", mail_form="ok")
    return dict(
        applicant=p.name,
        situations=["lost"],
        pattern="hukou_home_and_member_pages",
        note="补领：户口簿户主页（父亲）和本人页两张照片；另交了邮寄送达申请单 DOCX（非必要）。",
    )


def hl_03(c: Ctx) -> dict:
    p = c.w.person(c.date)
    files = _hukou_pair(c, p, None, "户主", files="scan")
    c.doc(files, "hukou", name=p.name, id_number=p.id_number, address=p.address)
    end = c.d(-c.rng.randrange(40, 200))
    city = c.w.address("示范市青山湖区", ["湖滨东路", "京东大道"])
    f1 = c.photo(cards.residence_card(p, c.rng, "front", city, end), fill=0.7)
    f2 = c.photo(cards.residence_card(p, c.rng, "back", city, end), fill=0.7, rot=180)
    c.doc(
        [f1, f2],
        "juzhuzheng",
        name=p.name,
        id_number=p.id_number,
        address=city,
        valid_until=end.isoformat(),
    )
    c.mark(hukou="ok", juzhuzheng="defective")
    return dict(
        applicant=p.name,
        situations=["lost", "nonlocal"],
        pattern="expired_residence_permit",
        note=f"异地补领：户口簿两页灰度扫描；居住证有效期至{end}，已过期（背面照片倒置180°）。",
    )


def hl_04(c: Ctx) -> dict:
    mom = c.w.person(c.date, male=False, age=39)
    kid = c.w.person(c.date, age=12)
    kid.address = mom.address
    files = _hukou_pair(c, mom, kid, "子" if kid.male else "女")
    c.doc(files, "hukou", name=kid.name, id_number=kid.id_number, address=mom.address)
    f = c.scan(c.a4_ids([(mom, "guardian-id")], stamp="仅供补领身份证使用"))
    c.record_a4(f, [(mom, "guardian-id")])
    c.mark(hukou="ok", guardian_id="ok")
    return dict(
        applicant=kid.name,
        situations=["lost", "minor"],
        pattern="a4_copy_both_sides",
        note="未满十六周岁补领：户口簿户主页（母亲）+本人页；母亲身份证正反面复印在一张A4上（灰度扫描）。",
    )


def hl_05(c: Ctx) -> dict:
    p = c.w.person(c.date, age=30)
    dad = c.w.person(c.date, male=True, age=60)
    c.id_two(dad, "old-id")
    c.mark(old_id="defective")
    return dict(
        applicant=p.name,
        situations=["renew"],
        pattern="document_of_wrong_person",
        note=f"换领：拍成了父亲{dad.name}的身份证，不是申请人本人的原证。",
    )


def hl_06(c: Ctx) -> dict:
    dad = c.w.person(c.date, male=True, age=41)
    kid = c.w.person(c.date, age=10)
    kid.address = dad.address
    files = _hukou_pair(c, dad, kid, "子" if kid.male else "女")
    c.doc(files, "hukou", name=kid.name, id_number=kid.id_number, address=dad.address)
    c.id_side(dad, "guardian-id", "front")
    c.mark(hukou="ok", guardian_id="defective")
    return dict(
        applicant=kid.name,
        situations=["lost", "minor"],
        pattern="id_one_side",
        note="监护人身份证只拍了人像面（缺国徽面，看不到有效期限）。",
    )


# ================================================================ 离婚登记


def _couple(c: Ctx, woman_state: str = "valid") -> tuple[Person, Person, str, date]:
    man = c.w.person(c.date, male=True, age=c.rng.randrange(30, 45))
    woman = c.w.person(c.date, male=False, age=c.rng.randrange(28, 42), state=woman_state)
    married = c.d(-c.rng.randrange(1500, 4000))
    return man, woman, f"J360102-{married.year}-{c.rng.randrange(1, 3000):06d}", married


def _marriage_photo(
    c: Ctx, holder: Person, other: Person, no: str, married: date, material: str | None
) -> str:
    f = c.photo(cards.marriage_cert(holder, other, c.rng, married, no), fill=0.85)
    c.doc(f, material, name=holder.name, issue_date=married.isoformat())
    return f


def _agreement(
    c: Ctx, man: Person, woman: Person, no: str, married: date, mode: str, signed: bool = True
) -> None:
    on = c.d(-c.rng.randrange(1, 10))
    blocks = papers.divorce_agreement(man, woman, no, married, on, c.rng, signed)
    if mode == "docx":
        files = [c.docx(blocks)]
    elif mode == "photos":
        files = _photos_shuffled(c, c.pages(blocks))
    else:
        files = [c.scan_pdf(c.pages(blocks))]
    c.doc(files, "agreement", issue_date=on.isoformat(), signature=signed)


def lh_01(c: Ctx) -> dict:
    man, woman, no, married = _couple(c)
    people = [(man, "id-card-man"), (woman, "id-card-woman")]
    f = c.scan_pdf([c.a4_ids(people, stamp="仅供离婚登记使用")])
    c.record_a4(f, people)
    _marriage_photo(c, man, woman, no, married, "marriage-cert")
    _agreement(c, man, woman, no, married, "docx")
    c.mark(id_card_man="ok", id_card_woman="ok", marriage_cert="ok", agreement="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="two_people_one_page",
        note="双方身份证四面复印在同一张A4（扫描PDF，无文字层）；结婚证内页照片；离婚协议书 DOCX（签名为插入图片）。",
    )


def lh_02(c: Ctx) -> dict:
    man, woman, no, married = _couple(c)
    r = c.rng
    shots = [
        (woman, cards.id_back(woman, r)),
        (man, cards.id_front(man, r)),
        (woman, cards.id_front(woman, r)),
        (man, cards.id_back(man, r)),
    ]
    names = {}
    for k, (p, im) in enumerate(shots):
        names.setdefault(p.name, []).append(
            c.photo(im, rot=[90, 0, 180, 0][k], exif=6 if k == 1 else None, fill=0.7)
        )
    c.doc(names[man.name], "id-card-man", **_idf(man))
    c.doc(names[woman.name], "id-card-woman", **_idf(woman))
    _marriage_photo(c, woman, man, no, married, "marriage-cert")
    _agreement(c, man, woman, no, married, "photos")
    c.mark(id_card_man="ok", id_card_woman="ok", marriage_cert="ok", agreement="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="four_photos_rotated",
        note="四张身份证照片顺序混杂（女方国徽面转90°、男方人像面以EXIF方向6存储、女方人像面倒置）；协议书两页照片顺序颠倒。",
    )


def lh_03(c: Ctx) -> dict:
    man, woman, no, married = _couple(c, woman_state="expired")
    c.id_two(man, "id-card-man")
    c.id_two(woman, "id-card-woman", back_first=True)
    _marriage_photo(c, man, woman, no, married, "marriage-cert")
    _agreement(c, man, woman, no, married, "pdf")
    c.mark(id_card_man="ok", id_card_woman="defective", marriage_cert="ok", agreement="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="expired_id",
        note=f"女方身份证有效期至{woman.valid_to}，已过期；协议书为扫描PDF。",
    )


def lh_04(c: Ctx) -> dict:
    man, woman, no, married = _couple(c)
    front = c.photo(cards.id_front(man, c.rng), fill=0.7)
    again = c.same_again(front)
    back = c.photo(cards.id_back(man, c.rng), fill=0.7)
    c.doc([front, again, back], "id-card-man", **_idf(man))
    c.id_two(woman, "id-card-woman")
    _agreement(c, man, woman, no, married, "docx")
    c.mark(id_card_man="ok", id_card_woman="ok", agreement="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="same_photo_twice",
        note="男方人像面同一张照片传了两次；结婚证没有上传（缺）。",
    )


def lh_05(c: Ctx) -> dict:
    man, woman, no, married = _couple(c)
    man.printed_id = break_check(man.id_number)
    c.id_two(man, "id-card-man")
    c.id_two(woman, "id-card-woman")
    _marriage_photo(c, man, woman, no, married, "marriage-cert")
    _agreement(c, man, woman, no, married, "docx")
    c.mark(id_card_man="defective", id_card_woman="ok", marriage_cert="ok", agreement="ok")
    return dict(
        applicant=None,
        situations=[],
        pattern="wrong_check_character",
        note=f"男方身份证号码末位校验码错误（{man.printed_id}）。",
    )


def _idf(p: Person) -> dict:
    return {
        "name": p.name,
        "id_number": p.printed_id,
        "address": p.address,
        "valid_until": p.valid_until,
    }
