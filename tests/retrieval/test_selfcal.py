"""Self-calibration at index build, staff labels, and refusing a worse re-calibration."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from knowledge import Store, sqlite_url
from retrieval import Searcher, labels_from_workbench
from retrieval.evaluate import Metrics, Question
from retrieval.labels import refusal

RETRIEVAL = Path(__file__).resolve().parents[2] / "retrieval"


def test_workbench_labels_attached_dismissed_and_good_ratings() -> None:
    labelled = labels_from_workbench(
        [("孩子上户口要啥", "attached", "hukou"), ("明天下雨吗", "dismissed", None)],
        [("补身份证多少钱", 5, "sfz"), ("答非所问", 1, "sfz"), (None, 5, "sfz")],
    )
    assert {(q.q, q.item) for q in labelled} == {
        ("孩子上户口要啥", "hukou"),
        ("明天下雨吗", None),
        ("补身份证多少钱", "sfz"),
    }  # a 差评 names no right item, so it labels nothing


def test_a_costlier_or_less_careful_recalibration_is_refused() -> None:
    before = Metrics(wrong_confident=0.01)
    assert refusal(before, Metrics(wrong_confident=0.01), 0.10, 0.12) is not None
    assert refusal(before, Metrics(wrong_confident=0.03), 0.10, 0.08) is not None
    assert refusal(before, Metrics(wrong_confident=0.01), 0.10, 0.08) is None


def test_text_and_synonyms_do_not_import_each_other() -> None:
    def imports(name: str) -> set[str]:
        tree = ast.parse((RETRIEVAL / f"{name}.py").read_text(encoding="utf-8"))
        return {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}

    assert "retrieval.text" not in imports("synonyms")
    assert "retrieval.charforms" in imports("synonyms") and "retrieval.charforms" in imports("text")


@pytest.mark.slow
def test_the_index_build_calibrates_this_knowledge_base(searcher: Searcher) -> None:
    info = searcher.calibration
    assert info["probes"] >= 100 and info["probes_out_of_scope"] >= 10
    fused = searcher.models["fused"]
    # every signal but agreement is read against this knowledge base's probes
    assert len(fused.reference) == len(fused.features)
    assert all(
        ref for name, ref in zip(fused.features, fused.reference, strict=True) if name != "agree"
    )


@pytest.mark.slow
def test_the_calibration_is_saved_with_the_index(copied_home: Path, counting) -> None:
    store = Store.from_url(sqlite_url(copied_home))
    reopened = Searcher.open(store, copied_home, counting, auto_refresh=None)
    assert reopened.calibration["probes"] >= 100
    assert sum(e.passages_embedded for e in counting) == 0


@pytest.mark.slow
def test_too_few_labels_change_nothing(searcher: Searcher) -> None:
    before = searcher.models
    result = searcher.recalibrate([Question("身份证丢了怎么补", "gongan-sfz-huanling", None)])
    assert not result.accepted and "未采用" in result.table()
    assert searcher.models is before
