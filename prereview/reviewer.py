"""A reviewer: one OCR engine and the upload limits, shared by every review in a process."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import Guide
from prereview.limits import Limits
from prereview.ocr import Ocr, make_ocr
from prereview.result import ReviewResult
from prereview.review import review


@dataclass
class Reviewer:
    """Loads the OCR engine once; ``review`` may be called from worker threads."""

    ocr: Ocr = field(default_factory=make_ocr)
    limits: Limits = field(default_factory=Limits)

    def review(
        self,
        guide: Guide,
        files: list[Path],
        situations: dict[str, bool] | None = None,
        applicant: str | None = None,
        today: dt.date | None = None,
        *,
        names: list[str] | None = None,
        number: str | None = None,
    ) -> ReviewResult:
        return review(
            guide,
            files,
            situations,
            applicant,
            today,
            self.ocr,
            names=names,
            limits=self.limits,
            number=number,
        )
