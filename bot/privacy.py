"""Citizens' personal numbers masked in free text: ID numbers, phone numbers, bank cards.

Citizens type their ID number (身份证号), mobile or bank card number into the
chat. Under the Personal Information Protection Law (个人信息保护法) what is
stored or shown to staff keeps only a masked form: the chat log, unanswered
questions, hand-off notes, rating comments and server logs all pass through
:func:`mask_personal`.

Numbers are recognised by their own rules, never by length alone, so that item
codes, dates, amounts and order numbers stay readable:

- ID number: 18 characters with a valid birth date and GB 11643 check character
  (a mistyped one too when 身份证 or 证件 is written just before it), or a
  first-generation 15-digit number with a valid birth date;
- mobile: 11 digits 1[3-9]…, optionally after +86; landline: area code 0… and a
  local number starting 2–9, or a bare 7–8 digit number right after 电话 / 座机;
- bank card: 16–19 digits of a card scheme (3, 4, 5, 6, 9) passing the Luhn check.

Digits may be full-width (１３８), written with Chinese numerals (一三八, 幺,
壹贰叁) and spaced or hyphenated (138 1234 5678); runs touching ASCII letters
(codes such as ``YS20241130A1``, tokens in links) are left alone.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

from prereview.ids import USCC_CHARS, id_check_char, uscc_check_char

_CHINESE_DIGITS = {
    **dict.fromkeys("〇零", "0"),
    **dict.fromkeys("一壹幺", "1"),
    **dict.fromkeys("二贰貳两兩", "2"),
    **dict.fromkeys("三叁參叄", "3"),
    **dict.fromkeys("四肆", "4"),
    **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"),
    **dict.fromkeys("七柒", "7"),
    **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖", "9"),
}
_DIGIT = r"(?:\d|[" + "".join(_CHINESE_DIGITS) + "])"
_SEPARATORS = " \u00a0\u3000-\u2010\u2013\uff0d()（）"
_RUN = re.compile(rf"{_DIGIT}(?:[{re.escape(_SEPARATORS)}]{{0,2}}{_DIGIT})*(?:[Xx×Ｘ])?")
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_MIN_DIGITS = 7  # nothing shorter is masked (a hotline 12345, a year, an amount)
_MAX_DIGITS = 19  # the longest bank card
_ID_CONTEXT = re.compile(r"(身份证|證|证件|身份号|公民身份|id)", re.IGNORECASE)
_PHONE_CONTEXT = re.compile(r"(电话|電話|手机|手機|座机|座機|联系方式|聯繫方式|tel)", re.IGNORECASE)
_CONTEXT_REACH = 10  # characters before a number where 身份证 / 电话 still refer to it
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_CARD_SCHEMES = "34569"


@dataclass(frozen=True)
class Found:
    """A personal number in a text: ``kind`` id | phone | card, ``text[start:end]``."""

    kind: str
    start: int
    end: int
    digits: str  # ASCII digits (and a final X), separators removed

    @property
    def masked(self) -> str:
        return _masked(self.kind, self.digits)


@dataclass(frozen=True)
class _Group:
    """Digits between separators: where they are in the text, and their ASCII form."""

    start: int
    end: int
    digits: str


def mask_personal(text: str, only: Collection[str] | None = None) -> str:
    """``text`` with every personal number masked (``138****5678``).

    ``only``: mask just these numbers (their digits, as :func:`personal_numbers`
    gives them), e.g. a citizen's own number quoted back in a reply, leaving the
    public numbers of the guides (a window's telephone) as they are.
    """
    found = find_personal(text)
    if only is not None:
        found = [f for f in found if f.digits in only]
    for item in reversed(found):
        text = text[: item.start] + item.masked + text[item.end :]
    return text


def personal_numbers(text: str) -> set[str]:
    """The digits of each personal number in ``text``."""
    return {f.digits for f in find_personal(text)}


def find_personal(text: str) -> list[Found]:
    """Every personal number in ``text``, in order."""
    if not text:
        return []
    found: list[Found] = []
    for run in _RUN.finditer(text):
        if _touches_letters(text, run.start(), run.end()):
            continue
        groups = _groups(run.group(0), run.start())
        if sum(len(g.digits) for g in groups) >= _MIN_DIGITS:
            found += _search(text, groups)
    return found


def _touches_letters(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return bool(_ASCII_ALNUM.match(before) or _ASCII_ALNUM.match(after))


def _digit(char: str) -> str:
    if char in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[char]
    if char in "Xx×Ｘ":
        return "X"
    return str(unicodedata.decimal(char))


def _groups(run: str, offset: int) -> list[_Group]:
    """The run split at its separators."""
    groups: list[_Group] = []
    start: int | None = None
    digits = ""
    for index, char in enumerate(run + " "):
        if index < len(run) and char not in _SEPARATORS:
            if start is None:
                start, digits = index, ""
            digits += _digit(char)
        elif start is not None:
            groups.append(_Group(offset + start, offset + index, digits))
            start = None
    return groups


def _search(text: str, groups: list[_Group]) -> list[Found]:
    """Left to right, the longest personal number made of consecutive groups at each place."""
    found: list[Found] = []
    i = 0
    while i < len(groups):
        best: tuple[int, str] | None = None
        digits = ""
        for j in range(i, len(groups)):
            digits += groups[j].digits
            if len(digits) > _MAX_DIGITS or "X" in digits[:-1]:
                break
            if len(digits) >= _MIN_DIGITS:
                sizes = [len(g.digits) for g in groups[i : j + 1]]
                kind = _kind(digits, sizes, text, groups[i].start)
                if kind:
                    best = (j + 1, kind)
        if best is None:
            i += 1
            continue
        end, kind = best
        digits = "".join(g.digits for g in groups[i:end])
        found.append(Found(kind, groups[i].start, groups[end - 1].end, digits))
        i = end
    return found


def _kind(digits: str, sizes: list[int], text: str, start: int) -> str | None:
    """id | phone | card for a candidate made of groups of ``sizes`` digits, else None."""
    before = text[max(0, start - _CONTEXT_REACH) : start]
    if is_id_number(digits) or (
        _ID_CONTEXT.search(before) and len(digits) == 18 and _id_shape(digits)
    ):
        return "id"
    if digits.endswith("X"):
        return None
    if _MOBILE.fullmatch(digits) or _LANDLINE.fullmatch(digits):
        return "phone"
    if _LOCAL.fullmatch(digits) and _PHONE_CONTEXT.search(before):
        return "phone"
    if is_bank_card(digits) and (len(sizes) == 1 or min(sizes) >= 3) and not is_uscc(digits):
        return "card"
    return None


def _birth_date(text: str) -> dt.date | None:
    try:
        born = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None
    return born if dt.date(1900, 1, 1) <= born <= dt.date.today() else None


def _id_shape(number: str) -> bool:
    """18 characters, region code 1–9…, a real birth date (the check character aside)."""
    return bool(re.fullmatch(r"[1-9]\d{16}[\dX]", number)) and _birth_date(number[6:14]) is not None


def is_id_number(number: str) -> bool:
    """A citizen ID number (GB 11643): 18 with a valid check character, or an old 15-digit one."""
    if len(number) == 15:  # issued until 2004, to people born from the 1910s on
        born = _birth_date("19" + number[6:12])
        return bool(re.fullmatch(r"[1-9]\d{14}", number)) and born is not None and born.year >= 1910
    if not _id_shape(number):
        return False
    return id_check_char(number[:17]) == number[17]


def is_bank_card(number: str) -> bool:
    """16–19 digits of a card scheme whose Luhn checksum holds."""
    if not (16 <= len(number) <= 19 and number.isdigit() and number[0] in _CARD_SCHEMES):
        return False
    total = 0
    for index, char in enumerate(reversed(number)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def is_uscc(code: str) -> bool:
    """A unified social credit code (GB 32100) with a valid check character: a business's
    identifier, not a person's, though it may be all digits and pass Luhn by chance."""
    if len(code) != 18 or any(c not in USCC_CHARS for c in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


def _masked(kind: str, digits: str) -> str:
    """Region and last four of an ID (as on notices), 3 + 4 of a phone, last four of a card."""
    if kind == "id":
        return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
    if kind == "phone" and len(digits) > 8:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * (len(digits) - 4) + digits[-4:]


class MaskPersonal(logging.Filter):
    """Masks personal numbers in a record's message, arguments and traceback before any
    handler writes it.

    Positional arguments are masked one by one and kept as a tuple: uvicorn's access
    formatter unpacks them (client, method, path, version, status).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_personal(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(mask_personal(a) if isinstance(a, str) else a for a in record.args)
        elif record.args:
            record.msg, record.args = mask_personal(record.getMessage()), None
        if record.exc_info:
            record.exc_text = mask_personal(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True
