"""Dates as applicants' papers write them."""

from __future__ import annotations

from datetime import date

DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    if n < 10:
        return "〇一二三四五六七八九"[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + ("" if ones == 0 else DIGITS[ones])


def style(d: date, kind: str) -> str:
    """``kind``: cn (2026年3月5日), pad (2026年03月05日), dash, dot, upper (二〇二六年三月五日)."""
    if kind == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if kind == "pad":
        return f"{d.year}年{d.month:02d}月{d.day:02d}日"
    if kind == "dash":
        return d.isoformat()
    if kind == "dot":
        return f"{d:%Y.%m.%d}"
    if kind == "upper":
        return "".join(DIGITS[int(c)] for c in str(d.year)) + (
            f"年{cn_number(d.month)}月{cn_number(d.day)}日"
        )
    raise ValueError(kind)
