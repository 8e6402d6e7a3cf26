"""A paper document written once as blocks, rendered as page images.

Blocks (tuples): ``("title", text)``, ``("sub", text)`` a centred line under the title,
``("right", text)``, ``("para", text)``, ``("kv", label, value, hand)``,
``("table", rows, widths)`` where a cell is text, ``Hand(text)`` or ``None``,
``("sign", label, signer, date_text, seal_text)`` and ``("gap", mm)``. The same
blocks are written as a text-layer PDF and as DOCX by ``exports``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from PIL import Image

from .draw import Canvas, put_hand, seal

A4 = (210.0, 297.0)


@dataclass(frozen=True)
class Hand:
    """Text filled in by hand (a form field or a signature)."""

    text: str


@dataclass
class Paper:
    pages: list[list[tuple]]
    role: str = "body"  # face of the printed text
    title_role: str = "title"
    margin: float = 22.0
    extras: dict = field(default_factory=dict)  # e.g. {"header": "..."} for system exports


def _cell_lines(cv: Canvas, text: str, width: float, pt: float, role: str) -> list[str]:
    return cv.wrap(text, width - 3, pt, role) or [""]


def render_page(
    paper: Paper, index: int, dpi: int, rng: random.Random, bg=(255, 255, 255)
) -> Image.Image:
    """One page as an image at ``dpi`` (handwriting and seals drawn with ``rng``)."""
    cv = Canvas(*A4, dpi, bg)
    x0 = paper.margin
    width = A4[0] - 2 * paper.margin
    y = paper.margin + 4
    role = paper.role
    for block in paper.pages[index]:
        kind = block[0]
        if kind == "title":
            w = cv.width(block[1], 18, paper.title_role)
            cv.text((A4[0] - w) / 2, y, block[1], 18, paper.title_role)
            y += 14
        elif kind == "sub":
            w = cv.width(block[1], 11, role)
            cv.text((A4[0] - w) / 2, y - 3, block[1], 11, role)
            y += 8
        elif kind == "right":
            w = cv.width(block[1], 10.5, role)
            cv.text(x0 + width - w, y, block[1], 10.5, role)
            y += 7
        elif kind == "para":
            for i, ln in enumerate(cv.wrap(block[1], width - (8 if True else 0), 12, role)):
                cv.text(x0 + (8 if i == 0 else 0), y, ln, 12, role)
                y += 7.2
            y += 1.5
        elif kind == "kv":
            _, label, value, hand = block
            w = cv.text(x0, y, f"{label}：", 12, role)
            if hand:
                put_hand(cv, x0 + w + 1, y, value, 13, rng)
            else:
                cv.text(x0 + w, y, value, 12, role)
            y += 8.5
        elif kind == "table":
            y = _table(cv, block[1], block[2], x0, y, width, role, rng)
            y += 3
        elif kind == "sign":
            y = _sign(cv, block, x0, y, width, role, rng)
        elif kind == "gap":
            y += block[1]
    if y > A4[1] - 8:
        raise ValueError(f"page {index + 1} overflows A4 ({y:.0f} mm)")
    return cv.img


def _table(cv: Canvas, rows, widths, x0, y, width, role, rng) -> float:
    total = sum(widths)
    cols = [w * width / total for w in widths]
    pt = 11
    for row in rows:
        xs = [x0 + sum(cols[:i]) for i in range(len(row) + 1)]
        spans = []
        for i in range(len(row)):
            cw = cols[i] if i < len(row) - 1 else width - (xs[i] - x0)
            spans.append(cw)
        heights = []
        for cell, cw in zip(row, spans, strict=True):
            if isinstance(cell, str):
                heights.append(len(_cell_lines(cv, cell, cw, pt, role)) * 5.6 + 4.4)
            else:
                heights.append(10.0)
        h = max(10.0, *heights)
        x = x0
        for cell, cw in zip(row, spans, strict=True):
            cv.rect(x, y, x + cw, y + h, outline=(40, 40, 40), w_mm=0.3)
            if isinstance(cell, str):
                lines = _cell_lines(cv, cell, cw, pt, role)
                ty = y + (h - len(lines) * 5.6) / 2
                for ln in lines:
                    cv.text(x + 1.5, ty, ln, pt, role)
                    ty += 5.6
            elif isinstance(cell, Hand):
                put_hand(cv, x + 2, y + 2.5, cell.text, 12, rng)
            x += cw
        y += h
    return y


def _sign(cv: Canvas, block, x0, y, width, role, rng) -> float:
    _, label, signer, date_text, seal_text = block
    y += 4
    x = x0 + width * 0.45
    w = cv.text(x, y, label, 12, role)
    if signer:
        put_hand(cv, x + w + 1, y - 1, signer, 15, rng)
    if seal_text:
        seal(cv, x + 22, y + 2, 19, seal_text, rng)
    y += 10
    if date_text is not None:
        if isinstance(date_text, Hand):
            w = cv.text(x, y, "日期：", 12, role)
            put_hand(cv, x + w + 1, y, date_text.text, 13, rng)
        else:
            cv.text(x, y, date_text, 12, role)
        y += 9
    return y
