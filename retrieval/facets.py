"""Facet detection: which part of a guide the citizen asks about (材料、时限、收费……).

A pure function over the normalised question, driven by the cue table in
``retrieval/data/facets.yaml`` (data, editable): strong cues score 2, weak cues
1; the best-scoring facet wins, ties go to the cue said first, and ``general``
wins only with a strictly higher score than every specific facet.

Fallback cues (1 point) count only when no specific facet and no strong general
cue matched: a bare yes/no question about doing or needing the service
("要去备案不") asks whether it applies (conditions), but specific wording
("收费吗", "在网上能办吗", "能当天拿到吗") or a "how do I…" question says what
is really asked and takes precedence. (A secondary specific facet replaces the
general overview in the answer, so the fallback must stay silent there.)

What a facet covers is docs/facet-labels.md (the section a clerk would read out):
money paid out to the citizen is ``fees``, the validity of what one gets is
``results``, "(这里)能办 X 吗" without a circumstance is ``general``.

Cues describe question frames (a yes/no question about a missing document, a
named place that "能办吗", the form of what one gets …), each commented in the
yaml, so that they carry over to another centre's guides; a learned fallback
(nearest sample questions by embedding) was tried for the unsure cases and lost
accuracy in both leave-set-out directions, so there is none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from retrieval.text import normalize

FACETS = (
    "materials",
    "conditions",
    "time_limit",
    "fees",
    "location",
    "hours",
    "phone",
    "online",
    "process",
    "results",
    "basis",
    "general",
)
_WEIGHTS = {"strong": 2, "weak": 1, "fallback": 1}
_SPACES = re.compile(r"\s+")
_WILDCARD = re.compile(r"(?<!\\)\.|\[\^")
_KEEP = "(?#keep)"  # a cue whose match is never removed from the search text


@dataclass(frozen=True)
class _Cue:
    facet: str
    strength: str
    pattern: re.Pattern[str]

    @property
    def weight(self) -> int:
        return _WEIGHTS[self.strength]

    @cached_property
    def strippable(self) -> bool:
        """Pure wording: no wildcard that could swallow the words naming an item.

        A cue that spells out the nouns it sits next to (a place, a document) marks
        itself ``(?#keep)``: those nouns often belong to the item's name.
        """
        source = self.pattern.pattern
        return _KEEP not in source and not _WILDCARD.search(source)


@cache
def _cues() -> tuple[_Cue, ...]:
    path = Path(__file__).resolve().parent / "data" / "facets.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cues = []
    for facet, groups in data.items():
        if facet not in FACETS:
            raise ValueError(f"facets.yaml: 未知的方面 {facet!r}")
        for strength, patterns in groups.items():
            if strength not in _WEIGHTS:
                raise ValueError(f"facets.yaml: 未知的强度 {strength!r}")
            cues += [_Cue(facet, strength, re.compile(p)) for p in patterns or []]
    return tuple(cues)


def _decided(found: dict[str, tuple[int, int]]) -> bool:
    """A specific facet, or strong "how do I…" wording, already says what is asked."""
    general = found.get("general", (0, 0))[0]
    return general >= _WEIGHTS["strong"] or any(f != "general" for f in found)


def facet_scores(text: str) -> dict[str, tuple[int, int]]:
    """Per facet: (score, position of its first cue) for a normalised text.

    Fallback cues are scored only when nothing but weak general wording matched.
    """
    found: dict[str, tuple[int, int]] = {}
    for fallback in (False, True):
        if fallback and _decided(found):
            break
        for cue in _cues():
            if (cue.strength == "fallback") != fallback:
                continue
            match = cue.pattern.search(text)
            if match:
                score, first = found.get(cue.facet, (0, len(text)))
                found[cue.facet] = (score + cue.weight, min(first, match.start()))
    return found


def detect_facets(text: str) -> list[str]:
    """Every facet asked about, best first; empty when nothing is asked about."""
    scores = facet_scores(normalize(text))
    specific = {f: s for f, s in scores.items() if f != "general"}
    ranked = sorted(specific, key=lambda f: (-specific[f][0], specific[f][1]))
    general = scores.get("general", (0, 0))[0]
    if general and (not ranked or general > specific[ranked[0]][0]):
        return ["general", *ranked]
    return ranked or (["general"] if general else [])


def detect_facet(text: str) -> str | None:
    """The main facet of a question, ``general`` for "how do I…", None without any cue."""
    facets = detect_facets(text)
    return facets[0] if facets else None


def strip_cues(text: str, keep_if_empty: bool = True) -> str:
    """A normalised question without its facet wording ("出生登记要收费吗" → "出生登记").

    What is asked says nothing about which item is meant, and FAQ entries of other
    items share that wording ("……收费吗？"), so search looks at the rest; a question
    that is nothing but facet wording is returned unchanged (or as "" when
    ``keep_if_empty`` is false, which is how a bare follow-up is recognised). Only
    strong cues without wildcards are removed, so that "能领失业金吗" keeps "失业金".
    """
    keep = [True] * len(text)
    for cue in _cues():
        if cue.strength == "strong" and cue.strippable:
            for match in cue.pattern.finditer(text):
                keep[match.start() : match.end()] = [False] * (match.end() - match.start())
    stripped = "".join(ch if kept else " " for ch, kept in zip(text, keep, strict=True))
    stripped = _SPACES.sub(" ", stripped).strip(" ,.?!;:")
    if len(stripped) >= 2:
        return stripped
    return text if keep_if_empty else ""
