"""办结时限 as guides write them: numbers for answers, the guide's words kept beside them."""

from __future__ import annotations

import re

import zhconv

from knowledge.convert.review import Ledger, Review
from knowledge.convert.sections import Entry, value_lines
from knowledge.schema import parse_days

_DAYS_IN_TEXT = re.compile(
    r"([0-9]+|[一二两三四五六七八九十]+)\s*个?\s*(工作日|自然日|日历日|天|日)"
)
_GENERIC_LIMIT = "limit"


def time_limit(by: dict[str, list[Entry]], ledger: Ledger) -> dict | None:
    """法定/承诺办结时限 from their entries; a limit not saying which is taken as promised."""
    limit: dict = {}
    for element in ("statutory", "promised", _GENERIC_LIMIT):
        entries = by.get(element, [])
        for entry in entries:
            if entry.heading:
                ledger.place(entry.line, "time_limit")
        for entry, value in value_lines(entries):
            key = element
            if element == _GENERIC_LIMIT:
                key = "promised" if "promised" not in limit else "statutory"
                ledger.review.doubt(
                    "time_limit",
                    f"“{entry.label or '办理时限'}：{value}”未注明法定或承诺，"
                    f"已作为{'承诺' if key == 'promised' else '法定'}时限录入",
                )
            if key in limit:
                ledger.unplace(entry.line, value)
                continue
            ledger.place(entry.line, "time_limit")
            _limit_value(limit, key, value, ledger.review)
    return limit or None


def _limit_value(limit: dict, key: str, value: str, review: Review) -> None:
    """ "20个工作日", "即时办结", "3个工作日(不含公示时间)", "30日内" → number, unit, words."""
    number, unit, text = parse_days(value)
    if isinstance(number, int):
        limit[key] = number
        if unit:
            limit.setdefault("unit", unit)
        if text:
            limit[f"{key}_text"] = text
        if text or str(number) != value.strip():
            review.normalised.append((f"time_limit.{key}", value, str(number)))
        return
    matches = _DAYS_IN_TEXT.findall(zhconv.convert(value, "zh-cn"))
    if not matches:
        limit[f"{key}_text"] = value
        review.doubt(f"time_limit.{key}", f"时限“{value}”中没有天数，已按原文保存")
        return
    number = parse_days(f"{matches[0][0]}工作日")[0]
    limit[key] = number
    limit[f"{key}_text"] = value
    if matches[0][1] in ("天", "日"):
        limit.setdefault("unit", "自然日")
        review.doubt(f"time_limit.{key}", f"“{value}”的单位“{matches[0][1]}”按自然日录入，请核对")
    else:
        limit.setdefault("unit", "自然日" if matches[0][1] != "工作日" else "工作日")
    if len(matches) > 1:
        review.doubt(f"time_limit.{key}", f"“{value}”写有多个时限，已取第一个 {number}")
    review.normalised.append((f"time_limit.{key}", value, str(number)))
