"""Answer templates: composed only from the guide's fields, with the source named."""

from __future__ import annotations

import pytest

from knowledge import Guide
from retrieval import FACETS, compose_answer
from retrieval.facets import detect_facet

SOURCE = "（来源：《居民身份证换领、补领》办事指南）"


def make_guide(**changes) -> Guide:
    data = {
        "id": "sfz",
        "name": "居民身份证换领、补领",
        "department": "示范市公安局",
        "handling": "承诺件",
        "conditions": "本市户籍居民身份证丢失或到期的。\n外地户籍可异地办理。",
        "situations": [
            {"id": "lost", "label": "身份证丢失", "question": "身份证是否丢失？"},
            {"id": "minor", "label": "未满十六周岁", "question": "申请人是否未满十六周岁？"},
        ],
        "materials": [
            {"id": "hukou", "name": "居民户口簿", "form": "原件", "copies": 1},
            {"id": "photo", "name": "数码照片回执", "deferrable": True},
            {"id": "old", "name": "原居民身份证", "situation": "lost", "required": False},
            {"id": "guardian", "name": "监护人身份证", "situation": "minor"},
            {"id": "marriage", "name": "结婚证", "shared": True},
            {"id": "lease", "name": "租赁合同", "one_of": "home", "form": "复印件"},
            {"id": "deed", "name": "房屋产权证", "one_of": "home"},
            {"id": "note", "name": "情况说明", "required": False},
        ],
        "time_limit": {"statutory": 60, "promised": 20, "unit": "自然日"},
        "fees": "每证工本费20元",
        "visits": 1,
        "online_url": "https://zwfw.example.gov.cn/sfz",
        "locations": [
            {
                "name": "政务服务中心二楼",
                "address": "人民路1号",
                "hours": "周一至周五 9:00-17:00",
                "phone": "0510-1234",
            }
        ],
        "process": ["申请", "受理", "制证", "领证"],
        "results": ["居民身份证"],
    }
    data.update(changes)
    return Guide.model_validate(data)


@pytest.mark.parametrize("facet", FACETS)
def test_every_facet_names_its_source(facet: str) -> None:
    text = compose_answer(make_guide(), facet)
    assert text.endswith(SOURCE)


def test_materials_lists_flags_and_situations() -> None:
    text = compose_answer(make_guide(), "materials")
    assert "1. 居民户口簿（原件，1份）" in text
    assert "数码照片回执【可容缺后补】" in text
    assert "可容缺受理" in text
    assert "免提交" in text and "结婚证" in text.split("免提交")[1]
    assert "以下材料任选其一" in text and "租赁合同（复印件）" in text and "房屋产权证" in text
    assert "如属以下情形，还需提供" in text
    assert "· 未满十六周岁：" in text and "监护人身份证" in text
    assert "非必要材料" in text and "情况说明" in text


def test_materials_follow_known_situations() -> None:
    text = compose_answer(make_guide(), "materials", {"lost": True, "minor": False})
    assert "原居民身份证" in text
    assert "监护人身份证" not in text
    assert "如属以下情形" not in text


def test_materials_when_none_are_needed() -> None:
    assert "不需要提交申请材料" in compose_answer(make_guide(materials=[]), "materials")


def test_conditions_and_situations() -> None:
    text = compose_answer(make_guide(), "conditions")
    assert "外地户籍可异地办理" in text and "身份证丢失、未满十六周岁" in text


def test_time_limit_promised_and_statutory() -> None:
    text = compose_answer(make_guide(), "time_limit")
    assert "承诺办结时限：20个自然日" in text and "法定办结时限：60个自然日" in text


def test_time_limit_on_the_spot() -> None:
    guide = make_guide(handling="即办件", time_limit={"statutory": 20, "promised": 0})
    text = compose_answer(guide, "time_limit")
    assert "当场办结" in text


@pytest.mark.parametrize(
    ("facet", "field", "says"),
    [
        ("fees", "fees", "未写明收费标准"),
        ("time_limit", "time_limit", "未写明办理时限"),
        ("process", "process", "未列出办理流程"),
        ("results", "results", "未写明办理结果"),
        ("conditions", "conditions", "未列出特别的受理条件"),
        ("basis", "basis", "未列出设定依据"),
    ],
)
def test_missing_fields_are_said_to_be_missing(facet: str, field: str, says: str) -> None:
    empty = None if field in ("fees", "time_limit", "conditions") else []
    guide = make_guide(**{field: empty})
    text = compose_answer(guide, facet)
    assert says in text and "0510-1234" in text  # never a guess: ask the window


def test_fees_location_hours_phone() -> None:
    guide = make_guide()
    assert "每证工本费20元" in compose_answer(guide, "fees")
    location = compose_answer(guide, "location")
    assert "政务服务中心二楼（地址：人民路1号）" in location
    assert "周一至周五 9:00-17:00" in compose_answer(guide, "hours")
    assert "0510-1234" in compose_answer(guide, "phone")


def test_missing_places() -> None:
    guide = make_guide(locations=[], online_url=None)
    assert "未写明办理地点" in compose_answer(guide, "location")
    assert "未写明办公时间" in compose_answer(guide, "hours")
    assert "未写明咨询电话" in compose_answer(guide, "phone")
    assert "需要到窗口办理" in compose_answer(guide, "online")


def test_online() -> None:
    text = compose_answer(make_guide(visits=0), "online")
    assert "https://zwfw.example.gov.cn/sfz" in text and "无需到现场" in text
    assert "需要到现场1次" in compose_answer(make_guide(), "online")


def test_process_and_results() -> None:
    assert "申请 → 受理 → 制证 → 领证" in compose_answer(make_guide(), "process")
    assert "居民身份证" in compose_answer(make_guide(), "results")


def test_general_is_an_overview() -> None:
    text = compose_answer(make_guide(), None)
    assert text == compose_answer(make_guide(), "general")
    assert (
        "示范市公安局" in text and "主要材料" in text and "租赁合同或房屋产权证（任选其一）" in text
    )
    assert "每证工本费20元" in text and "您还可以问我" in text


def test_traditional_guide_is_answered_in_simplified() -> None:
    guide = make_guide(name="工傷認定申請", fees="不收費", department="示範市人社局")
    text = compose_answer(guide, "fees")
    assert "“工伤认定申请”的收费标准：不收费" in text
    assert text.endswith("（来源：《工伤认定申请》办事指南）")


def test_unknown_facet_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown facet"):
        compose_answer(make_guide(), "weather")


def test_a_complaint_question_gets_the_guides_complaint_phone():
    guide = make_guide(phone="0510-88880000", complaint_phone="0510-12345000")
    assert detect_facet("办得太慢了，我要投诉，打哪个电话") == "phone"
    answer = compose_answer(guide, "phone")
    assert "监督投诉电话：0510-12345000" in answer
    assert "咨询电话：0510-88880000" in answer


def test_without_a_complaint_phone_none_is_invented():
    answer = compose_answer(make_guide(), "phone")
    assert "投诉" not in answer


def test_basis_quotes_every_law_the_guide_lists() -> None:
    laws = ["《中华人民共和国居民身份证法》第十一条", "《居民身份證申領發放管理辦法》"]
    text = compose_answer(make_guide(basis=laws), "basis")
    assert "设定依据" in text
    assert "《中华人民共和国居民身份证法》第十一条" in text
    assert "《居民身份证申领发放管理办法》" in text  # Traditional input, Simplified answer


def test_a_basis_question_gets_the_basis_not_the_overview() -> None:
    guide = make_guide(basis=["《中华人民共和国居民身份证法》第十一条"])
    text = compose_answer(guide, detect_facet("补办身份证是根据哪条法律"))
    assert "第十一条" in text and "主要材料" not in text
