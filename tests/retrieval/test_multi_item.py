"""Messages naming two items: the item the asking clause names is answered, the other
offered — also when the two rivals pull the whole message's confidence down."""

from __future__ import annotations

import dataclasses

import pytest

from knowledge import Guide, Material
from retrieval import Searcher
from tests.retrieval.conftest import lexical_searcher


def _guide(item_id: str, name: str, department: str, *materials: str, **more) -> Guide:
    listed = [Material(id=f"m{i}", name=m) for i, m in enumerate(materials)]
    return Guide(id=item_id, name=name, department=department, materials=listed, **more)


GUIDES = [
    _guide("biangeng", "公司变更登记", "市场监督管理局", "变更登记申请书", "股东会决议"),
    _guide("buling", "营业执照补领", "市场监督管理局", "补领申请书", "遗失声明"),
    _guide("sheli", "公司设立登记", "市场监督管理局", "公司章程", "股东身份证明"),
    _guide("hunyin", "结婚登记", "民政局", "户口簿", "身份证"),
    _guide("canbao", "城乡居民医保参保登记", "医疗保障局", "户口簿"),
    _guide("fapiao", "发票领用", "税务局", "经办人身份证"),
    _guide("shetuan", "社会团体成立登记", "民政局", "章程", "验资报告"),
    _guide("daoyou", "导游证核发", "文化广电旅游局", "身份证", "导游资格证"),
    _guide("nongyao", "农药经营许可", "农业农村局", "营业执照", "仓储场所证明"),
]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return lexical_searcher(tmp_path_factory, "multi", GUIDES)


@pytest.fixture
def doubtful(small: Searcher, monkeypatch: pytest.MonkeyPatch) -> Searcher:
    """The searcher with every whole message judged between "not found" and "answer":
    what two named rivals do to a message's confidence on a real knowledge base."""
    real = small.judge_served

    def judge(questions: list[str]):
        out = []
        for judgement, model in real(questions):
            middle = (model.answer_at + model.unsure_at) / 2
            out.append((dataclasses.replace(judgement, confidence=middle), model))
        return out

    monkeypatch.setattr(small, "judge_served", judge)
    return small


@pytest.mark.parametrize(
    ("message", "main", "other"),
    [
        ("公司要换法人，营业执照也丢了，公司变更登记要带什么材料", "biangeng", "buling"),
        ("营业执照丢了，另外公司也要改名，营业执照补领要什么材料", "buling", "biangeng"),
    ],
)
def test_two_named_items_answer_the_asked_one(
    doubtful: Searcher, message: str, main: str, other: str
) -> None:
    answer = doubtful.ask(message)
    assert answer.status == "answered" and answer.item == main
    assert answer.others == [other]
    assert "您还提到了" in answer.answer


def test_one_unsure_item_still_gets_the_choice(doubtful: Searcher) -> None:
    answer = doubtful.ask("公司的事情怎么弄")
    assert answer.status == "unsure" and "请问是以下哪一项" in answer.answer
