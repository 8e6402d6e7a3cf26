"""Signature places and who a document belongs to when its holder only signs by hand.

A promise letter (承诺书) names its signer only in handwriting under 承诺人（签字）:
the clerk accepts it for the signature being there, and never reads a mismatch
into handwriting nobody can read. Built with the make_docs helpers (no OCR).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from PIL import Image

from knowledge import Guide, parse_guide
from prereview import review
from prereview.checks import check_names_match, missing_fields
from prereview.document import Line
from prereview.fields import Fields, extract_fields
from prereview.layout import signed_places
from prereview.seal import has_seal
from tests.prereview.make_docs import COMPANY, ZHANG, draw_seal, make_uscc, text_pdf

TODAY = dt.date(2025, 6, 1)
LABEL = Line("承诺人（签字）：", (300.0, 330.0, 390.0, 342.0))


def _guide(fields: list[str]) -> Guide:
    guide, problems = parse_guide(
        {
            "id": "promise",
            "name": "示范事项",
            "department": "示范市某局",
            "materials": [
                {
                    "id": "promise",
                    "name": "食品安全承诺书",
                    "recognize": {"keywords": ["食品安全承诺书", "承诺人"], "fields": fields},
                    "checks": ["names_match"],
                }
            ],
        }
    )
    assert guide is not None, problems
    return guide


def test_a_signature_picture_beside_the_label_signs_it():
    assert signed_places([LABEL], [(392.0, 320.0, 460.0, 350.0)])


def test_an_empty_signature_place_is_not_signed():
    assert not signed_places([LABEL])
    assert not signed_places([LABEL], [(60.0, 700.0, 200.0, 760.0)])  # a picture elsewhere


def test_handwriting_read_beside_the_label_signs_it_but_a_date_does_not():
    assert signed_places([LABEL, Line("张三", (400.0, 328.0, 450.0, 345.0))])
    assert not signed_places([LABEL, Line("日期：2025年5月20日", (400.0, 328.0, 520.0, 345.0))])
    assert signed_places([Line("承诺人（签字）：张三", (300.0, 330.0, 420.0, 342.0))])


def test_signing_words_in_running_text_are_no_signature_place():
    clause = Line("本合同自双方签字之日起生效。", (80.0, 330.0, 390.0, 342.0))
    assert not signed_places([clause], [(392.0, 320.0, 460.0, 350.0)])


def test_a_signed_place_shows_the_name_and_never_contradicts_the_applicant():
    material = _guide(["name", "signature"]).materials[0]
    signed = Fields(signature=True, signed=True)
    assert missing_fields(material, signed) == []
    assert check_names_match(material, signed, [ZHANG.name]) is None
    unsigned = Fields(signature=True)
    assert missing_fields(material, unsigned) == [
        "食品安全承诺书上未能识别到姓名或名称，请确认文件完整、清晰"
    ]


def test_a_promise_letter_naming_its_signer_in_the_text_is_checked_against_the_applicant(tmp_path):
    path = tmp_path / "upload_1.pdf"
    rows = [
        "食品安全承诺书",
        "本人王五作为示范小吃店的经营者，郑重承诺：",
        "承诺人（签字）：",
        "日期：2025年5月20日",
    ]
    path.write_bytes(text_pdf([rows]))
    result = review(_guide(["name"]), [path], applicant=ZHANG.name, today=TODAY)
    assert result.materials[0].status == "defective"
    assert "王五" in result.materials[0].problems[0]


def test_a_person_naming_themself_in_a_letter_is_its_holder():
    f = extract_fields(["本人张三作为示范小吃店的经营者，郑重承诺："])
    assert f.holder == "张三"
    assert extract_fields(["本人作为示范小吃店的经营者，郑重承诺："]).holder is None


def test_an_organisation_named_by_its_code_in_running_text_is_the_holder():
    uscc = make_uscc("91320200MA1MWQ8R6")
    f = extract_fields([f"现向登记机关申请{COMPANY}（统一社会信用代码：{uscc}）的简易注销登记"])
    assert f.holder == COMPANY
    assert [c.value for c in f.usccs if c.valid] == [uscc]


def test_a_sole_traders_licence_is_its_operators():
    material = _guide(["name"]).materials[0]
    rows = ["营业执照", "名称 示范市梁溪区张记小吃店", "类型 个体工商户", "经营者 张三"]
    f = extract_fields(rows, ("名称",))
    assert f.holder == "示范市梁溪区张记小吃店"
    assert check_names_match(material, f, [ZHANG.name]) is None
    assert check_names_match(material, f, ["王五"]) is not None


def _page_with_seal() -> Image.Image:
    page = Image.new("RGB", (1240, 1754), "white")
    draw_seal(page, (800, 700), 150, COMPANY)
    return page


def test_a_seal_on_a_black_and_white_copy_is_still_a_seal():
    grey = _page_with_seal().convert("L").convert("RGB")
    assert has_seal(grey)


def test_a_card_emblem_on_a_black_and_white_copy_is_no_seal():
    page = Image.new("L", (1240, 1754), 255)
    pixels = np.asarray(page).copy()
    yy, xx = np.ogrid[:1754, :1240]
    pixels[(yy - 400) ** 2 + (xx - 300) ** 2 <= 45**2] = 60  # a small filled emblem
    assert not has_seal(Image.fromarray(pixels).convert("RGB"))
    assert not has_seal(Image.new("RGB", (1240, 1754), "white"))
