"""Every lint rule, each with a case that fails and a case that passes."""

from __future__ import annotations

import pytest

from knowledge import Guide, lint_guide, lint_paths


def lint(data: dict) -> list:
    return lint_guide(Guide.model_validate(data), "g.yaml")


def errors(data: dict) -> list[str]:
    return [f"{p.field}: {p.message}" for p in lint(data) if p.severity == "error"]


def warnings(data: dict) -> list[str]:
    return [f"{p.field}: {p.message}" for p in lint(data) if p.severity == "warning"]


def test_clean_guide_has_no_problems(guide_data):
    assert lint(guide_data) == []


@pytest.mark.parametrize(
    "name",
    [
        "其他材料",
        "有关材料",
        "相关材料",
        "其他相关证明材料",
        "其它有关资料",
        "身份证、户口簿等",
        "营业执照等材料",
    ],
)
def test_catch_all_material_is_an_error(guide_data, name):
    guide_data["materials"][0]["name"] = name
    assert any(e.startswith("materials[0].name: ") and "兜底" in e for e in errors(guide_data))


def test_catch_all_in_traditional_is_an_error(guide_data):
    guide_data["materials"][0]["name"] = "其他相關材料"
    assert any("兜底" in e for e in errors(guide_data))


@pytest.mark.parametrize("name", ["营业执照", "房屋租赁合同", "法定代表人身份证明", "平等协商记录"])
def test_specific_material_names_pass(guide_data, name):
    guide_data["materials"][0]["name"] = name
    assert errors(guide_data) == []
    assert warnings(guide_data) == []


@pytest.mark.parametrize("name", ["必要的证明", "按规定提交的表格", "视情况提供的说明"])
def test_vague_wording_is_a_warning(guide_data, name):
    guide_data["materials"][0]["name"] = name
    assert errors(guide_data) == []
    assert any("模糊表述" in w for w in warnings(guide_data))


def test_promised_longer_than_statutory(guide_data):
    guide_data["time_limit"] = {"statutory": 5, "promised": 10}
    assert any("time_limit.promised: 承诺时限 10" in e for e in errors(guide_data))
    guide_data["time_limit"] = {"statutory": 10, "promised": 10}
    assert errors(guide_data) == []


def test_material_situation_must_exist(guide_data):
    guide_data["materials"][1]["situation"] = "married"
    assert any(
        "materials[1].situation: 办事情形 married 未定义" in e.replace("在 situations 中", "")
        for e in errors(guide_data)
    )
    guide_data["materials"][1]["situation"] = ["agent"]
    assert errors(guide_data) == []


def test_deferrable_and_shared_not_both(guide_data):
    guide_data["materials"][0].update(deferrable=True, shared=True)
    assert any(e.startswith("materials[0]: deferrable") for e in errors(guide_data))
    guide_data["materials"][0].update(deferrable=False, shared=True)
    assert errors(guide_data) == []


def test_duplicate_material_and_situation_ids(guide_data):
    guide_data["materials"].append({"id": "idcard", "name": "户口簿"})
    guide_data["situations"].append({"id": "agent", "label": "重复", "question": "?"})
    found = errors(guide_data)
    assert "materials: 材料编号 idcard 重复" in found
    assert "situations: 办事情形编号 agent 重复" in found


def test_warnings_for_thin_guides(guide_data):
    guide_data["locations"] = []
    guide_data["time_limit"] = None
    guide_data["situations"].append({"id": "married", "label": "已婚"})
    guide_data["materials"][0]["one_of"] = "proof"
    found = "\n".join(warnings(guide_data))
    assert "没有写办理地点" in found
    assert "承诺件应写明承诺办结时限" in found
    assert "办事情形 married 没有被任何材料引用" in found
    assert "缺少向申请人询问的问题" in found
    assert "one_of 组 proof 只有一项材料" in found


def test_duplicate_ids_across_files_and_schema_errors(write_guide, guide_data):
    a = write_guide(guide_data, "a.yaml")
    b = write_guide(guide_data, "b.yaml")
    bad = write_guide(
        {"id": "bad", "name": "x", "department": "y", "materials": [], "extra": 1}, "c.yaml"
    )
    problems = [str(p) for p in lint_paths([a, b, bad])]
    assert f"{b}: id: 事项编号 test-item 与 {a} 重复" in problems
    assert f"{bad}: extra: 未知字段（是否拼写错误？）" in problems


def test_samples_pass_lint(tmp_path):
    from tests.conftest import SAMPLES

    problems = [p for p in lint_paths([SAMPLES]) if p.severity == "error"]
    assert problems == []
