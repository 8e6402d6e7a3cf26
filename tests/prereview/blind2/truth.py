"""Statuses derived from the sample guide under GUIDE_FORMAT.md's rules (never typed by hand)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

SAMPLES = Path(__file__).resolve().parents[3] / "knowledge" / "samples"


@cache
def guide(item: str) -> dict:
    hits = list(SAMPLES.rglob(f"{item}.yaml"))
    if not hits:
        raise FileNotFoundError(f"sample guide {item}.yaml not found under {SAMPLES}")
    return yaml.safe_load(hits[0].read_text(encoding="utf-8"))


def _applies(m: dict, situations: list[str]) -> bool:
    s = m.get("situation")
    if s is None:
        return True
    return any(x in situations for x in ([s] if isinstance(s, str) else s))


def expected(item: str, situations: list[str], provided: dict[str, str]) -> dict[str, str]:
    """Status of every material of the item.

    provided: material id -> ok / defective for what the uploads really are (an
    unreadable file already resolved to the one required material left). Rules:
    situation not chosen -> not_applicable; provided -> its status (a failing
    shared or deferrable material stays defective); one ok member of a one_of
    group -> the others not_applicable; otherwise optional / waived (shared) /
    deferrable / missing, in that order."""
    g = guide(item)
    mats = g.get("materials") or []
    unknown = set(provided) - {m["id"] for m in mats}
    if unknown:
        raise ValueError(f"{item}: no material {sorted(unknown)}")
    known = {s["id"] for s in g.get("situations") or []}
    if set(situations) - known:
        raise ValueError(f"{item}: no situation {sorted(set(situations) - known)}")
    group_ok = {
        m["one_of"]
        for m in mats
        if m.get("one_of") and _applies(m, situations) and provided.get(m["id"]) == "ok"
    }
    out: dict[str, str] = {}
    for m in mats:
        mid, grp = m["id"], m.get("one_of")
        if not _applies(m, situations):
            out[mid] = "not_applicable"
        elif mid in provided:
            out[mid] = provided[mid]
        elif grp and grp in group_ok:
            out[mid] = "not_applicable"
        elif m.get("required", True) is False:
            out[mid] = "optional"
        elif m.get("shared"):
            out[mid] = "waived"
        elif m.get("deferrable"):
            out[mid] = "deferrable"
        else:
            out[mid] = "missing"
        if grp and provided.get(mid) == "defective" and grp not in group_ok:
            raise ValueError(f"{item}: lone defective one_of member {mid} is ambiguous; avoid it")
    return out


def complete(statuses: dict[str, str]) -> bool:
    return not any(s in ("missing", "defective") for s in statuses.values())
