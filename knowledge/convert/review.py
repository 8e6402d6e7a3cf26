"""What staff must look at for one draft: values normalised, lines not placed, doubts."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.convert.source import Line


@dataclass
class Review:
    normalised: list[tuple[str, str, str]] = field(default_factory=list)  # (where, from, to)
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    doubts: list[tuple[str, str]] = field(default_factory=list)  # (field or where, message)

    @property
    def open_points(self) -> int:
        """待核对: every line not placed and every doubt; normalisations are informational."""
        return len(self.unplaced) + len(self.doubts)

    def doubt(self, where: str, message: str) -> None:
        if (where, message) not in self.doubts:
            self.doubts.append((where, message))


@dataclass
class Ledger:
    """Where each line read went: into a field, or onto the review list.

    Kept so that ``Draft.lost_lines`` can prove that nothing was dropped silently.
    """

    review: Review = field(default_factory=Review)
    placed: dict[int, str] = field(default_factory=dict)  # line index → field
    reviewed: set[int] = field(default_factory=set)  # line indexes (partly) on review

    def place(self, line: Line, field_name: str) -> None:
        self.placed.setdefault(line.index, field_name)

    def unplace(self, line: Line, text: str) -> None:
        """Put (part of) a line on the review list, once."""
        self.reviewed.add(line.index)
        pair = (line.origin, text)
        if pair not in self.review.unplaced:
            self.review.unplaced.append(pair)
