"""Storage of guides and 一件事 bundles with history and a knowledge-base version.

Every change of an item or a bundle writes a history row (who, when, what) and
raises the knowledge-base version (知识库版本) by one per transaction; the search
index keys on that number and asks :meth:`Store.changes_since` what to re-embed.
A change that would break a bundle (an item it names deleted, a material it
shares removed) is refused whole with :class:`PublishBlocked`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import JSON, DateTime, Engine, Integer, String, func, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge._bundle_model import Bundle
from knowledge._bundle_store import (
    BundleHistoryEntry,
    BundleHistoryRow,
    BundleRow,
    bundle_errors,
    history_entry,
    record_bundle,
)
from knowledge.db import Base, create_tables, make_engine, make_sessionmaker, utcnow
from knowledge.loader import Problem
from knowledge.schema import Guide


class ItemRow(Base):
    __tablename__ = "items"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(20), index=True)
    department: Mapped[str] = mapped_column(String(200), index=True)
    data: Mapped[dict] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer)
    kb_version: Mapped[int] = mapped_column(Integer, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_by: Mapped[str] = mapped_column(String(100))


class ItemHistoryRow(Base):
    __tablename__ = "item_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    item_id: Mapped[str] = mapped_column(String(80), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))  # create | update | restore | delete
    data: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    kb_version: Mapped[int] = mapped_column(Integer, index=True)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(String(500), nullable=True)


class MetaRow(Base):
    __tablename__ = "kb_meta"

    key: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


@dataclass(frozen=True)
class ImportCounts:
    added: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class HistoryEntry:
    revision: int
    action: str
    changed_at: dt.datetime
    changed_by: str
    kb_version: int
    guide: Guide | None
    note: str | None = None


@dataclass(frozen=True)
class Changes:
    """What changed after a knowledge-base version: ids to re-embed and ids to drop."""

    version: int
    changed: list[str]
    deleted: list[str]


class ItemNotFound(LookupError):
    pass


class PublishBlocked(ValueError):
    """A change that would leave a bundle broken; nothing of it was written.

    ``problems`` are the bundle lint errors the change would cause, each
    ``一件事 <id>: field: message``.
    """

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("；".join(map(str, problems)))
        self.problems = problems


_KB_VERSION = "kb_version"


_VERSION_QUERY = select(MetaRow.value).where(MetaRow.key == _KB_VERSION)


class Store:
    """The knowledge base in a SQL database (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = make_sessionmaker(engine)
        create_tables(engine)
        with self._sessions.begin() as session:
            if session.get(MetaRow, _KB_VERSION) is None:
                session.add(MetaRow(key=_KB_VERSION, value=0))

    @classmethod
    def from_url(cls, url: str) -> Store:
        return cls(make_engine(url))

    # -- reading ---------------------------------------------------------

    def version(self) -> int:
        # Core, not an ORM session: every chat turn asks (0.05 ms instead of 0.2 ms).
        with self.engine.connect() as connection:
            return connection.execute(_VERSION_QUERY).scalar() or 0

    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count()).select_from(ItemRow)) or 0

    def get(self, item_id: str) -> Guide | None:
        with self._sessions() as session:
            row = session.get(ItemRow, item_id)
            return Guide.model_validate(row.data) if row else None

    def list(self, category: str | None = None, department: str | None = None) -> list[Guide]:
        query = select(ItemRow.data).order_by(ItemRow.category, ItemRow.id)
        if category:
            query = query.where(ItemRow.category == category)
        if department:
            query = query.where(ItemRow.department == department)
        with self._sessions() as session:
            return [Guide.model_validate(data) for data in session.scalars(query)]

    def snapshot(self) -> tuple[int, list[Guide]]:
        """All guides and the version they belong to, read in one transaction."""
        with self._sessions() as session:
            version = session.scalar(select(MetaRow.value).where(MetaRow.key == _KB_VERSION))
            guides = [Guide.model_validate(d) for d in session.scalars(select(ItemRow.data))]
            return version or 0, guides

    def history(self, item_id: str) -> list[HistoryEntry]:
        """Every recorded version of an item, newest first."""
        query = (
            select(ItemHistoryRow)
            .where(ItemHistoryRow.item_id == item_id)
            .order_by(ItemHistoryRow.revision.desc())
        )
        with self._sessions() as session:
            return [
                HistoryEntry(
                    revision=row.revision,
                    action=row.action,
                    changed_at=row.changed_at,
                    changed_by=row.changed_by,
                    kb_version=row.kb_version,
                    guide=Guide.model_validate(row.data) if row.data else None,
                    note=row.note,
                )
                for row in session.scalars(query)
            ]

    def changes_since(self, version: int) -> Changes:
        with self._sessions() as session:
            current = session.scalar(select(MetaRow.value).where(MetaRow.key == _KB_VERSION)) or 0
            touched = set(
                session.scalars(
                    select(ItemHistoryRow.item_id).where(ItemHistoryRow.kb_version > version)
                )
            )
            present = set(session.scalars(select(ItemRow.id).where(ItemRow.id.in_(touched))))
        return Changes(current, sorted(present), sorted(touched - present))

    # -- writing ---------------------------------------------------------

    def import_guides(
        self, guides: list[Guide], author: str, note: str | None = None
    ) -> ImportCounts:
        """Upsert by id in one transaction: all guides are written, or none."""
        return self.publish(guides, [], author, note)[0]

    def import_bundles(
        self, bundles: list[Bundle], author: str, note: str | None = None
    ) -> ImportCounts:
        """Upsert bundles by id in one transaction: all are written, or none."""
        return self.publish([], bundles, author, note)[1]

    def publish(
        self,
        guides: Iterable[Guide],
        bundles: Iterable[Bundle],
        author: str,
        note: str | None = None,
    ) -> tuple[ImportCounts, ImportCounts]:
        """Guides and bundles in one transaction and one new version, or nothing.

        Returns the counts for guides and for bundles. Raises :class:`PublishBlocked`
        when the bundles, linted against the guides as they would be, get new errors.
        """
        guide_counts: Counter[str] = Counter()  # by action: create | update | unchanged
        bundle_counts: Counter[str] = Counter()
        with self._sessions.begin() as session:
            change = _Change(session)
            for guide in guides:
                row = session.get(ItemRow, guide.id)
                data = guide.to_data()
                if row is not None and row.data == data:
                    guide_counts["unchanged"] += 1
                    continue
                action = "create" if row is None else "update"
                guide_counts[action] += 1
                _write(session, row, guide, data, change.version(), author, action, note)
            for bundle in bundles:
                row = session.get(BundleRow, bundle.id)
                if row is not None and row.data == bundle.to_data():
                    bundle_counts["unchanged"] += 1
                    continue
                action = record_bundle(session, bundle.id, bundle, change.version(), author, note)
                bundle_counts[action] += 1
            change.check()
        return _counts(guide_counts), _counts(bundle_counts)

    def save(self, guide: Guide, author: str, note: str | None = None) -> bool:
        """Save one guide; returns False when nothing changed."""
        counts = self.import_guides([guide], author, note)
        return counts.unchanged == 0

    def restore(self, item_id: str, revision: int, author: str) -> Guide:
        """Make an old revision current again (recorded as a new revision)."""
        with self._sessions.begin() as session:
            old = session.scalar(
                select(ItemHistoryRow).where(
                    ItemHistoryRow.item_id == item_id, ItemHistoryRow.revision == revision
                )
            )
            if old is None or old.data is None:
                raise ItemNotFound(f"事项 {item_id} 没有第 {revision} 版")
            guide = Guide.model_validate(old.data)
            row = session.get(ItemRow, item_id)
            change = _Change(session)
            version = change.version()
            _write(
                session,
                row,
                guide,
                guide.to_data(),
                version,
                author,
                "restore",
                f"恢复第 {revision} 版",
            )
            change.check()
        return guide

    def delete(self, item_id: str, author: str) -> None:
        with self._sessions.begin() as session:
            row = session.get(ItemRow, item_id)
            if row is None:
                raise ItemNotFound(f"没有事项 {item_id}")
            change = _Change(session)
            version = change.version()
            session.add(
                ItemHistoryRow(
                    item_id=item_id,
                    revision=row.revision + 1,
                    action="delete",
                    data=None,
                    kb_version=version,
                    changed_at=utcnow(),
                    changed_by=author,
                )
            )
            session.delete(row)
            change.check()

    # -- bundles (一件事) --------------------------------------------------

    def get_bundle(self, bundle_id: str) -> Bundle | None:
        with self._sessions() as session:
            row = session.get(BundleRow, bundle_id)
            return Bundle.model_validate(row.data) if row else None

    def list_bundles(self) -> list[Bundle]:
        with self._sessions() as session:
            rows = session.scalars(select(BundleRow.data).order_by(BundleRow.id))
            return [Bundle.model_validate(data) for data in rows]

    def bundle_history(self, bundle_id: str) -> list[BundleHistoryEntry]:
        """Every recorded version of a bundle, newest first."""
        query = (
            select(BundleHistoryRow)
            .where(BundleHistoryRow.bundle_id == bundle_id)
            .order_by(BundleHistoryRow.revision.desc())
        )
        with self._sessions() as session:
            return [history_entry(row) for row in session.scalars(query)]

    def save_bundle(self, bundle: Bundle, author: str, note: str | None = None) -> bool:
        """Save one bundle; returns False when nothing changed."""
        return self.import_bundles([bundle], author, note).unchanged == 0

    def delete_bundle(self, bundle_id: str, author: str) -> None:
        """Delete a bundle (its history stays); refused if another bundle nests it."""
        with self._sessions.begin() as session:
            if session.get(BundleRow, bundle_id) is None:
                raise ItemNotFound(f"没有一件事 {bundle_id}")
            change = _Change(session)
            record_bundle(session, bundle_id, None, change.version(), author)
            change.check()


class _Change:
    """One publishing transaction: the version raised once, and the bundles kept whole.

    The bundle errors before the change are read right after the version is raised:
    that row is then locked, so no other publish slips in between. Only errors the
    change adds block it: a bundle already broken (say, by a new lint rule) does not
    stop staff from correcting a fee elsewhere.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._version: int | None = None
        self._before: set[str] = set()

    def version(self) -> int:
        if self._version is None:
            self._version = _bump_version(self.session)
            self._before = set(map(str, self._errors()))
        return self._version

    def check(self) -> None:
        """Raise :class:`PublishBlocked` (rolling back) if the change broke a bundle."""
        if self._version is None:
            return
        new = [p for p in self._errors() if str(p) not in self._before]
        if new:
            raise PublishBlocked(new)

    def _errors(self) -> list[Problem]:
        def item_data(ids: set[str]) -> Iterable[dict]:
            return self.session.scalars(select(ItemRow.data).where(ItemRow.id.in_(ids)))

        return bundle_errors(self.session, item_data)


def _counts(by_action: Counter[str]) -> ImportCounts:
    return ImportCounts(by_action["create"], by_action["update"], by_action["unchanged"])


def _bump_version(session: Session) -> int:
    """Raise the knowledge-base version atomically (safe with concurrent writers)."""
    session.execute(
        update(MetaRow).where(MetaRow.key == _KB_VERSION).values(value=MetaRow.value + 1)
    )
    return session.scalar(select(MetaRow.value).where(MetaRow.key == _KB_VERSION))


def _write(
    session: Session,
    row: ItemRow | None,
    guide: Guide,
    data: dict,
    version: int,
    author: str,
    action: str,
    note: str | None,
) -> None:
    now = utcnow()
    previous = session.scalar(
        select(func.max(ItemHistoryRow.revision)).where(ItemHistoryRow.item_id == guide.id)
    )
    revision = (previous or 0) + 1
    if row is None:
        row = ItemRow(id=guide.id)
        session.add(row)
    row.name = guide.name
    row.category = guide.category
    row.department = guide.department
    row.data = data
    row.revision = revision
    row.kb_version = version
    row.updated_at = now
    row.updated_by = author
    session.add(
        ItemHistoryRow(
            item_id=guide.id,
            revision=revision,
            action=action,
            data=data,
            kb_version=version,
            changed_at=now,
            changed_by=author,
            note=note,
        )
    )
