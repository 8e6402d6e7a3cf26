"""Retrieval: text normalisation, hybrid lexical + vector search, answers from guides.

Public surface (other layers import only these)::

    normalize(text) -> str                      # canonical text for matching
    detect_facet(text) -> str | None            # what is asked: materials, fees, …
    compose_answer(guide, facet, situations) -> str
    Searcher.open(store, home, …) -> Searcher   # .ask(), .answer_for(), .refresh()
    Answer, Hit

No model is loaded on import; encoders load when a searcher opens.
"""

from retrieval.answers import compose_answer
from retrieval.encoders import EncoderUnavailable, load_encoders
from retrieval.facets import FACETS, detect_facet, detect_facets
from retrieval.search import Answer, Hit, Searcher
from retrieval.synonyms import Synonyms, SynonymTableError
from retrieval.text import expansions, normalize

__all__ = [
    "FACETS",
    "Answer",
    "EncoderUnavailable",
    "Hit",
    "Searcher",
    "SynonymTableError",
    "Synonyms",
    "compose_answer",
    "detect_facet",
    "detect_facets",
    "expansions",
    "load_encoders",
    "normalize",
]
