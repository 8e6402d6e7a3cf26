"""What was read from one uploaded file: pages of lines, each with its box and confidence.

Lines keep their boxes so that label and value printed side by side (姓名 张三)
can be joined into rows even when OCR returns them as separate boxes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in page pixels (points for PDFs)

# A line OCR is unsure of: counted as unread when judging readability.
LOW_CONFIDENCE = 0.75


@dataclass(frozen=True)
class Line:
    text: str
    box: Box | None = None
    confidence: float = 1.0


@dataclass
class Page:
    number: int  # 1-based
    lines: list[Line] = field(default_factory=list)
    source: str = "text"  # "text" (PDF text layer, DOCX) | "ocr"
    rotation: int = 0  # degrees (counter-clockwise) applied before OCR
    width: float = 0.0
    height: float = 0.0
    seal: bool = False  # a red round seal was seen on the page image (a signature area)
    # Marks that are not text: a signature pasted as a picture on a text page, handwriting
    # beside a signature label that OCR could not read. A filled signature place shows them.
    marks: list[Box] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.rows())

    def rows(self) -> list[str]:
        """Lines grouped into visual rows (top to bottom, left to right), joined by spaces."""
        boxed = [line for line in self.lines if line.box is not None]
        if len(boxed) != len(self.lines):
            return [line.text for line in self.lines]
        rows: list[list[Line]] = []
        for line in sorted(boxed, key=lambda ln: (ln.box[1] + ln.box[3]) / 2):
            if rows and _same_row(rows[-1], line):
                rows[-1].append(line)
            else:
                rows.append([line])
        return [" ".join(ln.text for ln in sorted(row, key=lambda ln: ln.box[0])) for row in rows]

    def readable_chars(self) -> int:
        """Characters OCR read with confidence (all of them for a text layer)."""
        return sum(len(ln.text.strip()) for ln in self.lines if ln.confidence >= LOW_CONFIDENCE)


def _same_row(row: list[Line], line: Line) -> bool:
    """Vertical overlap of at least half the smaller height with the row's last line."""
    last = row[-1].box
    top, bottom = max(last[1], line.box[1]), min(last[3], line.box[3])
    smaller = min(last[3] - last[1], line.box[3] - line.box[1])
    return smaller > 0 and (bottom - top) >= 0.5 * smaller


@dataclass
class Document:
    """One file as read. ``problem`` is a citizen-facing reason when it could not be read."""

    name: str  # what the applicant called the file
    path: Path | None = None
    kind: str | None = None  # "pdf" | "image" | "docx"
    pages: list[Page] = field(default_factory=list)
    problem: str | None = None
    warnings: list[str] = field(default_factory=list)  # read, but only in part

    @property
    def text(self) -> str:
        return "\n".join(page.text for page in self.pages)
