"""The printable pre-filled form (一表申请): one per item, or one combined form for a bundle.

Built from the ``prefill`` of review results, so a stored result prints again
without the guide. Every value carries a small note naming its source document;
an unknown field is a blank line for the applicant to fill by hand; the sheet
ends with the line the applicant signs after checking it. HTML (print CSS, A4)
and PDF (fpdf2, the notice's CJK font) are rendered from the same ``FormSheet``.

A combined form puts the fields several items ask for (name, ID number, phone …)
once at the top, when the items agree on them, and then each item's own fields.

The web page shows each blank row as an input named by its key (``phone``; a key's
later rows ``phone.2`` …), and posts them to the PDF: ``typed_sheet`` writes what the
applicant typed into the blank rows only, checked as ``onetrip prereview --typed`` checks
it, so that a value read off a document is never replaced and nothing typed is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prereview.bundle_review import BundleReviewResult
from prereview.dates import format_date
from prereview.notice import _templates, find_font
from prereview.pdf import a4_pdf
from prereview.prefill import TYPED, typed_value
from prereview.result import PrefillField, PrefillForm, ReviewResult

CHECK_NOTE = (
    "以下内容由智能预审根据您上传的材料预先填写，每项注明来源。请逐项核对，空白栏目请手工填写；"
    "最终以窗口受理审查为准。"
)
DECLARATION = "本人已核对以上内容，确认真实、准确。"
SIGN_LINE = "申请人（签字或盖章）：____________________　　日期：______年____月____日"
NO_FORMS = "本事项没有需要预填的申请表，请按一次性告知书准备材料。"
TYPE_BUTTON = "生成PDF（含我填写的内容）"
TYPE_NOTE = "空白栏目可在此直接填写，再点击下方按钮生成PDF；您填写的内容不会被保存。"
MAX_TYPED_CHARS = 200  # longer than any field's value: a longer one is not a field's value
SHARED_TITLE = "共同信息（各事项通用，只填一次）"
# Standard labels of the keys a combined form shows once for all items.
SHARED_LABELS = {
    "name": "姓名",
    "sex": "性别",
    "ethnicity": "民族",
    "birth_date": "出生日期",
    "id_number": "公民身份号码",
    "address": "住址",
    "phone": "联系电话",
    "company_name": "单位名称",
    "uscc": "统一社会信用代码",
    "legal_rep": "法定代表人",
    "business_address": "经营场所",
}


@dataclass
class Row:
    label: str
    value: str | None
    source: str | None = None
    note: str | None = None
    key: str | None = None
    input: str | None = None  # the name of the blank row's input on the web page


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class FormSheet:
    """What a printed form shows, whatever the output format."""

    title: str
    meta: list[str]
    sections: list[Section]
    empty_note: str | None = None

    def blanks(self) -> list[Row]:
        return [r for s in self.sections for r in s.rows if r.input]


def _row(item: PrefillField) -> Row:
    return Row(item.label, item.value, item.source, item.note, item.key)


def _name_blanks(sheet: FormSheet) -> FormSheet:
    """Name every blank row's input by its key, counting all rows so names stay stable."""
    seen: dict[str, int] = {}
    for row in (r for s in sheet.sections for r in s.rows):
        if row.key is None:
            continue
        seen[row.key] = seen.get(row.key, 0) + 1
        if not row.value:
            row.input = row.key if seen[row.key] == 1 else f"{row.key}.{seen[row.key]}"
    return sheet


def typed_sheet(sheet: FormSheet, typed: Mapping[str, str]) -> FormSheet:
    """``sheet`` with the applicant's ``typed`` values (input name → text) in its blank rows.

    A value for a filled row has no input to land in and is ignored; an ID number or
    USCC that fails its check character stays blank with the note saying so.
    """
    for row in sheet.blanks():
        text = typed.get(row.input or "", "").strip()
        if not text or row.key is None:
            continue
        value, note = typed_value(row.key, text)
        row.value, row.source = value, TYPED if value else None
        row.note = note if not value else None
    return sheet


def _meta(result: ReviewResult) -> list[str]:
    return [
        f"事项：{result.item_name}（{result.department}）",
        f"预审编号：{result.number}",
        f"预填日期：{format_date(result.date)}",
    ]


def form_sheet(result: ReviewResult) -> FormSheet:
    """One item's forms, one section per form material."""
    sections = [Section(f.name, [_row(x) for x in f.fields]) for f in result.prefill]
    title = f"{result.item_name} 申请表（预填）"
    return _name_blanks(FormSheet(title, _meta(result), sections, None if sections else NO_FORMS))


def _shared_keys(forms: list[PrefillForm]) -> set[str]:
    """Keys asked by several forms that agree on them, each held once per form.

    A form holding a key twice (男方姓名, 女方姓名) names two people: such a key
    stays in its item. Two filled values that differ keep the key per item too, as
    does a value beside another item's blank that has a note.
    """
    shared = set()
    for key in SHARED_LABELS:
        holders = [f for f in forms if any(x.key == key for x in f.fields)]
        if len(holders) < 2 or any(sum(x.key == key for x in f.fields) > 1 for f in holders):
            continue
        fields = [x for f in holders for x in f.fields if x.key == key]
        values = {x.value for x in fields if x.value}
        # A blank left for a reason (sources disagree, a code failed) is never filled by
        # another item's value: that item's field keeps its own row and note.
        if len(values) <= 1 and not (values and any(x.note for x in fields)):
            shared.add(key)
    return shared


def _shared_row(key: str, fields: list[PrefillField]) -> Row:
    """One row for ``key``: the value and every source it was read from, or the first note."""
    filled = [x for x in fields if x.value]
    if not filled:
        note = next((x.note for x in fields if x.note), None)
        return Row(SHARED_LABELS[key], None, note=note, key=key)
    sources = "、".join(dict.fromkeys(s for x in filled for s in (x.source or "").split("、") if s))
    return Row(SHARED_LABELS[key], filled[0].value, sources or None, key=key)


def combined_sheet(results: list[ReviewResult], title: str | None = None) -> FormSheet:
    """One form for several items (a bundle): shared fields once, then each item's own."""
    forms = [f for r in results for f in r.prefill]
    shared = _shared_keys(forms)
    sections = []
    if shared:
        rows = [
            _shared_row(key, [x for f in forms for x in f.fields if x.key == key])
            for key in SHARED_LABELS
            if key in shared
        ]
        sections.append(Section(SHARED_TITLE, rows))
    for result in results:
        for form in result.prefill:
            rows = [_row(x) for x in form.fields if x.key not in shared]
            if rows:
                sections.append(Section(f"{result.item_name}：{form.name}", rows))
    names = "、".join(r.item_name for r in results)
    numbers = "、".join(dict.fromkeys(r.number for r in results))
    meta = [f"包含事项：{names}", f"预审编号：{numbers}"]
    if results:
        meta.append(f"预填日期：{format_date(results[0].date)}")
    sheet = FormSheet(title or "一表申请（预填）", meta, sections, None if forms else NO_FORMS)
    return _name_blanks(sheet)


def sheet_html(sheet: FormSheet, action: str | None = None) -> str:
    """A printable A4 page (no scripts, no external resources); with ``action``, the blank
    rows are inputs posted there (the same link's PDF) by the button."""
    return (
        _templates()
        .get_template("form.html")
        .render(
            sheet=sheet,
            action=action if sheet.blanks() else None,
            check_note=CHECK_NOTE,
            declaration=DECLARATION,
            sign_line=SIGN_LINE,
            type_button=TYPE_BUTTON,
            type_note=TYPE_NOTE,
            max_chars=MAX_TYPED_CHARS,
        )
    )


def sheet_pdf(sheet: FormSheet, font: Path | None = None) -> bytes:
    """The form as an A4 PDF: label, value (or a blank line), and the source in small print."""
    pdf = a4_pdf(sheet.title, font or find_font())
    width = pdf.w - pdf.l_margin - pdf.r_margin
    label_w = 48

    def write(text: str, size: float, height: float, colour: int = 0) -> None:
        pdf.set_font("cjk", size=size)
        pdf.set_text_color(colour)
        pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)

    pdf.set_font("cjk", size=17)
    pdf.cell(width, 12, sheet.title, align="C", new_x="LMARGIN", new_y="NEXT")
    for line in sheet.meta:
        write(line, 10, 5.5)
    pdf.ln(1)
    write(CHECK_NOTE, 9.5, 5, 80)
    if sheet.empty_note:
        pdf.ln(3)
        write(sheet.empty_note, 11, 6.5)
    for section in sheet.sections:
        pdf.ln(3)
        write(section.title, 12.5, 8)
        for row in section.rows:
            _pdf_row(pdf, row, label_w, width - label_w)
    pdf.ln(6)
    write(DECLARATION, 11, 7)
    pdf.ln(4)
    write(SIGN_LINE, 11, 7)
    return bytes(pdf.output())


def _pdf_row(pdf, row: Row, label_w: float, value_w: float) -> None:
    """One bordered row; its height follows the value and the source note beneath it."""
    if pdf.will_page_break(16):
        pdf.add_page()
    x, y = pdf.get_x(), pdf.get_y()
    pdf.set_xy(x + label_w, y)
    pdf.set_font("cjk", size=11)
    pdf.multi_cell(value_w, 7, row.value or " ", new_x="LMARGIN", new_y="NEXT")
    note = f"来源：{row.source}" if row.value and row.source else row.note
    if note:
        pdf.set_x(x + label_w)
        pdf.set_font("cjk", size=8)
        pdf.set_text_color(90)
        pdf.multi_cell(value_w, 4.5, note, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
    bottom = max(pdf.get_y() + 1, y + 9)
    pdf.set_font("cjk", size=10.5)
    pdf.set_xy(x, y)
    pdf.multi_cell(label_w, 7, row.label, new_x="LMARGIN", new_y="NEXT")
    pdf.rect(x, y, label_w, bottom - y)
    pdf.rect(x + label_w, y, value_w, bottom - y)
    pdf.set_xy(x, bottom)


def render_form_html(result: ReviewResult) -> str:
    return sheet_html(form_sheet(result))


def render_form_pdf(result: ReviewResult, font: Path | None = None) -> bytes:
    return sheet_pdf(form_sheet(result), font)


def render_combined_form(
    results: list[ReviewResult], *, title: str | None = None, pdf: bool = False
) -> str | bytes:
    """The combined form of a bundle's item results: HTML text, or PDF bytes with ``pdf``."""
    sheet = combined_sheet(results, title)
    return sheet_pdf(sheet) if pdf else sheet_html(sheet)


def result_sheet(result: ReviewResult | BundleReviewResult) -> FormSheet:
    """The form of a stored result: one item's, or a bundle's combined form titled as
    ``onetrip prereview --bundle --form`` titles it."""
    if isinstance(result, BundleReviewResult):
        return combined_sheet(result.reviewed(), f"{result.bundle_name}一表申请")
    return form_sheet(result)


def render_result_form(
    result: ReviewResult | BundleReviewResult,
    *,
    pdf: bool,
    typed: Mapping[str, str] | None = None,
    action: str | None = None,
) -> str | bytes:
    """The form of a stored result as HTML text (its blank rows posted to ``action`` if
    given) or PDF bytes (with the applicant's ``typed`` values in its blank rows)."""
    sheet = result_sheet(result)
    if pdf:
        return sheet_pdf(typed_sheet(sheet, typed or {}))
    return sheet_html(sheet, action)
