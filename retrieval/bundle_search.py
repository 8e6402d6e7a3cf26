"""Whether a question asks for a whole 一件事 bundle, and which one.

Two general signals must agree:

* the wording asks about the event as a whole — several procedures, which
  departments, what to do for it (the cue table ``retrieval/data/bundle_cues.yaml``);
* a bundle's document ranks first for the question when items and bundles are
  ranked together (reciprocal-rank fusion of the joint BM25 views and the cosine
  of each encoder the question was embedded with) for what the question is about
  (its words without the event and facet wording) — or only its own items rank
  above it — and the question names none of its items more plainly than the event,
  and it shares a word with the question.

A question that names one item ("办社保卡要哪些手续") has that item's own document
ranked first, so it is answered as the item; an event question ("生孩子要办哪些事")
has the bundle ranked first. Wording alone ("去美国留学要办哪些手续") finds no
bundle that covers it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import numpy as np
import yaml

from retrieval.bundle_index import BundleIndex
from retrieval.facets import strip_cues
from retrieval.index import IndexState
from retrieval.ranking import prepare_many
from retrieval.text import normalize
from retrieval.tokens import char_ngrams

_CUES = Path(__file__).resolve().parent / "data" / "bundle_cues.yaml"
# Reciprocal-rank fusion constant, as in Cormack et al. (2009): ranks, not raw scores,
# are added, so BM25 and cosine need no common scale.
_RRF_K = 60
# More than half of an item's name in the question's own words names the item outright.
_OUTRIGHT = 0.5


@cache
def _cue_patterns() -> tuple[re.Pattern[str], ...]:
    data = yaml.safe_load(_CUES.read_text(encoding="utf-8")) or {}
    return tuple(re.compile(normalize(p)) for p in data.get("cues") or [])


def event_cues(question: str) -> list[str]:
    """The wording of a normalised question that asks about a whole event (may be empty)."""
    return [m.group(0) for p in _cue_patterns() for m in p.finditer(question) if m.group(0)]


def _content(question: str) -> str:
    """The question without the event wording and the facet wording: what it is about.

    Every cue's matches are found on the whole question before any is removed, so
    overlapping cues ("办哪些事" over "哪些事") leave no half behind.
    """
    cut = [False] * len(question)
    for pattern in _cue_patterns():
        for match in pattern.finditer(question):
            cut[match.start() : match.end()] = [True] * (match.end() - match.start())
    rest = "".join(" " if gone else ch for ch, gone in zip(question, cut, strict=True))
    return strip_cues(rest)


def _ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of every document for one ranker (ties share the better rank)."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), np.float64)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks


def joint_order(
    bundles: BundleIndex,
    words: list[str],
    chars: list[str],
    item_vectors: dict[str, np.ndarray],
    query_vectors: dict[str, np.ndarray],
) -> np.ndarray:
    """Items and bundles ranked together, best first (bundle ``b`` is ``n_items + b``).

    ``item_vectors`` are the items' best cosines per encoder (−1 where unknown) as the
    item ranking computed them; bundles are scored here with the same query vectors.
    """
    rankers = [bundles.words.scores(words), bundles.chars.scores(chars)]
    for name, query in query_vectors.items():
        own = bundles.vector_scores(name, query)
        if own is not None and name in item_vectors:
            rankers.append(np.concatenate([item_vectors[name], own]))
    fused = sum(1.0 / (_RRF_K + _ranks(s)) for s in rankers if np.any(s > 0))
    if isinstance(fused, int):  # nothing matched at all
        return np.zeros(0, np.int64)
    return np.argsort(-fused, kind="stable")


def _named(grams: set[str], name_grams: frozenset[str]) -> float:
    """The share of a name's character bigrams the question contains (how plainly it names it)."""
    return len(name_grams & grams) / len(name_grams) if name_grams else 0.0


def _chosen(state: IndexState, order: np.ndarray, question: str) -> int | None:
    """The joint position of the bundle the question is about, or None.

    The first bundle of the joint ranking, when only its own items rank above it, and
    the question names the event at least as plainly as any of its items in its own
    words ("退休以后要办哪些手续" names 退休, not 职工基本养老保险待遇申领) — more
    plainly when an item ranks above it. A message that names an item outright
    ("营业执照和食品经营许可证都要办吧") is about that item, even inside the event.
    """
    bundles = state.bundles
    assert bundles is not None
    first = next((k for k, doc in enumerate(order) if doc >= bundles.n_items), None)
    if first is None:
        return None
    doc = int(order[first])
    b = doc - bundles.n_items
    members = bundles.members[b]
    if not {state.ids[int(i)] for i in order[:first]} <= set(members):
        return None
    grams = set(char_ngrams(question))
    event = _named(grams, bundles.event_grams[b])
    # an item is named outright when the question holds more than half of its name
    named = [_named(grams, state.name_grams[state.position[i]]) for i in members]
    best = max((n for n in named if n > _OUTRIGHT), default=0.0)
    if first > 0:  # the items above it must owe their rank to the event's words
        best = max(best, *(_named(grams, state.name_grams[int(i)]) for i in order[:first]))
    return doc if event > best or (first == 0 and event == best) else None


def find_bundle(state: IndexState, question: str, encoders: list) -> int | None:
    """The bundle (its index in ``state.bundles``) the question asks for as a whole, or None.

    ``question`` is normalised. The joint ranking is of what the question is about —
    its words without the event and facet wording, embedded on their own — so that
    "要跑几个部门" does not pull towards whichever bundle has an alias worded that way.
    Only questions with event wording pay for this (one more embedding).
    """
    bundles = state.bundles
    if bundles is None or not event_cues(question):
        return None
    content = _content(question)
    if not state.tokenizer.tokens(content):
        return None
    query = prepare_many(state, encoders, [content])[0]
    item_vectors = {
        name: state.vectors.tables[name].search(vector, len(state.ids))[0]
        for name, vector in query.vectors.items()
        if name in state.vectors.tables
    }
    order = joint_order(bundles, query.words, query.chars, item_vectors, query.vectors)
    doc = _chosen(state, order, question) if len(order) else None
    if doc is None:
        return None
    # The bundle must share a word with what is asked: a question whose words no
    # document uses ("养狗", "留学") ranks whatever its vectors land on first.
    if not set(state.tokenizer.tokens(content)) & bundles.words.doc_sets[doc]:
        return None
    return doc - bundles.n_items
