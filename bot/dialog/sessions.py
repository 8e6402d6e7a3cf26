"""Conversation storage: session state with a time-out, the message log and hand-off flags.

All of it is in the database, so that a restart or another app process sees it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, insert, select

from bot._db import Database
from bot.dialog.state import State
from bot.dialog.tables import ChatLogRow, ChatSessionRow
from bot.privacy import mask_personal, personal_numbers
from knowledge.db import utcnow


@dataclass(frozen=True)
class Flag:
    key: str
    flagged_at: dt.datetime
    item: str | None
    note: str | None


class SessionStore:
    """Sessions keyed ``channel:user``; a session idle longer than ``timeout`` starts afresh."""

    def __init__(self, engine: Engine, timeout: dt.timedelta = dt.timedelta(minutes=30)) -> None:
        self.engine = engine
        self.timeout = timeout
        self._db = Database(engine)
        # Built once: every chat turn runs these two.
        sessions = ChatSessionRow.__table__
        self._state_of = select(sessions.c.state, sessions.c.updated_at).where(
            sessions.c.key == bindparam("key")
        )
        self._save_state = self._db.upsert(sessions, None, ["key"], ["state", "updated_at"])
        self._add_log = insert(ChatLogRow.__table__)

    # -- state -------------------------------------------------------------

    def load(self, key: str) -> State:
        with self.engine.connect() as connection:
            row = connection.execute(self._state_of, {"key": key}).first()
        if row is None or utcnow() - row.updated_at > self.timeout:
            return State()
        return State.from_json(row.state)

    def save_turn(
        self,
        key: str,
        state: State,
        log: list[tuple[str, str, str | None, str | None]],
    ) -> None:
        """Save the state and the turn's messages (direction, text, item, status) together.

        Personal numbers are masked before they are stored: everywhere in what the citizen
        wrote, and in the bot's replies where they quote it (the guides' public telephone
        numbers stay as they are).
        """
        now = utcnow()
        typed = set().union(*(personal_numbers(t) for d, t, _, _ in log if d == "in"))
        values = {
            "key": key,
            "channel": key.split(":", 1)[0],
            "state": state.to_json(),
            "created_at": now,
            "updated_at": now,
        }
        rows = [
            {
                "session_key": key,
                "direction": direction,
                "text": mask_personal(text, only=None if direction == "in" else typed),
                "item_id": item,
                "status": status,
                "created_at": now,
            }
            for direction, text, item, status in log
        ]
        with self._db.write_core() as connection:
            connection.execute(self._save_state, values)
            if rows:
                connection.execute(self._add_log, rows)

    def history(self, key: str, limit: int = 50) -> list[ChatLogRow]:
        """The last ``limit`` messages of a conversation, oldest first."""
        query = (
            select(ChatLogRow)
            .where(ChatLogRow.session_key == key)
            .order_by(ChatLogRow.id.desc())
            .limit(limit)
        )
        with self._db.read() as session:
            return list(reversed(session.scalars(query).all()))

    # -- hand-off to staff (人工) --------------------------------------------

    def flag(self, key: str, item: str | None, note: str | None) -> None:
        """Mark the conversation for staff; the session row is created if needed."""
        now = utcnow()
        values = {
            "key": key,
            "channel": key.split(":", 1)[0],
            "state": State().to_json(),
            "created_at": now,
            "updated_at": now,
            "flagged_at": now,
            "flag_item": item,
            "flag_note": mask_personal(note or "")[:500] or None,
        }
        with self._db.write() as session:
            session.execute(
                self._db.upsert(
                    ChatSessionRow.__table__,
                    values,
                    ["key"],
                    ["flagged_at", "flag_item", "flag_note"],
                )
            )

    def flagged(self) -> list[Flag]:
        query = (
            select(ChatSessionRow)
            .where(ChatSessionRow.flagged_at.is_not(None))
            .order_by(ChatSessionRow.flagged_at.desc())
        )
        with self._db.read() as session:
            return [
                Flag(r.key, r.flagged_at, r.flag_item, r.flag_note) for r in session.scalars(query)
            ]
