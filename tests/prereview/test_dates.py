"""Dates and validity ranges in every common written form, OCR confusions included."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prereview.dates import find_dates, find_validity, format_date, parse_date

dates = st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31))
DIGITS = "〇一二三四五六七八九"


def chinese(date: dt.date) -> str:
    def small(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (("" if tens == 1 else DIGITS[tens]) + "十" if tens else "") + (
            DIGITS[ones] if ones else ""
        )

    return (
        "".join(DIGITS[int(c)] for c in str(date.year))
        + f"年{small(date.month)}月{small(date.day)}日"
    )


FORMS = [
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: f"{d.year}年{d.month:02d}月{d.day:02d}日",
    lambda d: f"{d.year} 年 {d.month} 月 {d.day} 日",
    lambda d: f"{d:%Y.%m.%d}",
    lambda d: f"{d.year}.{d.month}.{d.day}",
    lambda d: f"{d.year}-{d.month}-{d.day}",
    lambda d: f"{d:%Y-%m-%d}",
    lambda d: f"{d:%Y/%m/%d}",
    lambda d: f"{d:%Y%m%d}",
    chinese,
    lambda d: "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in f"{d:%Y.%m.%d}"),
]


@given(dates, st.sampled_from(range(len(FORMS))))
def test_every_form_reads_back(date, form):
    text = FORMS[form](date)
    assert parse_date(f"签发日期：{text}") == date


@given(dates, dates)
def test_validity_ranges(a, b):
    start, end = min(a, b), max(a, b)
    if start == end:
        return
    for text in (
        f"有效期限 {start:%Y.%m.%d}-{end:%Y.%m.%d}",
        f"有效期限：{start:%Y%m%d}-{end:%Y%m%d}",
        f"租赁期限自{format_date(start)}起至{format_date(end)}止",
        f"期限 {start:%Y-%m-%d} 至 {end:%Y-%m-%d}",
    ):
        validity = find_validity(text)
        assert (validity.start, validity.end) == (start, end), text


@pytest.mark.parametrize(
    ("text", "end", "long_term"),
    [
        ("有效期限 2015.03.01-长期", None, True),
        ("营业期限 长期", None, True),
        ("有效期至2030年1月1日", dt.date(2030, 1, 1), False),
        ("有效期至 2O3O.Ol.O1", dt.date(2030, 1, 1), False),
        ("有效期限 2016.O3.01-2036.03.0l", dt.date(2036, 3, 1), False),
        ("有效期限 二〇一五年三月一日至二〇三五年三月一日", dt.date(2035, 3, 1), False),
    ],
)
def test_validity_forms(text, end, long_term):
    validity = find_validity(text)
    assert validity.end == end and validity.long_term is long_term


@pytest.mark.parametrize(
    "text",
    ["出生 1988年6月15日", "电话 13912345678", "金额 20000000元", "2024年13月1日", "第20240231号"],
)
def test_no_validity_where_there_is_none(text):
    assert find_validity(text) is None


def test_impossible_dates_are_ignored():
    assert find_dates("2023年2月30日") == []
    assert parse_date("二〇二四年十二月三十一日") == dt.date(2024, 12, 31)
    assert [d.date for d in find_dates("2015.03.01-2035.03.01")] == [
        dt.date(2015, 3, 1),
        dt.date(2035, 3, 1),
    ]


def test_a_term_written_from_start_to_end_without_zhi_is_a_range():
    """不动产权证书 使用期限: 2008年06月30日起2078年06月29日止 (起 … 止, no 至)."""
    term = find_validity("使用期限 国有建设用地使用权2008年06月30日起2078年06月29日止")
    assert (term.start, term.end) == (dt.date(2008, 6, 30), dt.date(2078, 6, 29))
    assert find_validity("自2024年1月1日起2024年3月1日前办理") is None  # no 止: no range
