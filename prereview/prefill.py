"""一表申请: the fields read off each uploaded document, and the forms filled from them.

Two steps, both pure. ``read_documents`` turns the assembled documents of a
review into ``DocumentRead`` entries (the contract the result's JSON carries).
``prefill`` fills each form material's declared fields (``Material.form_fields``)
from those documents and from what the applicant typed.

Nothing is guessed: a field takes a value only from a document that carries it
(or the applicant's own typing); when its sources disagree, or an ID number or
USCC fails its check character, the field stays blank with a note, so that the
applicant fills it by hand rather than signs a wrong value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from knowledge import Guide, Material
from knowledge.schema import FORM_KEYS, FormField
from prereview._text import compact
from prereview.assemble import Piece
from prereview.dates import format_date
from prereview.doctypes import TYPES
from prereview.fields import is_organisation
from prereview.ids import check_id_number, check_uscc, normalize_id_number, normalize_uscc
from prereview.result import (
    NOT_APPLICABLE,
    DocumentRead,
    MaterialResult,
    PrefillField,
    PrefillForm,
    ReviewResult,
)

TYPED = "申请人填写"  # the source named for a value the applicant typed
DISAGREE = "{sources}所载不一致，请核对后填写"
INVALID_CODE = {
    "id_number": "证件号码未通过校验，请核对后填写",
    "uscc": "统一社会信用代码未通过校验，请核对后填写",
}
# Without ``from``, a key is read from the document kinds that carry it as their own:
# a person's particulars from the ID card, a business's from its licence or its premises' lease.
DEFAULT_KINDS: dict[str, tuple[str, ...]] = {
    "name": ("id-card",),
    "id_number": ("id-card",),
    "sex": ("id-card",),
    "birth_date": ("id-card",),
    "ethnicity": ("id-card",),
    "address": ("id-card",),
    "company_name": ("business-licence",),
    "uscc": ("business-licence",),
    "legal_rep": ("business-licence",),
    "business_address": ("business-licence", "lease", "property-certificate"),
}
# An address ends where the sentence does: 坐落：某路1号，建筑面积86平方米。
_ADDRESS_END = re.compile(r"[,，;；。]")
_SIDE_NOTE = re.compile(r"（[^）]*面）$")


# -- documents -----------------------------------------------------------------------------


def _first_code(codes: list, check) -> str | None:
    """The first valid code, else the first read (a wrong check character is still read)."""
    valid = [c.value for c in codes if check(c.value)]
    return valid[0] if valid else (codes[0].value if codes else None)


def clean_address(text: str) -> str:
    """The address alone, without the rest of its sentence."""
    return _ADDRESS_END.split(text, maxsplit=1)[0].strip()


def piece_fields(piece: Piece) -> dict[str, str | bool]:
    """The contract fields (``result.DOCUMENT_FIELDS``) read off one document."""
    f = piece.fields
    out: dict[str, str | bool] = {}
    if f.holder:
        out["name"] = f.holder
    if number := _first_code(f.id_numbers, check_id_number):
        out["id_number"] = number
    if code := _first_code(f.usccs, check_uscc):
        out["uscc"] = code
    if f.legal_rep or f.operator:  # a sole trader's 经营者 stands where a 法定代表人 would
        out["legal_rep"] = f.legal_rep or f.operator
    if f.ethnicity:
        out["ethnicity"] = f.ethnicity
    if f.address and (address := clean_address(f.address)):
        out["address"] = address
    if f.phones:
        out["phone"] = f.phones[0]
    if f.issue_date:
        out["issue_date"] = f.issue_date.isoformat()
    if f.validity and f.validity.long_term:
        out["valid_until"] = "长期"
    elif f.validity and f.validity.end:
        out["valid_until"] = f.validity.end.isoformat()
    out["signature"] = f.has("signature")
    return out


def _files(piece: Piece, names: list[str]) -> list[str]:
    """The uploads a document came from, in upload order (labels carry page notes)."""
    used = {part.file for part in piece.parts} | {piece.file}
    labels = piece.labels or [piece.label]
    for name in names:
        if any(label == name or label.startswith(f"{name}（") for label in labels):
            used.add(name)
    ordered = [n for n in names if n in used]
    return ordered or sorted(used)


def read_documents(
    pieces: list[Piece],
    assigned: Mapping[str, list[Piece]],
    names: list[str],
    materials: list[MaterialResult],
) -> list[DocumentRead]:
    """One entry per assembled document, with the material it filled and its fields.

    An unreadable document has no type and no fields; it names the material it
    was taken to be when the review placed it there.
    """
    filled = {id(p): material_id for material_id, ps in assigned.items() for p in ps}
    documents = []
    for piece in pieces:
        material = filled.get(id(piece))
        if material is None and piece.problem:
            material = next((m.id for m in materials if piece.label in m.files), None)
        documents.append(
            DocumentRead(
                files=_files(piece, names),
                type=piece.doctype.kind if piece.doctype else None,
                material=material,
                fields={} if piece.problem else piece_fields(piece),
            )
        )
    return documents


# -- values --------------------------------------------------------------------------------


def type_name(kind: str | None) -> str | None:
    """A document kind as applicants call it: 居民身份证, 营业执照."""
    doctype = next((t for t in TYPES if t.kind == kind), None)
    return _SIDE_NOTE.sub("", doctype.name) if doctype else None


def source_label(document: DocumentRead, guide: Guide) -> str:
    """居民身份证（upload_1.jpg、upload_2.jpg）: what the document is and which uploads."""
    material = guide.material(document.material) if document.material else None
    name = type_name(document.type) or (material.name if material else "上传文件")
    return f"{name}（{'、'.join(document.files)}）"


def _id_derived(number: str, key: str) -> str:
    """Sex or birth date from a valid ID number (GB 11643: digits 7-14, parity of the 17th)."""
    if key == "sex":
        return "男" if int(number[16]) % 2 else "女"
    return format_date(dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14])))


def document_value(document: DocumentRead, key: str) -> tuple[str | None, str | None]:
    """(value, note) of ``key`` on one document; the note when a code fails its check."""
    fields = document.fields
    if key in ("id_number", "sex", "birth_date"):
        raw = fields.get("id_number")
        if not isinstance(raw, str):
            return None, None
        if not check_id_number(raw):
            return None, INVALID_CODE["id_number"]
        number = normalize_id_number(raw)
        return (number if key == "id_number" else _id_derived(number, key)), None
    if key == "uscc":
        raw = fields.get("uscc")
        if not isinstance(raw, str):
            return None, None
        return (normalize_uscc(raw), None) if check_uscc(raw) else (None, INVALID_CODE["uscc"])
    source_key = {"business_address": "address", "company_name": "name"}.get(key, key)
    value = fields.get(source_key)
    if not isinstance(value, str) or not value:
        return None, None
    if key == "name" and is_organisation(value):
        return None, None  # an organisation's name is its company_name, not a person's
    if key == "company_name" and not is_organisation(value):
        return None, None
    return value, None


def typed_value(key: str, value: str) -> tuple[str | None, str | None]:
    """A typed value as it may fill ``key``: codes must pass their check too."""
    value = value.strip()
    if key == "id_number":
        ok = check_id_number(value)
        return (normalize_id_number(value), None) if ok else (None, INVALID_CODE[key])
    if key == "uscc":
        return (normalize_uscc(value), None) if check_uscc(value) else (None, INVALID_CODE[key])
    return (value or None), None


def _sources(
    field: FormField, guide: Guide, documents: list[DocumentRead]
) -> Iterable[DocumentRead]:
    """The documents a field may be read from: those its ``from`` names, else its key's kinds."""
    if not field.from_:
        kinds = DEFAULT_KINDS.get(field.key, ())
        return (d for d in documents if d.type in kinds)
    materials = {name for name in field.from_ if guide.material(name) is not None}
    kinds = set(field.from_) - materials
    return (d for d in documents if d.material in materials or d.type in kinds)


def fill_field(
    field: FormField, guide: Guide, documents: list[DocumentRead], typed: Mapping[str, str]
) -> PrefillField:
    """One form field: the value every source agrees on, naming them all; else blank."""
    found: list[tuple[str, str]] = []  # (value, source)
    notes: list[str] = []
    for document in _sources(field, guide, documents):
        value, note = document_value(document, field.key)
        if value:
            found.append((value, source_label(document, guide)))
        elif note:
            notes.append(note)
    if field.from_ is None and typed.get(field.key):
        value, note = typed_value(field.key, typed[field.key])
        if value:
            found.append((value, TYPED))
        elif note:
            notes.append(note)
    result = PrefillField(field.label, field.key)
    if len({compact(v) for v, _ in found}) > 1:
        sources = "、".join(dict.fromkeys(s for _, s in found))
        result.note = DISAGREE.format(sources=sources)
    elif found:
        result.value = found[0][0]
        result.source = "、".join(dict.fromkeys(s for _, s in found))
    elif notes:
        result.note = notes[0]
    return result


def prefill(
    guide: Guide,
    documents: list[DocumentRead],
    typed: Mapping[str, str] | None = None,
    materials: Iterable[str] | None = None,
) -> list[PrefillForm]:
    """Every form material of ``guide`` with declared fields (those in ``materials`` if
    given), filled from ``documents`` and the ``typed`` values (key → value)."""
    wanted = set(materials) if materials is not None else None
    forms = []
    for material in guide.materials:
        if not material.form_fields or (wanted is not None and material.id not in wanted):
            continue
        forms.append(_form(material, guide, documents, typed or {}))
    return forms


def _form(
    material: Material, guide: Guide, documents: list[DocumentRead], typed: Mapping[str, str]
) -> PrefillForm:
    fields = [fill_field(f, guide, documents, typed) for f in material.form_fields]
    return PrefillForm(material.id, material.name, fields)


def parse_typed(pairs: Iterable[str]) -> dict[str, str]:
    """``KEY=VALUE`` pairs the applicant typed → a dict; an unknown key is a clear error."""
    typed: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or key not in FORM_KEYS:
            raise ValueError(f"无法识别“{pair}”：请写作 栏目=值，栏目可选 {'、'.join(FORM_KEYS)}")
        if value.strip():
            typed[key] = value.strip()
    return typed


def fill_result(
    result: ReviewResult, guide: Guide, typed: Mapping[str, str] | None = None
) -> ReviewResult:
    """Set ``result.prefill``: the forms of the materials that apply to this application."""
    applicable = [m.id for m in result.materials if m.status != NOT_APPLICABLE]
    result.prefill = prefill(guide, result.documents, typed, applicable)
    return result
