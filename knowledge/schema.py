"""Pydantic models of a service guide (办事指南), as ``shared/GUIDE_FORMAT.md`` plus additions.

The models are strict: an unknown field is an error, so that a typo in a staff
member's YAML never silently drops data. Values of the fixed lists may be
written in Traditional characters and are stored in their Simplified form.

The optional additions (``docs/guide-format-additions.md``) accept the values
real published guides carry — 办件类型 "即办件、承诺件", 材料形式 "原件 复印件",
份数 "1份", time limits written "即时办结" — and store them in one canonical
form, so that every file valid under the contract still imports unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

import zhconv
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

SLUG = r"^[a-z0-9][a-z0-9-]*$"  # item ids: lower-case letters, digits, hyphens
LOCAL_SLUG = r"^[a-z0-9][a-z0-9_-]*$"  # ids inside an item may also use "_" (lease_or_deed)

CATEGORIES = ("社会民生类", "市场准入类", "人社服务类", "投资建设类", "其他")
ITEM_TYPES = ("行政许可", "行政确认", "行政给付", "公共服务", "其他")
HANDLINGS = ("即办件", "承诺件", "即办件、承诺件")  # the last: differs by situation
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

# What a form field (表单栏目) holds: a small fixed vocabulary, so that pre-review can fill it.
FORM_KEYS = (
    "name",  # 姓名 of a person
    "id_number",  # 公民身份号码
    "sex",  # 性别
    "birth_date",  # 出生日期
    "ethnicity",  # 民族
    "address",  # 住址 (of a person, as on the ID card)
    "phone",  # 联系电话
    "company_name",  # 单位 / 企业 / 个体工商户名称
    "uscc",  # 统一社会信用代码
    "legal_rep",  # 法定代表人 / 负责人
    "business_address",  # 经营场所 / 住所 of a business
    "date",  # 填表 / 申请日期
)
DOCUMENT_TYPES = (
    "id-card", "business-licence", "bank-account", "hukou", "marriage",
    "social-security-card", "driving-licence", "property-certificate",
    "birth-certificate", "lease", "power-of-attorney", "termination",
    "health-certificate", "residence-permit", "form",
    # Added 2026-12-01 (third part): documents real upload sets carry beside the cards.
    "photo", "passport", "skill-certificate", "practising-certificate", "diploma",
    "education-report", "inspection-report", "medical-record", "labour-contract",
    "floor-plan", "consent", "letter",
)  # fmt: skip


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


_SEPARATORS = re.compile(r"[\s、，,/／;；+＋和及与或]+")
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_CN_DIGITS |= {"八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3}


def chinese_number(text: str) -> int | None:
    """``"3"``, ``"三"``, ``"十五"``, ``"二十"`` → the number; anything else → None."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def normalise_form(value: object) -> object:
    """材料形式 as guides write it → one of ``FORMS``; unknown text is left for the error.

    "原件 复印件", "原件、复印件", "原件和复印件", "验原件交复印件" all mean the applicant
    brings both; "电子版" and "电子证照" mean 电子件; "纸质原件" is 原件.
    """
    if not isinstance(value, str):
        return value
    text = zhconv.convert(value.strip(), "zh-cn")
    if text in FORMS:
        return text
    compact = _SEPARATORS.sub("", text).replace("纸质", "").replace("纸本", "")
    if "或" in text:
        return text  # 原件或复印件 is a choice staff must settle, not a form
    has_original = "原件" in compact
    has_copy = "复印件" in compact or "复印" in compact
    if has_copy and (has_original or compact.startswith(("含", "附", "并附", "另附"))):
        return "原件及复印件"  # "(含复印件)" after a document shown in the original
    if compact in ("原件", "正本"):
        return "原件"
    if compact in ("复印件", "复印"):
        return "复印件"
    if compact in ("电子件", "电子版", "电子", "电子证照", "电子文档", "扫描件"):
        return "电子件"
    return text


_COPIES = re.compile(
    r"^\s*(?:各|共)?\s*([0-9]+|[一二两三四五六七八九十壹贰叁]+)\s*(?:份|张|本|套|件|页|式)?\s*$"
)


def parse_copies(value: object) -> object:
    """份数 "1份", "一份", "3张" → the number; other text is left for the error."""
    if isinstance(value, str):
        match = _COPIES.match(zhconv.convert(value, "zh-cn"))
        if match:
            number = chinese_number(match.group(1))
            if number is not None:
                return number
    return value


_DAYS = re.compile(r"^\s*([0-9]+|[一二两三四五六七八九十]+)\s*个?\s*(工作日|自然日|日历日)\s*$")
_IMMEDIATE = re.compile(r"即时|当场|即办|立即|当日办结|当天办结|现场办结|即来即办")


def parse_days(value: object) -> tuple[object, str | None, str | None]:
    """A time limit as guides write it → (number, unit, text kept beside the number).

    "20个工作日" → (20, "工作日", None); "即时受理" / "当场办结" → (0, None, the text);
    anything else is returned unchanged so that validation names it.
    """
    if not isinstance(value, str):
        return value, None, None
    text = zhconv.convert(value.strip(), "zh-cn")
    match = _DAYS.match(text)
    if match and (number := chinese_number(match.group(1))) is not None:
        unit = "自然日" if match.group(2) in ("自然日", "日历日") else "工作日"
        return number, unit, None
    if text.isdigit():
        return int(text), None, None
    if _IMMEDIATE.search(text):
        return 0, None, text
    return value, None, None


def normalise_handling(value: object) -> object:
    """办件类型 "即办件、承诺件" (either, by situation) → the canonical combined value."""
    if not isinstance(value, str):
        return value
    text = zhconv.convert(value.strip(), "zh-cn")
    parts = {p for p in _SEPARATORS.split(text) if p}
    if parts == {"即办件", "承诺件"}:
        return "即办件、承诺件"
    return text


_YES = {"是", "必要", "必须", "必需", "必填", "需要", "必交"}
_NO = {"否", "非必要", "不必要", "可选", "选填", "非必须", "不需要"}


def yes_no(value: object) -> object:
    """ "是/否", "必要/非必要" as guides write them → bool; other text is left for the error."""
    if isinstance(value, str):
        text = zhconv.convert(value.strip(), "zh-cn")
        if text in _YES:
            return True
        if text in _NO:
            return False
    return value


def _visits(value: object) -> object:
    """到现场次数 "1次", "一次", "0次" → the number."""
    if isinstance(value, str):
        match = re.match(r"^\s*([0-9]+|[一二两三四五六七八九十零]+)\s*次?\s*$", value)
        if match and (number := chinese_number(match.group(1))) is not None:
            return number
    return value


def _category(value: object) -> object:
    """A national window class, or a local one (工程建设类) — never a clipped national name.

    "民生类" is a national class cut short, most likely a typo, so it is refused with the
    choices; a local class keeps its own name and lint reminds staff it is local.
    """
    value = _simplified(value)
    if not isinstance(value, str) or value in CATEGORIES:
        return value
    if value.endswith("类") and len(value) >= 3 and not any(value in c for c in CATEGORIES):
        return value
    choices = "、".join(CATEGORIES)
    raise ValueError(f"取值 {value!r} 无效，可选: {choices}，或以“类”结尾的本地窗口分类")


Category = Annotated[str, BeforeValidator(_category), Field(max_length=20)]
ItemType = Annotated[Literal[ITEM_TYPES], BeforeValidator(_simplified)]
Handling = Annotated[Literal[HANDLINGS], BeforeValidator(normalise_handling)]
Form = Annotated[Literal[FORMS], BeforeValidator(normalise_form)]
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
    # Situations sharing a group are alternatives (exactly one applies: 遗失 or 损坏);
    # situations without a group combine freely (委托代办 with either).
    one_of: LocalSlug | None = None

    @property
    def asked(self) -> str:
        """The question put to the applicant: the guide's own, else a yes/no from the label."""
        return self.question or f"是否属于“{self.label}”的情形？"


class Recognize(_Strict):
    """Hints for pre-review: which words identify the document, which fields it must show."""

    keywords: list[Text] = Field(default_factory=list)
    fields: list[Literal[RECOGNIZE_FIELDS]] = Field(default_factory=list)
    # Built-in document type (证照类型, prereview.doctypes); inferred from the name when absent.
    type: Literal[DOCUMENT_TYPES] | None = None


class FormField(_Strict):
    """One field of a form material (一表申请): its printed label, what it holds, where from.

    ``from`` names materials of the same item (the operator's ID card; the lease or
    the deed of the premises) or document types (``lease``); without it the field
    takes the document types that usually carry its key, and the values the
    applicant typed.
    """

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, populate_by_name=True, serialize_by_alias=True
    )

    label: Text = Field(min_length=1, max_length=40)
    key: Literal[FORM_KEYS]
    from_: Annotated[list[LocalSlug] | None, BeforeValidator(_as_list)] = Field(
        default=None, alias="from"
    )


class Material(_Strict):
    """One material (申请材料) of an item, with its 容缺 / 免提交 / 办事情形 flags."""

    id: LocalSlug
    name: Text = Field(min_length=1)
    required: Annotated[bool, BeforeValidator(yes_no)] = True
    deferrable: bool = False  # 容缺受理: may be handed in later
    shared: bool = False  # 免提交: the office obtains it itself
    form: Form | None = None
    copies: Annotated[int | None, BeforeValidator(parse_copies)] = Field(default=None, ge=0)
    situation: Annotated[list[LocalSlug] | None, BeforeValidator(_as_list)] = None
    one_of: LocalSlug | None = None
    notes: Text | None = None
    template: Text | None = None  # 空白表格: the blank form
    sample: Text | None = None  # 示例样表: a filled-in example
    origin: Text | None = None  # 来源渠道: 申请人自备, 政府部门核发, ……
    recognize: Recognize | None = None
    checks: list[str] = Field(default_factory=list)
    form_fields: list[FormField] = Field(default_factory=list)  # a form's fields (一表申请)

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
    """办结时限: numbers for answers and checks, the guide's own wording beside them."""

    statutory: int | None = Field(default=None, ge=0)  # 法定办结时限
    promised: int | None = Field(default=None, ge=0)  # 承诺办结时限
    unit: Unit = "工作日"
    statutory_text: Text | None = None  # as the guide words it, when a number says too little
    promised_text: Text | None = None  # "即时办结", "材料齐全的当场办结，需核查的5个工作日"

    @model_validator(mode="before")
    @classmethod
    def _faithful_values(cls, data: object) -> object:
        """Accept "20个工作日" and "当场办结" where a number is expected, keeping the words."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        for key in ("statutory", "promised"):
            number, unit, text = parse_days(data.get(key))
            if number is data.get(key):
                continue
            data[key] = number
            if unit and "unit" not in data:
                data["unit"] = unit
            elif unit and _simplified(data["unit"]) != unit:
                text = f"{number}个{unit}"  # a unit unlike the other limit's: keep the words
            if text and not data.get(f"{key}_text"):
                data[f"{key}_text"] = text
        return data


class Source(_Strict):
    """Where a guide was taken from (来源): the published page or file and its dates."""

    url: Text | None = None
    file: Text | None = None  # the file a converted draft was read from
    title: Text | None = None
    published: dt.date | None = None  # date the office published or last changed it
    retrieved: dt.date | None = None  # date it was read


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
    category: Category | None = None  # one of CATEGORIES, or a local window class
    type: ItemType | None = None
    handling: Handling | None = None
    handling_by_situation: dict[LocalSlug, Handling] = Field(default_factory=dict)
    basis: list[Text] = Field(default_factory=list)
    conditions: Text | None = None
    refusal_conditions: Text | None = None  # 不予受理情形
    quantity_limit: Text | None = None  # 数量限制, e.g. 每年限补办一次
    in_person: Annotated[bool | None, BeforeValidator(yes_no)] = None  # 本人到场
    situations: list[Situation] = Field(default_factory=list)
    materials: list[Material]
    time_limit: TimeLimit | None = None
    special_procedures: Text | None = None  # 特别程序 (听证, 检验, 专家评审) and their time
    fees: Text | None = None
    visits: Annotated[int | None, BeforeValidator(_visits)] = Field(default=None, ge=0)
    online_url: Text | None = None
    locations: list[Location] = Field(default_factory=list)
    phone: Text | None = None  # 咨询电话 of the item, when not tied to one location
    complaint_phone: Text | None = None  # 监督投诉电话
    process: list[Text] = Field(default_factory=list)
    results: list[Text] = Field(default_factory=list)
    faq: list[Faq] = Field(default_factory=list)
    source: Source | None = None
    updated: dt.date | None = None

    @model_validator(mode="after")
    def _form_sources(self) -> Guide:
        """A form field's ``from`` names a material of this item or a document type."""
        ids = {m.id for m in self.materials}
        for material in self.materials:
            for field in material.form_fields:
                for name in field.from_ or []:
                    if name not in ids and name not in DOCUMENT_TYPES:
                        raise ValueError(
                            f"材料 {material.id} 的表单栏目“{field.label}”：from {name!r} "
                            f"既不是本事项的材料编号，也不是证照类型（{'、'.join(DOCUMENT_TYPES)}）"
                        )
        return self

    def material(self, material_id: str) -> Material | None:
        return next((m for m in self.materials if m.id == material_id), None)

    def situation(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)

    def to_data(self) -> dict:
        """The canonical JSON-able form kept in the database (defaults left out)."""
        return self.model_dump(mode="json", exclude_defaults=True)
