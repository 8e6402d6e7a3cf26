"""One citizen's data, exported or deleted on request (个人信息保护法 第四十五条、第四十七条).

A citizen is known here only by their conversation key (``wechat:<openid>``,
``miniprogram:<openid>``, ``web:<random>``), which staff find on the hand-off
pages. Their data is the conversation (state and hand-off flag), its chat log,
their ratings and the pre-review jobs they started, with the uploaded files.
Unanswered questions are grouped by text across citizens and carry no key, so
they are not theirs alone; they are masked and expire on their own schedule.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.dialog.tables import ChatLogRow, ChatSessionRow, RatingRow
from bot.jobs.tables import JobRow
from bot.services.conversation_jobs import ChatJobRow
from knowledge.db import utcnow


@dataclass(frozen=True)
class Holdings:
    """How much is kept for a conversation key (shown before export or deletion)."""

    key: str
    conversation: bool
    messages: int
    ratings: int
    jobs: int

    @property
    def empty(self) -> bool:
        return not (self.conversation or self.messages or self.ratings or self.jobs)


def _jobs(session: Session, key: str) -> list[JobRow]:
    linked = select(ChatJobRow.job_id).where(ChatJobRow.session_key == key)
    query = select(JobRow).where(or_(JobRow.owner == key, JobRow.id.in_(linked)))
    return list(session.scalars(query.order_by(JobRow.created_at)))


def holdings(db: sessionmaker, key: str) -> Holdings:
    with db() as session:
        return Holdings(
            key=key,
            conversation=session.get(ChatSessionRow, key) is not None,
            messages=len(session.scalars(select(ChatLogRow.id).where(_log(key))).all()),
            ratings=len(session.scalars(select(RatingRow.id).where(_rated(key))).all()),
            jobs=len(_jobs(session, key)),
        )


def _log(key: str):
    return ChatLogRow.session_key == key


def _rated(key: str):
    return RatingRow.session_key == key


def _time(value) -> str | None:
    return value.isoformat() + "Z" if value else None


def export(db: sessionmaker, key: str) -> dict[str, Any]:
    """Everything kept for ``key`` as JSON-able data (texts as stored, i.e. masked)."""
    with db() as session:
        conversation = session.get(ChatSessionRow, key)
        log = session.scalars(select(ChatLogRow).where(_log(key)).order_by(ChatLogRow.id))
        ratings = session.scalars(select(RatingRow).where(_rated(key)).order_by(RatingRow.id))
        return {
            "key": key,
            "exported_at": _time(utcnow()),
            "conversation": {
                "created_at": _time(conversation.created_at),
                "updated_at": _time(conversation.updated_at),
                "handoff_requested_at": _time(conversation.flagged_at),
                "handoff_note": conversation.flag_note,
            }
            if conversation
            else None,
            "messages": [
                {"at": _time(m.created_at), "direction": m.direction, "text": m.text} for m in log
            ],
            "ratings": [
                {
                    "at": _time(r.created_at),
                    "label": r.label,
                    "question": r.question,
                    "reason": r.reason,
                    "callback_wanted": r.callback_wanted,
                    "phone": r.phone,
                }
                for r in ratings
            ],
            "prereview_jobs": [
                {
                    "id": j.id,
                    "item": j.item_id,
                    "status": j.status,
                    "files": [f.get("name") for f in j.files or []],
                    "created_at": _time(j.created_at),
                    "result": j.result,
                }
                for j in _jobs(session, key)
            ],
        }


def erase(db: sessionmaker, key: str) -> Holdings:
    """Delete everything kept for ``key``, uploaded files included; returns what was deleted."""
    before = holdings(db, key)
    with db.begin() as session:
        jobs = _jobs(session, key)
        folders = {
            Path(f["path"]).parent
            for j in jobs
            for f in j.files or []
            if f.get("path") and Path(f["path"]).parent.name == j.id  # the job's own folder
        }
        ids = [j.id for j in jobs]
        session.execute(delete(JobRow).where(JobRow.id.in_(ids)))
        session.execute(delete(ChatJobRow).where(ChatJobRow.session_key == key))
        session.execute(delete(ChatLogRow).where(_log(key)))
        session.execute(delete(RatingRow).where(_rated(key)))
        session.execute(delete(ChatSessionRow).where(ChatSessionRow.key == key))
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    return before
