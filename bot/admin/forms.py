"""The guide edit form: a guide as form values, posted values back to guide data.

The form covers every field of ``shared/GUIDE_FORMAT.md``. Repeated parts
(situations, materials, locations, FAQ) are posted as indexed field arrays,
``materials-3-name``, ``materials-3-required`` ...; rows come in the order the
browser sent them, so moving a row in the page reorders it, and a row with
nothing filled in or ticked for deletion is dropped. Lists of short texts
(aliases, basis, process, results) are one entry per line.

Validation is the schema's and lint's own (:func:`knowledge.parse_guide`,
:func:`knowledge.lint_guide`): the form only converts, so that a guide saved
here and one imported from YAML obey exactly the same rules.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import FormData

from knowledge import Guide
from knowledge.schema import RECOGNIZE_FIELDS

ROWS: dict[str, tuple[str, ...]] = {
    "situations": ("id", "label", "question"),
    "materials": (
        "id",
        "name",
        "form",
        "copies",
        "situation",
        "one_of",
        "notes",
        "template",
        "keywords",
        "issued_within_days",
    ),
    "locations": ("name", "address", "hours", "phone"),
    "faq": ("q", "a"),
}
MATERIAL_FLAGS = ("required", "deferrable", "shared")
SIMPLE_CHECKS = ("not_expired", "names_match", "readable")
CHECK_ORDER = ("not_expired", "issued_within_days", "names_match", "readable")
TEXTS = ("id", "code", "name", "department", "category", "type", "handling", "fees", "online_url")
TEXTS += ("updated", "conditions")
SCALARS = (*TEXTS, "visits", "revision")
LINES = ("aliases", "basis", "process", "results")
TIME_LIMIT = ("statutory", "promised", "unit")

_ROW_KEY = re.compile(r"^(situations|materials|locations|faq)-(\d{1,9})-([a-z_]+)$")
_LIST_SPLIT = re.compile(r"[\n,，、;；]+")
_ID_SPLIT = re.compile(r"[\s,，、;；]+")
_INT = re.compile(r"^\d+$")


# -- guide -> form ----------------------------------------------------------------


def form_from_guide(guide: Guide | None, revision: int | None = None) -> dict[str, Any]:
    """Form values for a guide (or a blank form for a new one)."""
    if guide is None:
        form: dict[str, Any] = {key: "" for key in (*SCALARS, *LINES)}
        form.update({name: [] for name in ROWS})
        form["time_limit"] = {"statutory": "", "promised": "", "unit": "工作日"}
        return form
    limit = guide.time_limit
    return {
        **{key: _text(getattr(guide, key, None)) for key in SCALARS if key != "revision"},
        **{key: "\n".join(getattr(guide, key)) for key in LINES},
        "revision": "" if revision is None else str(revision),
        "situations": [
            {"id": s.id, "label": s.label, "question": s.question or ""} for s in guide.situations
        ],
        "materials": [_material_form(m) for m in guide.materials],
        "time_limit": {
            "statutory": _text(limit.statutory if limit else None),
            "promised": _text(limit.promised if limit else None),
            "unit": limit.unit if limit else "工作日",
        },
        "locations": [
            {key: _text(getattr(loc, key)) for key in ROWS["locations"]} for loc in guide.locations
        ],
        "faq": [{"q": f.q, "a": f.a} for f in guide.faq],
    }


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _material_form(m) -> dict[str, Any]:
    days = next((c.split(":", 1)[1] for c in m.checks if c.startswith("issued_within_days:")), "")
    return {
        "id": m.id,
        "name": m.name,
        "required": m.required,
        "deferrable": m.deferrable,
        "shared": m.shared,
        "form": m.form or "",
        "copies": _text(m.copies),
        "situation": ", ".join(m.situations),
        "one_of": m.one_of or "",
        "notes": m.notes or "",
        "template": m.template or "",
        "keywords": "、".join(m.recognize.keywords) if m.recognize else "",
        "fields": list(m.recognize.fields) if m.recognize else [],
        "checks": [c for c in m.checks if c in SIMPLE_CHECKS],
        "issued_within_days": days,
    }


# -- posted form -> form values -------------------------------------------------------


def form_from_post(post: FormData) -> dict[str, Any]:
    """Form values from a POST: rows in the order sent, blank and deleted rows dropped."""
    form: dict[str, Any] = {key: _clean(post.get(key)) for key in (*SCALARS, *LINES)}
    form["time_limit"] = {key: _clean(post.get(f"time_limit-{key}")) for key in TIME_LIMIT}
    rows: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in ROWS}
    for key, value in post.multi_items():
        match = _ROW_KEY.match(key)
        if not match or not isinstance(value, str):
            continue
        part, index, field = match.groups()
        row = rows[part].setdefault(index, {"_delete": False, "fields": [], "checks": []})
        if field in ("fields", "checks"):
            row[field].append(value)
        elif field in MATERIAL_FLAGS or field == "_delete":
            row[field] = value not in ("", "0", "false")
        else:
            row[field] = _clean(value)
    for part, names in ROWS.items():
        kept = []
        for row in rows[part].values():
            if row["_delete"] or not any(row.get(n) for n in names):
                continue
            clean = {n: row.get(n, "") for n in names}
            if part == "materials":
                clean.update({flag: bool(row.get(flag)) for flag in MATERIAL_FLAGS})
                clean["fields"] = [f for f in row["fields"] if f in RECOGNIZE_FIELDS]
                clean["checks"] = [c for c in row["checks"] if c in SIMPLE_CHECKS]
            kept.append(clean)
        form[part] = kept
    return form


def _clean(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return value.replace("\r\n", "\n").strip()


# -- form values -> guide data ---------------------------------------------------------


def data_from_form(form: dict[str, Any], original: Guide | None = None) -> dict[str, Any]:
    """Guide data (a mapping for :func:`knowledge.parse_guide`) from form values.

    Empty inputs are left out so that the schema's defaults apply; numbers that
    are not numbers are passed on as typed, so the schema names the field.
    ``original`` keeps the order of recognise fields and checks an existing
    material already had, so that saving an untouched form changes nothing.
    """
    data: dict[str, Any] = {key: form[key] for key in TEXTS if form.get(key)}
    if form.get("visits"):
        data["visits"] = _number(form["visits"])
    for key in LINES:
        entries = [line.strip() for line in form.get(key, "").split("\n") if line.strip()]
        if entries:
            data[key] = entries
    if form["situations"]:
        data["situations"] = [_drop_empty(s) for s in form["situations"]]
    before = {m.id: m for m in original.materials} if original else {}
    used = {m["id"] for m in form["materials"] if m["id"]}
    data["materials"] = [
        _material_data(m, i, used, before.get(m["id"])) for i, m in enumerate(form["materials"])
    ]
    limit = form["time_limit"]
    if limit.get("statutory") or limit.get("promised"):
        data["time_limit"] = {
            **({"statutory": _number(limit["statutory"])} if limit.get("statutory") else {}),
            **({"promised": _number(limit["promised"])} if limit.get("promised") else {}),
            "unit": limit.get("unit") or "工作日",
        }
    if form["locations"]:
        data["locations"] = [_drop_empty(loc) for loc in form["locations"]]
    if form["faq"]:
        data["faq"] = [_drop_empty(f) for f in form["faq"]]
    return data


def _drop_empty(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if value not in ("", None)}


def _number(text: str) -> int | str:
    return int(text) if _INT.match(text) else text


def _material_data(m: dict[str, Any], index: int, used: set[str], before) -> dict[str, Any]:
    material_id = m["id"] or _free_id(index, used)
    data: dict[str, Any] = {"id": material_id, "name": m["name"]}
    for flag, default in (("required", True), ("deferrable", False), ("shared", False)):
        if m[flag] != default:
            data[flag] = m[flag]
    if m["form"]:
        data["form"] = m["form"]
    if m["copies"]:
        data["copies"] = _number(m["copies"])
    situations = [s for s in _ID_SPLIT.split(m["situation"]) if s]
    if situations:
        data["situation"] = situations[0] if len(situations) == 1 else situations
    for key in ("one_of", "notes", "template"):
        if m[key]:
            data[key] = m[key]
    keywords = [k.strip() for k in _LIST_SPLIT.split(m["keywords"]) if k.strip()]
    fields = _in_order(m["fields"], before.recognize.fields if before and before.recognize else [])
    if keywords or fields:
        data["recognize"] = {
            **({"keywords": keywords} if keywords else {}),
            **({"fields": fields} if fields else {}),
        }
    checks = list(m["checks"])
    if m["issued_within_days"]:
        checks.append(f"issued_within_days:{m['issued_within_days']}")
    checks.sort(key=lambda c: CHECK_ORDER.index(c.split(":", 1)[0]))
    checks = _in_order(checks, before.checks if before else [])
    if checks:
        data["checks"] = checks
    return data


def _in_order(values: list[str], previous: list[str]) -> list[str]:
    """``values`` with those already in ``previous`` first, in their previous order."""
    rank = {value: i for i, value in enumerate(previous)}
    return sorted(values, key=lambda v: rank.get(v, len(previous)))


def _free_id(index: int, used: set[str]) -> str:
    """An id for a material staff left without one: ``m1``, ``m2`` ... not yet taken."""
    n = index + 1
    while f"m{n}" in used:
        n += 1
    used.add(f"m{n}")
    return f"m{n}"


# -- problem paths -> labels --------------------------------------------------------------

PART_LABELS = {
    "situations": "办事情形",
    "materials": "申请材料",
    "locations": "办理地点",
    "faq": "常见问题",
    "aliases": "相似问法",
    "basis": "设定依据",
    "process": "办理流程",
    "results": "办理结果",
}
FIELD_LABELS = {
    "id": "编号",
    "code": "事项编码",
    "name": "名称",
    "department": "实施主体",
    "category": "综合窗口分类",
    "type": "事项类型",
    "handling": "办件类型",
    "conditions": "受理条件",
    "fees": "收费标准",
    "visits": "到现场次数",
    "online_url": "网办地址",
    "updated": "指南更新日期",
    "time_limit": "办结时限",
    "statutory": "法定办结时限",
    "promised": "承诺办结时限",
    "unit": "时限单位",
    "label": "情形名称",
    "question": "询问问题",
    "required": "必要",
    "deferrable": "容缺",
    "shared": "免提交",
    "form": "材料形式",
    "copies": "份数",
    "situation": "适用情形",
    "one_of": "任选其一组",
    "notes": "填写要求",
    "template": "样表链接",
    "recognize": "预审识别",
    "keywords": "识别关键词",
    "fields": "必须显示的信息",
    "checks": "预审检查",
    "address": "地址",
    "hours": "办公时间",
    "phone": "电话",
    "q": "问题",
    "a": "回答",
}
_PART = re.compile(r"^([a-z_]+)\[(\d+)\]")


def anchor(path: str) -> str:
    """The id of the form element to jump to for a problem at ``path`` (its row, or its field)."""
    match = _PART.match(path)
    if match:
        return f"r-{match.group(1)}-{match.group(2)}"
    return "f-" + (re.split(r"[.\[]", path, maxsplit=1)[0] or "top")


def field_label(path: str) -> str:
    """``materials[2].name`` → ``申请材料第 3 项 · 名称``, for the error summary."""
    if path in ("", "-"):
        return "整个事项"
    labels = []
    match = _PART.match(path)
    rest = path
    if match:
        part, index = match.groups()
        labels.append(f"{PART_LABELS.get(part, part)}第 {int(index) + 1} 项")
        rest = path[match.end() :].lstrip(".")
    for piece in filter(None, re.split(r"\.|\[\d+\]", rest)):
        labels.append(FIELD_LABELS.get(piece, PART_LABELS.get(piece, piece)))
    return " · ".join(labels)
