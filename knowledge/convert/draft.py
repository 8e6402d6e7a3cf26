"""One draft guide from one source item: every 要素 entry placed in a field or on review.

The draft keeps the guide's own words; only values whose meaning is fixed are
normalised (form, copies, time limits, 办件类型, Traditional → Simplified), and each
normalisation is recorded. A line that fits no field goes to the review list, so that
nothing read is dropped silently (``Draft.lost_lines`` is empty by construction and
tested on real guides).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import zhconv
from pydantic import ValidationError
from pypinyin import Style, lazy_pinyin

from knowledge.convert import doubts
from knowledge.convert.contacts import contacts
from knowledge.convert.limits import time_limit
from knowledge.convert.materials import (
    MaterialDraft,
    MaterialsResult,
    listed_documents,
    parse_materials,
)
from knowledge.convert.review import Ledger, Review
from knowledge.convert.sections import PREAMBLE, STRUCTURE, Entry, entries_of, value_lines
from knowledge.convert.source import Line, SourceItem
from knowledge.convert.vocabulary import Vocabulary, plain, strip_numbering
from knowledge.loader import validation_problems
from knowledge.schema import (
    HANDLINGS,
    ITEM_TYPES,
    Guide,
    normalise_handling,
    yes_no,
)

_ORG = re.compile(
    r"^(.{2,40}?(?:委员会|人民政府|办事处|分局|大队|支队|中心|局|委|厅|办|所|院|处|站|队|馆|会|机关))"
    r"(?=为|负责|是|承担|受理|办理|[，,。；;（(]|$)"
)
_DAYS_IN_TEXT = re.compile(
    r"([0-9]+|[一二两三四五六七八九十]+)\s*个?\s*(工作日|自然日|日历日|天|日)"
)
_URL = re.compile(r"https?://[^\s，,；;）)]+")
_PHONE = re.compile(r"(?:\d{3,4}[-－—]?)?\d{7,8}|1[3-9]\d{9}|12345|12333|\d{5,}")
_HOURS = re.compile(r"[0-9]{1,2}\s*[:：时点]|周[一二三四五六日]|星期|工作日|上午|下午|全天")
_KV = re.compile(r"^(?P<key>[^:：]{2,20})[:：]\s*(?P<value>.+)$")
_ADDRESS_LABELS = {"地址", "联系地址", "办理地址"}
_GENERIC_LIMIT = "limit"


@dataclass
class Draft:
    """A converted item: the guide mapping (maybe incomplete), its review, its origin."""

    id: str
    data: dict
    review: Review
    source: SourceItem
    problems: list[str] = field(default_factory=list)  # why it cannot be imported as is
    placed: dict[int, str] = field(default_factory=dict)  # line index → field
    reviewed: set[int] = field(default_factory=set)  # line indexes on the review list

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def name(self) -> str:
        return self.data.get("name") or self.id

    def lost_lines(self) -> list[Line]:
        """Lines neither in a field nor on the review list (must be none)."""
        return [
            line
            for line in self.source.lines
            if line.index not in self.placed and line.index not in self.reviewed
        ]


class _Builder:
    def __init__(self, item: SourceItem, vocabulary: Vocabulary, ledger: Ledger) -> None:
        self.item = item
        self.v = vocabulary
        self.ledger = ledger
        self.review = ledger.review
        self.data: dict = {}
        self.by: dict[str, list[Entry]] = {}
        for entry in entries_of(item, vocabulary):
            self.by.setdefault(entry.element, []).append(entry)

    # -- helpers -----------------------------------------------------------

    def place(self, entry: Entry, field_name: str) -> None:
        self.ledger.place(entry.line, field_name)

    def unplace(self, entry: Entry, text: str | None = None) -> None:
        self.ledger.unplace(entry.line, entry.line.text if text is None else text)

    def values(self, element: str, field_name: str) -> list[tuple[Entry, str]]:
        """Non-empty value lines of an element; heading lines are placed with it."""
        entries = self.by.get(element, [])
        for entry in entries:
            if entry.heading:
                self.place(entry, field_name)
        return value_lines(entries)

    def text_field(self, element: str, key: str, joiner: str = "\n") -> None:
        found = self.values(element, key)
        if found:
            self.data[key] = joiner.join(v for _, v in found)
            for entry, _ in found:
                self.place(entry, key)

    # -- fields ------------------------------------------------------------

    def build(self) -> dict:
        self.name()
        self.simple()
        self.department()
        self.kinds()
        self.basis()
        for element in ("conditions", "refusal_conditions", "quantity_limit", "special_procedures"):
            self.text_field(element, element)
        self.flags()
        if limit := time_limit(self.by, self.ledger):
            self.data["time_limit"] = limit
        self.text_field("fees", "fees")
        self.fees_labels()
        self.data.update(contacts(self.by, self.ledger, self.v))
        self.process()
        self.leftovers()
        return self.data

    def name(self) -> None:
        found = self.values("name", "name")
        names = list(dict.fromkeys(v for _, v in found))
        for entry, _ in found:
            self.place(entry, "name")
        if names:
            self.data["name"] = names[0]
            if len(names) > 1:
                self.review.doubt("name", f"原文有多个事项名称：{'；'.join(names)}，已取第一个")
        for entry in self.by.get(PREAMBLE, []):
            title = self.title(entry.value)
            if "name" not in self.data and title:
                self.data["name"] = title
                self.review.doubt("name", f"原文没有“事项名称”，已取标题“{entry.value}”，请核对")
                self.place(entry, "name")
            elif (
                title
                and self.data.get("name")
                and (title in self.data["name"] or self.data["name"] in title)
            ):
                self.place(entry, "name")
            else:
                self.unplace(entry)

    def title(self, text: str) -> str:
        text = strip_numbering(self.v, text)
        if len(text) > 60 or re.search(r"[。；;:：]", text):
            return ""
        compact = plain(text)
        if "所需" in compact[2:]:  # "道路挖掘审批所需要件及具体时限" names the item before 所需
            return text[: text.index("所需", 2)].strip()
        for suffix in self.v.title_suffixes:
            if compact.endswith(suffix) and len(compact) > len(suffix) + 1:
                return text[: len(text) - len(suffix)].strip()
        return re.sub(r"[(（]完整版[)）]$", "", text).strip()

    def simple(self) -> None:
        for element in ("code", "category"):
            found = self.values(element, element)
            if found:
                self.data[element] = found[0][1]
                for entry, _ in found:
                    self.place(entry, element)

    def department(self) -> None:
        found = self.values("department", "department")
        orgs: list[str] = []
        for entry, value in found:
            match = _ORG.match(plain(value))
            org = match.group(1) if match else value if len(value) <= 30 else ""
            if not org:
                self.unplace(entry, value)
                continue
            self.place(entry, "department")
            orgs.append(org)
            rest = plain(value)[len(org) :].strip(" ,，。")
            if len(rest) > 4:
                self.unplace(entry, f"（实施主体一句中的其余内容）{rest}")
        if orgs:
            self.data["department"] = orgs[0]
            if len(set(orgs)) > 1:
                self.review.doubt(
                    "department", f"原文有不同的部门写法：{'；'.join(dict.fromkeys(orgs))}"
                )

    def kinds(self) -> None:
        """事项类型 / 办件类型: the value decides the field (some guides write 承诺件 under 事项类型)."""
        for element in ("type", "handling"):
            for entry, value in self.values(element, element):
                handling = normalise_handling(value)
                simplified = zhconv.convert(value, "zh-cn")
                if handling in HANDLINGS:
                    self.data.setdefault("handling", handling)
                    self.place(entry, "handling")
                    if handling != value:
                        self.review.normalised.append(("handling", value, handling))
                elif simplified in ITEM_TYPES:
                    self.data.setdefault("type", simplified)
                    self.place(entry, "type")
                else:
                    self.unplace(entry, f"{entry.label}：{value}")

    def basis(self) -> None:
        found = self.values("basis", "basis")
        if found:
            self.data["basis"] = [strip_numbering(self.v, v) for _, v in found]
            for entry, _ in found:
                self.place(entry, "basis")

    def flags(self) -> None:
        for entry, value in self.values("in_person", "in_person"):
            answer = yes_no(value)
            if isinstance(answer, bool):
                self.data["in_person"] = answer
                self.place(entry, "in_person")
            else:
                self.unplace(entry, f"{entry.label}：{value}")
        for entry, value in self.values("visits", "visits"):
            match = re.search(r"[0-9]+", value)
            if match:
                self.data["visits"] = int(match.group(0))
                self.place(entry, "visits")
            else:
                self.unplace(entry, f"{entry.label}：{value}")

    def fees_labels(self) -> None:
        entries = [e for e in self.by.get("fees", []) if e.value]
        if len(entries) > 1 and any(e.label for e in entries):
            self.data["fees"] = "\n".join(
                f"{e.label}：{e.value}" if e.label else e.value for e in entries
            )

    def process(self) -> None:
        steps: list[str] = []
        for entry, value in self.values("process", "process"):
            self.place(entry, "process")
            steps.extend(s.strip() for s in re.split(r"→|->|—>|⇒", value) if s.strip())
        if steps:
            self.data["process"] = [strip_numbering(self.v, s) for s in steps]
        results = self.values("results", "results")
        if results:
            self.data["results"] = [v for _, v in results]
            for entry, _ in results:
                self.place(entry, "results")
        for element, key in (("online_url", "online_url"), ("source_url", "source")):
            for entry, value in self.values(element, key):
                url = _URL.search(value)
                if url and key == "online_url":
                    self.data.setdefault("online_url", url.group(0))
                    self.place(entry, key)
                elif url:
                    self.data.setdefault("source", {})["url"] = url.group(0)
                    self.place(entry, key)
                else:
                    self.unplace(entry, f"{entry.label}：{value}" if entry.label else value)

    def leftovers(self) -> None:
        """Entries under headings that have no field (服务对象, 公开依据 …) go to review."""
        for entry in self.by.get(STRUCTURE, []):
            self.place(entry, "source")
        for element, entries in self.by.items():
            if element.startswith("_") and element not in (PREAMBLE, STRUCTURE):
                for entry in entries:
                    text = f"{entry.label}：{entry.value}" if entry.label else entry.value
                    self.unplace(entry, text or entry.line.text)


def build_draft(item: SourceItem, vocabulary: Vocabulary, taken: set[str]) -> Draft:
    """Interpret one source item; ``taken`` holds ids already used in this batch."""
    ledger = Ledger()
    review = ledger.review
    item = _simplified(item, review)
    builder = _Builder(item, vocabulary, ledger)
    data = builder.build()
    materials = parse_materials(builder.by.get("materials", []), vocabulary)
    if not materials.materials and not materials.used:
        materials = _unlabelled_list(builder, vocabulary) or materials
    if not materials.materials and not materials.used and "conditions" in data:
        materials = _materials_in_conditions(builder, vocabulary) or materials
    _add_materials(data, materials, builder)
    if "time_limit" not in data and (limit := _limit_in_text(builder)):
        data["time_limit"] = limit
    for flag in item.flags:
        review.doubt("文件", flag)
    data["source"] = {**data.get("source", {}), "file": Path(item.file).name}
    if item.label:
        data["source"]["title"] = item.label
    data["source"]["retrieved"] = dt.date.today()
    _doubts(data, builder, vocabulary)
    data.setdefault("department", "")  # shown empty in the draft: staff must fill it
    guide_id = _unique(_slug(data.get("name", "")) or "item", taken)
    data["id"] = guide_id
    data = _ordered(data)
    return Draft(guide_id, data, review, item, _problems(data), ledger.placed, ledger.reviewed)


def _simplified(item: SourceItem, review: Review) -> SourceItem:
    """Traditional text → Simplified (the knowledge base's form), recorded once per file."""
    converted = SourceItem(item.file, label=item.label, flags=list(item.flags))
    changed = False
    for line in item.lines:
        text = zhconv.convert(line.text, "zh-cn")
        cells = tuple(zhconv.convert(c, "zh-cn") for c in line.cells)
        changed |= text != line.text
        converted.lines.append(Line(line.index, text, line.origin, cells))
    if changed:
        review.normalised.append(("全文", "繁体字", "已转为简体字"))
    return converted


_LIMIT_IN_TEXT = re.compile(r"时限\s*(?:为|是|:|：)?\s*([0-9]+)\s*个?\s*(工作日|自然日)")


def _limit_in_text(builder: _Builder) -> dict | None:
    """No 时限 heading, but "具体时限20个工作日" inside another line: take it, with a doubt."""
    for line in builder.item.lines:
        match = _LIMIT_IN_TEXT.search(line.text)
        if match:
            builder.review.doubt(
                "time_limit",
                f"原文没有时限一节，承诺时限取自“{match.group(0)}”（{line.origin}），请核对",
            )
            return {"promised": int(match.group(1)), "unit": match.group(2)}
    return None


def _unlabelled_list(builder: _Builder, vocabulary: Vocabulary) -> MaterialsResult | None:
    """No materials heading, but a numbered list of documents under another heading
    (a 政务公开 page's 公开具体内容): take it as the materials, with a doubt."""
    for element, entries in builder.by.items():
        if not element.startswith("_"):
            continue
        for entry in entries:
            if entry.value and listed_documents(entry, vocabulary):
                result = parse_materials([Entry("materials", entry.value, entry.line)], vocabulary)
                where = entry.line.origin
                builder.review.unplaced = [u for u in builder.review.unplaced if u[0] != where]
                builder.ledger.reviewed.discard(entry.line.index)
                builder.review.doubt(
                    "materials",
                    f"原文没有“申请材料”标题，材料取自“{entry.label or '无标题'}”下的编号列表，请核对",
                )
                return result
    return None


def _materials_in_conditions(builder: _Builder, vocabulary: Vocabulary) -> MaterialsResult | None:
    """No materials list, but the conditions say "提交以下证明：(一)…(二)…": take those."""
    text = builder.data["conditions"]
    match = re.search(r"(?:提交|提供)(?:以下|下列)[^:：]{0,8}[:：]\s*(.+?)(?:[。]|$)", text, re.S)
    if not match:
        return None
    entry_line = builder.by["conditions"][-1].line
    listed = re.split(r"\s[一二三四五六七八九十]+、", match.group(1))[0]
    parts = re.split(r"\s*[(（][一二三四五六七八九十]+[)）]\s*|[;；]\s*", listed)
    entries = [Entry("materials", p.strip(), entry_line) for p in parts if p.strip()]
    forms = re.findall(r"填写([^，,。；;]{2,20}?(?:申请表|登记表|申请书))", text)
    entries = [Entry("materials", form, entry_line) for form in dict.fromkeys(forms)] + entries
    result = parse_materials(entries, vocabulary)
    if result.materials:
        builder.review.doubt("materials", "原文没有申请材料一节，材料取自受理条件中的列举，请核对")
    return result


def _add_materials(data: dict, result: MaterialsResult, builder: _Builder) -> None:
    for index in result.used:
        builder.ledger.placed.setdefault(index, "materials")
    for line, text in result.unplaced:
        builder.ledger.unplace(line, text)
    builder.review.normalised.extend(result.normalised)
    for where, message in result.doubts:
        builder.review.doubt(where, message)
    situation_ids: dict[str, str] = {}
    taken: set[str] = set()
    situations = []
    for situation in result.situations:
        sid = _unique(_initials(situation.label) or "qingxing", taken)
        situation_ids[situation.label] = sid
        entry = {"id": sid, "label": situation.label, "question": _question(situation.label)}
        if situation.group:
            entry["one_of"] = situation.group
        situations.append(entry)
    if situations:
        data["situations"] = situations
    material_ids: set[str] = set()
    data["materials"] = [_material(m, situation_ids, material_ids) for m in result.materials]


def _material(m: MaterialDraft, situation_ids: dict[str, str], taken: set[str]) -> dict:
    out: dict = {"id": _unique(_initials(m.name)[:16] or "cailiao", taken), "name": m.name}
    if not m.required:
        out["required"] = False
    if m.deferrable:
        out["deferrable"] = True
    if m.shared:
        out["shared"] = True
    for key in ("form", "copies"):
        if getattr(m, key) is not None:
            out[key] = getattr(m, key)
    if m.situation:
        out["situation"] = [situation_ids[m.situation]]
    if m.one_of:
        out["one_of"] = m.one_of
    for key in ("notes", "template", "sample", "origin"):
        if getattr(m, key):
            out[key] = getattr(m, key)
    return out


def _question(label: str) -> str:
    return label if label.startswith("是否") else f"是否{label}？"


def _doubts(data: dict, builder: _Builder, vocabulary: Vocabulary) -> None:
    review = builder.review
    doubts.missing_fields(data, review)
    doubts.catch_alls(data, review, vocabulary)
    doubts.duplicates(data, review)
    doubts.lone_groups(data, review)
    doubts.generated_situations(data, review)
    doubts.publicity_basis("_publicity" in builder.by and not data.get("basis"), data, review)
    lines = [(line.origin, line.text) for line in builder.item.lines]
    doubts.contradictions(lines, review, vocabulary)
    if builder.item.lines:
        last = builder.item.lines[-1]
        doubts.cut_off([(last.origin, last.cells[-1] if last.cells else last.text)], review)
    conditions = [v for _, v in builder.values("conditions", "conditions")]
    doubts.numbering_gaps("conditions", conditions, review)


def _slug(name: str) -> str:
    syllables = lazy_pinyin(plain(name), errors="ignore")
    text = re.sub(r"[^a-z0-9]+", "", "".join(syllables).lower())
    return text[:48]


def _initials(text: str) -> str:
    letters = lazy_pinyin(plain(text), style=Style.FIRST_LETTER, errors="ignore")
    return re.sub(r"[^a-z0-9]+", "", "".join(letters).lower())


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _ordered(data: dict) -> dict:
    order = list(Guide.model_fields)
    return {key: data[key] for key in order if key in data} | {
        k: v for k, v in data.items() if k not in order
    }


def _problems(data: dict) -> list[str]:
    try:
        Guide.model_validate(data)
    except ValidationError as exc:
        return [f"{p.field}: {p.message}" for p in validation_problems("draft", exc)]
    return []
