"""Helpers shared by the case modules: applicants' forms, phones, dates."""

from __future__ import annotations

from datetime import date, timedelta

from tests.prereview.blind.ident import Company, Person
from tests.prereview.blind4 import texts, uploads
from tests.prereview.blind4.kit import Kit
from tests.prereview.blind4.papers import Hand, Sign

PHOTO_WAYS = ("table", "shadow", "curl")


def phone(k: Kit) -> str:
    return f"139{k.rng.randint(0, 9)}510{k.rng.randint(1000, 9999)}"


def days_ago(k: Kit, lo: int, hi: int) -> date:
    return k.today - timedelta(days=k.rng.randint(lo, hi))


def person_form(
    k: Kit,
    title: str,
    p: Person,
    how: str,
    material: str,
    signer: str | None = "self",
    extra: list | None = None,
    sign_label: str = "申请人（签名）：",
    style: str = "plain",
    addr_label: str = "现居住地址",
    traditional: bool = False,
) -> list[str]:
    """An application form about one person, hand-filled when photographed, typed otherwise."""
    hand = how not in ("docx", "text_pdf")
    tel = phone(k)
    rows = texts.person_rows(p, hand, tel, addr_label)
    for label, value in extra or []:
        rows.append([label, Hand(value) if hand else value, "", "", "", ""])
    who = p.name if signer == "self" else signer
    signed = days_ago(k, 0, 6)
    paper = texts.form(
        title,
        rows,
        [24, 42, 12, 14, 18, 36],
        Sign(sign_label, who, texts.date_text(signed, style) if who else None),
        body_role="tc" if traditional else "form",
    )
    fields = {"name": p.name, "id_number": p.printed_id, "address": p.address, "phone": tel}
    if who:
        fields.update(signature=True, issue_date=signed.isoformat())
    return uploads.paper(k, [paper], how, material, fields)


def company_form(
    k: Kit,
    title: str,
    co: Company,
    contact: Person,
    how: str,
    material: str,
    extra: list | None = None,
    signed_by_rep: bool = True,
    signer: str | None = None,
) -> list[str]:
    """An application form of a company: name, code, legal representative, address, phone."""
    hand = how not in ("docx", "text_pdf")
    tel = phone(k)

    def v(s: str):
        return Hand(s) if hand else s

    rows = [
        ["单位名称", v(co.name), "", ""],
        ["统一社会信用代码", v(co.printed_uscc), "法定代表人", v(co.legal_rep)],
        ["经营地址", v(co.address), "", ""],
        ["联系人", v(contact.name), "联系电话", v(tel)],
    ]
    for label, value in extra or []:
        rows.append([label, v(value), "", ""])
    signed = days_ago(k, 0, 8)
    paper = texts.form(
        title,
        rows,
        [30, 60, 24, 36],
        Sign(
            "法定代表人（签字）：",
            signer or (co.legal_rep if signed_by_rep else None),
            texts.date_text(signed, "plain"),
            seal=co.name,
        ),
    )
    fields = {
        "name": co.name,
        "uscc": co.printed_uscc,
        "legal_rep": co.legal_rep,
        "address": co.address,
        "phone": tel,
        "signature": True,
        "issue_date": signed.isoformat(),
    }
    return uploads.paper(k, [paper], how, material, fields)


def licence_fields(co: Company) -> dict:
    return {
        "name": co.name,
        "uscc": co.printed_uscc,
        "legal_rep": co.legal_rep,
        "address": co.address,
    }
