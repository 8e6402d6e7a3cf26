"""Numbers for the dashboard (工作台), read from the chat log and pre-review jobs.

A citizen's question ends in one of three replies, logged with its kind:
``answer`` (answered with confidence), ``choose`` (a clarifying choice between
candidates) or ``not_found``. The answer rate is the share of ``answer``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from bot.admin.web import CHINA
from bot.dialog.tables import ChatLogRow
from bot.jobs import DONE, JobRow
from knowledge.db import utcnow

QUESTION_KINDS = ("answer", "choose", "not_found")


@dataclass(frozen=True)
class Day:
    date: dt.date
    asked: int
    answered: int


@dataclass(frozen=True)
class Questions:
    days: list[Day]
    top_items: list[tuple[str, int]]  # (item id, times answered)

    @property
    def asked(self) -> int:
        return sum(d.asked for d in self.days)

    @property
    def answered(self) -> int:
        return sum(d.answered for d in self.days)

    @property
    def answer_rate(self) -> float | None:
        return self.answered / self.asked if self.asked else None

    @property
    def busiest(self) -> int:
        return max((d.asked for d in self.days), default=0)


def questions(db: sessionmaker, days: int = 14, top: int = 10) -> Questions:
    """Questions per day (Beijing dates) over the last ``days`` days, and the items most asked."""
    today = dt.datetime.now(CHINA).date()
    first = today - dt.timedelta(days=days - 1)
    since = dt.datetime.combine(first, dt.time(), CHINA).astimezone(dt.UTC).replace(tzinfo=None)
    since = min(since, utcnow())
    asked: Counter[dt.date] = Counter()
    answered: Counter[dt.date] = Counter()
    query = select(ChatLogRow.created_at, ChatLogRow.status).where(
        ChatLogRow.direction == "out",
        ChatLogRow.status.in_(QUESTION_KINDS),
        ChatLogRow.created_at >= since,
    )
    top_query = (
        select(ChatLogRow.item_id, func.count())
        .where(
            ChatLogRow.direction == "out",
            ChatLogRow.status == "answer",
            ChatLogRow.item_id.is_not(None),
            ChatLogRow.created_at >= since,
        )
        .group_by(ChatLogRow.item_id)
        .order_by(func.count().desc(), ChatLogRow.item_id)
        .limit(top)
    )
    with db() as session:
        for at, status in session.execute(query):
            day = at.replace(tzinfo=dt.UTC).astimezone(CHINA).date()
            asked[day] += 1
            answered[day] += status == "answer"
        top_items = [(item, n) for item, n in session.execute(top_query)]
    dates = [first + dt.timedelta(days=i) for i in range(days)]
    return Questions([Day(d, asked[d], answered[d]) for d in dates], top_items)


@dataclass(frozen=True)
class ItemReviews:
    item: str
    jobs: int
    done: int
    complete: int  # results with nothing missing or defective


@dataclass(frozen=True)
class MaterialGap:
    """A material of an item that applicants often lacked (missing) or got wrong (defective)."""

    item: str
    material: str
    name: str
    missing: int
    defective: int
    problems: list[tuple[str, int]]  # most common reasons it was defective

    @property
    def total(self) -> int:
        return self.missing + self.defective


@dataclass(frozen=True)
class Reviews:
    items: list[ItemReviews]
    gaps: list[MaterialGap]

    @property
    def jobs(self) -> int:
        return sum(i.jobs for i in self.items)


def reviews(db: sessionmaker, top: int = 10) -> Reviews:
    """Pre-review jobs per item and the materials most often missing or defective.

    Jobs are deleted after the retention period (``ONETRIP_RETENTION_DAYS``), so
    these figures cover the jobs still kept.
    """
    per_item: dict[str, list[int]] = {}
    gaps: dict[tuple[str, str], dict] = {}
    query = select(JobRow.item_id, JobRow.status, JobRow.result)
    with db() as session:
        for item, status, result in session.execute(query):
            counts = per_item.setdefault(item, [0, 0, 0])
            counts[0] += 1
            if status != DONE or not result:
                continue
            counts[1] += 1
            counts[2] += bool(result.get("complete"))
            for material in result.get("materials", []):
                kind = material.get("status")
                if kind not in ("missing", "defective"):
                    continue
                gap = gaps.setdefault(
                    (item, material.get("id", "")),
                    {
                        "name": material.get("name", ""),
                        "missing": 0,
                        "defective": 0,
                        "why": Counter(),
                    },
                )
                gap[kind] += 1
                if kind == "defective":
                    gap["why"].update(material.get("problems") or [])
    items = [ItemReviews(item, *counts) for item, counts in per_item.items()]
    items.sort(key=lambda r: (-r.jobs, r.item))
    found = [
        MaterialGap(item, mid, g["name"], g["missing"], g["defective"], g["why"].most_common(2))
        for (item, mid), g in gaps.items()
    ]
    found.sort(key=lambda g: (-g.total, g.item, g.material))
    return Reviews(items[:top], found[:top])
