"""The checks of GUIDE_FORMAT.md, each failure worded for the citizen who must fix it.

Pure functions of a material, the fields read from its document and the review
date; nothing here reads files or runs OCR.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from knowledge import Material
from prereview._text import compact
from prereview.dates import format_date
from prereview.fields import Fields, is_organisation
from prereview.ids import Code

FIELD_LABELS = {
    "name": "姓名或名称",
    "id_number": "公民身份号码",
    "uscc": "统一社会信用代码",
    "date": "日期",
    "valid_until": "有效期限",
    "phone": "联系电话",
    "address": "地址",
    "legal_rep": "法定代表人",
    "signature": "签名或盖章",
}
READABLE_CHARS = 20  # fewer confidently read characters cannot be judged
UNSURE_SHARE = 0.35  # more text than this read unsurely: ask for a clearer copy


@dataclass(frozen=True)
class Evidence:
    """What the checks look at for one provided material."""

    fields: Fields
    readable_chars: int
    unsure_share: float


# Identity documents citizens call by a short name, and how each is renewed.
_RENEWAL = {
    "身份证": "请先到公安机关换领",
    "居住证": "请先办理居住证签注",
    "合同": "请提供续签后、在有效期内的合同",
}


def _kind(material: Material) -> str | None:
    return next((kind for kind in _RENEWAL if kind in material.name), None)


def _short(material: Material) -> str:
    """``法定代表人身份证件`` → ``身份证``; other materials keep their own name."""
    kind = _kind(material)
    return kind if kind in ("身份证", "居住证") else material.name


def _renew_advice(material: Material) -> str:
    kind = _kind(material)
    return _RENEWAL[kind] if kind else f"请提供有效期内的{material.name}"


def missing_fields(material: Material, fields: Fields) -> list[str]:
    wanted = material.recognize.fields if material.recognize else []
    problems = []
    for name in wanted:
        if fields.has(name):
            continue
        if name == "signature":
            problems.append(f"{material.name}未找到签名或盖章，请签字（盖章）后提交")
        else:
            problems.append(
                f"{material.name}上未能识别到{FIELD_LABELS[name]}，请确认文件完整、清晰"
            )
    return problems


def code_problems(material: Material, codes: list[Code]) -> list[str]:
    """ID numbers and USCCs that fail their check digits (typed wrong or misread)."""
    problems = []
    for code in codes:
        if code.valid:
            continue
        label = FIELD_LABELS[code.kind]
        if code.problem == "check_digit":
            problems.append(
                f"{material.name}上的{label}“{code.value}”校验位不正确，"
                "请核对号码，或重新拍摄清晰的照片"
            )
        elif code.problem == "birth_date":
            problems.append(f"{material.name}上的{label}“{code.value}”中出生日期无效，请核对号码")
        else:
            problems.append(
                f"{material.name}上的{label}“{code.value}”位数或格式不对，"
                "请核对号码，或重新拍摄清晰的照片"
            )
    return problems


def demanded_codes(material: Material, fields: Fields) -> list[Code]:
    """The codes whose check characters the material asks for: its ``recognize.fields``.

    ``id_number`` and ``uscc`` (GUIDE_FORMAT.md) are numbers with a valid check
    character; a material that does not ask for them (an application form that
    repeats the applicant's number) is not judged by them: the card that does ask
    carries the check.
    """
    wanted = set(material.recognize.fields if material.recognize else [])
    return [code for code in fields.id_numbers + fields.usccs if code.kind in wanted]


def check_not_expired(material: Material, fields: Fields, today: dt.date) -> str | None:
    validity = fields.validity
    if validity is None or (validity.end is None and not validity.long_term):
        return f"{material.name}上未能识别到有效期限，请确认证件在有效期内并重新拍摄清晰的照片"
    if validity.long_term or validity.end is None or validity.end >= today:
        return None
    verb = "到期" if _kind(material) == "合同" else "过期"
    return f"{_short(material)}已于{format_date(validity.end)}{verb}，{_renew_advice(material)}"


def check_issued_within(
    material: Material, fields: Fields, days: int, today: dt.date
) -> str | None:
    issued = fields.issue_date
    if issued is None:
        return f"{material.name}上未能识别到出具日期，请确认日期清晰可见"
    if (today - issued).days > days:
        return (
            f"{material.name}的出具日期为{format_date(issued)}，已超过{days}天，"
            f"请提供{days}天内出具的{material.name}"
        )
    return None


def same_name(a: str, b: str) -> bool:
    """Same person or organisation: Traditional/Simplified and spacing ignored."""
    a, b = compact(a), compact(b)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 4 and shorter in longer


def check_names_match(material: Material, fields: Fields, applicants: list[str]) -> str | None:
    """The holder is one of ``applicants`` (the applicant and who acts for it).

    A person's document cannot be judged against an organisation whose legal
    representative is unknown (no application form yet): that is not a mismatch.
    A sole trader's licence (个体工商户) is the 经营者's: the shop name (名称) and
    the operator both name its holder. A name only signed by hand (承诺人（签字）)
    is no holder read: OCR of handwriting never contradicts the applicant.
    """
    if not applicants or fields.holder is None:
        return None
    held_by = [fields.holder, *([fields.operator] if fields.operator else [])]
    if any(same_name(holder, name) for holder in held_by for name in applicants):
        return None
    if not is_organisation(fields.holder) and all(is_organisation(n) for n in applicants):
        return None
    label = fields.holder_label or "姓名"
    return (
        f"{material.name}上的{label}“{fields.holder}”与申请人“{applicants[0]}”不一致，"
        "请提交申请人本人的材料"
    )


def check_readable(material: Material, evidence: Evidence) -> str | None:
    if evidence.readable_chars < READABLE_CHARS or evidence.unsure_share > UNSURE_SHARE:
        return f"{material.name}部分内容模糊不清，请在光线充足处重新拍摄清晰、完整、无反光的照片"
    return None


def _dated_problem(material: Material, check: str, fields: Fields, today: dt.date) -> str | None:
    """The problem a dated check (``not_expired``, ``issued_within_days:N``) finds, else None."""
    if check == "not_expired":
        return check_not_expired(material, fields, today)
    if check.startswith("issued_within_days:"):
        return check_issued_within(material, fields, int(check.split(":")[1]), today)
    return None


def _shows_date(check: str, fields: Fields) -> bool:
    """Whether ``fields`` carry the date ``check`` judges (an end of validity, an issue date)."""
    if check == "not_expired":
        validity = fields.validity
        return bool(validity and validity.end and not validity.long_term)
    return check.startswith("issued_within_days:") and fields.issue_date is not None


def dated_checks_each(
    material: Material, people: list[Fields], today: dt.date
) -> list[tuple[str, str]]:
    """Expiry and issue-date failures of each person's own document in a shared material.

    A material made of several people's documents (共同生活家庭成员的居民身份证) is
    judged on their fields merged, and a merge keeps the latest validity: one
    member's expired card would hide behind the others'. Each person's card must
    be in date on its own (expiry first, then issue dates; the first failure is
    said). (holder, problem) for each failure.
    """
    if len(people) < 2:
        return []
    problems = []
    for fields in people:
        checks = sorted(material.checks, key=lambda check: check != "not_expired")
        found = (
            _dated_problem(material, c, fields, today) for c in checks if _shows_date(c, fields)
        )
        if problem := next((p for p in found if p), None):
            problems.append((fields.holder, problem))
    return problems


def run_checks(
    material: Material, evidence: Evidence, today: dt.date, applicants: list[str]
) -> list[str]:
    """Every problem of one provided material; empty when it passes."""
    fields = evidence.fields
    problems: list[str] = []
    if "readable" in material.checks and (problem := check_readable(material, evidence)):
        problems.append(problem)
    problems += missing_fields(material, fields)
    problems += code_problems(material, demanded_codes(material, fields))
    for check in material.checks:
        problem = None
        if check == "not_expired":
            wanted = material.recognize.fields if material.recognize else []
            if "valid_until" in wanted and not fields.has("valid_until"):
                continue  # already reported as a missing field
            problem = _dated_problem(material, check, fields, today)
        elif check == "names_match":
            problem = check_names_match(material, fields, applicants)
        else:
            problem = _dated_problem(material, check, fields, today)
        if problem:
            problems.append(problem)
    return problems
