"""Lifecycle acts: a question asking to cancel, change or replace what its item's guide
never provides for is offered choices, not answered with the sibling service."""

from __future__ import annotations

import pytest

from knowledge import Guide, Material
from retrieval import Searcher
from retrieval.acts import acts, guide_acts
from retrieval.fusion import ACT_UNNAMED, SystemModel, confidence
from tests.retrieval.conftest import lexical_searcher


def _guide(item_id: str, name: str, department: str, *materials: str, **more) -> Guide:
    listed = [Material(id=f"m{i}", name=m) for i, m in enumerate(materials)]
    return Guide(id=item_id, name=name, department=department, materials=listed, **more)


GUIDES = [
    _guide("nongyao", "农药经营许可", "农业农村局", "营业执照", "仓储场所证明"),
    _guide("daoyou", "导游证核发", "文化广电旅游局", "身份证", "导游资格证"),
    _guide(
        "gongzheng",
        "学历公证",
        "公证处",
        "毕业证书",
        conditions="毕业证书遗失的，凭学校出具的学历证明办理。",
    ),
    _guide("hunyin", "结婚登记", "民政局", "户口簿", "身份证"),
    _guide("getihu", "个体工商户注销登记", "市场监督管理局", "营业执照正副本"),
    _guide("canbao", "城乡居民医保参保登记", "医疗保障局", "户口簿"),
    _guide("fapiao", "发票领用", "税务局", "经办人身份证"),
    _guide("shetuan", "社会团体成立登记", "民政局", "章程", "验资报告"),
]


def test_the_acts_a_question_asks_for() -> None:
    assert acts("导游证丢了怎么补办") == {"replace"}
    assert acts("证书被撕坏了去哪换") == {"replace"}
    assert acts("协会不想办了，社会团体注销要什么") == {"cancel"}
    assert acts("公司名称变更需要什么材料") == {"change"}
    assert acts("导游证怎么申请") == frozenset()


def test_an_unnamed_act_holds_the_confidence_between_the_thresholds() -> None:
    model = SystemModel(features=("agree",), mean=(0.5,), scale=(0.25,), coef=(2.0,))
    sure = {"agree": 1.0}
    assert confidence(sure, model) >= model.answer_at
    held = confidence({**sure, ACT_UNNAMED: 1.0}, model)
    assert model.unsure_at < held < model.answer_at


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return lexical_searcher(tmp_path_factory, "acts", GUIDES)


@pytest.mark.parametrize(
    "question", ["农药经营许可证不干了怎么注销", "导游证丢了怎么补办", "发票丢了怎么处理"]
)
def test_the_sibling_service_is_not_answered_confidently(small: Searcher, question: str) -> None:
    answer = small.ask(question)
    assert answer.status != "answered"


@pytest.mark.parametrize(
    ("question", "item"),
    [("个体户注销要带什么", "getihu"), ("毕业证丢了怎么做学历公证", "gongzheng")],
)
def test_an_act_the_guide_names_is_answered(small: Searcher, question: str, item: str) -> None:
    answer = small.ask(question)
    assert answer.hits[0].item == item
    assert answer.status == "answered"


def test_acts_beyond_the_lifecycle_come_from_the_act_table() -> None:
    assert acts("快递末端网点备案怎么弄") == {"record"}
    assert acts("防雷装置竣工验收要什么材料") == {"accept"}
    assert acts("古樹名木要遷移，審批怎麼走") == {"transfer"}
    assert acts("居民医保不想交了怎么停保") == {"cancel"}
    assert acts("人防工程要拆除，怎么审批") == {"demolish"}


def test_a_sentence_sending_the_case_elsewhere_provides_no_act() -> None:
    assert guide_acts(["开设末端网点的，另按末端网点备案办理，不适用本事项。"]) == frozenset()
    assert guide_acts(["未缴销已逾期发票的，须先处理完毕方可领用。"]) == frozenset()
    assert guide_acts(["因建设工程需要迁移的，可以申请。"]) == {"transfer"}


SIBLINGS = [
    _guide(
        "qushui",
        "取水许可",
        "水利局",
        "取水许可申请书",
        "户籍注销证明",
        conditions="取水许可证有效期届满需要延续的，另行申请延续，不适用本事项。",
    ),
    _guide(
        "kuaidi",
        "快递业务经营许可",
        "邮政管理局",
        "营业执照",
        situations=[{"id": "biangeng", "label": "许可事项变更"}],
    ),
    *GUIDES[:6],
]


@pytest.fixture(scope="module")
def siblings(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return lexical_searcher(tmp_path_factory, "siblings", SIBLINGS)


@pytest.mark.parametrize(
    "question",
    ["取水许可证要注销怎么办", "取水许可证到期了怎么延续"],
)
def test_an_act_only_a_material_or_an_excluded_case_names_is_not_answered(
    siblings: Searcher, question: str
) -> None:
    """A material (户籍注销证明) or a sentence sending the case elsewhere does not make the
    item the service that performs the act."""
    assert siblings.ask(question).status != "answered"


def test_an_act_a_situation_names_is_answered(siblings: Searcher) -> None:
    answer = siblings.ask("快递业务经营许可变更要什么材料")
    assert answer.hits[0].item == "kuaidi"
    assert answer.status == "answered"
