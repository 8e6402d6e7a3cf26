"""Pre-fill rate of the application forms (一表申请) on the generated test documents.

Each case is an application: an item, the uploads, and which material each
upload stands for. The expected value of a form field comes from the ground
truth of ``tests/prereview/make_docs.py`` (a document's ``name``, ``id_number``,
``uscc``, ``legal_rep``; an ID card's address is its person's; sex and birth
date follow from the true ID number by GB 11643), never from the engine:

- *fillable*: the truth gives the value → right, missed (blank) or wrong;
- *must stay blank*: no upload carries it, or its code fails the check
  character on the document (``id_valid`` / ``uscc_valid`` false) → any value is wrong;
- *unjudged*: an upload carries it but the truth does not say (a lease's address).

Pre-fill rate = right / fillable; the target is ≥ 90 % with zero wrong values.
Values the applicant types are left out: they measure nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from bench.bench_prereview import _Cached
from knowledge import Guide, load_guides
from prereview import make_ocr, review
from prereview._text import compact
from prereview.doctypes import material_kinds
from prereview.fields import is_organisation
from tests.prereview import make_docs
from tests.prereview.make_docs import DOC_BY_NAME, TODAY, write_docs

ROOT = Path(__file__).resolve().parent.parent
UNKNOWN = object()  # a source carries the field but the truth does not say its value
BLANK = None  # nothing may fill the field

# (case, item, situations, {material id: [uploads standing for it]})
CASES: list[tuple[str, str, dict[str, bool], dict[str, list[str]]]] = [
    ("shiye-zhang-sideways", "rs-shiye-baoxianjin", {"agent": False},
     {"sfz": ["qy_id_zhang.jpg"], "jiechu-zhengming": ["rs_termination.pdf"]}),
    ("shiye-wangwu", "rs-shiye-baoxianjin", {"agent": False}, {"sfz": ["qy_id_wangwu.jpg"]}),
    ("shiye-wangfang-upside-down", "rs-shiye-baoxianjin", {"agent": False},
     {"sfz": ["qy_id_wangfang.jpg"]}),
    ("shiye-two-photos", "rs-shiye-baoxianjin", {"agent": False},
     {"sfz": ["up_id_front.jpg", "up_id_back.jpg"]}),
    ("shiye-copy", "rs-shiye-baoxianjin", {"agent": False}, {"sfz": ["up_id_copy.jpg"]}),
    ("shiye-exif", "rs-shiye-baoxianjin", {"agent": False}, {"sfz": ["up_id_front_exif.jpg"]}),
    ("shiye-tilted", "rs-shiye-baoxianjin", {"agent": False},
     {"sfz": ["up_id_front_tilted.jpg"]}),
    ("shiye-turned", "rs-shiye-baoxianjin", {"agent": False},
     {"sfz": ["up_id_front_turned.jpg"]}),
    ("shiye-bad-check", "rs-shiye-baoxianjin", {"agent": False},
     {"sfz": ["qy_id_zhang_badcheck.jpg"]}),
    ("qiye", "scjg-qiye-sheli", {"org-shareholder": True, "agent": False},
     {"fddbr-sfz": ["qy_id_zhang.jpg"], "zhusuo-zulin": ["qy_lease.pdf"],
      "gudong-zige": ["qy_shareholder_licence.jpg"]}),
    ("qiye-traditional-lease", "scjg-qiye-sheli", {"org-shareholder": False, "agent": False},
     {"fddbr-sfz": ["qy_id_wangwu.jpg"], "zhusuo-zulin": ["qy_lease_traditional.pdf"]}),
    ("spjy-bad-uscc", "scjg-spjy-xuke", {"agent": False, "vending": False},
     {"yyzz": ["sp_licence_baduscc.jpg"], "fzr-sfz": ["qy_id_zhang.jpg"],
      "jiankang": ["sp_health_ok.jpg"]}),
    ("juzhuzheng", "gongan-juzhuzheng-shenling", {},
     {"id-card": ["up_id_front.jpg", "up_id_back.jpg"], "lease": ["gjj_lease.pdf"]}),
    ("jiehun", "minzheng-jiehun-dengji", {},
     {"id-card-man": ["qy_id_zhang.jpg"], "id-card-woman": ["qy_id_wangfang.jpg"]}),
]  # fmt: skip
PEOPLE = [getattr(make_docs, n) for n in ("ZHANG", "WANG_FANG", "WANG_WU", "LI_SI", "ZHAO_LIU")]


def _truth(guide: Guide, material_id: str, files: list[str]) -> dict:
    """What the uploads standing for one material truly show, in form-field keys."""
    truth: dict = {}
    for name in files:
        doc = DOC_BY_NAME[name].truth
        for key in ("name", "id_number", "uscc", "legal_rep"):
            if key in doc:
                truth.setdefault(key, doc[key])
        if doc.get("id_valid") is False:
            truth["bad_id"] = True
        if doc.get("uscc_valid") is False:
            truth["bad_uscc"] = True
    material = guide.material(material_id)
    person = next((p for p in PEOPLE if p.id_number == truth.get("id_number")), None)
    if person and material and "id-card" in material_kinds(material):
        truth["address"] = person.address
    return truth


def expected(key: str, truths: list[dict]) -> object:
    """The value a field should get from its sources' truth, BLANK, or UNKNOWN."""
    if not truths:
        return BLANK
    values = set()
    for truth in truths:
        number = truth.get("id_number")
        if key in ("id_number", "sex", "birth_date") and truth.get("bad_id"):
            return BLANK
        if key == "uscc" and truth.get("bad_uscc"):
            return BLANK
        if key == "sex" and number:
            values.add("男" if int(number[16]) % 2 else "女")
        elif key == "birth_date" and number:
            born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
            values.add(f"{born.year}年{born.month}月{born.day}日")
        elif key in ("name", "company_name") and truth.get("name"):
            if is_organisation(truth["name"]) == (key == "company_name"):
                values.add(truth["name"])
        elif key in ("address", "business_address") and truth.get("address"):
            values.add(truth["address"])
        elif key in ("id_number", "uscc", "legal_rep") and truth.get(key):
            values.add(truth[key])
    if len(values) == 1:
        return values.pop()
    return BLANK if len(values) > 1 else UNKNOWN


def _field_sources(guide: Guide, field, case_sources: dict[str, list[str]]) -> list[str]:
    """Materials of the case a field may be read from (its ``from``, as materials or kinds)."""
    names = field.from_ or []
    found = [m for m in names if m in case_sources]
    for kind in names:
        found += [m for m in case_sources if kind in material_kinds(guide.material(m))]
    return list(dict.fromkeys(found))


def score_case(guide: Guide, sources: dict[str, list[str]], result) -> dict[str, int]:
    tally = dict.fromkeys(("fillable", "right", "missed", "wrong", "unjudged"), 0)
    forms = {f.material: f for f in result.prefill}
    for material in guide.materials:
        if material.id not in forms:
            continue
        for declared, filled in zip(material.form_fields, forms[material.id].fields, strict=True):
            used = _field_sources(guide, declared, sources) if declared.from_ else []
            truths = [_truth(guide, m, sources[m]) for m in used]
            want = expected(declared.key, truths)
            if want is UNKNOWN:
                tally["unjudged"] += 1
            elif want is BLANK:
                tally["wrong"] += filled.value is not None
            else:
                tally["fillable"] += 1
                if filled.value is None:
                    tally["missed"] += 1
                elif compact(filled.value) == compact(want):
                    tally["right"] += 1
                else:
                    tally["wrong"] += 1
    return tally


def run() -> dict:
    guides = {g.id: g for _, g in load_guides([ROOT / "knowledge" / "samples"]).guides}
    names = sorted({f for _, _, _, s in CASES for files in s.values() for f in files})
    totals = dict.fromkeys(("fillable", "right", "missed", "wrong", "unjudged"), 0)
    imperfect = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="onetrip-bench-prefill-") as tmp:
        paths = write_docs(Path(tmp), names)
        ocr = _Cached(make_ocr("rapidocr"))
        for case, item, situations, sources in CASES:
            files = [f for group in sources.values() for f in group]
            uploads = [f"upload_{i}{paths[f].suffix}" for i, f in enumerate(files, 1)]
            result = review(
                guides[item], [paths[f] for f in files], situations, None, TODAY, ocr,
                names=uploads,
            )  # fmt: skip
            tally = score_case(guides[item], sources, result)
            for key, n in tally.items():
                totals[key] += n
            if tally["missed"] or tally["wrong"]:
                imperfect.append(case)
    rate = totals["right"] / totals["fillable"] if totals["fillable"] else 0.0
    result = {
        "cases": len(CASES),
        **totals,
        "prefill_rate": round(rate, 3),
        "imperfect_cases": imperfect,
        "seconds": round(time.perf_counter() - started, 1),
        "targets": {"prefill_rate>=0.9": rate >= 0.9, "wrong==0": totals["wrong"] == 0},
    }
    print(
        f"pre-fill rate {totals['right']}/{totals['fillable']} ({rate:.1%}), "
        f"wrong {totals['wrong']}, missed {totals['missed']}, unjudged {totals['unjudged']}, "
        f"{len(CASES)} cases"
    )
    return result


if __name__ == "__main__":
    print(json.dumps(run(), ensure_ascii=False, indent=2))
