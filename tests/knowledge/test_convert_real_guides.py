"""`kb convert` on sixteen real published guides, compared with hand-made gold field by field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge import parse_guide
from knowledge.convert import convert_files
from tests.knowledge.gold_compare import FILES, convert_real, measure


@pytest.fixture(scope="module")
def development():
    return measure(held_out=False)


def test_material_names_and_flags_meet_the_targets(development):
    score, _ = development
    print("\n" + score.table())
    assert score.share("material names found") >= 0.95, score.misses
    assert score.share("material flags") >= 0.90, score.misses


def test_other_fields_are_mostly_right(development):
    score, _ = development
    for name in ("name", "department", "time limits", "fees", "phone", "material form"):
        assert score.share(name) >= 0.9, (name, score.misses)


def test_held_out_guides_find_most_materials():
    """Guides whose gold was written before the converter ever ran on them."""
    score, _ = measure(held_out=True)
    print("\n" + score.table())
    assert score.share("material names found") >= 0.8, score.misses


def test_no_line_is_lost():
    """Every line read is in a field of the draft or on the review list."""
    summary = convert_real()
    assert summary.items == 16
    for draft in summary.drafts:
        assert draft.lost_lines() == [], draft.source.file


def test_all_formats_are_among_the_real_guides():
    suffixes = {path.suffix for path in FILES.iterdir()}
    assert {".docx", ".pdf", ".html", ".htm", ".xlsx", ".txt", ".json"} <= suffixes


def test_convert_writes_drafts_and_review(tmp_path: Path):
    summary = convert_files([FILES], tmp_path)
    assert summary.ok
    assert summary.line() == f"16 个事项，{summary.open_points} 条待核对"
    review = (tmp_path / "review.md").read_text("utf-8")
    assert review.startswith("# 导入核对清单")
    for draft in summary.drafts:
        path = tmp_path / f"{draft.id}.yaml"
        data = yaml.safe_load(path.read_text("utf-8"))
        assert f"（{draft.id}.yaml）" in review
        data["department"] = data["department"] or "某部门"  # what staff fill in
        data["name"] = data.get("name") or "某事项"
        guide, problems = parse_guide(data, str(path))
        assert guide is not None, problems


def test_review_names_what_staff_must_settle(tmp_path: Path):
    convert_files([FILES / "g01-kunming-getihu.docx"], tmp_path)
    review = (tmp_path / "review.md").read_text("utf-8")
    assert "疑似截断" in review  # the materials table is cut off in the source
    assert "“原件 复印件” → “原件及复印件”" in review
    assert "缺少办结时限" in review
