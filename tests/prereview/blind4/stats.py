"""Self-check and counts of a generated fourth set; never runs the engine.

    python -m tests.prereview.blind4.stats OUT_DIR

Checks: every file exists and has a sane size (photos ≤ 2500 px long side); every ID number
and USCC in the documents' fields has a valid check character (GB 11643 / GB 32100); every
material of the item's guide has a status and the statuses follow ``truth.expected`` from the
materials the documents fill; ``complete`` matches; documents name only known materials and
field keys. Prints counts per item, pattern, status, file type and field.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from PIL import Image

from tests.prereview.blind.ident import id_valid, uscc_valid
from tests.prereview.blind4.fonts import missing_faces
from tests.prereview.blind4.truth import guide

FIELD_KEYS = {
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
STATUSES = {"ok", "missing", "defective", "optional", "waived", "deferrable", "not_applicable"}


def check(root: Path) -> list[str]:
    """Problems found in the generated set (empty when it is sound)."""
    cases = json.loads((root / "cases.json").read_text(encoding="utf-8"))
    problems: list[str] = []
    for case in cases:
        cid = case["id"]
        folder = root / cid
        ids = {m["id"] for m in guide(case["item"])["materials"]}
        expect = case["expect"]["materials"]
        if set(expect) != ids:
            problems.append(f"{cid}: statuses do not cover the guide's materials")
        if not set(expect.values()) <= STATUSES:
            problems.append(f"{cid}: unknown status {set(expect.values()) - STATUSES}")
        blocking = any(s in ("missing", "defective") for s in expect.values())
        if case["expect"]["complete"] == blocking:
            problems.append(f"{cid}: complete does not follow the statuses")
        for i, name in enumerate(case["files"], 1):
            path = folder / name
            if not path.exists() or path.stat().st_size < 500:
                problems.append(f"{cid}: missing or empty {name}")
                continue
            if not name.startswith(f"upload_{i}."):
                problems.append(f"{cid}: file {name} out of order")
            if path.suffix in (".jpg", ".png"):
                with Image.open(path) as im:
                    if max(im.size) > 2500:
                        problems.append(f"{cid}: {name} is {im.size}")
        filled: set[str] = set()
        for doc in case["documents"]:
            if not set(doc["files"]) <= set(case["files"]):
                problems.append(f"{cid}: document names unknown files {doc['files']}")
            if doc["material"] is not None:
                if doc["material"] not in ids:
                    problems.append(f"{cid}: unknown material {doc['material']}")
                filled.add(doc["material"])
            f = doc["fields"]
            if set(f) - FIELD_KEYS:
                problems.append(f"{cid}: unknown field keys {set(f) - FIELD_KEYS}")
            if "id_number" in f and not id_valid(f["id_number"]):
                problems.append(f"{cid}: invalid ID number {f['id_number']}")
            if "uscc" in f and not uscc_valid(f["uscc"]):
                problems.append(f"{cid}: invalid USCC {f['uscc']}")
        for material in filled:
            if expect.get(material) not in ("ok", "defective", "not_applicable"):
                problems.append(
                    f"{cid}: {material} has a document but status {expect.get(material)}"
                )
        for material, status in expect.items():
            if status in ("ok",) and material not in filled:
                problems.append(f"{cid}: {material} ok without a document")
            if status == "defective" and material not in filled and not _has_unreadable(case):
                problems.append(f"{cid}: {material} defective without a document")
    return problems


def _has_unreadable(case: dict) -> bool:
    return any(d["material"] is None and not d["fields"] for d in case["documents"])


def counts(root: Path) -> dict:
    cases = json.loads((root / "cases.json").read_text(encoding="utf-8"))
    files = [root / c["id"] / f for c in cases for f in c["files"]]
    return {
        "cases": len(cases),
        "complete": sum(c["expect"]["complete"] for c in cases),
        "items": Counter(c["item"] for c in cases),
        "patterns": len({c["pattern"] for c in cases}),
        "files": len(files),
        "file_types": Counter(p.suffix for p in files),
        "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 1),
        "documents": sum(len(c["documents"]) for c in cases),
        "statuses": Counter(s for c in cases for s in c["expect"]["materials"].values()),
        "fields": Counter(k for c in cases for d in c["documents"] for k in d["fields"]),
    }


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    problems = check(root)
    for p in problems:
        print("PROBLEM", p)
    for key, value in counts(root).items():
        if isinstance(value, Counter):
            value = ", ".join(f"{k} {n}" for k, n in value.most_common())
        print(f"{key}: {value}")
    print("missing font faces (Droid Sans Fallback used):", ", ".join(missing_faces()) or "none")
    print("self-check:", "ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
