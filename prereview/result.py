"""The outcome of a pre-review: one status per material, with reasons and what to do.

The JSON form carries everything a notice needs, so a stored result can be
rendered again later (jobs survive restarts) without the guide at hand.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from prereview.fields import is_organisation
from prereview.ids import mask_id_number

OK = "ok"
MISSING = "missing"
DEFECTIVE = "defective"
DEFERRABLE = "deferrable"  # 容缺: may be handed in later
WAIVED = "waived"  # 免提交: the office obtains it itself
NOT_APPLICABLE = "not_applicable"
OPTIONAL = "optional"
STATUSES = (OK, MISSING, DEFECTIVE, DEFERRABLE, WAIVED, NOT_APPLICABLE, OPTIONAL)
# Each status in the words of a notice or a clerk's screen.
STATUS_WORDS = {
    OK: "已通过",
    DEFECTIVE: "需补正",
    MISSING: "缺少",
    DEFERRABLE: "可容缺后补",
    WAIVED: "无需提交",
    OPTIONAL: "选择提交",
    NOT_APPLICABLE: "不适用",
}

# Digit runs as long as an ID number (15 to 18 characters, last may be X).
_LONG_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{14,17}[\dXx](?![0-9A-Za-z])")


def mask_text(text: str) -> str:
    """Every ID-number-like run masked: ``110101********1234``."""
    return _LONG_NUMBER.sub(lambda m: mask_id_number(m.group(0)), text)


@dataclass
class MaterialResult:
    id: str
    name: str
    status: str
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    advice: str = ""  # what the applicant should do, in a sentence or two
    group: str | None = None  # one_of group: alternatives shown together
    situations: list[str] = field(default_factory=list)  # applies only in these 办事情形


@dataclass
class FileNote:
    """A file that filled no material (unrecognised or unreadable), and why."""

    name: str
    reason: str


# Keys of ``DocumentRead.fields``: a contract (scorers compare them with their truth).
DOCUMENT_FIELDS = (
    "name", "id_number", "uscc", "legal_rep", "address", "phone",
    "issue_date", "valid_until", "signature", "ethnicity",
)  # fmt: skip


@dataclass
class DocumentRead:
    """One assembled document and the fields read off it (each key only when read).

    ``files`` are the uploads it came from (two photos of one ID card), ``type`` a
    document kind of ``prereview.doctypes``, ``material`` the material it filled.
    Dates are ``YYYY-MM-DD``; ``valid_until`` may be ``长期``; ``signature`` a bool.
    """

    files: list[str]
    type: str | None = None
    material: str | None = None
    fields: dict[str, str | bool] = field(default_factory=dict)


@dataclass
class PrefillField:
    """One field of a form (一表申请): the value and the document it came from, or blank.

    ``note`` says why a field stays blank when sources exist (they disagree, a code
    fails its check); it never repeats the values.
    """

    label: str
    key: str
    value: str | None = None
    source: str | None = None
    note: str | None = None


@dataclass
class PrefillForm:
    """The fields of one form material, pre-filled from the uploads."""

    material: str
    name: str
    fields: list[PrefillField] = field(default_factory=list)


@dataclass
class ReviewResult:
    item: str
    item_name: str
    department: str
    date: dt.date
    number: str  # 告知书编号
    applicant: str | None
    complete: bool
    materials: list[MaterialResult]
    unrecognised: list[FileNote] = field(default_factory=list)
    questions: list[tuple[str, str]] = field(default_factory=list)  # (situation id, question)
    situations: dict[str, bool | None] = field(default_factory=dict)
    file_warnings: list[FileNote] = field(default_factory=list)
    locations: list[dict] = field(default_factory=list)
    time_limit: str | None = None
    fees: str | None = None
    online_url: str | None = None
    documents: list[DocumentRead] = field(default_factory=list)
    prefill: list[PrefillForm] = field(default_factory=list)

    def by_status(self, status: str) -> list[MaterialResult]:
        return [m for m in self.materials if m.status == status]

    def material(self, material_id: str) -> MaterialResult | None:
        return next((m for m in self.materials if m.id == material_id), None)

    def to_json(self, mask: bool = False) -> dict:
        """A JSON-able dict; ``mask`` hides ID numbers (for storage and logs)."""
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["questions"] = [{"situation": s, "question": q} for s, q in self.questions]
        if not mask:
            return data
        for document in data["documents"]:
            document["fields"] = {k: mask_value(k, v) for k, v in document["fields"].items()}
        for form in data["prefill"]:
            for item in form["fields"]:
                item["value"] = mask_value(item["key"], item["value"])
        return _mask(data)

    @classmethod
    def from_json(cls, data: dict) -> ReviewResult:
        data = dict(data)
        data["date"] = dt.date.fromisoformat(data["date"])
        data["materials"] = [MaterialResult(**m) for m in data["materials"]]
        data["unrecognised"] = [FileNote(**f) for f in data.get("unrecognised", [])]
        data["file_warnings"] = [FileNote(**f) for f in data.get("file_warnings", [])]
        data["questions"] = [(q["situation"], q["question"]) for q in data.get("questions", [])]
        data["documents"] = [DocumentRead(**d) for d in data.get("documents", [])]
        data["prefill"] = [
            PrefillForm(f["material"], f["name"], [PrefillField(**x) for x in f.get("fields", [])])
            for f in data.get("prefill", [])
        ]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


_PERSON_KEYS = ("name", "legal_rep")


def mask_value(key: str, value: object) -> object:
    """A field's value with personal data hidden: ID numbers, phones, names, home addresses.

    ``张三`` → ``张*``, ``13912345678`` → ``139****5678``, an address past its first
    six characters → ``****``; an organisation's name is public and kept.
    """
    if not isinstance(value, str) or not value:
        return value
    if key == "id_number":
        return mask_id_number(value)
    if key == "phone":
        return value[:3] + "*" * (len(value) - 7) + value[-4:] if len(value) > 7 else "****"
    if key in _PERSON_KEYS and not is_organisation(value):
        return value[0] + "*" * (len(value) - 1)
    if key == "address":
        return value[:6] + "****"
    return value


def _mask(value):
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, list):
        return [_mask(v) for v in value]
    if isinstance(value, dict):
        return {k: _mask(v) for k, v in value.items()}
    return value
