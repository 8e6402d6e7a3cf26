"""One reader per file format; each returns the items (事项) a file holds as ``SourceItem``s.

A reader only extracts text in order, keeping tables as rows; it interprets nothing.
A scanned PDF page (no text layer) is flagged for staff, never guessed by OCR here:
a wrong guess in a guide would be published to every applicant.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pdfplumber
from docx.table import Table
from docx.text.paragraph import Paragraph

from knowledge.convert._html import html_blocks
from knowledge.convert.source import ReadError, SourceItem
from knowledge.convert.vocabulary import Vocabulary

SUFFIXES = (".docx", ".pdf", ".html", ".htm", ".xlsx", ".txt", ".json")
_CELL_SPLIT = re.compile(r"\s*[|｜\t]\s*")
_MIN_PAGE_CHARS = 20  # fewer characters on a page than this: an image, not text


def read_path(path: Path, vocabulary: Vocabulary) -> list[SourceItem]:
    """The items of one file; raises ReadError with a message staff can act on."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"不支持的文件类型 {suffix or '（无扩展名）'}；可导入 {' '.join(SUFFIXES)}")
    try:
        if suffix == ".docx":
            return [read_docx(path)]
        if suffix == ".pdf":
            return [read_pdf(path)]
        if suffix in (".html", ".htm"):
            return [read_html(path)]
        if suffix == ".xlsx":
            return read_xlsx(path, vocabulary)
        if suffix == ".json":
            return read_json(path, vocabulary)
        return [read_txt(path)]
    except ReadError:
        raise
    except Exception as exc:  # a damaged file of any kind: say which, never a stack trace
        raise ReadError(f"文件已损坏或格式不符，无法读取（{type(exc).__name__}）") from exc


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 — what offices' pages and exports use."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError("无法识别文字编码（应为 UTF-8 或 GBK）")


def read_txt(path: Path) -> SourceItem:
    """Pasted text: one line a line; a line with | or tab separators is a table row."""
    item = SourceItem(str(path))
    for number, line in enumerate(decode(path.read_bytes()).splitlines(), 1):
        cells = tuple(c for c in _CELL_SPLIT.split(line.strip().strip("|｜").strip()))
        item.add(line, f"第{number}行", cells if len(cells) > 1 else ())
    return item


def read_docx(path: Path) -> SourceItem:
    """Paragraphs and tables in body order; merged cells are read once."""
    document = docx.Document(str(path))
    item = SourceItem(str(path))
    paragraph_no = table_no = 0
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph_no += 1
            for text in Paragraph(child, document).text.splitlines():
                item.add(text, f"第{paragraph_no}段")
        elif tag == "tbl":
            table_no += 1
            for row_no, row in enumerate(Table(child, document).rows, 1):
                cells: list[str] = []
                for cell in row.cells:
                    if not cells or cell.text != cells[-1]:
                        cells.append(cell.text)
                item.add(" ".join(cells), f"表{table_no}第{row_no}行", tuple(cells))
    return item


def read_pdf(path: Path) -> SourceItem:
    """The text layer page by page, ruled tables as rows; pages without text are flagged."""
    item = SourceItem(str(path))
    scanned: list[int] = []
    with pdfplumber.open(str(path)) as pdf:
        for page_no, page in enumerate(pdf.pages, 1):
            if len((page.extract_text() or "").strip()) < _MIN_PAGE_CHARS:
                scanned.append(page_no)
                continue
            _read_pdf_page(page, page_no, item)
    if scanned:
        pages = "、".join(str(n) for n in scanned)
        item.flags.append(f"第{pages}页没有文字层（扫描件），未作识别，请人工录入该页内容")
    if not item.lines:
        raise ReadError("PDF 没有文字层（扫描件），未作识别；请提供文字版或人工录入")
    return item


def _read_pdf_page(page, page_no: int, item: SourceItem) -> None:
    tables = page.find_tables()
    blocks: list[tuple[float, str, tuple[str, ...]]] = []
    rest = page
    for table in tables:
        rest = rest.outside_bbox(table.bbox)
        for row in table.extract():
            cells = tuple((c or "").strip() for c in row)
            blocks.append((table.bbox[1] + len(blocks) * 1e-3, " ".join(cells), cells))
    for top, text in _reflowed(rest.extract_text_lines(), page.width):
        blocks.append((top, text, ()))
    for number, (_, text, cells) in enumerate(sorted(blocks, key=lambda b: b[0]), 1):
        item.add(text, f"第{page_no}页第{number}行", cells)


_NUMBERED = re.compile(
    r"^\s*([0-9]{1,2}[、.．)）]|[(（][0-9一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]+、|[①-⑳])"
)


def _reflowed(lines: list[dict], page_width: float) -> list[tuple[float, str]]:
    """Join a paragraph the printer wrapped: a line reaching the right margin (taken as wide
    as the left one) continues on the next line unless that one starts a numbered item."""
    if not lines:
        return []
    right = page_width - min(line["x0"] for line in lines)
    out: list[tuple[float, str]] = []
    joined = False
    for line in lines:
        chars = line.get("chars") or []
        width = (chars[-1]["x1"] - chars[-1]["x0"]) if chars else 10.0
        if joined and not _NUMBERED.match(line["text"]):
            out[-1] = (out[-1][0], out[-1][1] + line["text"].strip())
        else:
            out.append((line["top"], line["text"]))
        joined = line["x1"] >= right - 1.5 * width
    return out


def read_html(path: Path) -> SourceItem:
    """A saved web page or Word's "save as HTML"; charset from the bytes, not the meta tag."""
    item = SourceItem(str(path))
    for number, (kind, parts) in enumerate(html_blocks(decode(path.read_bytes())), 1):
        if kind == "tr":
            item.add(" ".join(parts), f"第{number}块（表格行）", tuple(parts))
        else:
            item.add(parts[0], f"第{number}块")
    return item


def read_xlsx(path: Path, vocabulary: Vocabulary) -> list[SourceItem]:
    """Either one item a row (实施清单 exports, a header row of 要素 names), or one item
    laid out as a 要素 table (label in the first column, value beside it)."""
    import openpyxl  # heavy and only needed for spreadsheets

    workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    items: list[SourceItem] = []
    for sheet in workbook.worksheets:
        rows = [
            [("" if v is None else str(v)).strip() for v in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        rows = [r for r in rows if any(r)]
        if not rows:
            continue
        header_at = _header_row(rows, vocabulary)
        if header_at is None:
            items.append(_table_item(path, sheet.title, rows))
        else:
            items.extend(_row_items(path, sheet.title, rows, header_at))
    workbook.close()
    if not items:
        raise ReadError("表格中没有内容")
    return items


def _header_row(rows: list[list[str]], vocabulary: Vocabulary) -> int | None:
    """A row naming three or more 要素 (事项名称, 实施主体, 申请材料 …) is a list header."""
    for at, row in enumerate(rows[:5]):
        named = {vocabulary.element(c) for c in row if c} - {None}
        if len(named) >= 3 and "name" in named:
            return at
    return None


def _table_item(path: Path, sheet: str, rows: list[list[str]]) -> SourceItem:
    item = SourceItem(str(path), label=f"工作表 {sheet}")
    for number, row in enumerate(rows, 1):
        cells = tuple(c for c in row if c)
        item.add(" ".join(cells), f"{sheet} 第{number}行", cells)
    return item


def _row_items(path: Path, sheet: str, rows: list[list[str]], at: int) -> list[SourceItem]:
    header = rows[at]
    items = []
    for number, row in enumerate(rows[at + 1 :], at + 2):
        item = SourceItem(str(path), label=f"{sheet} 第{number}行")
        for column, (label, value) in enumerate(zip(header, row, strict=False)):
            if value:
                where = f"{sheet} 第{number}行 {_column_name(column)}列"
                item.add(f"{label}: {value}", where, (label or "（无列名）", value))
        if item.lines:
            items.append(item)
    return items


def _column_name(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def read_json(path: Path, vocabulary: Vocabulary) -> list[SourceItem]:
    """A platform's JSON export: one item, a list of items, or a list under a key such
    as ``items``/``data``; keys are read as 要素 labels (事项名称, DEPT_NAME, consult_phone)."""
    data = json.loads(decode(path.read_bytes()))
    records = _records(data)
    if not records:
        raise ReadError("JSON 中没有找到事项（应为一个对象，或对象的列表）")
    items = []
    for number, record in enumerate(records, 1):
        item = SourceItem(str(path), label=f"第{number}个事项" if len(records) > 1 else "")
        _flatten(record, item, vocabulary, f"items[{number - 1}]")
        items.append(item)
    return items


def _records(data: object) -> list[dict]:
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)]
    if isinstance(data, dict):
        for key in ("items", "data", "list", "rows", "records", "result"):
            if isinstance(data.get(key), list):
                return _records(data[key])
        return [data]
    return []


def _flatten(value: object, item: SourceItem, vocabulary: Vocabulary, where: str) -> None:
    """Scalars become "key | value" rows; a list of materials becomes a table with header."""
    if not isinstance(value, dict):
        return
    for key, child in value.items():
        path = f"{where}.{key}"
        if isinstance(child, dict):
            _flatten(child, item, vocabulary, path)
        elif isinstance(child, list):
            _flatten_list(key, child, item, vocabulary, path)
        elif child not in (None, ""):
            item.add(f"{key}: {child}", path, (str(key), str(child)))


def _flatten_list(key, values: list, item: SourceItem, vocabulary: Vocabulary, path: str) -> None:
    dicts = [v for v in values if isinstance(v, dict)]
    if dicts and any(vocabulary.column(k) == "name" for k in dicts[0]):
        columns = list(dict.fromkeys(k for d in dicts for k in d))
        item.add(" | ".join(columns), f"{path}（表头）", tuple(columns))
        for number, entry in enumerate(dicts):
            cells = tuple(_scalar(entry.get(c)) for c in columns)
            item.add(" | ".join(cells), f"{path}[{number}]", cells)
        return
    if not values:
        return
    item.add(str(key), path)
    for number, entry in enumerate(values):
        if isinstance(entry, dict):
            text = " ".join(_scalar(v) for v in entry.values() if _scalar(v))
        else:
            text = _scalar(entry)
        item.add(text, f"{path}[{number}]")


def _scalar(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(_scalar(v) for v in value if _scalar(v))
    if isinstance(value, dict):
        return " ".join(_scalar(v) for v in value.values() if _scalar(v))
    return str(value).strip()
