"""Field-by-field comparison of converted drafts with the hand-made gold guides.

Used by ``test_convert_real_guides.py`` and runnable on its own to print the
per-field accuracy on the real guides:

    .venv/bin/python -m tests.knowledge.gold_compare
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from knowledge.convert import ConvertSummary, convert_sources
from knowledge.convert.vocabulary import squeeze

REAL = Path(__file__).resolve().parents[1] / "data" / "real_guides"
FILES = REAL / "files"
GOLD = REAL / "gold"
_PHONE = re.compile(r"\d{3,4}-\d{7,8}|\d{7,}")

FIELDS = (
    "name",
    "department",
    "conditions",
    "material names found",
    "material form",
    "material copies",
    "material flags",
    "time limits",
    "fees",
    "locations",
    "hours",
    "phone",
    "complaint phone",
)


def similar(a: str | None, b: str | None) -> float:
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    a, b = _key(a), _key(b)
    if a == b:
        return 1.0
    return SequenceMatcher(None, a, b).ratio()


def _key(text: str) -> str:
    return re.sub(r"[\s,，。;；:：、()（）《》“”\"'.]", "", squeeze(str(text)))


@dataclass
class Score:
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, detail: str = "") -> None:
        self.total[name] += 1
        self.right[name] += ok
        if not ok and detail:
            self.misses.append(f"{name}: {detail}")

    def share(self, name: str) -> float:
        return self.right[name] / self.total[name] if self.total[name] else 1.0

    def table(self) -> str:
        rows = [f"{'field':<22}{'right':>7}{'total':>7}{'share':>9}"]
        for name in FIELDS:
            rows.append(
                f"{name:<22}{self.right[name]:>7}{self.total[name]:>7}{self.share(name):>9.1%}"
            )
        return "\n".join(rows)


def load_gold() -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.yaml"))]


def convert_real() -> ConvertSummary:
    return convert_sources([FILES])


def pair_up(summary: ConvertSummary, gold: list[dict]) -> list[tuple[dict, dict]]:
    """Each gold guide with the draft whose name is closest."""
    pairs = []
    for expected in gold:
        number = expected["id"][:3]  # g07: the files are named after the guides they hold
        candidates = [d for d in summary.drafts if number in Path(d.source.file).stem]
        best = max(candidates, key=lambda d: similar(d.data.get("name"), expected["name"]))
        pairs.append((expected, best.data))
    return pairs


def compare(expected: dict, got: dict, score: Score) -> None:
    tag = expected["id"]
    score.add(
        "name", similar(expected["name"], got.get("name")) >= 0.85, f"{tag} {got.get('name')}"
    )
    dept = expected.get("department")
    score.add(
        "department",
        (not got.get("department"))
        if dept is None
        else similar(dept, got.get("department")) >= 0.9,
        f"{tag} {got.get('department')!r}",
    )
    score.add(
        "conditions",
        similar(expected.get("conditions"), got.get("conditions")) >= 0.8,
        f"{tag} {str(got.get('conditions'))[:40]!r}",
    )
    _materials(expected, got, score)
    _limits(expected, got, score)
    fees, got_fees = expected.get("fees"), got.get("fees")
    fees_ok = similar(fees, got_fees) >= 0.6 or bool(
        fees and got_fees and _key(fees) in _key(got_fees)
    )
    score.add("fees", fees_ok, f"{tag} {str(got_fees)[:40]!r}")
    _places(expected, got, score)


def _materials(expected: dict, got: dict, score: Score) -> None:
    outputs = list(got.get("materials") or [])
    for material in expected.get("materials") or []:
        match = max(outputs, key=lambda m: similar(m["name"], material["name"]), default=None)
        found = match is not None and (
            similar(match["name"], material["name"]) >= 0.8
            or _key(material["name"]) in _key(match["name"])
        )
        score.add("material names found", found, f"{expected['id']} {material['name']}")
        if not found:
            continue
        outputs.remove(match)
        score.add(
            "material form",
            material.get("form") == match.get("form"),
            f"{expected['id']} {material['name']} {match.get('form')}",
        )
        score.add(
            "material copies",
            material.get("copies") == match.get("copies"),
            f"{expected['id']} {material['name']} {match.get('copies')}",
        )
        flags = [
            (material.get("required", True), match.get("required", True)),
            (material.get("deferrable", False), match.get("deferrable", False)),
            (material.get("shared", False), match.get("shared", False)),
            (bool(material.get("one_of")), bool(match.get("one_of"))),
            (bool(material.get("situation")), bool(match.get("situation"))),
        ]
        score.add(
            "material flags",
            all(a == b for a, b in flags),
            f"{expected['id']} {material['name']} {flags}",
        )


def _limits(expected: dict, got: dict, score: Score) -> None:
    want = expected.get("time_limit") or {}
    have = got.get("time_limit") or {}
    ok = all(want.get(k) == have.get(k) for k in ("statutory", "promised"))
    if want.get("promised_text"):
        ok = ok and similar(want["promised_text"], have.get("promised_text")) >= 0.8
    score.add("time limits", ok, f"{expected['id']} {have}")


def _places(expected: dict, got: dict, score: Score) -> None:
    tag = expected["id"]
    outputs = got.get("locations") or []
    texts = [_key(f"{o.get('name', '')}{o.get('address', '')}") for o in outputs]
    for location in expected.get("locations") or []:
        keys = [_key(location[k]) for k in ("name", "address") if location.get(k)]
        found = next(
            (o for o, t in zip(outputs, texts, strict=True) if any(k in t or t in k for k in keys)),
            None,
        )
        score.add("locations", found is not None, f"{tag} {location['name']}")
        if location.get("hours"):
            score.add(
                "hours",
                bool(found) and similar(location["hours"], found.get("hours")) >= 0.9,
                f"{tag} {found and found.get('hours')}",
            )
    if not expected.get("locations") and outputs:
        score.add("locations", False, f"{tag} unexpected {outputs}")
    score.add("phone", _phones(expected) == _phones(got), f"{tag} {_phones(got)}")
    score.add(
        "complaint phone",
        set(_PHONE.findall(str(expected.get("complaint_phone") or "")))
        == set(_PHONE.findall(str(got.get("complaint_phone") or ""))),
        f"{tag} {got.get('complaint_phone')}",
    )


def _phones(guide: dict) -> set[str]:
    text = str(guide.get("phone") or "") + " ".join(
        str(loc.get("phone") or "") for loc in guide.get("locations") or []
    )
    return set(_PHONE.findall(text))


HELD_OUT = ("g14", "g15", "g16")  # gold written before the converter ever ran on them


def measure(held_out: bool = False) -> tuple[Score, ConvertSummary]:
    """Scores on the development guides (g01–g13), or on the held-out ones."""
    summary = convert_real()
    score = Score()
    for expected, got in pair_up(summary, load_gold()):
        if expected["id"].startswith(HELD_OUT) == held_out:
            compare(expected, got, score)
    return score, summary


if __name__ == "__main__":
    for kept_apart in (False, True):
        result, converted = measure(kept_apart)
        print("held out g14–g16" if kept_apart else "development g01–g13")
        print(result.table())
        print("\n".join(result.misses), "\n")
    print(f"{len(load_gold())} 份真实办事指南，{converted.line()}")
    lost = sum(len(d.lost_lines()) for d in converted.drafts)
    lines = sum(len(d.source.lines) for d in converted.drafts)
    print(f"lines read {lines}, lost {lost}")
