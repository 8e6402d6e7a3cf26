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

from prereview.document import Box

WORK_SIDE = 800  # the image is scaled to this before looking: seals are large
MIN_DIAMETER = 0.06  # of the page's shorter side
ROUNDNESS = 0.6  # 4πA/P² of the closed blob; a circle is 1, text and frames much lower


def red_mask(pixels: np.ndarray) -> np.ndarray:
    """Pixels clearly red (seal ink), as a 0/255 mask."""
    hsv = cv2.cvtColor(pixels, cv2.COLOR_RGB2HSV)
    low = cv2.inRange(hsv, (0, 70, 60), (12, 255, 255))
    high = cv2.inRange(hsv, (160, 70, 60), (180, 255, 255))
    return cv2.bitwise_or(low, high)


GREY_RADIUS = 0.06  # of the shorter side: a stamped seal; a card's emblem on a copy is smaller
RING_TRACED = 0.9  # share of the circle's angles with ink on the ring
RING_HOLLOW = 0.5  # at most this share of the inside is ink (a filled emblem is not a seal)


def has_seal(image: Image.Image) -> bool:
    """Whether the page shows a round seal: red, or a dark ring on a colourless copy."""
    small = _small(image)
    if red_seals(image, small):
        return True
    if cv2.countNonZero(red_mask(np.asarray(small.convert("RGB")))) >= 50:
        return False
    return _grey_ring(np.asarray(small.convert("L")))


def _small(image: Image.Image) -> Image.Image:
    scale = WORK_SIDE / max(image.size)
    return image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))


def red_seals(image: Image.Image, small: Image.Image | None = None) -> list[Box]:
    """Boxes (in ``image`` pixels) of the red round seals on the page."""
    small = small or _small(image)
    mask = red_mask(np.asarray(small.convert("RGB")))
    if cv2.countNonZero(mask) < 50:
        return []
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (7, 7))
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel, iterations=2)
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    shortest = min(small.size)
    scale = image.width / small.width
    boxes: list[Box] = []
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
            boxes.append((x * scale, y * scale, (x + w) * scale, (y + h) * scale))
    return boxes


SEAL_LEVEL = 0.8  # seal ink's red channel, as a share of the paper's: brightened to white


def without_seals(image: Image.Image, boxes: list[Box]) -> Image.Image:
    """The page with its seals seen through a red filter, for reading the text under them.

    Offices stamp the seal over the date they sign (骑年盖月): the red ring and its
    curved text cover the digits, and OCR reads neither. Inside a seal's box each
    pixel keeps only its red channel, brightened so that the ink (nearly as bright as
    the paper in red light) turns white: black print under it stays dark, and its
    blurred edges (reddish greys in a photo) keep their weight. Red outside the seals
    (a licence's red title) is left as it is.
    """
    pixels = np.asarray(image.convert("RGB")).copy()
    for x0, y0, x1, y1 in boxes:
        left, top = max(0, int(x0) - 2), max(0, int(y0) - 2)
        right, bottom = int(x1) + 2, int(y1) + 2
        region = pixels[top:bottom, left:right]
        red = region[..., 0].astype(np.float32)
        paper = max(float(np.percentile(red, 95)), 1.0)
        region[...] = np.clip(red * (255.0 / (SEAL_LEVEL * paper)), 0, 255)[..., None]
    return Image.fromarray(pixels)


def _traced(dark: np.ndarray, x: float, y: float, radius: float) -> float:
    """Share of 180 directions from (x, y) with ink within 3 px of ``radius``."""
    height, width = dark.shape
    angles = np.linspace(0, 2 * math.pi, 180, endpoint=False)
    hits = np.zeros(angles.shape, dtype=bool)
    for offset in range(-3, 4):
        xs = np.clip(np.round(x + (radius + offset) * np.cos(angles)).astype(int), 0, width - 1)
        ys = np.clip(np.round(y + (radius + offset) * np.sin(angles)).astype(int), 0, height - 1)
        hits |= dark[ys, xs]
    return float(hits.mean())


def _grey_ring(grey: np.ndarray) -> bool:
    """A seal on a black-and-white page: a traced, hollow circle of a seal's size."""
    shortest = min(grey.shape)
    dark = grey < 128
    circles = cv2.HoughCircles(
        cv2.GaussianBlur(grey, (5, 5), 1.5),
        cv2.HOUGH_GRADIENT,
        dp=1.5,
        minDist=shortest * 0.05,
        param1=120,
        param2=40,
        minRadius=int(GREY_RADIUS * shortest),
        maxRadius=int(0.2 * shortest),
    )
    for x, y, radius in circles[0] if circles is not None else []:
        if _traced(dark, x, y, radius) < RING_TRACED:
            continue
        inside = np.zeros(grey.shape, dtype=np.uint8)
        cv2.circle(inside, (round(x), round(y)), round(0.8 * radius), 1, -1)
        if dark[inside > 0].mean() < RING_HOLLOW:
            return True
    return False
