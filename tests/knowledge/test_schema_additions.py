"""The optional fields real guides carry (docs/guide-format-additions.md), and their lint rules."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge import Guide, Store, guide_yaml, lint_guide, load_guides, parse_guide, sqlite_url
from knowledge.schema import chinese_number, normalise_form, parse_copies, parse_days

FAITHFUL = {
    "category": "工程建设类",
    "handling": "即办件，承诺件",
    "handling_by_situation": {"agent": "承诺件"},
    "refusal_conditions": "申请材料不齐全的，不予受理",
    "quantity_limit": "每年限补办一次",
    "in_person": "是",
    "special_procedures": "现场勘查，10个工作日，不计入办结时限",
    "phone": "0510-12345678",
    "complaint_phone": "12345",
    "visits": "1次",
    "source": {"url": "https://zwfw.example.gov.cn/item/1", "retrieved": "2026-11-30"},
}


def faithful_guide(guide_data: dict) -> dict:
    data = {**guide_data, **FAITHFUL}
    data["situations"] = [
        {"id": "lost", "label": "证件遗失", "question": "证件是遗失了吗？", "one_of": "state"},
        {"id": "damaged", "label": "证件损坏", "question": "证件是损坏了吗？", "one_of": "state"},
        {"id": "agent", "label": "委托他人代办", "question": "是否委托他人代办？"},
    ]
    data["materials"] = [
        {
            "id": "idcard",
            "name": "申请人居民身份证",
            "form": "原件 复印件",
            "copies": "1份",
            "required": "必要",
            "origin": "申请人自备",
        },
        {
            "id": "form",
            "name": "申请表",
            "template": "https://x/blank.docx",
            "sample": "https://x/sample.pdf",
            "situation": ["lost", "damaged"],
        },
        {"id": "proxy", "name": "授权委托书", "situation": "agent", "required": "非必要"},
    ]
    data["time_limit"] = {"statutory": "20个工作日", "promised": "当场办结"}
    return data


def test_faithful_values_are_accepted_and_stored_canonically(guide_data):
    guide, problems = parse_guide(faithful_guide(guide_data))
    assert problems == []
    assert guide.category == "工程建设类"
    assert guide.handling == "即办件、承诺件"
    assert guide.in_person is True and guide.visits == 1
    idcard, form, proxy = guide.materials
    assert (idcard.form, idcard.copies, idcard.required) == ("原件及复印件", 1, True)
    assert (form.template, form.sample) == ("https://x/blank.docx", "https://x/sample.pdf")
    assert proxy.required is False
    limit = guide.time_limit
    assert (limit.statutory, limit.promised, limit.promised_text) == (20, 0, "当场办结")
    assert guide.source.retrieved == dt.date(2026, 11, 30)
    assert [s.one_of for s in guide.situations] == ["state", "state", None]


def test_new_fields_survive_export_and_import(tmp_path, guide_data):
    guide, _ = parse_guide(faithful_guide(guide_data))
    path = tmp_path / "guide.yaml"
    path.write_text(guide_yaml(guide), encoding="utf-8")
    ((_, again),) = load_guides([path]).guides
    assert again == guide
    store = Store.from_url(sqlite_url(tmp_path / "kb.sqlite"))
    store.import_guides([guide], "tester")
    assert store.get(guide.id) == guide


def test_every_sample_still_imports_unchanged():
    result = load_guides(["knowledge/samples"])
    assert result.ok and len(result.guides) >= 40
    for _, guide in result.guides:
        assert Guide.model_validate(guide.to_data()) == guide


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("category", "民生类", "社会民生类"),
        ("handling", "急件", "即办件"),
        ("visits", "一两次", "应为整数"),
    ],
)
def test_wrong_values_are_still_named(write_guide, guide_data, field, value, message):
    guide_data[field] = value
    result = load_guides([write_guide(guide_data)])
    assert any(p.field == field and message in p.message for p in result.problems), result.problems


def test_value_parsers():
    assert [chinese_number(t) for t in ("3", "三", "十五", "二十", "三十五", "百")] == [
        3,
        3,
        15,
        20,
        35,
        None,
    ]
    assert normalise_form("原件(含复印件)") == "原件及复印件"
    assert normalise_form("含复印件") == "原件及复印件"
    assert normalise_form("原件或复印件") == "原件或复印件"  # a choice: left for staff
    assert parse_copies("一式三份") == "一式三份" and parse_copies("2张") == 2
    assert parse_days("15个自然日") == (15, "自然日", None)
    assert parse_days("即时办结") == (0, None, "即时办结")
    assert parse_days("五天") == ("五天", None, None)


def lint_messages(data: dict) -> list[tuple[str, str, str]]:
    guide = Guide.model_validate(data)
    return [(p.severity, p.field, p.message) for p in lint_guide(guide, "f.yaml")]


def test_duplicate_material_names_are_errors(guide_data):
    guide_data["materials"].append({"id": "idcard2", "name": "申请人 居民身份证"})
    errors = [m for m in lint_messages(guide_data) if m[0] == "error"]
    assert errors and errors[0][1] == "materials[2].name" and "重复" in errors[0][2]


def test_same_name_in_different_situations_is_allowed(guide_data):
    guide_data["situations"].append(
        {"id": "guardian", "label": "监护人代办", "question": "是否监护人代办？"}
    )
    guide_data["materials"].append({"id": "proxy2", "name": "授权委托书", "situation": "guardian"})
    assert not [m for m in lint_messages(guide_data) if m[0] == "error"]


@pytest.mark.parametrize(
    "name", ["有关批准文件", "有关部门的批准文件", "其他证明材料", "其他有关材料"]
)
def test_catch_all_documents_are_errors(guide_data, name):
    guide_data["materials"].append({"id": "x", "name": name})
    assert any(m[0] == "error" and "兜底性材料" in m[2] for m in lint_messages(guide_data))


def test_lint_of_additions(guide_data):
    guide_data["category"] = "工程建设类"
    guide_data["handling_by_situation"] = {"nobody": "即办件"}
    guide_data["situations"][0]["one_of"] = "alone"
    found = lint_messages(guide_data)
    assert ("error", "handling_by_situation", "办事情形 nobody 未在 situations 中定义") in found
    assert any(m[1] == "category" and "本地窗口分类" in m[2] for m in found)
    assert any(m[1] == "situations" and "alone" in m[2] for m in found)


def test_limits_in_different_units_keep_their_words(guide_data):
    guide_data["time_limit"] = {"statutory": "20个工作日", "promised": "15个自然日"}
    guide, problems = parse_guide(guide_data)
    assert problems == []
    limit = guide.time_limit
    assert (limit.statutory, limit.unit, limit.promised, limit.promised_text) == (
        20,
        "工作日",
        15,
        "15个自然日",
    )
