"""Fictitious people and companies of 示范市 with valid check characters.

ID validity follows 居民身份证法 art. 5: under 16 → 5 years, 16–25 → 10, 26–45 → 20,
46 and over → 长期. Check characters come from ``tests.prereview.blind.ident``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from tests.prereview.blind.ident import Company, Person, add_years, make_uscc

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭鲁韦马方俞任袁柳鲍史唐薛雷贺倪汤殷罗毕郝邬安常乐于傅齐康伍余顾孟黄穆萧尹姚邵汪祁毛狄米贝明臧计成戴宋庞熊纪舒屈项祝董梁杜阮蓝闵席季贾路江童颜郭梅盛林钟徐邱骆高夏蔡田胡凌霍虞万柯卢莫房解应宗丁宣邓单杭洪包左石崔龚程邢裴陆荣翁荀羊甄曲家封储靳段富巫乌焦巴弓牧车侯全班仰秋仲伊宫宁仇栾暴甘厉戎祖武符刘景詹束龙叶幸司韶黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳姬申扶堵冉宰郦雍桑桂濮牛寿通边扈燕冀浦尚农温别庄晏柴瞿阎充慕连茹习艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧利蔚越夔隆师巩聂晁勾敖融冷辛阚那简饶空曾沙养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公"
GIVEN = "建国秀英桂兰志强海燕晓东丽华振宇雨婷思远嘉怡博文欣然俊杰雅琴立新玉梅德明春生家豪紫涵子轩梦瑶浩然雪梅国庆永红卫东淑芬宏伟静怡天佑诗涵明辉秋菊云飞晨曦凤英长青"
REGIONS = ("320213", "320214", "320206", "320211", "320281", "320282")
STREETS = (
    "人民中路",
    "解放南路",
    "清扬路",
    "学前街",
    "梁溪路",
    "金匮大道",
    "惠河路",
    "通扬南路",
    "太湖大道",
    "运河东路",
    "锡澄路",
    "建筑路",
    "湖滨路",
    "广益路",
)
DISTRICTS = ("梁溪区", "滨湖区", "惠山区", "新吴区", "锡山区", "经开区")
BRANDS = (
    "鸿泰",
    "瑞丰",
    "康宁",
    "聚鑫",
    "百合",
    "汇川",
    "德润",
    "安和",
    "恒盛",
    "嘉禾",
    "云帆",
    "益民",
)
TRADES = (
    ("足浴", "休闲服务"),
    ("美容美发", "美容服务"),
    ("宾馆", "住宿服务"),
    ("大药房", "医药"),
    ("便利店", "商贸"),
    ("健身", "体育"),
    ("物流", "运输"),
    ("医疗器械", "贸易"),
)


def person_name(rng: random.Random) -> str:
    given = GIVEN[rng.randrange(0, len(GIVEN) - 1, 2) :][:2]
    if rng.random() < 0.25:
        given = given[0]
    return rng.choice(SURNAMES) + given


def address(rng: random.Random) -> str:
    district = rng.choice(DISTRICTS)
    road = rng.choice(STREETS)
    if rng.random() < 0.5:
        return f"示范市{district}{road}{rng.randint(3, 388)}号"
    return (
        f"示范市{district}{road}{rng.randint(3, 388)}号{rng.randint(1, 32)}幢"
        f"{rng.randint(1, 3)}单元{rng.randint(1, 26)}0{rng.randint(1, 4)}室"
    )


def id_validity(birth: date, issued: date) -> date | None:
    """End of validity for a card issued on ``issued`` (居民身份证法 art. 5)."""
    age = issued.year - birth.year - ((issued.month, issued.day) < (birth.month, birth.day))
    if age < 16:
        return add_years(issued, 5)
    if age <= 25:
        return add_years(issued, 10)
    if age <= 45:
        return add_years(issued, 20)
    return None


def make_person(
    rng: random.Random,
    today: date,
    age: int | None = None,
    male: bool | None = None,
    expired: bool = False,
    name: str | None = None,
) -> Person:
    """A person whose card is valid on ``today`` (or expired some months before)."""
    age = age if age is not None else rng.randint(22, 68)
    male = rng.random() < 0.5 if male is None else male
    birth = date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
    if expired:
        # a card whose fixed term ended 3-14 months ago (never 长期)
        end = today - timedelta(days=rng.randint(95, 420))
        for term in (20, 10, 5):
            issued = add_years(end, -term)
            if issued > birth and id_validity(birth, issued) == end:
                break
        else:
            raise ValueError(f"no fixed-term card ends on {end} for a person born {birth}")
    else:
        for _ in range(200):
            issued = today - timedelta(days=rng.randint(200, 4000))
            if issued <= birth:
                continue
            end = id_validity(birth, issued)
            if end is None or end > today + timedelta(days=120):
                break
    region = rng.choice(REGIONS)
    return Person(
        name=name or person_name(rng),
        male=male,
        birth=birth,
        region=region,
        address=address(rng),
        issuer=f"示范市公安局{rng.choice(DISTRICTS)}分局",
        valid_from=issued,
        valid_to=id_validity(birth, issued),
        seq=rng.randint(1, 499),
    )


def make_company(
    rng: random.Random, rep: Person, getihu: bool = False, trade: int | None = None
) -> Company:
    brand = rng.choice(BRANDS)
    word, _ = TRADES[trade if trade is not None else rng.randrange(len(TRADES))]
    district = rng.choice(DISTRICTS)
    if getihu:
        name = f"示范市{district}{brand}{word}店"
        kind = "个体工商户"
    else:
        name = f"示范市{brand}{word}有限公司"
        kind = "有限责任公司（自然人投资或控股）"
    return Company(
        name=name,
        uscc=make_uscc(rng, "320200", getihu=getihu),
        legal_rep=rep.name,
        address=address(rng),
        kind=kind,
        founded=date(rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)),
        getihu=getihu,
    )
