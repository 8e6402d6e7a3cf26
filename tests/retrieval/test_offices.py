"""Offices citizens name: "渔政站几点开门" is about the one item handled at the 渔政管理站."""

from __future__ import annotations

import pytest

from knowledge import Guide, Location, Material
from retrieval import Searcher
from retrieval.facets import strip_cues
from retrieval.fusion import ACT_UNNAMED, OFFICE, SystemModel, confidence
from retrieval.offices import named_office, shortens, word_starts
from retrieval.text import normalize
from retrieval.tokens import WordTokenizer
from tests.retrieval.conftest import lexical_searcher


def _guide(item_id: str, name: str, department: str, place: str | None = None) -> Guide:
    locations = [Location(name=place, address="示范路 1 号", phone="0510-1234567")] if place else []
    return Guide(
        id=item_id,
        name=name,
        department=department,
        materials=[Material(id="m", name="申请书")],
        locations=locations,
    )


GUIDES = [
    _guide("buliao", "渔业捕捞许可", "示范市农业农村局", "示范市渔政管理站 受理窗口"),
    _guide("kangfu", "残疾儿童康复救助", "示范市残疾人联合会", "残疾人联合会 服务大厅"),
    _guide("fuju", "残疾人辅助器具适配", "示范市残疾人联合会", "残疾人联合会 服务大厅"),
    _guide("daoyou", "导游证核发", "示范市文化广电旅游局"),
    _guide("hunyin", "结婚登记", "示范市民政局"),
    _guide("nongyao", "农药经营许可", "示范市农业农村局"),
    _guide("fapiao", "发票领用", "示范市税务局"),
    _guide("shetuan", "社会团体成立登记", "示范市民政局"),
    _guide("qushui", "取水许可", "示范市水利局"),
]


def test_a_short_form_keeps_the_full_names_characters_in_order() -> None:
    assert shortens("渔政站", "示范市渔政管理站")
    assert shortens("残联", "残疾人联合会")
    assert shortens("外办", "外事办公室")
    assert not shortens("站渔政", "示范市渔政管理站")


_TOKENIZER = WordTokenizer()


@pytest.mark.parametrize(
    ("word", "name", "named"),
    [
        ("民政", "示范市民政局", True),
        ("残联", "滨湖区残疾人联合会", True),
        ("外办", "某某县人民政府外事办公室", True),
        ("中心", "公共法律服务中心", True),
        ("民政", "所在乡镇人民政府", False),  # 人民|政府: 民 begins no word
        ("民政", "市民服务中心", False),
    ],
)
def test_a_short_form_begins_where_a_word_of_the_full_name_begins(
    word: str, name: str, named: bool
) -> None:
    starts = word_starts(name, _TOKENIZER.tokens(name))
    assert shortens(word, name, starts) is named


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return lexical_searcher(tmp_path_factory, "offices", GUIDES)


def _office_signal(searcher: Searcher, question: str) -> float:
    judgement = searcher.judge_many([question])[0]
    return judgement.values.get(OFFICE, 0.0)


@pytest.mark.parametrize("question", ["渔政站几点开门", "渔政站在哪", "渔政站电话多少"])
def test_an_office_of_one_item_is_answered_with_that_item(
    searcher: Searcher, question: str
) -> None:
    assert _office_signal(searcher, question) == 1.0
    answer = searcher.ask(question)
    assert answer.status == "answered"
    assert answer.item == "buliao"
    assert "0510-1234567" in answer.answer


def test_an_office_shared_by_several_items_names_no_item(searcher: Searcher) -> None:
    assert _office_signal(searcher, "残疾人联合会服务大厅电话多少") == 0.0


@pytest.mark.parametrize(
    "question",
    ["渔政站罚没的渔船在哪拍卖", "渔业捕捞许可要什么材料"],
)
def test_a_question_about_more_than_the_office_gets_no_floor(
    searcher: Searcher, question: str
) -> None:
    assert _office_signal(searcher, question) == 0.0


def test_the_office_floor_lifts_the_confidence_to_an_answer() -> None:
    model = SystemModel(features=("agree",), mean=(0.5,), scale=(0.25,), coef=(2.0,))
    unsure = {"agree": 0.0}
    assert confidence(unsure, model) < model.answer_at
    assert confidence({**unsure, OFFICE: 1.0}, model) >= model.answer_at
    assert confidence({**unsure, OFFICE: 1.0, ACT_UNNAMED: 1.0}, model) < model.answer_at


DISTRICT = [
    *GUIDES,
    _guide("yuyue", "北湖区政务服务窗口预约", "北湖区政务服务中心", "北湖区政务服务中心"),
    _guide("zixun", "北湖区政务服务窗口咨询", "北湖区政务服务中心", "北湖区政务服务中心"),
]


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return lexical_searcher(tmp_path_factory, "district", DISTRICT)


@pytest.mark.parametrize("question", ["北湖区渔政站电话多少", "北湖区窗口渔政站几点开门"])
def test_the_item_of_the_named_office_goes_first(district: Searcher, question: str) -> None:
    """The district and "窗口" match other items' names better than the office does; the
    office still says which item the citizen needs (not a confident answer about another)."""
    judgement = district.judge_many([question])[0]
    assert district._current().ids[judgement.order[0]] == "buliao"
    answer = district.ask(question)
    assert answer.item == "buliao"
    assert "0510-1234567" in answer.answer


@pytest.mark.parametrize(
    ("question", "only"),
    [("北湖区渔政站电话多少", True), ("渔政站发票在哪领", False), ("取水许可在哪办", False)],
)
def test_only_a_question_that_says_nothing_but_the_office_is_lifted(
    district: Searcher, question: str, only: bool
) -> None:
    """ "渔政站发票在哪领" names a paper beside the office: the rankers decide, not the office."""
    state = district._current()
    text = normalize(question)
    words = state.tokenizer.tokens(strip_cues(text, keep_if_empty=False))
    item, alone = named_office(state, text, words)
    assert alone is only
    if only:
        assert state.ids[item] == "buliao"
