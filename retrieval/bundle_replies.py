"""The reply about a whole 一件事 bundle, and the line an item's answer adds about its bundles.

Everything comes from ``knowledge.bundles.compose``: the items in order (those that
depend on a situation say when they are done), each document once naming the items
it serves, the situations asked once for the whole event, the total time and the
number of visits. Lines are short and numbered so that the reply reads on a phone
(WeChat text); the text is Simplified whatever the guides are written in. The wording
the notice and ``kb show`` share with this reply (totals, window, conditions, the
items a document serves) comes from ``knowledge.bundles``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from knowledge import Guide
from knowledge.bundles import (
    Bundle,
    CombinedMaterial,
    Composition,
    item_condition,
    served_text,
    time_line,
    visits_line,
    when_text,
    window_lines,
)
from retrieval.answers import material_head
from retrieval.bundle_index import event_name
from retrieval.text import to_simplified as zh

# An item's answer names at most this many of its bundles, each with at most this
# many items: one short paragraph, not a second answer.
MAX_BUNDLES_NAMED = 2
MAX_ITEMS_NAMED = 5


def bundle_title(bundle: Bundle) -> str:
    """“新生儿出生一件事”: the event and the tag, without the quotes inside the name."""
    return f"{event_name(bundle)}一件事"


def _window(bundle: Bundle) -> list[str]:
    return [zh(line) for line in [f"牵头部门：{bundle.department}", *window_lines(bundle.window)]]


def _labels(composition: Composition, keys: Sequence[str]) -> list[str]:
    """The situations a thing depends on, in the applicant's words."""
    return [zh(composition.label(k)) for k in keys]


def _items(composition: Composition) -> list[str]:
    lines = ["要办的事项（按办理顺序）："]
    for i, item in enumerate(composition.items, 1):
        line = f"{i}. {zh(item.name)}（{zh(item.guide.department)}）"
        if item.applies is None:
            line += item_condition(_labels(composition, item.situations))
        lines.append(line)
        if item.notes:
            lines.append(f"   {zh(item.notes)}")
    return lines


def _material_text(material: CombinedMaterial, numbers: Mapping[str, int] | None) -> str:
    """Name, form and copies, then the items it serves by number (事项1、3共用).

    ``numbers`` is None under a heading that already names the items.
    """
    text = material_head(material)
    if numbers is None:
        return text
    return text + served_text(numbers[i] for i in material.items)


def _grouped(materials: Sequence[CombinedMaterial]) -> list[list[CombinedMaterial]]:
    """Alternatives of one choice (身份证或户口簿) together, in order, each group once."""
    groups: dict[object, list[CombinedMaterial]] = {}
    for i, material in enumerate(materials):
        groups.setdefault(material.one_of or i, []).append(material)
    return list(groups.values())


def _material_lines(
    materials: Sequence[CombinedMaterial], numbers: Mapping[str, int] | None, numbered: bool
) -> list[str]:
    lines = []
    for n, group in enumerate(_grouped(materials), 1):
        mark = f"{n}." if numbered else "·"
        if len(group) == 1:
            lines.append(f"{mark} {_material_text(group[0], numbers)}")
        else:
            lines.append(f"{mark} 以下任选其一：")
            lines += [f"   - {_material_text(m, numbers)}" for m in group]
    return lines


def _materials(composition: Composition) -> list[str]:
    numbers = {item.id: i for i, item in enumerate(composition.items, 1)}
    conditional_items = {item.id for item in composition.items if item.applies is None}
    wanted = [m for m in composition.materials if m.applies is not False]
    when = {id(m): composition.own_situations(m) for m in wanted}
    required = [m for m in wanted if m.required and not m.shared and not when[id(m)]]
    # A document only items done in some situation need is listed under those items.
    always = [m for m in required if not set(m.items) <= conditional_items]
    by_items: dict[tuple[str, ...], list[CombinedMaterial]] = {}
    for m in required:
        if set(m.items) <= conditional_items:
            by_items.setdefault(m.items, []).append(m)
    conditional = [m for m in wanted if when[id(m)] and not m.shared]
    waived = [m for m in wanted if m.shared]
    optional = [m for m in wanted if not m.required and not m.shared and not when[id(m)]]
    lines = ["需要准备的材料（同一份材料只交一次）："]
    lines += _material_lines(always, numbers, numbered=True) or ["（无必交材料）"]
    for items, group in by_items.items():
        lines.append(f"办理事项{'、'.join(str(numbers[i]) for i in items)}时还需：")
        lines += _material_lines(group, None, numbered=False)
    by_situation: dict[str, list[CombinedMaterial]] = {}
    for m in conditional:
        by_situation.setdefault(when_text(_labels(composition, when[id(m)])), []).append(m)
    for label, group in by_situation.items():
        lines.append(f"{label}还需：")
        lines += _material_lines(group, numbers, numbered=False)
    if waived:
        lines.append("免提交（窗口通过电子证照或数据共享获取）：")
        lines += _material_lines(waived, numbers, numbered=False)
    if optional:
        lines.append("非必要材料（有则提供）：")
        lines += _material_lines(optional, numbers, numbered=False)
    return lines


def _questions(composition: Composition) -> list[str]:
    if not composition.questions:
        return []
    lines = ["办理时会问您以下情况（整件事只问一次）："]
    lines += [f"{i}. {zh(q.question)}" for i, q in enumerate(composition.questions, 1)]
    return lines


def bundle_reply(composition: Composition) -> str:
    """The whole event at once, as a window clerk would explain it at the 综合窗口."""
    bundle = composition.bundle
    names = {item.id: zh(item.name) for item in composition.items}
    head = f"“{bundle_title(bundle)}”在一个综合窗口一次提交材料，各部门协同办理："
    parts = [
        "\n".join([head, *_window(bundle)]),
        "\n".join(_items(composition)),
        "\n".join(_materials(composition)),
        "\n".join(_questions(composition)),
        "\n".join([time_line(composition.time, names), visits_line(composition.visits, names)]),
    ]
    return "\n\n".join(p for p in parts if p)


def bundle_mention(bundles: Sequence[tuple[Bundle, list[str]]], guides: Mapping[str, Guide]) -> str:
    """The lines an item's answer ends with: the bundles holding the item, and their items.

    ``bundles`` are (bundle, member item ids) pairs.
    """
    lines = []
    for bundle, members in list(bundles)[:MAX_BUNDLES_NAMED]:
        shown = [zh(guides[i].name) for i in members[:MAX_ITEMS_NAMED] if i in guides]
        more = f"等{len(members)}项" if len(members) > MAX_ITEMS_NAMED else ""
        title = bundle_title(bundle)
        lines.append(
            f"这是“{title}”的一项，可一次办理：{'、'.join(shown)}{more}。"
            f"想了解整件事，可以问我“{title}要办哪些手续”。"
        )
    return "\n".join(lines)
