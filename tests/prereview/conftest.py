"""Pre-review fixtures. The generated documents (``docs``) and the OCR engine with its
per-session cache (``ocr``) are in ``tests/conftest.py``: one of each for the whole session,
shared with the chat and jobs tests that read the same documents."""

from __future__ import annotations

import pytest

from knowledge import Guide
from tests.conftest import CachedOcr

__all__ = ["CachedOcr"]


@pytest.fixture(scope="session")
def guides(sample_guides) -> dict[str, Guide]:
    return {g.id: g for g in sample_guides}
