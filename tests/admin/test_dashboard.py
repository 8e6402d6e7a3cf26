"""The dashboard: questions per day, answer rate, items asked, pre-review gaps, 整改率."""

from __future__ import annotations

import datetime as dt

from bot.admin import stats
from bot.compose import open_database
from bot.dialog.tables import ChatLogRow
from bot.jobs import JobRow
from knowledge import Store
from knowledge.db import utcnow

ITEM = "gongan-juzhuzheng-shenling"


def _reply(kind: str, item: str | None, days_ago: int = 0) -> ChatLogRow:
    at = utcnow() - dt.timedelta(days=days_ago)
    return ChatLogRow(
        session_key="web:x", direction="out", text="…", item_id=item, status=kind, created_at=at
    )


def _job(n: int, materials: list[dict], status: str = "done") -> JobRow:
    result = {"item": ITEM, "complete": not materials, "materials": materials}
    return JobRow(
        id=f"job{n}",
        item_id=ITEM,
        status=status,
        files=[],
        result=result if status == "done" else None,
        created_at=utcnow(),
    )


def test_dashboard_figures(admin, sample_store: Store):
    db = open_database(sample_store)
    lease = {"id": "lease", "name": "房屋租赁合同", "status": "missing", "problems": []}
    expired = {
        "id": "id-card",
        "name": "申领人居民身份证",
        "status": "defective",
        "problems": ["证件已过期"],
    }
    with db.begin() as session:
        session.add_all(
            [
                *(_reply("answer", ITEM), _reply("answer", ITEM), _reply("not_found", None)),
                *(_reply("choose", None, 1), _reply("answer", "minzheng-jiehun-dengji", 1)),
                *(_reply("social", None), _reply("answer", ITEM, 30)),
                *(_job(1, [lease]), _job(2, [lease, expired]), _job(3, [])),
                _job(4, [], "running"),
            ]
        )
    figures = stats.questions(db)
    assert figures.asked == 5 and figures.answered == 3
    assert figures.days[-1].asked == 3 and figures.days[-2].asked == 2
    assert figures.top_items[0] == (ITEM, 2)
    reviews = stats.reviews(db)
    assert reviews.items[0].jobs == 4 and reviews.items[0].done == 3
    assert reviews.items[0].complete == 1
    assert [(g.material, g.missing, g.defective) for g in reviews.gaps] == [
        ("lease", 2, 0),
        ("id-card", 0, 1),
    ]
    assert reviews.gaps[1].problems == [("证件已过期", 1)]

    page = admin.get("/admin").text
    assert "60%" in page  # 3 of 5 questions answered directly
    assert "居住证申领" in page and "房屋租赁合同" in page and "证件已过期" in page
    assert "缺 2 · 不合格 0" in page
