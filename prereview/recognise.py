"""Which material of the item a document (or a run of its pages) is.

Evidence: the guide's ``recognize.keywords`` and the material's own name, both
weighed more when they appear in the title rows, plus character-bigram
similarity between the name and the title. Below the threshold a document is
*not recognised* — it is never forced onto the nearest material.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge import Material
from prereview._text import compact

TITLE_ROWS = 4
HEADLINE_ROWS = 2  # a page whose first rows name a material starts a new document
THRESHOLD = 2.0  # e.g. two keywords in the body, or one in the title
_PARENS = re.compile(r"[(（][^)）]*[)）]")
# Clause punctuation: a row carrying it is running text, never a title (承诺书 body rows mention
# 健康证明, 营业执照… without being one).
_SENTENCE = re.compile(r"[，。；！？,;!?]")
_SPLIT = re.compile(r"[、/或及和与]")


@dataclass(frozen=True)
class Match:
    material_id: str
    score: float
    titled: bool  # the evidence includes the title rows
    headline: bool = False  # the first rows name this material (a document starts here)


def title_text(rows: list[str]) -> str:
    """The compact text of the heading rows among the first ``TITLE_ROWS``: no sentences."""
    return compact("".join(row for row in rows[:TITLE_ROWS] if not is_sentence(row)))


def is_sentence(row: str) -> bool:
    """Running text: clause punctuation, or a line of a clause wrapped mid-bracket.

    于2017年10月15日…办理结婚登记（结婚证字号： carries no comma, but a bracket it
    does not close: the clause goes on below, and no title is ever cut that way.
    """
    return bool(_SENTENCE.search(row)) or row.count("(") + row.count("（") > row.count(
        ")"
    ) + row.count("）")


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def name_variants(name: str) -> list[str]:
    """The material name, without parenthesised parts, its alternatives (A或B), and the
    head of each: what follows the last 的 (用人单位出具的在职证明 → 在职证明), the title
    such a document is printed under; who issues it is no part of the title."""
    full = compact(name).replace("(", "").replace(")", "")
    bare = compact(_PARENS.sub("", name))
    variants = {full, bare}
    parts = [part for part in _SPLIT.split(bare) if len(part) >= 3]
    variants.update(parts)
    variants.update(head for part in parts if len(head := part.rsplit("的", 1)[-1]) >= 3)
    return sorted(v for v in variants if len(v) >= 2)


def _containment(term: str, text: str) -> float:
    """Share of ``term``'s bigrams present in ``text`` (1.0 when it appears whole)."""
    if term in text:
        return 1.0
    grams = _bigrams(term)
    return len(grams & _bigrams(text)) / len(grams) if grams else 0.0


def score_material(material: Material, rows: list[str]) -> Match:
    """How strongly ``rows`` (a document's rows, top first) look like ``material``."""
    title = title_text(rows)
    headline = compact("".join(rows[:HEADLINE_ROWS]))
    body = compact("".join(rows))
    score = 0.0
    titled = starts = False
    keywords = [compact(k) for k in (material.recognize.keywords if material.recognize else [])]
    for keyword in dict.fromkeys(k for k in keywords if k):
        if keyword in title:
            score += 1.5
            titled = True
            starts = starts or (len(keyword) >= 4 and keyword in headline)
        elif keyword in body:
            score += 1.0
    variants = name_variants(material.name)
    best_name = max((_containment(v, title) for v in variants), default=0.0)
    if best_name >= 0.8:
        score += 3.0 * best_name
        titled = True
        starts = starts or max(_containment(v, headline) for v in variants) >= 0.8
    elif best_name >= 0.6:
        score += 1.0
    return Match(material.id, score, titled, starts)


def rank_materials(materials: list[Material], rows: list[str]) -> list[Match]:
    """Materials above the threshold, best first (ties keep guide order)."""
    matches = [score_material(m, rows) for m in materials]
    good = [m for m in matches if m.score >= THRESHOLD]
    return sorted(good, key=lambda m: -m.score)
