"""The reply to one question about one guide: the facet's answer, fitted to what was asked.

On top of the per-facet templates (``retrieval.answers``): the situations the
question describes select the materials (``retrieval.situations``); a place the
question names narrows the places to that one; a yes/no question gets its
verdict first (``retrieval.yesno``).
"""

from __future__ import annotations

from collections import Counter

from knowledge import Guide, Location
from retrieval.answers import ask_window, compose_answer, compose_sections
from retrieval.concepts import concepts
from retrieval.situations import infer_situations
from retrieval.text import normalize, to_simplified
from retrieval.tokens import char_ngrams
from retrieval.yesno import yes_no_verdict

# Facets whose answer a yes/no verdict may lead; the others (收费吗, 能网上办吗, 要多久)
# are yes/no by form but their own template already answers them.
VERDICT_FACETS = frozenset({"materials", "conditions", "general", "process"})


def named_location(guide: Guide, question: str) -> Location | None:
    """The one place of several that the question names (by words no other place has)."""
    if len(guide.locations) < 2:
        return None
    grams = set(char_ngrams(normalize(question)))
    own = [
        set(char_ngrams(normalize(f"{loc.name} {loc.address or ''}"))) for loc in guide.locations
    ]
    counts = Counter(g for grams_of in own for g in grams_of)
    scores = [sum(1 for g in grams_of & grams if counts[g] == 1) for grams_of in own]
    best = max(scores)
    if best == 0 or scores.count(best) > 1:
        return None
    return guide.locations[scores.index(best)]


def _verdict_lead(guide: Guide, question: str) -> str | None:
    verdict = yes_no_verdict(guide, question)
    if verdict is None:
        return None
    if verdict.word:
        return f"{verdict.word}。{verdict.line}。"
    if verdict.line:
        return f"{verdict.line}。是否适用于您的情况，" + ask_window(guide)
    return f"“{to_simplified(guide.name)}”的办事指南未写明这一点，" + ask_window(guide)


def compose_reply(
    guide: Guide,
    question: str,
    facets: list[str],
    situations: dict[str, bool] | None = None,
) -> str:
    """The answer to ``question`` about ``guide`` for the detected ``facets`` (best first)."""
    situations = infer_situations(guide, question, situations)
    place = named_location(guide, question)
    shown = guide.model_copy(update={"locations": [place]}) if place else guide
    specific = [f for f in facets if f != "general"][:2]
    main = specific[0] if specific else (facets[0] if facets else "general")
    if len(specific) > 1:
        body = compose_sections(shown, specific, situations)
    else:
        body = compose_answer(shown, main, situations)
    lead = _verdict_lead(guide, question) if main in VERDICT_FACETS else None
    if lead is None and main == "online" and "in_person" in concepts(question):
        lead = _verdict_lead(guide, question)
    return f"{lead}\n\n{body}" if lead else body
