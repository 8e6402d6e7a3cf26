"""Vector tables: exact below the size threshold, an HNSW graph above it, same items found.

A citizen would notice a large centre answering slowly, or answering differently
from a small one for the same guides: the graph must propose the items an exact
scan ranks first, and every item it proposes must get its exact score.
"""

from __future__ import annotations

import numpy as np
import pytest

from retrieval import vectors
from retrieval.index import VectorSet, build_vectors
from retrieval.vectors import VectorTable

_DIM = 32


def _rows(items: int, per_item: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """Unit rows in clusters (an item's texts say similar things), ``per_item`` rows each."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(items, _DIM))
    matrix = np.repeat(centres, per_item, axis=0) + 0.4 * rng.normal(size=(items * per_item, _DIM))
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix.astype(np.float32), np.repeat(np.arange(items), per_item).astype(np.int32)


def _table(matrix: np.ndarray, row_item: np.ndarray, approximate: bool | None) -> VectorTable:
    zeros = np.zeros(len(matrix), np.int8)
    return VectorTable.build(matrix, row_item, zeros, zeros.astype(np.int16), approximate)


def _queries(count: int = 40) -> np.ndarray:
    rng = np.random.default_rng(11)
    q = rng.normal(size=(count, _DIM))
    return (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)


def test_small_tables_are_exact_and_large_ones_use_a_graph(monkeypatch) -> None:
    matrix, row_item = _rows(300, 4)
    assert not _table(matrix, row_item, None).approximate  # 1 200 rows: scanned exactly
    monkeypatch.setattr(vectors, "ANN_MIN_ROWS", 1000)
    assert _table(matrix, row_item, None).approximate
    assert not _table(matrix[:999], row_item[:999], None).approximate


def test_the_graph_proposes_the_items_an_exact_scan_ranks_first() -> None:
    matrix, row_item = _rows(2000, 4)
    exact = _table(matrix, row_item, False)
    graph = _table(matrix, row_item, True)
    found = 0
    for query in _queries():
        best, _ = exact.search(query, 2000)
        approx, _ = graph.search(query, 2000)
        top = set(np.argsort(-best)[:20])
        found += len(top & set(np.argsort(-approx)[:20]))
    assert found >= 0.98 * 20 * len(_queries())


def test_every_item_the_graph_proposes_gets_its_exact_best_row() -> None:
    matrix, row_item = _rows(2000, 4)
    graph = _table(matrix, row_item, True)
    rows_of = graph.item_rows(2000)
    for query in _queries(10):
        best, best_row = graph.search(query, 2000)
        proposed = np.flatnonzero(best > -1)
        assert len(proposed) >= 20
        for item in proposed:
            score, row = graph.exact(query, rows_of[item])
            assert best_row[item] == row
            assert best[item] == pytest.approx(score, abs=1e-6)


def test_small_tables_answer_as_before_the_graph_existed() -> None:
    """Below the threshold a search is the plain FAISS scan (same scores, same rows)."""
    matrix, row_item = _rows(40, 3)  # 120 rows: all within the rows a scan returns
    table = _table(matrix, row_item, None)
    query = _queries(1)[0]
    sims = matrix @ query
    best, best_row = table.search(query, 40)
    for item in range(40):
        rows = np.flatnonzero(row_item == item)
        assert best_row[item] == rows[np.argmax(sims[rows])]
        assert best[item] == pytest.approx(sims[rows].max(), abs=1e-6)


def test_a_saved_graph_loads_as_a_graph(tmp_path) -> None:
    matrix, row_item = _rows(500, 3)
    graph = _table(matrix, row_item, True)
    graph.save(tmp_path, "enc")
    loaded = VectorTable.load(tmp_path, "enc")
    assert loaded.approximate
    assert np.array_equal(loaded.matrix, graph.matrix)
    query = _queries(1)[0]
    assert np.array_equal(loaded.search(query, 500)[1], graph.search(query, 500)[1])


class _Hashing:
    """A deterministic stand-in encoder (no model): one pseudo-random unit row per text."""

    name, key, dim, cheap = "hash", "hash-1", _DIM, True

    def __init__(self) -> None:
        self.embedded = 0

    def passages(self, texts: list[str]) -> np.ndarray:
        self.embedded += len(texts)
        rows = [np.random.default_rng(abs(hash(t)) % 2**32).normal(size=_DIM) for t in texts]
        out = np.array(rows, np.float32).reshape(len(texts), _DIM)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    queries = passages


def test_an_unchanged_knowledge_base_keeps_its_table_whole(sample_guides) -> None:
    """Reopening (same items, same texts) neither copies rows nor rebuilds a graph."""
    encoder = _Hashing()
    first, _ = build_vectors(sorted(sample_guides, key=lambda g: g.id), [encoder])
    again, embedded = build_vectors(sorted(sample_guides, key=lambda g: g.id), [encoder], first)
    assert not embedded
    assert again.tables["hash"] is first.tables["hash"]

    edited = sorted(sample_guides, key=lambda g: g.id)
    edited[0] = edited[0].model_copy(update={"aliases": [*edited[0].aliases, "新的问法"]})
    changed, embedded = build_vectors(edited, [encoder], first)
    assert embedded == {edited[0].id}
    assert changed.tables["hash"] is not first.tables["hash"]
    assert isinstance(changed, VectorSet)


def test_a_table_saved_before_the_size_rule_gets_its_graph_on_reopening(
    sample_guides, monkeypatch
) -> None:
    """A large table saved as a flat scan is rebuilt with a graph, from its stored rows."""
    encoder = _Hashing()
    guides = sorted(sample_guides, key=lambda g: g.id)
    flat, _ = build_vectors(guides, [encoder])
    assert not flat.tables["hash"].approximate
    monkeypatch.setattr(vectors, "ANN_MIN_ROWS", 10)
    reopened, embedded = build_vectors(guides, [encoder], flat)
    assert not embedded and encoder.embedded == len(flat.tables["hash"].row_item)
    assert reopened.tables["hash"].approximate
    assert np.array_equal(reopened.tables["hash"].matrix, flat.tables["hash"].matrix)
