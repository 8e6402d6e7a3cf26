"""The reply about a whole 一件事 bundle, as a citizen reads it on a phone.

Built from the sample guides and sample bundles with ``knowledge.bundles.compose``;
no search model is needed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.bundles import Bundle, compose, load_bundles
from knowledge.schema import TimeLimit
from retrieval.bundle_replies import bundle_mention, bundle_reply
from retrieval.text import to_simplified

BUNDLES = Path(__file__).resolve().parents[2] / "knowledge" / "bundle-samples"


@pytest.fixture(scope="module")
def bundles() -> dict[str, Bundle]:
    loaded = load_bundles([BUNDLES])
    assert loaded.ok, [str(p) for p in loaded.problems]
    return {b.id: b for _, b in loaded.bundles}


@pytest.fixture(scope="module")
def guides(sample_guides) -> dict:
    return {g.id: g for g in sample_guides}


def _name(guide) -> str:
    """How the reply names an item: in Simplified, whatever the guide is written in."""
    return to_simplified(guide.name)


def _reply(bundle_id: str, bundles: dict, guides: dict, bundle: Bundle | None = None) -> str:
    return bundle_reply(compose(bundle or bundles[bundle_id], guides, bundles=bundles))


def _section(reply: str, heading: str) -> str:
    """The paragraph of the reply that starts with ``heading``."""
    return next(p for p in reply.split("\n\n") if p.startswith(heading))


def _days(guide) -> int:
    limit = guide.time_limit
    return limit.promised if limit.promised is not None else limit.statutory


def test_items_are_listed_in_the_bundles_order_with_their_departments(bundles, guides):
    reply = _reply("chusheng-yijianshi", bundles, guides)
    items = _section(reply, "要办的事项").splitlines()[1:]
    numbered = [line for line in items if re.match(r"\d+\. ", line)]
    expected = [e.item for e in bundles["chusheng-yijianshi"].items]
    assert len(numbered) == len(expected)
    for line, item_id in zip(numbered, expected, strict=True):
        assert _name(guides[item_id]) in line
        assert to_simplified(guides[item_id].department) in line


def test_an_item_that_depends_on_a_situation_says_when_it_is_done(bundles, guides):
    items = _section(_reply("chusheng-yijianshi", bundles, guides), "要办的事项")
    jintie = next(line for line in items.splitlines() if _name(guides["yb-shengyu-jintie"]) in line)
    assert "母亲参加职工生育保险时办理" in jintie
    hukou = next(line for line in items.splitlines() if "出生登记" in line)
    assert "时办理" not in hukou  # always done: no condition shown


def test_a_shared_document_is_listed_once_naming_every_item_it_serves(bundles, guides):
    reply = _reply("chusheng-yijianshi", bundles, guides)
    materials = _section(reply, "需要准备的材料")
    # 父母身份证 is a material of all three items, declared as one document.
    id_lines = [line for line in materials.splitlines() if "父母双方居民身份证" in line]
    assert len(id_lines) == 1
    assert "事项1、2、3共用" in id_lines[0]
    assert reply.count("父母双方居民身份证") == 1
    # a material of one item names only that item
    photo = next(line for line in materials.splitlines() if "申领人居民身份证" in line)
    assert photo.endswith("——事项2")


def test_a_document_needed_only_in_a_situation_is_listed_under_it(bundles, guides):
    materials = _section(_reply("chusheng-yijianshi", bundles, guides), "需要准备的材料")
    lines = materials.splitlines()
    heading = lines.index("非婚生育时还需：")
    assert "非婚生育情况说明" in lines[heading + 1]
    assert "非婚生育情况说明" not in "\n".join(lines[:heading])


def test_each_situation_is_asked_once_for_the_whole_bundle(bundles, guides):
    reply = _reply("chusheng-yijianshi", bundles, guides)
    questions = _section(reply, "办理时会问您以下情况")
    # 委托代办 is a situation of two items, covered by one bundle situation
    assert questions.count("是否由父母以外的亲属代为办理？") == 1
    assert reply.count("代为办理") == 1


def test_total_time_is_the_sum_of_the_items_with_the_slowest_beside_it(bundles, guides):
    bundle = bundles["chusheng-yijianshi"]
    days = [_days(guides[e.item]) for e in bundle.items]
    reply = _reply("chusheng-yijianshi", bundles, guides)
    assert f"合计不超过{sum(days)}个工作日" in reply
    assert f"最快约{max(days)}个工作日" in reply


def test_visits_are_the_most_any_item_needs_not_the_sum(bundles, guides):
    bundle = bundles["chusheng-yijianshi"]
    visits = [guides[e.item].visits for e in bundle.items]
    assert sum(visits) > max(visits)  # the sample would tell the two apart
    assert f"到现场次数：最多跑{max(visits)}次" in _reply("chusheng-yijianshi", bundles, guides)


def test_published_figures_of_the_bundle_are_used_as_they_are(bundles, guides):
    published = bundles["chusheng-yijianshi"].model_copy(
        update={"time_limit": TimeLimit(promised=5), "visits": 0}
    )
    reply = _reply("chusheng-yijianshi", bundles, guides, bundle=published)
    assert "办理时限：5个工作日（一件事承诺时限）" in reply
    assert "全程网上办理，无需到现场" in reply


def test_the_reply_names_the_lead_department_and_the_window(bundles, guides):
    bundle = bundles["kai-fandian"]
    head = _reply("kai-fandian", bundles, guides).split("\n\n")[0]
    assert "“开饭店一件事”" in head
    assert f"牵头部门：{bundle.department}" in head
    assert f"综合窗口：{bundle.window.name}" in head


def test_a_nested_bundle_brings_its_items_and_its_shared_documents(bundles, guides):
    reply = _reply("kai-fandian", bundles, guides)
    items = _section(reply, "要办的事项")
    assert "有限责任公司设立登记" in items  # from 企业开办一件事, nested for 以公司形式经营
    assert "以公司形式经营时办理" in items
    assert _section(reply, "需要准备的材料").count("经营者居民身份证") == 1


def test_a_bundle_written_in_traditional_characters_is_answered_in_simplified(bundles, guides):
    reply = _reply("jiehun-yijianshi", bundles, guides)
    assert "“结婚一件事”" in reply
    assert "結婚" not in reply and "戶口" not in reply


def test_an_item_answer_names_its_bundles_and_their_items(bundles, guides):
    held = [
        (bundles[b], [e.item for e in bundles[b].items])
        for b in ("tuixiu-yijianshi", "xinshimin-anju")
    ]
    note = bundle_mention(held, guides)
    lines = note.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("这是“退休一件事”的一项，可一次办理：")
    assert _name(guides["rs-tuixiu-daiyu"]) in lines[0]
    assert "新市民安居一件事" in lines[1]


def test_documents_of_an_item_done_only_in_a_situation_are_listed_under_that_item(bundles, guides):
    materials = _section(_reply("tuixiu-yijianshi", bundles, guides), "需要准备的材料")
    lines = materials.splitlines()
    # 异地就医备案 (item 3) is done only when moving away after retiring
    heading = lines.index("办理事项3时还需：")
    form = next(i for i, line in enumerate(lines) if "异地就医备案登记表" in line)
    assert form > heading
    numbered = [line for line in lines[:heading] if re.match(r"\d+\. ", line)]
    assert not any("异地就医备案登记表" in line for line in numbered)
    # the ID card serves every item and stays in the list everyone needs
    assert any("居民身份证（原件）——事项1、2、3、4共用" in line for line in numbered)
