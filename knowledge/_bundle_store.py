"""The tables of 一件事 bundles and the check that keeps them consistent with the guides.

Bundles are kept like items: the current bundle (``Bundle.to_data()``) and a history
row per change. A bundle names items and their materials and situations, so every
publish — of guides or of bundles — lints the bundles against what the database will
hold after it (:func:`bundle_errors`); deleting an item a bundle uses is caught there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import JSON, DateTime, Integer, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge._bundle_lint import lint_bundle
from knowledge._bundle_model import Bundle
from knowledge.db import Base, utcnow
from knowledge.loader import Problem
from knowledge.schema import Guide


class BundleRow(Base):
    __tablename__ = "bundles"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer)
    kb_version: Mapped[int] = mapped_column(Integer, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(100))


class BundleHistoryRow(Base):
    __tablename__ = "bundle_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(String(80), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # create | update | delete
    data: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    kb_version: Mapped[int] = mapped_column(Integer, index=True)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)


@dataclass(frozen=True)
class BundleHistoryEntry:
    revision: int
    action: str
    changed_at: dt.datetime
    changed_by: str
    kb_version: int
    bundle: Bundle | None  # None for a deletion
    note: str | None = None


def history_entry(row: BundleHistoryRow) -> BundleHistoryEntry:
    return BundleHistoryEntry(
        revision=row.revision,
        action=row.action,
        changed_at=row.changed_at,
        changed_by=row.changed_by,
        kb_version=row.kb_version,
        bundle=Bundle.model_validate(row.data) if row.data else None,
        note=row.note,
    )


def record_bundle(
    session: Session,
    bundle_id: str,
    bundle: Bundle | None,
    version: int,
    author: str,
    note: str | None = None,
) -> str:
    """Write (or, with ``bundle`` None, delete) one bundle and its history row; the action."""
    row = session.get(BundleRow, bundle_id)
    previous = session.scalar(
        select(func.max(BundleHistoryRow.revision)).where(BundleHistoryRow.bundle_id == bundle_id)
    )
    now = utcnow()
    data = bundle.to_data() if bundle else None
    action = "delete" if bundle is None else "create" if row is None else "update"
    if bundle is None:
        session.delete(row)
    else:
        if row is None:
            row = BundleRow(id=bundle_id)
            session.add(row)
        row.name = bundle.name
        row.data = data
        row.revision = (previous or 0) + 1
        row.kb_version = version
        row.updated_at = now
        row.updated_by = author
    session.add(
        BundleHistoryRow(
            bundle_id=bundle_id,
            revision=(previous or 0) + 1,
            action=action,
            data=data,
            kb_version=version,
            changed_at=now,
            changed_by=author,
            note=note,
        )
    )
    return action


def bundle_errors(session: Session, item_data) -> list[Problem]:
    """Lint errors of every stored bundle against the stored guides, as the session sees them.

    ``item_data(ids)`` returns the stored guides' data for those ids: only the items
    the bundles name (and ids equal to a bundle id) are read, not the whole catalogue.
    Each problem's file is ``一件事 <id>``, the name staff know the bundle by.
    """
    bundles = {b.id: b for b in map(Bundle.model_validate, session.scalars(select(BundleRow.data)))}
    if not bundles:
        return []
    ids = {e.item for b in bundles.values() for e in b.items if e.item} | set(bundles)
    guides = {g.id: g for g in map(Guide.model_validate, item_data(ids))}
    return [
        problem
        for bundle in bundles.values()
        for problem in lint_bundle(bundle, f"一件事 {bundle.id}", guides, bundles)
        if problem.severity == "error"
    ]
