"""The outcome of a pre-review: one status per material, with reasons and what to do.

The JSON form carries everything a notice needs, so a stored result can be
rendered again later (jobs survive restarts) without the guide at hand.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field

from prereview.ids import mask_id_number

OK = "ok"
MISSING = "missing"
DEFECTIVE = "defective"
DEFERRABLE = "deferrable"  # 容缺: may be handed in later
WAIVED = "waived"  # 免提交: the office obtains it itself
NOT_APPLICABLE = "not_applicable"
OPTIONAL = "optional"
STATUSES = (OK, MISSING, DEFECTIVE, DEFERRABLE, WAIVED, NOT_APPLICABLE, OPTIONAL)

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

    def by_status(self, status: str) -> list[MaterialResult]:
        return [m for m in self.materials if m.status == status]

    def material(self, material_id: str) -> MaterialResult | None:
        return next((m for m in self.materials if m.id == material_id), None)

    def to_json(self, mask: bool = False) -> dict:
        """A JSON-able dict; ``mask`` hides ID numbers (for storage and logs)."""
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["questions"] = [{"situation": s, "question": q} for s, q in self.questions]
        return _mask(data) if mask else data

    @classmethod
    def from_json(cls, data: dict) -> ReviewResult:
        data = dict(data)
        data["date"] = dt.date.fromisoformat(data["date"])
        data["materials"] = [MaterialResult(**m) for m in data["materials"]]
        data["unrecognised"] = [FileNote(**f) for f in data.get("unrecognised", [])]
        data["file_warnings"] = [FileNote(**f) for f in data.get("file_warnings", [])]
        data["questions"] = [(q["situation"], q["question"]) for q in data.get("questions", [])]
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


def _mask(value):
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, list):
        return [_mask(v) for v in value]
    if isinstance(value, dict):
        return {k: _mask(v) for k, v in value.items()}
    return value
