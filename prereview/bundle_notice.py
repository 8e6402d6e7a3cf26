"""The one-time notice (一次性告知书) of a whole 一件事: one notice for every item.

Built like the single-item notice (``prereview.notice``) and in its tone: the
documents several items share first, each once with the items it serves, then
what is missing or to correct per item, the items this applicant need not apply
for, the questions, and the files nobody could use; at the foot the 综合窗口
where everything is handed in at once, the total time and the number of visits,
in the words of the chat reply (``knowledge.bundles``) so both tell the same.
Text for chat, printable HTML and PDF come from the same sections.
"""

from __future__ import annotations

from pathlib import Path

from knowledge import Location
from knowledge.bundles import item_condition, time_line, visits_line, when_text, window_lines
from prereview.bundle_review import BundleItemResult, BundleReviewResult, CombinedMaterialResult
from prereview.dates import format_date
from prereview.notice import (
    _CN_NUMBERS,
    _SECTIONS,
    ADVISORY,
    WECHAT_MAX_BYTES,
    Entry,
    Section,
    _entries,
    _pack,
    _size,
    _templates,
    find_font,
)
from prereview.pdf import notice_pdf
from prereview.result import DEFECTIVE, MISSING, NOT_APPLICABLE, OK, OPTIONAL, STATUS_WORDS

_STATUS_WORDS = dict(_SECTIONS) | {OK: "已通过预审", OPTIONAL: STATUS_WORDS[OPTIONAL]}


def _numeral(index: int) -> str:
    """一 … 九十九 for section ``index`` (0-based): a bundle of many items has many sections."""
    n = index + 1
    tens, ones = divmod(n, 10)
    if n <= 10:
        return _CN_NUMBERS[n - 1]
    lead = "" if tens == 1 else _CN_NUMBERS[tens - 1]
    return f"{lead}十{_CN_NUMBERS[ones - 1] if ones else ''}"


def _shared_entry(material: CombinedMaterialResult) -> Entry:
    lines = [f"用于：{'、'.join(material.item_names)}"]
    if material.files:
        lines.append("文件：" + "、".join(material.files))
    lines += material.problems
    if material.advice and material.status != DEFECTIVE:
        lines.append(material.advice)
    return Entry(f"{material.name}（{_STATUS_WORDS.get(material.status, '')}）", lines)


def _shared_section(result: BundleReviewResult) -> Section | None:
    shared = [m for m in result.materials if m.shared and m.status != NOT_APPLICABLE]
    if not shared:
        return None
    entries = [_shared_entry(m) for m in shared]
    return Section("shared", "多个事项共用的材料（只需提交一份）", entries)


def _item_title(item: BundleItemResult) -> str:
    department = item.result.department if item.result else ""
    title = f"{item.item_name}（{department}）" if department else item.item_name
    if item.applies is None:
        title += item_condition(item.conditions)
    return title


def _item_section(item: BundleItemResult, shared: set[str]) -> Section:
    """An item's own materials by status; a shared document is told once, above."""
    result = item.result
    own = [m for m in result.materials if f"{item.item}:{m.id}" not in shared]
    entries: list[Entry] = []
    for status, word in _SECTIONS:
        for entry in _entries([m for m in own if m.status == status]):
            entries.append(Entry(f"{word}：{entry.title}", entry.lines))
    ok = [m.name for m in own if m.status == OK]
    if ok:
        entries.append(Entry("已通过预审：" + "、".join(ok)))
    if not entries:
        entries.append(Entry("本事项所需材料见上方共用材料"))
    return Section(f"item-{item.item}", _item_title(item), entries)


def bundle_sections(result: BundleReviewResult) -> list[Section]:
    """The notice's sections in order; empty ones are left out."""
    shared_uses = {u for m in result.materials if m.shared for u in m.uses}
    sections = [s for s in [_shared_section(result)] if s]
    sections += [_item_section(i, shared_uses) for i in result.items if i.result is not None]
    skipped = [i for i in result.items if i.applies is False]
    if skipped:
        entries = [
            Entry(i.item_name, [f"仅在{when_text(i.conditions)}办理"] if i.conditions else [])
            for i in skipped
        ]
        sections.append(Section("skipped", "按您选择的情形，本次无需办理", entries))
    if result.missing_items:
        entries = [
            Entry(i, ["暂无该事项的办事指南，请到综合窗口咨询"]) for i in result.missing_items
        ]
        sections.append(Section("unknown", "未能预审的事项", entries))
    if result.questions:
        sections.append(Section("questions", "请确认", [Entry(q) for _, q in result.questions]))
    notes = result.unrecognised + result.file_warnings
    if notes:
        entries = [Entry(n.name, [n.reason]) for n in notes]
        sections.append(Section("files", "未能识别或未读完的文件", entries))
    return sections


def bundle_conclusion(result: BundleReviewResult) -> str:
    if result.complete:
        return "经预审，各事项材料齐全，请携带材料原件到综合窗口一次办理。"
    reviewed = result.reviewed()
    if not any(m.status in (MISSING, DEFECTIVE) for r in reviewed for m in r.materials):
        return "经预审，您的材料基本齐全，请先确认下列情形，以免遗漏事项或材料。"
    return "经预审，您的材料尚需补齐或补正，请按以下清单一次性准备好后再到综合窗口办理。"


def _header(result: BundleReviewResult, centre: str | None) -> list[str]:
    lines = [f"【{centre}一次性告知书】" if centre else "【一次性告知书】"]
    lines.append(f"编号：{result.number}")
    lines.append(f"日期：{format_date(result.date)}")
    lines.append(f"一件事：{result.bundle_name}（牵头部门：{result.department}）")
    names = [i.item_name for i in result.items if i.result is not None]
    lines.append(f"包含事项：{'、'.join(names)}" if names else "包含事项：无")
    if result.applicant:
        lines.append(f"申请人：{result.applicant}")
    return lines


def _where(result: BundleReviewResult, hotline: str | None) -> list[str]:
    window = result.window
    lines = window_lines(Location.model_validate(window)) if window.get("name") else []
    names = {i.item: i.item_name for i in result.items}
    if result.time is not None:
        lines.append(time_line(result.time, names))
    if result.visits is not None:
        lines.append(visits_line(result.visits, names))
    if hotline:
        lines.append(f"政务服务热线：{hotline}")
    return lines


def _section_text(index: int, section: Section) -> str:
    lines = [f"{_numeral(index)}、{section.title}"]
    for n, entry in enumerate(section.entries, 1):
        lines.append(f"{n}. {entry.title}")
        lines += [f"   {line}" for line in entry.lines]
    return "\n".join(lines)


def _blocks(result: BundleReviewResult, centre: str | None, hotline: str | None) -> list[str]:
    blocks = ["\n".join(_header(result, centre)), bundle_conclusion(result)]
    blocks += [_section_text(i, s) for i, s in enumerate(bundle_sections(result))]
    blocks.append("\n".join([*_where(result, hotline), ADVISORY]))
    return blocks


def render_bundle_text(
    result: BundleReviewResult,
    *,
    max_bytes: int = WECHAT_MAX_BYTES,
    link: str | None = None,
    centre: str | None = None,
    hotline: str | None = None,
) -> list[str]:
    """The notice as chat messages of at most ``max_bytes`` UTF-8 bytes each.

    When it does not fit and ``link`` is given, one message with the headline, the
    per-item counts and the link to the full notice is returned instead.
    """
    blocks = _blocks(result, centre, hotline)
    whole = "\n\n".join(blocks)
    if _size(whole) <= max_bytes:
        return [whole]
    if link:
        counts = [
            f"{r.item_name}：缺少{len(_entries(r.by_status(MISSING)))}项，"
            f"需补正{len(_entries(r.by_status(DEFECTIVE)))}项"
            for r in result.reviewed()
        ]
        summary = "\n\n".join(
            [
                blocks[0],
                bundle_conclusion(result),
                "\n".join(counts),
                f"完整告知书（含每项材料的要求）：{link}",
                ADVISORY,
            ]
        )
        return _pack([summary], max_bytes)[:1]
    reserve = 12  # room for the "(1/3)" marker
    parts = _pack(blocks, max_bytes - reserve)
    return [f"（{i}/{len(parts)}）\n{part}" for i, part in enumerate(parts, 1)]


def render_bundle_html(
    result: BundleReviewResult, *, centre: str | None = None, hotline: str | None = None
) -> str:
    """A printable A4 HTML page (no scripts, no external resources)."""
    header = _header(result, centre)
    sections = bundle_sections(result)
    return (
        _templates()
        .get_template("notice.html")
        .render(
            result=result,
            header=header[1:],
            title=header[0].strip("【】"),
            conclusion=bundle_conclusion(result),
            sections=sections,
            headings=[f"{_numeral(i)}、{s.title}" for i, s in enumerate(sections)],
            where=_where(result, hotline),
            advisory=ADVISORY,
        )
    )


def render_bundle_pdf(
    result: BundleReviewResult,
    *,
    centre: str | None = None,
    hotline: str | None = None,
    font: Path | None = None,
) -> bytes:
    """The notice as an A4 PDF with the Chinese font embedded (subset)."""
    sections = bundle_sections(result)
    return notice_pdf(
        f"一次性告知书 {result.number}",
        _header(result, centre),
        bundle_conclusion(result),
        [(f"{_numeral(i)}、{s.title}", s.entries) for i, s in enumerate(sections)],
        _where(result, hotline),
        ADVISORY,
        font=font or find_font(),
    )
