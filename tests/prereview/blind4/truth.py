"""Expected status of every material of an item, from its sample guide (GUIDE_FORMAT.md).

1. a material whose situation(s) are not chosen → ``not_applicable``;
2. provided → ``ok`` / ``defective`` as the case records it;
3. a ``one_of`` group with an ``ok`` member → the other members ``not_applicable``;
4. not provided → ``optional`` (required: false), ``waived`` (shared), ``deferrable``, else
   ``missing``;
5. an unreadable upload, when exactly one required material is left without a file, is that
   material, which is then ``defective``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

SAMPLES = Path(__file__).resolve().parents[3] / "knowledge" / "samples"


@lru_cache(maxsize=64)
def guide(item: str) -> dict:
    """The sample guide whose ``id`` is ``item`` (only that file is parsed)."""
    for path in sorted(SAMPLES.glob("*/*.y*ml")):
        text = path.read_text(encoding="utf-8")
        if f"id: {item}\n" not in text:
            continue
        data = yaml.safe_load(text)
        if data.get("id") == item:
            return data
    raise KeyError(f"no sample guide {item}")


def applies(material: dict, situations: list[str]) -> bool:
    sit = material.get("situation")
    if sit is None:
        return True
    wanted = [sit] if isinstance(sit, str) else list(sit)
    return any(s in situations for s in wanted)


def left_without_file(item: str, situations: list[str], provided: dict[str, str]) -> list[str]:
    """Required materials (not shared, deferrable or optional) that no file fills."""
    mats = guide(item)["materials"]
    groups_ok = {m.get("one_of") for m in mats if m["id"] in provided and m.get("one_of")}
    out = []
    for m in mats:
        if not applies(m, situations) or m["id"] in provided:
            continue
        if m.get("required", True) is False or m.get("shared") or m.get("deferrable"):
            continue
        if m.get("one_of") and m["one_of"] in groups_ok:
            continue
        out.append(m["id"])
    return out


def expected(
    item: str, situations: list[str], provided: dict[str, str], unreadable: int = 0
) -> tuple[dict[str, str], bool]:
    mats = guide(item)["materials"]
    known = {m["id"] for m in mats}
    unknown = set(provided) - known
    if unknown:
        raise KeyError(f"{item}: unknown materials {sorted(unknown)}")
    provided = dict(provided)
    if unreadable:
        left = left_without_file(item, situations, provided)
        if len(left) == 1:
            provided[left[0]] = "defective"
    status: dict[str, str] = {}
    groups: dict[str, list[str]] = {}
    for m in mats:
        mid = m["id"]
        if m.get("one_of"):
            groups.setdefault(m["one_of"], []).append(mid)
        if not applies(m, situations):
            status[mid] = "not_applicable"
        elif mid in provided:
            status[mid] = provided[mid]
        elif m.get("required", True) is False:
            status[mid] = "optional"
        elif m.get("shared"):
            status[mid] = "waived"
        elif m.get("deferrable"):
            status[mid] = "deferrable"
        else:
            status[mid] = "missing"
    for members in groups.values():
        live = [mid for mid in members if status[mid] != "not_applicable"]
        if any(status[mid] == "ok" for mid in live):
            for mid in live:
                if status[mid] != "ok":
                    status[mid] = "not_applicable"
        elif any(status[mid] == "defective" for mid in live):
            raise ValueError(f"{item}: one_of group whose only provided member is defective")
    complete = not any(s in ("missing", "defective") for s in status.values())
    return status, complete
