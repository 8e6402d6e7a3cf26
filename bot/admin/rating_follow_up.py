"""差评回访整改: the follow-up of bad ratings (不满意, 非常不满意) and the rectification rate.

A bad rating moves 待回访 → 已回访 → 已整改; each step appends a dated line with
the staff member's name to the rating's note, so the note is the case's record.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from bot.admin.web import local_time
from bot.dialog.tables import BAD_SCORES, FOLLOW_UP_STATES, RatingRow
from knowledge.db import utcnow

PENDING, CALLED, FIXED = FOLLOW_UP_STATES


class FollowUpError(ValueError):
    """A follow-up staff can correct (no note, unknown state); the message is Chinese."""


@dataclass(frozen=True)
class RatingSummary:
    bad: int
    by_state: dict[str, int]
    by_score: dict[int, int]  # every rating, 5 非常满意 .. 1 非常不满意

    @property
    def total(self) -> int:
        return sum(self.by_score.values())

    @property
    def rectification_rate(self) -> float | None:
        """整改率 = 已整改 / all bad ratings; None while there are no bad ratings."""
        return self.by_state[FIXED] / self.bad if self.bad else None


def state_of(row: RatingRow) -> str:
    return row.follow_up or PENDING


def bad_ratings(db: sessionmaker, state: str | None = None) -> list[RatingRow]:
    query = select(RatingRow).where(RatingRow.score.in_(BAD_SCORES))
    if state == PENDING:
        query = query.where((RatingRow.follow_up == PENDING) | RatingRow.follow_up.is_(None))
    elif state in FOLLOW_UP_STATES:
        query = query.where(RatingRow.follow_up == state)
    with db() as session:
        return list(session.scalars(query.order_by(RatingRow.created_at.desc())))


def get_rating(db: sessionmaker, rating_id: int) -> RatingRow | None:
    with db() as session:
        return session.get(RatingRow, rating_id)


def summary(db: sessionmaker) -> RatingSummary:
    with db() as session:
        scores = dict(
            session.execute(select(RatingRow.score, func.count()).group_by(RatingRow.score)).all()
        )
        states = session.execute(
            select(RatingRow.follow_up, func.count())
            .where(RatingRow.score.in_(BAD_SCORES))
            .group_by(RatingRow.follow_up)
        ).all()
    by_state = dict.fromkeys(FOLLOW_UP_STATES, 0)
    for state, n in states:
        by_state[state or PENDING] = by_state.get(state or PENDING, 0) + n
    return RatingSummary(
        bad=sum(by_state.values()),
        by_state=by_state,
        by_score={score: scores.get(score, 0) for score in (5, 4, 3, 2, 1)},
    )


def follow_up(db: sessionmaker, rating_id: int, state: str, note: str, staff: str) -> RatingRow:
    """Move a bad rating to ``state``; a note is required for 已回访 and 已整改."""
    if state not in FOLLOW_UP_STATES:
        raise FollowUpError("请选择回访状态")
    note = note.strip()
    if state != PENDING and not note:
        raise FollowUpError(f"改为“{state}”时请填写说明（回访结果或整改措施）")
    now = utcnow()
    with db.begin() as session:
        row = session.get(RatingRow, rating_id)
        if row is None or row.score not in BAD_SCORES:
            raise FollowUpError("没有这条差评")
        line = f"{local_time(now)} {staff}：{state}" + (f" — {note}" if note else "")
        row.follow_up = state
        row.follow_up_note = f"{row.follow_up_note}\n{line}" if row.follow_up_note else line
        row.updated_at = now
        return row
