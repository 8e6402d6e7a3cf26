"""Assembly rules on read pages (no OCR): card sides joined, repeats dropped, pages merged."""

from __future__ import annotations

from knowledge import Material
from knowledge.schema import Recognize
from prereview.assemble import assemble
from prereview.document import Document, Line, Page
from tests.prereview.make_docs import WANG_FANG, ZHANG, Person

ID_MATERIAL = Material(
    id="sfz",
    name="居民身份证",
    recognize=Recognize(keywords=["居民身份证", "公民身份号码"], fields=["name", "valid_until"]),
)
LEASE_MATERIAL = Material(id="zulin", name="房屋租赁合同")
MATERIALS = [ID_MATERIAL, LEASE_MATERIAL]


def _lines(rows: list[str], top: float = 0.0, left: float = 0.0) -> list[Line]:
    return [
        Line(text, (left, top + i * 60, left + 20 * len(text), top + i * 60 + 40))
        for i, text in enumerate(rows)
    ]


def front_rows(person: Person) -> list[str]:
    b = person.birth
    return [f"姓名 {person.name}", f"性别 {person.sex} 民族 汉", f"出生 {b.year}年{b.month}月{b.day}日",
            f"住址 {person.address}", f"公民身份号码 {person.id_number}"]  # fmt: skip


def back_rows(start: str, end: str) -> list[str]:
    return ["中华人民共和国", "居民身份证", "签发机关 示范市公安局", f"有效期限 {start}-{end}"]


def photo(name: str, rows: list[str]) -> Document:
    return Document(name, kind="image", pages=[Page(1, _lines(rows), "ocr", 0, 1400, 1000)])


def ids_of(pieces) -> list[tuple[str, ...]]:
    return [tuple(p.labels) for p in pieces]


def test_front_and_back_photos_are_one_card():
    pieces, dropped = assemble(
        [photo("b.jpg", back_rows("2016.03.01", "2036.03.01")), photo("f.jpg", front_rows(ZHANG))],
        MATERIALS,
    )
    assert ids_of(pieces) == [("f.jpg", "b.jpg")] and dropped == []
    (card,) = pieces
    assert card.sides == {"front", "back"}
    assert card.fields.holder == ZHANG.name and card.fields.validity.end.year == 2036


def test_backs_go_to_the_front_whose_age_fits_their_validity():
    # 张三 (born 1988) had his card issued at 27: 20 years; 王芳 (1992) at 25: 10 years.
    documents = [
        photo("1.jpg", front_rows(ZHANG)),
        photo("2.jpg", front_rows(WANG_FANG)),
        photo("3.jpg", back_rows("2018.01.10", "2028.01.10")),
        photo("4.jpg", back_rows("2016.03.01", "2036.03.01")),
    ]
    pieces, _ = assemble(documents, MATERIALS)
    assert sorted(ids_of(pieces)) == [("1.jpg", "4.jpg"), ("2.jpg", "3.jpg")]


def test_the_same_card_twice_is_kept_once():
    documents = [photo("1.jpg", front_rows(ZHANG)), photo("2.jpg", front_rows(ZHANG))]
    pieces, dropped = assemble(documents, MATERIALS)
    assert len(pieces) == 1 and dropped == [("2.jpg", "1.jpg")]


def test_two_backs_alike_are_two_people_when_two_fronts_need_them():
    documents = [
        photo("1.jpg", front_rows(ZHANG)),
        photo("2.jpg", back_rows("2016.03.01", "2036.03.01")),
        photo("3.jpg", front_rows(Person("李明", "男", ZHANG.birth, ZHANG.address, "077"))),
        photo("4.jpg", back_rows("2016.03.01", "2036.03.01")),
    ]
    pieces, dropped = assemble(documents, MATERIALS)
    assert dropped == [] and all(p.sides == {"front", "back"} for p in pieces)


def test_contract_pages_from_separate_photos_are_one_document_in_article_order():
    documents = [
        photo("3.jpg", ["第七条 本合同自双方签字之日起生效。", "甲方（签字）：李四", "乙方（签字）：张三"]),
        photo("1.jpg", ["房屋租赁合同", "出租方（甲方）：李四", "承租方（乙方）：张三",
                        "第一条 房屋坐落：示范市人民路1号", "第二条 租赁期限自2025年3月1日起至2026年2月28日止"]),
        photo("2.jpg", ["第三条 租金每月3500元。", "第四条 乙方应合理使用房屋。"]),
    ]  # fmt: skip
    pieces, _ = assemble(documents, MATERIALS)
    (lease,) = pieces
    assert lease.labels == ["1.jpg", "2.jpg", "3.jpg"]
    assert lease.fields.signature and lease.fields.holder == "张三"
    assert [m.material_id for m in lease.matches][:1] == ["zulin"]


def test_an_unrelated_page_does_not_join_a_contract():
    documents = [
        photo("1.jpg", ["房屋租赁合同", "出租方（甲方）：李四", "承租方（乙方）：张三",
                        "第二条 租赁期限自2025年3月1日起至2026年2月28日止", "租金 每月3500元"]),
        photo("2.jpg", ["收据", "今收到 张三 交来 办公用品款", "人民币 叁佰元整"]),
    ]  # fmt: skip
    pieces, _ = assemble(documents, MATERIALS)
    assert ids_of(pieces) == [("1.jpg",), ("2.jpg",)]


def test_one_copy_page_with_both_sides_is_one_card():
    lines = _lines(front_rows(ZHANG), top=50) + _lines(
        back_rows("2016.03.01", "2036.03.01"), top=700
    )
    document = Document("copy.jpg", kind="image", pages=[Page(1, lines, "ocr", 0, 1654, 2339)])
    pieces, _ = assemble([document], MATERIALS)
    (card,) = pieces
    assert card.sides == {"front", "back"} and card.labels == ["copy.jpg"]


HUKOU_MATERIAL = Material(id="hukou", name="居民户口簿")
PERMIT_MATERIAL = Material(id="juzhu", name="示范市居住证")


def test_a_register_first_page_joins_the_member_page_beside_it():
    cover = ["居民户口簿", "户别 家庭户 户主姓名 李四", "户号 944736036",
             f"住址 {ZHANG.address}"]  # fmt: skip
    member = ["常住人口登记卡", f"姓名 {ZHANG.name} 户主或与户主关系 子", "曾用名 性别 男",
              f"宗教信仰 公民身份号码 {ZHANG.id_number}"]  # fmt: skip
    pieces, _ = assemble([photo("1.jpg", cover), photo("2.jpg", member)], [HUKOU_MATERIAL])
    (register,) = pieces
    assert register.labels == ["1.jpg", "2.jpg"]
    assert register.fields.holder == ZHANG.name and register.fields.address == ZHANG.address
    assert [c.value for c in register.fields.id_numbers] == [ZHANG.id_number]


def test_residence_permit_sides_pair_with_each_other_not_with_an_id_card():
    permit_front = ["示范市居住证", f"姓名 {WANG_FANG.name}", "性别 女",
                    f"公民身份号码 {WANG_FANG.id_number}", "居住地址 示范市湖滨东路270号"]  # fmt: skip
    permit_back = ["居住证", "签发机关 示范市公安局", "有效期限 2025.07.31-2026.07.31", "签注记录"]
    documents = [
        photo("1.jpg", front_rows(ZHANG)),
        photo("2.jpg", permit_front),
        photo("3.jpg", permit_back),
        photo("4.jpg", back_rows("2016.03.01", "2036.03.01")),
    ]
    pieces, _ = assemble(documents, [ID_MATERIAL, PERMIT_MATERIAL])
    by_kind = {p.doctype.kind: p for p in pieces}
    assert sorted(by_kind["residence-permit"].labels) == ["2.jpg", "3.jpg"]
    assert by_kind["residence-permit"].fields.validity.end.isoformat() == "2026-07-31"
    assert sorted(by_kind["id-card"].labels) == ["1.jpg", "4.jpg"]


def test_a_last_page_signed_with_a_name_read_short_still_joins_its_contract():
    documents = [
        photo("1.jpg", ["房屋租赁合同", "甲方（出租人）：李四", "乙方（承租人）：韩一鸣",
                        "第二条 租赁期限自2025年3月1日起至2026年2月28日止"]),
        photo("2.jpg", ["第四条 双方的权利和义务", "承租方应合理使用房屋，不得擅自改变房屋结构",
                        "甲方：李四 乙方：韩鸣", "2025年2月26日 2025年2月26日"]),
    ]  # fmt: skip
    pieces, _ = assemble(documents, MATERIALS)
    (lease,) = pieces
    assert lease.labels == ["1.jpg", "2.jpg"] and lease.fields.holder == "韩一鸣"


def test_sides_uploaded_one_after_the_other_stay_together_when_the_validity_misleads():
    # 张三 (born 1988) shows a 10-year validity issued at 28, which fits no age band; a
    # misread date does this too. Upload order still pairs each front with its back.
    documents = [
        photo("1.jpg", front_rows(ZHANG)),
        photo("2.jpg", back_rows("2016.03.01", "2026.03.01")),
        photo("3.jpg", front_rows(WANG_FANG)),
        photo("4.jpg", back_rows("2016.03.01", "2036.03.01")),
    ]
    pieces, _ = assemble(documents, MATERIALS)
    assert sorted(ids_of(pieces)) == [("1.jpg", "2.jpg"), ("3.jpg", "4.jpg")]


SALE_MATERIALS = [
    Material(id="deed", name="不动产权证书",
             recognize=Recognize(keywords=["不动产权证书", "权利人", "坐落", "不动产单元号"])),
    Material(id="contract", name="存量房买卖合同（网签备案版）",
             recognize=Recognize(keywords=["存量房买卖合同", "出卖人", "买受人", "成交价格"])),
]  # fmt: skip


def test_a_contract_of_a_kind_the_table_does_not_know_joins_its_pages_in_any_upload():
    """A sale contract lists 坐落, 面积, 用途 like a certificate: its heading says contract."""
    documents = [
        photo("2.jpg", ["第五条 税费由双方按照国家规定各自承担。", "第六条 本合同经双方签字后生效。",
                        "出卖人（签章）：李四", "买受人（签章）：张三", "2025年5月20日"]),
        photo("1.jpg", ["示范市存量房买卖合同", "出卖人：李四", "买受人：张三", "第一条 房屋基本情况",
                        "房屋坐落 示范市人民路12号", "建筑面积 89.27平方米", "规划用途 住宅",
                        "第二条 成交价格为人民币2310000元。"]),
        photo("3.jpg", ["第九条 其他约定事项。", "第十条 本合同一式三份。"]),
    ]  # fmt: skip
    pieces, _ = assemble(documents, SALE_MATERIALS)
    (contract,) = pieces
    assert contract.doctype is None  # not a property certificate
    assert contract.labels == ["1.jpg", "2.jpg", "3.jpg"]
    assert [m.material_id for m in contract.matches][:1] == ["contract"]


def test_a_second_titled_contract_is_not_swallowed_by_the_first():
    documents = [
        photo("1.jpg", ["示范市存量房买卖合同", "出卖人：李四", "买受人：张三", "第一条 房屋基本情况"]),
        photo("2.jpg", ["示范市存量房买卖合同", "出卖人：王五", "买受人：张三", "第一条 房屋基本情况"]),
    ]  # fmt: skip
    pieces, _ = assemble(documents, SALE_MATERIALS)
    assert ids_of(pieces) == [("1.jpg",), ("2.jpg",)]
