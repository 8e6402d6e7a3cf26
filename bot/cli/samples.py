"""The bundled sample guides (``knowledge/samples``), imported into an empty knowledge base."""

from __future__ import annotations

from pathlib import Path

import knowledge
from bot.compose import open_store
from bot.settings import Settings
from knowledge import load_guides

SAMPLES_DIR = Path(knowledge.__file__).parent / "samples"


def import_samples_if_empty(settings: Settings) -> int:
    """Import the samples when the store has no items; returns how many were added."""
    store = open_store(settings)
    if store.count():
        return 0
    result = load_guides([SAMPLES_DIR])
    if not result.ok:
        raise RuntimeError("示例指南有错误: " + "; ".join(map(str, result.problems)))
    return store.import_guides([g for _, g in result.guides], "samples").added
