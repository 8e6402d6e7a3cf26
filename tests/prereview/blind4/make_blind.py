"""Writes the fourth blind document set: ``OUT_DIR/<case>/upload_N.<ext>`` and ``cases.json``.

    python -m tests.prereview.blind4.make_blind OUT_DIR [CASE_ID...]

Every case has its own ``random.Random(SEED:id)``, PDF/DOCX timestamps are fixed, so a full run
and a run of a subset give the same bytes for the same case.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.prereview.blind4 import cases_biz, cases_people

BUILDERS = [*cases_people.CASES, *cases_biz.CASES]


def case_ids() -> list[str]:
    return [b.__name__.replace("_", "-") for b in BUILDERS]


def write_cases(root: Path, only: list[str] | None = None) -> list[dict]:
    """Generates the set (or the cases in ``only``) under ``root``; returns the case list."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    out = []
    for build in BUILDERS:
        cid = build.__name__.replace("_", "-")
        if only and cid not in only:
            continue
        kit = build()
        assert kit.id == cid, (kit.id, cid)
        out.append(kit.write(root))
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
