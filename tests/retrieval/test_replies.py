"""Replies that answer the question asked, on guides shaped like real published ones.

The guides in ``tests/retrieval/guides/`` copy the shapes seen in published
guides: 14 district offices, materials that all depend on the situation,
either-or groups inside a situation, an agent situation, Traditional text with
an official name (民族成份), a guide that says 到现场 0 次 yet requires presence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import Guide, load_guides
from retrieval.replies import compose_reply

GUIDES = Path(__file__).resolve().parent / "guides"
VERDICTS = ("需要", "不需要", "可以", "不可以")


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    return {g.id: g for _, g in load_guides([GUIDES]).guides}


def reply(guide: Guide, question: str, *facets: str) -> str:
    return compose_reply(guide, question, list(facets) or ["general"])


def first_word(text: str) -> str:
    return re.split(r"[。，]", text, maxsplit=1)[0]


# -- yes/no questions --------------------------------------------------------


def test_a_listed_material_is_needed(guides) -> None:
    text = reply(guides["hukou-qianru"], "落户要带户口本吗", "materials")
    assert first_word(text) == "需要"
    assert "居民户口簿" in text.split("\n")[0]


def test_a_material_the_office_obtains_itself_is_not_needed(guides) -> None:
    text = reply(guides["sfz-shenling"], "办身份证要自己带照片吗", "materials")
    assert first_word(text) == "不需要"
    assert "免提交" in text.split("\n")[0]


def test_a_guide_forbidding_an_agent_says_no_and_quotes_the_line(guides) -> None:
    text = reply(guides["sfz-shenling"], "身份证可以让家人代办吗", "conditions")
    assert first_word(text) == "不可以"
    assert "不得委托他人代办" in text.split("\n")[0]


def test_a_guide_providing_for_an_agent_says_yes(guides) -> None:
    text = reply(guides["hukou-qianru"], "迁户口可以让家人代办吗", "conditions")
    assert first_word(text) == "可以"
    assert "委托" in text.split("\n")[0]


def test_a_copy_of_an_original_only_material_is_not_accepted(guides) -> None:
    text = reply(guides["hukou-qianru"], "户口簿复印件可以吗", "materials")
    assert first_word(text) == "不可以"
    assert "原件" in text.split("\n")[0]


def test_presence_required_by_the_conditions_is_needed(guides) -> None:
    text = reply(guides["sfz-shenling"], "换身份证需要本人到场吗", "conditions")
    assert first_word(text) == "需要"
    assert "本人到场" in text.split("\n")[0]


def test_what_the_guide_does_not_say_is_said_with_the_phone(guides) -> None:
    guide = guides["hukou-qianru"]
    text = reply(guide, "迁户口的材料可以邮寄吗", "materials")
    head = text.split("\n")[0]
    assert not head.startswith(VERDICTS)
    assert "未写明" in head and guide.locations[0].phone in head


def test_a_question_without_a_topic_gets_its_facet_answer_only(guides) -> None:
    text = reply(guides["hukou-qianru"], "我能办户口迁入吗", "conditions")
    assert text.startswith("办理“户口迁入登记”的受理条件")


# -- situations and either-or groups ------------------------------------------


def test_situation_words_select_the_situation(guides) -> None:
    text = reply(guides["sfz-shenling"], "身份证丢了要带什么", "materials")
    needed = text.split("如属以下情形")[0]
    assert "需要准备以下材料" in needed
    assert "居民户口簿" in needed
    assert "原居民身份证" not in needed  # the 换领 material stays conditional


def test_either_or_inside_a_situation_reads_any_one(guides) -> None:
    text = reply(guides["hukou-qianru"], "租的房子落户要带什么材料", "materials")
    needed = text.split("如属以下情形")[0]
    assert "以下材料任选其一" in needed
    assert "房屋租赁合同" in needed and "居住证" in needed
    # one numbered entry for the group, never three separately required documents
    numbered = [line for line in needed.splitlines() if re.match(r"\d+\. ", line)]
    assert not any("房屋租赁合同" in line or "居住证" in line for line in numbered)


def test_either_or_group_of_an_unknown_situation_is_one_line(guides) -> None:
    text = reply(guides["hukou-qianru"], "户口迁入要带什么", "materials")
    line = next(line for line in text.splitlines() if "房屋租赁合同" in line)
    assert "任选其一" in line and "房屋租赁登记备案证明" in line and "居住证" in line


def test_a_list_of_situation_only_materials_does_not_say_nothing_is_needed(guides) -> None:
    text = reply(guides["sfz-shenling"], "办身份证要带什么", "materials")
    assert "无需您另外携带必要材料" not in text
    assert "首次申领" in text and "居民户口簿" in text


# -- contradictions --------------------------------------------------------------


def test_no_fully_online_claim_when_the_guide_requires_presence(guides) -> None:
    text = reply(guides["online-visit"], "职业资格证书补发能在网上办吗", "online")
    assert "全程网办，无需到现场" not in text
    assert "须本人到场" in text


def test_a_time_answer_carries_no_silent_second_facet(guides) -> None:
    guide = guides["online-visit"]  # no results listed
    text = reply(guide, "补发证书多久能拿到", "time_limit", "results")
    assert "10个工作日" in text
    assert "未写明办理结果" not in text


# -- several locations -------------------------------------------------------------


def test_the_named_district_gets_its_own_office_and_phone(guides) -> None:
    guide = guides["sfz-shenling"]
    text = reply(guide, "江宁区在哪里办身份证", "location")
    jiangning = next(loc for loc in guide.locations if loc.name.startswith("江宁区"))
    assert jiangning.name in text and jiangning.phone in text
    others = [loc.phone for loc in guide.locations if loc is not jiangning]
    assert not any(phone in text for phone in others)


def test_many_offices_are_listed_each_with_its_own_phone(guides) -> None:
    guide = guides["sfz-shenling"]
    text = reply(guide, "在哪里办身份证", "location")
    for loc in guide.locations:
        line = next(line for line in text.splitlines() if loc.name in line)
        assert loc.phone in line
        assert sum(p.phone in line for p in guide.locations) == 1


def test_one_office_phone_is_never_given_as_the_phone_of_all(guides) -> None:
    guide = guides["sfz-shenling"]
    text = reply(guide, "身份证可以邮寄吗", "general")
    assert "未写明" in text.split("\n")[0]
    assert guide.locations[0].phone not in text


# -- official names and facets ----------------------------------------------------


def test_official_names_are_quoted_as_written(guides) -> None:
    text = reply(guides["minzu-chengfen"], "改民族要什么材料", "materials")
    assert "《公民民族成份变更申请表》" in text
    assert "成分" not in text


def test_how_to_apply_gets_the_steps(guides) -> None:
    for facets in (["general"], ["process"]):
        text = reply(guides["sfz-shenling"], "身份证怎么申请", *facets)
        assert "取号 → 人像及指纹采集 → 受理" in text
