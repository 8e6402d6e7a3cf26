"""The item card shown beside an answer, so that the citizen can check the source."""

from __future__ import annotations

from bot.dialog.messages import ItemCard
from bot.links import safe_link
from knowledge import Guide


def card_for(guide: Guide, allow_http: bool = False) -> ItemCard:
    """The item card: name, department, time limit, fees, where, and the online-service link
    when it is one citizens may follow (``bot.links``; a database from before that check
    may hold another)."""
    limit = None
    if guide.time_limit is not None:
        t = guide.time_limit
        if t.promised == 0:
            limit = "即办（当场办结）"
        elif t.promised is not None:
            limit = f"承诺{t.promised}个{t.unit}"
        elif t.statutory is not None:
            limit = f"法定{t.statutory}个{t.unit}"
    location = guide.locations[0] if guide.locations else None
    return ItemCard(
        id=guide.id,
        name=guide.name,
        department=guide.department,
        handling=guide.handling,
        time_limit=limit,
        fees=guide.fees,
        visits=guide.visits,
        location=(
            "，".join(p for p in (location.name, location.address) if p) if location else None
        ),
        hours=location.hours if location else None,
        phone=location.phone if location else None,
        online_url=safe_link(guide.online_url, allow_http),
    )
