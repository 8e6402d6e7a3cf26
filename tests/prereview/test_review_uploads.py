"""End-to-end pre-review of uploads as applicants make them (issue 10), one test per pattern.

Files are passed under neutral names (upload_1.jpg …) so that no name gives the
material away; every material's status and ``complete`` are asserted.
"""

from __future__ import annotations

import pytest

from prereview import review
from tests.prereview.make_docs import COMPANY, TODAY, ZHANG, text_pdf

GJJ = "gjj-tiqu-zufang"
GJJ_OK = {
    "sfz": "ok",
    "zulin-hetong": "ok",
    "beian": "waived",
    "wufang": "waived",
    "jiehunzheng": "not_applicable",
    "peiou-sfz": "not_applicable",
    "yinhangka": "deferrable",
    "zujin-pingzheng": "optional",
    "weituoshu": "not_applicable",
    "daiban-sfz": "not_applicable",
}
SINGLE = {"married": False, "agent": False}
LEASE = "gjj_lease.pdf"
QY = "scjg-qiye-sheli"
QY_FILES = [
    "qy_application.docx",
    "qy_id_zhang.jpg",
    "qy_lease.pdf",
    "qy_charter_scan.pdf",
    "qy_shareholder_licence.jpg",
    "qy_appointment.pdf",
]
QY_OK = {
    "shenqingshu": "ok",
    "fddbr-sfz": "ok",
    "zhusuo-zulin": "ok",
    "zhusuo-chanquan": "not_applicable",
    "zhangcheng": "ok",
    "gudong-zige": "ok",
    "renzhi": "ok",
    "mingcheng": "waived",
    "weituoshu": "not_applicable",
    "daili-sfz": "not_applicable",
}
QY_SITUATIONS = {"org-shareholder": True, "agent": False}
RS = "rs-shiye-baoxianjin"
RS_OK = {
    "sfz": "ok",
    "jiechu-zhengming": "ok",
    "caijue": "not_applicable",
    "shiye-dengji": "waived",
    "yinhang": "ok",
    "qiuzhi": "optional",
    "weituoshu": "not_applicable",
    "daiban-sfz": "not_applicable",
}


def run(docs, guides, ocr, tmp_path, item, files, situations, applicant):
    """Review ``files`` copied under neutral names; returns the result."""
    paths, names = [], []
    for index, name in enumerate(files, 1):
        neutral = f"upload_{index}{docs[name].suffix}"
        target = tmp_path / neutral
        target.write_bytes(docs[name].read_bytes())
        paths.append(target)
        names.append(neutral)
    return review(guides[item], paths, situations, applicant, TODAY, ocr, names=names)


def statuses(result) -> dict[str, str]:
    return {m.id: m.status for m in result.materials}


def problems(result) -> dict[str, list[str]]:
    return {m.id: m.problems for m in result.materials if m.problems}


ID_PATTERNS = [
    ("two-photos", ["up_id_front.jpg", "up_id_back.jpg", LEASE]),
    ("back-first", ["up_id_back.jpg", LEASE, "up_id_front.jpg"]),
    ("front-turned-90", ["up_id_front_turned.jpg", "up_id_back.jpg", LEASE]),
    ("back-upside-down", ["up_id_front.jpg", "up_id_back_upside_down.jpg", LEASE]),
    ("exif-rotated", ["up_id_front_exif.jpg", "up_id_back.jpg", LEASE]),
    ("front-in-perspective", ["up_id_front_tilted.jpg", "up_id_back.jpg", LEASE]),
    ("duplicate-photo", ["up_id_front.jpg", "up_id_back.jpg", "up_id_front.jpg", LEASE]),
    ("a4-copy-both-sides", ["up_id_copy.jpg", LEASE]),
    ("merged-pdf", ["up_merged.pdf"]),
    ("lease-three-photos-shuffled", ["up_lease_3.jpg", "up_id_copy.jpg", "up_lease_1.jpg",
                                     "up_lease_2.jpg"]),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("files", [p[1] for p in ID_PATTERNS], ids=[p[0] for p in ID_PATTERNS])
def test_id_card_and_lease_as_applicants_upload_them(docs, guides, ocr, tmp_path, files):
    result = run(docs, guides, ocr, tmp_path, GJJ, files, SINGLE, ZHANG.name)
    assert statuses(result) == GJJ_OK, problems(result)
    assert result.complete is True
    assert result.unrecognised == []


@pytest.mark.slow
def test_two_photos_of_one_card_are_one_material(docs, guides, ocr, tmp_path):
    files = ["up_id_front.jpg", "up_id_back.jpg", LEASE]
    result = run(docs, guides, ocr, tmp_path, GJJ, files, SINGLE, ZHANG.name)
    assert result.material("sfz").files == ["upload_1.jpg", "upload_2.jpg"]


@pytest.mark.slow
def test_duplicate_photo_is_counted_once_and_said(docs, guides, ocr, tmp_path):
    files = ["up_id_front.jpg", "up_id_back.jpg", "up_id_front.jpg", LEASE]
    result = run(docs, guides, ocr, tmp_path, GJJ, files, None, ZHANG.name)
    assert result.material("peiou-sfz").files == []  # the repeat is no spouse's card
    assert any(n.name == "upload_3.jpg" and "相同" in n.reason for n in result.file_warnings)


@pytest.mark.parametrize(
    ("files", "have", "other"),
    [
        (["up_id_front.jpg", LEASE], "人像面", "国徽面"),
        (["up_id_back.jpg", LEASE], "国徽面", "人像面"),
    ],
)
@pytest.mark.slow
def test_one_side_only_asks_for_the_other_side(docs, guides, ocr, tmp_path, files, have, other):
    result = run(docs, guides, ocr, tmp_path, GJJ, files, SINGLE, ZHANG.name)
    assert statuses(result) == GJJ_OK | {"sfz": "defective"}
    assert result.complete is False
    (problem,) = result.material("sfz").problems
    assert "请补充身份证另一面" in problem and have in problem and other in problem


@pytest.mark.slow
def test_two_spouses_on_one_copy_fill_each_their_material(docs, guides, ocr, tmp_path):
    files = ["up_id_copy_couple.jpg", LEASE]
    result = run(docs, guides, ocr, tmp_path, GJJ, files, {"agent": False}, ZHANG.name)
    expected = GJJ_OK | {"peiou-sfz": "ok", "jiehunzheng": "missing"}
    assert statuses(result) == expected, problems(result)
    assert result.situations["married"] is True  # the spouse's card answers the question


@pytest.mark.slow
def test_spouse_card_goes_to_the_spouse_whatever_the_order(docs, guides, ocr, tmp_path):
    files = ["up_wangfang_back.jpg", "up_wangfang_front.jpg", LEASE, "up_id_back.jpg",
             "up_id_front.jpg"]  # fmt: skip
    situations = {"married": True, "agent": False}
    result = run(docs, guides, ocr, tmp_path, GJJ, files, situations, ZHANG.name)
    assert statuses(result) == GJJ_OK | {"peiou-sfz": "ok", "jiehunzheng": "missing"}
    assert result.material("sfz").files == ["upload_5.jpg", "upload_4.jpg"]
    assert result.material("peiou-sfz").files == ["upload_2.jpg", "upload_1.jpg"]


@pytest.mark.slow
def test_agent_card_goes_to_the_agent_named_on_the_power_of_attorney(docs, guides, ocr, tmp_path):
    files = [
        "up_wangfang_front.jpg",
        "up_wangfang_back.jpg",
        "up_poa.docx",
        "up_id_copy.jpg",
        LEASE,
    ]
    result = run(docs, guides, ocr, tmp_path, GJJ, files, None, ZHANG.name)
    assert statuses(result) == GJJ_OK | {"weituoshu": "ok", "daiban-sfz": "ok"}, problems(result)
    assert result.situations["agent"] is True
    assert [sid for sid, _ in result.questions] == ["married"]


@pytest.mark.slow
def test_bank_page_table_and_wrapped_id_number(docs, guides, ocr, tmp_path):
    files = ["up_id_copy.jpg", "up_termination.jpg", "up_bank_page.jpg"]
    situations = {"dispute": False, "agent": False}
    result = run(docs, guides, ocr, tmp_path, RS, files, situations, ZHANG.name)
    assert statuses(result) == RS_OK, problems(result)
    assert result.complete is True


@pytest.mark.slow
def test_bank_card_face_needs_no_name_it_never_shows(docs, guides, ocr, tmp_path):
    files = ["up_id_copy.jpg", "up_termination.jpg", "up_bank_card.jpg"]
    situations = {"dispute": False, "agent": False}
    result = run(docs, guides, ocr, tmp_path, RS, files, situations, ZHANG.name)
    assert statuses(result) == RS_OK, problems(result)


@pytest.mark.slow
def test_certificate_names_its_holder_in_running_text(docs, guides, ocr, tmp_path):
    files = ["up_id_copy.jpg", "up_termination.jpg", "up_bank_page.jpg"]
    situations = {"dispute": False, "agent": False}
    result = run(docs, guides, ocr, tmp_path, RS, files, situations, "李四")
    assert result.material("jiechu-zhengming").status == "defective"
    assert "张三" in result.material("jiechu-zhengming").problems[0]


@pytest.mark.slow
@pytest.mark.parametrize(("resolution", "status"), [("up_resolution_sealed.jpg", "ok"),
                                                    ("up_resolution_unsigned.jpg", "defective")])  # fmt: skip
def test_a_seal_is_a_signature(docs, guides, ocr, tmp_path, resolution, status):
    files = [f for f in QY_FILES if f != "qy_appointment.pdf"] + [resolution]
    result = run(docs, guides, ocr, tmp_path, QY, files, QY_SITUATIONS, COMPANY)
    assert statuses(result) == QY_OK | {"renzhi": status}, problems(result)


@pytest.mark.slow
def test_docx_applicant_statement_is_no_applicant_name(docs, guides, ocr, tmp_path):
    files = ["up_statement.docx", *QY_FILES[1:]]
    result = run(docs, guides, ocr, tmp_path, QY, files, QY_SITUATIONS, COMPANY)
    assert statuses(result) == QY_OK, problems(result)
    assert result.complete is True


def test_household_register_pages_pass_when_one_names_the_applicant(guides, tmp_path):
    head = [
        "居民户口簿",
        "户别 家庭户 户主姓名 李四",
        "户号 00123456",
        "住址 示范市梁溪区人民路12号",
    ]
    own = ["常住人口登记卡", f"姓名 {ZHANG.name} 户主或与户主关系 子", "性别 男 民族 汉",
           f"公民身份证件编号 {ZHANG.id_number}", "籍贯 江苏示范"]  # fmt: skip
    paths = []
    for index, page in enumerate((head, own), 1):
        path = tmp_path / f"upload_{index}.pdf"
        path.write_bytes(text_pdf([page]))
        paths.append(path)
    situations = {"renew": False, "lost": True, "minor": False, "nonlocal": False}
    result = review(guides["gongan-sfz-huanling"], paths, situations, ZHANG.name, TODAY)
    hukou = result.material("hukou")
    assert (hukou.status, hukou.files) == ("ok", ["upload_1.pdf", "upload_2.pdf"]), hukou.problems


@pytest.mark.slow
@pytest.mark.parametrize(
    "files",
    [
        ["up_id_copy_couple.jpg"],
        ["up_wangfang_back.jpg", "up_wangfang_front.jpg", "up_id_copy.jpg"],
    ],
    ids=["one-copy", "her-card-first"],
)
def test_marriage_cards_go_by_sex_not_by_order(docs, guides, ocr, tmp_path, files):
    result = run(docs, guides, ocr, tmp_path, "minzheng-jiehun-dengji", files, None, None)
    assert statuses(result) == {
        "id-card-man": "ok",
        "id-card-woman": "ok",
        "statement": "missing",
        "photo": "optional",
    }, problems(result)
    assert result.material("id-card-man").files == [f"upload_{len(files)}.jpg"]  # 张三's card
