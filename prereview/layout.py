"""Layout: regions of a page and label–value rows, from the boxes of its text lines.

Applicants put two card sides, or two people's cards, on one photo or copy page;
forms print a label over its value (a table's header row) as often as beside it.
Both are read from where the lines sit, not from any wording of one document:
a page is cut where a blank band separates two parts that are each a document
type, and a row of labels is paired with the row below it, cell by cell.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from prereview._doctype_table import TYPES
from prereview._text import compact
from prereview.doctypes import Typed, classify
from prereview.document import Line

# Labels printed on documents: the types' own labels plus the GUIDE_FORMAT.md field names.
GENERIC_LABELS = (
    "姓名", "名称", "地址", "住址", "身份证号", "身份证号码", "公民身份号码", "证件号码",
    "联系电话", "电话", "手机", "日期", "签名", "统一社会信用代码", "法定代表人", "有效期限",
    "有效期至", "性别", "民族", "出生", "出生日期", "单位名称", "企业名称", "申请人",
)  # fmt: skip
LABELS = frozenset(
    compact(w) for w in GENERIC_LABELS + tuple(w for t in TYPES for w in t.labels + t.holder_labels)
)
MAX_CUTS = 8  # candidate cuts tried per page, widest gaps first
# Labels printed letter-spaced (姓  名, 名  称): their characters with blanks between them.
_SPACED_LABEL = re.compile(
    "|".join(r"\s+".join(map(re.escape, label)) for label in sorted(LABELS, key=len, reverse=True)
             if len(label) >= 2)
)  # fmt: skip


def join_spaced_labels(row: str) -> str:
    """``姓  名 张三`` → ``姓名 张三``: a letter-spaced label written as the label."""
    return _SPACED_LABEL.sub(lambda m: re.sub(r"\s+", "", m.group(0)), row)


def _centre_y(line: Line) -> float:
    return (line.box[1] + line.box[3]) / 2


def _same_row(row: list[Line], line: Line) -> bool:
    last = row[-1].box
    top, bottom = max(last[1], line.box[1]), min(last[3], line.box[3])
    smaller = min(last[3] - last[1], line.box[3] - line.box[1])
    return smaller > 0 and (bottom - top) >= 0.5 * smaller


def visual_rows(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped into rows (top to bottom), each row left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=_centre_y):
        if rows and _same_row(rows[-1], line):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.box[0]) for row in rows]


def is_label(text: str) -> bool:
    """A cell that is only a label (``户名``, ``公民身份号码：``)."""
    bare = compact(text).rstrip(":：")
    return bare in LABELS


def _overlap(a: Line, b: Line) -> float:
    return min(a.box[2], b.box[2]) - max(a.box[0], b.box[0])


def _paired(labels: list[Line], below: list[Line]) -> tuple[list[str], list[Line]]:
    """Each label with the cell under it; cells under no label are returned unused."""
    used: set[int] = set()
    parts: list[str] = []
    for label in labels:
        scored = [(_overlap(label, cell), i) for i, cell in enumerate(below) if i not in used]
        best = max(scored, default=(0.0, -1))
        parts.append(label.text)
        if best[0] > 0:
            used.add(best[1])
            parts.append(below[best[1]].text)
    return parts, [cell for i, cell in enumerate(below) if i not in used]


def layout_rows(lines: Sequence[Line]) -> list[str]:
    """Text rows; a row of bare labels is read together with the row under it.

    ``户名 | 账号`` over ``张三 | 6222…`` becomes ``户名 张三 账号 6222…``, and a
    label alone on its row (``申请人``) takes the value printed below it.
    Lines without boxes keep their order.
    """
    if not lines or any(line.box is None for line in lines):
        return [join_spaced_labels(line.text) for line in lines]
    return [join_spaced_labels(row) for row in _paired_rows(visual_rows(lines))]


def _paired_rows(rows: list[list[Line]]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        below = rows[index + 1] if index + 1 < len(rows) else []
        if (
            below
            and all(is_label(cell.text) for cell in row)
            and not any(is_label(cell.text) for cell in below)
        ):
            parts, rest = _paired(row, below)
            out.append(" ".join(parts))
            if rest:
                out.append(" ".join(cell.text for cell in rest))
            index += 2
            continue
        out.append(" ".join(cell.text for cell in row))
        index += 1
    return out


# -- regions ---------------------------------------------------------------------------------


def _cuts(lines: list[Line], axis: int) -> list[tuple[float, float]]:
    """(gap, position) of blank bands crossing the whole page along ``axis`` (0 = x, 1 = y)."""
    spans = sorted((line.box[axis], line.box[axis + 2]) for line in lines)
    cuts: list[tuple[float, float]] = []
    reach = spans[0][1]
    for start, end in spans[1:]:
        if start > reach:
            cuts.append((start - reach, (start + reach) / 2))
        reach = max(reach, end)
    return cuts


def _typed(lines: list[Line]) -> Typed | None:
    return classify(layout_rows(lines)) if len(lines) >= 2 else None


def _apart(a: Typed, b: Typed) -> bool:
    """Two documents, not two halves of one: different types, or each complete on its own."""
    return a.doctype.id != b.doctype.id or (a.complete and b.complete)


def split_regions(lines: list[Line]) -> list[list[Line]]:
    """The page's lines as one region per document it shows (two cards → two regions).

    A cut along a blank band is kept only when both sides are recognised as a
    document type, at least one is a card, and they are two documents (different
    types, or each complete on its own: two people's cards); otherwise the page is
    one region, so neither a contract page nor a card's title is torn off.
    """
    if len(lines) < 4 or any(line.box is None for line in lines):
        return [lines]
    height = statistics.median(line.box[3] - line.box[1] for line in lines)
    candidates = [
        (gap, axis, position)
        for axis in (1, 0)
        for gap, position in _cuts(lines, axis)
        if gap >= 0.5 * height
    ]
    for _gap, axis, position in sorted(candidates, reverse=True)[:MAX_CUTS]:
        first = [ln for ln in lines if (ln.box[axis] + ln.box[axis + 2]) / 2 < position]
        second = [ln for ln in lines if (ln.box[axis] + ln.box[axis + 2]) / 2 >= position]
        a, b = _typed(first), _typed(second)
        if a and b and (a.doctype.card or b.doctype.card) and _apart(a, b):
            return split_regions(first) + split_regions(second)
    return [lines]
