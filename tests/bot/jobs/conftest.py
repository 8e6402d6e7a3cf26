"""The pre-review tests' real documents and OCR engine, shared with the jobs' tests."""

from tests.prereview.conftest import docs, ocr  # noqa: F401 (fixtures)
