"""Offices citizens name (出入境, 残联, 渔政站): a question about an office's place, hours or phone.

"渔政站几点开门" or "滨湖区残联电话" names no item: it names the office where one is
handled, often shortened (渔政管理站 → 渔政站, 残疾人联合会 → 残联, 外事办公室 → 外办).
A Chinese short form keeps characters of the full name in their order, so a
question word whose characters appear in order in an office name of the item
names that office. When the question asks where, when or how to reach it, and
that office is the office of exactly one item of this knowledge base, the
question is about that item: the reply gives its place, hours and phone.
An office shared by several items stays a choice, and a question that also
says something the knowledge base never mentions ("海关罚没的东西在哪拍卖") is left
to the confidence model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.facets import detect_facets
from retrieval.text import normalize

# Facets that ask about the office itself.
OFFICE_FACETS = frozenset({"location", "hours", "phone"})
_PARTS = re.compile(r"[^\s()（）\[\]【】,，、;；]+")
_MIN_WORD = 2


@dataclass(frozen=True)
class Offices:
    """Per item, the parts of its department's and places' names; by character, the items."""

    parts: list[tuple[str, ...]]
    by_char: dict[str, frozenset[int]]


_ATTRIBUTE = "_offices"  # kept on the index state: built once per knowledge-base version


def offices(state) -> Offices:
    """The office names of ``state``'s items (built once per index state)."""
    found = getattr(state, _ATTRIBUTE, None)
    if found is None:
        parts = []
        by_char: dict[str, set[int]] = {}
        for i, guide in enumerate(state.guides):
            names = [guide.department, *(loc.name for loc in guide.locations)]
            mine = tuple(dict.fromkeys(p for n in names for p in _PARTS.findall(normalize(n))))
            parts.append(mine)
            for ch in set("".join(mine)):
                by_char.setdefault(ch, set()).add(i)
        found = Offices(parts, {c: frozenset(s) for c, s in by_char.items()})
        setattr(state, _ATTRIBUTE, found)
    return found


def shortens(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` or a short form of it (its characters in order)."""
    at = 0
    for ch in word:
        at = name.find(ch, at)
        if at < 0:
            return False
        at += 1
    return True


def _holders(table: Offices, word: str) -> set[int]:
    """The items one of whose office names ``word`` names."""
    sets = [table.by_char.get(ch, frozenset()) for ch in set(word)]
    maybe = frozenset.intersection(*sets) if sets else frozenset()
    return {i for i in maybe if any(shortens(word, p) for p in table.parts[i])}


def office_item(state, text: str, words: list[str]) -> int | None:
    """The one item whose office the question names and asks about; else None.

    ``text``: the normalised question; ``words``: its word tokens (facet cues removed).
    """
    facets = detect_facets(text)
    if not facets or facets[0] not in OFFICE_FACETS:
        return None
    table = offices(state)
    named: set[int] = set()
    for word in dict.fromkeys(words):
        if len(word) < _MIN_WORD:
            continue
        holders = _holders(table, word)
        if len(holders) == 1:
            named |= holders
        elif not holders and state.words.idf(word) >= state.words.unknown_idf:
            return None  # a word the knowledge base never uses: not only about the office
    return next(iter(named)) if len(named) == 1 else None
