"""Pydantic models of a service guide (办事指南), exactly as ``shared/GUIDE_FORMAT.md``.

The models are strict: an unknown field is an error, so that a typo in a staff
member's YAML never silently drops data. Values of the fixed lists may be
written in Traditional characters and are stored in their Simplified form.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

import zhconv
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator

SLUG = r"^[a-z0-9][a-z0-9-]*$"  # item ids: lower-case letters, digits, hyphens
LOCAL_SLUG = r"^[a-z0-9][a-z0-9_-]*$"  # ids inside an item may also use "_" (lease_or_deed)

CATEGORIES = ("社会民生类", "市场准入类", "人社服务类", "投资建设类", "其他")
ITEM_TYPES = ("行政许可", "行政确认", "行政给付", "公共服务", "其他")
HANDLINGS = ("即办件", "承诺件")
FORMS = ("原件", "复印件", "原件及复印件", "电子件")
UNITS = ("工作日", "自然日")

RECOGNIZE_FIELDS = (
    "name",
    "id_number",
    "uscc",
    "date",
    "valid_until",
    "phone",
    "address",
    "legal_rep",
    "signature",
)
CHECK_PATTERN = re.compile(r"^(not_expired|names_match|readable|issued_within_days:[1-9]\d*)$")


def _simplified(value: object) -> object:
    """Map a Traditional spelling of a fixed-list value to its Simplified form."""
    if isinstance(value, str):
        return zhconv.convert(value.strip(), "zh-cn")
    return value


def _text(value: object) -> object:
    """Accept numbers where free text is expected (``fees: 0``, ``phone: 12345``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Category = Annotated[Literal[CATEGORIES], BeforeValidator(_simplified)]
ItemType = Annotated[Literal[ITEM_TYPES], BeforeValidator(_simplified)]
Handling = Annotated[Literal[HANDLINGS], BeforeValidator(_simplified)]
Form = Annotated[Literal[FORMS], BeforeValidator(_simplified)]
Unit = Annotated[Literal[UNITS], BeforeValidator(_simplified)]
Text = Annotated[str, BeforeValidator(_text)]
Slug = Annotated[str, Field(pattern=SLUG, max_length=80)]
LocalSlug = Annotated[str, Field(pattern=LOCAL_SLUG, max_length=80)]


def _as_list(value: object) -> object:
    """``situation: agent`` and ``situation: [agent, other]`` mean the same."""
    return [value] if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Situation(_Strict):
    """A 办事情形: a circumstance of the applicant that changes the materials list."""

    id: LocalSlug
    label: Text = Field(min_length=1)
    question: Text | None = None


class Recognize(_Strict):
    """Hints for pre-review: which words identify the document, which fields it must show."""

    keywords: list[Text] = Field(default_factory=list)
    fields: list[Literal[RECOGNIZE_FIELDS]] = Field(default_factory=list)


class Material(_Strict):
    """One material (申请材料) of an item, with its 容缺 / 免提交 / 办事情形 flags."""

    id: LocalSlug
    name: Text = Field(min_length=1)
    required: bool = True
    deferrable: bool = False  # 容缺受理: may be handed in later
    shared: bool = False  # 免提交: the office obtains it itself
    form: Form | None = None
    copies: int | None = Field(default=None, ge=0)
    situation: Annotated[list[LocalSlug] | None, BeforeValidator(_as_list)] = None
    one_of: LocalSlug | None = None
    notes: Text | None = None
    template: Text | None = None
    recognize: Recognize | None = None
    checks: list[str] = Field(default_factory=list)

    @field_validator("checks")
    @classmethod
    def _known_checks(cls, checks: list[str]) -> list[str]:
        for check in checks:
            if not CHECK_PATTERN.match(check):
                raise ValueError(
                    f"未知的检查项 {check!r}；可用: not_expired, issued_within_days:N, "
                    "names_match, readable"
                )
        return checks

    @property
    def situations(self) -> list[str]:
        """The situations this material applies in; empty means always."""
        return list(self.situation or [])


class TimeLimit(_Strict):
    statutory: int | None = Field(default=None, ge=0)  # 法定办结时限
    promised: int | None = Field(default=None, ge=0)  # 承诺办结时限
    unit: Unit = "工作日"


class Location(_Strict):
    name: Text = Field(min_length=1)
    address: Text | None = None
    hours: Text | None = None
    phone: Text | None = None


class Faq(_Strict):
    q: Text = Field(min_length=1)
    a: Text = Field(min_length=1)


class Guide(_Strict):
    """A service item (政务服务事项) and its guide."""

    id: Slug
    code: Text | None = None
    name: Text = Field(min_length=1)
    aliases: list[Text] = Field(default_factory=list)
    department: Text = Field(min_length=1)
    category: Category | None = None
    type: ItemType | None = None
    handling: Handling | None = None
    basis: list[Text] = Field(default_factory=list)
    conditions: Text | None = None
    situations: list[Situation] = Field(default_factory=list)
    materials: list[Material]
    time_limit: TimeLimit | None = None
    fees: Text | None = None
    visits: int | None = Field(default=None, ge=0)
    online_url: Text | None = None
    locations: list[Location] = Field(default_factory=list)
    process: list[Text] = Field(default_factory=list)
    results: list[Text] = Field(default_factory=list)
    faq: list[Faq] = Field(default_factory=list)
    updated: dt.date | None = None

    def material(self, material_id: str) -> Material | None:
        return next((m for m in self.materials if m.id == material_id), None)

    def situation(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)

    def to_data(self) -> dict:
        """The canonical JSON-able form kept in the database (defaults left out)."""
        return self.model_dump(mode="json", exclude_defaults=True)
