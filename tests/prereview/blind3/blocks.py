"""A document as a list of blocks, so one content can leave as a photo, a PDF or a DOCX.

Real offices send the same paper in all three shapes; writing the content once keeps the
truth (what the document shows) identical whatever the shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PIL import Image


@dataclass(frozen=True)
class Hand:
    """A value written by hand (drawn in 楷体 with jitter on rasters)."""

    text: str


Cell = str | Hand | None


@dataclass
class Title:
    text: str
    size: float = 17.0


@dataclass
class Para:
    text: str
    indent: bool = True
    size: float = 10.5
    align: str = "left"


@dataclass
class Table:
    """A grid; ``widths`` are fractions of the text width."""

    rows: list[list[Cell]]
    widths: list[float] | None = None
    size: float = 10.0


@dataclass
class Fields:
    """Boxes with the label on top and the value written below it (hand-filled forms)."""

    pairs: list[tuple[str, Cell]]
    cols: int = 2


@dataclass
class Sign:
    """A signing area: ``label：`` followed by a signature (or nothing), a date, a seal."""

    label: str
    signer: Cell = None
    date: str | None = None
    seal: str | None = None


@dataclass
class Picture:
    """An image placed in the flow at ``width_mm`` (an ID photocopy inside a PDF)."""

    img: Image.Image
    width_mm: float


@dataclass
class Space:
    mm: float = 6.0


@dataclass
class Break:
    pass


Block = Title | Para | Table | Fields | Sign | Picture | Space | Break


@dataclass
class Doc:
    """Blocks plus the page look (font role of the body, margins)."""

    blocks: list[Block]
    role: str = "sans"
    title_role: str = "sansb"
    margin: float = 22.0
    seed: int = 0
    extra: dict = field(default_factory=dict)
