"""Which of a 一件事 bundle's situation questions the chat still has to ask before its pre-review.

A bundle asks each situation once for all its items (``knowledge.bundles``), but
not every question matters for every applicant: once 以个体工商户经营 is answered
yes, 以公司形式经营 (the same ``one_of`` group) is no, and the questions only the
company's items ask are moot. So after every answer the questions left are worked
out again from the bundle, never from a list written for one bundle.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.dialog.intents import fold
from knowledge import Guide, Store
from knowledge.bundles import Bundle, BundleError, SituationQuestion, compose
from prereview import bundle_sources


@dataclass(frozen=True)
class BundleParts:
    """A bundle with the guides and nested bundles it names, looked up once per turn."""

    bundle: Bundle
    guides: dict[str, Guide]
    bundles: dict[str, Bundle]

    def questions(self) -> list[SituationQuestion]:
        """Every question of the bundle, in the order the bundle asks them."""
        return list(compose(self.bundle, self.guides, bundles=self.bundles).questions)


def bundle_parts(store: Store, bundle_id: str | None) -> BundleParts | None:
    """The bundle ``bundle_id`` and its parts from the knowledge base; None when it is gone."""
    bundle = store.get_bundle(bundle_id) if bundle_id else None
    if bundle is None:
        return None
    guides, bundles = bundle_sources(bundle, store.get, store.get_bundle)
    return BundleParts(bundle, guides, bundles)


def settled(parts: BundleParts, known: dict[str, bool]) -> dict[str, bool]:
    """``known`` plus what the answers decide: a yes in a ``one_of`` group is a no for the
    rest, and a situation whose label extends a declined one (非婚生育 → 非婚生育且随父落户)
    cannot apply either, as the dialog rules for one item's situations."""
    questions = parts.questions()
    decided = dict(known)
    for question in questions:
        answer = known.get(question.key)
        for other in questions:
            if other.key == question.key:
                continue
            same_group = question.one_of is not None and other.one_of == question.one_of
            extends = fold(question.label) in fold(other.label)
            if (answer and same_group) or (answer is False and extends):
                decided.setdefault(other.key, False)
    return decided


def open_questions(parts: BundleParts, known: dict[str, bool]) -> list[SituationQuestion]:
    """The questions still to ask: unanswered, and about an item that may still apply.

    An item is out when it does not apply even if every question it depends on that is
    still open were answered yes (an item's conditions only ever ask for a yes); a
    question that only such items ask changes nothing.
    """
    decided = settled(parts, known)
    yes = [k for k, on in decided.items() if on]
    try:
        composition = compose(parts.bundle, parts.guides, yes, bundles=parts.bundles)
    except BundleError:  # answers from an older version of the bundle: ask everything again
        return parts.questions()
    out = {
        item.id
        for item in composition.items
        if item.applies is False and not _may_apply(parts, item.id, item.situations, decided)
    }
    return [
        q
        for q in parts.questions()
        if q.key not in decided and not (q.items and set(q.items) <= out)
    ]


def _may_apply(parts: BundleParts, item: str, keys: tuple[str, ...], decided: dict) -> bool:
    """Whether ``item`` applies when its open questions are all answered yes.

    Two open answers of one ``one_of`` group cannot both be yes: the item may then still
    apply, as far as this can tell, and its questions stay.
    """
    hopeful = [k for k, on in decided.items() if on] + [k for k in keys if k not in decided]
    try:
        composition = compose(parts.bundle, parts.guides, hopeful, bundles=parts.bundles)
    except BundleError:
        return True
    return any(i.id == item and i.applies is not False for i in composition.items)
