"""OCR cost per page: how many passes a photo takes, and how the engine uses the cores.

Pre-review time is OCR time (about nine tenths of a photo's CPU-seconds are the
detection and recognition models), so these tests guard what makes a page cheap:
one pass for an upright photo, no spinning threads stealing CPU from other work.
"""

from __future__ import annotations

import numpy as np
import pytest
from onnxruntime import InferenceSession

from prereview import extract_text
from prereview.ocr import RapidOcr, cpu_cores, session_options, shared_arena


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


def test_models_share_one_memory_arena():
    """Buffers are reused from page to page, and the two models share them (memory stays low)."""
    engine = RapidOcr()
    engine.read(np.full((64, 256, 3), 255, dtype=np.uint8))
    loaded = engine._load()
    assert shared_arena()
    for model in (loaded.text_det, loaded.text_rec):
        options = model.session.session.get_session_options()
        assert options.enable_cpu_mem_arena
        assert options.get_session_config_entry("session.use_env_allocators") == "1"


def test_shared_arena_reads_the_same_text_as_fresh_memory(docs):
    """Reusing another page's buffers changes nothing a user sees: same lines, boxes, scores."""
    from prereview.extract import open_image
    from prereview.limits import Limits

    image = np.asarray(open_image(docs["up_id_front.jpg"], Limits()))
    plain = RapidOcr()
    plain._engine = plain._build()
    models = ((plain._engine.text_det, "*det*.onnx"), (plain._engine.text_rec, "*rec*.onnx"))
    for model, pattern in models:
        options = session_options(plain.threads)
        options.enable_cpu_mem_arena = False
        options.add_session_config_entry("session.use_env_allocators", "0")
        model.session.session = InferenceSession(
            str(plain._model(pattern)), options, providers=["CPUExecutionProvider"]
        )
    reused = RapidOcr()
    reused.read(np.asarray(open_image(docs["up_lease_1.jpg"], Limits())))  # buffers now in use
    assert reused.read(image) == plain.read(image)
