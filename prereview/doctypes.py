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

_ALTERNATIVES = re.compile(r"或者|或|及|、|/")
_PARENS = re.compile(r"[(（]([^)）]*)[)）]")

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
    """The type whose title word ends a title row naming several: a Chinese title ends in its head.

    不动产权属证书遗失声明书 is a 声明书 about a certificate, 营业执照补领申请书 an
    application about a licence: the words before the head only say what it is about.
    Only the first title row naming a type counts, bracketed parts such as （副本）
    left out; None when it names one type only, or none of them ends it.
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
        ending = [t for t in named if any(text.endswith(w) for w in _title_words(t.doctype))]
        if len(named) < 2 or not ending:
            return None
        return max(ending, key=lambda t: t.score)
    return None


def _title_words(doctype: DocType) -> list[str]:
    return [compact(word) for word in doctype.titles]


def _name_alternatives(name: str) -> tuple[list[str], list[str]]:
    """(alternatives of the bare name, parenthesised parts): 甲或乙（丙） → [甲, 乙], [丙]."""
    text = compact(name)
    inner = [part for part in _PARENS.findall(text) if part]
    bare = _PARENS.sub("", text)
    return [part for part in _ALTERNATIVES.split(bare) if part], inner


def _kinds_named(parts: list[str]) -> set[str]:
    return {
        t.kind
        for part in parts
        for t in TYPES
        if t.material_names and re.search(t.material_names, part)
    }


@cache
def _kinds(name: str, keywords: tuple[str, ...], explicit: str | None) -> frozenset[str]:
    if explicit:
        doctype = type_by_id(explicit)
        return frozenset({doctype.kind} if doctype else ())
    bare, inner = _name_alternatives(name)
    kinds = _kinds_named(bare) or _kinds_named(inner)
    if not kinds:
        words = {compact(k) for k in keywords}
        kinds = {
            t.kind
            for t in TYPES
            if t.kind != "form" and any(compact(title) in words for title in t.titles)
        }
    return frozenset(kinds)


def material_kinds(material: Material) -> frozenset[str]:
    """Document kinds (``DocType.kind``) that can stand for ``material``; empty when unknown."""
    recognize = material.recognize
    keywords = tuple(recognize.keywords) if recognize else ()
    explicit = getattr(recognize, "type", None) if recognize else None
    return _kinds(material.name, keywords, explicit)
