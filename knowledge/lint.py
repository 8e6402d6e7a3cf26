"""Guide-quality rules drawn from the 一次性告知 / 最多跑一次 reform documents.

Reform rules forbid catch-all materials (兜底条款 such as 其他材料、有关材料, or a
list closed by 等) because an applicant cannot prepare what is not named.
Errors block an import or a save; warnings are shown and do not block.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import zhconv

from knowledge.loader import Problem, load_guides
from knowledge.schema import CATEGORIES, Guide

# Catch-all material names (兜底材料): named nothing an applicant could prepare.
_CATCH_ALL = re.compile(
    r"(其[他它]|有关|相关|其[他它]相关|其[他它]有关)(的)?(证明)?(材料|资料|文件|证件|证明)"
    r"|^(其[他它]|有关|相关)$"
    r"|等(相关|有关|其[他它])?(材料|资料|文件|证件|证明)?\s*$"
)
# "有关部门的批准文件", "其他证明材料": a document or material named only by a vague
# qualifier, however many words stand between; as much a catch-all as 其他材料.
_CATCH_ALL_SPREAD = re.compile(r"(有关|其[他它])[^，。；、,;（）()]{0,12}?(文件|材料|资料)")
# Vague wording in a material name: the applicant cannot tell what to bring.
_VAGUE = re.compile(
    r"相关|有关|必要的?|视情况|根据需要|按规定|规定的|相应的?|若干|其[他它]|要求的|需要的|如需"
)


def _simplified(text: str) -> str:
    return zhconv.convert(text, "zh-cn")


def lint_guide(guide: Guide, file: str) -> list[Problem]:
    """Quality problems of one guide that the schema alone cannot see."""
    problems: list[Problem] = []

    def error(field: str, message: str) -> None:
        problems.append(Problem(file, field, message, "error"))

    def warn(field: str, message: str) -> None:
        problems.append(Problem(file, field, message, "warning"))

    situation_ids = [s.id for s in guide.situations]
    for sid, n in Counter(situation_ids).items():
        if n > 1:
            error("situations", f"办事情形编号 {sid} 重复")
    for mid, n in Counter(m.id for m in guide.materials).items():
        if n > 1:
            error("materials", f"材料编号 {mid} 重复")

    _duplicate_names(guide, error)
    used_situations: set[str] = set()
    groups: Counter[str] = Counter()
    for i, material in enumerate(guide.materials):
        where = f"materials[{i}]"
        name = _simplified(material.name)
        if _CATCH_ALL.search(name) or _CATCH_ALL_SPREAD.search(name):
            error(
                f"{where}.name",
                f"“{material.name}”是兜底性材料，申请人无法据此准备；请逐项写明具体材料名称",
            )
        elif match := _VAGUE.search(name):
            warn(f"{where}.name", f"材料名称含模糊表述“{match.group(0)}”，请写明具体要求")
        if material.deferrable and material.shared:
            error(
                where,
                "deferrable（容缺后补）与 shared（免提交）不能同时为 true：免提交的材料无需后补",
            )
        for sid in material.situations:
            used_situations.add(sid)
            if sid not in situation_ids:
                error(f"{where}.situation", f"办事情形 {sid} 未在 situations 中定义")
        if material.one_of:
            groups[material.one_of] += 1
        if material.recognize is None and material.checks:
            warn(f"{where}.recognize", "设置了 checks 但没有 recognize 提示，预审时只能按名称识别")

    for group, n in groups.items():
        if n == 1:
            warn("materials", f"one_of 组 {group} 只有一项材料，无法构成“任选其一”")
    _lint_additions(guide, situation_ids, error, warn)
    for i, situation in enumerate(guide.situations):
        if situation.id not in used_situations:
            warn(f"situations[{i}]", f"办事情形 {situation.id} 没有被任何材料引用")
        if not situation.question:
            warn(f"situations[{i}].question", "缺少向申请人询问的问题，预审时无法确认该情形")

    limit = guide.time_limit
    if (
        limit
        and limit.statutory is not None
        and limit.promised is not None
        and limit.promised > limit.statutory
    ):
        error(
            "time_limit.promised",
            f"承诺时限 {limit.promised} 个{limit.unit}长于法定时限 {limit.statutory} 个{limit.unit}",
        )
    if guide.handling == "承诺件" and (limit is None or limit.promised is None):
        warn("time_limit.promised", "承诺件应写明承诺办结时限")
    if not guide.locations:
        warn("locations", "没有写办理地点，无法告诉申请人去哪里办")
    elif not any(loc.hours for loc in guide.locations):
        warn("locations", "没有写办公时间")
    return problems


def _name_key(name: str) -> str:
    """A material name as an applicant reads it: Simplified, without spaces and 《》."""
    return re.sub(r"[\s《》〈〉“”\"']", "", _simplified(name))


Report = Callable[[str, str], None]  # (field, message)


def _duplicate_names(guide: Guide, error: Report) -> None:
    """The same material listed twice for the same applicant is an error.

    Two materials may share a name only when they belong to different situations
    (the 授权委托书 of an agent and of a guardian); listed for the same situations,
    an applicant would be asked for it twice.
    """
    seen: dict[tuple[str, tuple[str, ...]], int] = {}
    for i, material in enumerate(guide.materials):
        key = (_name_key(material.name), tuple(sorted(material.situations)))
        if key in seen:
            error(
                f"materials[{i}].name",
                f"材料名称“{material.name}”与 materials[{seen[key]}] 重复；"
                "同一材料只列一次，或用 situation 区分不同情形",
            )
        else:
            seen[key] = i


def _lint_additions(guide: Guide, situation_ids: list[str], error: Report, warn: Report) -> None:
    """Rules for the optional fields real guides carry (docs/guide-format-additions.md)."""
    for sid in guide.handling_by_situation:
        if sid not in situation_ids:
            error("handling_by_situation", f"办事情形 {sid} 未在 situations 中定义")
    if guide.handling_by_situation and guide.handling not in (None, "即办件、承诺件"):
        values = set(guide.handling_by_situation.values()) | {guide.handling}
        if len(values) > 1:
            warn("handling", "各情形的办件类型不同，handling 宜写“即办件、承诺件”")
    groups: Counter[str] = Counter(s.one_of for s in guide.situations if s.one_of)
    for group, n in groups.items():
        if n == 1:
            warn("situations", f"办事情形组 {group} 只有一个情形，无法构成“多选一”")
    if guide.category and guide.category not in CATEGORIES:
        warn("category", f"“{guide.category}”是本地窗口分类，不在全国五类综合窗口分类之中")


def lint_guides(guides: list[tuple[str, Guide]]) -> list[Problem]:
    problems: list[Problem] = []
    for file, guide in guides:
        problems.extend(lint_guide(guide, file))
    return problems


def lint_paths(paths: list[str | Path]) -> list[Problem]:
    """Schema errors, duplicate ids and quality rules for every file under ``paths``."""
    result = load_guides(paths)
    return result.problems + lint_guides(result.guides)
