"""Split an item's lines into 要素 entries by the heading-synonym table.

A heading may stand on its own line (the lines below are its content), start a
line (``法定时限：20个工作日``, several on one line), or head a table row
(``实施主体 | 惠民县城市管理行政执法局``). A materials table is recognised by its
column names and its rows handed on whole. Lines before any heading are the
preamble (the title, usually).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.convert.source import Line, SourceItem
from knowledge.convert.vocabulary import Vocabulary, strip_numbering

PREAMBLE = "_preamble"
STRUCTURE = "_structure"  # a row number (序号 | 2): where the item is, already in source.title
UNKNOWN = "_unknown"  # a numbered heading the table does not know: its content goes to review
_TOP_NUMBERING = re.compile(r"^([一二三四五六七八九十]+、|第[一二三四五六七八九十]+[部分章节])")


@dataclass(frozen=True)
class Entry:
    """One piece of content under an element; ``columns`` set for a materials-table row."""

    element: str
    value: str
    line: Line
    label: str = ""
    columns: tuple[str | None, ...] = ()  # material column of each cell, from the header
    heading: bool = False  # the line only names the element


def entries_of(item: SourceItem, vocabulary: Vocabulary) -> list[Entry]:
    """Every line of the item as entries, in order; a line may give several entries."""
    entries: list[Entry] = []
    current = PREAMBLE
    header: tuple[str | None, ...] = ()
    for line in item.lines:
        if line.is_row:
            columns = _material_header(line, vocabulary)
            if columns:
                header = columns
                entries.append(Entry("materials", "", line, "材料表表头", heading=True))
                current = "materials"
                continue
            if header and current == "materials" and not _label_row(line, vocabulary):
                entries.append(Entry("materials", line.text, line, columns=header))
                continue
            header = ()
            found = _row_entries(line, vocabulary)
            if found:
                entries.extend(found)
                current = found[-1].element
            elif vocabulary.column(line.cells[0]) == "number" and line.cells[1].isdigit():
                entries.append(Entry(STRUCTURE, line.cells[1], line, line.cells[0], heading=True))
            elif _unknown_label(line):
                entries.append(Entry(UNKNOWN, line.cells[1], line, line.cells[0]))
                current = UNKNOWN
            else:
                entries.append(Entry(current, line.text, line))
            continue
        header = ()
        pairs = vocabulary.pairs(line.text)
        if pairs:
            for element, label, value in pairs:
                entries.append(Entry(element, value, line, label, heading=not value))
            current = pairs[-1][0]
        elif (element := vocabulary.compound_element(line.text)) or (
            element := vocabulary.suffix_element(line.text, first=line.index == 0)
        ):
            entries.append(Entry(element, "", line, line.text, heading=True))
            current = element
        elif _unknown_heading(line.text, vocabulary):
            entries.append(Entry(UNKNOWN, line.text, line))
            current = UNKNOWN
        else:
            entries.append(Entry(current, line.text, line))
    return entries


def _unknown_label(line: Line) -> bool:
    """ "备注 | 注：……": a label the table does not know, not a continuation of the section."""
    label = line.cells[0]
    short = len(label) <= 12 and not re.search(r"[，。；,;]", label)
    return len(line.cells) == 2 and short and not label.isdigit()


def _unknown_heading(text: str, vocabulary: Vocabulary) -> bool:
    """ "五、办理流程及时间分配": a top-level numbered short line ends the section before it."""
    if not _TOP_NUMBERING.match(text):
        return False
    body = strip_numbering(vocabulary, text)
    return len(body) <= 20 and not re.search(r"[，。；,;:：]", body)


def _material_header(line: Line, vocabulary: Vocabulary) -> tuple[str | None, ...]:
    """The column of each cell when the row is a materials-table header, else ()."""
    columns = tuple(vocabulary.column(cell) for cell in line.cells)
    named = [c for c in columns if c]
    if "name" in named and len(named) >= 2 and len(named) >= len(columns) - 1:
        return columns
    return ()


def _label_row(line: Line, vocabulary: Vocabulary) -> bool:
    return vocabulary.element(line.cells[0]) not in (None, "materials")


def _row_entries(line: Line, vocabulary: Vocabulary) -> list[Entry]:
    """``label | value`` rows, also two pairs a row (``label | value | label | value``)."""
    cells = list(line.cells)
    if vocabulary.element(cells[0]) is None:
        return []
    pairs: list[tuple[str, list[str]]] = []
    for cell in cells:
        if vocabulary.element(cell) is not None and (not pairs or pairs[-1][1] or len(cells) > 2):
            pairs.append((cell, []))
        else:
            pairs[-1][1].append(cell)
    entries = []
    for label, values in pairs:
        element = vocabulary.element(label)
        value = " ".join(values).strip()
        found = vocabulary.pairs(f"{label}: {value}") if value else []
        if len(found) > 1:
            entries.extend(Entry(el, v, line, lab) for el, lab, v in found)
        else:
            entries.append(Entry(element, value, line, label, heading=not value))
    return entries


def value_lines(entries: list[Entry]) -> list[tuple[Entry, str]]:
    """The non-empty lines of the entries' values (a cell may hold several lines)."""
    return [
        (entry, line.strip())
        for entry in entries
        for line in entry.value.split("\n")
        if line.strip()
    ]
