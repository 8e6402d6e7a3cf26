"""The dialog, channel-free, with the real searcher over the sample guides."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from bot.app import create_app
from bot.dialog.tables import ChatSessionRow, RatingRow, UnansweredRow
from tests.bot.conftest import Chat, count, id_card_png, wait_for


def test_question_is_answered_from_the_guide_and_names_it(chat, sample_store):
    reply = chat.say("孩子刚出生怎么上户口")
    assert reply.kind == "answer"
    assert reply.item == "gongan-hukou-chusheng"
    assert "出生登记" in reply.texts[0]  # the guide is named as the source
    assert reply.card.name == "出生登记" and reply.card.department == "示范市公安局"
    assert reply.rate
    assert count(sample_store, UnansweredRow) == 0


def test_follow_ups_are_about_the_item_in_context(chat):
    chat.say("领结婚证")
    how_long = chat.say("要多久")
    assert how_long.item == "minzheng-jiehun-dengji"
    assert "即办" in how_long.texts[0] or "当场" in how_long.texts[0]
    where = chat.say("在哪办")
    assert where.item == "minzheng-jiehun-dengji" and "婚姻登记处" in where.texts[0]
    fees = chat.say("收费吗")
    assert fees.item == "minzheng-jiehun-dengji" and "不收费" in fees.texts[0]


def test_unknown_situations_are_asked_before_the_materials(chat):
    first = chat.say("新生儿上户口要带什么材料")
    assert first.kind == "situation" and first.item == "gongan-hukou-chusheng"
    assert "结婚登记" in first.texts[0]  # the guide's own question for 非婚生育
    assert [o.number for o in first.options] == [1, 2]
    second = chat.say("不属于")
    # 非婚生育且随父落户 refines 非婚生育, which does not apply: it is not asked.
    assert second.kind == "situation" and "亲属" in second.texts[0]
    materials = chat.say("否")
    assert materials.kind == "answer"
    body = materials.texts[0]
    assert "出生医学证明" in body and "居民户口簿" in body
    assert "非婚生育情况说明" not in body and "代办人居民身份证" not in body
    # Asked once per conversation: the next materials question is answered at once.
    assert chat.say("出生登记要带什么").kind == "answer"


def test_situations_that_apply_add_their_materials(chat):
    chat.say("新生儿上户口要带什么材料")
    chat.say("否")
    answer = chat.say("是")  # 委托亲属代办
    assert "代办人居民身份证" in answer.texts[0]


# Vague phrasings; the tests use the first one the searcher is unsure about, so that they
# check how the dialog handles uncertainty, whatever the ranking's current calibration.
VAGUE = ["许可证", "我要办证", "证件丢了", "户口", "开店", "办个证", "丢了怎么办"]


@pytest.fixture
def vague(searcher) -> str:
    for question in VAGUE:
        if searcher.ask(question).status == "unsure":
            return question
    pytest.fail(f"the searcher is sure about every vague question: {VAGUE}")


def test_ambiguous_question_offers_a_numbered_choice(chat, sample_store, vague):
    reply = chat.say(vague)
    assert reply.kind == "choose"
    assert "回复数字" in reply.texts[0]
    assert len(reply.options) >= 2
    picked = chat.say("1")
    assert picked.kind in ("answer", "situation")
    assert picked.card is not None or picked.kind == "situation"
    row = sample_store.engine.connect().execute(select(UnansweredRow)).one()
    assert row.text == vague and row.status == "open" and row.candidates


def test_not_found_is_honest_and_queued_for_staff(chat, sample_store):
    reply = chat.say("申请航天员选拔需要什么条件")
    assert reply.kind == "not_found"
    assert "12345" in reply.texts[0]
    assert reply.card is None and not reply.rate
    chat.say("申請航天員選拔需要什麼條件")  # the same question in Traditional characters
    rows = list(sample_store.engine.connect().execute(select(UnansweredRow)))
    assert len(rows) == 1
    assert rows[0].count == 2 and rows[0].status == "open"
    assert rows[0].first_seen <= rows[0].last_seen


def test_small_talk_gets_a_polite_reply_and_a_hint(chat, sample_store):
    hello = chat.say("你好")
    assert hello.kind == "social" and "预审" in hello.texts[0]
    thanks = chat.say("谢谢")
    assert thanks.kind == "social" and "不客气" in thanks.texts[0]
    who = chat.say("你是谁")
    assert "办事指南" in who.texts[0]
    assert count(sample_store, UnansweredRow) == 0


def test_good_rating_with_a_digit_is_recorded_with_the_answer(chat, sample_store):
    answer = chat.say("结婚登记收费吗")
    assert answer.rate
    thanks = chat.say("5")
    assert "感谢" in thanks.texts[0]
    rating = sample_store.engine.connect().execute(select(RatingRow)).one()
    assert rating.score == 5 and rating.label == "非常满意"
    assert rating.question == "结婚登记收费吗" and rating.answer == answer.texts[0]
    assert rating.item_id == "minzheng-jiehun-dengji"
    assert rating.follow_up is None
    # A digit without a rating prompt just before is not a rating.
    chat.say("4")
    assert count(sample_store, RatingRow) == 1


def test_bad_rating_asks_reason_and_callback(chat, sample_store):
    chat.say("营业执照丢了怎么补办")
    assert "原因" in chat.say("非常不满意").texts[0]
    assert "回访" in chat.say("材料说得不清楚，没说要不要登报").texts[0]
    assert "手机" in chat.say("是").texts[0]
    done = chat.say("我的手机是13912345678")
    assert "联系" in done.texts[0]
    rating = sample_store.engine.connect().execute(select(RatingRow)).one()
    assert rating.score == 1 and rating.label == "非常不满意"
    assert rating.reason == "材料说得不清楚，没说要不要登报"
    assert rating.callback_wanted and rating.phone == "13912345678"
    assert rating.follow_up == "待回访"


def test_bad_rating_without_callback(chat, sample_store):
    chat.say("结婚登记在哪里办")
    chat.say("2")
    chat.say("地址太远")
    chat.say("不需要")
    rating = sample_store.engine.connect().execute(select(RatingRow)).one()
    assert rating.score == 2 and rating.label == "不满意" and rating.reason == "地址太远"
    assert not rating.callback_wanted and rating.follow_up == "待回访"


def test_human_gives_hotline_and_window_and_flags_the_conversation(chat, sample_store):
    chat.say("结婚登记要带什么")
    reply = chat.say("人工")
    assert reply.kind == "human"
    assert "12345" in reply.texts[0] and "婚姻登记处" in reply.texts[0]
    assert "0510-86057520" in reply.texts[0]
    flagged = chat.dialog.sessions.flagged()
    assert [f.key for f in flagged] == [chat.key]
    assert flagged[0].item == "minzheng-jiehun-dengji"
    other = Chat(chat.dialog, key="web:another").say("转人工")
    assert "示范市政务服务中心" in other.texts[0]


def test_conversation_continues_after_restarting_the_app(settings, sample_store, searcher, vague):
    first = Chat(create_app(settings, searcher=searcher).state.services.dialog)
    assert first.say(vague).kind == "choose"
    restarted = Chat(create_app(settings, searcher=searcher).state.services.dialog)
    assert restarted.say("2").kind in ("answer", "situation")


def test_an_idle_session_times_out(chat, sample_store):
    chat.say("领结婚证")
    with sample_store.engine.begin() as conn:
        conn.execute(update(ChatSessionRow).values(updated_at=dt.datetime(2020, 1, 1)))
    reply = chat.say("要多久")  # no item in context any more
    assert reply.item != "minzheng-jiehun-dengji"


def test_prereview_in_chat_asks_item_collects_photos_and_gives_the_notice(
    chat, chat_app, sample_store
):
    notices = chat_app.state.services.notices
    assert "哪个事项" in chat.say("预审").texts[0]
    start = chat.say("结婚登记")
    assert start.kind == "prereview" and start.upload.item == "minzheng-jiehun-dengji"
    assert "完成" in start.texts[0]
    received = chat.send(("男方身份证.jpg", id_card_png()))
    assert "第1份" in received.texts[0] and received.upload.received == 1
    rejected = chat.send(("说明.txt", b"just text"))
    assert "无法预审" in rejected.texts[0] and rejected.upload.received == 1
    pending = chat.say("好了")
    assert pending.kind == "pending" and pending.job
    assert "正在预审" in pending.texts[0]
    notice = wait_for(lambda: notices.reply_for(pending.job))
    assert notice.kind == "notice"
    text = "\n".join(notice.texts)
    assert "一次性告知书" in text and "内地居民结婚登记" in text
    assert "女方居民身份证" in text  # what is still missing
    assert "男方身份证.jpg" in text or "男方居民身份证" in text
    assert notice.links[0].url == f"/api/v1/prereview/{pending.job}/notice.html"
    # The job's completion delivered the notice into the conversation log once.
    history = wait_for(
        lambda: [r for r in chat.dialog.sessions.history(chat.key) if r.status == "notice"]
    )
    assert len(history) == 1
    assert notices.deliver(pending.job) is None  # already delivered


def test_a_photo_starts_prereview_for_the_item_in_context(chat, sample_store, settings):
    chat.say("领结婚证要带什么")
    reply = chat.send(("photo.png", id_card_png()))
    assert "第1份" in reply.texts[0]
    assert reply.kind == "prereview" and reply.upload.item == "minzheng-jiehun-dengji"
    stored = list((settings.home_dir / "uploads" / "chat").iterdir())
    assert len(stored) == 1
    assert "取消" in chat.say("取消").texts[0]
    assert not stored[0].exists()
    assert chat.say("完成").kind != "pending"


def test_prereview_asks_situations_before_collecting(chat):
    chat.say("出生登记")
    first = chat.say("预审")
    assert first.kind == "situation" and "结婚登记" in first.texts[0]
    second = chat.say("2")  # not 非婚生育, so 随父落户 is not asked either
    assert "亲属" in second.texts[0]
    collect = chat.say("1")  # 委托亲属代办
    assert collect.kind == "prereview"
    assert set(collect.upload.situations) == {
        "nonmarital=false",
        "agent=true",
        "nonmarital-father=false",
    }


def test_a_question_while_collecting_is_answered_and_collecting_goes_on(chat):
    chat.say("预审")
    chat.say("结婚登记")
    chat.send(("a.png", id_card_png()))
    aside = chat.say("结婚登记要多久")
    assert aside.kind == "answer"
    assert "已收到1份材料" in aside.texts[-1]
    assert chat.say("完成").kind == "pending"


def test_rating_on_request_and_by_label(chat, sample_store):
    assert "还没有" in chat.command("rate").texts[0]  # nothing to rate yet
    chat.say("结婚登记要带什么")
    chat.say("你好")  # the prompt is gone, so a bare digit would not count now…
    prompt = chat.command("rate")  # …but the 评价 menu asks again
    assert prompt.rate and prompt.kind == "rating"
    chat.say("3")
    assert "已评价" in chat.say("满意").texts[0]  # one rating per answer
    rows = list(sample_store.engine.connect().execute(select(RatingRow)))
    assert [(r.score, r.label) for r in rows] == [(3, "基本满意")]
