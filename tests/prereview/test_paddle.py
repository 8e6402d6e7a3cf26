"""The optional PaddleOCR engine: runs only where paddleocr and its model folders exist."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from prereview import OcrUnavailable, extract_text, make_ocr


def test_paddle_engine_reads_a_document(docs):
    if importlib.util.find_spec("paddleocr") is None:
        pytest.skip("paddleocr is not installed (optional extra: pip install 'onetrip[paddle]')")
    model_dir = os.environ.get("ONETRIP_PADDLE_MODEL_DIR")
    if not model_dir or not Path(model_dir).is_dir():
        pytest.skip("ONETRIP_PADDLE_MODEL_DIR has no PaddleOCR det/rec models (no downloads here)")
    document = extract_text(docs["sp_health_ok.jpg"], make_ocr("paddle", model_dir))
    assert "健康证明" in document.text.replace(" ", "")


def test_paddle_without_models_is_a_clear_error(tmp_path):
    with pytest.raises(OcrUnavailable):
        make_ocr("paddle", None)
    with pytest.raises(OcrUnavailable):
        make_ocr("paddle", tmp_path)


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="rapidocr"):
        make_ocr("tesseract")
