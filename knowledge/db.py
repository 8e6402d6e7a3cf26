"""Database plumbing shared by every layer: one declarative base, one engine factory.

SQLite (a file under ``ONETRIP_HOME``) is the default; a PostgreSQL URL makes
several app processes share one database. Other layers add their tables to
``Base.metadata`` and call :func:`create_tables` after importing them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import DeclarativeBase, sessionmaker


class Base(DeclarativeBase):
    pass


def utcnow() -> dt.datetime:
    """Naive UTC for every timestamp column: SQLite and PostgreSQL store the same value."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def sqlite_url(home: str | Path) -> str:
    path = Path(home).resolve() / "onetrip.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; ``postgresql://`` URLs use psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a commit no longer waits for fsync (the WAL is synced at
            # checkpoints). The database stays consistent; a power cut may lose the
            # last moments of chat logs. Under 20 concurrent chats the per-commit
            # fsync was a quarter of the machine's time in I/O wait (bench_chat).
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def create_tables(engine: Engine) -> None:
    Base.metadata.create_all(engine)


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)
