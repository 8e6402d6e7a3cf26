"""Dense vectors of one encoder in a FAISS inner-product index, several rows per item.

An item's score is its best-matching row (name, an alias, a FAQ question or the
summary). FAISS gives the top rows; items that lexical search proposes but no
top row covers get their exact best score from the stored rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from retrieval.documents import KINDS

_TOP_ROWS = 128


@dataclass
class VectorTable:
    """Rows of one encoder: ``row_item[r]`` is the item index, ``row_kind``/``row_ref`` say which text."""

    index: faiss.IndexFlatIP
    row_item: np.ndarray  # int32
    row_kind: np.ndarray  # int8, index into KINDS
    row_ref: np.ndarray  # int16

    @classmethod
    def build(
        cls, matrix: np.ndarray, row_item: np.ndarray, row_kind: np.ndarray, row_ref: np.ndarray
    ) -> VectorTable:
        index = faiss.IndexFlatIP(matrix.shape[1])
        if len(matrix):
            index.add(np.ascontiguousarray(matrix, dtype=np.float32))
        return cls(
            index, row_item.astype(np.int32), row_kind.astype(np.int8), row_ref.astype(np.int16)
        )

    @property
    def matrix(self) -> np.ndarray:
        """The stored rows as a read-only view (no copy)."""
        n, d = self.index.ntotal, self.index.d
        if n == 0:
            return np.zeros((0, d), np.float32)
        view = faiss.rev_swig_ptr(self.index.get_xb(), n * d).reshape(n, d)
        view.flags.writeable = False
        return view

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
        sims, rows = self.index.search(query.reshape(1, -1).astype(np.float32), k)
        for sim, row in zip(sims[0][::-1], rows[0][::-1], strict=True):
            if row >= 0:
                item = self.row_item[row]
                best[item] = sim
                best_row[item] = row
        return best, best_row

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
