"""``onetrip kb show ID``: one guide, or one 一件事 bundle, as labelled Chinese text for staff.

A bundle is shown as :func:`knowledge.bundles.compose` puts it together with nothing
answered yet: its items in order with the situations they depend on, the questions
asked once, the documents several items share, and the total time and visits, so
staff check what applicants will be told before they are told it — in the same words:
the totals, the window and the conditions come from ``knowledge.bundles``, as in the
reply and the notice.
"""

from __future__ import annotations

import argparse
import sys

from bot.compose import open_store
from bot.settings import Settings
from knowledge import Guide, Material, Store
from knowledge.bundles import (
    Bundle,
    BundleError,
    CombinedMaterial,
    Composition,
    compose,
    item_condition,
    served_text,
    time_line,
    visits_line,
    when_text,
    window_lines,
)
from prereview.bundle_review import bundle_sources


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    guide = store.get(args.item_id)
    if guide is not None:
        print(format_guide(guide))
        return 0
    bundle = store.get_bundle(args.item_id)
    if bundle is None:
        message = f"没有事项 {args.item_id}，也没有此编号的一件事（用 onetrip kb list 查看全部）"
        print(message, file=sys.stderr)
        return 1
    try:
        print(format_bundle(bundle, store))
    except BundleError as exc:  # a nested bundle gone: say so rather than show half of it
        print(f"一件事 {bundle.id} 无法组合：{exc}（用 onetrip kb lint 检查）", file=sys.stderr)
        return 1
    return 0


def format_guide(guide: Guide) -> str:
    """The whole guide as labelled Chinese text for staff."""
    lines = [f"【{guide.name}】（{guide.id}）"]

    def add(label: str, value: object) -> None:
        if value not in (None, "", []):
            lines.append(f"{label}：{value}")

    add("事项编码", guide.code)
    add("实施主体", guide.department)
    add("综合窗口分类", guide.category)
    add("事项类型", guide.type)
    add("办件类型", guide.handling)
    add("相似问法", "；".join(guide.aliases))
    add("设定依据", "；".join(guide.basis))
    add("受理条件", (guide.conditions or "").strip())
    if guide.situations:
        lines.append("办事情形：")
        lines += [f"  - {s.label}（{s.id}）{s.question or ''}" for s in guide.situations]
    lines.append("申请材料：" if guide.materials else "申请材料：无需提交材料")
    for i, m in enumerate(guide.materials, 1):
        flags = _flags(m)
        if m.situations:
            labels = [(guide.situation(s).label if guide.situation(s) else s) for s in m.situations]
            flags.append("适用情形：" + "、".join(labels))
        if m.one_of:
            flags.append(f"任选其一组：{m.one_of}")
        lines.append(f"  {i}. {m.name}（{'，'.join(flags)}）")
        if m.notes:
            lines.append(f"     说明：{m.notes}")
    if guide.time_limit:
        t = guide.time_limit
        if t.statutory is not None:
            lines.append(f"法定办结时限：{t.statutory}个{t.unit}")
        if t.promised is not None:
            lines.append(f"承诺办结时限：{t.promised}个{t.unit}")
    add("收费标准", guide.fees)
    add("到现场次数", guide.visits)
    add("网上办理", guide.online_url)
    for loc in guide.locations:
        parts = [loc.name, loc.address, loc.hours, loc.phone and f"电话 {loc.phone}"]
        lines.append("办理地点：" + "；".join(p for p in parts if p))
    add("办理流程", " → ".join(guide.process))
    add("办理结果", "、".join(guide.results))
    for f in guide.faq:
        lines.append(f"问：{f.q}\n答：{f.a}")
    add("指南更新日期", guide.updated)
    return "\n".join(lines)


def _flags(material: Material | CombinedMaterial) -> list[str]:
    """Required or not, 容缺, 免提交, form and copies: an item's material or a shared one."""
    return [
        "必要" if material.required else "非必要",
        *(["容缺后补"] if material.deferrable else []),
        *(["免提交"] if material.shared else []),
        *([material.form] if material.form else []),
        *([f"{material.copies}份"] if material.copies else []),
    ]


def format_bundle(bundle: Bundle, store: Store) -> str:
    """The whole bundle as labelled Chinese text for staff, nested bundles included.

    Raises ``BundleError`` when a nested bundle is missing or nesting is circular.
    """
    guides, bundles = bundle_sources(bundle, store.get, store.get_bundle)
    composition = compose(bundle, guides, bundles=bundles)
    lines = [f"【{bundle.name}】（{bundle.id}）一件事"]
    if bundle.aliases:
        lines.append("相似问法：" + "；".join(bundle.aliases))
    lines.append(f"牵头部门：{bundle.department}")
    lines += window_lines(bundle.window)
    if bundle.description:
        lines.append(f"说明：{bundle.description.strip()}")
    lines += _item_lines(composition, bundles)
    lines += _question_lines(composition)
    lines += _shared_lines(composition)
    names = {item.id: item.name for item in composition.items}
    lines += [time_line(composition.time, names), visits_line(composition.visits, names)]
    if composition.missing:
        lines.append("知识库中缺少的事项（未计入）：" + "、".join(composition.missing))
    if bundle.updated:
        lines.append(f"更新日期：{bundle.updated}")
    return "\n".join(lines)


def _item_lines(composition: Composition, bundles: dict[str, Bundle]) -> list[str]:
    """Items in order: department, the situations they depend on, what the event settles."""
    fixed = {e.item: e.fixed for b in bundles.values() for e in b.items if e.item and e.fixed}
    lines = ["事项（按办理顺序）："]
    for i, item in enumerate(composition.items, 1):
        line = f"  {i}. {item.name}（{item.id}；{item.guide.department}）"
        line += item_condition(composition.label(k) for k in item.situations)
        lines.append(line)
        if settled := fixed.get(item.id):
            situation = item.guide.situation
            parts = [
                f"{situation(s).label if situation(s) else s}：{'是' if value else '否'}"
                for s, value in settled.items()
            ]
            lines.append("     本件事中已确定：" + "；".join(parts))
        if item.notes:
            lines.append(f"     说明：{item.notes}")
    return lines


def _question_lines(composition: Composition) -> list[str]:
    """The bundle's situations asked once, then the items' own ones no bundle situation covers."""
    numbers = {item.id: i for i, item in enumerate(composition.items, 1)}
    once = [q for q in composition.questions if ":" not in q.key]
    own = [q for q in composition.questions if ":" in q.key]
    lines = []
    if once:
        lines.append("整件事只问一次的情形：")
        for q in once:
            group = f"（任选其一组：{q.one_of}）" if q.one_of else ""
            lines.append(f"  - {q.label}（{q.key}）{q.question}{group}")
    if own:
        lines.append("按事项分别询问的情形：")
        for q in own:
            served = "、".join(str(numbers[i]) for i in q.items if i in numbers)
            lines.append(f"  - 事项{served} {q.label}（{q.key}）{q.question}")
    return lines


def _shared_lines(composition: Composition) -> list[str]:
    """The documents several items need, each handed in once, with the items they serve.

    Only the situations a document needs beyond its items' own are marked, so a
    document of an item done only 以公司形式经营 is not marked again.
    """
    numbers = {item.id: i for i, item in enumerate(composition.items, 1)}
    shared = [m for m in composition.materials if len(m.items) > 1]
    lines = [
        f"材料：共 {len(composition.materials)} 份，其中 {len(shared)} 份由多个事项共用、只交一次"
    ]
    for m in shared:
        flags = _flags(m)
        if when := composition.own_situations(m):
            flags.append(when_text(composition.label(k) for k in when) + "需要")
        served = served_text(numbers[i] for i in m.items)
        lines.append(f"  - {m.name}（{'，'.join(flags)}）{served}")
    return lines
