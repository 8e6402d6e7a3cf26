"""Facet frames that follow the labelling convention (docs/facet-labels.md).

Each case is phrased here, not copied from a question set, and names the rule of the
convention or the question frame it checks; every frame is commented in facets.yaml.
"""

from __future__ import annotations

import pytest

from retrieval import detect_facet
from retrieval.facets import strip_cues
from retrieval.text import normalize


def _facet(question: str) -> str:
    return detect_facet(question) or "general"


# The convention's own table and borderline rules, as a citizen would put them.
CONVENTION = [
    ("体检表要几个月内的", "materials"),
    ("没有房产证怎么办", "materials"),
    ("能不能不带户口本", "materials"),  # a yes/no about one document, even as 能不能不带
    ("可以让家人代办吗", "conditions"),
    ("公司注销了还能办吗", "conditions"),
    ("必须本人去吗", "conditions"),
    ("补办也要本人到现场吗", "conditions"),  # who may act, not how many visits
    ("要去现场几次", "online"),
    ("当天能拿到吗", "time_limit"),
    ("补贴标准是多少", "fees"),  # amounts paid out are 收费标准
    ("能领多少", "fees"),
    ("高新区有没有办的地方", "location"),
    ("要跑几次", "online"),
    ("能寄到家吗", "results"),  # the result sent home, not the application sent in
    ("证有效期几年", "results"),
    ("有什么规定", "basis"),
    ("能办居住证吗", "general"),  # no circumstance: asks about the item as a whole
    ("这里能办居住证吗", "general"),
    ("我是外地户口能办吗", "conditions"),  # the applicant's circumstance
]


@pytest.mark.parametrize(("question", "facet"), CONVENTION)
def test_the_conventions_own_examples(question: str, facet: str) -> None:
    assert _facet(question) == facet


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        # a 吗 ends a clause: the second clause asks about the certificate one gets
        ("证书寄来有附页吗,是电子证吗", "results"),
        # a lost document, with or without 还
        ("户口簿丢了,能办迁出吗", "materials"),
        # handing in again a document already handed in
        ("上回交过的合同还要再交一份吗", "materials"),
        # who issues a document
        ("体检报告必须找指定医院出吗", "materials"),
        ("户籍证明要我自己去开吗", "materials"),
        ("证明去哪开", "location"),
        ("证明能让别人帮我开吗", "conditions"),
        # which certificate to bring, even when the item's name holds 地点
        ("经营地点变更要什么证明", "materials"),
    ],
)
def test_materials_frames(question: str, facet: str) -> None:
    assert _facet(question) == facet


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("卫生条件合格证收费吗", "fees"),  # 条件 in a certificate's name
        ("外地户口在本市能开证明吗", "conditions"),
        ("在外地看病没能直接结算,回来怎么报销", "general"),
        ("错过了报名时间还能补报吗", "conditions"),
        ("过了好几个月了还能补吗", "conditions"),
        ("那笔钱一直没去领,现在还能补吗", "conditions"),
        ("失业了每个月能从社保领点钱吗", "conditions"),
        ("我能自己一个人去办吗", "conditions"),
        ("房间多高才能开民宿", "conditions"),
        ("多长时间才能拿到", "time_limit"),
        ("老人可唔可以申请", "conditions"),
        ("需要满多少岁", "conditions"),
    ],
)
def test_conditions_frames(question: str, facet: str) -> None:
    assert _facet(question) == facet


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("补证当场能办完吗", "time_limit"),
        ("网上备案多久生效", "time_limit"),
        ("免费的法律援助多久能批下来", "time_limit"),
        ("审批要多就", "time_limit"),  # the pinyin typo of 多久
        ("材料昨天交了,大概多久能批", "time_limit"),
        ("孩子出生几个月了还能上户口吗", "conditions"),
    ],
)
def test_time_limit_frames(question: str, facet: str) -> None:
    assert _facet(question) == facet


def test_close_enough_is_not_the_typo_of_how_long() -> None:
    assert _facet("差不多就行吧") != "time_limit"


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("办卡要手续费吗", "fees"),
        ("补个证要几钿", "fees"),
        ("契税税率多少", "fees"),
        ("印花税几个点", "fees"),
        ("残疾补贴一个月给多少", "fees"),
        ("护理补贴一个月补多少", "fees"),
    ],
)
def test_fees_frames(question: str, facet: str) -> None:
    assert _facet(question) == facet


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("搬到新地址了,执照上的地址怎么改", "general"),
        ("用住宅地址注册的公司能办吗", "conditions"),
        ("喺边度办", "location"),
        ("要去派出所办吗", "location"),
        ("能在街道直接领吗", "location"),
        ("去文化局办演出许可收费吗", "fees"),  # the verb does not end the question
        ("社保自助机几点能用", "hours"),
        ("在支付宝上能领吗", "online"),
    ],
)
def test_places_hours_and_channels(question: str, facet: str) -> None:
    assert _facet(question) == facet


@pytest.mark.parametrize(
    ("question", "facet"),
    [
        ("批下来给什么,能用几年", "results"),
        ("证是纸的还是手机上的", "results"),
        ("补贴是怎么发的", "results"),
        ("改交钱的这个规定出自哪里", "basis"),
        ("公积金怎么贷", "general"),
    ],
)
def test_results_basis_and_general_frames(question: str, facet: str) -> None:
    assert _facet(question) == facet


def test_strip_cues_keeps_the_names_next_to_the_new_cues() -> None:
    assert "补贴" in strip_cues(normalize("残疾人补贴标准是多少"))
    assert "补贴" in strip_cues(normalize("补贴是怎么发的"))
    assert "条件" in strip_cues(normalize("卫生条件合格证收费吗"))
    assert "地址" in strip_cues(normalize("用住宅地址注册的公司能办吗"))
