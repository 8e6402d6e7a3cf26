"""Self-calibration at index build, staff labels, and refusing a worse re-calibration."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

from knowledge import Store, sqlite_url
from retrieval import Searcher, labels_from_workbench
from retrieval.calibrate import _early_threshold
from retrieval.evaluate import Metrics, Question, load_questions
from retrieval.fusion import SystemModel
from retrieval.labels import refusal
from retrieval.probes import labelled_rankings

RETRIEVAL = Path(__file__).resolve().parents[2] / "retrieval"
LABELS = Path(__file__).resolve().parents[1] / "data" / "questions_heldout2.jsonl"


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


@pytest.fixture
def lexical(tmp_path: Path, sample_guides) -> Searcher:
    """The samples searched lexically only: built in seconds, calibrated the same way."""
    store = Store.from_url(sqlite_url(tmp_path))
    store.import_guides(sample_guides, "tests")
    return Searcher.open(store, tmp_path, "none", auto_refresh=None)


def test_a_labelled_alias_is_ranked_without_itself(lexical: Searcher) -> None:
    """An attached question is an alias by now: ranked as the next citizen's wording."""
    guide = lexical._current().guide("gongan-hukou-chusheng")
    alias = guide.aliases[0]
    _, (ranking,), _ = labelled_rankings(lexical._current(), [], [Question(alias, guide.id, None)])
    assert alias not in ranking.state.guide(guide.id).aliases
    assert ranking.state.guide(guide.id).aliases == guide.aliases[1:]


def test_labels_teach_what_the_probes_miss(lexical: Searcher) -> None:
    """Probes know no small talk or other centres' services; dismissed labels do."""
    labelled = load_questions(LABELS)
    dismissed = [q.q for q in labelled if q.item is None]
    answered_before = sum(lexical.ask(q).status == "answered" for q in dismissed)
    result = lexical.recalibrate(labelled)
    assert result.accepted, result.table()
    assert result.after.oos_rejected > result.before.oos_rejected  # scored out of fold
    assert result.after.wrong_confident <= result.before.wrong_confident
    answered_after = sum(lexical.ask(q).status == "answered" for q in dismissed)
    assert answered_after < answered_before
    assert lexical.calibration["labelled"] == len(labelled)


def test_the_quick_stage_answers_early_only_where_it_agrees_with_the_fused_system() -> None:
    """Early answers that the fused system would have got right but the quick stage gets
    wrong move the early threshold above them; where both agree, the quick stage answers."""
    questions = [Question(f"问题{i}", "a", None) for i in range(6)]
    sure = SystemModel(features=("agree",), mean=(0.5,), scale=(0.25,), coef=(2.0,))
    fused = [(["a", "b"], {"agree": 1.0}) for _ in questions]
    conf = np.array([0.95, 0.9, 0.8, 0.7, 0.6, 0.5])
    agreeing = [(["a", "b"], {}) for _ in questions]
    assert _early_threshold(questions, conf, agreeing, fused, sure) < 0.6
    wrong_when_sure = [(["b", "a"] if c >= 0.9 else ["a", "b"], {}) for c in conf]
    assert _early_threshold(questions, conf, wrong_when_sure, fused, sure) > 0.95
