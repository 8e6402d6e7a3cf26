"""YAML import (files or a zip) and export (a zip) of guides, as ``onetrip kb import/export``.

An import is all or nothing: every uploaded file is read and checked first,
and the guides are written in one transaction only when no file has an error.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bot.links import guide_link_problems
from knowledge import ImportCounts, Problem, Store, guide_yaml, lint_guides, load_guides
from knowledge.loader import GUIDE_SUFFIXES

MAX_UPLOAD = 20 * 1024 * 1024  # bytes of all uploaded files together, and of a zip unpacked
MAX_FILES = 2000


@dataclass
class ImportResult:
    counts: ImportCounts | None = None  # None: nothing was written
    files: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)


def _safe_name(name: str, used: set[str]) -> str:
    """A flat file name for an uploaded or zipped path (no folders, no ``..``)."""
    base = PurePosixPath(name.replace("\\", "/")).name or "guide.yaml"
    candidate, n = base, 1
    while candidate in used:
        n += 1
        candidate = f"{n}-{base}"
    used.add(candidate)
    return candidate


def _unpack(uploads: list[tuple[str, bytes]], folder: Path) -> tuple[dict[str, str], list[Problem]]:
    """Write guide files to ``folder``; returns {written name: name staff know} and problems."""
    names: dict[str, str] = {}
    problems: list[Problem] = []
    used: set[str] = set()
    total = 0

    def write(shown: str, data: bytes) -> None:
        nonlocal total
        total += len(data)
        if total > MAX_UPLOAD or len(names) >= MAX_FILES:
            raise ValueError
        written = _safe_name(shown, used)
        (folder / written).write_bytes(data)
        names[str(folder / written)] = shown

    try:
        for upload_name, data in uploads:
            suffix = PurePosixPath(upload_name.lower()).suffix
            if suffix == ".zip":
                try:
                    archive = zipfile.ZipFile(io.BytesIO(data))
                except zipfile.BadZipFile:
                    problems.append(Problem(upload_name, "-", "不是有效的 zip 文件"))
                    continue
                for info in archive.infolist():
                    inner = info.filename
                    if info.is_dir() or PurePosixPath(inner.lower()).suffix not in GUIDE_SUFFIXES:
                        continue
                    if "__MACOSX" in inner or PurePosixPath(inner).name.startswith("._"):
                        continue
                    if info.file_size > MAX_UPLOAD:
                        raise ValueError
                    write(f"{upload_name}/{inner}", archive.read(info))
            elif suffix in GUIDE_SUFFIXES:
                write(upload_name, data)
            else:
                problems.append(
                    Problem(upload_name, "-", "只能上传 .yaml / .yml 文件或 .zip 压缩包")
                )
    except ValueError:
        problems.append(
            Problem(
                "-",
                "-",
                f"上传内容过大（上限 {MAX_UPLOAD // 1024 // 1024} MB、{MAX_FILES} 个文件）",
            )
        )
    return names, problems


def import_uploads(
    store: Store,
    uploads: list[tuple[str, bytes]],
    author: str,
    strict: bool,
    allow_http: bool = False,
) -> ImportResult:
    """Check and import uploaded guide files; nothing is written if any file has an error.

    ``strict``: quality (lint) errors block the import too, as on the edit form. A guide
    link citizens could not safely follow always blocks (``bot.links``; ``allow_http``).
    """
    result = ImportResult()
    with tempfile.TemporaryDirectory(prefix="onetrip-import-") as tmp:
        names, problems = _unpack(uploads, Path(tmp))
        result.files = len(names)
        if not names and not problems:
            problems.append(Problem("-", "-", "没有找到 .yaml / .yml 指南文件"))
        loaded = load_guides(sorted(names)) if names else None
    if loaded is not None:
        problems += loaded.problems
        problems += guide_link_problems(loaded.guides, allow_http)
        quality = lint_guides(loaded.guides)
        problems += [p for p in quality if p.severity == "error" and strict]
        result.warnings = [p for p in quality if p.severity != "error" or not strict]
    result.errors = [_shown(p, names) for p in problems if p.severity == "error"]
    result.warnings = [_shown(p, names) for p in result.warnings]
    if result.errors or loaded is None:
        return result
    guides = [guide for _, guide in loaded.guides]
    result.counts = store.import_guides(guides, author, f"网页导入 {len(guides)} 个事项")
    result.ids = [g.id for g in guides]
    return result


def _shown(problem: Problem, names: dict[str, str]) -> Problem:
    return Problem(
        names.get(problem.file, problem.file), problem.field, problem.message, problem.severity
    )


def export_zip(store: Store) -> bytes:
    """Every guide as ``<id>.yaml`` in one zip, re-importable as it is."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for guide in store.list():
            archive.writestr(f"{guide.id}.yaml", guide_yaml(guide))
    return buffer.getvalue()
