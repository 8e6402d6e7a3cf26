"""Self-check and counts of a generated set (never runs the engine).

    python -m tests.prereview.blind3.stats OUT_DIR

Checks that cases.json loads, every listed file exists, every expected status is one of the
format's statuses and every material of each item's guide has one; prints the counts the
README reports.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from .truth import STATUSES, guide

KEYS = {
    "name",
    "id_number",
    "uscc",
    "legal_rep",
    "address",
    "phone",
    "issue_date",
    "valid_until",
    "signature",
}


def check(root: Path) -> list[str]:
    cases = json.loads((root / "cases.json").read_text(encoding="utf-8"))
    problems = []
    for case in cases:
        folder = root / case["id"]
        for name in case["files"]:
            if not (folder / name).is_file():
                problems.append(f"{case['id']}: {name} missing")
        if case["files"] != [
            f"upload_{i}.{n.rsplit('.', 1)[1]}" for i, n in enumerate(case["files"], 1)
        ]:
            problems.append(f"{case['id']}: file names not upload_1.. in order")
        materials = {m["id"] for m in guide(case["item"]).get("materials") or []}
        got = case["expect"]["materials"]
        if set(got) != materials:
            problems.append(f"{case['id']}: statuses for {sorted(set(got) ^ materials)}")
        problems += [f"{case['id']}: bad status {s}" for s in got.values() if s not in STATUSES]
        for doc in case["documents"]:
            problems += [f"{case['id']}: bad field {k}" for k in set(doc["fields"]) - KEYS]
            problems += [
                f"{case['id']}: document file {f}" for f in doc["files"] if f not in case["files"]
            ]
    return problems


def counts(root: Path) -> dict:
    cases = json.loads((root / "cases.json").read_text(encoding="utf-8"))
    files = Counter(n.rsplit(".", 1)[1] for c in cases for n in c["files"])
    size = sum(p.stat().st_size for p in root.rglob("upload_*"))
    return {
        "cases": len(cases),
        "items": Counter(c["item"] for c in cases),
        "complete": Counter(c["expect"]["complete"] for c in cases),
        "files": files,
        "megabytes": round(size / 1e6, 1),
        "documents": sum(len(c["documents"]) for c in cases),
        "statuses": Counter(s for c in cases for s in c["expect"]["materials"].values()),
        "fields": Counter(k for c in cases for d in c["documents"] for k in d["fields"]),
        "patterns": len({c["pattern"] for c in cases}),
    }


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    problems = check(root)
    for p in problems:
        print("PROBLEM", p)
    for key, value in counts(root).items():
        print(f"{key}: {dict(value.most_common()) if isinstance(value, Counter) else value}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
