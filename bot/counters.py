"""Counters per key in fixed time windows, in the database, taken in one atomic statement.

Limits that must hold across threads and app processes (login attempts,
pre-review jobs and pages per conversation or address) cannot read a count and
write it later: a burst of requests all read the same old count. Here taking a
unit is one ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` that both adds to
the count and returns the new value, on SQLite (3.35+) and PostgreSQL alike;
whoever gets a value over the limit is refused. A window starts with the first
unit taken after the previous one ended.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Engine, Integer, String, case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from bot._db import Database
from knowledge.db import Base, utcnow


class CounterRow(Base):
    """Units taken for one key since ``window_start``."""

    __tablename__ = "rate_counters"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    count: Mapped[int] = mapped_column(Integer)


class Counters:
    """Take, give back and clear units per key; see the module docstring."""

    def __init__(self, engine: Engine) -> None:
        self._db = Database(engine)
        self._insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert

    def take(
        self, key: str, window: dt.timedelta, amount: int = 1, now: dt.datetime | None = None
    ) -> int:
        """Add ``amount`` to ``key``'s count in the current window; returns the new count."""
        now = now or utcnow()
        table = CounterRow.__table__
        statement = self._insert(table).values(key=key[:200], window_start=now, count=amount)
        expired = table.c.window_start <= now - window
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": case((expired, amount), else_=table.c.count + amount),
                "window_start": case((expired, now), else_=table.c.window_start),
            },
        ).returning(table.c.count)
        with self._db.write_core() as connection:
            return int(connection.execute(statement).scalar_one())

    def give_back(self, key: str, amount: int = 1) -> None:
        """Return units taken for something that turned out not to count (a good login)."""
        table = CounterRow.__table__
        with self._db.write_core() as connection:
            connection.execute(
                update(table)
                .where(table.c.key == key[:200])
                .values(count=case((table.c.count > amount, table.c.count - amount), else_=0))
            )

    def clear(self, key: str) -> None:
        with self._db.write_core() as connection:
            connection.execute(delete(CounterRow.__table__).where(CounterRow.key == key[:200]))

    def count(self, key: str, window: dt.timedelta, now: dt.datetime | None = None) -> int:
        """The count of ``key`` in its current window (0 once the window has passed)."""
        now = now or utcnow()
        query = select(CounterRow.count).where(
            CounterRow.key == key[:200], CounterRow.window_start > now - window
        )
        with self._db.read() as session:
            return session.scalar(query) or 0

    def purge(self, older_than: dt.timedelta, now: dt.datetime | None = None) -> int:
        """Delete counters whose window started longer ago than ``older_than``."""
        cutoff = (now or utcnow()) - older_than
        with self._db.write_core() as connection:
            result = connection.execute(
                delete(CounterRow.__table__).where(CounterRow.window_start < cutoff)
            )
            return result.rowcount or 0
