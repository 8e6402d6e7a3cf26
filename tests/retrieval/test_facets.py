"""Facet detection: the part of the guide a citizen asks about, from how people ask."""

from __future__ import annotations

import pytest

from retrieval import FACETS, detect_facet
from retrieval.facets import detect_facets, strip_cues

CASES = {
    "materials": [
        "上户口要带什么",
        "办护照需要准备哪些材料",
        "要带啥证件过去",
        "辦理需要什麼資料",
        "复印件要几份",
        "照片有什么要求",
    ],
    "conditions": [
        "离婚需要什么条件",
        "外地人能办居住证吗",
        "我这种情况能申请低保吗",
        "要交满几年社保",
        "下班路上出车祸算工伤吗",
        "哪些人可以领",
    ],
    "time_limit": [
        "办身份证要多久",
        "几天能拿到",
        "当天能办好吗",
        "多长时间能批下来",
        "審批要幾個工作日",
        "什么时候能拿证",
    ],
    "fees": ["收费吗", "要多少钱", "办这个要钱不", "工本费多少", "是不是免费的"],
    "location": ["在哪办", "去哪里申请", "地址在哪儿", "哪个窗口办理", "办證地點在哪"],
    "hours": ["窗口几点下班", "周末上班吗", "中午休息吗", "节假日能办吗", "星期六开门吗"],
    "phone": ["咨询电话多少", "有没有联系方式", "打哪个电话问"],
    "online": ["能网上办吗", "手机上能申请吗", "可以不用跑吗", "要去现场几次", "網上辦理入口"],
    "process": ["流程是怎样的", "办理步骤", "第一步先干什么", "会有人来现场检查吗"],
    "results": ["办完给什么证", "能拿到什么", "最后发什么东西", "办结结果怎么查"],
    "general": ["孩子刚出生怎么上户口", "身份正掉了咋办", "开个奶茶店要办啥证", "如何办理"],
}


@pytest.mark.parametrize(("facet", "question"), [(f, q) for f, qs in CASES.items() for q in qs])
def test_detects_facet(facet: str, question: str) -> None:
    assert detect_facet(question) == facet


def test_every_facet_is_covered() -> None:
    assert set(CASES) == set(FACETS)


@pytest.mark.parametrize("text", ["你好", "谢谢", "结婚登记", "今天天气", ""])
def test_no_cue_means_none(text: str) -> None:
    assert detect_facet(text) is None


def test_specific_facet_beats_general_wording() -> None:
    assert detect_facet("身份证丢了怎么办，要带什么材料") == "materials"


def test_two_questions_in_one_message() -> None:
    assert detect_facets("要带什么材料，在哪里办")[:2] == ["materials", "location"]


def test_strip_cues_keeps_the_words_naming_the_item() -> None:
    assert strip_cues("出生登记要收费吗").startswith("出生登记")
    assert "失业" in strip_cues("公司裁员了,我能领失业金吗")
    assert strip_cues("要多久") == "要多久"  # nothing but facet wording: kept for search
    assert strip_cues("要多久", keep_if_empty=False) == ""
