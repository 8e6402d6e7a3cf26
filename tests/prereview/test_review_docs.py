"""End-to-end pre-review of generated documents: every material's status is asserted."""

from __future__ import annotations

import pytest

from prereview import review
from tests.prereview.make_docs import COMPANY, RESTAURANT, TODAY, ZHANG

QY = "scjg-qiye-sheli"
QY_FILES = {
    "shenqingshu": "qy_application.docx",
    "fddbr-sfz": "qy_id_zhang.jpg",
    "zhusuo-zulin": "qy_lease.pdf",
    "zhangcheng": "qy_charter_scan.pdf",
    "gudong-zige": "qy_shareholder_licence.jpg",
    "renzhi": "qy_appointment.pdf",
}
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


def qy(replace: dict[str, str | None] | None = None, extra: tuple[str, ...] = ()) -> list[str]:
    files = dict(QY_FILES)
    for material, name in (replace or {}).items():
        files[material] = name
    return [f for f in files.values() if f] + list(extra)


def expect(base: dict[str, str], **changes: str) -> dict[str, str]:
    return {**base, **{k.replace("_", "-"): v for k, v in changes.items()}}


# (id, item, files, situations, applicant, statuses, complete, problem words, unrecognised files)
SCENARIOS = [
    ("complete", QY, qy(), QY_SITUATIONS, COMPANY, QY_OK, True, {}, []),
    *[
        (
            f"missing-{material}",
            QY,
            qy({material: None}),
            QY_SITUATIONS,
            COMPANY,
            expect(QY_OK, **{material.replace("-", "_"): status})
            | ({"zhusuo-chanquan": "missing"} if material == "zhusuo-zulin" else {}),
            material == "renzhi",
            {},
            [],
        )
        for material, status in [
            ("shenqingshu", "missing"),
            ("fddbr-sfz", "missing"),
            ("zhusuo-zulin", "missing"),
            ("zhangcheng", "missing"),
            ("gudong-zige", "missing"),
            ("renzhi", "deferrable"),
        ]
    ],
    (
        "expired-id",
        QY,
        qy({"fddbr-sfz": "qy_id_zhang_expired.jpg"}),
        QY_SITUATIONS,
        COMPANY,
        expect(QY_OK, fddbr_sfz="defective"),
        False,
        {"fddbr-sfz": "身份证已于2023年5月1日过期"},
        [],
    ),
    (
        "bad-id-check-digit",
        QY,
        qy({"fddbr-sfz": "qy_id_zhang_badcheck.jpg"}),
        QY_SITUATIONS,
        COMPANY,
        expect(QY_OK, fddbr_sfz="defective"),
        False,
        {"fddbr-sfz": "校验位不正确"},
        [],
    ),
    (
        "bad-uscc-check-digit",
        QY,
        qy({"gudong-zige": "qy_shareholder_licence_baduscc.jpg"}),
        QY_SITUATIONS,
        COMPANY,
        expect(QY_OK, gudong_zige="defective"),
        False,
        {"gudong-zige": "统一社会信用代码"},
        [],
    ),
    (
        "lease-ended",
        QY,
        qy({"zhusuo-zulin": "qy_lease_ended.pdf"}),
        QY_SITUATIONS,
        COMPANY,
        expect(QY_OK, zhusuo_zulin="defective"),
        False,
        {"zhusuo-zulin": "2024年12月31日到期"},
        [],
    ),
    (
        "name-mismatch",
        QY,
        qy({"fddbr-sfz": "qy_id_wangwu.jpg"}),
        QY_SITUATIONS,
        COMPANY,
        expect(QY_OK, fddbr_sfz="defective"),
        False,
        {"fddbr-sfz": "王五"},
        [],
    ),
    (
        "unreadable-photo",
        QY,
        qy({"fddbr-sfz": "qy_id_blurred.jpg"}),
        QY_SITUATIONS,
        COMPANY,
        expect(QY_OK, fddbr_sfz="defective"),
        False,
        {"fddbr-sfz": "重新拍摄"},
        [],
    ),
    (
        "wrong-document",
        QY,
        qy({"zhusuo-zulin": "qy_receipt.jpg"}),
        QY_SITUATIONS,
        COMPANY,
        expect(QY_OK, zhusuo_zulin="missing", zhusuo_chanquan="missing"),
        False,
        {},
        ["qy_receipt.jpg"],
    ),
    (
        "agent-provided",
        QY,
        qy(extra=("qy_poa.docx", "qy_id_wangfang.jpg")),
        {"org-shareholder": True, "agent": True},
        COMPANY,
        expect(QY_OK, weituoshu="ok", daili_sfz="ok"),
        True,
        {},
        [],
    ),
    (
        "agent-missing",
        QY,
        qy(),
        {"org-shareholder": True, "agent": True},
        COMPANY,
        expect(QY_OK, weituoshu="missing", daili_sfz="missing"),
        False,
        {},
        [],
    ),
    (
        "traditional-lease",
        QY,
        qy({"zhusuo-zulin": "qy_lease_traditional.pdf"}),
        QY_SITUATIONS,
        COMPANY,
        QY_OK,
        True,
        {},
        [],
    ),
    (
        "applicant-inferred",
        QY,
        qy(),
        QY_SITUATIONS,
        None,
        QY_OK,
        True,
        {},
        [],
    ),
    (
        "food-complete",
        "scjg-spjy-xuke",
        ["sp_application.docx", "qy_id_zhang.jpg", "sp_health_ok.jpg", "sp_layout.pdf"],
        {"vending": False, "agent": False},
        RESTAURANT,
        {
            "shenqingshu": "ok",
            "yyzz": "waived",
            "fzr-sfz": "ok",
            "jiankang": "ok",
            "buju": "ok",
            "zhidu": "deferrable",
            "anquanyuan": "optional",
            "zidong-sheshi": "not_applicable",
            "weituoshu": "not_applicable",
            "daili-sfz": "not_applicable",
        },
        True,
        {},
        [],
    ),
    (
        "food-old-health-certificate-and-shared-licence-bad-uscc",
        "scjg-spjy-xuke",
        [
            "sp_application.docx",
            "qy_id_zhang.jpg",
            "sp_health_old.jpg",
            "sp_layout.pdf",
            "sp_licence_baduscc.jpg",
        ],
        {"vending": False, "agent": False},
        RESTAURANT,
        {
            "shenqingshu": "ok",
            "yyzz": "defective",
            "fzr-sfz": "ok",
            "jiankang": "defective",
            "buju": "ok",
            "zhidu": "deferrable",
            "anquanyuan": "optional",
            "zidong-sheshi": "not_applicable",
            "weituoshu": "not_applicable",
            "daili-sfz": "not_applicable",
        },
        False,
        {"jiankang": "已超过365天", "yyzz": "校验位不正确"},
        [],
    ),
    (
        "housing-fund-situations-unknown",
        "gjj-tiqu-zufang",
        ["qy_id_zhang.jpg", "gjj_lease.pdf"],
        None,
        ZHANG.name,
        {
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
        },
        False,
        {},
        [],
    ),
    (
        "housing-fund-married",
        "gjj-tiqu-zufang",
        ["qy_id_zhang.jpg", "gjj_lease.pdf"],
        {"married": True, "agent": False},
        ZHANG.name,
        {
            "sfz": "ok",
            "zulin-hetong": "ok",
            "beian": "waived",
            "wufang": "waived",
            "jiehunzheng": "missing",
            "peiou-sfz": "missing",
            "yinhangka": "deferrable",
            "zujin-pingzheng": "optional",
            "weituoshu": "not_applicable",
            "daiban-sfz": "not_applicable",
        },
        False,
        {},
        [],
    ),
    (
        "id-card-renewal-with-expired-card",
        "gongan-sfz-huanling",
        ["qy_id_zhang_expired.jpg"],
        {"renew": True, "lost": False, "minor": False, "nonlocal": False},
        ZHANG.name,
        {
            "old-id": "ok",
            "hukou": "not_applicable",
            "guardian-id": "not_applicable",
            "juzhuzheng": "not_applicable",
            "photo": "waived",
            "mail-form": "optional",
        },
        True,
        {},
        [],
    ),
    (
        "unemployment-benefit",
        "rs-shiye-baoxianjin",
        ["qy_id_zhang.jpg", "rs_termination.pdf"],
        {"dispute": False, "agent": False},
        ZHANG.name,
        {
            "sfz": "ok",
            "jiechu-zhengming": "ok",
            "caijue": "not_applicable",
            "shiye-dengji": "waived",
            "yinhang": "deferrable",
            "qiuzhi": "optional",
            "weituoshu": "not_applicable",
            "daiban-sfz": "not_applicable",
        },
        True,
        {},
        [],
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    (
        "item",
        "files",
        "situations",
        "applicant",
        "statuses",
        "complete",
        "problems",
        "unrecognised",
    ),
    [s[1:] for s in SCENARIOS],
    ids=[s[0] for s in SCENARIOS],
)
def test_review_generated_documents(
    docs,
    guides,
    ocr,
    item,
    files,
    situations,
    applicant,
    statuses,
    complete,
    problems,
    unrecognised,
):
    result = review(guides[item], [docs[f] for f in files], situations, applicant, TODAY, ocr)
    got = {m.id: m.status for m in result.materials}
    assert got == statuses, {m.id: m.problems for m in result.materials if m.problems}
    assert result.complete is complete
    for material, words in problems.items():
        assert any(words in p for p in result.material(material).problems), result.material(
            material
        )
    assert [n.name for n in result.unrecognised] == unrecognised


@pytest.mark.slow
def test_unknown_situation_is_asked_not_guessed(docs, guides, ocr):
    result = review(
        guides["gjj-tiqu-zufang"], [docs["qy_id_zhang.jpg"]], None, ZHANG.name, TODAY, ocr
    )
    assert [sid for sid, _ in result.questions] == ["married", "agent"]
    assert all("？" in question for _, question in result.questions)


@pytest.mark.slow
def test_uploaded_agent_documents_answer_the_agent_question(docs, guides, ocr):
    files = [docs[f] for f in qy(extra=("qy_poa.docx", "qy_id_wangfang.jpg"))]
    result = review(guides[QY], files, {"org-shareholder": True}, COMPANY, TODAY, ocr)
    assert result.situations["agent"] is True
    assert result.questions == []
    assert result.material("daili-sfz").files == ["qy_id_wangfang.jpg"]
    assert result.material("fddbr-sfz").files == ["qy_id_zhang.jpg"]
