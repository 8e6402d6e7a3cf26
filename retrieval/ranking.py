"""One question against one index state: every ranker's scores for the candidate items.

Rankers: ``words`` (BM25 over jieba tokens), ``chars`` (BM25 over character
bigrams), ``sound`` (BM25 over pinyin syllable bigrams) and one per encoder (best cosine over an item's vectors). Candidates
are the union of each ranker's top items; every ranker then scores every
candidate exactly, so fusion compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from retrieval.facets import strip_cues
from retrieval.index import IndexState
from retrieval.text import expansions, normalize, normalize_form
from retrieval.tokens import char_ngrams, sound_view

LEXICAL = ("words", "chars", "sound")
_DEPTH = 20


@dataclass
class Query:
    """A prepared question: normalised text, tokens (with synonym expansions), vectors."""

    text: str
    words: list[str]
    chars: list[str]
    vectors: dict[str, np.ndarray]
    core: str = ""  # the text without its facet wording
    sounds: list[str] = field(default_factory=list)
    # Scores already computed for this query (lexical rankers, per-encoder search):
    # the served cascade ranks a question twice, the second time with one more encoder.
    computed: dict[str, object] = field(default_factory=dict)


@dataclass
class Ranking:
    query: Query
    candidates: np.ndarray  # item positions in the state
    scores: dict[str, np.ndarray]  # ranker → score per candidate
    best_rows: dict[str, np.ndarray]  # encoder → best vector row per candidate
    state: IndexState | None = None  # the index state the candidates are positions in
    # Signals of an item that depend only on the query and the item (coverage…), kept
    # because calibration scores the same ranking under many fusion settings.
    memo: dict[int, dict[str, float]] = field(default_factory=dict)


def _lexical(state: IndexState, text: str, written: str) -> Query:
    core = strip_cues(text)
    words = state.tokenizer.tokens(core)
    for term in expansions(text):
        words += state.tokenizer.tokens(term)
    sounds = sound_view(core, strip_cues(written))
    return Query(text, words, char_ngrams(core), {}, core, sounds)


def prepare(state: IndexState, encoders: list, question: str) -> Query:
    return prepare_many(state, encoders, [question])[0]


def prepare_many(state: IndexState, encoders: list, questions: list[str]) -> list[Query]:
    """Normalise, tokenise and embed questions (embedding in batches)."""
    queries = [_lexical(state, normalize(q), normalize_form(q)) for q in questions]
    embed(queries, encoders)
    return queries


def embed(queries: list[Query], encoders: list) -> None:
    """Add each encoder's vector to prepared queries (a cascade adds encoders later)."""
    # Embedding the question without its facet wording ranks better: "……多久能拿到"
    # otherwise pulls towards any item with a FAQ about waiting times.
    texts = [q.core or " " for q in queries]
    for encoder in encoders:
        for start in range(0, len(texts), 64):
            rows = encoder.queries(texts[start : start + 64])
            for query, row in zip(queries[start : start + 64], rows, strict=True):
                query.vectors[encoder.name] = row


def _top(scores: np.ndarray, depth: int) -> np.ndarray:
    positive = np.flatnonzero(scores > 0)
    if len(positive) <= depth:
        return positive
    part = np.argpartition(-scores[positive], depth)[:depth]
    return positive[part]


def rank(state: IndexState, query: Query, depth: int = _DEPTH) -> Ranking:
    n = len(state.ids)
    memo = query.computed
    if memo.get("state") is not state:  # computed against another index state
        memo.clear()
        memo["state"] = state
    if "lexical" not in memo:
        memo["lexical"] = {
            "words": state.words.scores(query.words),
            "chars": state.chars.scores(query.chars),
            "sound": state.sounds.scores(query.sounds),
        }
    full: dict[str, np.ndarray] = memo["lexical"]  # type: ignore[assignment]
    picks = [_top(full[name], depth) for name in LEXICAL]
    best: dict[str, np.ndarray] = {}
    best_row: dict[str, np.ndarray] = {}
    for name, vector in query.vectors.items():
        table = state.vectors.tables.get(name)
        if table is None:
            continue
        if f"vector:{name}" not in memo:
            memo[f"vector:{name}"] = table.search(vector, n)
        best[name], best_row[name] = memo[f"vector:{name}"]  # type: ignore[misc]
        known = np.flatnonzero(best[name] > -1)
        picks.append(known[np.argsort(-best[name][known])[:depth]])
    candidates = np.unique(np.concatenate(picks)) if picks else np.zeros(0, np.int64)
    scores = {name: full[name][candidates] for name in LEXICAL}
    rows: dict[str, np.ndarray] = {}
    for name, vector in query.vectors.items():
        if name not in best:
            continue
        sims = best[name][candidates].copy()
        chosen = best_row[name][candidates].copy()
        for k in np.flatnonzero(sims <= -1):
            sims[k], chosen[k] = state.vectors.tables[name].exact(
                vector, state.item_rows[name][candidates[k]]
            )
        scores[name] = sims
        rows[name] = chosen
    qgrams = set(char_ngrams(query.text))
    scores["name"] = np.array(
        [len(state.name_grams[i] & qgrams) / max(len(state.name_grams[i]), 1) for i in candidates],
        np.float32,
    )
    return Ranking(query, candidates, scores, rows, state)
