"""Scores the blind set through the CLI contract, in aggregate only.

    python -m tests.prereview.blind.score OUT_DIR [--write]

Runs ``onetrip prereview --item … --json upload_1.jpg …`` for every case of
``OUT_DIR/cases.json`` (``--write`` generates the set first) and prints how many
cases came out fully right (every status and ``complete``) and the share of
materials whose status is right. Single cases are not printed: the set stays
blind for whoever reads the engine (notes say when it was last looked at).
This scorer was written by the lead, who has read the engine; it only compares.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bot.cli import main as onetrip


def run_case(case: dict, folder: Path) -> dict:
    """The JSON the CLI prints for one case."""
    argv = ["prereview", "--item", case["item"], "--date", case["date"], "--json"]
    for situation in case["situations"]:
        argv += ["--situation", situation]
    if case.get("applicant"):
        argv += ["--applicant", case["applicant"]]
    argv += [str(folder / name) for name in case["files"]]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = onetrip(argv)
    if code != 0:
        return {"error": code}
    return json.loads(out.getvalue())


def score(root: Path) -> dict:
    """Aggregate figures: cases right, material statuses right, confusions by status."""
    cases = json.loads((root / "cases.json").read_text(encoding="utf-8"))
    right = statuses = statuses_right = complete_right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for case in cases:
        got = run_case(case, root / case["id"])
        if "error" in got:
            confusion[("case", "error")] += 1
            continue
        expect = case["expect"]["materials"]
        seen = {m["id"]: m["status"] for m in got["materials"]}
        ok = got["complete"] == case["expect"]["complete"]
        complete_right += ok
        for material, status in expect.items():
            statuses += 1
            if seen.get(material) == status:
                statuses_right += 1
            else:
                ok = False
                confusion[(status, seen.get(material, "absent"))] += 1
        right += ok
    return {
        "cases": len(cases),
        "cases_right": right,
        "complete_right": complete_right,
        "statuses": statuses,
        "statuses_right": statuses_right,
        "confusion": {f"{a}→{b}": n for (a, b), n in confusion.most_common()},
    }


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="blind-"))
    if "--write" in argv or not (root / "cases.json").exists():
        from tests.prereview.blind.make_blind import write_cases

        write_cases(root)
    result = score(root)
    print(
        f"blind set: {result['cases_right']}/{result['cases']} cases fully right, "
        f"complete right {result['complete_right']}/{result['cases']}, "
        f"statuses right {result['statuses_right']}/{result['statuses']} "
        f"({result['statuses_right'] / max(result['statuses'], 1):.1%})"
    )
    print("expected→got:", json.dumps(result["confusion"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
