"""Asking the sample guides as citizens do (models loaded once per session)."""

from __future__ import annotations

import pytest

from retrieval import Answer, Searcher

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("question", "item", "facet"),
    [
        ("孩子刚出生怎么上户口", "gongan-hukou-chusheng", "general"),
        ("身份正掉了咋办", "gongan-sfz-huanling", "general"),
        ("開個個體戶要帶什麼證件", "scjg-getihu-sheli", "materials"),
        ("駕照過期了去哪裡換", "gongan-jiashizheng-buhuan", "location"),
        ("失业金一个月能领多久，要多长时间批", "rs-shiye-baoxianjin", "time_limit"),
    ],
)
def test_finds_the_item_and_answers_the_facet(
    searcher: Searcher, question: str, item: str, facet: str
) -> None:
    answer = searcher.ask(question)
    assert answer.status == "answered" and answer.confident
    assert answer.item == item and answer.hits[0].item == item
    assert answer.facet == facet
    assert "（来源：《" in answer.answer


def test_answer_is_simplified_even_for_a_traditional_guide(searcher: Searcher) -> None:
    answer = searcher.ask("工伤认定要交什么材料")
    assert answer.item == "rs-gongshang-rending"
    assert "工伤认定申请" in answer.answer and "工傷" not in answer.answer


@pytest.mark.parametrize("question", ["今天天气怎么样", "帮我写一首诗", "周杰伦的新歌叫什么"])
def test_out_of_scope_gets_no_confident_answer(searcher: Searcher, question: str) -> None:
    answer = searcher.ask(question)
    assert not answer.confident and answer.status in ("unsure", "not_found")
    assert answer.item is None


def test_not_found_offers_the_hotline(searcher: Searcher) -> None:
    answer = searcher.ask("你是机器人吗")
    assert answer.status == "not_found"
    assert "12345" in answer.answer


def test_unsure_offers_candidates(searcher: Searcher) -> None:
    answer = searcher.ask("残积证第一次怎么申请")  # a typo the searcher should not bet on
    if answer.status == "answered":
        pytest.skip("confident enough on this machine")
    assert answer.status == "unsure"
    assert 2 <= len(answer.hits) <= 3
    assert all(h.name in answer.answer for h in answer.hits)


def test_follow_up_is_about_the_current_item(searcher: Searcher) -> None:
    for question, facet in [("要多久", "time_limit"), ("在哪办", "location"), ("收费吗", "fees")]:
        answer = searcher.ask(question, context_item="gongan-hukou-chusheng")
        assert answer.item == "gongan-hukou-chusheng" and answer.facet == facet
        assert "出生登记" in answer.answer


def test_a_new_item_named_in_a_follow_up_wins(searcher: Searcher) -> None:
    answer = searcher.ask("办护照要多少钱", context_item="gongan-hukou-chusheng")
    assert answer.item == "gongan-crj-huzhao-shouci" and answer.facet == "fees"


def test_two_items_answer_the_main_and_offer_the_other(searcher: Searcher) -> None:
    answer = searcher.ask("营业执照丢了，还有身份证也掉了，营业执照怎么补")
    assert answer.item == "scjg-yyzz-buling"
    assert answer.others == ["gongan-sfz-huanling"]
    assert "居民身份证换领、补领" in answer.answer


def test_situations_shape_the_materials(searcher: Searcher) -> None:
    plain = searcher.ask("孩子上户口要带什么")
    assert "非婚生育情况说明" in plain.answer  # listed under "如属以下情形"
    known = searcher.ask("孩子上户口要带什么", situations={"nonmarital": False, "agent": False})
    assert "非婚生育情况说明" not in known.answer


def test_answer_for_a_chosen_item(searcher: Searcher) -> None:
    answer = searcher.answer_for("minzheng-jiehun-dengji", "fees")
    assert answer.confident and answer.item == "minzheng-jiehun-dengji"
    assert "不收费" in answer.answer
    assert searcher.answer_for("no-such-item", "fees").status == "not_found"


def test_json_contract(searcher: Searcher) -> None:
    data = searcher.ask("结婚登记要带什么").to_json()
    assert {"answer", "confident", "facet", "hits"} <= set(data)
    assert isinstance(data["answer"], str) and isinstance(data["confident"], bool)
    assert data["facet"] == "materials"
    assert all(set(h) == {"item", "name", "score"} for h in data["hits"])
    assert all(isinstance(h["score"], float) for h in data["hits"])


def test_empty_message(searcher: Searcher) -> None:
    assert searcher.ask("  ？ ").status == "not_found"


def test_answer_type(searcher: Searcher) -> None:
    assert isinstance(searcher.ask("社保卡补办"), Answer)
