"""The one-time notice as chat text, HTML and PDF (fonts checked with poppler)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from prereview import ReviewResult, render_html, render_pdf, render_text
from prereview.result import FileNote, MaterialResult

ID = "11010519491231002X"


def sample_result(extra: int = 0) -> ReviewResult:
    materials = [
        MaterialResult("sfz", "法定代表人身份证件", "defective", ["id.jpg"],
                       [f"公民身份号码“{ID}”校验位不正确，请核对"], "请补正"),
        MaterialResult("zulin", "住所租赁合同", "missing", advice="请提交复印件1份", group="zhusuo"),
        MaterialResult("chanquan", "住所房屋产权证明", "missing", advice="可电子证照核验", group="zhusuo"),
        MaterialResult("renzhi", "任职文件", "deferrable", advice="可容缺受理"),
        MaterialResult("mingcheng", "名称自主申报告知书", "waived", advice="系统关联，无需提交"),
        MaterialResult("sqs", "公司登记（备案）申请书", "ok", ["form.docx"]),
        MaterialResult("poa", "授权委托书", "not_applicable", situations=["agent"]),
    ]  # fmt: skip
    materials += [
        MaterialResult(
            f"m{i}", f"第{i}项补充说明材料（示范）", "missing", advice="请提交原件1份；" * 8
        )
        for i in range(extra)
    ]
    return ReviewResult(
        item="scjg-qiye-sheli",
        item_name="有限责任公司设立登记",
        department="示范市市场监督管理局",
        date=dt.date(2025, 6, 1),
        number="YS20250601ABCDEF",
        applicant="示范市青禾科技有限公司",
        complete=False,
        materials=materials,
        unrecognised=[FileNote("receipt.jpg", "未能识别为本事项所需的材料")],
        questions=[("agent", "是否委托他人办理？")],
        situations={"agent": None},
        locations=[
            {"name": "示范市政务服务中心一楼", "address": "人民路1号", "hours": "周一至周五"}
        ],
        time_limit="承诺1个工作日内办结",
    )


def test_text_notice_has_everything_a_citizen_needs():
    [text] = render_text(sample_result(), centre="示范市政务服务中心")
    for words in ("编号：YS20250601ABCDEF", "日期：2025年6月1日", "有限责任公司设立登记",
                  "申请人：示范市青禾科技有限公司", "需补正", "缺少", "可容缺后补", "无需提交",
                  "住所租赁合同、住所房屋产权证明（任选其一）", "如是，还需提交：授权委托书",
                  "receipt.jpg", "办理地点", "办理时限", "以窗口受理审查为准"):  # fmt: skip
        assert words in text, words
    assert (
        text.index("需补正")
        < text.index("缺少")
        < text.index("可容缺后补")
        < text.index("无需提交")
    )
    assert len(text.encode()) <= 2048


def test_long_notice_is_split_into_wechat_sized_parts_or_linked():
    result = sample_result(extra=12)
    parts = render_text(result)
    assert len(parts) > 1
    assert all(len(p.encode()) <= 2048 for p in parts)
    assert parts[0].startswith("（1/") and "以窗口受理审查为准" in parts[-1]
    joined = "".join(parts)
    assert all(m.name in joined for m in result.materials if m.status == "missing")
    [linked] = render_text(result, link="https://example.gov.cn/n/1")
    assert "https://example.gov.cn/n/1" in linked and len(linked.encode()) <= 2048


def test_masked_json_hides_id_numbers_and_reads_back():
    result = sample_result()
    masked = result.to_json(mask=True)
    assert ID not in str(masked) and "110105********002X" in str(masked)
    assert ID in str(result.to_json())
    again = ReviewResult.from_json(result.to_json())
    assert again == result


def test_html_notice_is_printable_and_escaped():
    result = sample_result()
    result.applicant = "<script>alert(1)</script>"
    html = render_html(result, centre="示范市政务服务中心")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "@page" in html and "需补正" in html and "YS20250601ABCDEF" in html


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_embeds_a_chinese_font_that_renders(tmp_path):
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(render_pdf(sample_result(), centre="示范市政务服务中心"))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert " yes " in fonts  # embedded
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "一次性告知书" in text and "住所租赁合同" in text and "2025年6月1日" in text
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    from PIL import Image, ImageStat

    page = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    assert ImageStat.Stat(page).stddev[0] > 10  # glyphs drawn, not a blank page
