"""What a reader hands the parser: an item's text as numbered lines, tables kept as rows.

Every line carries where it came from (``origin``: 第3段, 表1第2行, 第2页) so that the
review list can point staff at it, and an index so that the converter can prove
that each line ended up in a field or on the review list.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One paragraph, or one table row (``cells`` set, ``text`` the cells joined by " | ")."""

    index: int
    text: str
    origin: str
    cells: tuple[str, ...] = ()

    @property
    def is_row(self) -> bool:
        return len(self.cells) > 1


@dataclass
class SourceItem:
    """The text of one item (事项) as read from a file, before anything is interpreted."""

    file: str
    lines: list[Line] = field(default_factory=list)
    label: str = ""  # where in the file: "第2行", "items[3]"; empty for a whole file
    flags: list[str] = field(default_factory=list)  # reader warnings (扫描件, 无文字层)

    def add(self, text: str, origin: str, cells: tuple[str, ...] = ()) -> None:
        """Append a non-empty line; cells of a row are stripped and kept in order."""
        cells = tuple(_cell(c) for c in cells)
        while cells and not cells[-1]:
            cells = cells[:-1]
        if len(cells) > 1:
            text = " | ".join(cells)
        text = " ".join(text.split())
        if text:
            self.lines.append(Line(len(self.lines), text, origin, cells if len(cells) > 1 else ()))


def _cell(text: str) -> str:
    """A table cell with its own line breaks kept (a list of materials in one cell)."""
    return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())


class ReadError(Exception):
    """A file that cannot be read at all; the message is for staff, in Chinese."""
