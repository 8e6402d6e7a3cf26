"""The unanswered-questions queue (未答问题): group, attach as an alias, dismiss, reopen.

Attaching turns a citizen's own wording into a 相似问法 (alias) of an item
through :meth:`knowledge.Store.save`, so it has history and an author like any
edit, and the search index learns it on the next refresh.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import sessionmaker

from bot.admin.grouping import QuestionGroup, group_questions
from bot.dialog.tables import UNANSWERED_STATES, UnansweredRow
from knowledge import Guide, Store

MAX_GROUPED = 2000  # the most recent open questions considered for grouping


def open_groups(db: sessionmaker) -> list[QuestionGroup]:
    query = (
        select(UnansweredRow)
        .where(UnansweredRow.status == "open")
        .order_by(UnansweredRow.last_seen.desc())
        .limit(MAX_GROUPED)
    )
    with db() as session:
        return group_questions(list(session.scalars(query)))


def closed(db: sessionmaker, status: str, limit: int = 200) -> list[UnansweredRow]:
    query = (
        select(UnansweredRow)
        .where(UnansweredRow.status == status)
        .order_by(UnansweredRow.last_seen.desc())
        .limit(limit)
    )
    with db() as session:
        return list(session.scalars(query))


def rows(db: sessionmaker, ids: list[int]) -> list[UnansweredRow]:
    if not ids:
        return []
    with db() as session:
        return list(session.scalars(select(UnansweredRow).where(UnansweredRow.id.in_(ids))))


def counts(db: sessionmaker) -> dict[str, int]:
    """How many questions are open, dismissed and attached (one row per distinct question)."""
    query = select(UnansweredRow.status, func.count()).group_by(UnansweredRow.status)
    with db() as session:
        found = dict(session.execute(query).all())
    return {status: found.get(status, 0) for status in UNANSWERED_STATES}


def with_aliases(guide: Guide, texts: list[str]) -> tuple[Guide, list[str]]:
    """The guide with ``texts`` added to its aliases, and which of them were new."""
    present = {alias.strip() for alias in guide.aliases}
    added = []
    for text in texts:
        text = text.strip()
        if text and text not in present and text != guide.name:
            present.add(text)
            added.append(text)
    return guide.model_copy(update={"aliases": [*guide.aliases, *added]}), added


def attach(
    db: sessionmaker, store: Store, ids: list[int], guide: Guide, texts: list[str], author: str
) -> list[str]:
    """Add ``texts`` as aliases of ``guide`` and mark the questions attached; the new aliases."""
    updated, added = with_aliases(guide, texts)
    if added:
        store.save(updated, author, "相似问法来自未答问题：" + "；".join(added))
    set_status(db, ids, "attached", guide.id)
    return added


def set_status(db: sessionmaker, ids: list[int], status: str, item_id: str | None = None) -> None:
    with db.begin() as session:
        session.execute(
            update(UnansweredRow)
            .where(UnansweredRow.id.in_(ids))
            .values(status=status, item_id=item_id)
        )
