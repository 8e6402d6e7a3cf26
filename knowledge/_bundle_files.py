"""Reading and writing bundle files, with errors named ``file: field: message``.

A bundle file carries ``kind: bundle``; a guide never has ``kind`` (it would be an
unknown field), so both can sit in one folder and neither is read as the other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from knowledge._bundle_model import BUNDLE_KIND, Bundle
from knowledge.loader import Problem, guide_files, validation_problems


def is_bundle_data(data: object) -> bool:
    """A mapping with ``kind`` claims to be a bundle; guides have no ``kind`` field."""
    return isinstance(data, dict) and "kind" in data


def _read_yaml(path: Path) -> tuple[object, list[Problem]]:
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(file, "-", "文件不是 UTF-8 编码")]
    except OSError as exc:
        return None, [Problem(file, "-", f"无法读取: {exc.strerror}")]
    return _yaml_data(text, file)


def _yaml_data(text: str, file: str) -> tuple[object, list[Problem]]:
    try:
        return yaml.safe_load(text), []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "-"
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(file, where, f"YAML 格式错误: {reason}")]


def parse_bundle(data: object, file: str = "<input>") -> tuple[Bundle | None, list[Problem]]:
    """Validate one bundle mapping; returns the bundle or the problems."""
    if not is_bundle_data(data):
        return None, [Problem(file, "kind", "不是一件事文件：一件事文件须以 kind: bundle 开头")]
    try:
        return Bundle.model_validate(data), []
    except ValidationError as exc:
        return None, validation_problems(file, exc)


def parse_bundle_text(text: str, file: str = "<input>") -> tuple[Bundle | None, list[Problem]]:
    """A bundle typed or pasted as YAML (the workbench editor); problems as for a file."""
    data, problems = _yaml_data(text, file)
    return (None, problems) if problems else parse_bundle(data, file)


def split_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path], list[Problem]]:
    """Files and folders → (guide files, bundle files, problems).

    For ``onetrip kb import`` and ``kb lint``: one folder may hold both kinds; pass the
    first list to ``load_guides`` and the second to ``load_bundles``. A file that cannot
    be read or parsed is a problem here and appears in neither list.
    """
    files, problems = guide_files(list(paths))
    guides: list[Path] = []
    bundles: list[Path] = []
    for path in files:
        data, found = _read_yaml(path)
        problems.extend(found)
        if not found:
            (bundles if is_bundle_data(data) else guides).append(path)
    return guides, bundles, problems


@dataclass
class BundleLoadResult:
    bundles: list[tuple[str, Bundle]] = field(default_factory=list)  # (file, bundle)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def load_bundles(paths: Iterable[str | Path]) -> BundleLoadResult:
    """Read every bundle under ``paths``; guide files in a folder are passed over.

    A file named on its own must be a bundle; duplicate ids across files are errors.
    """
    paths = list(paths)
    explicit = {Path(p) for p in paths if Path(p).is_file()}
    files, problems = guide_files(paths)
    result = BundleLoadResult(problems=problems)
    first_file: dict[str, str] = {}
    for path in files:
        data, found = _read_yaml(path)
        if not found and not is_bundle_data(data) and path not in explicit:
            continue  # a guide beside the bundles
        bundle, more = (None, found) if found else parse_bundle(data, str(path))
        result.problems.extend(more)
        if bundle is None:
            continue
        if bundle.id in first_file:
            message = f"一件事编号 {bundle.id} 与 {first_file[bundle.id]} 重复"
            result.problems.append(Problem(str(path), "id", message))
            continue
        first_file[bundle.id] = str(path)
        result.bundles.append((str(path), bundle))
    return result


class _Flow(list):
    """A short list written on one line: ``- ['a:id-card', 'b:sfz']``."""


class _Dumper(yaml.SafeDumper):
    """Block text for multi-line values, one line per ``same_document`` group."""


_Dumper.add_representer(
    str,
    lambda d, v: d.represent_scalar("tag:yaml.org,2002:str", v, style="|" if "\n" in v else None),
)
_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, True))
_Dumper.add_representer(dt.date, yaml.SafeDumper.represent_date)


def bundle_yaml(bundle: Bundle) -> str:
    """The bundle as a file ``load_bundles`` reads back: ``kind`` first, defaults left out."""
    data = {"kind": BUNDLE_KIND, **bundle.model_dump(mode="python", exclude_defaults=True)}
    if "same_document" in data:
        data["same_document"] = [_Flow(group) for group in data["same_document"]]
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_bundles(bundles: Iterable[Bundle], folder: str | Path) -> list[Path]:
    """One ``<id>.yaml`` per bundle in ``folder`` (created when missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for bundle in bundles:
        path = folder / f"{bundle.id}.yaml"
        path.write_text(bundle_yaml(bundle), encoding="utf-8")
        written.append(path)
    return written
