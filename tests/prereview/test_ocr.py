"""OCR cost per page: how many passes a photo takes, and how the engine uses the cores.

Pre-review time is OCR time (about nine tenths of a photo's CPU-seconds are the
detection and recognition models), so these tests guard what makes a page cheap:
one pass for an upright photo, no spinning threads stealing CPU from other work.
"""

from __future__ import annotations

import numpy as np
import pytest

from prereview import extract_text
from prereview.ocr import RapidOcr, cpu_cores


class CountingOcr:
    """Counts the pages (not the small probe strips) an engine is asked to read."""

    def __init__(self, inner) -> None:
        self.inner, self.name = inner, inner.name
        self.sizes: list[int] = []

    def read(self, image: np.ndarray):
        self.sizes.append(image.shape[0] * image.shape[1])
        return self.inner.read(image)

    def full_passes(self) -> int:
        largest = max(self.sizes)
        return sum(size > largest / 4 for size in self.sizes)


@pytest.mark.parametrize("name", ["up_id_front.jpg", "up_lease_1.jpg", "qy_id_wangwu.jpg"])
def test_upright_photo_is_read_in_one_pass(docs, ocr, name):
    counting = CountingOcr(ocr)
    page = extract_text(docs[name], counting).pages[0]
    assert page.rotation == 0 and page.lines
    assert len(counting.sizes) == 1


@pytest.mark.parametrize(
    ("name", "rotation"), [("up_id_front_turned.jpg", 270), ("up_id_back_upside_down.jpg", 180)]
)
def test_turned_photo_reads_the_page_at_most_twice(docs, ocr, name, rotation):
    counting = CountingOcr(ocr)
    page = extract_text(docs[name], counting).pages[0]
    assert page.rotation == rotation
    assert counting.full_passes() <= 2


def test_engine_uses_the_cores_without_spinning():
    engine = RapidOcr()
    engine.read(np.full((64, 256, 3), 255, dtype=np.uint8))  # loads the models
    loaded = engine._load()
    for model in (loaded.text_det, loaded.text_rec):
        options = model.session.session.get_session_options()
        assert options.intra_op_num_threads == cpu_cores()
        assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
