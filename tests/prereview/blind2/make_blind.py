"""Second blind pre-review set: fresh documents, layouts and upload patterns.

    python -m tests.prereview.blind2.make_blind OUT_DIR [CASE_ID...]

writes OUT_DIR/<case>/upload_N.<ext> and OUT_DIR/cases.json. Written from
shared/GUIDE_FORMAT.md, shared/DESIGN.md, the sample guides and public
descriptions of the documents, without reading the pre-review engine.
Everything is fictitious and seeded.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from . import cases as a
from . import cases_biz as b
from . import cases_more as m
from ._ctx import Ctx
from .people import World
from .truth import complete, expected

SEED = 20261207
BASE_DATE = date(2026, 12, 7)

CASES: list[tuple[str, str, Callable[[Ctx], dict]]] = [
    *[
        (f"sfzhl-0{k}", "gongan-sfz-huanling", f)
        for k, f in enumerate([a.hl_01, a.hl_02, a.hl_03, a.hl_04, a.hl_05, a.hl_06], 1)
    ],
    *[
        (f"lihun-0{k}", "minzheng-lihun-dengji", f)
        for k, f in enumerate([a.lh_01, a.lh_02, a.lh_03, a.lh_04, a.lh_05], 1)
    ],
    *[
        (f"gssl-0{k}", "scjg-qiye-sheli", f)
        for k, f in enumerate([b.sl_01, b.sl_02, b.sl_03, b.sl_04, b.sl_05], 1)
    ],
    *[
        (f"yidi-0{k}", "yibao-yidi-jiuyi-beian", f)
        for k, f in enumerate([b.yd_01, b.yd_02, b.yd_03, b.yd_04, b.yd_05], 1)
    ],
    *[
        (f"gsbg-0{k}", "scjg-gongsi-biangeng", f)
        for k, f in enumerate([b.bg_01, b.bg_02, b.bg_03, b.bg_04], 1)
    ],
    *[
        (f"chusheng-0{k}", "gongan-hukou-chusheng", f)
        for k, f in enumerate([b.cs_01, b.cs_02, b.cs_03, b.cs_04], 1)
    ],
    *[
        (f"gjj-0{k}", "gjj-tiqu-zufang", f)
        for k, f in enumerate([m.gj_01, m.gj_02, m.gj_03, m.gj_04, m.gj_05], 1)
    ],
    *[
        (f"gth-0{k}", "scjg-getihu-sheli", f)
        for k, f in enumerate([m.gt_01, m.gt_02, m.gt_03, m.gt_04], 1)
    ],
    *[
        (f"sbk-0{k}", "rs-sbk-shenling", f)
        for k, f in enumerate([m.sb_01, m.sb_02, m.sb_03, m.sb_04], 1)
    ],
    *[
        (f"linghuo-0{k}", "rs-linghuo-jiuye-canbao", f)
        for k, f in enumerate([m.lj_01, m.lj_02, m.lj_03], 1)
    ],
]


def build_case(out: Path, k: int, case_id: str, item: str, fn: Callable[[Ctx], dict]) -> dict:
    """One case: its own random source (so a case alone gives the same bytes as in a full run)."""
    rng = random.Random(f"{SEED}:{case_id}")
    on = BASE_DATE + timedelta(days=(k * 2) % 9)
    c = Ctx(out, case_id, on, rng, World(rng))
    meta = fn(c)
    situations = meta.get("situations", [])
    statuses = expected(item, situations, c.provided)
    return {
        "id": case_id,
        "item": item,
        "situations": situations,
        "applicant": meta["applicant"],
        "date": on.isoformat(),
        "files": c.files,
        "expect": {"complete": complete(statuses), "materials": statuses},
        "pattern": meta["pattern"],
        "note": meta["note"],
        "documents": c.documents,
    }


def write_cases(out: Path, only: list[str] | None = None) -> list[dict]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    result = [
        build_case(out, k, cid, item, fn)
        for k, (cid, item, fn) in enumerate(CASES)
        if not only or cid in only
    ]
    (out / "cases.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(
            "usage: python -m tests.prereview.blind2.make_blind OUT_DIR [CASE_ID...]",
            file=sys.stderr,
        )
        return 2
    t0 = time.monotonic()
    cases = write_cases(Path(argv[0]), argv[1:] or None)
    print(f"{len(cases)} cases written to {argv[0]} in {time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
