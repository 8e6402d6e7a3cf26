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
from prereview._text import ADDRESS_LABEL, SIGN_PLACE, compact
from prereview.dates import find_dates, fix_digits
from prereview.doctypes import Typed, classify
from prereview.document import Box, Line

# Labels printed on documents: the types' own labels plus the GUIDE_FORMAT.md field names.
GENERIC_LABELS = (
    "姓名", "名称", "地址", "住址", "身份证号", "身份证号码", "公民身份号码", "证件号码",
    "联系电话", "电话", "手机", "日期", "签名", "统一社会信用代码", "法定代表人", "有效期限",
    "有效期至", "性别", "民族", "出生", "出生日期", "单位名称", "企业名称", "申请人",
    "居住地址", "现居住地址", "收件地址", "通信地址", "户籍所在地",
)  # fmt: skip
LABELS = frozenset(
    compact(w) for w in GENERIC_LABELS + tuple(w for t in TYPES for w in t.labels + t.holder_labels)
)
MAX_CUTS = 8  # candidate cuts tried per page, widest gaps first
# Labels printed letter-spaced (姓  名, 名  称): their characters with blanks between them.
# OCR may read a speck in the gap as a dot (姓．名).
_SPACED_LABEL = re.compile(
    "|".join(r"[\s.·・．]+".join(map(re.escape, label))
             for label in sorted(LABELS, key=len, reverse=True) if len(label) >= 2)
)  # fmt: skip


def join_spaced_labels(row: str) -> str:
    """``姓  名 张三`` → ``姓名 张三``: a letter-spaced label written as the label."""
    return _SPACED_LABEL.sub(lambda m: re.sub(r"[\s.·・．]+", "", m.group(0)), row)


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


# A form's own label is often a printed field name with a qualifier before it (申请人姓名,
# 户籍地址, 不动产坐落): a few characters, then the word that names the field. Not 事项:
# 变更事项's value names a field itself (变更事项 | 法定代表人), which is no header row.
_QUALIFIED_LABEL = re.compile(
    r"[\u4e00-\u9fff]{1,4}(?:姓名|名称|地址|住址|住所|坐落|电话|号码|日期|代码)"
)


def is_label(text: str) -> bool:
    """A cell that is only a label (``户名``, ``公民身份号码：``, ``申请人姓名``)."""
    bare = compact(text).rstrip(":：")
    return bare in LABELS or _QUALIFIED_LABEL.fullmatch(bare) is not None


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
    return [join_spaced_labels(row) for row in _paired_rows(join_wrapped(visual_rows(lines)))]


# A label whose value runs long and wraps onto the next lines, aligned under its first line.
_WRAPPING_LABEL = re.compile(ADDRESS_LABEL)
# x of the label, x where its value starts, line height, and whether a continuation may share
# its row with another column (only beside a label: under a header row that is the next field).
Start = tuple[float, float, float, bool]


def _value_start(row: list[Line]) -> tuple[Start, int] | None:
    """Where the value of the row's wrapping label starts, and the index of its cell."""
    for index, cell in enumerate(row):
        bare = compact(cell.text).rstrip(":：")
        match = _WRAPPING_LABEL.match(bare)
        if match is None:
            continue
        label = match.group(0)
        height = cell.box[3] - cell.box[1]
        if bare == label:  # the value is the next cell
            if index + 1 < len(row):
                return (cell.box[0], row[index + 1].box[0], height, True), index + 1
            return None
        share = len(label) / max(len(bare), 1)  # the value follows the label in one box
        value_x = cell.box[0] + share * (cell.box[2] - cell.box[0])
        return (cell.box[0], value_x, height, True), index
    return None


def _continues(line: Line, last: Line, start: Start) -> bool:
    """``line`` carries on the value in ``last``: just below it, under the value, not the label.

    Where the value starts is only estimated when OCR read label and value as one
    box (住址 示范省…), and a card leaves a gap between them, so the line may start
    up to two line heights right of the estimate; starting under the label itself
    makes it another field.
    """
    label_x, value_x, height, _shared = start
    x = line.box[0]
    below = line.box[1] - last.box[3] <= height
    return below and label_x + 0.5 * height < x and abs(x - value_x) <= 2 * height


def _continuation(row: list[Line], last: Line, start: Start) -> int | None:
    """The index of the cell of ``row`` that carries on the value in ``last``, if one does.

    It sits right under the value (``_continues``) and is no label; any other cell on
    its row lies left of the wrapping label, in another column (a licence prints
    法定代表人 on the left beside the second line of 住所 on the right). Under a header
    row, a cell sharing its row is the next field's label (申请救助类别 | 家庭人口).
    """
    for index, line in enumerate(row):
        others = row[:index] + row[index + 1 :]
        if others and not start[3]:
            return None
        if (
            _continues(line, last, start)
            and all(other.box[2] <= start[0] for other in others)
            and not is_label(line.text)
            and not any(compact(line.text).startswith(label) for label in LABELS if len(label) > 1)
        ):
            return index
    return None


def join_wrapped(rows: list[list[Line]]) -> list[list[Line]]:
    """An address wrapped over several lines read as one value (住址 X / Y → 住址 XY).

    A line continues the value above when it sits right under the value, is no
    label itself and shares its row only with another column (see ``_continuation``);
    the rows that follow it may continue it too.
    """
    out: list[list[Line]] = []
    start: Start | None = None
    target: tuple[int, int] | None = None  # (row in ``out``, cell) holding the value
    for row in rows:
        if start is not None and target is not None:
            last = out[target[0]][target[1]]
            index = _continuation(row, last, start)
            if index is not None:
                line = row[index]
                box = (last.box[0], last.box[1], max(last.box[2], line.box[2]), line.box[3])
                joined = Line(last.text + line.text, box, min(last.confidence, line.confidence))
                out[target[0]][target[1]] = joined
                if rest := row[:index] + row[index + 1 :]:
                    out.append(rest)
                continue
        found = _value_start(row) or (_value_below(out[-1], row) if out else None)
        start, target = (found[0], (len(out), found[1])) if found else (None, None)
        out.append(list(row))
    return out


def _value_below(labels: list[Line], row: list[Line]) -> tuple[Start, int] | None:
    """Where the value under a wrapping label of a header row starts (户籍地址 over its value).

    The value's own cell is the one under the label; a line under that cell carries it on.
    """
    if not all(is_label(cell.text) for cell in labels):
        return None
    for label in labels:
        if not _WRAPPING_LABEL.fullmatch(compact(label.text).rstrip(":：")):
            continue
        under = [(_overlap(label, cell), i) for i, cell in enumerate(row)]
        overlap, index = max(under, default=(0.0, -1))
        if overlap > 0:
            value = row[index]
            height = value.box[3] - value.box[1]
            return (value.box[0] - height, value.box[0], height, False), index
    return None


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


# -- signature places ------------------------------------------------------------------------

PLACE_REACH = 12.0  # a signature is written within this many line heights right of its label
_VALUE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_FIELD = re.compile(r"[:：]|\d{4}")  # another label or a date, not something written by hand
_BLANK_DATE = re.compile(r"[\s_]*年[\s_]*月[\s_]*日[\s_]*")  # 年  月  日 left to fill in


def _beside(label: Box, mark: Box) -> bool:
    """``mark`` sits where the signature of ``label`` goes: on its row, to its right."""
    height = max(label[3] - label[1], 1.0)
    centre = (mark[1] + mark[3]) / 2
    on_row = label[1] - 1.5 * height <= centre <= label[3] + 1.5 * height
    return on_row and mark[2] > label[2] - height and mark[0] < label[2] + PLACE_REACH * height


# A signing party's label without a signing word (承诺人：, 声明人：): a signature place only
# when a picture or ink is beside it, since the same label also prints a name on forms.
_PARTY_PLACE = re.compile(r"(?:承诺人|声明人|申请人|委托人|授权人|立书人|当事人)\s*[:：]")


def _written_after(text: str) -> bool:
    """Something written after a label other than a date (a name, a mark read as letters)."""
    fixed = fix_digits(text)
    for found in reversed(find_dates(fixed)):
        fixed = fixed[: found.start] + fixed[found.end :]
    return _VALUE.search(fixed) is not None


def _party_marked(line: Line, marks: Sequence[Box]) -> bool:
    """A party's label with only a date after it, and a picture or ink beside it."""
    party = _PARTY_PLACE.search(line.text)
    if party is None or line.box is None or _written_after(line.text[party.end() :]):
        return False
    return any(_beside(line.box, mark) for mark in marks)


def signed_places(lines: Sequence[Line], marks: Sequence[Box] = ()) -> bool:
    """Whether a signature place (承诺人（签字）：) has something written at it.

    Written means text after the label on its line (a date is no signature), a
    separate line to its right that is neither a label nor a date (handwriting OCR
    read), or a mark that is not text (a signature picture, ink OCR could not read).
    A party's label (承诺人：) with nothing but a date after it is signed by a mark.
    """
    for line in lines:
        match = SIGN_PLACE.search(line.text)
        if match is None:
            if _party_marked(line, marks):
                return True
            continue
        if _written_after(line.text[match.end() :]):
            return True
        if line.box is None:
            continue
        others = (
            other.box
            for other in lines
            if other is not line
            and other.box is not None
            and other.box[0] > line.box[0]  # written after the label, not a line under it
            and _VALUE.search(other.text)
            and not _FIELD.search(other.text)
            and not _BLANK_DATE.fullmatch(other.text)
            and not SIGN_PLACE.search(other.text)
        )
        if any(_beside(line.box, box) for box in [*marks, *others]):
            return True
    return False


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


SHARED_LABELS = 2  # a region carrying this many of the other region's labels is its other half


def _labels_of(typed: Typed, lines: list[Line]) -> int:
    body = compact("".join(line.text for line in lines))
    return sum(compact(label) in body for label in typed.doctype.labels)


def _apart(a: Typed, b: Typed, first: list[Line], second: list[Line]) -> bool:
    """Two documents, not two halves of one: different types, or each complete on its own.

    Halves of one form look alike to a card: the lower half of a 常住人口登记卡
    (性别 民族 出生日期 公民身份号码) reads as an ID card front, but it also carries
    the register's own labels (婚姻状况, 服务处所), so it belongs with the upper half.
    """
    if a.doctype.id == b.doctype.id:
        return a.complete and b.complete
    return _labels_of(a, second) < SHARED_LABELS and _labels_of(b, first) < SHARED_LABELS


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
        if not (a and b and (a.doctype.card or b.doctype.card)):
            continue
        if _apart(a, b, first, second):
            return split_regions(first) + split_regions(second)
        if a.doctype.card and b.doctype.card and (more := _more_cards(first, second)):
            return more
    return [lines]


def _more_cards(first: list[Line], second: list[Line]) -> list[list[Line]] | None:
    """The regions of two card parts that share labels because one holds another whole card.

    A copy of two people's cards stacked front, back, front, back, cut after the first
    back, leaves the second person's front and back below: that part carries the back's
    labels, like the other half of one form, yet is two cards itself. When either part
    splits again, the cut stands.
    """
    regions = split_regions(first) + split_regions(second)
    return regions if len(regions) > 2 else None
