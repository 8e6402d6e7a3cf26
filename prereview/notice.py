"""The one-time notice (一次性告知书): plain text for chat, printable HTML, and PDF.

All three are built from the same sections — 需补正 / 缺少 / 可容缺后补 / 无需提交,
then questions and unrecognised files — so that they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from prereview.dates import format_date
from prereview.pdf import notice_pdf
from prereview.result import (
    DEFECTIVE,
    DEFERRABLE,
    MISSING,
    NOT_APPLICABLE,
    OK,
    STATUS_WORDS,
    WAIVED,
    MaterialResult,
    ReviewResult,
)

WECHAT_MAX_BYTES = 2048
ADVISORY = "本告知书为智能预审结果，仅供参考，最终以窗口受理审查为准。"
# WenQuanYi Micro Hei has Latin letters and digits; Droid Sans Fallback has CJK only.
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
)
_CN_NUMBERS = "一二三四五六七八九十"
_SECTIONS = tuple((s, STATUS_WORDS[s]) for s in (DEFECTIVE, MISSING, DEFERRABLE, WAIVED))


@dataclass
class Entry:
    title: str
    lines: list[str] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    entries: list[Entry]


def _entries(materials: list[MaterialResult]) -> list[Entry]:
    """One entry per material; missing members of a one_of group are shown as alternatives."""
    entries: list[Entry] = []
    seen_groups: set[str] = set()
    for m in materials:
        if m.group and m.status == MISSING:
            if m.group in seen_groups:
                continue
            seen_groups.add(m.group)
            members = [x for x in materials if x.group == m.group and x.status == MISSING]
            title = "、".join(x.name for x in members) + "（任选其一）"
            lines = [f"{x.name}：{x.advice}" for x in members if x.advice]
            entries.append(Entry(title, lines))
            continue
        lines = list(m.problems) if m.status == DEFECTIVE else []
        if m.status == DEFECTIVE and m.files:
            lines.insert(0, "文件：" + "、".join(m.files))
        if m.advice and m.status != DEFECTIVE:
            lines.append(m.advice)
        entries.append(Entry(m.name, lines))
    return entries


def notice_sections(result: ReviewResult) -> list[Section]:
    """The notice's sections in order; empty ones are left out."""
    sections = []
    for status, title in _SECTIONS:
        materials = result.by_status(status)
        if materials:
            sections.append(Section(status, title, _entries(materials)))
    if result.questions:
        entries = []
        for sid, question in result.questions:
            extra = [
                m.name
                for m in result.materials
                if m.status == NOT_APPLICABLE and sid in m.situations and not m.files
            ]
            lines = [f"如是，还需提交：{'、'.join(extra)}"] if extra else []
            entries.append(Entry(question, lines))
        sections.append(Section("questions", "请确认", entries))
    notes = result.unrecognised + result.file_warnings
    if notes:
        sections.append(
            Section("files", "未能识别或未读完的文件", [Entry(n.name, [n.reason]) for n in notes])
        )
    return sections


def conclusion(result: ReviewResult) -> str:
    if result.complete:
        return "经预审，您的材料齐全，请携带材料原件到窗口办理。"
    if not any(m.status in (MISSING, DEFECTIVE) for m in result.materials):
        return "经预审，您的材料基本齐全，请先确认下列情形，以免遗漏材料。"
    return "经预审，您的材料尚需补齐或补正，请按以下清单一次性准备好后再到窗口办理。"


def _where(result: ReviewResult, hotline: str | None) -> list[str]:
    lines = []
    for loc in result.locations:
        place = loc["name"] + (f"（{loc['address']}）" if loc.get("address") else "")
        lines.append(f"办理地点：{place}")
        if loc.get("hours"):
            lines.append(f"办公时间：{loc['hours']}")
        if loc.get("phone"):
            lines.append(f"咨询电话：{loc['phone']}")
    if result.online_url:
        lines.append(f"网上办理：{result.online_url}")
    if result.time_limit:
        lines.append(f"办理时限：{result.time_limit}")
    if hotline:
        lines.append(f"政务服务热线：{hotline}")
    return lines


def _header(result: ReviewResult, centre: str | None) -> list[str]:
    lines = [f"【{centre}一次性告知书】" if centre else "【一次性告知书】"]
    lines.append(f"编号：{result.number}")
    lines.append(f"日期：{format_date(result.date)}")
    lines.append(f"事项：{result.item_name}（{result.department}）")
    if result.applicant:
        lines.append(f"申请人：{result.applicant}")
    return lines


def _section_text(index: int, section: Section) -> str:
    lines = [f"{_CN_NUMBERS[index]}、{section.title}（{len(section.entries)}项）"]
    for n, entry in enumerate(section.entries, 1):
        lines.append(f"{n}. {entry.title}")
        lines += [f"   {line}" for line in entry.lines]
    return "\n".join(lines)


def _ok_line(result: ReviewResult) -> str | None:
    ok = [m.name for m in result.materials if m.status == OK]
    return f"已通过预审：{'、'.join(ok)}" if ok else None


def _blocks(result: ReviewResult, centre: str | None, hotline: str | None) -> list[str]:
    blocks = ["\n".join(_header(result, centre)), conclusion(result)]
    blocks += [_section_text(i, s) for i, s in enumerate(notice_sections(result))]
    if ok := _ok_line(result):
        blocks.append(ok)
    blocks.append("\n".join([*_where(result, hotline), ADVISORY]))
    return blocks


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _pack(blocks: list[str], limit: int) -> list[str]:
    """Blocks joined into parts of at most ``limit`` bytes; an oversized block is cut by lines."""
    pieces: list[str] = []
    for block in blocks:
        if _size(block) <= limit:
            pieces.append(block)
            continue
        chunk = ""
        for line in block.split("\n"):
            while _size(line) > limit:  # a single enormous line: cut by characters
                cut = len(line.encode("utf-8")[:limit].decode("utf-8", "ignore"))
                pieces.append(line[:cut])
                line = line[cut:]
            if chunk and _size(chunk + "\n" + line) > limit:
                pieces.append(chunk)
                chunk = line
            else:
                chunk = f"{chunk}\n{line}" if chunk else line
        if chunk:
            pieces.append(chunk)
    parts: list[str] = []
    for piece in pieces:
        if parts and _size(parts[-1] + "\n\n" + piece) <= limit:
            parts[-1] += "\n\n" + piece
        else:
            parts.append(piece)
    return parts


def render_text(
    result: ReviewResult,
    *,
    max_bytes: int = WECHAT_MAX_BYTES,
    link: str | None = None,
    centre: str | None = None,
    hotline: str | None = None,
) -> list[str]:
    """The notice as chat messages of at most ``max_bytes`` UTF-8 bytes each.

    When it does not fit one message and ``link`` is given, one message with the
    headline and the link to the full notice is returned instead of several.
    """
    blocks = _blocks(result, centre, hotline)
    whole = "\n\n".join(blocks)
    if _size(whole) <= max_bytes:
        return [whole]
    if link:
        counts = "；".join(
            f"{s.title}{len(s.entries)}项" for s in notice_sections(result) if s.entries
        )
        summary = "\n\n".join(
            [
                blocks[0],
                conclusion(result),
                counts,
                f"完整告知书（含每项材料的要求）：{link}",
                ADVISORY,
            ]
        )
        return _pack([summary], max_bytes)[:1]
    reserve = 12  # room for the "(1/3)" marker
    parts = _pack(blocks, max_bytes - reserve)
    return [f"（{i}/{len(parts)}）\n{part}" for i, part in enumerate(parts, 1)]


def _heading(index: int, section: Section) -> str:
    """A section's numbered heading with its count, as the HTML and PDF notices print it."""
    return f"{_CN_NUMBERS[index]}、{section.title}（{len(section.entries)}项）"


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("prereview", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(
    result: ReviewResult, *, centre: str | None = None, hotline: str | None = None
) -> str:
    """A printable A4 HTML page (no scripts, no external resources)."""
    sections = notice_sections(result)
    return (
        _templates()
        .get_template("notice.html")
        .render(
            result=result,
            centre=centre,
            header=_header(result, centre)[1:],
            title=_header(result, centre)[0].strip("【】"),
            conclusion=conclusion(result),
            sections=sections,
            headings=[_heading(i, s) for i, s in enumerate(sections)],
            ok_line=_ok_line(result),
            where=_where(result, hotline),
            advisory=ADVISORY,
        )
    )


def find_font() -> Path:
    for path in FONT_CANDIDATES:
        if path.exists():
            return path
    raise FileNotFoundError("no CJK font found; install fonts-droid-fallback or fonts-wqy-microhei")


def render_pdf(
    result: ReviewResult,
    *,
    centre: str | None = None,
    hotline: str | None = None,
    font: Path | None = None,
) -> bytes:
    """The notice as an A4 PDF with the Chinese font embedded (subset)."""
    ok = _ok_line(result)
    return notice_pdf(
        f"一次性告知书 {result.number}",
        _header(result, centre),
        conclusion(result),
        [
            (_heading(i, section), section.entries)
            for i, section in enumerate(notice_sections(result))
        ],
        _where(result, hotline),
        ADVISORY,
        after=[ok] if ok else [],
        font=font or find_font(),
    )
