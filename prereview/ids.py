"""Citizen ID numbers (GB 11643) and unified social credit codes (GB 32100).

Both end in a check character, so a number that fails it was either mistyped
by the applicant or misread by OCR: either way the applicant must look again.
OCR confusions (O/0, l/1, Z/2, full-width digits) are undone before checking.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from prereview._text import halfwidth

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# Letters OCR reads in place of digits.
_AS_DIGIT = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "i": "1", "|": "1",
     "L": "1", "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "b": "6",
     "g": "9", "q": "9"}
)  # fmt: skip
# Letters that cannot occur in a USCC, mapped to what OCR most likely saw.
_USCC_FIX = str.maketrans({"O": "0", "I": "1", "S": "5", "Z": "2", "V": "U", "|": "1"})


def id_check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def uscc_check_char(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def normalize_id_number(raw: str) -> str:
    """Undo OCR confusions and spacing: ``11O1０1 1990030712３x`` → ``110101199003071234X``."""
    text = re.sub(r"[\s\-]", "", halfwidth(raw))
    if not text:
        return text
    head, last = text[:-1], text[-1]
    last = "X" if last in "xX×" else last.translate(_AS_DIGIT)
    return head.translate(_AS_DIGIT) + last


def normalize_uscc(raw: str) -> str:
    """Upper case, no spaces, impossible letters mapped back (O→0, I→1, S→5, Z→2, V→U)."""
    return re.sub(r"[\s\-]", "", halfwidth(raw)).upper().translate(_USCC_FIX)


def id_number_problem(number: str) -> str | None:
    """Why ``number`` (already normalised) is not a valid ID number; None when valid.

    Returns one of ``"format"``, ``"birth_date"``, ``"check_digit"``.
    """
    if not re.fullmatch(r"[1-9]\d{16}[\dX]", number):
        return "format"
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return "birth_date"
    if born.year < 1900:
        return "birth_date"
    if id_check_char(number[:17]) != number[17]:
        return "check_digit"
    return None


def check_id_number(raw: str) -> bool:
    """True when ``raw`` is an 18-character ID number with a correct check digit."""
    return id_number_problem(normalize_id_number(raw)) is None


def uscc_problem(code: str) -> str | None:
    """Why ``code`` (already normalised) is not a valid USCC; None when valid."""
    if len(code) != 18 or any(c not in USCC_CHARS for c in code):
        return "format"
    if uscc_check_char(code[:17]) != code[17]:
        return "check_digit"
    return None


def check_uscc(raw: str) -> bool:
    """True when ``raw`` is an 18-character USCC with a correct check character."""
    return uscc_problem(normalize_uscc(raw)) is None


def mask_id_number(number: str) -> str:
    """``110101199003071234`` → ``110101********1234``: region and tail only."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else number


@dataclass(frozen=True)
class Code:
    """An ID number or USCC found on a document, with why it is invalid (None when valid)."""

    kind: str  # "id_number" | "uscc"
    value: str
    problem: str | None

    @property
    def valid(self) -> bool:
        return self.problem is None


_ID_LABEL = re.compile(r"身份(证)?(号码|证号|号)|证件号|公民身份")
_USCC_LABEL = re.compile(r"信用代码|社会信用|注册号|纳税人识别号")
_ACCOUNT_LABEL = re.compile(r"卡号|账号|帐号|账户|银行")


def _runs(text: str) -> list[str]:
    """Letter-digit runs of 15-20 characters; digits split by spaces are joined back.

    OCR often splits a long number into groups (``1101 0119 9003 0712 34``), while
    two numbers side by side must stay apart; groups are joined only while the
    joined run is still no longer than 18.
    """
    runs: list[str] = []
    for segment in re.findall(r"[0-9A-Za-z|×]+(?:\s+[0-9A-Za-z|×]+)*", text):
        tokens = segment.split()
        i = 0
        while i < len(tokens):
            run, j = tokens[i], i + 1
            while len(run) < 18 and j < len(tokens) and len(run) + len(tokens[j]) <= 18:
                run, j = run + tokens[j], j + 1
            if 15 <= len(run) <= 20:
                runs.append(run)
            i = j
    return runs


def find_codes(line: str) -> list[Code]:
    """ID numbers and USCCs on one line of text, classified by label and by shape.

    A run after an ID label that has the wrong length is still reported (as
    ``format``): OCR dropped or doubled a digit and the applicant must look again.
    """
    text = halfwidth(line)
    found: list[Code] = []
    id_label = _ID_LABEL.search(text) is not None
    uscc_label = _USCC_LABEL.search(text) is not None
    for run in _runs(text):
        digits = sum(c.isdigit() for c in run)
        if digits < (6 if (id_label or uscc_label) else 12):
            continue
        if uscc_label and not id_label:
            kind = "uscc"
        elif id_label and not uscc_label:
            kind = "id_number"
        elif _ACCOUNT_LABEL.search(text):
            continue  # bank card and account numbers have the same shape
        else:
            kind = _guess_kind(run)
        if kind == "id_number" and not _may_be_id(run) and _uscc_shaped(run):
            kind = "uscc"  # a company's code in an ID-number cell (委托人 is an organisation)
        if kind == "uscc":
            code = normalize_uscc(run)
            found.append(Code("uscc", code, uscc_problem(code)))
        elif kind == "id_number":
            number = normalize_id_number(run)
            found.append(Code("id_number", number, id_number_problem(number)))
    return found


def _may_be_id(run: str) -> bool:
    """Whether ``run`` can be an ID number misread: no letter but OCR's stand-ins for digits."""
    head = re.sub(r"[\s\-]", "", halfwidth(run))[:17]
    return head.translate(_AS_DIGIT).isdigit()


def _uscc_shaped(run: str) -> bool:
    code = normalize_uscc(run)
    return len(code) == 18 and all(c in USCC_CHARS for c in code)


def _guess_kind(run: str) -> str:
    """Without a label: an ID number if it reads as one, else a USCC if shaped like one."""
    number = normalize_id_number(run)
    if len(run) == 18 and id_number_problem(number) in (None, "check_digit"):
        return "id_number"
    code = normalize_uscc(run)
    if len(code) == 18 and all(c in USCC_CHARS for c in code) and not run.isdigit():
        return "uscc"
    return "none"
