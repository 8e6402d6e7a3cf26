"""Expected status of every material of an item, from the guide and what a case provides.

Rules of shared/GUIDE_FORMAT.md, applied in this order (written for this set):
1. a material whose situation(s) the case did not choose → ``not_applicable``;
2. a provided material → ``ok`` or ``defective`` as the case records it (a failing shared or
   deferrable material stays ``defective``);
3. a ``one_of`` group with an ``ok`` member → the other members ``not_applicable``;
4. not provided → ``optional`` (required: false), ``waived`` (shared), ``deferrable``,
   else ``missing``.
``complete`` = no material ``missing`` or ``defective``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

SAMPLES = Path(__file__).resolve().parents[3] / "knowledge" / "samples"
STATUSES = {"ok", "missing", "defective", "deferrable", "waived", "not_applicable", "optional"}


@lru_cache(maxsize=64)
def guide(item: str) -> dict:
    for path in SAMPLES.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("id") == item:
            return data
    raise KeyError(f"no sample guide with id {item}")


def _applies(material: dict, situations: set[str]) -> bool:
    wanted = material.get("situation")
    if wanted is None:
        return True
    wanted = [wanted] if isinstance(wanted, str) else list(wanted)
    return bool(situations & set(wanted))


def expected(item: str, situations: list[str], provided: dict[str, str]) -> dict[str, str]:
    materials = guide(item).get("materials") or []
    ids = {m["id"] for m in materials}
    unknown = set(provided) - ids
    if unknown:
        raise KeyError(f"{item}: unknown materials {sorted(unknown)}")
    chosen = set(situations)
    out: dict[str, str] = {}
    for m in materials:
        if not _applies(m, chosen):
            out[m["id"]] = "not_applicable"
        elif m["id"] in provided:
            out[m["id"]] = provided[m["id"]]
    for m in materials:
        group = m.get("one_of")
        if m["id"] in out or not group:
            continue
        members = [x["id"] for x in materials if x.get("one_of") == group and _applies(x, chosen)]
        if any(out.get(x) == "ok" for x in members):
            out[m["id"]] = "not_applicable"
        elif any(out.get(x) == "defective" for x in members):
            raise ValueError(
                f"{item}: one_of group {group} with only a defective member is ambiguous"
            )
    for m in materials:
        if m["id"] in out:
            continue
        if m.get("required", True) is False:
            out[m["id"]] = "optional"
        elif m.get("shared"):
            out[m["id"]] = "waived"
        elif m.get("deferrable"):
            out[m["id"]] = "deferrable"
        else:
            out[m["id"]] = "missing"
    return out


def complete(statuses: dict[str, str]) -> bool:
    return not any(s in ("missing", "defective") for s in statuses.values())
