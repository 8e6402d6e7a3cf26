"""一表申请: form fields filled from the documents read, each naming its source; nothing guessed."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge import Guide
from prereview import review
from prereview.prefill import TYPED, fill_result, parse_typed, prefill
from prereview.result import DocumentRead, MaterialResult, ReviewResult
from tests.prereview.make_docs import (
    RESTAURANT,
    RESTAURANT_USCC,
    TODAY,
    WANG_FANG,
    ZHANG,
    make_id,
    make_uscc,
)

GUIDE = Guide.model_validate(
    {
        "id": "test-item",
        "name": "测试事项",
        "department": "示范市市场监督管理局",
        "materials": [
            {
                "id": "shenqingshu",
                "name": "登记申请书",
                "form_fields": [
                    {"label": "经营者姓名", "key": "name", "from": "jingyingzhe-sfz"},
                    {"label": "性别", "key": "sex", "from": "jingyingzhe-sfz"},
                    {"label": "出生日期", "key": "birth_date", "from": "jingyingzhe-sfz"},
                    {"label": "身份证件号码", "key": "id_number", "from": "jingyingzhe-sfz"},
                    {"label": "住所", "key": "address", "from": "jingyingzhe-sfz"},
                    {"label": "名称", "key": "company_name", "from": "yyzz"},
                    {"label": "统一社会信用代码", "key": "uscc", "from": "yyzz"},
                    {"label": "经营场所", "key": "business_address",
                     "from": ["zulin", "yyzz"]},
                    {"label": "联系电话", "key": "phone"},
                    {"label": "民族", "key": "ethnicity"},
                ],
            },
            {"id": "jingyingzhe-sfz", "name": "经营者居民身份证"},
            {"id": "yyzz", "name": "营业执照"},
            {"id": "zulin", "name": "经营场所租赁合同"},
            {"id": "daili-sfz", "name": "委托代理人身份证"},
        ],
    }
)  # fmt: skip
BUSINESS_ADDRESS = "示范市梁溪区解放北路18号"


def id_card(person, material="jingyingzhe-sfz", files=("upload_1.jpg",), number=None):
    return DocumentRead(
        list(files),
        "id-card",
        material,
        {"name": person.name, "id_number": number or person.id_number,
         "address": person.address, "valid_until": "2036-03-01", "signature": False},
    )  # fmt: skip


def licence(uscc=RESTAURANT_USCC, address=BUSINESS_ADDRESS):
    return DocumentRead(
        ["upload_2.jpg"],
        "business-licence",
        "yyzz",
        {"name": RESTAURANT, "uscc": uscc, "legal_rep": ZHANG.name, "address": address},
    )


def lease(address=BUSINESS_ADDRESS):
    return DocumentRead(
        ["upload_3.pdf"], "lease", "zulin", {"name": ZHANG.name, "address": address}
    )


def fields(documents, typed=None) -> dict:
    (form,) = prefill(GUIDE, documents, typed)
    return {f.label: f for f in form.fields}


def test_values_come_from_the_documents_and_name_them():
    got = fields([id_card(ZHANG, files=("upload_1.jpg", "upload_4.jpg")), licence(), lease()])
    assert got["经营者姓名"].value == ZHANG.name
    assert got["经营者姓名"].source == "居民身份证（upload_1.jpg、upload_4.jpg）"
    assert got["身份证件号码"].value == ZHANG.id_number
    assert got["性别"].value == "男" and got["出生日期"].value == "1988年6月15日"
    assert got["住所"].value == ZHANG.address
    assert got["名称"].value == RESTAURANT and got["名称"].source == "营业执照（upload_2.jpg）"
    assert got["统一社会信用代码"].value == RESTAURANT_USCC
    # Two documents agreeing on the premises: both are named.
    assert got["经营场所"].value == BUSINESS_ADDRESS
    assert set(got["经营场所"].source.split("、")) == {
        "房屋租赁合同（upload_3.pdf）",
        "营业执照（upload_2.jpg）",
    }


def test_a_woman_s_id_number_gives_her_sex_and_birth_date():
    got = fields([id_card(WANG_FANG)])
    assert got["性别"].value == "女" and got["出生日期"].value == "1992年11月3日"


def test_fields_without_a_source_stay_blank():
    got = fields([id_card(ZHANG)])
    for label in ("名称", "统一社会信用代码", "经营场所", "联系电话", "民族"):
        assert got[label].value is None and got[label].source is None
        assert got[label].note is None  # nothing to report: simply unknown


def test_the_ethnicity_read_off_the_id_card_fills_its_field():
    card = id_card(ZHANG)
    card.fields["ethnicity"] = "汉"
    got = fields([card])
    assert got["民族"].value == "汉" and "居民身份证" in got["民族"].source


def test_sources_that_disagree_leave_the_field_blank_and_say_so():
    got = fields([licence(), lease("示范市梁溪区人民路100号501室")])
    field = got["经营场所"]
    assert field.value is None and field.source is None
    assert "营业执照（upload_2.jpg）" in field.note and "房屋租赁合同（upload_3.pdf）" in field.note
    assert "不一致" in field.note and BUSINESS_ADDRESS not in field.note


def test_an_id_number_failing_its_check_character_fills_nothing():
    bad = make_id(ZHANG.region, ZHANG.birth, ZHANG.seq, wrong_check=True)
    got = fields([id_card(ZHANG, number=bad)])
    for label in ("身份证件号码", "性别", "出生日期"):
        assert got[label].value is None
    assert "校验" in got["身份证件号码"].note
    assert got["经营者姓名"].value == ZHANG.name  # the rest of the card is still read


def test_a_uscc_failing_its_check_character_fills_nothing():
    got = fields([licence(uscc=make_uscc(RESTAURANT_USCC[:17], wrong_check=True))])
    assert got["统一社会信用代码"].value is None and "校验" in got["统一社会信用代码"].note
    assert got["名称"].value == RESTAURANT


def test_the_agent_s_id_card_never_fills_the_operator_s_fields():
    got = fields([id_card(WANG_FANG, material="daili-sfz", files=("upload_5.jpg",))])
    assert got["经营者姓名"].value is None and got["身份证件号码"].value is None


def test_typed_values_fill_fields_without_a_document_source():
    got = fields([id_card(ZHANG)], {"phone": "13912345678", "ethnicity": "汉", "name": "李四"})
    assert got["联系电话"].value == "13912345678" and got["联系电话"].source == TYPED
    assert got["民族"].value == "汉"
    # A field bound to a document is not overwritten by typing.
    assert got["经营者姓名"].value == ZHANG.name


def test_a_typed_id_number_must_pass_its_check_too():
    guide = Guide.model_validate(
        {"id": "t", "name": "t", "department": "d", "materials": [
            {"id": "f", "name": "申请表", "form_fields": [{"label": "身份证号", "key": "id_number"}]}
        ]}
    )  # fmt: skip
    bad = make_id(ZHANG.region, ZHANG.birth, ZHANG.seq, wrong_check=True)
    (form,) = prefill(guide, [], {"id_number": bad})
    assert form.fields[0].value is None and "校验" in form.fields[0].note
    (form,) = prefill(guide, [], {"id_number": ZHANG.id_number})
    assert form.fields[0].value == ZHANG.id_number and form.fields[0].source == TYPED


def test_without_from_a_key_is_read_from_the_documents_that_carry_it():
    guide = Guide.model_validate(
        {"id": "t", "name": "t", "department": "d", "materials": [
            {"id": "f", "name": "申请表", "form_fields": [
                {"label": "姓名", "key": "name"}, {"label": "单位名称", "key": "company_name"}]},
            {"id": "sfz", "name": "身份证"},
        ]}
    )  # fmt: skip
    (form,) = prefill(guide, [id_card(ZHANG, material="sfz"), licence()])
    assert [f.value for f in form.fields] == [ZHANG.name, RESTAURANT]
    # Two people's ID cards: whose name goes on the form is not guessed.
    (form,) = prefill(guide, [id_card(ZHANG, material="sfz"), id_card(WANG_FANG, material=None)])
    assert form.fields[0].value is None and "不一致" in form.fields[0].note


def _result(documents) -> ReviewResult:
    materials = [MaterialResult(m.id, m.name, "ok") for m in GUIDE.materials]
    return ReviewResult(GUIDE.id, GUIDE.name, GUIDE.department, TODAY, "YS1", None, True,
                        materials, documents=documents)  # fmt: skip


def test_the_result_json_carries_documents_and_prefill_and_masks_them():
    result = fill_result(_result([id_card(ZHANG), licence()]), GUIDE, {"phone": "13912345678"})
    data = result.to_json()
    assert data["documents"][0] == {
        "files": ["upload_1.jpg"],
        "type": "id-card",
        "material": "jingyingzhe-sfz",
        "fields": {"name": ZHANG.name, "id_number": ZHANG.id_number, "address": ZHANG.address,
                   "valid_until": "2036-03-01", "signature": False},
    }  # fmt: skip
    (form,) = data["prefill"]
    assert form["material"] == "shenqingshu" and form["name"] == "登记申请书"
    assert {"label": "经营者姓名", "key": "name", "value": ZHANG.name,
            "source": "居民身份证（upload_1.jpg）"}.items() <= form["fields"][0].items()  # fmt: skip

    masked = str(result.to_json(mask=True))
    for secret in (ZHANG.id_number, "13912345678", ZHANG.name, ZHANG.address):
        assert secret not in masked
    assert RESTAURANT in masked  # an organisation's name is no personal data

    again = ReviewResult.from_json(data)
    assert again.documents == result.documents and again.prefill == result.prefill


def test_stored_results_from_before_the_form_still_load():
    data = _result([]).to_json()
    del data["documents"], data["prefill"]
    old = ReviewResult.from_json(data)
    assert old.documents == [] and old.prefill == []


def test_a_form_that_does_not_apply_is_not_filled():
    result = _result([id_card(ZHANG)])
    result.materials[0].status = "not_applicable"
    assert fill_result(result, GUIDE).prefill == []


def test_typed_pairs_are_parsed_and_unknown_keys_refused():
    assert parse_typed(["phone=139 1234 5678", "ethnicity= 汉 "]) == {
        "phone": "139 1234 5678",
        "ethnicity": "汉",
    }
    with pytest.raises(ValueError, match="phone"):
        parse_typed(["telephone=1"])
    with pytest.raises(ValueError):
        parse_typed(["phone"])


@pytest.mark.slow
def test_a_review_reads_the_documents_and_fills_the_form(docs, ocr, guides):
    guide = guides["rs-shiye-baoxianjin"]
    files = [docs["up_id_front.jpg"], docs["up_id_back.jpg"], docs["rs_termination.pdf"]]
    names = ["upload_1.jpg", "upload_2.jpg", "upload_3.pdf"]
    result = review(guide, files, {"agent": False}, None, TODAY, ocr, names=names)
    documents = {tuple(d.files): d for d in result.documents}
    card = documents[("upload_1.jpg", "upload_2.jpg")]
    assert card.type == "id-card" and card.material == "sfz"
    assert card.fields["name"] == ZHANG.name and card.fields["id_number"] == ZHANG.id_number
    assert card.fields["valid_until"] == "2036-03-01"
    termination = documents[("upload_3.pdf",)]
    assert termination.fields["issue_date"] == dt.date(2025, 5, 10).isoformat()
    (form,) = result.prefill
    got = {f.label: f for f in form.fields}
    assert got["姓名"].value == ZHANG.name
    assert got["姓名"].source == "居民身份证（upload_1.jpg、upload_2.jpg）"
    assert got["公民身份号码"].value == ZHANG.id_number
    assert got["联系电话"].value is None
