"""The bundled samples — guides (``knowledge/samples``) and 一件事 bundles
(``knowledge/bundle-samples``) — imported into an empty knowledge base."""

from __future__ import annotations

from pathlib import Path

import knowledge
from bot.compose import open_store
from bot.settings import Settings
from knowledge import load_guides
from knowledge.bundles import load_bundles

SAMPLES_DIR = Path(knowledge.__file__).parent / "samples"
BUNDLE_SAMPLES_DIR = Path(knowledge.__file__).parent / "bundle-samples"


def import_samples_if_empty(settings: Settings) -> int:
    """Import the samples when the store has no items; returns how many items were added."""
    store = open_store(settings)
    if store.count():
        return 0
    guides = load_guides([SAMPLES_DIR])
    bundles = load_bundles([BUNDLE_SAMPLES_DIR])
    problems = guides.problems + bundles.problems
    if not (guides.ok and bundles.ok):
        raise RuntimeError("示例指南有错误: " + "; ".join(map(str, problems)))
    counts, _ = store.publish(
        [g for _, g in guides.guides], [b for _, b in bundles.bundles], "samples"
    )
    return counts.added
