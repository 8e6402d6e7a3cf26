"""Dates and validity ranges as Chinese documents write them.

Forms: 2024年1月1日, 2024.01.01, 2024-1-1, 2024/1/1, 20240101, 二〇二四年一月一日;
ranges: 有效期限 2015.03.01-2035.03.01, 2015.03.01-长期, 有效期至2030年1月1日,
自2024年1月1日起至2025年12月31日止. OCR digit confusions are undone first.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass

from prereview._text import halfwidth

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "0": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip

_YMD = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?"
    r"|(?<![\d.])(?P<y2>(?:19|20)\d{2})\s*(?P<sep>[./-])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*(?P<d2>\d{1,2})(?![\d])"
    r"|(?<![\dA-Za-z])(?P<y3>(?:19|20)\d{2})(?P<m3>[01]\d)(?P<d3>[0-3]\d)(?![\dA-Za-z])"
    r"|(?P<y4>[〇零○O0一二三四五六七八九]{4})\s*年\s*(?P<m4>[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d4>[一二三四五六七八九十]{1,3})\s*日"
)
# A letter OCR read in place of a digit, between digits or date separators.
_DIGITISH = re.compile(
    r"(?<=[\d./年月\-OoDQIlZ|])[OoDQIlZ|](?=[\d./年月日\-OoDQIlZ|]|\s|$)"
    r"|(?<![A-Za-z\d])[Il|](?=\d{3}\s*[./年-])"
)
_DIGIT_OF = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "Z": "2"}
)

_RANGE_JOIN = re.compile(r"^\s*起?\s*(?:-|~|至|到|止|—)\s*$")
# 2008年06月30日起2078年06月29日止 (a certificate's term of use): 起 alone joins a range closed by 止.
_START_ONLY = re.compile(r"^\s*起\s*$")
_CLOSED = re.compile(r"^\s*止")
_LONG_TERM_AFTER = re.compile(r"^\s*起?\s*(?:-|~|至|到)\s*长期")
_END_LABEL = re.compile(
    r"(?:有效期|有效期限|期限)\s*(?:至|到|截至|截止)|截止日期|到期日期?|有效截止"
)
_LONG_TERM = re.compile(r"长期(?:有效)?")
_VALIDITY_LABEL = re.compile(r"有效|期限|租期|期间")


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int


@dataclass(frozen=True)
class Validity:
    """A validity (or lease) range; ``end`` None with ``long_term`` for 长期."""

    start: dt.date | None
    end: dt.date | None
    long_term: bool = False
    labelled: bool = False


def _cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31."""
    if "十" not in text:
        return _CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def fix_digits(text: str) -> str:
    """Half-width text with OCR letter/digit confusions inside dates undone (2O24.0l.01)."""
    text = halfwidth(text)
    for _ in range(3):
        text = _DIGITISH.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)
    return text


def _date_of(match: re.Match) -> dt.date | None:
    g = match.groupdict()
    try:
        if g["y"]:
            return dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        if g["y2"]:
            return dt.date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        year = int("".join(str(_CN_DIGITS[c]) for c in g["y4"]))
        return dt.date(year, _cn_number(g["m4"]), _cn_number(g["d4"]))
    except (ValueError, KeyError):
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in ``text``, in order, with its position in ``fix_digits(text)``."""
    fixed = fix_digits(text)
    found = []
    for match in _YMD.finditer(fixed):
        date = _date_of(match)
        if date is not None:
            found.append(FoundDate(date, match.start(), match.end()))
    return found


def parse_date(text: str) -> dt.date | None:
    """The first date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0].date if dates else None


def find_validity(text: str) -> Validity | None:
    """The validity range written on one line of text, or None.

    ``2015.03.01-2035.03.01`` and ``自…起至…止`` give a range; ``…-长期`` or a bare
    ``长期`` beside a validity label gives a long-term validity; ``有效期至 X`` an end.
    """
    fixed = fix_digits(text)
    dates = find_dates(fixed)
    labelled = _VALIDITY_LABEL.search(fixed) is not None
    for first, second in itertools.pairwise(dates):
        join = fixed[first.end : second.start]
        closed = _START_ONLY.match(join) and _CLOSED.match(fixed[second.end :])
        if (_RANGE_JOIN.match(join) or closed) and second.date > first.date:
            return Validity(first.date, second.date, labelled=labelled)
    for found in dates:
        if _LONG_TERM_AFTER.match(fixed[found.end :]):
            return Validity(found.date, None, long_term=True, labelled=labelled)
        before = fixed[max(0, found.start - 12) : found.start]
        if _END_LABEL.search(before):
            return Validity(None, found.date, labelled=True)
    if labelled and _LONG_TERM.search(fixed):
        return Validity(None, None, long_term=True, labelled=True)
    return None


def format_date(date: dt.date) -> str:
    """2023年5月1日 — the form notices use."""
    return f"{date.year}年{date.month}月{date.day}日"
