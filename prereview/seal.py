"""Red round seals (公章) on a page image: a seal counts as the signature area.

Organisations sign by stamping; OCR reads a stamp's curved text poorly or not at
all, so the stamp is found by colour and shape instead: a red, roughly round,
mostly hollow blob at least a few percent of the page wide. Red titles and
borders (营业执照 is printed in red) are neither round nor hollow enough.
"""

from __future__ import annotations

import math

import cv2
import numpy as np
from PIL import Image

WORK_SIDE = 800  # the image is scaled to this before looking: seals are large
MIN_DIAMETER = 0.06  # of the page's shorter side
ROUNDNESS = 0.6  # 4πA/P² of the closed blob; a circle is 1, text and frames much lower


def red_mask(pixels: np.ndarray) -> np.ndarray:
    """Pixels clearly red (seal ink), as a 0/255 mask."""
    hsv = cv2.cvtColor(pixels, cv2.COLOR_RGB2HSV)
    low = cv2.inRange(hsv, (0, 70, 60), (12, 255, 255))
    high = cv2.inRange(hsv, (160, 70, 60), (180, 255, 255))
    return cv2.bitwise_or(low, high)


def has_seal(image: Image.Image) -> bool:
    """Whether the page shows a red round seal."""
    scale = WORK_SIDE / max(image.size)
    small = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
    mask = red_mask(np.asarray(small.convert("RGB")))
    if cv2.countNonZero(mask) < 50:
        return False
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel, iterations=2)
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    shortest = min(small.size)
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if min(w, h) < MIN_DIAMETER * shortest or not 0.75 <= w / h <= 1.33:
            continue
        area = cv2.contourArea(contour)
        perimeter = cv2.arcLength(contour, True)
        if perimeter == 0 or 4 * math.pi * area / perimeter**2 < ROUNDNESS:
            continue
        ink = cv2.countNonZero(mask[y : y + h, x : x + w]) / float(w * h)
        if ink < 0.6:  # a ring with text inside, not a filled red shape
            return True
    return False
