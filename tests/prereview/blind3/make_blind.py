"""Writes the third blind set: ``OUT_DIR/<case>/upload_N.*`` and ``OUT_DIR/cases.json``.

    python -m tests.prereview.blind3.make_blind OUT_DIR [CASE_ID...]

Each case has its own ``random.Random(f"{SEED}:{case_id}")``, so a subset gives the same
files as a full run. The truth of each case comes from ``truth.expected`` over the item's
sample guide and what the case's uploads provide.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

from . import cases_property, cases_social
from .kit import Case
from .truth import complete, expected

SEED = "blind3-2026-12-01"
CASES = cases_social.CASES + cases_property.CASES


def case_date(index: int) -> date:
    """Review dates spread over the second half of November 2026."""
    return date(2026, 11, 16) + timedelta(days=(index * 5) % 14)


def build(index: int, cid: str, item: str, situations: list[str], fn, root: Path) -> dict:
    folder = root / cid
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    case = Case(cid, item, list(situations), case_date(index), folder, f"{SEED}:{cid}")
    fn(case)
    statuses = expected(item, case.situations, case.provided)
    return {
        "id": cid,
        "item": item,
        "situations": case.situations,
        "applicant": case.applicant,
        "date": case.today.isoformat(),
        "files": case.files,
        "expect": {"complete": complete(statuses), "materials": statuses},
        "pattern": case.pattern,
        "note": case.note,
        "documents": case.documents,
    }


def write_cases(root: Path, only: list[str] | None = None) -> list[dict]:
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    out = []
    for index, (cid, item, situations, fn) in enumerate(CASES):
        if only and cid not in only:
            continue
        out.append(build(index, cid, item, situations, fn, root))
    (root / "cases.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cases = write_cases(Path(argv[0]), argv[1:] or None)
    files = sum(len(c["files"]) for c in cases)
    print(f"{len(cases)} cases, {files} files → {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
