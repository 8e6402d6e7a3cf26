"""The materials (申请材料) of an item, from a materials table or a numbered list.

Normalisations, each recorded for the review list: 原件 复印件 → 原件及复印件, 1份 → 1,
"A或B" between two documents → an ``one_of`` group, "A、B" between documents → two
materials, 内部核查 / 免提交 / 电子证照 → ``shared``, 容缺 → ``deferrable``, "…的，须提交
X" → a situation (办事情形) with a generated question, parallel situations in one
sentence (换卡的…，补卡的…) → alternatives.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from knowledge.convert.sections import Entry
from knowledge.convert.source import Line
from knowledge.convert.vocabulary import Vocabulary, numbering_of, plain, strip_numbering
from knowledge.schema import FORMS, normalise_form, parse_copies, yes_no

_TRAILING_PAREN = re.compile(r"[(（]([^()（）]*(?:[(（][^()（）]*[)）][^()（）]*)*)[)）]$")
_TRAILING_COPIES = re.compile(r"(?:一式)?([0-9]+|[一二两三四五六七八九十]+)\s*(份|张|本|套)$")
_COPIES_INSIDE = re.compile(r"(?:一式)?([0-9]+|[一二两三四五六七八九十]+)\s*(份|张)")
_CONDITION = re.compile(
    r"(?:^|(?<=[,，;；]))\s*(?:如|若|如果|凡)?(?P<label>[^，,；;()（）]{1,24}?)的[,，]?\s*"
    r"(?:还|另|则|同时)?(?:须|需|应当|应|还需|另需|需要)?(?:同时)?"
    r"(?P<verb>提交|提供|交验|出具|携带|出示)"
)
_IF_NEEDED = re.compile(
    r"(?:如|若|如果)(?P<label>[^，,；;()（）]{1,15}?)(?:的)?[,，]?\s*(?:须|需|应|需要)"
    r"(?P<verb>提交|提供|交验|出具)(?P<rest>[^；;()（）]+)"
)
_CUT_OFF = re.compile(r"(有关|相关|的|和|及|或|、|，|,|（|\()$")  # a closing 等 is a catch-all
_NAME_NOTES = re.compile(r"^([^:：()（）]{2,20})[:：](.+)$")
_NONE = {"无", "无需材料", "无需提交材料", "无材料", "不需要材料", "暂无"}


@dataclass
class MaterialDraft:
    name: str
    line: Line
    form: str | None = None
    copies: int | None = None
    required: bool = True
    deferrable: bool = False
    shared: bool = False
    origin: str | None = None
    notes: str | None = None
    template: str | None = None
    sample: str | None = None
    situation: str | None = None  # the situation's label until ids are given
    one_of: str | None = None


@dataclass
class SituationDraft:
    label: str
    group: str | None = None  # alternatives share a group


@dataclass
class MaterialsResult:
    materials: list[MaterialDraft] = field(default_factory=list)
    situations: list[SituationDraft] = field(default_factory=list)
    normalised: list[tuple[str, str, str]] = field(default_factory=list)  # (where, from, to)
    doubts: list[tuple[str, str]] = field(default_factory=list)  # (where, message)
    unplaced: list[tuple[Line, str]] = field(default_factory=list)  # (line, text)
    used: set[int] = field(default_factory=set)

    def situation(self, label: str, group: str | None = None) -> str:
        if not any(s.label == label for s in self.situations):
            self.situations.append(SituationDraft(label, group))
        return label


class _Parser:
    def __init__(self, vocabulary: Vocabulary) -> None:
        self.v = vocabulary
        self.result = MaterialsResult()
        self._groups = 0
        self.choice: tuple[str, str] | None = None  # (group, numbering style of its header)

    def group(self, stem: str) -> str:
        self._groups += 1
        return f"{stem}{self._groups}"

    # -- tables ------------------------------------------------------------

    def row(self, entry: Entry) -> None:
        cells = dict(zip(entry.columns, entry.line.cells, strict=False))
        name = cells.get("name", "").strip()
        if not name:
            self.result.unplaced.append((entry.line, entry.line.text))
            return
        if len(entry.line.cells) < len(entry.columns) - 1 and _looks_cut(name):
            self.result.doubts.append(
                (entry.line.origin, f"材料表这一行不完整，疑似截断：“{name}”，未作为材料录入")
            )
            self.result.unplaced.append((entry.line, entry.line.text))
            return
        self.result.used.add(entry.line.index)
        made = self.text(name, entry.line)
        self.result.materials.extend(made)
        for material in made:
            self._apply_columns(material, cells, entry.line)

    def _apply_columns(self, material: MaterialDraft, cells: dict, line: Line) -> None:
        where = f"{line.origin}“{material.name}”"
        if form := cells.get("form"):
            self.set_form(material, form, where)
            self.flags(material, form, where)  # 提交形式“电子证照”: the office fetches it
        if copies := cells.get("copies"):
            number = parse_copies(copies)
            if isinstance(number, int):
                material.copies = number
                if str(number) != copies.strip():
                    self.result.normalised.append((where + " 份数", copies, str(number)))
            else:
                material.notes = _join(material.notes, f"份数：{copies}")
                self.result.doubts.append((where, f"份数“{copies}”不是一个数，已写入备注"))
        if required := cells.get("required"):
            self.flags(material, required, where)
            value = yes_no(required)
            if isinstance(value, bool):
                material.required = value
        for key in ("origin", "template", "sample"):
            if value := cells.get(key):
                setattr(material, key, value)
                self.flags(material, value, where)
        if notes := cells.get("notes"):
            material.notes = _join(material.notes, notes)
            self.flags(material, notes, where)

    # -- text --------------------------------------------------------------

    def entry(self, entry: Entry, previous: MaterialDraft | None) -> MaterialDraft | None:
        """A list line; may hold several numbered items (1、…；2、…)."""
        value = entry.value.strip()
        pieces = split_numbered(value)
        last = previous
        for piece in pieces:
            last = self.item(piece.strip(), entry.line, last) or last
        return last

    def item(self, text: str, line: Line, previous: MaterialDraft | None) -> MaterialDraft | None:
        numbering = numbering_of(self.v, text)
        numbered = numbering is not None
        body = strip_numbering(self.v, text).strip().rstrip("；;。,，")
        if self.choice and _style(numbering) == self.choice[1]:
            self.choice = None  # the next item at the level of "下列材料提供其中一项："
        if self.alternative_word(body) and body.endswith((":", "：")):
            self.choice = (self.group("renxuan"), _style(numbering))
            self.result.used.add(line.index)
            self.result.normalised.append((line.origin, body, "其后各项为任选其一（one_of）"))
            return None
        if plain(body) in _NONE:
            self.result.used.add(line.index)
            self.result.doubts.append((line.origin, "申请材料写作“无”，请确认该事项确实不需要材料"))
            return None
        head, _, tail = body.partition("。")
        if tail.strip() and head.count("(") + head.count("（") == head.count(")") + head.count(
            "）"
        ):
            body = head  # prose after the item ("把材料准备齐后……") is not a material
            self.result.unplaced.append((line, tail.strip()))
        if _looks_cut(body):
            self.result.doubts.append((line.origin, f"材料“{body}”疑似截断，未作为材料录入"))
            self.result.unplaced.append((line, body))
            return None
        if not numbered and re.fullmatch(r"[(（].*[)）]", body):
            self.result.unplaced.append((line, body))  # 材料总体说明, e.g. 复印件需盖公章
            return None
        if (
            not numbered
            and re.search(r"目录|清单|如下|以下", body)
            and not self.v.is_document(body)
        ):
            self.result.unplaced.append((line, body))  # a caption
            return None
        if not numbered and previous is not None and not self.v.is_document(body):
            previous.notes = _join(previous.notes, body)
            self.result.used.add(line.index)
            return None
        made = self.text(body, line)
        if self.choice:
            for material in made:
                material.one_of = material.one_of or self.choice[0]
        self.result.materials.extend(made)
        self.result.used.add(line.index)
        return made[-1] if made else None

    def text(self, text: str, line: Line) -> list[MaterialDraft]:
        """One material's wording → one or more materials, with situations and groups."""
        clauses = list(_CONDITION.finditer(text))
        if clauses and clauses[0].start() == 0:
            group = self.group("qingxing") if len(clauses) > 1 else None
            made: list[MaterialDraft] = []
            for at, match in enumerate(clauses):
                end = clauses[at + 1].start() if at + 1 < len(clauses) else len(text)
                label = _label(match.group("label"))
                rest = text[match.end() : end].strip(" ,，;；。")
                situation = self.result.situation(label, group)
                self.result.normalised.append(
                    (
                        line.origin,
                        text[match.start() : end].strip(" ,，;；"),
                        f"办事情形“{label}”的材料",
                    )
                )
                for material in self.names(rest, line, split_and=True):
                    material.situation = situation
                    made.append(material)
            return made
        return self.names(text, line, split_and=False)

    def names(self, text: str, line: Line, split_and: bool) -> list[MaterialDraft]:
        """A phrase naming one or more materials: "A、B或C", "交验A和B", "补领:A、B"."""
        text, notes = _split_notes(text)
        extra: list[MaterialDraft] = []
        if notes and (match := _IF_NEEDED.search(notes)):
            label = _label(match.group("label"))
            situation = self.result.situation(label)
            for material in self.names(match.group("rest"), line, split_and=True):
                material.situation = situation
                extra.append(material)
            self.result.normalised.append((line.origin, match.group(0), f"办事情形“{label}”的材料"))
            notes = (notes[: match.start()] + notes[match.end() :]).strip(" 、,，;；")
        text, verb = self.strip_verb(text)
        split_and = split_and or verb
        labelled = _NAME_NOTES.match(text)
        if labelled and len(self.listed(labelled.group(2), True)) > 1:
            return self.situation_list(labelled.group(1), labelled.group(2), line) + extra
        if labelled:
            text = labelled.group(1).strip()
            notes = _join_text(labelled.group(2).strip(), notes)
        made = []
        either = self.alternative_word(notes) or self.alternative_word(text)
        if either:  # "身份证、户口簿、护照（提供其中一项）"
            text = re.sub(rf"[,，(（]?\s*(提供|提交)?{re.escape(either)}(即可)?[)）]?$", "", text)
            notes = re.sub(rf"(提供|提交)?{re.escape(either)}(即可)?", "", notes).strip(
                " ()（）,，"
            )
        parts = self.listed(text, split_and)
        if len(parts) > 1:
            self.result.normalised.append((line.origin, text, "分为 " + "；".join(parts)))
        group = self.group("renxuan") if either and len(parts) > 1 else None
        for part in parts:
            for material in self.alternatives_of(part, line):
                if notes:
                    self.notes(material, notes, line)
                material.one_of = group or material.one_of
                made.append(material)
        if group:
            self.result.normalised.append((line.origin, either, "任选其一（one_of）"))
        return made + extra

    def alternative_word(self, text: str) -> str:
        """The word saying "any one of these" (其中一项, 任选其一), or ""."""
        return next((w for w in self.v.flags["alternatives"] if w in text), "")

    def situation_list(self, label: str, listed: str, line: Line) -> list[MaterialDraft]:
        """ "补领身份证：户口簿、居住证或其他有效身份证明" — a situation and its materials."""
        situation = self.result.situation(_label(label))
        self.result.normalised.append(
            (line.origin, f"{label}：{listed}", f"办事情形“{label}”的材料")
        )
        made = []
        for part in self.listed(listed, True):
            for material in self.names(part, line, split_and=True):
                material.situation = material.situation or situation
                made.append(material)
        return made

    def listed(self, text: str, split_and: bool) -> list[str]:
        """Split a list of documents at 、 (and 和/及 after a verb), never inside brackets;
        "A、或者B" is left whole for ``alternatives_of``."""
        if re.search(r"、\s*或", text):
            return [text]
        separators = "、和及" if split_and else "、"
        parts = [p.strip(" ，,") for p in _top_split(text, separators) if p.strip(" ，,")]
        if len(parts) > 1 and all(self.v.is_document(self.core(p)) for p in parts):
            return parts
        return [text]

    def core(self, text: str) -> str:
        """The document a phrase names: without notes, leading verb, 《》 and trailing form."""
        text, _ = _split_notes(text)
        text, _ = self.strip_verb(text)
        return _bare(self.trailing_form(_bare(text))[0])

    def alternatives_of(self, text: str, line: Line) -> list[MaterialDraft]:
        text, notes = _split_notes(text)
        bare_text, form = self.trailing_form(text)
        parts = self.alternatives(bare_text)
        if len(parts) == 1:  # no alternatives: a trailing form belongs to the material
            parts, form = [text], None
        group = self.group("renxuan") if len(parts) > 1 else None
        if group:
            self.result.normalised.append((line.origin, text, "任选其一：" + "；".join(parts)))
        made = []
        for part in parts:
            material = self.material(part, line)
            material.one_of = group
            if form and material.form is None:
                self.set_form(material, form, f"{line.origin}“{material.name}”")
            if notes:
                self.notes(material, notes, line)
            made.append(material)
        return made

    def trailing_form(self, text: str) -> tuple[str, str | None]:
        """ "…身份证明原件" → ("…身份证明", "原件"), for every alternative in the phrase."""
        for word in self.v.form_words:
            if text.endswith(word) and len(text) > len(word) + 1:
                return text[: -len(word)].rstrip("、 "), word
        return text, None

    def strip_verb(self, text: str) -> tuple[str, bool]:
        """ "交验居民身份证" → ("居民身份证", True): after a verb comes a list of things."""
        for verb in self.v.material_verbs:
            if text.startswith(verb) and len(text) > len(verb) + 1:
                return text[len(verb) :].strip(), True
        return text, False

    def alternatives(self, text: str) -> list[str]:
        parts = [p.strip(" 、,，") for p in _top_split(text, "或", words=("或者", "或"))]
        if len(parts) > 1 and all(self.v.is_document(self.core(p)) for p in parts):
            return parts
        return [text]

    def material(self, text: str, line: Line) -> MaterialDraft:
        where = f"{line.origin}“{text}”"
        name, paren = _split_notes(text)
        parts = re.split(r"[,，;；]", name, maxsplit=1)
        if len(parts) == 2 and self.v.is_document(parts[0]) and not self.v.is_document(parts[1]):
            name, paren = parts[0].strip(), _join_text(parts[1].strip(), paren)  # "…,具体时限20日"
        material = MaterialDraft(name=name, line=line)
        if paren:
            self.notes(material, paren, line)
        name = material.name
        copies = _TRAILING_COPIES.search(name)
        if copies and parse_copies(copies.group(0)) is not None:
            number = parse_copies(copies.group(1) + copies.group(2))
            if isinstance(number, int):
                material.copies = number
                name = name[: copies.start()].rstrip()
                self.result.normalised.append((where, copies.group(0), f"copies: {number}"))
        elif (inside := _COPIES_INSIDE.findall(name)) and len(inside) == 1:
            number = parse_copies("".join(inside[0]))
            if isinstance(number, int):
                material.copies = number
        for word in self.v.form_words:
            if name.endswith(word) and len(name) > len(word) + 1:
                name = name[: -len(word)].rstrip("、 ")
                self.set_form(material, word, where)
                break
        bare = _bare(name)
        if bare != name:
            self.result.normalised.append((where, name, bare))
        material.name = bare
        self.flags(material, text, where)
        return material

    def notes(self, material: MaterialDraft, notes: str, line: Line) -> None:
        form = normalise_form(notes.replace("，", ",").replace(",", "、"))
        if form in FORMS and len(notes) <= 12:
            self.set_form(material, notes, f"{line.origin}“{material.name}”")
            return
        material.notes = _join(material.notes, notes)
        self.flags(material, notes, line.origin)

    def set_form(self, material: MaterialDraft, text: str, where: str) -> None:
        form = normalise_form(text.replace(",", "、").replace("，", "、"))
        if form in FORMS:
            if form != text:
                self.result.normalised.append((where + " 材料形式", text, form))
            material.form = form
        else:
            material.notes = _join(material.notes, f"材料形式：{text}")
            self.result.doubts.append(
                (where, f"材料形式“{text}”无法归入 原件/复印件/原件及复印件/电子件，已写入备注")
            )

    def flags(self, material: MaterialDraft, text: str, where: str) -> None:
        words = self.v.flags
        if any(w in text for w in words["shared"]) and not material.shared:
            material.shared = True
            self.result.normalised.append(
                (where, text, "shared: true（免提交，由部门核查或共享获取）")
            )
        if any(w in text for w in words["deferrable"]) and not material.deferrable:
            material.deferrable = True
            self.result.normalised.append((where, text, "deferrable: true（容缺受理）"))
        if any(w in text for w in words["optional"]) and material.required:
            material.required = False
            self.result.normalised.append((where, text, "required: false（非必要）"))


def listed_documents(entry: Entry, vocabulary: Vocabulary) -> bool:
    """A numbered list of three or more items, most of them named like documents."""
    items = split_numbered(entry.value)
    if len(items) < 3:
        return False
    names = [
        _split_notes(strip_numbering(vocabulary, i).partition("。")[0].strip(" ;；"))[0]
        for i in items
    ]
    documents = sum(vocabulary.is_document(_bare(name)) for name in names)
    return documents >= 0.6 * len(items)


def parse_materials(entries: list[Entry], vocabulary: Vocabulary) -> MaterialsResult:
    """The materials of the ``materials`` entries, with what was normalised and doubted."""
    parser = _Parser(vocabulary)
    previous: MaterialDraft | None = None
    for entry in entries:
        if entry.heading:
            parser.result.used.add(entry.line.index)
        elif entry.columns:
            parser.row(entry)
            previous = None
        elif entry.value:
            previous = parser.entry(entry, previous)
    return parser.result


_NUMBER_TOKEN = re.compile(
    r"[(（]\s*([0-9]{1,2})\s*[)）]|([0-9]{1,2})\s*[、.．)）](?![0-9])|([①-⑳])"
)


def split_numbered(text: str) -> list[str]:
    """ "1)申请(2)平面图(3)文件" → three items: numbers must run 1, 2, 3 … to be split on,
    so that "第(2)项" or "4、5号窗口" inside an item stays whole."""
    cuts: list[int] = []
    expected = None
    for match in _NUMBER_TOKEN.finditer(text):
        digits = match.group(1) or match.group(2)
        number = int(digits) if digits else ord(match.group(3)) - ord("①") + 1
        if expected is None and match.start() == 0:
            expected = number
        if number == expected:
            cuts.append(match.start())
            expected += 1
    if len(cuts) < 2:
        return [text]
    bounds = [*cuts, len(text)]
    head = [text[: cuts[0]]] if cuts[0] > 0 else []
    pieces = head + [text[a:b] for a, b in itertools.pairwise(bounds)]
    return [p.strip(" ;；") for p in pieces if p.strip(" ;；")]


def _top_split(text: str, separators: str, words: tuple[str, ...] = ()) -> list[str]:
    """Split at separator characters (or words) that are not inside () （） 《》."""
    parts, depth, start, at = [], 0, 0, 0
    while at < len(text):
        char = text[at]
        if char in "(（《":
            depth += 1
        elif char in ")）》":
            depth = max(0, depth - 1)
        elif depth == 0:
            word = next((w for w in words if text.startswith(w, at)), None)
            if word or (not words and char in separators):
                parts.append(text[start:at])
                at += len(word) if word else 1
                start = at
                continue
        at += 1
    parts.append(text[start:])
    return parts


def _style(numbering: str | None) -> str:
    """The numbering style: "（三）" and "（一）" alike, "2." and "1." alike."""
    if not numbering:
        return ""
    style = re.sub(r"[0-9]+", "9", re.sub(r"[一二三四五六七八九十]+", "十", numbering))
    return re.sub(r"[①-⑳]", "①", style)


def _looks_cut(text: str) -> bool:
    """An unclosed bracket or a dangling 有关/的/和: the guide was cut off here."""
    opened = text.count("(") + text.count("（") + text.count("《")
    closed = text.count(")") + text.count("）") + text.count("》")
    return opened > closed or bool(_CUT_OFF.search(text))


def _split_notes(text: str) -> tuple[str, str]:
    """ "效果图(需标明尺寸)" → ("效果图", "需标明尺寸")."""
    match = _TRAILING_PAREN.search(text)
    if match and match.start() > 0:
        return text[: match.start()].strip(), match.group(1).strip()
    return text.strip(), ""


def _bare(name: str) -> str:
    """A name without 《》 and closing punctuation: 《卫生许可证申请表》及申请报告 → …申请表及申请报告."""
    return name.replace("《", "").replace("》", "").strip(" ;；。,，、")


def _label(text: str) -> str:
    return text.strip(" ,，").removeprefix("如").removeprefix("若").strip()


def _join_text(first: str, second: str) -> str:
    return f"{first}；{second}" if first and second else first or second


def _join(first: str | None, second: str) -> str:
    return f"{first}；{second}" if first else second
