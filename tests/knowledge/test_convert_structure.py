"""The converter stays inside the knowledge layer and keeps a small public surface."""

from __future__ import annotations

import ast
from pathlib import Path

import knowledge.convert

PACKAGE = Path(knowledge.convert.__file__).parent


def test_public_surface():
    assert set(knowledge.convert.__all__) == {
        "ConvertSummary",
        "Draft",
        "ReadError",
        "Review",
        "SourceItem",
        "convert_files",
        "convert_sources",
        "draft_yaml",
        "review_markdown",
    }


def test_imports_no_other_layer():
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in {"bot", "retrieval", "prereview"}, (path, name)


def test_vocabulary_is_data_shipped_with_the_package():
    data = PACKAGE.parent / "data" / "convert_headings.yaml"
    assert data.is_file()
    text = data.read_text("utf-8")
    for heading in ("受理部门", "申报材料", "法定期限", "办理条件", "监督投诉电话"):
        assert heading in text
