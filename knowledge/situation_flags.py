"""Situation flags (办事情形) as people write them: ``agent``, ``agent=true``, ``agent=否``.

One notation for every place an answer about situations is typed or sent: the
pre-review API (form field ``situations``), the CLI (``--situation``), the
mini-program's upload hint, for one item or a whole 一件事. It is read here, once,
by both users of it — ``bot`` for an item's situations and ``prereview`` for a
bundle's — which may not import each other's parsing (DESIGN.md layers). What a
flag *names* is checked by the caller, against the item or bundle it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

NO = ("false", "0", "no", "否")  # any other value, or none, means the situation applies
UNKNOWN = ("unknown", "?")  # leaves the situation open: the notice asks about it


@dataclass(frozen=True)
class Flag:
    """One flag as written: the situation, its answer (None: unknown) and the text itself."""

    situation: str
    applies: bool | None
    text: str


def read_flags(values: Iterable[str]) -> list[Flag]:
    """Every flag in ``values``, in order; values may repeat and hold several, comma-separated.

    Both the ASCII and the full-width comma separate flags, as typed on a phone;
    blank parts are skipped. A flag with an empty name is returned as it is, so the
    caller names it in its refusal instead of it being lost silently.
    """
    flags = []
    for value in values:
        for part in value.replace("，", ",").split(","):
            part = part.strip()
            if not part:
                continue
            situation, _, answer = part.partition("=")
            answer = answer.strip().lower()
            applies = None if answer in UNKNOWN else answer not in NO
            flags.append(Flag(situation.strip(), applies, part))
    return flags
