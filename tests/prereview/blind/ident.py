"""Fictitious identities with valid check characters (written for the blind set).

GB 11643 (公民身份号码) and GB 32100 (统一社会信用代码, with the GB 11714
organisation code inside it) are implemented here from the standards, not
imported from the project.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def id_valid(number: str) -> bool:
    return (
        len(number) == 18
        and number[:17].isdigit()
        and id_check_char(number[:17]) == number[17].upper()
    )


def make_id_number(region: str, birth: date, seq: int, male: bool) -> str:
    seq = seq % 500
    order = seq * 2 + (1 if male else 0)
    if order == 0:
        order = 2
    body = f"{region}{birth:%Y%m%d}{order:03d}"
    return body + id_check_char(body)


def break_check(number: str) -> str:
    """The same number with a wrong last character."""
    good = number[17]
    for cand in "0123456789X":
        if cand != good:
            return number[:17] + cand
    raise AssertionError


def org_code(body8: str) -> str:
    def val(c: str) -> int:
        return int(c) if c.isdigit() else ord(c) - ord("A") + 10

    total = sum(val(c) * w for c, w in zip(body8, ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body8 + ("X" if check == 10 else "0" if check == 11 else str(check))


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def uscc_valid(code: str) -> bool:
    return (
        len(code) == 18
        and all(c in USCC_CHARS for c in code)
        and uscc_check_char(code[:17]) == code[17]
    )


def make_uscc(rng: random.Random, region: str, getihu: bool = False) -> str:
    kind = "92" if getihu else "91"
    alnum = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body8 = "MA" + "".join(rng.choice(alnum) for _ in range(6))
    first17 = kind + region + org_code(body8)
    return first17 + uscc_check_char(first17)


def break_uscc(code: str) -> str:
    i = USCC_CHARS.index(code[17])
    return code[:17] + USCC_CHARS[(i + 7) % 31]


def luhn_complete(prefix: str) -> str:
    digits = [int(c) for c in prefix]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix + str((10 - total % 10) % 10)


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


@dataclass
class Person:
    name: str
    male: bool
    birth: date
    region: str
    address: str
    issuer: str
    valid_from: date
    valid_to: date | None  # None = 长期
    nation: str = "汉"
    seq: int = 17
    id_number: str = field(default="")
    printed_id: str = field(default="")  # what the card shows (may be broken)

    def __post_init__(self) -> None:
        if not self.id_number:
            self.id_number = make_id_number(self.region, self.birth, self.seq, self.male)
        if not self.printed_id:
            self.printed_id = self.id_number

    @property
    def sex(self) -> str:
        return "男" if self.male else "女"

    def age_on(self, d: date) -> int:
        return d.year - self.birth.year - ((d.month, d.day) < (self.birth.month, self.birth.day))


@dataclass
class Company:
    name: str
    uscc: str
    legal_rep: str
    address: str
    kind: str = "有限责任公司（自然人投资或控股）"
    capital: str = "壹佰万元整"
    founded: date = date(2019, 4, 8)
    scope: str = (
        "餐饮服务；食品销售；餐饮管理。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"
    )
    getihu: bool = False
    printed_uscc: str = ""

    def __post_init__(self) -> None:
        if not self.printed_uscc:
            self.printed_uscc = self.uscc
