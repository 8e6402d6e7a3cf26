"""Character-level normalisation: one spelling of each character, before any synonym.

Traditional → Simplified (zhconv, which also maps regional words), full-width →
half-width, lower case, one spelling of each punctuation mark, no spaces between
Chinese characters (OCR often spaces them out), and Chinese numerals before a
measure word as digits. The synonym table (``retrieval.synonyms``) is written in
this form and :mod:`retrieval.text` applies it on top, so both import this
module and neither imports the other.
"""

from __future__ import annotations

import re
import unicodedata

import zhconv

_PUNCT = str.maketrans(
    {
        "。": ".",
        "、": ",",
        "“": '"',
        "”": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "‘": "'",
        "’": "'",
        "【": "[",
        "】": "]",
        "〔": "[",
        "〕": "]",
        "《": "<",
        "》": ">",
        "〈": "<",
        "〉": ">",
        "—": "-",
        "–": "-",
        "－": "-",
        "…": "...",
        "•": "·",
        "\u3000": " ",
    }
)
_SPACES = re.compile(r"\s+")
_CJK = r"\u3400-\u9fff"
_CJK_GAP = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# A run of Chinese numerals directly before a measure word ("三个工作日", "十八周岁",
# "二楼"); numerals elsewhere ("统一", "万一") are words, not numbers.
_NUMERAL = re.compile(
    r"[零〇一二两三四五六七八九十百千万]+(?=[个天日周岁年月份张元次号楼层页名户人项寸])"
)


def _numeral_value(text: str) -> int | None:
    """The value of a Chinese numeral ("二十五" → 25, "二零二五" → 2025), None if malformed."""
    if all(ch in _DIGITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch == "万":
            total += (section + digit) * 10000
            section = digit = 0
        else:
            unit = _UNITS[ch]
            section += (digit or 1) * unit
            digit = 0
    return total + section + digit


def _numerals_to_digits(text: str) -> str:
    def repl(match: re.Match[str]) -> str:
        value = _numeral_value(match.group(0))
        return match.group(0) if value is None else str(value)

    return _NUMERAL.sub(repl, text)


def normalize_form(text: str) -> str:
    """The character-level part of :func:`normalize`, without the synonym table."""
    text = unicodedata.normalize("NFKC", text)
    text = zhconv.convert(text, "zh-cn")
    text = text.lower().translate(_PUNCT)
    text = _SPACES.sub(" ", text).strip()
    text = _CJK_GAP.sub("", text)
    return _numerals_to_digits(text)
