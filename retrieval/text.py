"""Text normalisation used everywhere: questions, guides and OCR text.

One canonical form makes a citizen's "身分證掉了咋辦" and a guide's "居民身份证……丢失"
comparable: Traditional → Simplified (zhconv, which also maps regional words),
full-width → half-width, lower case, one spelling of each punctuation mark, no
spaces between Chinese characters (OCR often spaces them out), Chinese numerals
before a measure word as digits, and the staff-curated synonym and typo table
(``knowledge/data/synonyms.yaml``). :func:`normalize` is idempotent.
"""

from __future__ import annotations

from knowledge.charforms import to_simplified
from retrieval.charforms import normalize_form
from retrieval.synonyms import Synonyms, default_synonyms

__all__ = ["expansions", "normalize", "normalize_form", "to_simplified"]


def normalize(text: str, synonyms: Synonyms | None = None) -> str:
    """The canonical form of ``text`` for matching (never shown to citizens)."""
    table = synonyms if synonyms is not None else default_synonyms()
    return table.apply(normalize_form(text))


def expansions(text: str, synonyms: Synonyms | None = None) -> list[str]:
    """Official terms to add to a normalised question ("上户口" → 出生登记, 户籍登记)."""
    table = synonyms if synonyms is not None else default_synonyms()
    return table.expansions(text)
