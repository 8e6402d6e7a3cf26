"""Yes/no questions (是非问) answered first with 需要/不需要/可以/不可以, from the guide's own line.

"要带户口本吗", "可以让家人代办吗", "复印件可以吗", "需要本人到场吗": the reply
starts with the verdict and quotes the line that decides it — a material of
the list (with its form, situation, 免提交 or 非必要 flag), a condition, a
material's notes, a FAQ answer or a situation. When the question names a
topic the guide says nothing about, the reply says so and gives the window's
phone: never a yes or no the guide does not support. A question naming no
topic ("我能办吗") is no yes/no question here; its facet's answer serves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import Guide, Material
from retrieval.concepts import concept_spans, concepts
from retrieval.text import normalize, to_simplified
from retrieval.tokens import char_ngrams

_YES_NO = re.compile(
    r"吗|是否|能不能|能否|可不可以|可否|可以不|要不要|需不需要|用不用|"
    r"必须|行不行|是不是|有没有|得不得|不[?.!]*$"
)
_CAN = re.compile(r"能|可以|可不可以|可否|行不行|允许|让")
_NEED = re.compile(r"要|需|用|必须|得")
# Wording in a guide's clause before a concept that turns it into a no, or a yes.
_NEGATIVE = re.compile(
    r"不得|不能|不可|不予|不允许|禁止|不接受|不需|无需|无须|不用|不必|免于|免|严禁|不办理"
)
_POSITIVE = re.compile(r"可以|可|允许|须|需|应当|应|必须|要|凭")
_CLAUSE = re.compile(r"[,.;:!?\n]")
_BRING = re.compile(r"带|提供|交|准备|携带|提交|出示|拿")
# Concepts that name a document's form rather than a topic of their own.
_FORMS = {"copy", "original"}
_BOOK_TITLE = re.compile(r"[<>《》]")
_HEAD = 3  # characters of a material's head noun (户口簿, 身份证, 营业执照's 执照)
# Concepts a yes/no question can ask permission for or about a requirement of; the
# others (丢失, 到期, 首次…) describe the applicant's situation and select it instead.
TOPICS = frozenset({"agent", "in_person", "nonlocal", "mail", "online", "foreigner"})


@dataclass(frozen=True)
class Verdict:
    """The answer word (None when the guide's line does not settle it) and the quoted line."""

    word: str | None
    line: str


def kind_of(question: str) -> str | None:
    """``can`` (可以/不可以), ``need`` (需要/不需要), or None when not a yes/no question."""
    text = normalize(question)
    if not _YES_NO.search(text):
        return None
    if _CAN.search(text):
        return "can"
    if _NEED.search(text) or _BRING.search(text):
        return "need"
    return None


def _words(kind: str, yes: bool) -> str:
    if kind == "can":
        return "可以" if yes else "不可以"
    return "需要" if yes else "不需要"


def _named_material(guide: Guide, text: str, asked: set[str]) -> Material | None:
    """The material the question names: its head noun ("……户口簿") or most of its name.

    Among materials sharing a head noun (申请人居民身份证, 受托人居民身份证) the one
    sharing more of its name with the question wins.
    """
    grams = set(char_ngrams(text))
    best, best_score = None, 0.0
    for m in guide.materials:
        name = normalize(_BOOK_TITLE.sub("", m.name))
        own = set(char_ngrams(name))
        share = len(own & grams) / len(own) if len(own) >= 2 else 0.0
        head = name[-_HEAD:] if len(name) >= _HEAD else name
        score = share + (1.0 if name in text else 0.5 if head in text else 0.0)
        if concepts(name) & asked - TOPICS - _FORMS:  # 照片 for 相片
            score += 1.0
        if score > best_score:
            best, best_score = m, score
    return best if best_score >= 0.6 else None


def _material_verdict(guide: Guide, m: Material, kind: str, asked: set[str]) -> Verdict:
    name = to_simplified(m.name)
    line = f"“{name}”" + (f"（{to_simplified(m.form)}）" if m.form else "")
    if m.notes:
        line += f"：{to_simplified(m.notes)}"
    if asked & _FORMS:
        if not m.form:
            return Verdict(None, f"材料清单写有“{name}”，但未写明要原件还是复印件")
        copy_ok = m.form in ("复印件", "原件及复印件", "电子件") if "copy" in asked else True
        word = ("可以" if copy_ok else "不可以") if kind == "can" else None
        if word is None:
            word = "需要" if m.form in ("原件", "原件及复印件") else "不需要"
        return Verdict(word, f"材料清单要求{line}")
    if m.shared:
        return Verdict(
            _words(kind, False) if kind == "need" else None,
            f"{line}免提交，窗口通过电子证照或数据共享获取",
        )
    if not m.required:
        return Verdict(
            _words(kind, False) if kind == "need" else None, f"{line}是非必要材料，有则提供"
        )
    if m.situations:
        labels = "、".join(to_simplified(s.label) for s in guide.situations if s.id in m.situations)
        return Verdict(None, f"属于“{labels}”情形的，需要提供{line}")
    if m.one_of:
        others = [
            to_simplified(g.name) for g in guide.materials if g.one_of == m.one_of and g is not m
        ]
        return Verdict(_words(kind, True), f"{line}，与" + "、".join(others) + "任选其一即可")
    return Verdict(_words(kind, True), f"材料清单列有{line}")


def _lines(guide: Guide) -> list[tuple[str, str]]:
    """(shown text, normalised text) of every line a verdict may quote."""
    shown = []
    for line in (guide.conditions or "").splitlines():
        shown += [p for p in re.split(r"(?<=[。；;])", line) if p.strip()]
    shown += [f"{m.name}：{m.notes}" for m in guide.materials if m.notes]
    shown += [f"{f.q} {f.a}" for f in guide.faq]
    shown += [s.label for s in guide.situations]
    return [(to_simplified(s.strip()), normalize(s)) for s in shown]


def _polarity(text: str, concept: str) -> bool | None:
    """Yes/no of the clause naming ``concept`` in a normalised guide line, None if unsaid."""
    for name, start, _ in concept_spans(text):
        if name != concept:
            continue
        clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
        before = text[clause_start:start]
        if _NEGATIVE.search(before):
            return False
        if _POSITIVE.search(before):
            return True
        return None
    return None


def _line_verdict(guide: Guide, kind: str, topics: set[str]) -> Verdict | None:
    """The guide line naming a topic of the question, and what it says about it."""
    for shown, text in _lines(guide):
        for topic in sorted(topics):
            if topic not in {name for name, _, _ in concept_spans(text)}:
                continue
            yes = _polarity(text, topic)
            if yes is None and kind == "can":
                # a line that provides for it without forbidding it ("委托他人办理的，需提供……")
                yes = True
            word = None if yes is None else _words(kind, yes)
            return Verdict(word, f"指南写明：“{shown}”")
    return None


def presence_line(guide: Guide) -> str | None:
    """The guide line requiring the applicant on site ("须由本人到场……"), if any."""
    for shown, text in _lines(guide):
        if _polarity(text, "in_person") is True:
            return shown
    return None


def yes_no_verdict(guide: Guide, question: str) -> Verdict | None:
    """The verdict on a yes/no ``question`` about ``guide``; None when it is no such question."""
    kind = kind_of(question)
    if kind is None:
        return None
    text = normalize(question)
    asked = concepts(text)
    material = _named_material(guide, text, asked)
    topics = asked & TOPICS
    about_material = _BRING.search(text) or asked & _FORMS or (kind == "need" and not topics)
    if material is not None and about_material:
        return _material_verdict(guide, material, kind, asked)
    if "in_person" in topics:
        found = _line_verdict(guide, "need", {"in_person"})
        if found is not None and found.word is not None:
            return found
        if guide.visits is not None:
            visits = guide.visits
            word = _words("need", visits > 0)
            line = "指南写明全程网办，无需到现场" if visits == 0 else f"指南写明需到现场{visits}次"
            return Verdict(word, line)
    if not topics and not asked & _FORMS:
        return None
    if asked & _FORMS and not topics:
        forms = {m.form for m in guide.materials if m.form and m.required and not m.shared}
        if len(forms) == 1:
            form = forms.pop()
            ok = form in ("复印件", "原件及复印件", "电子件") if "copy" in asked else True
            return Verdict(
                _words(kind, ok) if kind == "can" else None, f"材料清单要求的材料均为{form}"
            )
    return _line_verdict(guide, kind, topics) or Verdict(None, "")
