"""Doubts to flag for staff, never to fix silently: each rule a pure function of the draft.

A converter that guessed a missing department or dropped a catch-all would publish
its guess to every applicant; these rules only point, staff decide.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from knowledge.convert.review import Review
from knowledge.convert.vocabulary import Vocabulary, plain

_CUT_OFF_END = re.compile(r"(有关|相关|提交|提供|的|和|及|或|、|，|,|：|:|（|\(|《)$")
_NUMBER = re.compile(r"^\s*(?:[(（]\s*)?([0-9]{1,2})\s*[、.．)）]")
_PAIR = re.compile(
    r"([^\s、，,；;。或和及与]{2,12}?)(、|和|及|或者|或)([^\s、，,；;。或和及与]{2,12})"
)


def missing_fields(data: dict, review: Review) -> None:
    """A guide without department, place, hours or time limit cannot answer applicants."""
    if not data.get("department"):
        review.doubt("department", "缺少实施主体（实施机关/受理部门），请填写")
    locations = data.get("locations") or []
    if not locations:
        review.doubt("locations", "缺少办理地点")
    elif not any(loc.get("hours") for loc in locations):
        review.doubt("locations", "缺少办理时间（办公时间）")
    limit = data.get("time_limit") or {}
    if not any(limit.get(k) is not None for k in ("statutory", "promised")):
        review.doubt("time_limit", "缺少办结时限（法定/承诺）")
    if not data.get("materials"):
        review.doubt("materials", "没有识别出任何申请材料，请核对原文")


def catch_alls(data: dict, review: Review, vocabulary: Vocabulary) -> None:
    """其他材料, 有关批准文件, a list closed by 等: applicants cannot prepare them."""
    for i, material in enumerate(data.get("materials") or []):
        name = plain(material["name"])
        if any(p.search(name) for p in vocabulary.catch_all):
            review.doubt(
                f"materials[{i}].name",
                f"“{material['name']}”是兜底性表述，请改写为具体材料名称（lint 会拒绝）",
            )


def duplicates(data: dict, review: Review) -> None:
    """The same material listed twice for the same situation."""
    seen: dict[tuple[str, tuple], int] = {}
    for i, material in enumerate(data.get("materials") or []):
        situation = material.get("situation") or []
        key = (plain(material["name"]).replace(" ", ""), tuple(situation))
        if key in seen:
            review.doubt(
                f"materials[{i}].name",
                f"“{material['name']}”与 materials[{seen[key]}] 重复，请合并或注明情形",
            )
        else:
            seen[key] = i


def cut_off(texts: list[tuple[str, str]], review: Review) -> None:
    """Text ending mid-phrase (…提交有关) or with an unclosed bracket looks cut off."""
    for where, text in texts:
        stripped = text.strip()
        if not stripped:
            continue
        opened = stripped.count("(") + stripped.count("（") + stripped.count("《")
        closed = stripped.count(")") + stripped.count("）") + stripped.count("》")
        if _CUT_OFF_END.search(stripped) or opened > closed:
            review.doubt(where, f"内容疑似不完整（截断）：“…{stripped[-20:]}”，请对照原文补全")


def numbering_gaps(where: str, lines: list[str], review: Review) -> None:
    """1、2、4: an item of a list was probably lost when the guide was copied."""
    numbers = [int(m.group(1)) for line in lines if (m := _NUMBER.match(line))]
    for before, after in itertools.pairwise(numbers):
        if after > before + 1:
            missing = "、".join(str(n) for n in range(before + 1, after))
            review.doubt(where, f"编号从 {before} 跳到 {after}，第 {missing} 项可能遗漏")


def contradictions(texts: list[tuple[str, str]], review: Review, vocabulary: Vocabulary) -> None:
    """身份证、社保卡 in one place and 身份证或社保卡 in another: both, or either?"""
    found: dict[frozenset[str], dict[str, str]] = {}
    for where, text in texts:
        for match in _PAIR.finditer(plain(text)):
            left = _document_end(match.group(1), vocabulary)
            right = _document_start(match.group(3), vocabulary)
            joint = match.group(2)
            if not left or not right or left == right:
                continue
            kind = "or" if joint.startswith("或") else "and"
            found.setdefault(frozenset((left, right)), {}).setdefault(kind, where)
    for pair, kinds in found.items():
        if len(kinds) == 2:
            a, b = sorted(pair)
            review.doubt(
                kinds["or"],
                f"“{a}”与“{b}”在{kinds['and']}并列（都要），在{kinds['or']}是“或”（任选），请确认",
            )


def _document_end(text: str, vocabulary: Vocabulary) -> str:
    """ "1.受理：持身份证" → "身份证": the document named at the end of a phrase."""
    text = re.split(r"[:：.．()（）0-9]", text)[-1]
    for verb in vocabulary.material_verbs:
        if verb in text:
            text = text.split(verb)[-1]
    return text if vocabulary.is_document(text) else ""


def _document_start(text: str, vocabulary: Vocabulary) -> str:
    """ "社保卡到窗口" → "社保卡": the shortest start of a phrase that names a document."""
    return next((text[:n] for n in range(2, len(text) + 1) if vocabulary.is_document(text[:n])), "")


def publicity_basis(has_publicity: bool, data: dict, review: Review) -> None:
    """A 政务公开 catalogue's 公开依据 is the law on publishing, not the 设定依据 of the item."""
    if has_publicity:
        review.doubt(
            "basis",
            "原文是政务公开目录（公开依据/公开主体等），其“公开依据”不是本事项的设定依据，"
            "未作为 basis 录入；公开主体也未作为实施主体",
        )


def generated_situations(data: dict, review: Review) -> None:
    """Situations and their questions are generated from wording: staff check the words."""
    for situation in data.get("situations") or []:
        review.doubt(
            f"situations.{situation['id']}",
            f"根据“…的，须提交…”生成了办事情形“{situation['label']}”及问题"
            f"“{situation.get('question')}”，请核对措辞",
        )


def lone_groups(data: dict, review: Review) -> None:
    """An 任选 group of one: the other alternatives were probably lost."""
    groups = Counter(m.get("one_of") for m in data.get("materials") or [] if m.get("one_of"))
    for group, n in groups.items():
        if n == 1:
            review.doubt("materials", f"任选组 {group} 只有一项材料")
