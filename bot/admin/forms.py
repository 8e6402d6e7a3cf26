"""The guide edit form: a guide as form values, posted values back to guide data.

The form covers every field of ``shared/GUIDE_FORMAT.md`` and of
``docs/guide-format-additions.md``: a field the page does not show would be
silently dropped by the next save, so every field is shown and edited here
(``tests/admin/test_form_round_trip.py`` keeps it so). Repeated parts
(situations, materials, locations, FAQ) are posted as indexed field arrays,
``materials-3-name``, ``materials-3-required`` ...; a material's form fields
(一表申请) nest one level deeper, ``materials-3-form_fields-0-label``. Rows come
in the order the browser sent them, so moving a row in the page reorders it,
and a row with nothing filled in or ticked for deletion is dropped. Lists of
short texts (aliases, basis, process, results) are one entry per line.

Validation is the schema's and lint's own (:func:`knowledge.parse_guide`,
:func:`knowledge.lint_guide`): the form only converts, so that a guide saved
here and one imported from YAML obey exactly the same rules.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import FormData

from knowledge import Guide, Material
from knowledge.schema import RECOGNIZE_FIELDS

ROWS: dict[str, tuple[str, ...]] = {
    # ``handling``: the situation's 办件类型, kept in the guide's ``handling_by_situation``
    "situations": ("id", "label", "question", "one_of", "handling"),
    "materials": (
        "id",
        "name",
        "form",
        "copies",
        "situation",
        "one_of",
        "notes",
        "template",
        "sample",
        "origin",
        "keywords",
        "type",  # recognize.type: the built-in document type (证照类型)
        "issued_within_days",
    ),
    "locations": ("name", "address", "hours", "phone"),
    "faq": ("q", "a"),
}
MATERIAL_FLAGS = ("required", "deferrable", "shared")
SIMPLE_CHECKS = ("not_expired", "names_match", "readable")
CHECK_ORDER = ("not_expired", "issued_within_days", "names_match", "readable")
TEXTS = ("id", "code", "name", "department", "category", "type", "handling", "fees", "online_url")
TEXTS += ("updated", "conditions", "refusal_conditions", "quantity_limit", "special_procedures")
TEXTS += ("phone", "complaint_phone")
SCALARS = (*TEXTS, "in_person", "visits", "revision")
LINES = ("aliases", "basis", "process", "results")
TIME_LIMIT = ("statutory", "promised", "unit", "statutory_text", "promised_text")
SOURCE = ("url", "file", "title", "published", "retrieved")
FORM_FIELD = ("label", "key", "from")
YES_NO = {True: "是", False: "否"}  # 本人到场, as the schema reads it back

_ROW_KEY = re.compile(r"^(situations|materials|locations|faq)-(\d{1,9})-([a-z_]+)$")
_FORM_FIELD_KEY = re.compile(
    r"^materials-(\d{1,9})-form_fields-(\d{1,9})-(label|key|from|_delete)$"
)
_LIST_SPLIT = re.compile(r"[\n,，、;；]+")
_ID_SPLIT = re.compile(r"[\s,，、;；]+")
_INT = re.compile(r"^\d+$")


# -- guide -> form ----------------------------------------------------------------


def form_from_guide(guide: Guide | None, revision: int | None = None) -> dict[str, Any]:
    """Form values for a guide (or a blank form for a new one)."""
    if guide is None:
        form: dict[str, Any] = {key: "" for key in (*SCALARS, *LINES)}
        form.update({name: [] for name in ROWS})
        form["time_limit"] = {key: "" for key in TIME_LIMIT} | {"unit": "工作日"}
        form["source"] = {key: "" for key in SOURCE}
        return form
    limit = guide.time_limit
    return {
        **{key: _text(getattr(guide, key, None)) for key in TEXTS},
        **{key: "\n".join(getattr(guide, key)) for key in LINES},
        "in_person": YES_NO.get(guide.in_person, ""),
        "visits": _text(guide.visits),
        "revision": "" if revision is None else str(revision),
        "situations": [
            {
                "id": s.id,
                "label": s.label,
                "question": s.question or "",
                "one_of": s.one_of or "",
                "handling": guide.handling_by_situation.get(s.id, ""),
            }
            for s in guide.situations
        ],
        "materials": [_material_form(m) for m in guide.materials],
        "time_limit": {key: _text(getattr(limit, key, None)) for key in TIME_LIMIT}
        | {"unit": limit.unit if limit else "工作日"},
        "locations": [
            {key: _text(getattr(loc, key)) for key in ROWS["locations"]} for loc in guide.locations
        ],
        "faq": [{"q": f.q, "a": f.a} for f in guide.faq],
        "source": {key: _text(getattr(guide.source, key, None)) for key in SOURCE},
    }


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _material_form(m: Material) -> dict[str, Any]:
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
        "sample": m.sample or "",
        "origin": m.origin or "",
        "keywords": "、".join(m.recognize.keywords) if m.recognize else "",
        "type": (m.recognize.type if m.recognize else None) or "",
        "fields": list(m.recognize.fields) if m.recognize else [],
        "checks": [c for c in m.checks if c in SIMPLE_CHECKS],
        "issued_within_days": days,
        "form_fields": [
            {"label": f.label, "key": f.key, "from": ", ".join(f.from_ or [])}
            for f in m.form_fields
        ],
    }


# -- posted form -> form values -------------------------------------------------------


def form_from_post(post: FormData) -> dict[str, Any]:
    """Form values from a POST: rows in the order sent, blank and deleted rows dropped."""
    form: dict[str, Any] = {key: _clean(post.get(key)) for key in (*SCALARS, *LINES)}
    form["time_limit"] = {key: _clean(post.get(f"time_limit-{key}")) for key in TIME_LIMIT}
    form["source"] = {key: _clean(post.get(f"source-{key}")) for key in SOURCE}
    rows: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in ROWS}
    for key, value in post.multi_items():
        if not isinstance(value, str):
            continue
        if nested := _FORM_FIELD_KEY.match(key):
            index, sub, field = nested.groups()
            row = rows["materials"].setdefault(index, _blank_row())
            row["form_fields"].setdefault(sub, {"_delete": False})[field] = (
                value not in ("", "0", "false") if field == "_delete" else _clean(value)
            )
            continue
        match = _ROW_KEY.match(key)
        if not match:
            continue
        part, index, field = match.groups()
        row = rows[part].setdefault(index, _blank_row())
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
                clean["form_fields"] = [
                    {n: f.get(n, "") for n in FORM_FIELD}
                    for f in row["form_fields"].values()
                    if not f["_delete"] and any(f.get(n) for n in FORM_FIELD)
                ]
            kept.append(clean)
        form[part] = kept
    return form


def _blank_row() -> dict[str, Any]:
    return {"_delete": False, "fields": [], "checks": [], "form_fields": {}}


def _clean(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return value.replace("\r\n", "\n").strip()


# -- form values -> guide data ---------------------------------------------------------


def data_from_form(form: dict[str, Any], original: Guide | None = None) -> dict[str, Any]:
    """Guide data (a mapping for :func:`knowledge.parse_guide`) from form values.

    Empty inputs are left out so that the schema's defaults apply; numbers that
    are not numbers are passed on as typed, so the schema names the field.
    ``original`` (the stored guide being edited) gives the id, which never changes,
    and keeps the order of recognise fields and checks an existing material already
    had, so that saving an untouched form changes nothing.
    """
    data: dict[str, Any] = {key: form[key] for key in TEXTS if form.get(key)}
    if original is not None:
        data["id"] = original.id
    if form.get("in_person"):
        data["in_person"] = form["in_person"]
    if form.get("visits"):
        data["visits"] = _number(form["visits"])
    for key in LINES:
        entries = [line.strip() for line in form.get(key, "").split("\n") if line.strip()]
        if entries:
            data[key] = entries
    if form["situations"]:
        data["situations"] = [_drop_empty(s | {"handling": ""}) for s in form["situations"]]
    handling = {s["id"]: s["handling"] for s in form["situations"] if s["id"] and s["handling"]}
    if handling:
        data["handling_by_situation"] = handling
    before = {m.id: m for m in original.materials} if original else {}
    used = {m["id"] for m in form["materials"] if m["id"]}
    data["materials"] = [
        _material_data(m, i, used, before.get(m["id"])) for i, m in enumerate(form["materials"])
    ]
    limit = form["time_limit"]
    if any(limit.get(key) for key in TIME_LIMIT if key != "unit"):
        data["time_limit"] = _drop_empty(
            {
                **{key: limit.get(key, "") for key in TIME_LIMIT},
                "statutory": _number(limit.get("statutory", "")),
                "promised": _number(limit.get("promised", "")),
                "unit": limit.get("unit") or "工作日",
            }
        )
    if form["locations"]:
        data["locations"] = [_drop_empty(loc) for loc in form["locations"]]
    if form["faq"]:
        data["faq"] = [_drop_empty(f) for f in form["faq"]]
    if source := _drop_empty(form.get("source", {})):
        data["source"] = source
    return data


def _drop_empty(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if value not in ("", None, [])}


def _number(text: str) -> int | str:
    return int(text) if _INT.match(text) else text


def _material_data(
    m: dict[str, Any], index: int, used: set[str], before: Material | None
) -> dict[str, Any]:
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
    for key in ("one_of", "notes", "template", "sample", "origin"):
        if m[key]:
            data[key] = m[key]
    keywords = [k.strip() for k in _LIST_SPLIT.split(m["keywords"]) if k.strip()]
    fields = _in_order(m["fields"], before.recognize.fields if before and before.recognize else [])
    recognize = _drop_empty({"keywords": keywords, "fields": fields, "type": m["type"]})
    if recognize:
        data["recognize"] = recognize
    checks = list(m["checks"])
    if m["issued_within_days"]:
        checks.append(f"issued_within_days:{m['issued_within_days']}")
    checks.sort(key=lambda c: CHECK_ORDER.index(c.split(":", 1)[0]))
    checks = _in_order(checks, before.checks if before else [])
    if checks:
        data["checks"] = checks
    if m["form_fields"]:
        data["form_fields"] = [_form_field_data(f) for f in m["form_fields"]]
    return data


def _form_field_data(field: dict[str, str]) -> dict[str, Any]:
    """A form field row: ``from`` as typed, "a, b" → a list of sources (one stays a string)."""
    sources = [s for s in _ID_SPLIT.split(field["from"]) if s]
    data: dict[str, Any] = {"label": field["label"], "key": field["key"]}
    if sources:
        data["from"] = sources[0] if len(sources) == 1 else sources
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
    "form_fields": "表单栏目",
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
    "refusal_conditions": "不予受理情形",
    "quantity_limit": "数量限制",
    "in_person": "本人到场",
    "special_procedures": "特别程序",
    "complaint_phone": "监督投诉电话",
    "handling_by_situation": "各情形的办件类型",
    "source": "来源",
    "url": "原文地址",
    "file": "来源文件",
    "title": "文件中的位置",
    "published": "原文发布日期",
    "retrieved": "读取日期",
    "statutory_text": "法定时限原文",
    "promised_text": "承诺时限原文",
    "sample": "示例样表",
    "origin": "来源渠道",
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
    "template": "空白表格",
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
# Names that mean something else inside a nested part: ``materials[0].recognize.type``.
NESTED_LABELS = {
    "situations.one_of": "互斥组",
    "recognize.type": "证照类型",
    "form_fields.label": "栏目名称",
    "form_fields.key": "栏目内容",
    "form_fields.from": "取自",
}
_PART = re.compile(r"^([a-z_]+)\[(\d+)\]")
_PIECE = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")


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
    rest, parent = path, ""
    if match:
        part, index = match.groups()
        parent = part
        labels.append(f"{PART_LABELS.get(part, part)}第 {int(index) + 1} 项")
        rest = path[match.end() :].lstrip(".")
    for piece, index in _PIECE.findall(rest):
        label = NESTED_LABELS.get(f"{parent}.{piece}")
        label = label or FIELD_LABELS.get(piece) or PART_LABELS.get(piece, piece)
        labels.append(f"{label}第 {int(index) + 1} 项" if index else label)
        parent = piece
    return " · ".join(labels)
