"""The printable pre-filled form: values with their sources, blanks to fill, a line to sign."""

from __future__ import annotations

import io

import pdfplumber

from prereview.forms import NO_FORMS, render_combined_form, render_form_html, render_form_pdf
from prereview.result import PrefillField, PrefillForm, ReviewResult
from tests.prereview.make_docs import RESTAURANT, TODAY, ZHANG

ID_SOURCE = "居民身份证（upload_1.jpg）"


def _result(item: str, name: str, forms: list[PrefillForm], number: str = "YS1") -> ReviewResult:
    return ReviewResult(item, name, "示范市市场监督管理局", TODAY, number, None, False, [],
                        prefill=forms)  # fmt: skip


SPJY = _result(
    "scjg-spjy-xuke",
    "食品经营许可",
    [
        PrefillForm(
            "shenqingshu",
            "食品经营许可申请书",
            [
                PrefillField("申请人名称", "company_name", RESTAURANT, "营业执照（upload_2.jpg）"),
                PrefillField("法定代表人（负责人）", "name", ZHANG.name, ID_SOURCE),
                PrefillField("身份证件号码", "id_number", ZHANG.id_number, ID_SOURCE),
                PrefillField(
                    "统一社会信用代码",
                    "uscc",
                    None,
                    None,
                    "统一社会信用代码未通过校验，请核对后填写",
                ),
                PrefillField("联系电话", "phone"),
            ],
        )
    ],
)
XCY = _result(
    "scjg-xiaocanyin-dengji",
    "小餐饮登记",
    [
        PrefillForm(
            "dengji-sqb",
            "小餐饮登记申请表",
            [
                PrefillField("负责人姓名", "name", ZHANG.name, ID_SOURCE),
                PrefillField("身份证号码", "id_number", ZHANG.id_number, ID_SOURCE),
                PrefillField("经营场所", "business_address"),
                PrefillField("联系电话", "phone", "13912345678", "申请人填写"),
            ],
        )
    ],
    "YS2",
)


def _pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_html_shows_values_their_sources_blanks_and_the_signature_line():
    html = render_form_html(SPJY)
    assert "食品经营许可申请书" in html and RESTAURANT in html and ZHANG.id_number in html
    assert "来源：营业执照（upload_2.jpg）" in html and f"来源：{ID_SOURCE}" in html
    assert html.count('class="blank"') == 2  # 统一社会信用代码 and 联系电话
    assert "统一社会信用代码未通过校验" in html
    assert "签字" in html and "日期" in html and "@page { size: A4" in html
    assert "<script" not in html


def test_html_escapes_what_the_applicant_typed():
    form = PrefillForm("f", "申请表", [PrefillField("姓名", "name", "<b>张三</b>", "申请人填写")])
    html = render_form_html(_result("x", "某事项", [form]))
    assert "<b>张三</b>" not in html and "&lt;b&gt;" in html


def test_pdf_opens_and_holds_the_values_and_sources():
    text = _pdf_text(render_form_pdf(SPJY))
    assert ZHANG.name in text and RESTAURANT in text and ZHANG.id_number in text
    assert "upload_2.jpg" in text and "签字" in text


def test_an_item_without_declared_form_fields_says_so():
    html = render_form_html(_result("x", "某事项", []))
    assert NO_FORMS in html


def test_combined_form_shows_shared_fields_once_then_each_item_s_own():
    html = render_combined_form([SPJY, XCY], title="开饭店“一件事”一表申请")
    shared, _, rest = html.partition("食品经营许可：食品经营许可申请书")
    assert "共同信息" in shared
    assert shared.count(ZHANG.id_number) == 1 and ZHANG.id_number not in rest
    assert "13912345678" in shared  # typed once, shared by both forms
    assert RESTAURANT in rest and "小餐饮登记：小餐饮登记申请表" in rest
    assert "经营场所" in rest  # an item's own field, blank, stays with its item
    assert "YS1" in html and "YS2" in html


def test_combined_form_keeps_fields_apart_when_the_items_disagree():
    other = _result(
        "y",
        "另一事项",
        [PrefillForm("f", "申请表", [PrefillField("姓名", "name", "王芳", ID_SOURCE)])],
    )
    html = render_combined_form([SPJY, other])
    assert ZHANG.name in html and "王芳" in html
    shared = html.partition("食品经营许可：")[0]
    assert "王芳" not in shared and f">{ZHANG.name}<" not in shared


def test_combined_form_as_pdf():
    text = _pdf_text(render_combined_form([SPJY, XCY], pdf=True))
    assert ZHANG.name in text and "小餐饮登记申请表" in text


def test_combined_form_never_fills_a_blank_another_item_left_for_a_reason():
    doubtful = _result(
        "y",
        "另一事项",
        [PrefillForm("f", "申请表", [
            PrefillField("身份证号", "id_number", None, None, "证件号码未通过校验，请核对后填写")
        ])],
    )  # fmt: skip
    html = render_combined_form([SPJY, doubtful])
    shared, _, rest = html.partition("食品经营许可：")
    assert ZHANG.id_number not in shared
    assert "证件号码未通过校验" in rest
