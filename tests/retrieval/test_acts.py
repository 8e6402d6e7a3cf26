"""Lifecycle acts: a question asking to cancel, change or replace what its item's guide
never provides for is offered choices, not answered with the sibling service."""

from __future__ import annotations

import pytest

from knowledge import Guide, Material
from retrieval import Searcher
from retrieval.acts import acts, aside_words, guide_acts, item_acts
from retrieval.fusion import ACT_UNNAMED, ASIDE, SystemModel, confidence
from retrieval.tokens import WordTokenizer
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


def test_an_act_a_guide_sends_elsewhere_is_not_provided_even_if_mentioned_in_passing() -> None:
    """ "期满前办理年检；年检不适用本事项": the item mentions the renewal, and says it is
    another service's. An FAQ answer can say so too ("延续不适用本事项")."""
    dog = _guide(
        "gou",
        "养犬登记",
        "公安局",
        "犬只照片",
        conditions="登记证有效期1年，期满前30日内办理年检；年检不适用本事项。",
    )
    assert item_acts(dog) == frozenset()
    permit = _guide(
        "paiwu",
        "排污许可证核发",
        "生态环境局",
        "申请表",
        faq=[{"q": "到期前多久申请延续？", "a": "届满前60日申请延续，延续不适用本事项。"}],
    )
    assert "replace" not in item_acts(permit)
    named = _guide(
        "yanxu",
        "排污许可证延续",
        "生态环境局",
        "申请表",
        conditions="首次申请不适用本事项；延续另按本事项办理。",
    )
    assert "replace" in item_acts(named)  # the name says it does


def test_annual_inspection_asks_for_a_renewal() -> None:
    assert acts("狗证到期了年检要带什么") == {"replace"}
    assert acts("营运证年审去哪里") == {"replace"}


TRAVEL = _guide(
    "lvxingshe",
    "旅行社设立许可",
    "文化广电旅游局",
    "营业执照",
    "经营场所证明",
    conditions=(
        "经营国内旅游业务和入境旅游业务。申请出境旅游业务的，须经营满2年，不适用本事项。"
        "设立分社的，应另行提出备案申请。无需另行提交营业执照复印件。"
    ),
)


def test_words_a_guide_uses_only_to_send_a_case_elsewhere() -> None:
    words = aside_words(TRAVEL, WordTokenizer().tokens)
    assert {"出境", "分社"} <= words
    assert "入境" not in words  # the item's own business, in another sentence
    assert "复印件" not in words  # "无需另行提交" sends nothing elsewhere


TRACTOR = _guide(
    "tuolaji",
    "拖拉机和联合收割机注册登记",
    "农业农村局",
    "拖拉机来历证明",
    faq=[
        {"q": "开拖拉机还要驾驶证吗？", "a": "要，驾驶证另行申请考试，不在本事项内。"},
        {"q": "登记要多久？", "a": "材料齐全的当场办结。"},
    ],
)


def test_a_case_an_faq_answer_sends_elsewhere_is_named_aside_in_its_question_too() -> None:
    """The FAQ question names the case its answer sends elsewhere; that mention is not a
    use of the word by this item ("拖拉机驾驶证怎么考" asks for the licence, not the
    registration)."""
    words = aside_words(TRACTOR, WordTokenizer().tokens)
    assert "驾驶证" in words
    assert "拖拉机" not in words  # the item's own object, named in its name
    plain = _guide(
        "tuolaji",
        TRACTOR.name,
        TRACTOR.department,
        faq=[{"q": "开拖拉机还要驾驶证吗？", "a": "要，凭驾驶证驾驶。"}],
    )
    assert "驾驶证" not in aside_words(plain, WordTokenizer().tokens)


@pytest.fixture(scope="module")
def travel(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    return lexical_searcher(tmp_path_factory, "travel", [TRAVEL, *GUIDES])


@pytest.mark.parametrize("question", ["旅行社想增加出境业务怎么申请", "旅行社设立分社要什么材料"])
def test_a_case_the_guide_sends_elsewhere_is_not_answered(travel: Searcher, question: str) -> None:
    judgement = travel.judge_many([question])[0]
    assert travel._current().ids[judgement.order[0]] == "lvxingshe"
    assert judgement.values[ASIDE] == 1.0
    assert travel.ask(question).status != "answered"


@pytest.mark.parametrize(
    "question",
    ["新开的旅行社能直接做出境业务吗", "出境业务也在这里办吗", "旅行社设立许可要什么材料"],
)
def test_asking_whether_or_about_the_item_itself_is_not_held(
    travel: Searcher, question: str
) -> None:
    """ "能直接做出境业务吗" asks about this item's rule (the guide answers it: no)."""
    judgement = travel.judge_many([question])[0]
    assert judgement.values[ASIDE] == 0.0
