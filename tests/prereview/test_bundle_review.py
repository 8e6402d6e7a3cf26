"""One pre-review for a whole 一件事: shared documents once, missing per item, one notice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.bundles import BundleError, compose, load_bundles
from prereview import (
    BundleReviewResult,
    bundle_sources,
    render_bundle_html,
    render_bundle_pdf,
    render_bundle_text,
    review_bundle,
    situation_keys,
)
from prereview.review import review
from retrieval.bundle_replies import bundle_reply
from tests.prereview.make_docs import TODAY, ZHANG, write_docs

BUNDLES = Path(__file__).resolve().parents[2] / "knowledge" / "bundle-samples"
ID_CARD = "qy_id_zhang.jpg"  # both sides of 张伟's card on one photo, turned
LAYOUT = "sp_layout.pdf"  # a text-layer PDF: no OCR
SOLE_TRADER_RESTAURANT = ["getihu", "canting"]  # 个体户 + 一般餐馆: three items apply


class Counting:
    """Counts what reaches the engine: the pages actually recognised."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.calls = inner, inner.name, 0

    def read(self, image):
        self.calls += 1
        return self.inner.read(image)


@pytest.fixture(scope="module")
def uploads(tmp_path_factory) -> list[Path]:
    docs = write_docs(tmp_path_factory.mktemp("bundle-docs"), [ID_CARD, LAYOUT])
    return [docs[ID_CARD], docs[LAYOUT]]


@pytest.fixture(scope="module")
def kai_fandian(guides):
    bundles = {b.id: b for _, b in load_bundles([BUNDLES]).bundles}
    bundle = bundles["kai-fandian"]
    return bundle, *bundle_sources(bundle, guides.get, bundles.get)


def run(kai_fandian, uploads, ocr, situations=SOLE_TRADER_RESTAURANT) -> BundleReviewResult:
    bundle, guides, bundles = kai_fandian
    return review_bundle(bundle, guides, uploads, situations, today=TODAY, ocr=ocr, bundles=bundles)


@pytest.fixture(scope="module")
def result(kai_fandian, uploads, ocr) -> BundleReviewResult:
    return run(kai_fandian, uploads, ocr)


def _item(result: BundleReviewResult, item: str):
    return next(i for i in result.items if i.item == item)


def test_one_id_card_serves_every_item_and_appears_once(result):
    cards = [m for m in result.materials if ID_CARD in m.files]
    assert len(cards) == 1
    card = cards[0]
    assert card.status == "ok" and card.shared
    assert set(card.items) == {"scjg-getihu-sheli", "scjg-spjy-xuke"}
    for item, material in (("scjg-getihu-sheli", "jingyingzhe-sfz"), ("scjg-spjy-xuke", "fzr-sfz")):
        assert _item(result, item).result.material(material).status == "ok"
    assert not result.unrecognised  # the card is no stray file for either item
    text = render_bundle_text(result, max_bytes=1 << 20)[0]
    assert text.count("经营者居民身份证（已通过预审）") == 1
    assert "法定代表人（负责人）身份证件" not in text  # the same card, not told twice


def test_missing_material_is_listed_under_its_item(result):
    spjy = _item(result, "scjg-spjy-xuke").result
    assert spjy.material("shenqingshu").status == "missing"
    text = render_bundle_text(result, max_bytes=1 << 20)[0]
    section = text.split("、食品经营许可（")[1].split("\n\n")[0]
    assert "缺少：食品经营许可申请书" in section
    assert "已通过预审：经营场所平面布局图及设备布局、操作流程说明" in section
    other = text.split("、个体工商户设立登记（")[1].split("\n\n")[0]
    assert "食品经营许可申请书" not in other


def test_situation_drops_an_item(kai_fandian, uploads, ocr, result):
    small = run(kai_fandian, uploads, ocr, ["getihu", "xiaocanyin"])
    spjy = _item(small, "scjg-spjy-xuke")
    assert spjy.applies is False and spjy.result is None
    assert _item(small, "scjg-xiaocanyin-dengji").result is not None
    assert _item(result, "scjg-xiaocanyin-dengji").result is None
    text = render_bundle_text(small, max_bytes=1 << 20)[0]
    dropped = text.split("按您选择的情形，本次无需办理")[1]
    assert "食品经营许可" in dropped and "仅在一般餐馆、饭店时办理" in dropped
    card = next(m for m in small.materials if ID_CARD in m.files)
    assert set(card.items) == {"scjg-getihu-sheli", "scjg-xiaocanyin-dengji"}


def test_complete_only_when_every_item_is(result, kai_fandian, uploads, ocr):
    reviewed = result.reviewed()
    assert len(reviewed) == 3 and not any(r.complete for r in reviewed)
    assert result.complete is False
    assert "尚需补齐或补正" in render_bundle_text(result, max_bytes=1 << 20)[0]
    unasked = run(kai_fandian, uploads, ocr, None)
    assert unasked.complete is False
    assert any("个体工商户" in q for _, q in unasked.questions)
    pending = [i for i in unasked.items if i.applies is None]
    assert pending and all(i.result is not None for i in pending)
    text = render_bundle_text(unasked, max_bytes=1 << 20)[0]
    condition = "或".join(dict.fromkeys(pending[0].conditions))
    assert f"{pending[0].item_name}（" in text and f"——{condition}时办理" in text


def test_each_page_is_recognised_once_whatever_the_items(kai_fandian, uploads, ocr):
    bundle_engine, item_engine = Counting(ocr), Counting(ocr)
    run(kai_fandian, uploads, bundle_engine)
    _, guides, _ = kai_fandian
    review(guides["scjg-spjy-xuke"], uploads, {}, None, TODAY, item_engine)
    assert bundle_engine.calls == item_engine.calls > 0


def test_notice_footer_window_time_and_visits(result, kai_fandian):
    text = render_bundle_text(result, max_bytes=1 << 20, hotline="12345")[0]
    assert "综合窗口：示范市政务服务中心一楼 市场准入类综合窗口" in text
    assert "办理时限：" in text and "到现场次数：最多跑1次" in text
    # The notice tells the totals in the very words of the chat reply for the same answers.
    bundle, guides, bundles = kai_fandian
    reply = bundle_reply(compose(bundle, guides, SOLE_TRADER_RESTAURANT, bundles=bundles))
    totals = [line for line in reply.splitlines() if line.startswith(("办理时限", "到现场次数"))]
    assert len(totals) == 2 and all(line in text.splitlines() for line in totals)
    assert "一件事：开饭店“一件事”" in text
    html = render_bundle_html(result)
    assert "经营者居民身份证（已通过预审）" in html and "<script" not in html
    assert render_bundle_pdf(result).startswith(b"%PDF")


def test_notice_too_long_for_chat_gives_link(result):
    parts = render_bundle_text(result, link="https://example.gov.cn/n/1")
    assert len(parts) == 1 and "https://example.gov.cn/n/1" in parts[0]
    assert "食品经营许可：缺少" in parts[0]


def test_json_round_trip_and_masking(result):
    data = result.to_json()
    assert data["bundle"] == "kai-fandian" and data["complete"] is False
    assert [i["item"] for i in data["items"] if i["result"]] == [
        "scjg-getihu-sheli",
        "scjg-spjy-xuke",
        "shuiwu-paishui-xuke",
    ]
    assert BundleReviewResult.from_json(data).to_json() == data
    masked = result.to_json(mask=True)
    assert ZHANG.id_number not in json.dumps(masked, ensure_ascii=False)
    assert BundleReviewResult.from_json(masked).to_json(mask=True) == masked


def test_situation_flags_and_unknown_situation(kai_fandian, uploads, ocr):
    assert situation_keys(["getihu,canting", "agent=false", "gongsi=否"]) == ["getihu", "canting"]
    with pytest.raises(BundleError):
        situation_keys(["agent=unknown"])
    with pytest.raises(BundleError, match="flying"):
        run(kai_fandian, uploads[1:], ocr, ["flying"])
