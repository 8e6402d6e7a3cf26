"""Situation flags (办事情形) of one item: ``agent``, ``agent=true``, ``agent=false``.

The notation is read by :mod:`knowledge.situation_flags` (the pre-review of a bundle
reads it too); here the flags are checked against one item's situations and written
back. ``S=unknown`` (or ``S=?``) leaves a situation open; the notice then asks
about it. Which situations are left open when *not* named is the caller's
contract: the API leaves them unknown, the CLI takes them as not applying.
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge import Guide
from knowledge.situation_flags import read_flags


class UnknownSituation(ValueError):
    """A flag names a situation the item does not have; the message lists those it has."""


def parse_situations(
    values: Iterable[str], guide: Guide, unlisted: bool | None = None
) -> dict[str, bool | None]:
    """Every situation of ``guide`` → applies (True), not (False) or unknown (None).

    ``values`` may repeat and may hold several flags separated by commas.
    """
    answers: dict[str, bool | None] = {s.id: unlisted for s in guide.situations}
    for flag in read_flags(values):
        if flag.situation not in answers:
            known = ", ".join(sorted(answers)) or "无"
            raise UnknownSituation(
                f"事项 {guide.id} 没有办事情形 {flag.situation}（可选：{known}）"
            )
        answers[flag.situation] = flag.applies
    return answers


def known_situations(answers: dict[str, bool | None]) -> dict[str, bool]:
    """Only the situations whose answer is known."""
    return {sid: applies for sid, applies in answers.items() if applies is not None}


def situation_flags(known: dict[str, bool]) -> tuple[str, ...]:
    """Known answers written as flags (``agent=true``), as the API reads them back."""
    return tuple(f"{sid}={'true' if applies else 'false'}" for sid, applies in known.items())
