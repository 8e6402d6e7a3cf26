"""Bring a centre's existing guides in: published 办事指南 files → draft YAML + review list.

``convert_files(paths, out_dir)`` reads DOCX (paragraphs and tables), PDF (text layer;
scanned pages flagged), HTML (also pasted from Word), XLSX (one item a row, or a 要素
table), pasted text and platform JSON exports, and writes one ``<id>.yaml`` draft per
item and ``review.md``. Nothing read is dropped silently: a line is in a field or on
the review list. Drafts are never imported by this package; staff publish them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from knowledge.convert.draft import Draft, build_draft
from knowledge.convert.readers import SUFFIXES, read_path
from knowledge.convert.review import Review
from knowledge.convert.source import ReadError, SourceItem
from knowledge.convert.vocabulary import Vocabulary, load_vocabulary
from knowledge.convert.writer import draft_yaml, review_markdown, write_outputs


@dataclass
class ConvertSummary:
    """What a conversion produced; ``ok`` when at least one draft was written."""

    drafts: list[Draft] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    review_path: Path | None = None

    @property
    def items(self) -> int:
        return len(self.drafts)

    @property
    def open_points(self) -> int:
        return sum(d.review.open_points for d in self.drafts)

    @property
    def ok(self) -> bool:
        return bool(self.drafts)

    def line(self) -> str:
        """The summary staff see: ``N 个事项，M 条待核对``."""
        return f"{self.items} 个事项，{self.open_points} 条待核对"


def convert_sources(
    paths: list[str | Path],
    vocabulary: Vocabulary | None = None,
    existing_ids: set[str] | frozenset[str] = frozenset(),
) -> ConvertSummary:
    """Read and interpret files without writing anything (the workbench shows drafts).

    ``existing_ids``: ids already in the knowledge base; drafts get other ids, so that
    publishing a draft never replaces an item nobody chose to replace.
    """
    vocabulary = vocabulary or load_vocabulary()
    summary = ConvertSummary()
    taken: set[str] = set(existing_ids)
    for path in _files(paths, summary):
        try:
            items = read_path(path, vocabulary)
        except ReadError as exc:
            summary.failures.append((str(path), str(exc)))
            continue
        for item in items:
            summary.drafts.append(build_draft(item, vocabulary, taken))
    return summary


def convert_files(
    paths: list[str | Path],
    out_dir: str | Path,
    existing_ids: set[str] | frozenset[str] = frozenset(),
) -> ConvertSummary:
    """Convert files (or folders of them) and write drafts and ``review.md`` to ``out_dir``."""
    summary = convert_sources(paths, existing_ids=existing_ids)
    summary.review_path = write_outputs(summary.drafts, summary.failures, Path(out_dir))
    return summary


def _files(paths: list[str | Path], summary: ConvertSummary) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            summary.failures.append((str(path), "文件或文件夹不存在"))
    return files


__all__ = [
    "ConvertSummary",
    "Draft",
    "ReadError",
    "Review",
    "SourceItem",
    "convert_files",
    "convert_sources",
    "draft_yaml",
    "review_markdown",
]
