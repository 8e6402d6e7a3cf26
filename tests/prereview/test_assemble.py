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


def test_a_form_column_of_bare_labels_is_not_cut_off_as_an_unreadable_card():
    # The labels (姓名 | 公民身份号码 | 现居住地址) stand apart from their values: the labels alone
    # look like a card's, but a region too small to read is half of the form, not an upload.
    def at(text: str, x: float, y: float) -> Line:
        return Line(text, (x, y, x + 30 * len(text), y + 40))

    labels = [at("姓名", 0, 100), at("公民身份号码", 0, 160), at("现居住地址", 0, 220)]
    values = [at("户口迁移申请表", 400, 20), at("王芳 性别 女 民族 汉", 400, 100),
              at(f"{WANG_FANG.id_number} 出生日期 1992.03.15", 400, 160),
              at("示范市梁溪区清扬路181号 联系电话 13925106582", 400, 220),
              at("申请人（签名）：王芳", 400, 280), at("日期：2026年11月27日", 400, 340)]  # fmt: skip
    page = Page(1, labels + values, "ocr", 0, 1400, 1000)
    pieces, _ = assemble([Document("1.jpg", kind="image", pages=[page])], MATERIALS)
    assert len(pieces) == 1 and pieces[0].doctype.id == "form"
    assert pieces[0].readable_chars >= 100


def _certificate(name: str, issued: str, until: str, top: float) -> list[Line]:
    rows = ["健康合格证明", f"姓名 {name}", "性别 男", f"体检日期 {issued}", f"有效期至 {until}",
            "体检单位：示范市疾病预防控制中心"]  # fmt: skip
    return _lines(rows, top=top, left=100)


def test_two_certificates_under_their_own_titles_on_one_photo_are_two_documents():
    # Two staff members' health certificates on one sheet: no blank band to cut along, but each
    # starts with its title; one of them has expired, and that must not hide behind the other.
    lines = _certificate("勾立新", "2025-09-03", "2026-09-03", 0) + _certificate(
        "逯思远", "2026-09-05", "2027-09-05", 400
    )
    page = Page(1, lines, "ocr", 0, 1200, 1600)
    pieces, _ = assemble([Document("1.jpg", kind="image", pages=[page])], MATERIALS)
    assert [p.fields.holder for p in pieces] == ["勾立新", "逯思远"]
    assert [p.fields.validity.end.year for p in pieces] == [2026, 2027]


def test_a_contract_page_repeating_its_title_is_not_cut():
    rows = ["房屋租赁合同", "出租方（甲方）：王芳", "承租方（乙方）：张三", "第一条 房屋坐落于示范市梁溪路1号",
            "第二条 租赁期限自2025年3月1日起至2027年2月28日止", "房屋租赁合同", "第三条 租金每月2000元",
            "甲方（签字）：王芳", "乙方（签字）：张三"]  # fmt: skip
    page = Page(1, _lines(rows), "ocr", 0, 1200, 1600)
    pieces, _ = assemble([Document("1.jpg", kind="image", pages=[page])], MATERIALS)
    assert len(pieces) == 1


LABOUR_MATERIAL = Material(id="laodong", name="劳动合同")


def test_a_page_joins_the_contract_whose_clause_numbering_it_continues():
    # A lease (one PDF, whole) and a labour contract photographed in two pages: the second page
    # (五、…) continues the labour contract's 四、, though the longer lease shares more words.
    lease = ["房屋租赁合同", "出租方（甲方）：李四", "承租方（乙方）：张三", "第一条 房屋坐落于示范市人民路1号",
             "第二条 租赁期限自2025年3月1日起至2026年2月28日止，甲方应按时交付房屋",
             "第三条 租金每月3500元，乙方应按季度支付", "甲方（签字）：李四 日期：2025年3月1日",
             "乙方（签字）：张三 日期：2025年3月1日"]  # fmt: skip
    labour = ["劳动合同", "用人单位（甲方）：示范市聚鑫物流有限公司", "劳动者（乙方）：张三",
              "一、合同期限：自2025年1月1日起至2027年12月31日止。", "四、劳动报酬：甲方按月支付工资。"]  # fmt: skip
    second = ["五、社会保险：甲方依法为乙方缴纳社会保险费。", "甲方（盖章）", "乙方（签字）：张三",
              "日期：2025年1月1日"]  # fmt: skip
    documents = [photo("1.jpg", lease), photo("2.jpg", labour), photo("3.jpg", second)]
    pieces, _ = assemble(documents, [*MATERIALS, LABOUR_MATERIAL])
    assert sorted(ids_of(pieces)) == [("1.jpg",), ("2.jpg", "3.jpg")]


def test_a_signature_page_of_a_contract_does_not_join_an_application_form():
    # The lease's first page read poorly; the form shares more words with the signature page.
    form = ["居住证申领登记表", "姓名 张三 性别 男", "现居住地址 示范市人民路1号", "申请人(签字)：张三",
            "日期：2025年3月1日"]  # fmt: skip
    lease = ["房屋租赁合同", "第三条 月租金为人民币4300元"]
    last = ["甲方(签字)：李四", "日期：2025年3月1日", "乙方(签字)：张三", "日期：2025年3月1日"]
    form_material = Material(id="biao", name="居住证申领登记表")
    documents = [photo("1.jpg", lease), photo("2.jpg", last), photo("3.jpg", form)]
    pieces, _ = assemble(documents, [*MATERIALS, form_material])
    assert sorted(ids_of(pieces)) == [("1.jpg", "2.jpg"), ("3.jpg",)]


def test_an_untitled_second_page_joins_the_record_uploaded_just_before_it():
    # Page 2 of a discharge record: no title, one label of its type (医师签名), no material of
    # its own. Uploaded right after page 1 it is page 1's next page, not a stray upload.
    first = ["示范市妇幼保健院", "出院记录", "姓名 廖锦程 性别 女 年龄 34岁", "入院日期 2026-10-03",
             "出院日期 2026-10-07", "出院诊断：足月妊娠"]  # fmt: skip
    second = ["出院情况：一般情况好，切口愈合良好。", "出院医嘱：注意休息。", "医师签名 廖子墨",
              "2026年10月7日"]  # fmt: skip
    record = Material(id="jilu", name="出院记录")
    receipt = ["收据", "今收到 张三 交来 办公用品款", "人民币 叁佰元整"]
    documents = [photo("1.jpg", first), photo("2.jpg", second), photo("3.jpg", receipt)]
    pieces, _ = assemble(documents, [*MATERIALS, record])
    assert ids_of(pieces) == [("1.jpg", "2.jpg"), ("3.jpg",)]
    assert pieces[0].fields.holder == "廖锦程" and pieces[0].doctype.id == "medical-record"
