"""一件事 bundles in the search index, next to the items (``onetrip index``).

A bundle is searched as its own document: its name, the event it is about (the
name without “一件事”, weighted like an item's name), its aliases, its
description and its items' names. The lexical views are built over the items'
documents *and* the bundles' together, so a bundle's BM25 score is comparable
with an item's (same IDF, same length normalisation); the item indexes that
answer ordinary questions and that self-calibration probes are not touched, so
a bundle can never change how an item question is ranked. The bundle decision
(``retrieval.bundle_search``) reads this joint view.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from knowledge import Guide
from knowledge.bundles import Bundle, BundleError, applicable_items
from retrieval.lexical import LexicalIndex
from retrieval.text import normalize, to_simplified
from retrieval.tokens import WordTokenizer, char_ngrams

_DESCRIPTION_CHARS = 120
# The quotes and the “一件事” tag around a bundle's event: 新生儿出生“一件事” → 新生儿出生.
_TAG = re.compile(r"[\"'“”「」『』]|一件事")


def event_name(bundle: Bundle) -> str:
    """The life or business event a bundle is about, in Simplified (新生儿出生, 开饭店)."""
    return _TAG.sub("", to_simplified(bundle.name)).strip()


def event_words(bundle: Bundle) -> str:
    """The event as the index sees it (normalised: synonyms applied)."""
    return normalize(event_name(bundle))


def member_items(
    bundle: Bundle, guides: Mapping[str, Guide], bundles: Mapping[str, Bundle]
) -> list[str]:
    """The bundle's items in order, nested bundles included; empty when it cannot compose.

    A bundle the lint would reject (circular nesting, unknown nested bundle) is not
    offered to citizens at all rather than half-described.
    """
    try:
        return [item.id for item in applicable_items(bundle, guides, None, bundles=bundles)]
    except BundleError:
        return []


def bundle_lexical_text(bundle: Bundle, item_names: Sequence[str]) -> str:
    """What BM25 sees: the event and the name thrice, aliases twice, the rest once.

    The same repetition as an item's document (``retrieval.documents.lexical_text``)
    so that neither kind of document is favoured by its length alone.
    """
    parts = [bundle.name, event_words(bundle)] * 3
    for alias in bundle.aliases:
        parts += [alias, alias]
    parts.append(bundle.description or "")
    parts += list(item_names)
    return normalize("\n".join(parts))


def bundle_title_text(bundle: Bundle) -> str:
    """What the character n-gram view sees: how the bundle is named (no item names)."""
    return normalize("\n".join([bundle.name, event_words(bundle), *bundle.aliases]))


def bundle_vector_texts(bundle: Bundle, item_names: Sequence[str]) -> list[str]:
    """Texts embedded for a bundle: name, event, aliases, description, the items in one line."""
    description = (bundle.description or "").replace("\n", " ")[:_DESCRIPTION_CHARS]
    items = f"{event_words(bundle)}：" + "、".join(item_names)
    texts = [bundle.name, event_words(bundle), *bundle.aliases, description, items]
    return list(dict.fromkeys(t for t in (normalize(t) for t in texts) if t))


@dataclass
class BundleIndex:
    """The bundles of one knowledge-base version, searchable beside the items.

    Lexical views index the items' documents first and the bundles' after them, so
    position ``n_items + b`` is bundle ``b``. ``rows`` hold each encoder's bundle
    vectors; ``row_bundle`` says which bundle a row belongs to.
    """

    bundles: list[Bundle]
    members: list[list[str]]  # item ids per bundle, in the bundle's order
    n_items: int
    words: LexicalIndex
    chars: LexicalIndex
    texts: list[list[str]]  # embedded texts per bundle (reused when unchanged)
    rows: dict[str, np.ndarray] = field(default_factory=dict)  # encoder → matrix
    row_bundle: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    by_item: dict[str, list[int]] = field(default_factory=dict)  # item → bundles holding it
    event_grams: list[frozenset[str]] = field(default_factory=list)  # the event's bigrams

    def __post_init__(self) -> None:
        self.event_grams = [frozenset(char_ngrams(event_words(b))) for b in self.bundles]
        for b, items in enumerate(self.members):
            for item in items:
                self.by_item.setdefault(item, []).append(b)

    def vector_scores(self, encoder: str, query: np.ndarray) -> np.ndarray | None:
        """Best cosine per bundle for one encoder's query vector (None without rows)."""
        matrix = self.rows.get(encoder)
        if matrix is None or not len(self.bundles):
            return None
        sims = matrix @ query
        best = np.full(len(self.bundles), -1.0, np.float32)
        np.maximum.at(best, self.row_bundle, sims.astype(np.float32))
        return best


def build_bundle_index(
    bundles: Sequence[Bundle],
    guides: Sequence[Guide],
    tokenizer: WordTokenizer,
    item_words: list[list[str]],
    item_chars: list[list[str]],
    encoders: list,
    previous: BundleIndex | None = None,
) -> BundleIndex | None:
    """The bundle index for ``bundles`` over these items; None when there are no bundles.

    Vectors of a bundle whose embedded texts did not change are taken from
    ``previous``; the few others are embedded (ten bundles: well under a second).
    """
    by_id = {g.id: g for g in guides}
    all_bundles = {b.id: b for b in bundles}
    kept, members = [], []
    for bundle in sorted(bundles, key=lambda b: b.id):
        items = member_items(bundle, by_id, all_bundles)
        if items:
            kept.append(bundle)
            members.append(items)
    if not kept:
        return None
    names = [[by_id[i].name for i in items] for items in members]
    word_docs = [
        tokenizer.tokens(bundle_lexical_text(b, n)) for b, n in zip(kept, names, strict=True)
    ]
    char_docs = [char_ngrams(bundle_title_text(b)) for b in kept]
    texts = [bundle_vector_texts(b, n) for b, n in zip(kept, names, strict=True)]
    index = BundleIndex(
        bundles=kept,
        members=members,
        n_items=len(item_words),
        words=LexicalIndex(item_words + word_docs),
        chars=LexicalIndex(item_chars + char_docs),
        texts=texts,
        row_bundle=np.array([b for b, t in enumerate(texts) for _ in t], np.int32),
    )
    index.rows = {e.name: _embed(e, texts, previous) for e in encoders}
    return index


def _embed(encoder, texts: list[list[str]], previous: BundleIndex | None) -> np.ndarray:
    """One encoder's rows for every bundle text, reusing ``previous`` rows of unchanged texts."""
    old: dict[str, np.ndarray] = {}
    if previous is not None and encoder.name in previous.rows:
        flat_old = [t for group in previous.texts for t in group]
        old = dict(zip(flat_old, previous.rows[encoder.name], strict=True))
    flat = [t for group in texts for t in group]
    todo = [t for t in dict.fromkeys(flat) if t not in old]
    if todo:
        old.update(zip(todo, encoder.passages(todo), strict=True))
    return np.stack([np.asarray(old[t], np.float32) for t in flat])
