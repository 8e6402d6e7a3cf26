"""Tables of the staff workbench (工作人员后台), on the shared ``knowledge.db.Base``.

Staff sessions and the audit log live in the database, not in process memory, so
that several app processes behind a load balancer share logins and one audit
trail (login attempts are counted in ``bot.counters``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.db import Base

ROLES = ("editor", "admin")
ROLE_LABELS = {"editor": "编辑", "admin": "管理员"}


class StaffUserRow(Base):
    """A staff account: editors keep the guides, admins also manage accounts."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(10))  # editor | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_login: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class StaffSessionRow(Base):
    """A logged-in browser; the cookie holds the signed token, the table only its hash."""

    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("staff_users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime)
    flash: Mapped[list] = mapped_column(JSON, default=list)  # messages for the next page


class AuditRow(Base):
    """One staff change: who, when, what, on which target (操作日志)."""

    __tablename__ = "staff_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text, nullable=True)
