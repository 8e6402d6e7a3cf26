"""Fields read from document rows: holder, legal representative, codes, dates, signature."""

from __future__ import annotations

import datetime as dt

import pytest

from prereview.fields import extract_fields, find_holder
from tests.prereview.make_docs import SHAREHOLDER_USCC

ID_ROWS = [
    "姓名 张三",
    "性别 男 民族 汉",
    "出生 1988年6月15日",
    "住址 示范市梁溪区人民路12号",
    "公民身份号码 11010519491231002X",
    "签发机关 示范市公安局",
    "有效期限 2016.03.01-2036.03.01",
]


def test_id_card_fields():
    f = extract_fields(ID_ROWS)
    assert (f.holder_label, f.holder) == ("姓名", "张三")
    assert [c.value for c in f.id_numbers if c.valid] == ["11010519491231002X"]
    assert f.validity.end == dt.date(2036, 3, 1)
    assert f.address == "示范市梁溪区人民路12号"
    assert f.issue_date == dt.date(2016, 3, 1)  # the birth date is never an issue date
    assert not f.signature
    assert all(f.has(x) for x in ("name", "id_number", "valid_until", "address", "date"))


def test_name_when_ocr_joins_label_and_value():
    assert extract_fields(["姓名张三性别男"]).holder == "张三"
    assert extract_fields(["联系人姓名 王五", "申请人：张三"]).holder == "张三"


@pytest.mark.parametrize(
    ("rows", "label", "holder"),
    [
        (["出租方（甲方）：李四", "承租方（乙方）：张三"], "承租方", "张三"),
        (["乙方（承租方）：示范市青禾科技有限公司"], "承租方", "示范市青禾科技有限公司"),
        (["委托人 示范市青禾科技有限公司", "受托人 王芳"], "委托人", "示范市青禾科技有限公司"),
        (
            ["企业名称 示范市青禾科技有限公司", "联系人姓名 王五"],
            "企业名称",
            "示范市青禾科技有限公司",
        ),
        (["承租方（乙方）：張三"], "承租方", "张三"),  # Traditional → Simplified
        (["第二条公司名称：示范市青禾科技有限公司。"], "公司名称", "示范市青禾科技有限公司"),
        (["名类 称示范市禾丰投资有限公司 型有限责任公司"], "名称", "示范市禾丰投资有限公司"),
    ],
)
def test_holder_labels(rows, label, holder):
    f = extract_fields(rows)
    assert (f.holder_label, f.holder) == (label, holder)


def test_company_form_fields():
    f = extract_fields(
        [
            "公司登记（备案）申请书",
            "企业名称 示范市青禾科技有限公司",
            "法定代表人 张三",
            "联系电话 13912345678",
            "统一社会信用代码 91350100M000100Y43",
            "法定代表人签字：张三",
            "日期：2025年5月20日",
        ]
    )
    assert f.legal_rep == "张三"
    assert f.phones == ["13912345678"]
    assert [c.valid for c in f.usccs] == [True]
    assert f.signature
    assert f.issue_date == dt.date(2025, 5, 20)


def test_issue_date_is_labelled_date_not_validity_end():
    f = extract_fields(["体检日期 2025年3月1日", "有效期至 2026年2月28日"])
    assert f.issue_date == dt.date(2025, 3, 1)
    assert f.validity.end == dt.date(2026, 2, 28)
    lease = extract_fields(
        ["租赁期限自2025年1月1日起至2027年12月31日止", "签订日期：2024年12月20日"]
    )
    assert lease.issue_date == dt.date(2024, 12, 20)


def test_full_width_and_traditional_rows():
    f = extract_fields(
        [
            "公民身份號碼：１１０１０５１９４９１２３１００２Ｘ",
            "有效期限：２０１６．０３．０１－長期",
        ]
    )
    assert [c.valid for c in f.id_numbers] == [True]
    assert f.validity.long_term


# -- rules added with document types (issue 10) ----------------------------------------------


def test_id_number_wrapped_over_two_rows_is_joined_and_checked():
    number = "320202198806150134"
    f = extract_fields([f"公民身份号码 {number[:12]}", number[12:], "工作年限 3年"])
    assert [(c.value, c.valid) for c in f.id_numbers] == [(number, True)]


def test_uscc_wrapped_over_two_rows_is_joined():
    f = extract_fields(
        [f"统一社会信用代码 {SHAREHOLDER_USCC[:12]}", f"{SHAREHOLDER_USCC[12:]} 名称"]
    )
    assert [(c.value, c.valid) for c in f.usccs] == [(SHAREHOLDER_USCC, True)]


def test_unrelated_rows_are_not_joined_into_a_number():
    f = extract_fields(["编号 320202198806", "123456"])  # joined, the check digit is wrong
    assert f.id_numbers == []


def test_applicant_statement_heading_is_no_name():
    f = extract_fields(["申请人声明", "本人承诺所填内容真实", "企业名称 示范市青禾科技有限公司"])
    assert f.holder == "示范市青禾科技有限公司"


def test_certificate_names_its_holder_in_running_text():
    f = extract_fields(["解除劳动合同证明书", "兹证明张三同志自2021年7月1日起在我单位工作"])
    assert (f.holder_label, f.holder) == ("兹证明", "张三")


@pytest.mark.parametrize(
    ("rows", "labels", "holder"),
    [
        (["甲方：李四", "乙方：张三"], ("承租方", "承租人", "乙方"), "张三"),
        (["户名 张三 账号 6222021234567890123"], ("户名",), "张三"),
        (["持证人 王芳", "姓名 张三"], ("持证人", "姓名"), "王芳"),
    ],
)
def test_holder_by_the_labels_of_the_document_type(rows, labels, holder):
    assert extract_fields(rows, labels).holder == holder


@pytest.mark.parametrize(
    "rows",
    [
        ["第一条 甲方将其合法拥有的坐落于示范市梁溪区人民路100号501室的房屋出租给乙方使用。"],
        ["第一条 甲方将坐落在示范市梁溪区人民路100号", "501室的房屋出租给乙方。"],  # wrapped line
        ["甲方同意将位于示范市梁溪区人民路100号501室的商铺租给乙方经营"],
    ],
)
def test_address_in_running_text_of_a_contract(rows):
    """Leases name the place in a sentence (坐落于X的房屋), not after a label."""
    f = extract_fields(rows)
    assert f.address == "示范市梁溪区人民路100号501室"
    assert f.has("address")


def test_no_address_from_a_sentence_without_a_place():
    assert extract_fields(["乙方不得擅自改变房屋用途，位于本合同约定范围内。"]).address is None


def test_organisation_named_under_the_title_is_the_holder():
    """A company's own rules or plans carry its name as a line of its own under the title."""
    rows = ["食品安全管理制度", "示范市青禾餐饮有限公司", "一、从业人员健康管理制度"]
    assert extract_fields(rows).holder == "示范市青禾餐饮有限公司"
    assert extract_fields([rows[0], rows[2]]).holder is None


def test_person_named_by_the_id_number_beside_the_name():
    """Certificates write 王芳（公民身份号码：…）参加… without a 姓名 label."""
    rows = [
        "食品安全管理人员培训考核合格证明",
        "王芳（公民身份号码：320202199211030268）参加培训考核，成绩合格。",
    ]
    f = extract_fields(rows)
    assert (f.holder_label, f.holder) == ("姓名", "王芳")


def test_ethnic_group_is_read_beside_its_label():
    assert extract_fields(ID_ROWS).ethnicity == "汉"
    assert extract_fields(["性别女民族维吾尔出生1990年1月1日"]).ethnicity == "维吾尔"
    assert extract_fields(["性别 男 民族"]).ethnicity is None


def test_a_role_is_read_after_a_full_width_colon():
    from prereview.fields import find_named

    rows = ["受托人：王芳 公民身份号码：320202199211030263", "受托人在上述权限内所办理的事项"]
    assert find_named(rows, ("受托人",)) == "王芳"


def test_a_contract_clause_is_no_tenant():
    rows = [
        "承租人 邓旭东 证件号码 360102199208276390",
        "租赁期满，承租方如需续租，应提前一个月书面通知出租方。",
        "承租方应合理使用房屋，不得擅自改变房屋结构。",
    ]
    assert extract_fields(rows, ("承租方", "承租人", "乙方")).holder == "邓旭东"
    clauses_only = extract_fields(rows[2:], ("承租方", "承租人", "乙方"))
    assert clauses_only.holder is None


def test_a_field_label_run_into_its_value_still_names_the_holder():
    rows = ["居民户口簿", "户主姓名 李四", "常住人口登记卡", "姓名张三 户主或与户主关系 子"]
    assert extract_fields(rows, ("姓名", "户主姓名")).holder == "张三"


def test_a_contract_is_dated_where_it_is_signed_not_where_its_term_starts():
    rows = [
        "租赁期限自2026年7月1日起至2029年6月30日止。",
        "甲方：李四 乙方：张三",
        "2026年6月26日 2026年6月26日",
    ]
    assert extract_fields(rows).issue_date == dt.date(2026, 6, 26)
    same_row = ["租赁期限自2026年10月5日起至2029年10月4日止。", "出租人： 2026年9月29日"]
    assert extract_fields(same_row).issue_date == dt.date(2026, 9, 29)


def test_an_article_heading_is_no_address():
    rows = [
        "第一条 房屋坐落、面积",
        "出租方将其所有的坐落于示范市东湖区民德路24号2101室的",
        "房屋出租给承租方居住使用。",
    ]
    assert extract_fields(rows).address == "示范市东湖区民德路24号2101室"


def test_residence_address_label():
    assert extract_fields(["居住地址 示范市湖滨东路270号"]).address == "示范市湖滨东路270号"


@pytest.mark.parametrize(
    "title",
    [
        "示范青禾商贸有限公司股东会决议",
        "示范青禾商贸有限公司章程修正案",
        "示范青禾商贸有限公司章程",
    ],
)
def test_a_company_paper_names_the_company_in_its_title(title):
    rows = [title, "根据《公司法》及本公司章程，股东会一致通过如下决议："]
    assert extract_fields(rows).holder == "示范青禾商贸有限公司"


def test_a_change_form_names_the_new_legal_representative():
    rows = ["公司变更登记申请书", "名称 示范青禾商贸有限公司", "变更事项 法定代表人",
            "原登记内容 李四", "申请变更登记内容 王芳", "法定代表人签字："]  # fmt: skip
    assert extract_fields(rows).legal_rep == "王芳"


def test_an_organisation_name_holding_a_label_word_is_read_whole():
    rows = ["名称 示范启明信息咨询有限公司", "类型 有限责任公司"]
    assert extract_fields(rows).holder == "示范启明信息咨询有限公司"


# -- rules added on document set #3 (2026-12-01) ---------------------------------------------


def test_a_licence_is_dated_where_it_is_issued_not_when_the_company_was_founded():
    rows = [
        "营业执照",
        "名称 示范市宏图商贸有限公司 注册资本 壹佰万元整",
        "类型 有限责任公司 成立日期 2014年09月07日",
        "登记机关",
        "2023年07月03日",
    ]
    assert extract_fields(rows).issue_date == dt.date(2023, 7, 3)
    licence = ["准驾车型 C1", "初次领证日期 2014-09-14", "签发日期 2020-09-14"]
    assert extract_fields(licence).issue_date == dt.date(2020, 9, 14)
    assert extract_fields(["日期：2025年5月20日", "出生日期 1990年1月1日"]).issue_date == dt.date(
        2025, 5, 20
    )


def test_a_certificate_is_dated_at_its_seal_not_at_the_end_of_its_term_of_use():
    rows = [
        "权利人 凌春生",
        "坐落 示范市滨湖区锡山路147号11幢678室",
        "使用期限 国有建设用地使用权2008年06月30日起2078年06月29日止",
        "登记机构（章） 2018年9月4日",
    ]
    assert extract_fields(rows, ("权利人",)).issue_date == dt.date(2018, 9, 4)


def test_the_buyer_holds_a_sale_contract():
    rows = [
        "示范市存量房买卖合同",
        "出卖人：凌春生 证件号码：320211197011042772",
        "买受人：邝沐阳 证件号码：320211197509065541",
        "买受人采用商业贷款方式付款",
    ]
    assert extract_fields(rows).holder == "邝沐阳"
    assert extract_fields(rows[3:]).holder is None  # the clause names nobody


@pytest.mark.parametrize(
    "row",
    ["户籍地址 示范市锡山区运河东路89号4幢1004室", "不动产坐落 示范市锡山区运河东路89号4幢1004室"],
)
def test_qualified_address_labels(row):
    assert extract_fields([row]).address == "示范市锡山区运河东路89号4幢1004室"


def test_an_empty_signature_place_is_no_signature():
    """乙方（签字）： with nothing after it (or only the date) leaves the agreement unsigned."""
    unsigned = extract_fields(["弹性延迟退休协议书", "乙方（签字）：", "2026年11月18日"])
    assert not unsigned.has("signature")
    assert not extract_fields(["乙方(签字): 2026年11月18日"]).has("signature")
    assert not extract_fields(
        ["甲方（签字）： 乙方（签字）：", "本合同自双方签字之日起生效。"]
    ).signature
    assert extract_fields(["甲方（签字）： 乙方（签字）：张三"]).has("signature")
    assert extract_fields(["法定代表人签字：张三", "日期：2025年5月20日"]).has("signature")
    # Written at the place per the layout (handwriting beside it, a picture, a seal): signed.
    laid_out = extract_fields(["乙方（签字）：", "2026年11月18日"])
    laid_out.signed = True
    assert laid_out.has("signature")
    # A paper without signature places keeps its signing word (医师签名 in a table cell).
    assert extract_fields(["诊断证明书", "医师 签名 王五"]).has("signature")


@pytest.mark.parametrize(
    ("rows", "holder"),
    [
        (["本人覃桂英及共同生活的家庭成员，同意并授权民政部门查询"], "覃桂英"),
        (["本人及共同生活的家庭成员同意并授权民政部门查询"], None),
        (["授权人：覃桂英"], "覃桂英"),
        (["劳动能力鉴定结论书", "被鉴定人：骆婉清公民身份号码：320213197107177914"], "骆婉清"),
    ],
)
def test_authorisations_and_appraisals_name_their_subject(rows, holder):
    assert extract_fields(rows).holder == holder


def test_a_raised_digit_in_a_date_is_a_digit():
    """OCR reads a small handwritten 8 as ⁸: 2026年12月⁸日 is the 8th."""
    rows = ["男方（签名）：韦博文 女方（签名）：戚诗涵", "2026年12月⁸日 2026年12月⁸日"]
    assert extract_fields(rows).issue_date == dt.date(2026, 12, 8)


def test_a_city_alone_is_no_address_of_a_place():
    assert extract_fields(["四、位于示范市的住房一套归女方所有"]).address is None
    rows = ["甲方将坐落于示范市梁溪区人民路12号的房屋出租给乙方"]
    assert extract_fields(rows).address == "示范市梁溪区人民路12号"


def test_a_label_run_into_a_longer_word_names_nobody():
    """系示范市基本医疗保险参保人员: 参保人 runs into 员, a word, not a one-character name."""
    rows = ["本人孔静怡（公民身份号码：360121195310258245），系示范市基本医疗保险参保人员"]
    assert extract_fields(rows).holder == "孔静怡"


def test_the_issuing_office_beside_its_label_is_no_holder():
    back = [
        "中华人民共和国",
        "居民身份证",
        "签发机关 示范市公安局梁溪分局",
        "有效期限 2020.01.01-2040.01.01",
    ]
    assert find_holder(back) == (None, None)


def test_an_organisation_in_a_cell_of_its_own_is_the_holder():
    rows = ["证明", "单位 示范青禾商贸有限公司", "兹证明…"]
    assert find_holder(rows)[1] == "示范青禾商贸有限公司"
