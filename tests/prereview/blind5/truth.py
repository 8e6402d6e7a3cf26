"""Expected status of every material, from the guide and what the case provides.

Rules of shared/GUIDE_FORMAT.md: a situation not chosen -> ``not_applicable``; a
provided material -> ``ok`` or ``defective`` as the case records it; one ``ok``
member of a ``one_of`` group -> the other members ``not_applicable``, none provided
-> every applicable member ``missing``; not provided -> ``optional`` (not required),
``waived`` (shared), ``deferrable``, else ``missing``; an unreadable file when exactly
one required material (not shared, deferrable or optional) is left without a file ->
that material ``defective``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
GUIDES = HERE / "guides"
SAMPLES = HERE.parents[2] / "knowledge" / "samples"

FALSE_WORDS = {"非必要", "否", "可选", "false", "False"}


@cache
def guide(item: str) -> dict:
    """The item's guide: this set's own guides first, then the bundled samples."""
    own = GUIDES / f"{item}.yaml"
    if own.exists():
        return yaml.safe_load(own.read_text(encoding="utf-8"))
    for path in SAMPLES.rglob(f"{item}.yaml"):
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    raise KeyError(item)


def is_required(m: dict) -> bool:
    v = m.get("required", True)
    if isinstance(v, str):
        return v not in FALSE_WORDS
    return bool(v)


def applies(m: dict, situations: list[str]) -> bool:
    s = m.get("situation")
    if s is None:
        return True
    wanted = [s] if isinstance(s, str) else list(s)
    return any(x in situations for x in wanted)


def expected(
    item: str, situations: list[str], provided: dict[str, str], unreadable: int = 0
) -> dict[str, str]:
    """Status of every material of ``item``; ``provided`` maps material -> ok | defective."""
    mats = guide(item)["materials"]
    ids = {m["id"] for m in mats}
    unknown = set(provided) - ids
    if unknown:
        raise KeyError(f"{item}: unknown materials {sorted(unknown)}")
    out: dict[str, str] = {}
    groups: dict[str, list[dict]] = {}
    for m in mats:
        if not applies(m, situations):
            out[m["id"]] = "not_applicable"
            if m["id"] in provided:
                raise ValueError(f"{item}: {m['id']} provided outside its situation")
            continue
        if m.get("one_of"):
            groups.setdefault(m["one_of"], []).append(m)
            continue
        out[m["id"]] = provided.get(m["id"]) or _absent(m)
    for name, members in groups.items():
        given = {m["id"]: provided[m["id"]] for m in members if m["id"] in provided}
        if given and "ok" not in given.values():
            raise ValueError(f"{item}: group {name} has only defective members")
        for m in members:
            out[m["id"]] = given.get(m["id"], "not_applicable" if given else "missing")
    if unreadable:
        left = [m["id"] for m in mats if out[m["id"]] == "missing"]
        if len(left) > 1:
            raise ValueError(f"{item}: an unreadable file with {left} missing is ambiguous")
        if left:
            out[left[0]] = "defective"
    return {m["id"]: out[m["id"]] for m in mats}


def _absent(m: dict) -> str:
    if not is_required(m):
        return "optional"
    if m.get("shared"):
        return "waived"
    if m.get("deferrable"):
        return "deferrable"
    return "missing"


def complete(statuses: dict[str, str]) -> bool:
    return not any(s in ("missing", "defective") for s in statuses.values())
