"""The workbench's import and export of the knowledge base as files: guides and 一件事 bundles.

An upload (YAML files or a zip) may hold guides and bundle files (``kind: bundle``)
side by side, as ``onetrip kb export`` writes them. Everything is read and checked
first — the bundles against the guides as they will be after the import — and then
published in one transaction (:meth:`knowledge.Store.publish`): all of it, or nothing.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bot.links import guide_link_problems
from knowledge import (
    Guide,
    ImportCounts,
    Problem,
    PublishBlocked,
    Store,
    guide_yaml,
    lint_guides,
    load_guides,
)
from knowledge.bundles import Bundle, bundle_yaml, lint_bundle, load_bundles, split_files
from knowledge.loader import GUIDE_SUFFIXES

MAX_UPLOAD = 20 * 1024 * 1024  # bytes of all uploaded files together, and of a zip unpacked
MAX_FILES = 2000


@dataclass
class TransferResult:
    """What an import did, or why it did nothing (``counts`` None)."""

    counts: ImportCounts | None = None  # guides; None: nothing was written
    bundle_counts: ImportCounts | None = None
    files: int = 0
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    bundle_ids: list[str] = field(default_factory=list)


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
    """Write guide and bundle files to ``folder``, unzipping archives, within the size limits.

    Returns {written path: name staff know} and the problems of what was refused.
    """
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


def _shown(problem: Problem, names: dict[str, str]) -> Problem:
    """The problem named by the file staff uploaded (``导入.zip/a.yaml``), not the temporary copy."""
    return Problem(
        names.get(problem.file, problem.file), problem.field, problem.message, problem.severity
    )


def incoming_bundle_problems(
    store: Store, bundle_paths: list[Path], guides: list[Guide]
) -> tuple[list[Bundle], list[Problem]]:
    """The bundles in ``bundle_paths`` and their problems against the knowledge base as it
    would be after importing ``guides`` (and these bundles): what an import would refuse.

    Shared by ``onetrip kb import/lint`` and the workbench, so both say the same.
    """
    loaded = load_bundles(bundle_paths) if bundle_paths else None
    if loaded is None:
        return [], []
    known_guides = {g.id: g for g in store.list()} | {g.id: g for g in guides}
    known_bundles = {b.id: b for b in store.list_bundles()} | {b.id: b for _, b in loaded.bundles}
    problems = loaded.problems + [
        problem
        for file, bundle in loaded.bundles
        for problem in lint_bundle(bundle, file, known_guides, known_bundles)
    ]
    return [b for _, b in loaded.bundles], problems


def import_uploads(
    store: Store,
    uploads: list[tuple[str, bytes]],
    author: str,
    strict: bool,
    allow_http: bool = False,
) -> TransferResult:
    """Check and import uploaded guide and bundle files; nothing is written on any error.

    ``strict``: guide quality (lint) errors block the import too, as on the edit form.
    A guide link citizens could not safely follow always blocks (``bot.links``), and so
    does any bundle error (a bundle with an unknown item would mislead applicants).
    """
    result = TransferResult()
    with tempfile.TemporaryDirectory(prefix="onetrip-import-") as tmp:
        names, problems = _unpack(uploads, Path(tmp))
        result.files = len(names)
        if not names and not problems:
            problems.append(Problem("-", "-", "没有找到 .yaml / .yml 指南或一件事文件"))
        guide_paths, bundle_paths, unreadable = split_files(sorted(names))
        problems += unreadable
        loaded = load_guides(guide_paths) if guide_paths else None
        guides = [guide for _, guide in loaded.guides] if loaded else []
        bundles, bundle_problems = incoming_bundle_problems(store, bundle_paths, guides)
    if loaded is not None:
        problems += loaded.problems
        problems += guide_link_problems(loaded.guides, allow_http)
        quality = lint_guides(loaded.guides)
        problems += [p for p in quality if p.severity == "error" and strict]
        result.warnings = [p for p in quality if p.severity != "error" or not strict]
    problems += bundle_problems
    result.warnings += [p for p in bundle_problems if p.severity != "error"]
    result.errors = [_shown(p, names) for p in problems if p.severity == "error"]
    result.warnings = [_shown(p, names) for p in result.warnings]
    if result.errors or not (guides or bundles):
        return result
    note = f"网页导入 {len(guides)} 个事项、{len(bundles)} 个一件事"
    try:
        result.counts, result.bundle_counts = store.publish(guides, bundles, author, note)
    except PublishBlocked as exc:  # a stored bundle the new guides would break
        result.errors = list(exc.problems)
        return result
    result.ids = [g.id for g in guides]
    result.bundle_ids = [b.id for b in bundles]
    return result


def export_zip(store: Store) -> bytes:
    """Every guide and every bundle as ``<id>.yaml`` side by side, re-importable as it is."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for guide in store.list():
            archive.writestr(f"{guide.id}.yaml", guide_yaml(guide))
        for bundle in store.list_bundles():
            archive.writestr(f"{bundle.id}.yaml", bundle_yaml(bundle))
    return buffer.getvalue()
