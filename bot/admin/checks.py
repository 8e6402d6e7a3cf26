"""Checking a guide staff submitted, and finding each problem's place in the form.

A guide from the form is checked exactly as an imported file is: the schema
(:func:`knowledge.parse_guide`), then the quality rules (:func:`knowledge.lint_guide`).
Errors block saving; warnings are shown and do not.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.links import guide_link_problems
from knowledge import Guide, Problem, Store, lint_guide, parse_guide

FORM = "表单"


@dataclass(frozen=True)
class Problems:
    """Problems of one guide, looked up by the field path the form shows them beside."""

    items: tuple[Problem, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity != "error"]

    def at(self, path: str) -> list[Problem]:
        """Problems of ``path`` and of anything inside it (``aliases`` → ``aliases[3]``)."""
        return [
            p for p in self.items if p.field == path or p.field.startswith((path + ".", path + "["))
        ]

    def exactly(self, path: str) -> list[Problem]:
        return [p for p in self.items if p.field == path]


def check_guide(
    data: dict, store: Store, creating: bool, allow_http: bool = False
) -> tuple[Guide | None, Problems]:
    """The guide if its data is valid for the schema, and all its problems.

    When ``creating``, an id already in use is an error (editing keeps the id); a link
    citizens could not safely follow (``bot.links``) is an error too.
    """
    guide, problems = parse_guide(data, FORM)
    if guide is not None:
        problems = problems + lint_guide(guide, FORM)
        problems += guide_link_problems([(FORM, guide)], allow_http)
        if creating and (taken := store.get(guide.id)) is not None:
            problems.append(Problem(FORM, "id", f"编号 {guide.id} 已被事项“{taken.name}”使用"))
    return guide, Problems(tuple(problems))


def lint_summary(guide: Guide) -> Problems:
    return Problems(tuple(lint_guide(guide, guide.id)))
