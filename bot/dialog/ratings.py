"""好差评 in chat: a score for the last answer and, after a bad one, the reason, whether staff
should call back, and the phone number — each a reply to what the bot just asked."""

from __future__ import annotations

from bot.dialog import intents, texts
from bot.dialog.messages import Option, Reply
from bot.dialog.records import Records
from bot.dialog.state import Pending, State
from bot.dialog.tables import BAD_SCORES


def nothing_to_rate(state: State) -> Reply | None:
    """Why there is nothing to rate now (no answer yet, or rated already); None if there is."""
    if state.last_answer and not state.rated:
        return None
    said = texts.RATE_ALREADY if state.rated else texts.RATE_NOTHING
    return Reply([said], kind="rating")


def ask_rating(state: State) -> Reply:
    """The 评价 command: the five levels, or why there is nothing to rate."""
    return nothing_to_rate(state) or Reply([texts.RATE_ASK], kind="rating", rate=True)


def rate(records: Records, key: str, state: State, score: int) -> Reply:
    """Record a score for the last answer; a bad one asks for the reason next."""
    refused = nothing_to_rate(state)
    if refused is not None:
        return refused
    rating = records.add_rating(key, score, state.last_question, state.last_answer, state.last_item)
    state.rated = True
    if score in BAD_SCORES:
        state.pending = Pending("rating_reason", rating_id=rating)
        return Reply([texts.RATE_REASON], kind="rating")
    return Reply([texts.RATE_THANKS], kind="rating")


def follow_up(records: Records, state: State, pending: Pending, text: str) -> Reply:
    """The answer to the reason, call-back or phone question of a bad rating."""
    rating = pending.rating_id
    phone = intents.extract_phone(text)
    if pending.kind == "rating_reason":
        records.update_rating(rating, reason=text[:2000])
        state.pending = Pending("rating_callback", rating_id=rating)
        return Reply(
            [texts.RATE_CALLBACK],
            kind="rating",
            options=[Option(1, "是，需要回访"), Option(2, "否，不需要")],
        )
    if pending.kind == "rating_callback" and phone is None:
        if intents.parse_yes_no(text):
            records.update_rating(rating, callback_wanted=True)
            state.pending = Pending("rating_phone", rating_id=rating)
            return Reply([texts.RATE_PHONE], kind="rating")
        state.pending = None
        return Reply([texts.RATE_DONE], kind="rating")
    state.pending = None
    if phone is not None:
        records.update_rating(rating, callback_wanted=True, phone=phone)
    return Reply([texts.RATE_DONE_CALLBACK], kind="rating")
