"""Pure composition of a bundle: items that apply, materials once, questions once, totals.

Given a bundle, the guides and the situations that apply, these functions return
what a reply or a pre-review needs; nothing here reads files or the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from knowledge._bundle_model import Bundle, BundleError, Step, expand
from knowledge.schema import Guide, Material


@dataclass(frozen=True)
class BundleItem:
    """An item of the bundle, in order, and whether it applies to this applicant."""

    guide: Guide
    applies: bool | None  # None: depends on a situation not yet answered
    situations: tuple[str, ...]  # the bundle situations it depends on (any of each clause)
    notes: str | None = None

    @property
    def id(self) -> str:
        return self.guide.id

    @property
    def name(self) -> str:
        return self.guide.name


@dataclass(frozen=True)
class MaterialUse:
    """One material of one item, served by a document of the combined list."""

    item: str
    item_name: str
    material: Material
    applies: bool | None
    situations: tuple[str, ...]  # situation keys it depends on; empty means always


@dataclass(frozen=True)
class CombinedMaterial:
    """One document to hand in once, naming every item it serves.

    Flags are combined the way a window clerk would: required if any item requires
    it; 容缺 (deferrable) only if every item requiring it allows handing it in later;
    免提交 (shared) only if every item obtains it itself; the original is shown once
    at the 综合窗口 and copied there for each department, so ``copies`` is the most
    any one item asks, not the sum.
    """

    name: str
    uses: tuple[MaterialUse, ...]

    @property
    def items(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u.item for u in self.uses))

    @property
    def applies(self) -> bool | None:
        states = {u.applies for u in self.uses}
        return True if True in states else (None if None in states else False)

    @property
    def required(self) -> bool:
        return any(u.material.required for u in self.uses)

    @property
    def deferrable(self) -> bool:
        needed = [u.material for u in self.uses if u.material.required]
        return bool(needed) and all(m.deferrable for m in needed)

    @property
    def shared(self) -> bool:
        return all(u.material.shared for u in self.uses)

    @property
    def form(self) -> str | None:
        forms = {u.material.form for u in self.uses if u.material.form}
        if len(forms) <= 1:
            return next(iter(forms), None)
        original = forms & {"原件", "原件及复印件"}
        copy = forms & {"复印件", "原件及复印件"}
        if original and copy:
            return "原件及复印件"
        return "原件" if original else "复印件"

    @property
    def copies(self) -> int | None:
        counts = [u.material.copies for u in self.uses if u.material.copies is not None]
        return max(counts, default=None)

    @property
    def one_of(self) -> tuple[str, ...]:
        """The ``item:group`` choices it is one alternative of (身份证 or 户口簿).

        Empty when some item needs this very document, not one of a choice.
        """
        if any(not u.material.one_of for u in self.uses):
            return ()
        return tuple(dict.fromkeys(f"{u.item}:{u.material.one_of}" for u in self.uses))

    @property
    def situations(self) -> tuple[str, ...]:
        """The situations that call for it; empty when some item always needs it."""
        if any(not u.situations for u in self.uses):
            return ()
        return tuple(dict.fromkeys(s for u in self.uses for s in u.situations))


@dataclass(frozen=True)
class SituationQuestion:
    """A question asked once: a bundle situation, or an item's own (``item:situation``)."""

    key: str
    label: str
    question: str
    items: tuple[str, ...]  # the items whose list it changes
    one_of: str | None = None


@dataclass(frozen=True)
class TotalTime:
    """The time to tell an applicant for the whole bundle.

    ``days`` is the bundle's published promise when it has one; otherwise the sum of
    the items' promised limits (法定 when no promise is written). A promised limit
    is an upper bound and items often wait on one another (社保卡 needs the 户口
    registered first), which the bundle does not record; the sum is the only figure
    the centre can stand behind. ``longest``, the slowest single item, is the lower
    bound when the departments work in parallel after 首接受理. With mixed units the
    total is in 工作日 and a 自然日 counts as one: never shorter than the truth.
    """

    days: int | None
    unit: str
    longest: int | None
    published: bool = False
    unknown: tuple[str, ...] = ()  # items with no time limit, left out of the sum


@dataclass(frozen=True)
class VisitCount:
    """On-site visits (到现场次数) for the whole bundle.

    With 首接受理 at one 综合窗口 every item is handed in on the same trip and the
    results come back together, so the bundle needs as many trips as its most
    demanding item — the maximum, not the sum. An item that says nothing about its
    visits is listed in ``unknown`` rather than guessed.
    """

    visits: int | None
    published: bool = False
    unknown: tuple[str, ...] = ()


@dataclass(frozen=True)
class Composition:
    """Everything a reply or a pre-review needs about one bundle for one applicant."""

    bundle: Bundle
    items: tuple[BundleItem, ...]
    materials: tuple[CombinedMaterial, ...]
    questions: tuple[SituationQuestion, ...]
    time: TotalTime
    visits: VisitCount
    missing: tuple[str, ...] = ()  # items the bundle names that the knowledge base lacks

    def label(self, key: str) -> str:
        """The words for a situation key, for "（非婚生育时需要）"."""
        return next((q.label for q in self.questions if q.key == key), key)

    def own_situations(self, material: CombinedMaterial) -> tuple[str, ...]:
        """The situations a material needs beyond its items' own (empty: whenever they apply).

        An item done only 以公司形式经营 already says so in the item list; repeating that
        condition on each of its materials would bury the few that really depend on one.
        """
        of_item = {item.id: set(item.situations) for item in self.items}
        own = [tuple(s for s in u.situations if s not in of_item[u.item]) for u in material.uses]
        if any(not keys for keys in own):
            return ()
        return tuple(dict.fromkeys(s for keys in own for s in keys))


def _merged(groups: Iterable[Iterable[str]]) -> list[tuple[str, ...]]:
    """Groups sharing a material are one document.

    An outer bundle's 身份证 group and the one of a bundle nested in it name the same card.
    """
    merged: list[list[str]] = []
    for group in groups:
        overlapping = [m for m in merged if set(m) & set(group)]
        joined = list(dict.fromkeys([*(r for m in overlapping for r in m), *group]))
        merged = [m for m in merged if m not in overlapping] + [joined]
    return [tuple(m) for m in merged]


class _Plan:
    """The expanded bundle with its situations resolved: built once per composition."""

    def __init__(
        self,
        bundle: Bundle,
        guides: Mapping[str, Guide],
        situations: Iterable[str] | None,
        bundles: Mapping[str, Bundle] | None,
    ) -> None:
        expanded = expand(bundle, bundles or {})
        self.bundle = bundle
        self.situations = {s.id: s for s in expanded.situations}
        self.cover = {ref: s.id for s in expanded.situations for ref in s.covers}
        self.groups = _merged(expanded.same_document)
        self.guides = guides
        self.steps: list[Step] = []
        self.missing: list[str] = []
        seen: set[str] = set()
        for step in expanded.steps:
            item = step.entry.item
            if item in seen:
                continue  # lint reports it; the first mention keeps its place
            seen.add(item)
            if item in guides:
                self.steps.append(step)
            else:
                self.missing.append(item)
        self.on = None if situations is None else self._resolve(situations)

    def _resolve(self, answers: Iterable[str]) -> set[str]:
        answers = list(answers)
        known = set(self.situations)
        for step in self.steps:
            known.update(
                f"{step.entry.item}:{s.id}" for s in self.guides[step.entry.item].situations
            )
        unknown = [a for a in answers if a not in known]
        if unknown:
            choices = "、".join(sorted(known)) or "（无）"
            raise BundleError(f"未知的办事情形: {'、'.join(unknown)}；可选: {choices}")
        on = {self.cover.get(a, a) for a in answers}
        groups: dict[str, list[str]] = {}
        for sid in sorted(on & set(self.situations)):
            if self.situations[sid].one_of:
                groups.setdefault(self.situations[sid].one_of, []).append(sid)
        for chosen in groups.values():
            if len(chosen) > 1:
                raise BundleError(f"办事情形 {'、'.join(chosen)} 只能选其一")
        return on

    def key(self, item: str, situation: str) -> str:
        """An item's situation as the applicant is asked it: the bundle's when covered."""
        ref = f"{item}:{situation}"
        return self.cover.get(ref, ref)

    def state(self, clauses: Iterable[tuple[str, ...]]) -> bool | None:
        clauses = list(clauses)
        if not clauses:
            return True
        if self.on is None:
            return None
        return all(any(s in self.on for s in clause) for clause in clauses)

    def item_situations(self, step: Step) -> dict[str, bool]:
        """The item's own situations that are settled: fixed by the event, or answered.

        ``fixed`` settles a situation without asking; otherwise, once answers are given,
        it applies when its bundle situation (``covers``) or its ``item:situation`` key
        was answered, and not otherwise; before any answer it stays open (left out).
        """
        guide = self.guides[step.entry.item]
        settled: dict[str, bool] = {}
        for situation in guide.situations:
            if situation.id in step.entry.fixed:
                settled[situation.id] = step.entry.fixed[situation.id]
            elif self.on is not None:
                settled[situation.id] = self.key(guide.id, situation.id) in self.on
        return settled

    def material_clause(self, step: Step, material: Material) -> tuple[str, ...] | None:
        """The situations a material needs (any of them); None when it never applies."""
        if not material.situations:
            return ()
        fixed = step.entry.fixed
        if any(fixed.get(s) for s in material.situations):
            return ()
        open_ = [s for s in material.situations if s not in fixed]
        if not open_:
            return None
        return tuple(self.key(step.entry.item, s) for s in open_)


def _applicable(plan: _Plan) -> list[tuple[Step, BundleItem]]:
    found = []
    for step in plan.steps:
        guide = plan.guides[step.entry.item]
        keys = tuple(dict.fromkeys(s for clause in step.clauses for s in clause))
        item = BundleItem(guide, plan.state(step.clauses), keys, step.entry.notes)
        found.append((step, item))
    return found


def _combined(plan: _Plan) -> list[CombinedMaterial]:
    document = {ref: i for i, group in enumerate(plan.groups) for ref in group}
    uses: dict[object, list[MaterialUse]] = {}
    for step, item in _applicable(plan):
        if item.applies is False:
            continue
        for material in item.guide.materials:
            clause = plan.material_clause(step, material)
            if clause is None:
                continue
            clauses = (*step.clauses, clause) if clause else step.clauses
            state = plan.state(clauses)
            if state is False:
                continue
            keys = tuple(dict.fromkeys(s for c in clauses for s in c))
            use = MaterialUse(item.id, item.name, material, state, keys)
            ref = f"{item.id}:{material.id}"
            uses.setdefault(("document", document[ref]) if ref in document else ref, []).append(use)
    return [CombinedMaterial(found[0].material.name, tuple(found)) for found in uses.values()]


def _questions(plan: _Plan) -> list[SituationQuestion]:
    affected: dict[str, list[str]] = {}
    own: dict[str, SituationQuestion] = {}
    for step, item in _applicable(plan):
        for key in (s for clause in step.clauses for s in clause):
            affected.setdefault(key, []).append(item.id)
        if item.applies is False:
            continue
        for situation in item.guide.situations:
            if situation.id in step.entry.fixed:
                continue
            key = plan.key(item.id, situation.id)
            affected.setdefault(key, []).append(item.id)
            if key not in plan.situations:
                question = situation.question or f"是否{situation.label}？"
                own[key] = SituationQuestion(key, situation.label, question, ())
    questions = [
        SituationQuestion(s.id, s.label, s.question, (), s.one_of)
        for s in plan.situations.values()
        if s.id in affected
    ]
    questions.extend(own.values())
    return [
        SituationQuestion(
            q.key, q.label, q.question, tuple(dict.fromkeys(affected[q.key])), q.one_of
        )
        for q in questions
    ]


def _item_days(guide: Guide) -> int | None:
    limit = guide.time_limit
    if limit and limit.promised is not None:
        return limit.promised
    if limit and limit.statutory is not None:
        return limit.statutory
    return 0 if guide.handling == "即办件" else None


def _time(plan: _Plan) -> TotalTime:
    published = plan.bundle.time_limit
    if published and (published.promised is not None or published.statutory is not None):
        days = published.promised if published.promised is not None else published.statutory
        return TotalTime(days, published.unit, None, published=True)
    guides = [item.guide for _, item in _applicable(plan) if item.applies is not False]
    known = [(g, d) for g in guides if (d := _item_days(g)) is not None]
    units = {g.time_limit.unit for g, d in known if d and g.time_limit}  # 0 days has no unit
    unit = units.pop() if len(units) == 1 else "工作日"
    days = [d for _, d in known]
    unknown = tuple(g.id for g in guides if _item_days(g) is None)
    return TotalTime(sum(days) if days else None, unit, max(days, default=None), unknown=unknown)


def _visits(plan: _Plan) -> VisitCount:
    if plan.bundle.visits is not None:
        return VisitCount(plan.bundle.visits, published=True)
    guides = [item.guide for _, item in _applicable(plan) if item.applies is not False]
    counts = [g.visits for g in guides if g.visits is not None]
    unknown = tuple(g.id for g in guides if g.visits is None)
    return VisitCount(max(counts, default=None), unknown=unknown)


def applicable_items(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    situations: Iterable[str] | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
) -> list[BundleItem]:
    """The bundle's items in order, each saying whether it applies.

    ``situations`` are the keys that apply (bundle situation ids, or ``item:situation``
    for an item's own); every other situation does not. ``None`` means nothing is
    answered yet: an item that depends on a situation is then ``applies=None``.
    """
    return [item for _, item in _applicable(_Plan(bundle, guides, situations, bundles))]


def combined_materials(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    situations: Iterable[str] | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
) -> list[CombinedMaterial]:
    """The materials of every item that applies, each document once, in bundle order.

    Materials named in one ``same_document`` group become one entry listing each item
    it serves; with ``situations=None`` conditional materials are kept, marked by the
    situations that call for them.
    """
    return _combined(_Plan(bundle, guides, situations, bundles))


def situation_questions(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    situations: Iterable[str] | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
) -> list[SituationQuestion]:
    """Each question once: the bundle's situations, then items' own that none covers."""
    return _questions(_Plan(bundle, guides, situations, bundles))


def total_time(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    situations: Iterable[str] | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
) -> TotalTime:
    """The bundle's time: its published promise, else the sum of its items' (``TotalTime``)."""
    return _time(_Plan(bundle, guides, situations, bundles))


def total_visits(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    situations: Iterable[str] | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
) -> VisitCount:
    """The bundle's visits: its published figure, else the most any item needs."""
    return _visits(_Plan(bundle, guides, situations, bundles))


def item_situations(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    situations: Iterable[str] | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
) -> dict[str, dict[str, bool]]:
    """Item id → its own situations as a single-item review takes them (settled ones only).

    A bundle is reviewed item by item with the single-item rules, which ask about
    each item's own situations; this says which of them the bundle's answers (and the
    ``fixed`` of the event, nested bundles included) have settled. The first mention
    of an item named twice wins, as in ``compose``.
    """
    plan = _Plan(bundle, guides, situations, bundles)
    return {step.entry.item: plan.item_situations(step) for step in plan.steps}


def compose(
    bundle: Bundle,
    guides: Mapping[str, Guide],
    situations: Iterable[str] | None = None,
    *,
    bundles: Mapping[str, Bundle] | None = None,
) -> Composition:
    """All of the above at once, for a reply or a pre-review of the bundle.

    Raises ``BundleError`` for an unknown situation or a circular or unknown nested
    bundle; items missing from ``guides`` are left out and listed in ``missing``.
    """
    plan = _Plan(bundle, guides, situations, bundles)
    return Composition(
        bundle=bundle,
        items=tuple(item for _, item in _applicable(plan)),
        materials=tuple(_combined(plan)),
        questions=tuple(_questions(plan)),
        time=_time(plan),
        visits=_visits(plan),
        missing=tuple(plan.missing),
    )
