"""Self-check and counts of a generated set: ``python -m tests.prereview.blind5.stats OUT_DIR``.

Never runs the engine. Checks: every file exists, upload names follow upload order, photos
are at most 2500 px, every ID number and credit code in the truth has a valid check
character, statuses cover the guide's materials and follow ``truth.expected``, ``complete``
follows the statuses, documents name only known field keys, at most a third of the own
guides' materials carry ``recognize``, at least 24 cases use the own guides.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from PIL import Image

from tests.prereview.blind.ident import id_valid, uscc_valid

from .truth import GUIDES, complete, expected, guide

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
BLIND4_ITEMS = {
    "gongan-juzhuzheng-shenling",
    "jk-ggcs-weisheng-xuke",
    "gongan-hukou-toukao-qianru",
    "gongan-crj-huzhao-shouci",
    "canlian-canjirenzheng-hefa",
    "minzheng-laonianren-youdaizheng",
    "rs-jycyz-shenling",
    "rs-cydb-daikuan",
    "scjg-yaopin-lingshou-xuke",
    "yc-lingshou-xuke",
    "rs-jineng-tisheng-butie",
}


def check_case(root: Path, case: dict) -> list[str]:
    errors = []
    folder = root / case["id"]
    for i, name in enumerate(case["files"], 1):
        if not name.startswith(f"upload_{i}."):
            errors.append(f"{case['id']}: {name} out of order")
        path = folder / name
        if not path.exists():
            errors.append(f"{case['id']}: {name} missing")
        elif path.suffix in (".jpg", ".png"):
            with Image.open(path) as im:
                if max(im.size) > 2500:
                    errors.append(f"{case['id']}: {name} is {im.size}")
    provided = {m: s for m, s in case["expect"]["materials"].items() if s in ("ok", "defective")}
    unreadable = sum(1 for d in case["documents"] if d["material"] is None and not d["fields"])
    want = expected(case["item"], case["situations"], provided, unreadable)
    if want != case["expect"]["materials"]:
        errors.append(f"{case['id']}: statuses do not follow the truth rules")
    if complete(want) != case["expect"]["complete"]:
        errors.append(f"{case['id']}: complete does not follow the statuses")
    mats = {m["id"] for m in guide(case["item"])["materials"]}
    if set(case["expect"]["materials"]) != mats:
        errors.append(f"{case['id']}: statuses do not cover the guide")
    with_docs = {d["material"] for d in case["documents"] if d["material"]}
    for m, s in case["expect"]["materials"].items():
        if (
            s in ("ok", "defective")
            and m not in with_docs
            and not (s == "defective" and unreadable)
        ):
            errors.append(f"{case['id']}: {m} is {s} without a document")
    for d in case["documents"]:
        f = d["fields"]
        if set(f) - KEYS:
            errors.append(f"{case['id']}: unknown field keys {set(f) - KEYS}")
        if "id_number" in f and not id_valid(f["id_number"]):
            errors.append(f"{case['id']}: bad ID number {f['id_number']}")
        if "uscc" in f and not uscc_valid(f["uscc"]):
            errors.append(f"{case['id']}: bad credit code {f['uscc']}")
        if not set(d["files"]) <= set(case["files"]):
            errors.append(f"{case['id']}: document names a file not uploaded")
    return errors


def guide_counts() -> tuple[int, int]:
    total = hinted = 0
    for path in GUIDES.glob("*.yaml"):
        g = guide(path.stem)
        total += len(g["materials"])
        hinted += sum(1 for m in g["materials"] if "recognize" in m)
    return hinted, total


def report(root: Path) -> int:
    cases = json.loads((root / "cases.json").read_text(encoding="utf-8"))
    errors = [e for c in cases for e in check_case(root, c)]
    own = {p.stem for p in GUIDES.glob("*.yaml")}
    n_own = sum(c["item"] in own for c in cases)
    if n_own < 24:
        errors.append(f"only {n_own} cases on the own guides")
    reused = {c["item"] for c in cases} & BLIND4_ITEMS
    if reused:
        errors.append(f"items of blind4 used: {sorted(reused)}")
    hinted, total = guide_counts()
    if hinted * 3 > total:
        errors.append(f"{hinted}/{total} materials carry recognize")
    statuses = Counter(s for c in cases for s in c["expect"]["materials"].values())
    items = Counter(c["item"] for c in cases)
    files = Counter(Path(f).suffix for c in cases for f in c["files"])
    size = sum((root / c["id"] / f).stat().st_size for c in cases for f in c["files"])
    fields = Counter(k for c in cases for d in c["documents"] for k in d["fields"])
    n_complete = sum(c["expect"]["complete"] for c in cases)
    print(
        f"{len(cases)} cases ({n_own} on own guides), {n_complete} complete / "
        f"{len(cases) - n_complete} incomplete, {len(set(c['pattern'] for c in cases))} patterns"
    )
    print("items:", dict(items.most_common()))
    print("statuses:", dict(statuses.most_common()))
    print(
        f"files: {sum(files.values())} {dict(files.most_common())}, {size / 1e6:.0f} MB, "
        f"documents {sum(len(c['documents']) for c in cases)}"
    )
    print("fields:", dict(fields.most_common()))
    print(f"own guides: {hinted}/{total} materials with recognize")
    for e in errors:
        print("ERROR", e)
    print("self-check:", "ok" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(report(Path(sys.argv[1])))
