"""The 一件事 bundle model: a bundle, its entries and its situations (``docs/bundles.md``).

Strict like ``knowledge.schema``: an unknown field is an error naming the field.
``expand`` inlines nested bundles for the composition and the lint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from knowledge.schema import LocalSlug, Location, Slug, Text, TimeLimit

BUNDLE_KIND = "bundle"  # the value of ``kind`` that marks a bundle file
# "item:material" and "item:situation": a thing inside one item of the bundle.
ITEM_REF = r"^[a-z0-9][a-z0-9-]*:[a-z0-9][a-z0-9_-]*$"
ItemRef = Annotated[str, Field(pattern=ITEM_REF, max_length=170)]


class BundleError(ValueError):
    """A bundle that cannot be composed (unknown situation, circular nesting)."""


def _as_list(value: object) -> object:
    """``situation: rent`` and ``situation: [rent, own]`` mean the same."""
    return [value] if isinstance(value, str) else value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class BundleSituation(_Strict):
    """A situation asked once for the whole bundle (非婚生育, 租用场所, 委托代办).

    ``covers`` names the situations of items (``item:situation``) this one stands
    for: answered once here, it applies to each of them.
    """

    id: LocalSlug
    label: Text = Field(min_length=1)
    question: Text = Field(min_length=1)
    one_of: LocalSlug | None = None  # alternatives: exactly one of the group applies
    covers: list[ItemRef] = Field(default_factory=list)


class BundleEntry(_Strict):
    """One line of a bundle's ``items``: an item, or a bundle nested in this one."""

    item: Slug | None = None
    bundle: Slug | None = None
    situation: Annotated[list[LocalSlug] | None, BeforeValidator(_as_list)] = None
    # Situations of the item settled by the event itself: a newborn's 社保卡 is always
    # applied for by a guardian (minor: true), never a replacement (huanling: false).
    fixed: dict[LocalSlug, bool] = Field(default_factory=dict)
    notes: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _bare_id(cls, data: object) -> object:
        """``- gongan-hukou-chusheng`` is short for ``- item: gongan-hukou-chusheng``."""
        return {"item": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _item_or_bundle(self) -> BundleEntry:
        if (self.item is None) == (self.bundle is None):
            raise ValueError("每一项须写 item（事项编号）或 bundle（一件事编号）之一")
        if self.bundle and self.fixed:
            raise ValueError("fixed 只能用于事项，不能用于嵌套的一件事")
        return self

    @property
    def situations(self) -> list[str]:
        return list(self.situation or [])


class Bundle(_Strict):
    """A 一件事: several items of one event, received at one window, asked once."""

    kind: Literal["bundle"] = BUNDLE_KIND
    id: Slug
    name: Text = Field(min_length=1)
    aliases: list[Text] = Field(default_factory=list)
    department: Text = Field(min_length=1)  # 牵头部门
    window: Location  # 综合窗口: where everything is handed in at once
    description: Text | None = None  # who the event is for, what it covers
    situations: list[BundleSituation] = Field(default_factory=list)
    items: list[BundleEntry]
    same_document: list[list[ItemRef]] = Field(default_factory=list)
    time_limit: TimeLimit | None = None  # a published 一件事 promise; computed when absent
    visits: int | None = Field(default=None, ge=0)  # a published figure; computed when absent
    updated: dt.date | None = None

    def to_data(self) -> dict:
        """The canonical JSON-able form kept in the database.

        It is itself a bundle file's mapping: ``kind`` is kept, other defaults left out.
        """
        return {"kind": BUNDLE_KIND, **self.model_dump(mode="json", exclude_defaults=True)}


@dataclass(frozen=True)
class Step:
    """An item entry of the expanded bundle with every condition on the way to it."""

    entry: BundleEntry
    clauses: tuple[tuple[str, ...], ...]  # each clause: any of these situations
    via: tuple[str, ...]  # the bundles passed through, outermost first


@dataclass(frozen=True)
class Expanded:
    steps: tuple[Step, ...]
    situations: tuple[BundleSituation, ...]
    same_document: tuple[tuple[str, ...], ...]


def expand(bundle: Bundle, bundles: Mapping[str, Bundle], via: tuple[str, ...] = ()) -> Expanded:
    """Inline nested bundles, their situations and same_document groups, in order.

    A situation id used by an outer and a nested bundle is one situation (the outer's
    wording is kept, the ``covers`` are joined), so 委托代办 is still asked once.
    """
    via = (*via, bundle.id)
    steps: list[Step] = []
    situations: dict[str, BundleSituation] = {s.id: s for s in bundle.situations}
    groups = [tuple(g) for g in bundle.same_document]
    for entry in bundle.items:
        clause = (tuple(entry.situations),) if entry.situations else ()
        if entry.item:
            steps.append(Step(entry, clause, via))
            continue
        if entry.bundle in via:
            raise BundleError(f"一件事循环嵌套: {' → '.join((*via, entry.bundle))}")
        if entry.bundle not in bundles:
            raise BundleError(f"一件事 {bundle.id} 嵌套的一件事 {entry.bundle} 不存在")
        inner = expand(bundles[entry.bundle], bundles, via)
        steps.extend(Step(s.entry, clause + s.clauses, s.via) for s in inner.steps)
        for situation in inner.situations:
            if situation.id in situations:
                mine = situations[situation.id]
                covers = list(dict.fromkeys([*mine.covers, *situation.covers]))
                situations[situation.id] = mine.model_copy(update={"covers": covers})
            else:
                situations[situation.id] = situation
        groups.extend(inner.same_document)
    return Expanded(tuple(steps), tuple(situations.values()), tuple(groups))
