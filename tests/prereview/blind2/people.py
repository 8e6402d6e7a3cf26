"""Fictitious people and companies for the second blind set.

Check characters come from the first set's ident.py (GB 11643 ID numbers,
GB 32100 USCC, Luhn), which the brief allows; names, places and validity rules
are drawn here from other lists than the first set's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from tests.prereview.blind.ident import (
    break_check,
    break_uscc,
    luhn_complete,
    make_id_number,
    make_uscc,
)

__all__ = ["Company", "Person", "World", "break_check", "break_uscc"]

SURNAMES = "蔡曹岑柴常车陈程池褚崔戴邓丁董窦杜范方费冯符付傅甘高葛耿龚顾关管郭韩杭郝何贺洪侯胡华黄霍姬季贾简江姜蒋焦金靳康柯孔邝赖蓝黎栗连梁廖林凌刘柳龙娄卢鲁陆路吕罗骆麻马毛梅孟米苗闵莫穆倪聂宁欧潘庞裴彭蒲戚齐钱乔秦邱裘屈全冉饶任容阮单尚邵申沈盛施石时舒司宋苏孙谭汤唐陶田童涂万汪王危韦卫魏温文翁邬巫吴伍武奚夏向萧谢辛邢熊徐许宣薛严颜晏杨姚叶易殷尹应尤于余俞虞喻袁岳云臧曾查翟詹湛张章赵郑钟周朱诸祝庄卓邹左"
GIVEN_M = [
    "鹏飞",
    "子轩",
    "宏伟",
    "卫东",
    "书豪",
    "锦程",
    "一鸣",
    "庆丰",
    "晓东",
    "光明",
    "立伟",
    "文涛",
    "家豪",
    "博文",
    "兆麟",
    "世杰",
    "思远",
    "景行",
    "朝阳",
    "亦凡",
    "永强",
    "旭东",
]
GIVEN_F = [
    "雨桐",
    "佳怡",
    "梦洁",
    "晓燕",
    "慧敏",
    "丽萍",
    "诗涵",
    "若曦",
    "春梅",
    "海燕",
    "婉清",
    "思琪",
    "宁馨",
    "月华",
    "可欣",
    "雪莹",
    "玉兰",
    "静怡",
    "艺涵",
    "紫萱",
]
DISTRICTS = [
    (
        "360102",
        "示范市东湖区",
        "示范市公安局东湖分局",
        ["滨江路", "青云谱街", "百花洲路", "灌婴路"],
    ),
    ("360103", "示范市西湖区", "示范市公安局西湖分局", ["桃源街", "朝阳中路", "孺子路", "筷子巷"]),
    ("360111", "示范市青山湖区", "示范市公安局青山湖分局", ["湖滨东路", "京东大道", "北京东路"]),
    ("360121", "示范县", "示范县公安局", ["莲塘北大道", "澄湖东路", "向阳路"]),
]
EDUCATION = ["大学本科", "大学专科", "高中", "研究生", "初中"]


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
    valid_to: date | None
    seq: int
    phone: str
    birthplace: str = "示范省示范市"
    nation: str = "汉"
    height: int = 170
    blood: str = "A型"
    education: str = "大学本科"
    marital: str = "未婚"
    id_number: str = field(default="")
    printed_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.id_number:
            self.id_number = make_id_number(self.region, self.birth, self.seq, self.male)
        if not self.printed_id:
            self.printed_id = self.id_number

    @property
    def sex(self) -> str:
        return "男" if self.male else "女"

    @property
    def valid_until(self) -> str:
        return "长期" if self.valid_to is None else self.valid_to.isoformat()


@dataclass
class Company:
    name: str
    uscc: str
    legal_rep: str
    address: str
    founded: date
    kind: str = "有限责任公司（自然人投资或控股）"
    capital: str = "伍拾万元整"
    scope: str = "一般项目：信息技术咨询服务；软件开发；办公用品销售。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
    getihu: bool = False
    printed_uscc: str = ""

    def __post_init__(self) -> None:
        if not self.printed_uscc:
            self.printed_uscc = self.uscc


class World:
    """Makes unique fictitious people and companies from one seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _name(self, male: bool) -> str:
        for _ in range(500):
            n = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN_M if male else GIVEN_F)
            if n not in self.used:
                self.used.add(n)
                return n
        raise RuntimeError("name pool exhausted")

    def address(self, district: str, streets: list[str]) -> str:
        r = self.rng
        return f"示范省{district}{r.choice(streets)}{r.randrange(1, 399)}号{r.randrange(1, 30)}栋{r.randrange(1, 6)}单元{r.randrange(1, 28)}0{r.randrange(1, 5)}室"

    def phone(self) -> str:
        r = self.rng
        return r.choice(["139", "158", "177", "186", "135"]) + "".join(
            str(r.randrange(10)) for _ in range(8)
        )

    def person(
        self, on: date, male: bool | None = None, age: int | None = None, state: str = "valid"
    ) -> Person:
        """state: valid (expires years later), expired (ended months ago), long (长期, 46 and over)."""
        r = self.rng
        male = r.random() < 0.5 if male is None else male
        if state == "long":
            age = age or r.randrange(56, 75)
        age = age or r.randrange(24, 52)
        birth = date(on.year - age, r.randrange(1, 13), r.randrange(1, 29))
        region, district, issuer, streets = r.choice(DISTRICTS)
        if state == "long":
            start = add_years(birth, r.randrange(47, max(48, age - 1)))
            end = None
        else:
            span = 5 if age < 16 else 10 if age < 26 else 20
            if state == "expired":
                end = on - timedelta(days=r.randrange(60, 400))
            else:
                end = on + timedelta(days=r.randrange(400, 365 * span - 30))
            start = add_years(end, -span)
            if start < birth:
                start = birth + timedelta(days=30)
        return Person(
            name=self._name(male),
            male=male,
            birth=birth,
            region=region,
            address=self.address(district, streets),
            issuer=issuer,
            valid_from=start,
            valid_to=end,
            seq=r.randrange(1, 499),
            phone=self.phone(),
            birthplace=r.choice(["示范省示范市", "示范省临川县", "示范省丰城市", "示范省南城县"]),
            nation=r.choice(["汉"] * 8 + ["回", "畲"]),
            height=r.randrange(152, 186) if age >= 16 else 60 + age * 6 + r.randrange(10),
            blood=r.choice(["A型", "B型", "O型", "AB型"]),
            education=r.choice(EDUCATION) if age >= 18 else "小学" if age >= 7 else "",
            marital="已婚" if age > 30 else "未婚",
        )

    def company(self, rep: str, founded: date, getihu: bool = False) -> Company:
        r = self.rng
        region, district, _, streets = r.choice(DISTRICTS)
        word = r.choice(
            ["启明", "青禾", "远帆", "山川", "知行", "澄明", "拾光", "恒润", "丰泽", "云栖"]
        )
        if getihu:
            name = (
                f"示范市{district[3:-1]}{word}{r.choice(['小吃店', '便利店', '理发店', '五金店'])}"
            )
            kind = "个体工商户"
        else:
            name = f"示范{word}{r.choice(['科技', '商贸', '文化传媒', '餐饮管理', '信息咨询'])}有限公司"
            kind = "有限责任公司（自然人投资或控股）"
        code = make_uscc(r, region, getihu=getihu)
        return Company(
            name=name,
            uscc=code,
            legal_rep=rep,
            address=self.address(district, streets).split("栋")[0] + "号商铺",
            founded=founded,
            kind=kind,
            getihu=getihu,
        )

    def card_number(self, prefix: str = "621700") -> str:
        body = prefix + "".join(str(self.rng.randrange(10)) for _ in range(18 - len(prefix)))
        return luhn_complete(body)
