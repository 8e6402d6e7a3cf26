"""Make the DOCX/XLSX/PDF/HTML/JSON versions of the real guides from their source text.

The guides were found as web pages; offices keep and exchange them as Word files,
spreadsheets and PDFs, so the test files are made from the same text the way an
office would (a Word table for a materials list, a PDF with a ruled table, an
实施清单 spreadsheet of one item a row). Run once; the outputs are committed:

    .venv/bin/python tests/data/real_guides/make_formats.py

Needs python-docx, openpyxl and fpdf2 with a CJK font (WenQuanYi, as installed
by the fonts-wqy-microhei package).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import docx
import openpyxl
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "files"
FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def lines(stem: str) -> list[str]:
    return [line for line in (SRC / f"{stem}.txt").read_text("utf-8").splitlines() if line.strip()]


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def make_docx(stem: str) -> None:
    """Paragraphs as paragraphs; runs of "a | b | c" lines as one Word table."""
    document = docx.Document()
    table_lines: list[str] = []

    def flush() -> None:
        if not table_lines:
            return
        rows = [cells(line) for line in table_lines]
        width = max(len(r) for r in rows)
        table = document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        for row in rows:
            row_cells = table.add_row().cells
            for i, text in enumerate(row):
                row_cells[i].text = text
        table_lines.clear()

    for line in lines(stem):
        if "|" in line:
            table_lines.append(line)
            continue
        flush()
        document.add_paragraph(line)
    flush()
    document.save(OUT / f"{stem}.docx")


def make_html(stem: str, word: bool = False) -> None:
    """A saved web page; ``word`` imitates Word's "save as web page" / pasted Word HTML."""
    body: list[str] = []
    rows: list[str] = []

    def flush() -> None:
        if rows:
            body.append("<table border=1 cellspacing=0>" + "".join(rows) + "</table>")
            rows.clear()

    for line in lines(stem):
        if "|" in line:
            tds = "".join(f"<td><p class=MsoNormal>{html.escape(c)}</p></td>" for c in cells(line))
            rows.append(f"<tr>{tds}</tr>")
            continue
        flush()
        text = html.escape(line)
        if word:
            body.append(
                f"<p class=MsoNormal><span lang=EN-US style='font-family:宋体'>{text}"
                "<o:p></o:p></span></p>"
            )
        else:
            body.append(f"<p>{text}</p>")
    flush()
    head = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>'
        '<meta http-equiv=Content-Type content="text/html; charset=utf-8">'
        '<meta name=Generator content="Microsoft Word 15">'
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View>"
        "</w:WordDocument></xml><![endif]--><style>p.MsoNormal{margin:0}</style></head>"
        if word
        else "<html><head><meta charset=utf-8><title>办事指南</title></head>"
    )
    page = head + "<body><div class=WordSection1>" + "\n".join(body) + "</div></body></html>"
    (OUT / f"{stem}.{'htm' if word else 'html'}").write_text(page, encoding="utf-8")


def make_pdf(stem: str) -> None:
    """Text with wrapping as a printer would; "a | b" lines as a ruled table."""
    pdf = FPDF()
    pdf.add_font("wqy", fname=FONT)
    pdf.set_font("wqy", size=10)
    pdf.add_page()
    table_lines: list[str] = []

    def flush() -> None:
        if not table_lines:
            return
        with pdf.table(
            col_widths=(45, 145), text_align="LEFT", first_row_as_headings=False
        ) as table:
            for line in table_lines:
                row = table.row()
                for text in cells(line)[:2]:
                    row.cell(text)
        table_lines.clear()

    for line in lines(stem):
        if "|" in line:
            table_lines.append(line)
            continue
        flush()
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    flush()
    pdf.output(str(OUT / f"{stem}.pdf"))


def make_xlsx_table(stem: str) -> None:
    """A two-column 要素 table: label in column A, value in column B."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "办事指南"
    for line in lines(stem):
        parts = cells(line) if "|" in line else [line]
        sheet.append(parts[:2])
    workbook.save(OUT / f"{stem}.xlsx")


def make_xlsx_rows(name: str, stems: list[str], columns: dict[str, dict[str, str]]) -> None:
    """An 实施清单 export: one item a row under a header of 要素 names."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "实施清单"
    header = [
        "序号",
        "事项名称",
        "实施主体",
        "受理条件",
        "申请材料",
        "办理流程",
        "办理时限",
        "收费标准",
        "办理地点",
        "备注",
    ]
    sheet.append(header)
    for number, stem in enumerate(stems, 1):
        values = columns[stem]
        sheet.append([number] + [values.get(h, "") for h in header[1:]])
    workbook.save(OUT / f"{name}.xlsx")


def make_json_export(stem: str) -> None:
    """A provincial platform's export (事项/办理/申请 sections, as the Guangdong portal's)."""
    text = lines(stem)
    value = {line.split(":", 1)[0]: line.split(":", 1)[1] for line in text if ":" in line}
    block = {}
    current = None
    for line in text:
        if line.endswith(":"):
            current = line[:-1]
            block[current] = []
        elif (
            current and ":" in line and not line.startswith(("法定", "承诺"))
        ) or current == "申请材料":
            block[current].append(line)
    materials = [m.split(".", 1)[1].rstrip("；;。") for m in block["申请材料"]]
    record = {
        "事项": {"名称": value["事项名称"], "编码": value["事项编码"], "事项类型": "行政确认"},
        "办理": {
            "办理地址": "\n".join(block["办理地点"]),
            "咨询电话": "\n".join(block["咨询电话"]),
            "法定办结时限": "60个工作日",
            "承诺办结时限": "40个工作日",
            "网上办理地址": value["网上办理"],
        },
        "申请": {
            "受理条件": value["受理条件"],
            "材料": [
                {"序号": i, "名称": name, "是否必要": "必要"} for i, name in enumerate(materials, 1)
            ],
        },
        "法律依据": [{"名称": "工伤保险条例", "文号": "2010年国务院令586号修订"}],
    }
    (OUT / f"{stem}.json").write_text(
        json.dumps({"items": [record]}, ensure_ascii=False, indent=2), encoding="utf-8"
    )


def main() -> None:
    OUT.mkdir(exist_ok=True)
    make_docx("g01-kunming-getihu")
    make_html("g02-nanyang-zhandao")
    make_pdf("g03-huimin-zhandao")
    (OUT / "g04-chengdu-zhandao.txt").write_text(
        (SRC / "g04-chengdu-zhandao.txt").read_text("utf-8"), "utf-8"
    )
    make_docx("g05-nanning-zhandao")
    make_html("g06-guangzhou-weisheng", word=True)
    make_xlsx_table("g07-ziyang-weisheng")
    make_json_export("g08-guangzhou-laodongnengli")
    make_html("g10-jiashizheng-huanzheng")
    make_pdf("g11-shantou-shebaoka")
    (OUT / "g13-jiehun-dengji.txt").write_text(
        (SRC / "g13-jiehun-dengji.txt").read_text("utf-8"), "utf-8"
    )
    make_docx("g14-shenfenzheng-yidi")
    make_html("g15-shanghai-shebaoka")
    (OUT / "g16-dongning-wajue.txt").write_text(
        (SRC / "g16-dongning-wajue.txt").read_text("utf-8"), "utf-8"
    )
    dibao = lines("g09-yuanjiang-dibao")
    fushun = lines("g12-fushun-shebaoka")
    make_xlsx_rows(
        "g09-g12-shishi-qingdan",
        ["g09-yuanjiang-dibao", "g12-fushun-shebaoka"],
        {
            "g09-yuanjiang-dibao": {
                "事项名称": dibao[0],
                "受理条件": dibao[1].split(":", 1)[1],
                "办理流程": dibao[2].split(":", 1)[1],
            },
            "g12-fushun-shebaoka": {
                "事项名称": fushun[0],
                "受理条件": "\n".join(fushun[2:4]),
                "申请材料": fushun[5],
                "办理流程": "\n".join(fushun[7:10]),
                "办理时限": fushun[12].split(":", 1)[1],
                "收费标准": fushun[13].split(":", 1)[1],
                "办理地点": fushun[10].split(":", 1)[1],
                "备注": fushun[11],
            },
        },
    )


if __name__ == "__main__":
    main()
