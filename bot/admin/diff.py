"""Readable differences between two versions of a guide, for the history page.

The diff is taken on the YAML staff know from import/export (difflib, line by
line), plus a one-line summary of which parts of the guide changed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import TypeVar

from bot.admin.forms import FIELD_LABELS, PART_LABELS
from knowledge import Guide, guide_yaml

Entry = TypeVar("Entry")  # a store history entry (items or bundles)


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "add" | "del" | "same" | "hunk"
    text: str
    old: int | None = None  # line number in the older version
    new: int | None = None  # line number in the newer version


def yaml_diff(old: Guide | None, new: Guide | None, context: int = 3) -> list[DiffLine]:
    """Changed lines between two versions (either may be None: created or deleted)."""
    return text_diff(guide_yaml(old) if old else "", guide_yaml(new) if new else "", context)


def text_diff(old: str, new: str, context: int = 3) -> list[DiffLine]:
    """Changed lines between two YAML texts (a guide's, or a 一件事 bundle's)."""
    a = old.splitlines()
    b = new.splitlines()
    lines: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for group in matcher.get_grouped_opcodes(context):
        changed = next(op for op in group if op[0] != "equal")
        if changed[0] == "delete" or not b:
            lines.append(DiffLine("hunk", _where(a, changed[1])))
        else:
            lines.append(DiffLine("hunk", _where(b, changed[3])))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [DiffLine("same", a[i], i + 1, j1 + i - i1 + 1) for i in range(i1, i2)]
                continue
            lines += [DiffLine("del", a[i], i + 1, None) for i in range(i1, i2)]
            lines += [DiffLine("add", b[j], None, j + 1) for j in range(j1, j2)]
    return lines


_TOP = re.compile(r"^([a-z_]+):")
_ITEM = re.compile(r"^- (\w+): (.*)$")


def _where(lines: list[str], index: int) -> str:
    """The part of the guide that line ``index`` is in: ``申请材料 · photo 近期照片`` or ``收费标准``."""
    item = None
    for at in range(min(index, len(lines) - 1), -1, -1):
        line = lines[at]
        if item is None and (match := _ITEM.match(line)):
            item = match.group(2).strip("'\"")
            following = lines[at + 1] if at + 1 < len(lines) else ""
            if match.group(1) == "id" and following.startswith("  name: "):
                item += " " + following.removeprefix("  name: ").strip("'\"")
        elif match := _TOP.match(line):
            key = match.group(1)
            label = PART_LABELS.get(key) or FIELD_LABELS.get(key, key)
            return f"{label} · {item}" if item else label
    return "开头"


def changed_parts(old: Guide | None, new: Guide | None) -> list[str]:
    """The Chinese names of the top-level fields that differ, in the format's order."""
    a = old.to_data() if old else {}
    b = new.to_data() if new else {}
    keys = list(Guide.model_fields)
    return [
        PART_LABELS.get(key) or FIELD_LABELS.get(key, key)
        for key in keys
        if a.get(key) != b.get(key)
    ]


def pick_revision(entries: list[Entry], rev: int | None) -> tuple[Entry, Entry | None]:
    """The history entry of revision ``rev`` (newest when absent) and the one before it.

    ``entries`` run newest first, as the store's history returns them.
    """
    index = next((i for i, e in enumerate(entries) if e.revision == rev), 0)
    previous = entries[index + 1] if index + 1 < len(entries) else None
    return entries[index], previous
