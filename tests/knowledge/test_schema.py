"""Reading guide files: every mistake a staff member can make gets a precise message."""

from __future__ import annotations

from knowledge import load_guides


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_valid_guide_loads(write_guide, guide_data):
    result = load_guides([write_guide(guide_data)])
    assert result.ok
    ((_, guide),) = result.guides
    assert guide.material("proxy").situations == ["agent"]
    assert guide.time_limit.unit == "工作日"


def test_unknown_field_names_file_and_field(write_guide, guide_data):
    guide_data["materials"][0]["nmae"] = "身份证"
    path = write_guide(guide_data, "typo.yaml")
    result = load_guides([path])
    assert not result.ok
    assert f"{path}: materials[0].nmae: 未知字段（是否拼写错误？）" in messages(result)


def test_unknown_top_level_field(write_guide, guide_data):
    guide_data["fee"] = "不收费"
    result = load_guides([write_guide(guide_data)])
    assert any(": fee: 未知字段" in m for m in messages(result))


def test_broken_yaml_reports_line(write_guide):
    path = write_guide("id: a\nname: [unclosed\nmaterials: []\n", "broken.yaml")
    result = load_guides([path])
    assert not result.ok
    (problem,) = result.problems
    assert problem.file == str(path)
    assert "YAML 格式错误" in problem.message
    assert problem.field.startswith("第 ")


def test_wrong_types_are_named(write_guide, guide_data):
    guide_data["materials"][0]["required"] = "maybe"
    guide_data["time_limit"]["promised"] = "五天"
    guide_data["aliases"] = "换身份证"
    result = load_guides([write_guide(guide_data)])
    text = "\n".join(messages(result))
    assert "materials[0].required: 应为 true 或 false" in text
    assert "time_limit.promised: 应为整数" in text
    assert "aliases: 应为列表" in text


def test_required_fields_missing(write_guide):
    result = load_guides([write_guide({"id": "x", "name": "某事项"})])
    text = "\n".join(messages(result))
    assert "department: 缺少必填字段" in text
    assert "materials: 缺少必填字段" in text


def test_bad_enum_value_lists_choices(write_guide, guide_data):
    guide_data["category"] = "民生类"
    result = load_guides([write_guide(guide_data)])
    (problem,) = result.problems
    assert problem.field == "category"
    assert "社会民生类" in problem.message


def test_bad_id_and_bad_check(write_guide, guide_data):
    guide_data["id"] = "Test Item"
    guide_data["materials"][0]["checks"] = ["not_expried"]
    result = load_guides([write_guide(guide_data)])
    text = "\n".join(messages(result))
    assert ": id: 只能使用小写字母" in text
    assert "materials[0].checks: 未知的检查项 'not_expried'" in text


def test_file_that_is_not_a_mapping(write_guide):
    result = load_guides([write_guide("- just\n- a list\n")])
    assert "应为一个事项" in result.problems[0].message


def test_not_utf8(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes("id: a\nname: 身份证\n".encode("gbk"))
    result = load_guides([path])
    assert "不是 UTF-8" in result.problems[0].message


def test_traditional_values_mean_the_same(write_guide, guide_data):
    guide_data.update(category="社會民生類", handling="承諾件", name="居民身份證換領")
    guide_data["materials"][0]["form"] = "複印件"
    guide_data["time_limit"]["unit"] = "工作日"
    result = load_guides([write_guide(guide_data)])
    assert result.ok, messages(result)
    ((_, guide),) = result.guides
    assert (guide.category, guide.handling) == ("社会民生类", "承诺件")
    assert guide.materials[0].form == "复印件"
    assert guide.name == "居民身份證換領"  # the guide's own text is kept as written


def test_duplicate_ids_across_files(write_guide, guide_data):
    first = write_guide(guide_data, "a.yaml")
    second = write_guide(guide_data, "b.yaml")
    result = load_guides([first, second])
    assert not result.ok
    assert f"{second}: id: 事项编号 test-item 与 {first} 重复" in messages(result)


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    result = load_guides([tmp_path / "nope.yaml", tmp_path / "empty"])
    text = "\n".join(messages(result))
    assert "文件或文件夹不存在" in text
    assert "没有 .yaml/.yml 文件" in text
