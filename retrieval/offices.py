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
    """The distinct parts of the items' department and place names, where their words start,
    and the items each belongs to; by character, the parts.

    Parts are kept once however many items share them: a hall serving thousands of items
    is one name to test, so a question costs the number of distinct office names.
    """

    parts: list[str]
    starts: list[frozenset[int]]
    items: list[frozenset[int]]
    by_char: dict[str, frozenset[int]]


_ATTRIBUTE = "_offices"  # kept on the index state: built once per knowledge-base version


def offices(state) -> Offices:
    """The office names of ``state``'s items (built once per index state)."""
    found = getattr(state, _ATTRIBUTE, None)
    if found is None:
        items: dict[str, set[int]] = {}
        for i, guide in enumerate(state.guides):
            # split on blanks before normalising, which joins Chinese across them
            names = [guide.department, *(loc.name for loc in guide.locations)]
            pieces = [piece for n in names for piece in n.split()]
            for part in {p for n in pieces for p in _PARTS.findall(normalize(n))}:
                items.setdefault(part, set()).add(i)
        parts = list(items)
        by_char: dict[str, set[int]] = {}
        for k, part in enumerate(parts):
            for ch in set(part):
                by_char.setdefault(ch, set()).add(k)
        found = Offices(
            parts,
            [word_starts(p, state.tokenizer.tokens(p)) for p in parts],
            [frozenset(items[p]) for p in parts],
            {c: frozenset(s) for c, s in by_char.items()},
        )
        setattr(state, _ATTRIBUTE, found)
    return found


def word_starts(name: str, words: list[str]) -> frozenset[int]:
    """Where words of ``name`` may start, given its tokens (search-mode, in any order).

    A word starts at the beginning, where a token ends, or after a character no token
    covers. Search-mode tokens of 人民政府 include 民政, yet 民 follows 人 inside 人民:
    no word starts there. In 服务中心, 中心 starts where 服务 ends.
    """
    ends, covered = {0}, set()
    for word in set(words):
        at = name.find(word)
        while at >= 0:
            ends.add(at + len(word))
            covered.update(range(at, at + len(word)))
            at = name.find(word, at + 1)
    return frozenset(k for k in range(len(name)) if k in ends or k - 1 not in covered)


def shortens(word: str, name: str, starts: frozenset[int] | None = None) -> bool:
    """Whether ``word`` is ``name`` or a short form of it (its characters in order).

    A Chinese short form begins where a word of the full name begins (残疾人|联合会 →
    残联, 示范市|渔政|管理站 → 渔政站); with ``starts`` given, "民政" is not read in
    人民|政府, whose 民 begins no word.
    """
    first = [
        at for at, ch in enumerate(name) if ch == word[:1] and (starts is None or at in starts)
    ]
    for begin in first:
        at = begin + 1
        for ch in word[1:]:
            at = name.find(ch, at)
            if at < 0:
                return False
            at += 1
        return True
    return False


def _holders(table: Offices, word: str) -> set[int]:
    """The items one of whose office names ``word`` names."""
    sets = [table.by_char.get(ch, frozenset()) for ch in set(word)]
    maybe = frozenset.intersection(*sets) if sets else frozenset()
    holders: set[int] = set()
    for k in maybe:
        if shortens(word, table.parts[k], table.starts[k]):
            holders |= table.items[k]
    return holders


def named_office(state, text: str, words: list[str]) -> tuple[int | None, bool]:
    """The one item whose office the question names and asks about (else None), and
    whether every word of the question belongs to an office name ("北湖区应急局审批窗口
    电话": nothing but the office; "无犯罪记录证明在哪开" names a paper, not an office).

    ``text``: the normalised question; ``words``: its word tokens (facet cues removed).
    """
    facets = detect_facets(text)
    if not facets or facets[0] not in OFFICE_FACETS:
        return None, False
    table = offices(state)
    named: set[int] = set()
    only = True
    unique = list(dict.fromkeys(words))
    for word in unique:
        # a search-mode piece of a longer word (湖区 of 北湖区) is read with that word
        if len(word) < _MIN_WORD or any(word in w and word != w for w in unique):
            continue
        holders = _holders(table, word)
        if len(holders) == 1:
            named |= holders
        elif not holders:
            if state.words.idf(word) >= state.words.unknown_idf:
                return None, False  # a word the knowledge base never uses: more than the office
            only = False
    return (next(iter(named)), only) if len(named) == 1 else (None, False)
