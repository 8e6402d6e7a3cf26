"""Drafts converted from a centre's existing guides (导入草稿), kept apart from the items.

A draft lives in its own table until a person publishes it: the chat and the search
index read only the items table, so nothing converted is live before staff have looked
at it. Publishing checks the edited YAML exactly as the guide editor checks its form
(:func:`bot.admin.checks.check_guide`: schema, then lint; errors block and the text
typed is kept) and saves it with the history note ``导入：<source file>``.
"""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml
from sqlalchemy import JSON, DateTime, Integer, String, Text, select, update
from sqlalchemy.orm import Mapped, mapped_column, sessionmaker

from bot.admin.checks import FORM, Problems, check_guide
from knowledge import Guide, Problem, Store
from knowledge.convert import Draft, convert_sources, draft_yaml, review_markdown
from knowledge.db import Base, utcnow
from prereview.limits import Limits

DRAFT, PUBLISHED, DISCARDED = "draft", "published", "discarded"


class GuideDraftRow(Base):
    """One converted item waiting for staff: the YAML as last edited and its review list."""

    __tablename__ = "guide_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch: Mapped[str] = mapped_column(String(32), index=True)  # one upload
    item_id: Mapped[str] = mapped_column(String(80))  # the id proposed by the converter
    name: Mapped[str] = mapped_column(String(200))
    file: Mapped[str] = mapped_column(String(255))  # the uploaded file, as staff named it
    text: Mapped[str] = mapped_column(Text)  # the draft YAML, with staff's edits
    review: Mapped[dict] = mapped_column(JSON)  # doubts, unplaced, normalised, problems
    review_md: Mapped[str] = mapped_column(Text)  # the same, as review.md for printing
    status: Mapped[str] = mapped_column(String(12), index=True, default=DRAFT)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    changed_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    published_id: Mapped[str | None] = mapped_column(String(80), nullable=True)


@dataclass
class Conversion:
    """What one upload produced: the new drafts' row ids, and files that could not be read."""

    batch: str = ""
    draft_ids: list[int] = field(default_factory=list)
    open_points: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


def check_sizes(uploads: list[tuple[str, bytes]], limits: Limits) -> list[tuple[str, str]]:
    """The size rules every upload door applies (``prereview.limits``), as (file, reason).

    The file types are the converter's own (its readers refuse, in Chinese, any other).
    """
    if len(uploads) > limits.max_files:
        return [("-", limits.too_many_files())]
    if sum(len(data) for _, data in uploads) > limits.max_job_bytes:
        return [("-", limits.job_too_big())]
    return [
        (name, limits.file_too_big()) for name, data in uploads if len(data) > limits.max_file_bytes
    ]


def convert_uploads(
    db: sessionmaker, store: Store, uploads: list[tuple[str, bytes]], author: str
) -> Conversion:
    """Convert uploaded files into drafts (one row per item found); nothing goes live.

    Each file keeps its own name (the converter records it as ``source.file``), in a
    folder of its own so that two uploads of the same name do not collide.
    """
    taken = {g.id for g in store.list()} | open_item_ids(db)
    with tempfile.TemporaryDirectory(prefix="onetrip-convert-") as tmp:
        shown: dict[str, str] = {}
        paths: list[Path] = []
        for n, (name, data) in enumerate(uploads):
            path = Path(tmp) / str(n) / _flat_name(name)
            path.parent.mkdir()
            path.write_bytes(data)
            shown[str(path)] = name
            paths.append(path)
        summary = convert_sources(paths, existing_ids=taken)
    conversion = Conversion(batch=secrets.token_hex(8))
    conversion.failures = [(shown.get(file, file), reason) for file, reason in summary.failures]
    conversion.open_points = summary.open_points
    now = utcnow()
    with db.begin() as session:
        rows = [_row(draft, conversion.batch, author, now) for draft in summary.drafts]
        session.add_all(rows)
        session.flush()
        conversion.draft_ids = [row.id for row in rows]
    return conversion


def _flat_name(name: str) -> str:
    """The file's own name without any folder part (never ``..`` or an absolute path)."""
    path = PurePosixPath(name.replace("\\", "/").replace("\0", ""))
    stem = path.stem[:80] if path.name not in ("", ".", "..") else "upload"
    return stem + path.suffix[:10]


def _row(draft: Draft, batch: str, author: str, now: dt.datetime) -> GuideDraftRow:
    review = draft.review
    return GuideDraftRow(
        batch=batch,
        item_id=draft.id,
        name=draft.name[:200],
        file=str(draft.data.get("source", {}).get("file", ""))[:255],
        text=draft_yaml(draft),
        review={
            "problems": list(draft.problems),
            "doubts": [list(pair) for pair in review.doubts],
            "unplaced": [list(pair) for pair in review.unplaced],
            "normalised": [list(triple) for triple in review.normalised],
        },
        review_md=review_markdown([draft], []),
        status=DRAFT,
        created_by=author,
        created_at=now,
    )


def open_item_ids(db: sessionmaker) -> set[str]:
    """Ids proposed by drafts nobody has published or discarded yet (not to be reused)."""
    with db() as session:
        return set(session.scalars(select(GuideDraftRow.item_id).where(_is_open())))


def _is_open():
    return GuideDraftRow.status == DRAFT


def open_drafts(db: sessionmaker) -> list[GuideDraftRow]:
    """Drafts waiting for staff, oldest upload first, in the order the files were read."""
    with db() as session:
        return list(
            session.scalars(select(GuideDraftRow).where(_is_open()).order_by(GuideDraftRow.id))
        )


def recent_done(db: sessionmaker, limit: int = 20) -> list[GuideDraftRow]:
    """Drafts lately published or discarded, newest first (what became of an import)."""
    with db() as session:
        query = select(GuideDraftRow).where(GuideDraftRow.status != DRAFT)
        return list(session.scalars(query.order_by(GuideDraftRow.changed_at.desc()).limit(limit)))


def get_draft(db: sessionmaker, draft_id: int) -> GuideDraftRow | None:
    with db() as session:
        return session.get(GuideDraftRow, draft_id)


def next_open(db: sessionmaker, after: GuideDraftRow) -> GuideDraftRow | None:
    """The next draft of the same upload still to be done, else any open draft."""
    drafts = [d for d in open_drafts(db) if d.id != after.id]
    same = [d for d in drafts if d.batch == after.batch]
    return (same or drafts or [None])[0]


def keep_text(db: sessionmaker, draft_id: int, text: str, author: str) -> bool:
    """Save staff's edits of an open draft without publishing it; False if it is not open."""
    return _change(db, draft_id, author, text=text)


def discard(db: sessionmaker, draft_id: int, author: str) -> bool:
    return _change(db, draft_id, author, status=DISCARDED)


def _change(db: sessionmaker, draft_id: int, author: str, **values: object) -> bool:
    with db.begin() as session:
        result = session.execute(
            update(GuideDraftRow)
            .where(GuideDraftRow.id == draft_id, _is_open())
            .values(changed_by=author, changed_at=utcnow(), **values)
        )
        return bool(result.rowcount)


def check_text(text: str, store: Store) -> tuple[Guide | None, Problems]:
    """The guide in the edited YAML and every problem, as the guide editor checks its form.

    An id already used by an item is an error: publishing a draft adds an item and never
    replaces one (to change an item, staff edit it on its own page).
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else "-"
        reason = getattr(exc, "problem", None) or str(exc)
        return None, Problems((Problem(FORM, "-", f"YAML 格式错误（{where}）：{reason}"),))
    if not isinstance(data, dict):
        return None, Problems((Problem(FORM, "-", "内容应为一个事项（字段: 值 的映射）"),))
    return check_guide(data, store, creating=True)


def publish(
    db: sessionmaker, store: Store, row: GuideDraftRow, guide: Guide, text: str, author: str
) -> bool:
    """Save the checked guide as a new item, its history noting the source file; False if
    someone else published or discarded the draft first.

    The draft is claimed first, so two staff publishing at once add the item once.
    """
    source = guide.source.file if guide.source and guide.source.file else row.file
    if not _change(db, row.id, author, status=PUBLISHED, text=text, published_id=guide.id):
        return False
    try:
        store.save(guide, author, note=f"导入：{source}")
    except Exception:
        _reopen(db, row.id)
        raise
    return True


def _reopen(db: sessionmaker, draft_id: int) -> None:
    with db.begin() as session:
        session.execute(
            update(GuideDraftRow)
            .where(GuideDraftRow.id == draft_id)
            .values(status=DRAFT, published_id=None)
        )
