"""WeChat messages seen once: WeChat retries a message it got no answer to within five seconds,
up to three times, so each message is claimed in the database before it is handled and a
repeat waits for the first handling's reply (whichever app process has it)."""

from __future__ import annotations

import datetime as dt
import time

from sqlalchemy import JSON, DateTime, Engine, String, bindparam, delete, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from bot._db import Database
from bot.privacy import mask_personal
from knowledge.db import Base, utcnow


class InboundRow(Base):
    """A channel message seen once, and the reply it got."""

    __tablename__ = "inbound_messages"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[str] = mapped_column(String(12))  # processing | done
    reply: Mapped[list | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)


class InboundMessages:
    """Claim a message once, store its reply, let a repeat wait for that reply."""

    def __init__(self, engine: Engine) -> None:
        self._db = Database(engine)
        inbound = InboundRow.__table__
        self._claim = insert(inbound)
        self._finish = (
            update(inbound)
            .where(inbound.c.key == bindparam("done_key"))
            .values(state="done", reply=bindparam("reply"))
        )

    def claim(self, key: str) -> bool:
        """True for the first delivery of a channel message, False for a repeat."""
        try:
            with self._db.write_core() as connection:
                connection.execute(
                    self._claim, {"key": key, "state": "processing", "created_at": utcnow()}
                )
            return True
        except IntegrityError:
            return False

    def finish(self, key: str, reply: list[str]) -> None:
        """Keep the reply for WeChat's retries, masked: it may quote the citizen's numbers."""
        masked = [mask_personal(piece) for piece in reply]
        with self._db.write_core() as connection:
            connection.execute(self._finish, {"done_key": key, "reply": masked})

    def wait_reply(self, key: str, timeout: float, interval: float = 0.1) -> list[str] | None:
        """The reply of a message first delivered elsewhere, once that delivery is done."""
        deadline = time.monotonic() + timeout
        while True:
            with self._db.read() as session:
                row = session.get(InboundRow, key)
                if row is not None and row.state == "done":
                    return list(row.reply or [])
            if time.monotonic() >= deadline:
                return None
            time.sleep(interval)

    def purge(self, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
        with self._db.write() as session:
            result = session.execute(
                delete(InboundRow).where(InboundRow.created_at < utcnow() - older_than)
            )
            return result.rowcount or 0
