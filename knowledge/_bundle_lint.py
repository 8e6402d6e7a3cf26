"""Bundle rules the schema alone cannot see: unknown items and materials, cycles, empties.

Errors block an import or a save; warnings (an undeclared shared document, a
question asked twice) are shown and do not block, as for guides.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

import zhconv

from knowledge._bundle_files import load_bundles, split_files
from knowledge._bundle_model import Bundle, BundleError, Expanded, expand
from knowledge.loader import Problem, load_guides
from knowledge.schema import Guide


def _name_key(name: str) -> str:
    return "".join(ch for ch in zhconv.convert(name, "zh-cn") if ch not in " 　《》“”\"'")


def _cycle(start: str, bundles: Mapping[str, Bundle]) -> list[str] | None:
    """The first path of nested bundles from ``start`` back to itself, if any."""

    def visit(bundle_id: str, path: list[str]) -> list[str] | None:
        for entry in bundles[bundle_id].items:
            if entry.bundle == start:
                return [*path, start]
            if entry.bundle in bundles and entry.bundle not in path:
                found = visit(entry.bundle, [*path, entry.bundle])
                if found:
                    return found
        return None

    return visit(start, [start])


def lint_bundle(
    bundle: Bundle,
    file: str,
    guides: Mapping[str, Guide],
    bundles: Mapping[str, Bundle] | None = None,
) -> list[Problem]:
    """Problems of one bundle against the guides (and other bundles) it names."""
    bundles = {bundle.id: bundle, **(bundles or {})}
    problems: list[Problem] = []

    def error(where: str, message: str) -> None:
        problems.append(Problem(file, where, message, "error"))

    def warn(where: str, message: str) -> None:
        problems.append(Problem(file, where, message, "warning"))

    if not bundle.items:
        error("items", "一件事至少要包含一个事项")
    if bundle.id in guides:
        error("id", f"一件事编号 {bundle.id} 与事项编号重复，检索结果和链接会混淆")
    for sid, n in Counter(s.id for s in bundle.situations).items():
        if n > 1:
            error("situations", f"办事情形编号 {sid} 重复")
    situation_ids = {s.id for s in bundle.situations}
    _lint_entries(bundle, guides, bundles, situation_ids, error)
    cycle = _cycle(bundle.id, bundles)
    if cycle:
        error("items", f"一件事循环嵌套: {' → '.join(cycle)}")
        return problems
    try:
        expanded = expand(bundle, bundles)
    except BundleError:
        return problems  # an unknown nested bundle: reported above
    _lint_expanded(bundle, expanded, guides, error, warn)
    return problems


def _lint_entries(bundle, guides, bundles, situation_ids, error) -> None:
    """Each line of ``items``: its item or bundle exists, its situations are declared."""
    for i, entry in enumerate(bundle.items):
        where = f"items[{i}]"
        if entry.item and entry.item not in guides:
            error(f"{where}.item", f"事项 {entry.item} 不存在")
        if entry.bundle and entry.bundle not in bundles:
            error(f"{where}.bundle", f"一件事 {entry.bundle} 不存在")
        elif entry.bundle and not bundles[entry.bundle].items:
            error(f"{where}.bundle", f"嵌套的一件事 {entry.bundle} 不含任何事项")
        for sid in entry.situations:
            if sid not in situation_ids:
                error(f"{where}.situation", f"办事情形 {sid} 未在 situations 中定义")
        guide = guides.get(entry.item or "")
        for sid in entry.fixed:
            if guide and guide.situation(sid) is None:
                error(f"{where}.fixed", f"事项 {entry.item} 没有办事情形 {sid}")


def _lint_expanded(bundle, expanded: Expanded, guides, error, warn) -> None:
    """Rules over the whole event: duplicate items, covers, same_document groups."""
    items: dict[str, str] = {}
    for step in expanded.steps:
        item = step.entry.item
        if item in items:
            error("items", f"事项 {item} 出现两次（{items[item]} 与 {' → '.join(step.via)}）")
        items.setdefault(item, " → ".join(step.via))
    if len(items) == 1:
        warn("items", "一件事只有一个事项，不必写成一件事")
    used = {s for step in expanded.steps for clause in step.clauses for s in clause}
    fixed = {step.entry.item: step.entry.fixed for step in expanded.steps}
    for group, n in Counter(s.one_of for s in bundle.situations if s.one_of).items():
        if n == 1:
            warn("situations", f"办事情形组 {group} 只有一个情形，无法构成“多选一”")
    covered: dict[str, str] = {}
    for i, situation in enumerate(bundle.situations):
        for ref in situation.covers:
            item, _, sid = ref.partition(":")
            if _unknown_ref(ref, items, guides, error, f"situations[{i}].covers"):
                continue
            if guides[item].situation(sid) is None:
                error(f"situations[{i}].covers", f"事项 {item} 没有办事情形 {sid}")
            elif ref in covered:
                error(f"situations[{i}].covers", f"{ref} 已由办事情形 {covered[ref]} 代表")
            elif sid in fixed.get(item, {}):
                error(f"situations[{i}].covers", f"{ref} 已在 items 的 fixed 中确定，不必再问")
            covered[ref] = situation.id
        if situation.id not in used and not situation.covers:
            warn(f"situations[{i}]", f"办事情形 {situation.id} 没有被任何事项引用")
    _lint_groups(bundle, items, guides, error)
    _lint_undeclared(expanded, items, guides, covered, warn)


def _unknown_ref(ref: str, items: Mapping[str, str], guides, error, where: str) -> bool:
    item = ref.partition(":")[0]
    if item not in items:
        error(where, f"{ref}: 事项 {item} 不在本一件事中")
        return True
    return item not in guides  # already reported at items[...]


def _lint_groups(bundle: Bundle, items, guides, error) -> None:
    first_group: dict[str, int] = {}
    for i, group in enumerate(bundle.same_document):
        where = f"same_document[{i}]"
        if len(group) < 2:
            error(where, "same_document 每组至少写两项材料（item:material）")
        owners = Counter(ref.partition(":")[0] for ref in group)
        for item, n in owners.items():
            if n > 1:
                error(where, f"同一事项 {item} 的两项材料不能写成同一份文件")
        for ref in group:
            if _unknown_ref(ref, items, guides, error, where):
                continue
            item, _, mid = ref.partition(":")
            if guides[item].material(mid) is None:
                error(where, f"{ref}: 事项 {item} 没有材料 {mid}")
            if ref in first_group:
                error(where, f"{ref} 已在 same_document[{first_group[ref]}] 中，请合并为一组")
            first_group.setdefault(ref, i)


def _lint_undeclared(expanded: Expanded, items, guides, covered, warn) -> None:
    """Hints: the same document or question appearing twice without being declared."""
    grouped = {ref for group in expanded.same_document for ref in group}
    fixed = {s.entry.item: s.entry.fixed for s in expanded.steps}
    by_name: dict[str, list[str]] = {}
    questions: dict[str, list[str]] = {}
    for item in items:
        guide = guides.get(item)
        if guide is None:
            continue
        for m in guide.materials:
            ref = f"{item}:{m.id}"
            if not m.situations and ref not in grouped:
                by_name.setdefault(_name_key(m.name), []).append(ref)
        for s in guide.situations:
            if f"{item}:{s.id}" not in covered and s.id not in fixed[item]:
                questions.setdefault(_name_key(s.label), []).append(f"{item}:{s.id}")
    for refs in by_name.values():
        if len({r.partition(":")[0] for r in refs}) > 1:
            warn("same_document", f"{'、'.join(refs)} 名称相同，是否为同一份文件？")
    for label, refs in questions.items():
        if len(refs) > 1:
            warn(
                "situations",
                f"“{label}”会被问 {len(refs)} 次（{'、'.join(refs)}），宜写成一件事的办事情形",
            )


def lint_bundles(
    bundles: Iterable[tuple[str, Bundle]], guides: Mapping[str, Guide] | Iterable[Guide]
) -> list[Problem]:
    """Every bundle against the guides and the other bundles."""
    if not isinstance(guides, Mapping):
        guides = {g.id: g for g in guides}
    bundles = list(bundles)
    by_id = {b.id: b for _, b in bundles}
    problems: list[Problem] = []
    for file, bundle in bundles:
        problems.extend(lint_bundle(bundle, file, guides, by_id))
    return problems


def lint_bundle_paths(
    paths: Iterable[str | Path], guides: Mapping[str, Guide] | Iterable[Guide] | None = None
) -> list[Problem]:
    """Schema errors, duplicate ids and bundle rules for the bundle files under ``paths``.

    The guides are the other files under ``paths`` unless given (the knowledge base);
    their own problems are ``knowledge.lint_paths``'s to report, not repeated here.
    """
    paths = list(paths)
    result = load_bundles(paths)
    if guides is None:
        guide_paths, _, _ = split_files(paths)
        guides = [g for _, g in load_guides(guide_paths).guides] if guide_paths else []
    return result.problems + lint_bundles(result.bundles, guides)
