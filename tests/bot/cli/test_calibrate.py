"""``onetrip calibrate``: staff labels in, before/after figures out, a worse model refused,
and a running server taking up an accepted calibration without a restart.

Lexical search only (``ONETRIP_ENCODERS=none``): the index builds in seconds, and the
calibration path is the same as with encoders.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import main
from bot.compose import open_database
from bot.dialog.tables import UnansweredRow
from bot.settings import Settings
from knowledge import Store
from retrieval import Searcher, labels
from retrieval.evaluate import load_questions

LABELS = Path(__file__).resolve().parents[2] / "data" / "questions_heldout2.jsonl"


@pytest.fixture
def lexical(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> Settings:
    monkeypatch.setenv("ONETRIP_ENCODERS", "none")
    return Settings()


@pytest.fixture
def labelled_workbench(lexical: Settings, sample_store: Store) -> Store:
    """The workbench after staff sorted the unanswered queue: attached or dismissed."""
    now = dt.datetime.now()
    rows = [
        UnansweredRow(
            text=q.q,
            normalized=q.q,
            first_seen=now,
            last_seen=now,
            status="attached" if q.item else "dismissed",
            item_id=q.item,
            candidates=[],
            retrieval_status="unsure",
        )
        for q in load_questions(LABELS)
    ]
    db = open_database(sample_store)
    with db.begin() as session:
        session.add_all(rows)
    return sample_store


def _open(settings: Settings, store: Store, auto_refresh: float | None = None) -> Searcher:
    return Searcher.open(store, settings.home_dir, "none", auto_refresh=auto_refresh)


def _published(home: Path) -> tuple[str, dict]:
    current = (home / "index" / "CURRENT").read_text(encoding="utf-8").strip()
    meta = json.loads((home / "index" / current / "meta.json").read_text(encoding="utf-8"))
    return current, meta["calibration"]


def _worse(models, probes, asked, encoders):
    """A refit that answers everything at once: out-of-scope messages get answers too."""
    fitted = labels_refit(models, probes, asked, encoders)
    return {name: replace(m, answer_at=0.0, unsure_at=0.0) for name, m in fitted.items()}


labels_refit = labels.refit


def test_calibrate_prints_before_and_after_and_keeps_a_better_model(
    labelled_workbench: Store, lexical: Settings, capsys: pytest.CaptureFixture
) -> None:
    _open(lexical, labelled_workbench)
    before = _published(lexical.home_dir)
    code = main(["calibrate"])
    out = capsys.readouterr().out
    assert "已标注的问题：227 个（可回答 175 个，范围外 52 个）" in out
    for row in ("答对", "可答却未直接回答", "范围外问题被拒答", "自信地答错"):
        assert row in out
    assert code == 0 and "已采用新的校准" in out
    after = _published(lexical.home_dir)
    assert after[0] != before[0] and after[1]["labels"]  # published, with its labels
    # a later index build keeps using the labels
    assert _open(lexical, labelled_workbench).calibration["labelled"] == 227


def test_a_worse_calibration_is_refused_unless_forced(
    labelled_workbench: Store,
    lexical: Settings,
    capsys: pytest.CaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _open(lexical, labelled_workbench)
    before = _published(lexical.home_dir)
    monkeypatch.setattr(labels, "refit", _worse)
    assert main(["calibrate"]) == 1
    captured = capsys.readouterr()
    assert "未采用" in captured.err and "--force" in captured.err
    assert _published(lexical.home_dir) == before  # the old calibration stays
    assert main(["calibrate", "--force"]) == 0
    assert "--force" in capsys.readouterr().out
    assert _published(lexical.home_dir)[0] != before[0]


def test_a_running_server_takes_up_a_new_calibration_without_restart(
    labelled_workbench: Store, lexical: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = _open(lexical, labelled_workbench, auto_refresh=0.0)
    question = "今天天气怎么样"
    assert server.ask(question).status != "answered"
    monkeypatch.setattr(labels, "refit", _worse)
    assert main(["calibrate", "--force"]) == 0
    # the forced model answers everything: the server now answers the weather question
    assert server.ask(question).status == "answered"
    assert server.models["fused"].answer_at == 0.0
