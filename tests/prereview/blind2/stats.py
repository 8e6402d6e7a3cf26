"""Counts of a generated set (for the README and reports): cases, items, files, patterns, fields.

python -m tests.prereview.blind2.stats OUT_DIR
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def stats(out: Path) -> dict:
    cases = json.loads((out / "cases.json").read_text(encoding="utf-8"))
    statuses = Counter(s for c in cases for s in c["expect"]["materials"].values())
    fields = Counter(k for c in cases for d in c["documents"] for k in d["fields"])
    exts = Counter(f.rsplit(".", 1)[1] for c in cases for f in c["files"])
    return {
        "cases": len(cases),
        "items": dict(Counter(c["item"] for c in cases)),
        "complete": sum(c["expect"]["complete"] for c in cases),
        "files": dict(exts),
        "documents": sum(len(c["documents"]) for c in cases),
        "patterns": dict(Counter(c["pattern"] for c in cases)),
        "statuses": dict(statuses),
        "fields": dict(fields),
    }


if __name__ == "__main__":
    print(json.dumps(stats(Path(sys.argv[1])), ensure_ascii=False, indent=1))
