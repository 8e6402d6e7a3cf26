"""The words a bundle is told in, wherever it is told: the chat reply, the notice, ``kb show``.

An applicant reads the same 一件事 in the bot's answer and on the one-time notice
(一次性告知书), and staff check it with ``onetrip kb show``; the total time, the
visits, the window and the conditions on an item must read the same in all three.
These functions take what :func:`knowledge.bundles.compose` returns (or labels and
numbers taken from it) and give text only; callers that convert the guides' wording
to Simplified pass names and labels already converted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from knowledge._bundle_compose import TotalTime, VisitCount
from knowledge.schema import Location


def when_text(labels: Iterable[str]) -> str:
    """“母亲参加职工生育保险时”: the situations something depends on, any of them, once each."""
    return "或".join(dict.fromkeys(labels)) + "时"


def item_condition(labels: Iterable[str]) -> str:
    """“——以公司形式经营时办理” after an item done only in some situation; empty otherwise."""
    labels = list(labels)
    return f"——{when_text(labels)}办理" if labels else ""


def served_text(numbers: Iterable[int]) -> str:
    """“——事项1、2、3共用”: the items a document serves by their number in the list."""
    numbers = list(numbers)
    served = "、".join(str(n) for n in numbers)
    return f"——事项{served}" + ("共用" if len(numbers) > 1 else "")


def window_lines(window: Location) -> list[str]:
    """The 综合窗口 where everything is handed in at once: name, address, hours, phone."""
    lines = [f"综合窗口：{window.name}"]
    if window.address:
        lines.append(f"地址：{window.address}")
    if window.hours:
        lines.append(f"办公时间：{window.hours}")
    if window.phone:
        lines.append(f"咨询电话：{window.phone}")
    return lines


def _names(ids: Iterable[str], names: Mapping[str, str]) -> str:
    return "、".join(names.get(i, i) for i in ids)


def time_line(time: TotalTime, names: Mapping[str, str]) -> str:
    """The total time: the published promise, else the sum with the slowest item beside it.

    ``names`` maps item ids to the names to show for items with no published limit:
    they are named, not guessed, so the applicant knows which figure is missing.
    """
    if time.days is None:
        return "办理时限：各事项未公布时限，请咨询综合窗口。"
    if time.published:
        return f"办理时限：{time.days}个{time.unit}（一件事承诺时限）。"
    if time.days == 0:
        text = "办理时限：各事项均当场办结"
    else:
        text = f"办理时限：合计不超过{time.days}个{time.unit}"
        if time.longest is not None and time.longest < time.days:
            text += f"（各部门同时办理时，最快约{time.longest}个{time.unit}）"
    if time.unknown:
        text += f"；{_names(time.unknown, names)}未公布时限，未计入"
    return text + "。"


def visits_line(visits: VisitCount, names: Mapping[str, str]) -> str:
    """Visits for the whole event: the most any item needs, all handed in on one trip."""
    if visits.visits is None:
        return "到现场次数：请咨询综合窗口。"
    text = "全程网上办理，无需到现场" if visits.visits == 0 else f"最多跑{visits.visits}次"
    if visits.unknown and not visits.published:
        text += f"（{_names(visits.unknown, names)}未公布到现场次数）"
    return f"到现场次数：{text}。"
