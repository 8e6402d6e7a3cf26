"""BM25 (bm25s) over one token view of the items, plus the query-coverage signal.

Coverage — the share of a question's informative tokens (weighted by IDF) that
the best item contains — tells "我要开饭店" (everything matches something)
from "明天天气怎么样" (nothing does), which raw BM25 scores cannot.
"""

from __future__ import annotations

import math
from collections import Counter

import bm25s
import numpy as np


class LexicalIndex:
    """BM25 scores of every item for a list of query tokens."""

    def __init__(self, docs: list[list[str]]) -> None:
        self.size = len(docs)
        self._bm25 = bm25s.BM25()
        if docs:  # a new centre may start with no guides yet; bm25s cannot index nothing
            self._bm25.index([d or [""] for d in docs], show_progress=False)
        self.doc_sets = [frozenset(d) for d in docs]
        df: Counter[str] = Counter()
        for s in self.doc_sets:
            df.update(s)
        n = max(self.size, 1)
        self._idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.unknown_idf = math.log(1 + (n + 0.5) / 0.5)

    def idf(self, token: str) -> float:
        """IDF of a token; one the items never use counts as maximally informative."""
        return self._idf.get(token, self.unknown_idf)

    def scores(self, tokens: list[str]) -> np.ndarray:
        unique = list(dict.fromkeys(t for t in tokens if t))
        if not unique or self.size == 0:
            return np.zeros(self.size, np.float32)
        return np.asarray(self._bm25.get_scores(unique), dtype=np.float32)

    def coverage(self, tokens: list[str], item: int) -> float:
        """IDF-weighted share of the query tokens found in item ``item``."""
        unique = list(dict.fromkeys(t for t in tokens if t))
        if not unique:
            return 0.0
        total = sum(self.idf(t) for t in unique)
        found = sum(self.idf(t) for t in unique if t in self.doc_sets[item])
        return found / total if total else 0.0

    def missing(self, tokens: list[str], item: int) -> float:
        """How informative the most informative query token the item lacks is (0–1)."""
        lacking = [self.idf(t) for t in dict.fromkeys(tokens) if t and t not in self.doc_sets[item]]
        return max(lacking, default=0.0) / self.unknown_idf
