"""Generates the fifth blind set: ``python -m tests.prereview.blind5.make_blind OUT_DIR [CASE...]``.

Writes ``OUT_DIR/<case>/upload_N.<ext>``, ``OUT_DIR/cases.json`` and ``OUT_DIR/guides/``: this
set's six own guides plus the bundled sample guides of the other items its cases use, so that the
scorer's fresh knowledge base (``onetrip kb import OUT_DIR/guides``) holds every item reviewed, as a
centre that wrote six guides and adopted three of the bundled ones.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from . import cases_own, cases_samples
from .truth import GUIDES, SAMPLES

BUILDERS = cases_own.CASES + cases_samples.CASES


def case_id(builder) -> str:
    return builder.__name__.replace("_", "-")


def write_cases(root: Path, only: list[str] | None = None) -> list:
    """Writes every case (or the named ones) under ``root`` and returns the cases.json list."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    out = root / "guides"
    out.mkdir(exist_ok=True)
    for guide in sorted(GUIDES.glob("*.yaml")):
        shutil.copyfile(guide, out / guide.name)
    cases = []
    for build in BUILDERS:
        if only and case_id(build) not in only:
            continue
        case_dir = root / case_id(build)
        if case_dir.exists():
            shutil.rmtree(case_dir)
        cases.append(build(root))
    for item in sorted({c["item"] for c in cases} - {g.stem for g in GUIDES.glob("*.yaml")}):
        for path in SAMPLES.rglob(f"{item}.yaml"):
            shutil.copyfile(path, out / path.name)
    (root / "cases.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return cases


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cases = write_cases(Path(argv[0]), argv[1:] or None)
    print(f"{len(cases)} cases written to {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
