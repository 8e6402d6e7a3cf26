"""Each file format a centre has its guides in is read into the same draft."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import openpyxl
import pytest
from fpdf import FPDF
from PIL import Image

from knowledge.convert import convert_files, convert_sources

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
GUIDE_LINES = [
    "居民身份证换领",
    "实施主体：示范市公安局",
    "承诺办结时限：20个工作日",
    "办理地点：示范市政务服务中心一楼",
    "办公时间：周一至周五 9:00-17:00",
    "咨询电话：0510-12345678",
]
MATERIALS = [("序号", "材料名称", "材料形式", "份数"), ("1", "居民户口簿", "原件 复印件", "1份")]


def only(paths: list[Path]):
    summary = convert_sources(paths)
    assert not summary.failures, summary.failures
    (draft,) = summary.drafts
    return draft


def check(draft) -> None:
    data = draft.data
    assert data["name"] == "居民身份证换领"
    assert data["department"] == "示范市公安局"
    assert data["time_limit"]["promised"] == 20
    assert data["locations"][0]["hours"] == "周一至周五 9:00-17:00"
    assert data["locations"][0]["phone"] == "0510-12345678"
    (material,) = data["materials"]
    assert (material["name"], material["form"], material["copies"]) == (
        "居民户口簿",
        "原件及复印件",
        1,
    )
    assert draft.lost_lines() == []


def test_docx_paragraphs_and_table(tmp_path):
    document = docx.Document()
    for line in GUIDE_LINES[:3]:
        document.add_paragraph(line)
    document.add_paragraph("申请材料")
    table = document.add_table(rows=0, cols=4)
    for row in MATERIALS:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for line in GUIDE_LINES[3:]:
        document.add_paragraph(line)
    document.save(tmp_path / "guide.docx")
    check(only([tmp_path / "guide.docx"]))


def test_txt_with_pipe_table_in_gbk(tmp_path):
    lines = [*GUIDE_LINES[:3], "申请材料", *(" | ".join(r) for r in MATERIALS), *GUIDE_LINES[3:]]
    (tmp_path / "guide.txt").write_bytes("\n".join(lines).encode("gb18030"))
    check(only([tmp_path / "guide.txt"]))


def test_word_pasted_html(tmp_path):
    rows = "".join(
        "<tr>"
        + "".join(f"<td><p class=MsoNormal><span>{c}<o:p></o:p></span></p></td>" for c in r)
        + "</tr>"
        for r in MATERIALS
    )
    paragraphs = [
        f"<p class=MsoNormal><span lang=EN-US>{t}<o:p></o:p></span></p>" for t in GUIDE_LINES
    ]
    page = (
        "<html><head><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
        "<style>p.MsoNormal{margin:0}</style></head><body>"
        + "".join(paragraphs[:3])
        + "<p class=MsoNormal>申请材料&nbsp;</p><table>"
        + rows
        + "</table>"
        + "".join(paragraphs[3:])
        + "</body></html>"
    )
    (tmp_path / "guide.htm").write_text(page, encoding="utf-8")
    check(only([tmp_path / "guide.htm"]))


def test_pdf_text_layer_with_ruled_table(tmp_path):
    pdf = FPDF()
    pdf.add_font("wqy", fname=FONT)
    pdf.set_font("wqy", size=11)
    pdf.add_page()
    for line in [*GUIDE_LINES[:3], "申请材料"]:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    with pdf.table(first_row_as_headings=False) as table:
        for row in MATERIALS:
            cells = table.row()
            for text in row:
                cells.cell(text)
    for line in GUIDE_LINES[3:]:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "guide.pdf"))
    check(only([tmp_path / "guide.pdf"]))


def test_scanned_pdf_is_flagged_not_guessed(tmp_path):
    Image.new("RGB", (400, 300), "white").save(tmp_path / "scan.png")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(tmp_path / "scan.png"), x=10, y=10, w=100)
    pdf.output(str(tmp_path / "scan.pdf"))
    summary = convert_files([tmp_path / "scan.pdf"], tmp_path / "out")
    assert not summary.ok and summary.items == 0
    ((_, reason),) = summary.failures
    assert "扫描件" in reason and "未作识别" in reason
    assert "扫描件" in (tmp_path / "out" / "review.md").read_text("utf-8")


def test_xlsx_two_column_element_table(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["事项名称", "居民身份证换领"])
    for line in GUIDE_LINES[1:3]:
        sheet.append(line.split("："))
    sheet.append(["申请材料", "1.居民户口簿原件及复印件1份"])
    for line in GUIDE_LINES[3:]:
        sheet.append(line.split("："))
    workbook.save(tmp_path / "guide.xlsx")
    check(only([tmp_path / "guide.xlsx"]))


def test_xlsx_one_item_a_row(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["序号", "事项名称", "实施主体", "申请材料", "承诺办结时限", "咨询电话"])
    sheet.append(
        [1, "居民身份证换领", "示范市公安局", "1.居民户口簿\n2.近期照片", "20个工作日", "0510-1"]
    )
    sheet.append([2, "户口迁移", "示范市公安局", "居民户口簿", "即时办结", "0510-12345678"])
    workbook.save(tmp_path / "list.xlsx")
    summary = convert_sources([tmp_path / "list.xlsx"])
    first, second = summary.drafts
    assert [m["name"] for m in first.data["materials"]] == ["居民户口簿", "近期照片"]
    assert second.data["time_limit"] == {"promised": 0, "promised_text": "即时办结"}
    assert second.data["source"]["title"].endswith("第3行")
    assert all(d.lost_lines() == [] for d in summary.drafts)
    assert not any("序号" in text for _, text in first.review.unplaced)  # a row number only


def test_platform_json_export(tmp_path):
    record = {
        "AUDIT_ITEM": {
            "TASK_NAME": "居民身份证换领",
            "DEPT_NAME": "示范市公安局",
            "PROMISE_DAY": "20",
            "LINK_TEL": "0510-12345678",
            "TSTEL": "12345",
            "ACCEPT_CONDITION": "本市户籍居民",
        },
        "AUDIT_MATERIAL": [
            {
                "MATERIAL_NAME": "居民户口簿",
                "PAGE_NUM": "1",
                "ZZHDZB_TEXT": "纸质原件",
                "IS_NEED_TEXT": "必要",
            },
            {
                "MATERIAL_NAME": "结婚证",
                "PAGE_NUM": "1",
                "ZZHDZB_TEXT": "电子证照",
                "IS_NEED_TEXT": "非必要",
            },
        ],
    }
    (tmp_path / "export.json").write_text(
        json.dumps({"data": [record]}, ensure_ascii=False), "utf-8"
    )
    draft = only([tmp_path / "export.json"])
    data = draft.data
    assert (data["name"], data["department"]) == ("居民身份证换领", "示范市公安局")
    assert data["time_limit"]["promised"] == 20
    assert (data["phone"], data["complaint_phone"]) == ("0510-12345678", "12345")
    book, marriage = data["materials"]
    assert (book["form"], book["copies"]) == ("原件", 1)
    assert marriage["form"] == "电子件" and marriage["shared"] and marriage["required"] is False
    assert draft.lost_lines() == []


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("guide.doc", b"old word", "不支持的文件类型"),
        ("broken.docx", b"not a zip", "文件已损坏"),
        ("broken.json", b"{", "文件已损坏"),
        ("empty.json", b"[]", "没有找到事项"),
    ],
)
def test_unreadable_files_are_reported_not_raised(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    summary = convert_files([tmp_path / name], tmp_path / "out")
    assert not summary.ok
    assert reason in summary.failures[0][1]
    assert name in (tmp_path / "out" / "review.md").read_text("utf-8")


def test_missing_path_is_reported(tmp_path):
    summary = convert_sources([tmp_path / "nope.docx"])
    assert summary.failures == [(str(tmp_path / "nope.docx"), "文件或文件夹不存在")]


def test_pdf_paragraph_wrapped_by_the_printer_is_one_line(tmp_path):
    pdf = FPDF()
    pdf.add_font("wqy", fname=FONT)
    pdf.set_font("wqy", size=12)
    pdf.add_page()
    long_item = "1.申请事项证明材料:提供具体占用图纸;占用人行道设置候车亭、电话交接箱、有线电视端子箱、指示牌、路名牌等各类设施的,提供城市规划部门批准签发的文件"
    for line in ["事项名称：示范事项", "申请材料", long_item, "2.设置彩照一张"]:
        pdf.multi_cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(tmp_path / "wrapped.pdf"))
    draft = only([tmp_path / "wrapped.pdf"])
    assert [m["name"] for m in draft.data["materials"]] == ["申请事项证明材料", "设置彩照"]
    assert draft.data["materials"][0]["notes"].endswith("批准签发的文件")


def test_word_html_saved_in_gbk(tmp_path):
    page = (
        '<html><head><meta charset="gb2312"></head><body>'
        + "".join(f"<p class=MsoNormal>{line}</p>" for line in GUIDE_LINES)
        + "</body></html>"
    )
    (tmp_path / "guide.htm").write_bytes(page.encode("gb18030"))
    draft = only([tmp_path / "guide.htm"])
    assert draft.data["department"] == "示范市公安局"
