"""Tables of the conversation, on the shared ``knowledge.db.Base``.

Everything a conversation needs between two messages lives here, not in process
memory, so that a restart or a second app process behind a load balancer
continues the same conversation. The staff workbench reads ``unanswered_questions``
(问题未答队列), ``ratings`` (好差评) and flagged ``chat_sessions`` (人工).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.db import Base

# The national five-level scale of 政务服务好差评, best first; the score is 5..1.
RATING_LABELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
BAD_SCORES = (1, 2)
FOLLOW_UP_STATES = ("待回访", "已回访", "已整改")
UNANSWERED_STATES = ("open", "dismissed", "attached")


class ChatSessionRow(Base):
    """One citizen's conversation state (``channel:user``), with staff hand-off flag."""

    __tablename__ = "chat_sessions"

    key: Mapped[str] = mapped_column(String(160), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), index=True)  # wechat | miniprogram | web
    state: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    # 人工: set when the citizen asked for a person; the workbench clears it.
    flagged_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    flag_item: Mapped[str | None] = mapped_column(String(80), nullable=True)
    flag_note: Mapped[str | None] = mapped_column(String(500), nullable=True)


class ChatLogRow(Base):
    """Every message in and out, so staff can read a flagged conversation."""

    __tablename__ = "chat_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    session_key: Mapped[str] = mapped_column(String(160), index=True)
    direction: Mapped[str] = mapped_column(String(4))  # in | out
    text: Mapped[str] = mapped_column(Text)
    item_id: Mapped[str | None] = mapped_column(String(80), nullable=True)
    status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class UnansweredRow(Base):
    """A question the retrieval could not answer with confidence, grouped by normalised text."""

    __tablename__ = "unanswered_questions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    text: Mapped[str] = mapped_column(String(500))
    normalized: Mapped[str] = mapped_column(String(500), unique=True)
    count: Mapped[int] = mapped_column(Integer, default=1)
    first_seen: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    status: Mapped[str] = mapped_column(String(12), default="open", index=True)
    item_id: Mapped[str | None] = mapped_column(String(80), nullable=True)  # attached item
    candidates: Mapped[list] = mapped_column(JSON, default=list)  # item ids retrieval offered
    retrieval_status: Mapped[str] = mapped_column(String(12))  # unsure | not_found


class RatingRow(Base):
    """A 好差评 rating of one answer, with the 差评 reason and call-back follow-up."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    session_key: Mapped[str] = mapped_column(String(160), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    score: Mapped[int] = mapped_column(Integer, index=True)  # 5 非常满意 .. 1 非常不满意
    label: Mapped[str] = mapped_column(String(10))
    question: Mapped[str | None] = mapped_column(Text, nullable=True)
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    item_id: Mapped[str | None] = mapped_column(String(80), nullable=True, index=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    callback_wanted: Mapped[bool] = mapped_column(Boolean, default=False)
    phone: Mapped[str | None] = mapped_column(String(30), nullable=True)
    follow_up: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    follow_up_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
