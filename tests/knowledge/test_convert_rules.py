"""Every normalisation the converter makes, and every doubt it raises for staff.

Each case is a guide as an office would paste it; the test reads the draft and the
review list the way a staff member would.
"""

from __future__ import annotations

import pytest

from knowledge.convert import convert_sources
from knowledge.convert.materials import split_numbered
from knowledge.convert.vocabulary import DATA_FILE, load_vocabulary

HEAD = "事项名称：示范事项\n实施主体：示范市某局\n法定办结时限：20个工作日\n办理地点：示范市政务服务中心\n办公时间：周一至周五 9:00-17:00\n"


@pytest.fixture
def convert(tmp_path):
    def run(text: str, head: str = HEAD):
        path = tmp_path / "guide.txt"
        path.write_text(head + text, encoding="utf-8")
        (draft,) = convert_sources([path]).drafts
        assert draft.lost_lines() == []
        return draft

    return run


def materials(draft) -> list[dict]:
    return draft.data["materials"]


def doubts(draft) -> str:
    return "\n".join(f"{field}：{message}" for field, message in draft.review.doubts)


def normalised(draft) -> str:
    return "\n".join(f"{w}：{a} → {b}" for w, a, b in draft.review.normalised)


# -- normalisations ---------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "form"),
    [
        ("原件 复印件", "原件及复印件"),
        ("原件、复印件", "原件及复印件"),
        ("验原件，交复印件", "原件及复印件"),
        ("纸质原件", "原件"),
        ("复印件", "复印件"),
        ("电子版", "电子件"),
    ],
)
def test_material_form_is_normalised(convert, written, form):
    draft = convert(f"申请材料\n材料名称 | 材料形式 | 份数\n居民户口簿 | {written} | 1份\n")
    (material,) = materials(draft)
    assert material["form"] == form
    assert material["copies"] == 1
    if written != form:
        assert f"{written} → {form}" in normalised(draft)


def test_unknown_form_is_kept_in_notes_and_doubted(convert):
    draft = convert("申请材料\n材料名称 | 材料形式\n居民户口簿 | 原件或复印件\n")
    (material,) = materials(draft)
    assert "form" not in material and "原件或复印件" in material["notes"]
    assert "无法归入" in doubts(draft)


@pytest.mark.parametrize(
    ("written", "copies"), [("1份", 1), ("一份", 1), ("3张", 3), ("二十份", 20)]
)
def test_copies_become_numbers(convert, written, copies):
    draft = convert(f"申请材料\n材料名称 | 份数\n照片 | {written}\n")
    assert materials(draft)[0]["copies"] == copies


def test_copies_and_form_written_after_the_name(convert):
    draft = convert(
        "申请材料\n1.设置的位置图原件1份(需标明尺寸)\n2.设置彩照一张\n3.核名通知书复印件\n"
    )
    plan, photo, notice = materials(draft)
    assert (plan["name"], plan["form"], plan["copies"], plan["notes"]) == (
        "设置的位置图",
        "原件",
        1,
        "需标明尺寸",
    )
    assert (photo["name"], photo["copies"]) == ("设置彩照", 1)
    assert (notice["name"], notice["form"]) == ("核名通知书", "复印件")


def test_or_between_documents_is_one_of(convert):
    draft = convert(
        "申请材料\n1.申请人的居民身份证或居民户口簿原件\n2.社保卡、或者居民身份证、或者户口簿\n"
    )
    first, second, *rest = materials(draft)
    assert first["one_of"] == second["one_of"]
    assert first["form"] == second["form"] == "原件"
    assert len(rest) == 3 and len({m["one_of"] for m in rest}) == 1
    assert first["one_of"] != rest[0]["one_of"]


def test_or_inside_a_phrase_is_not_split(convert):
    draft = convert("申请材料\n1.按照规定复印或者复制的检查报告\n")
    assert len(materials(draft)) == 1


def test_list_of_documents_is_split_but_not_a_compound_name(convert):
    draft = convert(
        "申请材料\n1.本人常住户口簿、居民身份证\n2.挖掘、临时占用城市道路申请表\n3.交验居民身份证和居民户口簿\n"
    )
    assert [m["name"] for m in materials(draft)] == [
        "本人常住户口簿",
        "居民身份证",
        "挖掘、临时占用城市道路申请表",
        "居民身份证",
        "居民户口簿",
    ]


@pytest.mark.parametrize("words", ["内部核查", "免提交", "电子证照"])
def test_shared_words(convert, words):
    draft = convert(f"申请材料\n材料名称 | 备注\n营业执照 | {words}\n")
    assert materials(draft)[0]["shared"] is True
    assert "shared: true" in normalised(draft)


def test_deferrable_and_optional(convert):
    draft = convert(
        "申请材料\n材料名称 | 必要性\n房屋租赁合同 | 容缺\n结婚证 | 非必要\n户口簿 | 必要\n"
    )
    lease, marriage, book = materials(draft)
    assert lease["deferrable"] is True and lease.get("required", True) is True
    assert marriage["required"] is False
    assert "required" not in book


def test_situation_from_wording_gets_a_question(convert):
    draft = convert("申请材料\n1.申请表\n2.委托他人代办的，另需提交授权委托书和受托人身份证\n")
    (situation,) = draft.data["situations"]
    assert situation["label"] == "委托他人代办"
    assert situation["question"] == "是否委托他人代办？"
    form, letter, agent_id = materials(draft)
    assert "situation" not in form
    assert letter["situation"] == agent_id["situation"] == [situation["id"]]
    assert "请核对措辞" in doubts(draft)


def test_parallel_situations_are_alternatives(convert):
    draft = convert("申请材料\n1.换卡的须提交原社保卡，补卡的须交验居民身份证或居民户口簿\n")
    replace, lost = draft.data["situations"]
    assert replace["one_of"] == lost["one_of"]
    card, id_card, book = materials(draft)
    assert card["situation"] == [replace["id"]]
    assert id_card["situation"] == book["situation"] == [lost["id"]]
    assert id_card["one_of"] == book["one_of"]


def test_situation_inside_notes(convert):
    draft = convert("申请材料\n1.居民身份证(如委托需提供委托书和委托人身份证复印件)\n")
    own, letter, agent = materials(draft)
    assert "situation" not in own
    assert (
        letter["name"] == "委托书" and agent["name"] == "委托人身份证" and agent["form"] == "复印件"
    )


def test_situation_heading_a_list(convert):
    draft = convert("申请材料\n1、补领身份证:户口簿、居住证或其他有效身份证明\n")
    (situation,) = draft.data["situations"]
    assert situation["label"] == "补领身份证"
    names = [m["name"] for m in materials(draft)]
    assert names == ["户口簿", "居住证", "其他有效身份证明"]


def test_brackets_and_verbs_are_removed(convert):
    draft = convert("申请材料\n1.填写《居民身份证申领登记表》\n")
    assert materials(draft)[0]["name"] == "居民身份证申领登记表"


def test_inline_numbered_list():
    assert split_numbered("1)申请(2)平面图(3)设计文件") == ["1)申请", "(2)平面图", "(3)设计文件"]
    assert split_numbered("1、核名通知书;2、卫生制度") == ["1、核名通知书", "2、卫生制度"]
    assert split_numbered("广州市桥南路11号1楼4、5号窗口") == ["广州市桥南路11号1楼4、5号窗口"]


def test_no_materials_heading_but_a_numbered_list(convert):
    draft = convert("内容 | 1、核名通知书复印件;2、卫生制度;3、经营场所平面图\n")
    assert [m["name"] for m in materials(draft)] == ["核名通知书", "卫生制度", "经营场所平面图"]
    assert "没有“申请材料”标题" in doubts(draft)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "法定时限:20个工作日,承诺时限:3个工作日",
            {"statutory": 20, "promised": 3, "unit": "工作日"},
        ),
        ("承诺办结时限：即时办结", {"promised": 0, "promised_text": "即时办结"}),
        ("承诺办结时限：当场办结", {"promised": 0, "promised_text": "当场办结"}),
        ("承诺期限：5 工作日", {"promised": 5, "unit": "工作日"}),
        ("承诺时限：30日内", {"promised": 30, "promised_text": "30日内", "unit": "自然日"}),
    ],
)
def test_time_limits_as_written(convert, written, expected):
    draft = convert(written + "\n", head="事项名称：示范事项\n")
    assert draft.data["time_limit"] == expected


def test_generic_time_limit_is_promised_with_a_doubt(convert):
    draft = convert("办理时限：3个工作日(不含公示时间)\n", head="事项名称：示范事项\n")
    assert draft.data["time_limit"]["promised"] == 3
    assert draft.data["time_limit"]["promised_text"] == "3个工作日(不含公示时间)"
    assert "未注明法定或承诺" in doubts(draft)


def test_handling_and_type_by_value(convert):
    draft = convert("办件类型：即办件、承诺件\n事项类型：行政许可\n")
    assert draft.data["handling"] == "即办件、承诺件"
    assert draft.data["type"] == "行政许可"
    other = convert("事项类型：承诺件\n")
    assert other.data["handling"] == "承诺件" and "type" not in other.data


def test_traditional_text_becomes_simplified(convert):
    draft = convert("申請材料\n1.居民戶口簿\n", head="事項名稱：機動車駕駛證換證\n")
    assert draft.data["name"] == "机动车驾驶证换证"
    assert materials(draft)[0]["name"] == "居民户口簿"
    assert "已转为简体字" in normalised(draft)


def test_places_hours_and_phones_by_label(convert):
    text = (
        "办理地点：\n1.市区办理点:越秀区梅东路28号\n2.番禺办理点:桥南路11号\n"
        "咨询电话：\n市区办理点:020-87656275\n番禺办理点:020-84881099\n监督投诉电话：12345\n"
    )
    draft = convert(text, head="事项名称：示范事项\n")
    city, panyu = draft.data["locations"]
    assert (city["name"], city["address"], city["phone"]) == (
        "市区办理点",
        "越秀区梅东路28号",
        "020-87656275",
    )
    assert panyu["phone"] == "020-84881099"
    assert draft.data["complaint_phone"] == "12345"


def test_department_sentence_keeps_the_rest_for_review(convert):
    draft = convert(
        "", head="实施机关：示范区市场监督管理局为法定登记机关,委托政务服务大厅A区窗口办理\n"
    )
    assert draft.data["department"] == "示范区市场监督管理局"
    assert any("委托政务服务大厅A区窗口办理" in text for _, text in draft.review.unplaced)


def test_unknown_headings_go_to_review(convert):
    draft = convert("五、办理流程及时间分配\n受理后现场查看\n服务对象：自然人\n")
    unplaced = [text for _, text in draft.review.unplaced]
    assert "五、办理流程及时间分配" in unplaced
    assert "受理后现场查看" in unplaced
    assert "服务对象：自然人" in unplaced


# -- doubts -------------------------------------------------------------------


def test_missing_department_hours_and_limits(convert):
    draft = convert("申请材料\n1.申请表\n", head="事项名称：示范事项\n")
    text = doubts(draft)
    assert "缺少实施主体" in text and "缺少办理地点" in text and "缺少办结时限" in text
    assert draft.data["department"] == ""
    assert "department: 不能为空" in draft.problems


def test_missing_hours_only(convert):
    draft = convert(
        "", head="事项名称：示范事项\n实施主体：某局\n办理地点：某中心\n承诺时限：5个工作日\n"
    )
    assert "缺少办理时间" in doubts(draft)


@pytest.mark.parametrize(
    "name", ["其他材料", "有关批准文件", "法律法规规定的其他文件", "身份证明等"]
)
def test_catch_alls_are_doubted(convert, name):
    draft = convert(f"申请材料\n1.申请表\n2.{name}\n")
    assert "兜底性表述" in doubts(draft)


def test_same_material_twice(convert):
    draft = convert("申请材料\n1.居民身份证\n2.申请表\n3.居民身份证\n")
    assert "重复" in doubts(draft)


def test_contradiction_between_sections(convert):
    text = "申请材料\n1.身份证、社保卡\n办理流程\n1.受理：持身份证或社保卡到窗口\n"
    assert "请确认" in doubts(convert(text))


def test_text_cut_off(convert):
    draft = convert("申请材料\n1.申请表\n2.提交有关\n")
    assert "截断" in doubts(draft)
    assert [m["name"] for m in materials(draft)] == ["申请表"]


def test_basis_that_is_a_publicity_basis(convert):
    draft = convert(
        "公开依据：《政府信息公开条例》\n公开主体：某乡人民政府\n", head="事项名称：示范事项\n"
    )
    assert "basis" not in draft.data
    assert "不是本事项的设定依据" in doubts(draft)
    assert draft.data["department"] == ""


def test_numbering_gap_in_conditions(convert):
    draft = convert("受理条件：\n1、年满十八周岁\n3、本市户籍\n")
    assert "第 2 项可能遗漏" in doubts(draft)


def test_materials_written_as_none(convert):
    draft = convert("申报材料：无\n")
    assert materials(draft) == []
    assert "不需要材料" in doubts(draft)


def test_materials_named_only_in_the_conditions(convert):
    text = "受理条件：申请时应当填写机动车驾驶证申请表，并提交以下证明、凭证：(一)身份证明；(二)机动车驾驶证。\n"
    draft = convert(text, head="事项名称：示范事项\n")
    assert [m["name"] for m in materials(draft)] == [
        "机动车驾驶证申请表",
        "身份证明",
        "机动车驾驶证",
    ]
    assert "取自受理条件" in doubts(draft)


def test_name_from_title_is_doubted(convert):
    draft = convert("申请材料\n1.申请表\n", head="个体工商户注册登记办事指南(完整版)\n")
    assert draft.data["name"] == "个体工商户注册登记"
    assert "已取标题" in doubts(draft)


def test_heading_joining_two_elements(convert):
    draft = convert(
        "办理时限及费用\n办理时限:30个工作日\n办理费用:工本费20元\n", head="事项名称：示范事项\n"
    )
    assert draft.data["time_limit"]["promised"] == 30
    assert draft.data["fees"] == "工本费20元"
    assert "process" not in draft.data


def test_a_centre_adds_its_own_heading_as_data(tmp_path):
    """The synonym table is data: a centre's own wording needs no code change."""
    guide = tmp_path / "guide.txt"
    guide.write_text("事项名称：示范事项\n需带证件\n1.居民户口簿\n", encoding="utf-8")
    (before,) = convert_sources([guide]).drafts
    assert before.data["materials"] == []
    table = tmp_path / "headings.yaml"
    text = DATA_FILE.read_text("utf-8").replace(
        "  materials: [申请材料,", "  materials: [需带证件, 申请材料,"
    )
    table.write_text(text, encoding="utf-8")
    (after,) = convert_sources([guide], load_vocabulary(table)).drafts
    assert [m["name"] for m in after.data["materials"]] == ["居民户口簿"]


def test_any_one_of_a_listed_group(convert):
    text = (
        "申请材料\n1.申请表\n2.身份证明，下列材料提供其中一项：\n(1)居民身份证\n(2)护照\n3.照片\n"
    )
    form, id_card, passport, photo = materials(convert(text))
    assert id_card["one_of"] == passport["one_of"]
    assert "one_of" not in form and "one_of" not in photo


def test_any_one_of_inline(convert):
    draft = convert("申请材料\n1.居民身份证、居民户口簿、护照（提供其中一项）\n")
    names = [(m["name"], m.get("one_of")) for m in materials(draft)]
    assert [n for n, _ in names] == ["居民身份证", "居民户口簿", "护照"]
    assert len({g for _, g in names}) == 1 and names[0][1]


def test_draft_ids_avoid_items_already_in_the_knowledge_base(tmp_path):
    guide = tmp_path / "guide.txt"
    guide.write_text("事项名称：结婚登记\n", encoding="utf-8")
    (draft,) = convert_sources([guide], existing_ids={"jiehundengji"}).drafts
    assert draft.id == "jiehundengji-2"


def test_words_after_a_material_go_to_its_notes(convert):
    draft = convert("申请材料\n1.公安交通部门的审批文件,具体要求以窗口告知为准\n")
    (material,) = materials(draft)
    assert (material["name"], material["notes"]) == (
        "公安交通部门的审批文件",
        "具体要求以窗口告知为准",
    )


def test_time_limit_found_inside_other_text(convert):
    draft = convert("申请材料\n1.申请书,具体时限20个工作日\n", head="事项名称：示范事项\n")
    assert draft.data["time_limit"] == {"promised": 20, "unit": "工作日"}
    assert "原文没有时限一节" in doubts(draft)
