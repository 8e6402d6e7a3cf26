"""Which 办事情形 (situation) a question describes: "身份证丢了……" → the 补领 situation.

A situation is selected when the question names a concept (``retrieval.concepts``)
that its label or its question names and that does not name every situation of
the item alike (then it tells nothing apart). Only selections are added: the
question saying 丢了 does not prove the applicant is not also a minor.
"""

from __future__ import annotations

from knowledge import Guide
from retrieval.concepts import concepts


def infer_situations(
    guide: Guide, question: str, known: dict[str, bool] | None = None
) -> dict[str, bool]:
    """``known`` plus the situations ``question`` describes (what is known is kept)."""
    out = dict(known or {})
    if not guide.situations or not question:
        return out
    asked = concepts(question)
    if not asked:
        return out
    named = {s.id: concepts(f"{s.label} {s.question or ''}") for s in guide.situations}
    everywhere = set.intersection(*named.values()) if named else set()
    for situation_id, words in named.items():
        if situation_id not in out and (words & asked) - everywhere:
            out[situation_id] = True
    return out
