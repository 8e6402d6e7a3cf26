"""Hand-off to staff (人工): how to reach a person, for the item in context if there is one."""

from __future__ import annotations

from bot.dialog import texts
from knowledge import Guide


def contact_lines(guide: Guide | None, hotline: str, centre: str) -> list[str]:
    """The hotline, then the item's windows (at most two) or the centre's general desk."""
    lines = [texts.HUMAN_HEAD, texts.HUMAN_HOTLINE.format(hotline=hotline)]
    if guide is not None and guide.locations:
        for loc in guide.locations[:2]:
            parts = [
                loc.name,
                loc.address and f"地址：{loc.address}",
                loc.hours and f"时间：{loc.hours}",
                loc.phone and f"电话：{loc.phone}",
            ]
            where = "；".join(p for p in parts if p)
            lines.append(texts.HUMAN_WINDOW.format(name=guide.name, location=where))
    else:
        lines.append(texts.HUMAN_CENTRE.format(centre=centre))
    lines.append(texts.HUMAN_FLAGGED)
    return lines
