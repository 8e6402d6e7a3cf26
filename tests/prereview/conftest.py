"""Fixtures for pre-review: generated documents, one OCR engine with a per-session cache."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from knowledge import Guide
from prereview import make_ocr
from prereview.document import Line
from tests.prereview.make_docs import write_docs


class CachedOcr:
    """Wraps an engine; the same pixels are read once per test session."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = f"cached-{inner.name}"
        self.cache: dict[str, list[Line]] = {}
        self.calls = 0

    def read(self, image: np.ndarray) -> list[Line]:
        key = hashlib.sha1(image.tobytes()).hexdigest() + str(image.shape)
        if key not in self.cache:
            self.calls += 1
            self.cache[key] = self.inner.read(image)
        return self.cache[key]


@pytest.fixture(scope="session")
def ocr() -> CachedOcr:
    return CachedOcr(make_ocr("rapidocr"))


@pytest.fixture(scope="session")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every generated test document, written once per session."""
    return write_docs(tmp_path_factory.mktemp("docs"))


@pytest.fixture(scope="session")
def guides(sample_guides) -> dict[str, Guide]:
    return {g.id: g for g in sample_guides}
