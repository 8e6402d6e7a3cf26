"""Which conversation started which pre-review job, and whether its notice was delivered.

The link is what lets the process that ran a job — the app or any worker — tell
the right citizen, and only once.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Engine, String, update
from sqlalchemy.orm import Mapped, mapped_column

from bot._db import Database
from knowledge.db import Base, utcnow


class ChatJobRow(Base):
    """A pre-review job started from a conversation, and whether its notice was delivered."""

    __tablename__ = "chat_jobs"

    job_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    session_key: Mapped[str] = mapped_column(String(160), index=True)
    item_id: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ConversationJobs:
    def __init__(self, engine: Engine) -> None:
        self._db = Database(engine)

    def link(self, job_id: str, key: str, item: str) -> None:
        with self._db.write() as session:
            session.add(
                ChatJobRow(job_id=job_id, session_key=key, item_id=item, created_at=utcnow())
            )

    def session_of(self, job_id: str) -> str | None:
        """The conversation that started the job; None for a job from elsewhere."""
        with self._db.read() as session:
            row = session.get(ChatJobRow, job_id)
            return row.session_key if row else None

    def claim_delivery(self, job_id: str) -> bool:
        """True once per job: whoever gets True delivers (pushes) the notice."""
        with self._db.write() as session:
            result = session.execute(
                update(ChatJobRow)
                .where(ChatJobRow.job_id == job_id, ChatJobRow.delivered_at.is_(None))
                .values(delivered_at=utcnow())
            )
            return bool(result.rowcount)
