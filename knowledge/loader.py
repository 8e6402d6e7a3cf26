"""Reading and writing guide files (YAML), with errors staff can act on.

Every problem is reported as ``file: field: message`` so that a staff member
can open the file and find the line; nothing is dropped silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from knowledge.schema import Guide

GUIDE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Problem:
    """One error or warning about a guide file."""

    file: str
    field: str
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


@dataclass
class LoadResult:
    guides: list[tuple[str, Guide]] = field(default_factory=list)  # (file, guide)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def guide_files(paths: list[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into the guide files they name, sorted."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in GUIDE_SUFFIXES)
            if not found:
                problems.append(Problem(str(path), "-", "文件夹中没有 .yaml/.yml 文件"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), "-", "文件或文件夹不存在"))
    return files, problems


def field_path(loc: tuple) -> str:
    """Render a pydantic error location as ``materials[2].name``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.startswith(("function-", "literal[", "list[", "str", "int")):
            continue  # union/validator branch names say nothing to staff
        else:
            out += f".{part}" if out else part
    return out or "-"


_MESSAGES = {
    "extra_forbidden": "未知字段（是否拼写错误？）",
    "missing": "缺少必填字段",
    "string_too_short": "不能为空",
    "string_pattern_mismatch": "只能使用小写字母、数字和连字符（如 gongan-sfz-buling；事项内的编号还可用下划线）",
    "bool_parsing": "应为 true 或 false",
    "bool_type": "应为 true 或 false",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "list_type": "应为列表",
    "string_type": "应为文本",
    "model_type": "应为键值映射（字段: 值）",
    "dict_type": "应为键值映射（字段: 值）",
    "date_from_datetime_parsing": "应为日期，如 2025-01-01",
    "date_parsing": "应为日期，如 2025-01-01",
    "date_type": "应为日期，如 2025-01-01",
    "greater_than_equal": "不能为负数",
}


def _message(error: dict) -> str:
    kind = error["type"]
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"取值 {error.get('input')!r} 无效，可选: {expected}"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    text = _MESSAGES.get(kind, error["msg"])
    if kind in {"int_parsing", "bool_parsing", "string_type", "list_type", "int_type"}:
        text += f"（实际为 {error.get('input')!r}）"
    return text


def validation_problems(file: str, exc: ValidationError) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    problems = []
    for error in exc.errors():
        key = (field_path(error["loc"]), _message(error))
        if key not in seen:
            seen.add(key)
            problems.append(Problem(file, *key))
    return problems


def parse_guide(data: object, file: str = "<input>") -> tuple[Guide | None, list[Problem]]:
    """Validate one guide mapping; returns the guide or the problems."""
    if not isinstance(data, dict):
        return None, [Problem(file, "-", "文件内容应为一个事项（字段: 值 的映射）")]
    try:
        return Guide.model_validate(data), []
    except ValidationError as exc:
        return None, validation_problems(file, exc)


def read_guide_file(path: Path) -> tuple[Guide | None, list[Problem]]:
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [Problem(file, "-", "文件不是 UTF-8 编码")]
    except OSError as exc:
        return None, [Problem(file, "-", f"无法读取: {exc.strerror}")]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "-"
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(file, where, f"YAML 格式错误: {reason}")]
    return parse_guide(data, file)


def load_guides(paths: list[str | Path]) -> LoadResult:
    """Read every guide under ``paths``; duplicate ids across files are errors."""
    files, problems = guide_files(paths)
    result = LoadResult(problems=problems)
    first_file: dict[str, str] = {}
    for path in files:
        guide, found = read_guide_file(path)
        result.problems.extend(found)
        if guide is None:
            continue
        if guide.id in first_file:
            result.problems.append(
                Problem(str(path), "id", f"事项编号 {guide.id} 与 {first_file[guide.id]} 重复")
            )
            continue
        first_file[guide.id] = str(path)
        result.guides.append((str(path), guide))
    return result


def guide_yaml(guide: Guide) -> str:
    """The guide as a YAML file, in the field order of the format, defaults left out."""
    data = guide.model_dump(mode="python", exclude_defaults=True)
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )


class _Dumper(yaml.SafeDumper):
    """Writes multi-line text as ``|`` blocks so exported files stay readable."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)
_Dumper.add_representer(dt.date, yaml.SafeDumper.represent_date)
