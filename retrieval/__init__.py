"""Retrieval: text normalisation, hybrid lexical + vector search, answers from guides.

Public surface (other layers import only these)::

    normalize(text) -> str                      # canonical text for matching
    detect_facet(text) -> str | None            # what is asked: materials, fees, …
    compose_answer(guide, facet, situations) -> str
    Searcher.open(store, home, …) -> Searcher   # .ask(), .answer_for(), .refresh()
    Answer, Hit
    evaluate_side_by_side(sets) -> figures      # several sets / knowledge bases, side by side
    Searcher.recalibrate(labelled) -> Recalibration   # before/after; refuses a worse model
    labels_from_workbench(unanswered, ratings) -> labelled questions

No model is loaded on import; encoders load when a searcher opens.
"""

from retrieval.answers import compose_answer
from retrieval.encoders import EncoderUnavailable, load_encoders
from retrieval.facets import FACETS, detect_facet, detect_facets
from retrieval.labels import Recalibration, labels_from_workbench
from retrieval.search import Answer, Hit, Searcher
from retrieval.sidebyside import EvalSet, evaluate_side_by_side, format_side_by_side
from retrieval.synonyms import Synonyms, SynonymTableError
from retrieval.text import expansions, normalize

__all__ = [
    "FACETS",
    "Answer",
    "EncoderUnavailable",
    "EvalSet",
    "Hit",
    "Recalibration",
    "Searcher",
    "SynonymTableError",
    "Synonyms",
    "compose_answer",
    "detect_facet",
    "detect_facets",
    "evaluate_side_by_side",
    "expansions",
    "format_side_by_side",
    "labels_from_workbench",
    "load_encoders",
    "normalize",
]
