"""Offices citizens name: "渔政站几点开门" is about the one item handled at the 渔政管理站."""

from __future__ import annotations

import pytest

from knowledge import Guide, Location, Material
from retrieval import Searcher
from retrieval.fusion import ACT_UNNAMED, OFFICE, SystemModel, confidence
from retrieval.offices import shortens
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
