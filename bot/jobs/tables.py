"""The table of pre-review jobs, on the shared ``knowledge.db.Base``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from knowledge.db import Base


class JobRow(Base):
    """What was asked (item, situations, applicant, stored files) and, once done, the result
    with ID numbers masked; the full result only sealed to the owner's key."""

    __tablename__ = "prereview_jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(80), index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)
    situations: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    applicant: Mapped[str | None] = mapped_column(String(200), nullable=True)
    review_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    files: Mapped[list] = mapped_column(JSON)  # [{"name": as uploaded, "path": stored}]
    owner: Mapped[str | None] = mapped_column(String(160), nullable=True, index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    seal_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # public, base64
    seal_secret: Mapped[str | None] = mapped_column(Text, nullable=True)  # private, token-locked
    result: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # ID numbers masked
    sealed: Mapped[str | None] = mapped_column(Text, nullable=True)  # full result, owner's key
    error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
