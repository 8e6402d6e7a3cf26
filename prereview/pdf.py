"""A4 PDF pages with the Chinese font embedded: the one-time notices and the pre-filled form.

Every page the centre prints for an applicant has the same paper, margins and font,
set once in :func:`a4_pdf`; :func:`notice_pdf` lays out a notice (one item's or a
whole bundle's) from its parts, so the two notices print alike. The notice's own
types are not imported (it takes anything with ``title`` and ``entries``), so every
notice module may use this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from fpdf import FPDF


class _Entry(Protocol):
    title: str
    lines: list[str]


def a4_pdf(title: str, font: Path) -> FPDF:
    """A new A4 document with one page open and ``font`` embedded (subset) as ``cjk``."""
    from fpdf import FPDF  # loaded when a PDF is asked for, not with the notice module

    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(auto=True, margin=16)
    pdf.add_font("cjk", "", str(font))
    pdf.set_title(title)
    pdf.set_creator("onetrip")
    pdf.add_page()
    return pdf


def notice_pdf(
    document_title: str,
    header: Sequence[str],
    conclusion: str,
    sections: Sequence[tuple[str, Sequence[_Entry]]],
    where: Sequence[str],
    advisory: str,
    *,
    after: Sequence[str] = (),
    font: Path,
) -> bytes:
    """A notice: the title line centred, the header, the conclusion, numbered sections.

    ``header[0]`` is the printed title (its 【】 dropped); ``sections`` are (heading,
    entries) with the heading already numbered; ``after`` follows the sections (the
    materials that passed); ``where`` (window, time, visits) and ``advisory`` close it.
    """
    pdf = a4_pdf(document_title, font)
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def write(text: str, size: float = 11, height: float = 6.5, indent: float = 0) -> None:
        pdf.set_font("cjk", size=size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, height, text, new_x="LMARGIN", new_y="NEXT")

    pdf.set_font("cjk", size=18)
    pdf.cell(width, 12, header[0].strip("【】"), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    for line in header[1:]:
        write(line, 10.5, 6)
    pdf.ln(2)
    write(conclusion, 11.5, 7)
    for heading, entries in sections:
        pdf.ln(2)
        write(heading, 13, 8)
        for n, entry in enumerate(entries, 1):
            write(f"{n}. {entry.title}", 11, 6.5, 2)
            for line in entry.lines:
                write(line, 10, 5.5, 8)
    for line in after:
        pdf.ln(2)
        write(line, 10.5, 6)
    pdf.ln(3)
    for line in where:
        write(line, 10, 5.5)
    pdf.ln(2)
    write(advisory, 10, 5.5)
    return bytes(pdf.output())
