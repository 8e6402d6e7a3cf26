"""Answers composed only from a guide's structured fields — never invented policy.

One template per facet; a field the guide leaves empty is said to be missing
(and the citizen is pointed at the window) rather than guessed. Every answer
names its source guide. Guide text written in Traditional characters is shown
converted to Simplified.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge import Guide, Material
from knowledge.bundles import CombinedMaterial
from retrieval.text import to_simplified as zh
from retrieval.yesno import presence_line

FOLLOW_UPS = "您还可以问我：要带什么材料、多久办好、收费吗、在哪里办、能不能网上办。"


def source_line(guide: Guide) -> str:
    return f"（来源：《{zh(guide.name)}》办事指南）"


# More places than this are listed by name and phone only, without addresses.
BRIEF_AFTER = 4


def ask_window(guide: Guide) -> str:
    """Where to ask: the one phone, each place with its own phone, or a pointer to them."""
    places = [loc for loc in guide.locations if loc.phone]
    phones = list(dict.fromkeys(loc.phone for loc in places))
    if len(phones) == 1:
        return f"请咨询办理窗口（电话 {phones[0]}）。"
    if phones and len(places) <= BRIEF_AFTER:
        pairs = "；".join(f"{zh(loc.name)} {loc.phone}" for loc in places)
        return f"请咨询办理窗口（{pairs}）。"
    if phones:
        return "请咨询您就近的办理窗口（问我“在哪里办”可查看各办理点及电话）。"
    return "请咨询办理窗口。"


def material_head(m: Material | CombinedMaterial) -> str:
    """A material as a list shows it: name, form and copies in brackets, 【可容缺后补】."""
    details = [zh(m.form)] if m.form else []
    if m.copies:
        details.append(f"{m.copies}份")
    text = zh(m.name) + (f"（{'，'.join(details)}）" if details else "")
    if m.deferrable:
        text += "【可容缺后补】"
    return text


def _material_line(m: Material) -> str:
    text = material_head(m)
    if m.notes:
        text += f"：{zh(m.notes)}"
    return text


def _applies(m: Material, situations: dict[str, bool] | None) -> bool | None:
    """True/False when the applicant's situations decide it, None when still unknown."""
    if not m.situations:
        return True
    known = [situations[s] for s in m.situations if situations and s in situations]
    if any(known):
        return True
    if len(known) == len(m.situations):
        return False
    return None


def _grouped(materials: list[Material]) -> list[list[Material]]:
    """Materials in order, the members of a ``one_of`` group (任选其一) together, once."""
    groups: list[list[Material]] = []
    done: set[str] = set()
    for m in materials:
        if not m.one_of:
            groups.append([m])
        elif m.one_of not in done:
            done.add(m.one_of)
            groups.append([g for g in materials if g.one_of == m.one_of])
    return groups


def _numbered(materials: list[Material]) -> list[str]:
    """Numbered lines; members of a ``one_of`` group share one line (任选其一)."""
    lines = [
        "以下材料任选其一：\n" + "\n".join(f"   - {_material_line(g)}" for g in group)
        if len(group) > 1
        else _material_line(group[0])
        for group in _grouped(materials)
    ]
    return [f"{i}. {line}" for i, line in enumerate(lines, 1)]


def _situation_lines(materials: list[Material]) -> list[str]:
    """One situation's materials; a ``one_of`` group on one line, read as 任选其一."""
    return [
        "以下任选其一：" + "；".join(_material_line(g) for g in group)
        if len(group) > 1
        else _material_line(group[0])
        for group in _grouped(materials)
    ]


def _situation_label(guide: Guide, situation_id: str) -> str:
    situation = guide.situation(situation_id)
    return zh(situation.label) if situation else situation_id


def materials_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    if not guide.materials:
        return f"办理“{name}”不需要提交申请材料。"
    applicable = [m for m in guide.materials if _applies(m, situations) is True]
    unknown = [m for m in guide.materials if _applies(m, situations) is None]
    to_bring = [m for m in applicable if m.required and not m.shared]
    waived = [m for m in applicable if m.shared]
    optional = [m for m in applicable if not m.required and not m.shared]
    parts = []
    if to_bring:
        parts.append(f"办理“{name}”需要准备以下材料：\n" + "\n".join(_numbered(to_bring)))
    elif unknown:
        parts.append(f"办理“{name}”所需材料因办事情形而不同，请对照您的情形准备。")
    else:
        parts.append(f"办理“{name}”无需您另外携带必要材料。")
    deferrable = [zh(m.name) for m in to_bring if m.deferrable]
    if deferrable:
        parts.append(
            "其中 " + "、".join(deferrable) + " 可容缺受理：暂时缺少的可先办理，之后按约定补交。"
        )
    if unknown:
        by_situation: dict[str, list[Material]] = {}
        for m in unknown:
            label = "或".join(_situation_label(guide, s) for s in m.situations)
            by_situation.setdefault(label, []).append(m)
        lines = []
        for label, ms in by_situation.items():
            lines.append(f"· {label}：")
            lines += [f"   - {line}" for line in _situation_lines(ms)]
        lead = "如属以下情形，还需提供：" if to_bring else "各情形需要的材料："
        parts.append(lead + "\n" + "\n".join(lines))
    if waived:
        parts.append(
            "免提交（窗口通过电子证照或数据共享获取，无需携带）：\n"
            + "\n".join(f"· {_material_line(m)}" for m in waived)
        )
    if optional:
        parts.append(
            "非必要材料（有则提供）：\n" + "\n".join(f"· {_material_line(m)}" for m in optional)
        )
    return "\n".join(parts)


def _short_names(materials: list[Material]) -> list[str]:
    """Material names, a ``one_of`` group written once as "A或B（任选其一）"."""
    return [
        "或".join(zh(g.name) for g in group) + "（任选其一）"
        if len(group) > 1
        else zh(group[0].name)
        for group in _grouped(materials)
    ]


def conditions_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    if not guide.conditions:
        return f"“{name}”的办事指南未列出特别的受理条件，" + ask_window(guide)
    text = f"办理“{name}”的受理条件：\n{zh(guide.conditions.strip())}"
    if guide.situations:
        labels = "、".join(zh(s.label) for s in guide.situations)
        text += f"\n不同办事情形所需材料不同：{labels}。"
    return text


def time_limit_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    lines = []
    if guide.handling == "即办件":
        lines.append(f"“{name}”是即办件：材料齐全、符合要求的，当场办结。")
    limit = guide.time_limit
    if limit is not None:
        unit = limit.unit
        if limit.promised is not None:
            if limit.promised == 0:
                if guide.handling != "即办件":
                    lines.append("承诺办结时限：当场办结。")
            else:
                lines.append(f"承诺办结时限：{limit.promised}个{unit}。")
        if limit.statutory is not None:
            lines.append(f"法定办结时限：{limit.statutory}个{unit}。")
    if not lines:
        return f"“{name}”的办事指南未写明办理时限，" + ask_window(guide)
    if guide.handling == "承诺件" and not any("承诺" in line for line in lines):
        lines.insert(0, f"“{name}”是承诺件，需在受理后一定时限内办结。")
    return "\n".join(lines)


def fees_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    if not guide.fees:
        return f"“{name}”的办事指南未写明收费标准，" + ask_window(guide)
    return f"“{name}”的收费标准：{zh(guide.fees)}"


def location_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    if not guide.locations:
        text = f"“{name}”的办事指南未写明办理地点，" + ask_window(guide)
    else:
        brief = len(guide.locations) > BRIEF_AFTER
        lines = []
        for loc in guide.locations:
            line = f"· {zh(loc.name)}"
            if loc.address and not brief:
                line += f"（地址：{zh(loc.address)}）"
            if loc.phone:
                line += f" 电话：{loc.phone}"
            lines.append(line)
        if len(lines) == 1:
            text = f"“{name}”的办理地点：{lines[0].removeprefix('· ')}"
            if guide.locations[0].hours:
                text += f"\n办公时间：{zh(guide.locations[0].hours)}"
        else:
            text = f"“{name}”可以到以下地点办理：\n" + "\n".join(lines)
            if brief:
                text += "\n告诉我您在哪个区（县），我可以只告诉您那一处的地址和电话。"
    if guide.online_url:
        text += f"\n也可以网上办理：{guide.online_url}"
    return text


def hours_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    lines = [f"· {zh(loc.name)}：{zh(loc.hours)}" for loc in guide.locations if loc.hours]
    if not lines:
        return f"“{name}”的办事指南未写明办公时间，" + ask_window(guide)
    return f"“{name}”的办理时间：\n" + "\n".join(lines)


def phone_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    """Each place's phone, the item's own 咨询电话 and its 监督投诉电话, as the guide gives them."""
    name = zh(guide.name)
    lines = [f"· {zh(loc.name)}：{loc.phone}" for loc in guide.locations if loc.phone]
    if guide.phone and all(guide.phone != loc.phone for loc in guide.locations):
        lines.append(f"· 咨询电话：{guide.phone}")
    if guide.complaint_phone:
        lines.append(f"· 监督投诉电话：{guide.complaint_phone}")
    if not lines:
        return f"“{name}”的办事指南未写明咨询电话，请到办理窗口咨询。"
    heading = "咨询与投诉电话" if guide.complaint_phone else "咨询电话"
    return f"“{name}”的{heading}：\n" + "\n".join(lines)


def online_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    lines = []
    if guide.online_url:
        lines.append(f"“{name}”可以网上办理，网上办事地址：{guide.online_url}")
    else:
        lines.append(f"“{name}”的办事指南未提供网上办理地址，需要到窗口办理。")
    presence = presence_line(guide)
    if guide.visits == 0 and presence:
        # the guide contradicts itself; the line requiring a visit is what the window applies
        lines.append(f"但指南写明：“{presence}”，请按要求到现场办理。")
    elif guide.visits == 0:
        lines.append("全程网办，无需到现场。")
    elif guide.visits is not None:
        lines.append(f"需要到现场{guide.visits}次。")
    return "\n".join(lines)


def process_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    if not guide.process:
        return f"“{name}”的办事指南未列出办理流程，" + ask_window(guide)
    return f"“{name}”的办理流程：" + " → ".join(zh(step) for step in guide.process)


def results_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    name = zh(guide.name)
    if not guide.results:
        return f"“{name}”的办事指南未写明办理结果，" + ask_window(guide)
    return f"“{name}”办结后您将取得：" + "、".join(zh(r) for r in guide.results)


def basis_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    """The legal basis (设定依据), quoted as the guide lists it."""
    name = zh(guide.name)
    if not guide.basis:
        return f"“{name}”的办事指南未列出设定依据，" + ask_window(guide)
    return f"“{name}”的设定依据：\n" + "\n".join(f"· {zh(b)}" for b in guide.basis)


def general_answer(guide: Guide, situations: dict[str, bool] | None = None) -> str:
    """A short overview of the item; details come from follow-up questions."""
    name = zh(guide.name)
    lines = [f"您要办理的是“{name}”，由{zh(guide.department)}负责。"]
    if guide.conditions:
        first = zh(guide.conditions.strip()).splitlines()[0]
        lines.append(f"受理条件：{first}" + ("……" if "\n" in guide.conditions.strip() else ""))
    required = [m for m in guide.materials if m.required and not m.shared and not m.situations]
    if required:
        lines.append("主要材料：" + "、".join(_short_names(required)) + "。")
    elif not guide.materials:
        lines.append("不需要提交申请材料。")
    time_text = time_limit_answer(guide).splitlines()[0]
    if "未写明" not in time_text:
        lines.append("办理时限：" + time_text.split("：", 1)[-1].removeprefix(f"“{name}”是"))
    if guide.fees:
        lines.append(f"收费：{zh(guide.fees)}")
    if guide.process:
        lines.append("办理流程：" + " → ".join(zh(step) for step in guide.process))
    if len(guide.locations) == 1:
        lines.append(f"办理地点：{zh(guide.locations[0].name)}")
    elif guide.locations:
        lines.append(f"办理地点：共{len(guide.locations)}处，问我“在哪里办”可查看。")
    if guide.online_url:
        lines.append(f"网上办理：{guide.online_url}")
    lines.append(FOLLOW_UPS)
    return "\n".join(lines)


_TEMPLATES: dict[str, Callable[[Guide, dict[str, bool] | None], str]] = {
    "materials": materials_answer,
    "conditions": conditions_answer,
    "time_limit": time_limit_answer,
    "fees": fees_answer,
    "location": location_answer,
    "hours": hours_answer,
    "phone": phone_answer,
    "online": online_answer,
    "process": process_answer,
    "results": results_answer,
    "basis": basis_answer,
    "general": general_answer,
}


def compose_answer(
    guide: Guide, facet: str | None, situations: dict[str, bool] | None = None
) -> str:
    """The answer about ``facet`` of ``guide`` (None means general), with its source."""
    template = _TEMPLATES.get(facet or "general")
    if template is None:
        raise ValueError(f"unknown facet {facet!r}; expected one of {sorted(_TEMPLATES)}")
    return f"{template(guide, situations)}\n{source_line(guide)}"


def compose_sections(
    guide: Guide, facets: list[str], situations: dict[str, bool] | None = None
) -> str:
    """One answer covering several facets asked at once ("带什么，在哪办")."""
    bodies = [_TEMPLATES[f](guide, situations) for f in dict.fromkeys(facets)]
    # A second facet the guide says nothing about is noise ("……要多久" answered with
    # "未写明办理结果"); the first is always answered, silent or not.
    bodies = bodies[:1] + [b for b in bodies[1:] if not _silent(b)]
    return "\n\n".join(bodies) + f"\n{source_line(guide)}"


def _silent(body: str) -> bool:
    return "办事指南未" in body.splitlines()[0]
