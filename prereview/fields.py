"""Fields a document shows (GUIDE_FORMAT.md ``recognize.fields``), read from its rows.

Works on normalised rows (Simplified, half-width), so Traditional documents and
full-width digits give the same fields. Pure functions: no I/O, no OCR.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from prereview._text import normalize
from prereview.dates import FoundDate, Validity, find_dates, find_validity, fix_digits
from prereview.ids import Code, find_codes

# Labels naming the holder of a document, most specific first (GUIDE_FORMAT.md names_match).
HOLDER_LABELS = (
    "申请人", "承租方", "承租人", "委托人", "委托方", "经营者", "权利人", "缴存人", "参保人",
    "职工姓名", "姓名", "企业名称", "公司名称", "单位名称", "名称",
)  # fmt: skip
_STOP = (
    "性别|民族|出生|住址|地址|住所|公民|身份|电话|手机|联系|签名|签字|签章|盖章|日期|年龄|籍贯|职务|"
    "证件|号码|代码|法定|类型|注册|成立|营业|期限|金额|租金|面积|用途|甲方|乙方|单位|编号|性质|婚姻"
)
_STOP_RE = re.compile(_STOP)
_LEAD = r"(?:^|(?<=[\s,;:。(]))"
_PAREN = r"(?:\s*\([^)]{0,10}\))?"
_VALUE = r"\s*:?\s*(?P<value>[\u4e00-\u9fff·()A-Za-z0-9]+)"
# Labels that are also the tail of other labels (联系人姓名, 被申请人) must start a phrase.
_LOOSE_LABELS = (
    "承租方",
    "承租人",
    "权利人",
    "缴存人",
    "参保人",
    "企业名称",
    "公司名称",
    "单位名称",
)
_HOLDER_RE = re.compile(
    r"(?:(?:^|(?<=[\s,;:。(]))(?:[甲乙丙]方\s*\(\s*)?(?P<label>"
    + "|".join(label for label in HOLDER_LABELS if label not in _LOOSE_LABELS)
    + r")|(?P<loose>"
    + "|".join(_LOOSE_LABELS)
    + r"))(?:姓名|名称)?(?:\s*\))?"
    + _PAREN
    + _VALUE
)
# 名称 printed letter-spaced on licences; OCR may keep only its last character.
_SPACED_NAME_RE = re.compile(
    r"(?:^|\s)(?:名\s*)?称\s*:?\s*(?P<value>[\u4e00-\u9fff()]{4,38}?(?:公司|中心|合作社|厂|店|院|会))"
)
_LEGAL_REP_RE = re.compile(_LEAD + r"(?:法定代表人|负责人)(?:姓名)?" + _PAREN + _VALUE)
_ADDRESS_RE = re.compile(
    _LEAD
    + r"(?:住址|住所|地址|经营场所|房屋坐落|坐落)(?:地址)?"
    + _PAREN
    + r"\s*:?\s*(?P<value>\S.{3,})"
)
_PHONE_RE = re.compile(r"(?<![\dA-Za-z])(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?![\dA-Za-z])")
_SIGNATURE_RE = re.compile(r"签名|签字|签章|盖章|签署|\(签\)")
_ISSUE_LABEL = re.compile(
    r"(?:签发|发证|体检|签订|签约|签署|出具|申请|填表|填报|开具|登记|核发|出证)日期|日期"
)
_BIRTH = re.compile(r"出生")
_ORG_SUFFIX = re.compile(r"(公司|中心|店|厂|社|所|局|部|馆|行|院|会|站|队|场|处)$")


@dataclass
class Fields:
    """What one document shows. Codes keep their problems; dates are sorted."""

    holder: str | None = None
    holder_label: str | None = None
    legal_rep: str | None = None
    id_numbers: list[Code] = field(default_factory=list)
    usccs: list[Code] = field(default_factory=list)
    dates: list[dt.date] = field(default_factory=list)
    issue_date: dt.date | None = None
    validity: Validity | None = None
    phones: list[str] = field(default_factory=list)
    address: str | None = None
    signature: bool = False

    def has(self, name: str) -> bool:
        """Whether the field called ``name`` in GUIDE_FORMAT.md was found."""
        validity = self.validity
        return {
            "name": self.holder is not None,
            "id_number": bool(self.id_numbers),
            "uscc": bool(self.usccs),
            "date": bool(self.dates),
            "valid_until": validity is not None
            and (validity.end is not None or validity.long_term),
            "phone": bool(self.phones),
            "address": self.address is not None,
            "legal_rep": self.legal_rep is not None,
            "signature": self.signature,
        }.get(name, False)


def is_organisation(name: str) -> bool:
    """An organisation's name (示范市青禾科技有限公司) rather than a person's (张三)."""
    return len(name) > 5 and _ORG_SUFFIX.search(name) is not None


def _clean_name(value: str) -> str | None:
    """The name at the start of ``value``, cut where the next label begins."""
    stop = _STOP_RE.search(value)
    if stop:
        value = value[: stop.start()]
    value = value.strip("()·")
    if not value or not re.search(r"[\u4e00-\u9fff]", value):
        return None
    if _ORG_SUFFIX.search(value) and len(value) <= 40:
        return value
    if len(value) > 6 and "·" not in value:
        return value[:4] if re.fullmatch(r"[\u4e00-\u9fff]+", value[:4]) else None
    return value


def find_holder(rows: list[str]) -> tuple[str | None, str | None]:
    """(label, name) of the document's holder: the most specific holder label found."""
    best: tuple[int, str, str] | None = None
    for row in rows:
        for match in _HOLDER_RE.finditer(row):
            name = _clean_name(match.group("value"))
            if name is None:
                continue
            label = match.group("label") or match.group("loose")
            rank = HOLDER_LABELS.index(label)
            if best is None or rank < best[0]:
                best = (rank, label, name)
    if best:
        return best[1], best[2]
    for row in rows:
        if match := _SPACED_NAME_RE.search(row):
            return "名称", match.group("value")
    return None, None


def _issue_date(rows: list[str], validity: Validity | None) -> dt.date | None:
    """The labelled issue/signing date, else the newest date that ends no validity range."""
    labelled: list[dt.date] = []
    others: list[dt.date] = []
    ends = {validity.end} if validity and validity.end else set()
    for row in rows:
        fixed = fix_digits(row)
        if _BIRTH.search(fixed):
            continue
        row_validity = find_validity(fixed)
        for found in find_dates(fixed):
            if row_validity and found.date == row_validity.end:
                continue
            if _ISSUE_LABEL.search(fixed[max(0, found.start - 10) : found.start]):
                labelled.append(found.date)
            elif found.date not in ends:
                others.append(found.date)
    if labelled:
        return max(labelled)
    return max(others) if others else None


def extract_fields(rows: list[str]) -> Fields:
    """Every field of GUIDE_FORMAT.md found in the rows of a document."""
    rows = [normalize(row) for row in rows if row.strip()]
    fields = Fields()
    fields.holder_label, fields.holder = find_holder(rows)
    found_dates: list[FoundDate] = []
    validities: list[Validity] = []
    for row in rows:
        for code in find_codes(row):
            (fields.id_numbers if code.kind == "id_number" else fields.usccs).append(code)
        found_dates.extend(find_dates(row))
        validity = find_validity(row)
        if validity:
            validities.append(validity)
        fields.phones.extend(_PHONE_RE.findall(row.replace(" ", "")))
        if fields.legal_rep is None and (match := _LEGAL_REP_RE.search(row)):
            fields.legal_rep = _clean_name(match.group("value"))
        if fields.address is None and (match := _ADDRESS_RE.search(row)):
            fields.address = match.group("value").strip()
        fields.signature = fields.signature or _SIGNATURE_RE.search(row) is not None
    fields.dates = sorted({d.date for d in found_dates})
    labelled = [v for v in validities if v.labelled]
    fields.validity = (labelled or validities or [None])[-1]
    fields.issue_date = _issue_date(rows, fields.validity)
    return fields
