"""Concepts (概念) shared by citizens' wording and guides' wording, from a data table.

``retrieval/data/concepts.yaml`` maps phrasings to one concept ("帮我办", "委托",
"代为" → ``agent``). Replies use it to read which 办事情形 (situation) a question
describes and which guide line decides a yes/no question, without any rule
written for a particular item or question.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

from retrieval.text import normalize


def phrase_table(path: Path) -> tuple[re.Pattern[str], dict[str, str]]:
    """A YAML table ``{key: [phrasing, …]}`` as one pattern (longest phrasing first) and,
    per normalised phrasing, its key (the first key that lists it)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    owner: dict[str, str] = {}
    for key, words in data.items():
        for word in words or []:
            owner.setdefault(normalize(str(word)), key)
    ordered = sorted(owner, key=lambda w: (-len(w), w))
    return re.compile("|".join(re.escape(w) for w in ordered)), owner


@cache
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    return phrase_table(Path(__file__).resolve().parent / "data" / "concepts.yaml")


def concepts(text: str) -> set[str]:
    """The concepts named in ``text`` (normalised inside; the longest phrasing wins)."""
    pattern, owner = _table()
    return {owner[m.group(0)] for m in pattern.finditer(normalize(text))}


def concept_spans(text: str) -> list[tuple[str, int, int]]:
    """(concept, start, end) of each phrasing found in an already normalised ``text``."""
    pattern, owner = _table()
    return [(owner[m.group(0)], m.start(), m.end()) for m in pattern.finditer(text)]
