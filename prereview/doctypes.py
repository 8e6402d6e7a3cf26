"""Document types (证照类型): what kind of document a region of text is, whatever the guide.

A type is recognised from its layout — title words, printed labels, number
shapes — so an ID card's portrait side, which carries no title at all, is still
an ID card. Materials link to types by the optional ``recognize.type`` or, when
the guide does not say, by their name (a material named 法定代表人身份证明 is an
ID card) and, failing that, by their keywords.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from knowledge import Material
from prereview._doctype_table import TYPES, DocType
from prereview._text import compact
from prereview.recognise import TITLE_ROWS, is_sentence, title_text

# Words joining the documents a material name lists: 身份证或户口簿, 委托书及受托人身份证,
# 身份证和户口簿, 平面图、布局图. A type name ends its part (the head of a Chinese noun phrase),
# so splitting inside a word (中华人民共和国护照 → …国护照) never hides it.
_ALTERNATIVES = re.compile(r"或者|以及|或|及|和|与|、|/|,|;|:")
_PARENS = re.compile(r"[(（]([^)）]*)[)）]")
_QUOTES = re.compile(r"[《》“”\"'「」]")  # 学信网《教育部学籍在线验证报告》
# What a name says about the copy rather than the document (营业执照副本, 毕业证书原件,
# 身份证正反面复印件), and a list's closing 等: left out before the head is read.
_COPY_WORDS = re.compile(r"(?:复印件|原件|正本|副本|扫描件|影印件|电子版|电子件|正反面|等)+$")

__all__ = ["TYPES", "DocType", "Typed", "classify", "material_kinds", "type_by_id"]


@dataclass(frozen=True)
class Typed:
    """A region recognised as ``doctype`` with ``score`` evidence (title hits weigh most)."""

    doctype: DocType
    score: float
    titled: bool
    complete: bool = False  # title (if the type has one) and all the labels it needs


@cache
def _patterns(doctype: DocType) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in doctype.patterns)


def type_by_id(type_id: str) -> DocType | None:
    return next((t for t in TYPES if type_id in (t.id, t.kind)), None)


# A heading that calls the document a contract or an agreement (存量房买卖合同, 劳动合同).
_CONTRACT_HEAD = re.compile(r"(?:合同|协议书?)$")


def _contract_heading(rows: list[str]) -> bool:
    """The document's heading rows call it a contract or an agreement."""
    return any(
        _CONTRACT_HEAD.search(compact(row)) for row in rows[:TITLE_ROWS] if not is_sentence(row)
    )


def _evidence(
    doctype: DocType, title: str, body: str, raw: str, contract: bool = False
) -> Typed | None:
    if any(compact(word) in body for word in doctype.excludes):
        return None
    titled = any(compact(word) in title for word in doctype.titles)
    if contract and not titled and not doctype.card and not _is_contract_type(doctype):
        return None  # a sale contract lists 坐落 and 面积 without being a property certificate
    anywhere = sum(compact(word) in body for word in doctype.titles)
    labels = sum(compact(word) in body for word in doctype.labels)
    shapes = sum(1 for pattern in _patterns(doctype) if pattern.search(raw))
    enough = labels >= doctype.min_labels
    card_evidence = doctype.card and anywhere and labels + shapes >= doctype.min_labels
    # A card shows its layout as well as its title: a form mentioning 居民身份证 is no card.
    title_evidence = titled and (not doctype.card or labels + shapes >= 1)
    if not (title_evidence or enough or card_evidence):
        return None
    score = 3.0 * titled + 1.0 * anywhere + labels + shapes
    complete = enough and (titled or anywhere > 0 or not doctype.titles)
    return Typed(doctype, score, titled, complete)


def classify(rows: list[str]) -> Typed | None:
    """The document type ``rows`` (top to bottom) show best, or None when none fits."""
    if not rows:
        return None
    title = title_text(rows)
    body = compact("".join(rows))
    raw = "\n".join(rows)
    contract = _contract_heading(rows)
    found = [t for doctype in TYPES if (t := _evidence(doctype, title, body, raw, contract))]
    return _title_head(rows, found) or max(found, key=lambda t: t.score, default=None)


def _is_contract_type(doctype: DocType) -> bool:
    return any(_CONTRACT_HEAD.search(compact(word)) for word in doctype.titles)


def _title_head(rows: list[str], found: list[Typed]) -> Typed | None:
    """The type whose title word comes last in a title row naming several: a Chinese title
    ends in its head.

    不动产权属证书遗失声明书 is a 声明书 about a certificate, 营业执照补领申请书 an
    application about a licence, 解除劳动合同证明书 a 证明 about a contract: the words
    before the head only say what it is about. Only the first title row naming a type
    counts, bracketed parts such as （副本） left out; None when it names one type only.
    """
    titled = [t for t in found if t.titled]
    if len(titled) < 2:
        return None
    for row in rows[:TITLE_ROWS]:
        if is_sentence(row):
            continue
        text = compact(_PARENS.sub("", row))
        named = [t for t in titled if any(w in text for w in _title_words(t.doctype))]
        if not named:
            continue
        # A catch-all title word (证明) stands back for a specific type the row names:
        # 健康合格证明 is a health certificate, though it ends in 证明.
        named = [t for t in named if not t.doctype.generic] or named
        if len(named) < 2:
            return None
        ends = {id(t): max(_word_end(text, w) for w in _title_words(t.doctype)) for t in named}
        last = max(ends.values())
        ending = [t for t in named if ends[id(t)] == last]
        return max(ending, key=lambda t: t.score)
    return None


def _word_end(text: str, word: str) -> int:
    """Where the last ``word`` in ``text`` ends, or -1."""
    at = text.rfind(word)
    return at + len(word) if at >= 0 else -1


def _title_words(doctype: DocType) -> list[str]:
    return [compact(word) for word in doctype.titles]


def _parts(text: str) -> list[str]:
    """The documents ``text`` lists, each without its copy words: 甲复印件或乙 → [甲, 乙]."""
    parts = (_COPY_WORDS.sub("", part) for part in _ALTERNATIVES.split(text))
    return [part for part in parts if part]


def _name_alternatives(name: str) -> tuple[list[str], list[str]]:
    """(documents of the bare name, documents in brackets): 甲或乙（丙、丁） → [甲, 乙], [丙, 丁]."""
    text = _QUOTES.sub("", compact(name))
    inner = [part for group in _PARENS.findall(text) for part in _parts(group)]
    return _parts(_PARENS.sub("", text)), inner


_GENERIC = frozenset(t.kind for t in TYPES if t.generic)


def _part_kinds(part: str, generic: bool = True) -> set[str]:
    """Kinds whose name ends ``part``; a catch-all kind only when no specific one does."""
    named = [t for t in TYPES if t.material_names and re.search(t.material_names, part)]
    specific = {t.kind for t in named if not t.generic}
    return specific or ({t.kind for t in named} if generic else set())


@cache
def _kinds(name: str, keywords: tuple[str, ...], explicit: str | None) -> frozenset[str]:
    """Kinds the name asks for: every listed document whose head is a type's name.

    A bracket lists what a vaguer document may be (亲属关系证明（户口簿或结婚证）): its
    documents count when some document of the bare name is no specific type.
    """
    if explicit:
        doctype = type_by_id(explicit)
        return frozenset({doctype.kind} if doctype else ())
    bare, inner = _name_alternatives(name)
    kinds = set().union(*(_part_kinds(part) for part in bare))
    if not bare or not all(_part_kinds(part, generic=False) for part in bare):
        kinds |= set().union(*(_part_kinds(part) for part in inner))
    if not kinds - _GENERIC:  # the keywords may name the certificate a vague name means
        words = {compact(k) for k in keywords}
        kinds = {
            t.kind
            for t in TYPES
            if t.kind != "form"
            and not t.generic
            and any(compact(title) in words for title in t.titles)
        } or kinds
    return frozenset(kinds)


def material_kinds(material: Material) -> frozenset[str]:
    """Document kinds (``DocType.kind``) that can stand for ``material``; empty when unknown."""
    recognize = material.recognize
    keywords = tuple(recognize.keywords) if recognize else ()
    explicit = getattr(recognize, "type", None) if recognize else None
    return _kinds(material.name, keywords, explicit)
