"""Fictitious people and companies of 示范市, with check characters from ``blind.ident``."""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.prereview.blind.ident import Company, Person, add_years, make_uscc

SURNAMES = [
    "欧阳",
    "司马",
    "诸葛",
    "上官",
    "覃",
    "邝",
    "廖",
    "韦",
    "蓝",
    "莫",
    "甘",
    "龚",
    "钟",
    "谭",
    "黎",
    "岑",
    "卢",
    "骆",
    "侯",
    "聂",
    "蔡",
    "易",
    "邵",
    "祁",
    "苗",
    "翟",
    "闫",
    "申",
    "凌",
    "柏",
]
GIVEN = [
    "晓岚",
    "启航",
    "若溪",
    "振宇",
    "慧敏",
    "嘉禾",
    "沐阳",
    "秋菊",
    "海涛",
    "雨桐",
    "国栋",
    "丽君",
    "子墨",
    "建业",
    "锦程",
    "月娥",
    "德胜",
    "婉清",
    "一鸣",
    "春生",
    "桂英",
    "思远",
    "明轩",
    "淑贞",
    "志坚",
    "书瑶",
    "永福",
    "佳怡",
    "长林",
    "梦琪",
]
STREETS = [
    "滨湖大道",
    "锡山路",
    "槐花巷",
    "清扬路",
    "蠡溪路",
    "荣巷街",
    "运河东路",
    "太湖西路",
    "梅园路",
    "鸿山街",
]
DISTRICTS = [
    ("320211", "示范市滨湖区"),
    ("320213", "示范市梁溪区"),
    ("320205", "示范市锡山区"),
    ("320214", "示范市新吴区"),
]
COMPANY_WORDS = ["恒泰", "瑞丰", "嘉盛", "鼎信", "汇川", "启明", "宏图", "润禾", "星辰", "博远"]
TRADES = [
    ("商贸有限公司", "日用百货销售；五金产品零售"),
    ("餐饮管理有限公司", "餐饮服务；餐饮管理"),
    ("科技有限公司", "软件开发；信息技术咨询服务"),
]


def validity(issued: date, birth: date) -> date | None:
    """End of validity under 居民身份证法 art. 5 (5/10/20 years, 长期 from 46)."""
    age = issued.year - birth.year - ((issued.month, issued.day) < (birth.month, birth.day))
    if age < 16:
        return add_years(issued, 5)
    if age < 26:
        return add_years(issued, 10)
    if age < 46:
        return add_years(issued, 20)
    return None


class Town:
    """A seeded source of unique names, people and companies for one case."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng, self.today = rng, today
        self.used: set[str] = set()

    def name(self) -> str:
        while True:
            n = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
            if n not in self.used:
                self.used.add(n)
                return n

    def address(self) -> str:
        _, district = self.rng.choice(DISTRICTS)
        return f"{district}{self.rng.choice(STREETS)}{self.rng.randint(3, 288)}号{self.rng.randint(1, 30)}幢{self.rng.randint(101, 2604)}室"

    def person(
        self, age: int | None = None, male: bool | None = None, expired: bool = False
    ) -> Person:
        """A person whose card is valid on ``today`` (or expired some months ago)."""
        rng = self.rng
        age = age if age is not None else rng.randint(24, 62)
        male = rng.random() < 0.5 if male is None else male
        birth = date(self.today.year - age, rng.randint(1, 12), rng.randint(1, 28))
        region, _ = rng.choice(DISTRICTS)
        for _ in range(200):
            if expired:
                end = self.today - timedelta(days=rng.randint(60, 400))
                issued = None
                for years in (5, 10, 20):
                    cand = add_years(end, -years)
                    if validity(cand, birth) == end:
                        issued = cand
                        break
                if issued is None or issued < birth:
                    birth = birth.replace(year=birth.year + 1)
                    continue
                valid_to = end
            else:
                issued = self.today - timedelta(days=rng.randint(200, 3000))
                valid_to = validity(issued, birth)
                if valid_to is not None and valid_to <= self.today + timedelta(days=120):
                    continue
            return Person(
                name=self.name(),
                male=male,
                birth=birth,
                region=region,
                address=self.address(),
                issuer=f"示范市公安局{rng.choice(['滨湖', '梁溪', '锡山', '新吴'])}分局",
                valid_from=issued,
                valid_to=valid_to,
                seq=rng.randint(1, 499),
            )
        raise AssertionError("no validity fits")

    def company(self) -> Company:
        suffix, scope = self.rng.choice(TRADES)
        name = f"示范市{self.rng.choice(COMPANY_WORDS)}{suffix}"
        region, _ = self.rng.choice(DISTRICTS)
        return Company(
            name=name,
            uscc=make_uscc(self.rng, region),
            legal_rep=self.name(),
            address=self.address(),
            scope=scope,
            founded=date(
                self.rng.randint(2012, 2022), self.rng.randint(1, 12), self.rng.randint(1, 28)
            ),
        )

    def phone(self) -> str:
        return (
            "1" + self.rng.choice("3589") + "".join(str(self.rng.randint(0, 9)) for _ in range(9))
        )


def ymd(d: date) -> str:
    return f"{d:%Y-%m-%d}"


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
