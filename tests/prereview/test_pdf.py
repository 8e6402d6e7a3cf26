"""A printed notice holds, in reading order, everything its text version says."""

from __future__ import annotations

import io

import pdfplumber

from prereview.notice import Entry, find_font
from prereview.pdf import a4_pdf, notice_pdf


def _text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() for page in pdf.pages).splitlines()


def test_a_notice_prints_every_part_in_order():
    data = notice_pdf(
        "一次性告知书 20261201-0001",
        ["【示范市政务服务中心一次性告知书】", "编号：20261201-0001"],
        "经预审，您的材料尚需补齐或补正。",
        [
            (
                "一、多个事项共用的材料（只需提交一份）",
                [Entry("居民身份证（缺少）", ["用于：甲、乙"])],
            )
        ],
        ["综合窗口：示范市政务服务中心一楼", "到现场次数：最多跑1次。"],
        "本告知书为智能预审结果，仅供参考。",
        after=["已通过预审：租赁合同"],
        font=find_font(),
    )
    assert _text(data) == [
        "示范市政务服务中心一次性告知书",  # the title, without 【】
        "编号：20261201-0001",
        "经预审，您的材料尚需补齐或补正。",
        "一、多个事项共用的材料（只需提交一份）",
        "1. 居民身份证（缺少）",
        "用于：甲、乙",
        "已通过预审：租赁合同",
        "综合窗口：示范市政务服务中心一楼",
        "到现场次数：最多跑1次。",
        "本告知书为智能预审结果，仅供参考。",
    ]


def test_every_page_is_a4_with_its_title():
    pdf = a4_pdf("预填申请表", find_font())
    assert (round(pdf.w), round(pdf.h)) == (210, 297) and pdf.page == 1
    data = bytes(pdf.output())
    with pdfplumber.open(io.BytesIO(data)) as document:
        assert document.metadata["Title"] == "预填申请表"
