"""Fictitious people and businesses of 青禾市, a city that does not exist.

ID numbers and credit codes carry valid check characters (``blind.ident``); the
validity of an ID card follows 居民身份证法 art. 5 (under 16: 5 years, 16-25: 10,
26-45: 20, 46 and over: 长期), counted from the age at issue.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.prereview.blind.ident import Company, Person, add_years, make_uscc

CITY = "青禾市"
DISTRICTS = {
    "331102": ("滨江区", ["江滨路", "望潮街", "柳岸路", "南门大街"]),
    "331103": ("青山区", ["松林路", "翠微街", "石桥路", "青山大道"]),
    "331104": ("临湖区", ["湖西路", "荷风巷", "东堤街", "渔港路"]),
    "331121": ("禾丰县", ["禾丰镇丰收路", "禾丰镇稻香街", "新桥镇中心街"]),
}
SURNAMES = "陈林黄周吴郑王冯蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜戚谢邹喻柏窦章苏潘葛范彭鲁马方俞任袁柳鲍史唐薛雷贺倪汤殷罗毕郝邬安常乐于傅齐康伍余顾孟黎"
GIVEN = "晓明建国秀英丽娟志强海燕文博思远嘉怡子涵宇航雨桐梓萱浩然欣怡俊杰婉清振华淑芬国栋春梅立新玉兰永康家豪静怡诗琪鹏飞慧敏泽宇若曦德胜桂芳"
COMPANY_WORDS = ["禾润", "青岚", "临江", "泓远", "嘉禾", "望潮", "松云", "丰泽", "湖光", "启航"]


def name(rng: random.Random, used: set[str]) -> str:
    while True:
        n = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if n not in used:
            used.add(n)
            return n


def address(rng: random.Random, region: str) -> str:
    district, streets = DISTRICTS[region]
    street = rng.choice(streets)
    return f"{CITY}{district}{street}{rng.randint(3, 288)}号{rng.randint(1, 18)}幢{rng.randint(1, 6)}0{rng.randint(1, 4)}室"


def validity_years(age: int) -> int | None:
    if age < 16:
        return 5
    if age <= 25:
        return 10
    if age <= 45:
        return 20
    return None


def person(
    rng: random.Random,
    used: set[str],
    today: date,
    age: tuple[int, int] = (24, 60),
    male: bool | None = None,
    expired: bool = False,
) -> Person:
    """A person whose card is valid on ``today`` by months, or expired by months."""
    region = rng.choice(sorted(DISTRICTS))
    male = rng.random() < 0.5 if male is None else male
    for _ in range(500):
        birth = today - timedelta(days=rng.randint(age[0] * 365 + 30, age[1] * 365 - 30))
        years_back = rng.randint(6, 22) if expired else rng.randint(1, 15)
        issued = today - timedelta(days=years_back * 365 + rng.randint(20, 300))
        age_at = issued.year - birth.year - ((issued.month, issued.day) < (birth.month, birth.day))
        if age_at < 16:
            continue
        years = validity_years(age_at)
        valid_to = None if years is None else add_years(issued, years)
        if expired:
            if valid_to is None or not (60 <= (today - valid_to).days <= 700):
                continue
        elif valid_to is not None and (valid_to - today).days < 90:
            continue
        district = DISTRICTS[region][0]
        return Person(
            name=name(rng, used),
            male=male,
            birth=birth,
            region=region,
            address=address(rng, region),
            issuer=f"{district}公安局"
            if district.endswith("县")
            else f"{CITY}公安局{district}分局",
            valid_from=issued,
            valid_to=valid_to,
            seq=rng.randint(1, 499),
        )
    raise RuntimeError("no identity fits")


def company(rng: random.Random, boss: Person, kind: str, getihu: bool = False) -> Company:
    word = rng.choice(COMPANY_WORDS)
    region = boss.region
    district = DISTRICTS[region][0]
    nm = f"{CITY}{district}{word}{kind}" if getihu else f"{CITY}{word}{kind}有限公司"
    founded = date(rng.randint(2016, 2023), rng.randint(1, 12), rng.randint(1, 28))
    return Company(
        name=nm,
        uscc=make_uscc(rng, region, getihu=getihu),
        legal_rep=boss.name,
        address=address(rng, region).rsplit("幢", 1)[0]
        + "幢一层"
        + str(rng.randint(1, 9))
        + "号商铺",
        kind="个体工商户" if getihu else "有限责任公司（自然人投资或控股）",
        founded=founded,
        getihu=getihu,
    )


def phone(rng: random.Random) -> str:
    return rng.choice(["138", "139", "152", "158", "177", "186", "191"]) + "".join(
        str(rng.randint(0, 9)) for _ in range(8)
    )
