"""Choosing the rotation of a photographed page: the one whose text boxes read best.

Upright pages cost one OCR pass. Sideways pages show tall, narrow boxes, so the
two quarter turns are tried; wide boxes read with low confidence suggest an
upside-down page, so the half turn is tried — on a strip of the page first, so
that a noisy upright photo does not pay for a second full pass. The
best-reading pass is kept.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from prereview.document import Line
from prereview.ocr import Ocr

_TURNS = {
    90: Image.Transpose.ROTATE_90,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}
GOOD_CONFIDENCE = 0.85


def _tall(line: Line) -> bool:
    x0, y0, x1, y1 = line.box or (0, 0, 1, 1)
    return len(line.text.strip()) >= 2 and (y1 - y0) > 1.5 * (x1 - x0)


def tall_share(lines: list[Line]) -> float:
    """Share of multi-character lines whose box is taller than wide (text running sideways)."""
    long = [ln for ln in lines if len(ln.text.strip()) >= 2]
    return sum(_tall(ln) for ln in long) / len(long) if long else 0.0


def reading_score(lines: list[Line]) -> float:
    """Characters read upright and confidently: Σ confidence × length over wide lines."""
    return sum(
        ln.confidence * len(ln.text.strip())
        for ln in lines
        if ln.confidence >= 0.5 and not _tall(ln)
    )


def reads_well(lines: list[Line]) -> bool:
    chars = sum(len(ln.text.strip()) for ln in lines)
    if not chars or tall_share(lines) >= 0.3:
        return False
    mean = sum(ln.confidence * len(ln.text.strip()) for ln in lines) / chars
    return mean >= GOOD_CONFIDENCE


def rotate(image: Image.Image, angle: int) -> Image.Image:
    """``image`` turned counter-clockwise by ``angle`` (0, 90, 180 or 270 degrees)."""
    return image.transpose(_TURNS[angle]) if angle else image


def _strip(image: Image.Image, lines: list[Line], angle: int, count: int = 4) -> Image.Image:
    """The page's longest text boxes, each turned by ``angle``, stacked on a white strip."""
    boxes = sorted(
        (ln.box for ln in lines if ln.box and len(ln.text.strip()) >= 2),
        key=lambda b: -max(b[2] - b[0], b[3] - b[1]),
    )[:count]
    crops = [rotate(image.crop((b[0] - 4, b[1] - 4, b[2] + 4, b[3] + 4)), angle) for b in boxes]
    width = max((c.width for c in crops), default=1) + 40
    height = sum(c.height + 30 for c in crops) + 30
    strip = Image.new("RGB", (width, height), "white")
    y = 30
    for crop in crops:
        strip.paste(crop, (20, y))
        y += crop.height + 30
    return strip


def probe_angle(ocr: Ocr, image: Image.Image, lines: list[Line], angles: list[int]) -> list[int]:
    """``angles`` ordered by how well a small strip of the page's boxes reads at each.

    Reading a strip of four text lines costs a fraction of a page, so a sideways
    page needs one full pass at the right angle instead of one at each angle.
    """
    scores = {a: reading_score(ocr.read(np.asarray(_strip(image, lines, a)))) for a in angles}
    return sorted(angles, key=lambda a: -scores[a])


def read_upright(ocr: Ocr, image: Image.Image) -> tuple[int, list[Line], Image.Image]:
    """(rotation, lines, rotated image) for the rotation whose text reads best."""
    lines = ocr.read(np.asarray(image))
    if not lines or reads_well(lines):
        return 0, lines, image
    if tall_share(lines) >= 0.5:
        candidates = probe_angle(ocr, image, lines, [90, 270])
    else:  # a full pass upside down only when a strip of the page reads better that way
        candidates = [a for a in probe_angle(ocr, image, lines, [180, 0])[:1] if a]
    best = (reading_score(lines), 0, lines, image)
    for angle in candidates:
        turned = rotate(image, angle)
        turned_lines = ocr.read(np.asarray(turned))
        score = reading_score(turned_lines)
        if score > best[0]:
            best = (score, angle, turned_lines, turned)
        if reads_well(turned_lines):
            break
    return best[1], best[2], best[3]
