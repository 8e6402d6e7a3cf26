"""The synonym and common-typo table (``knowledge/data/synonyms.yaml``), kept as data.

Two kinds of entries: ``replace`` rewrites a spelling everywhere (typos, variant
names: 户口本 → 户口簿), ``expand`` / ``groups`` only add official terms to a
question at search time (上户口 → 出生登记), so guide text is never altered by
a guess. Every key and value is itself normalised when the table loads, so the
file may be written in Traditional or full-width characters.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from retrieval.charforms import normalize_form


class SynonymTableError(ValueError):
    """The table file is malformed; the message names the file and the entry."""


def _alternation(keys: list[str]) -> re.Pattern[str] | None:
    """One regex that matches the longest key at each position."""
    if not keys:
        return None
    ordered = sorted(set(keys), key=lambda k: (-len(k), k))
    return re.compile("|".join(re.escape(k) for k in ordered))


@dataclass(frozen=True)
class Synonyms:
    """A loaded table; :attr:`digest` changes whenever its content does."""

    replace: dict[str, str] = field(default_factory=dict)
    expand: dict[str, tuple[str, ...]] = field(default_factory=dict)
    digest: str = ""

    def __post_init__(self) -> None:
        # A value is also a key mapping to itself, so "基本养老金" is never rewritten
        # by the shorter key "养老金" → "基本养老金" (which keeps apply() idempotent).
        protected = dict(self.replace)
        for value in self.replace.values():
            protected.setdefault(value, value)
        object.__setattr__(self, "_protected", protected)
        object.__setattr__(self, "_replace_re", _alternation(list(protected)))
        object.__setattr__(self, "_expand_re", _alternation(list(self.expand)))

    def apply(self, text: str) -> str:
        """Rewrite every ``replace`` key in ``text`` (already character-normalised)."""
        pattern: re.Pattern[str] | None = self._replace_re  # type: ignore[attr-defined]
        if pattern is None:
            return text
        table: dict[str, str] = self._protected  # type: ignore[attr-defined]
        return pattern.sub(lambda m: table[m.group(0)], text)

    def expansions(self, text: str) -> list[str]:
        """Terms to add for the ``expand`` keys found in ``text``, not already in it."""
        pattern: re.Pattern[str] | None = self._expand_re  # type: ignore[attr-defined]
        if pattern is None:
            return []
        out: list[str] = []
        for match in pattern.finditer(text):
            for term in self.expand[match.group(0)]:
                if term not in text and term not in out:
                    out.append(term)
        return out

    @classmethod
    def from_data(cls, data: dict | None, source: str = "synonyms.yaml") -> Synonyms:
        data = data or {}
        unknown = set(data) - {"replace", "expand", "groups"}
        if unknown:
            raise SynonymTableError(
                f"{source}: 未知的栏目 {sorted(unknown)}（可用 replace/expand/groups）"
            )
        replace: dict[str, str] = {}
        for key, value in (data.get("replace") or {}).items():
            if not isinstance(value, str) or not str(key).strip() or not value.strip():
                raise SynonymTableError(f"{source}: replace.{key}: 应为“写法: 标准写法”")
            replace[normalize_form(str(key))] = normalize_form(value)
        replace = {k: _resolve(v, replace) for k, v in replace.items() if k != _resolve(v, replace)}
        table = cls(replace=replace)

        def norm(term: object) -> str:
            return table.apply(normalize_form(str(term)))

        expand: dict[str, list[str]] = {}
        for key, values in (data.get("expand") or {}).items():
            if not isinstance(values, list) or not values:
                raise SynonymTableError(f"{source}: expand.{key}: 应为规范说法的列表")
            expand.setdefault(norm(key), []).extend(norm(v) for v in values)
        for i, group in enumerate(data.get("groups") or []):
            if not isinstance(group, list) or len(group) < 2:
                raise SynonymTableError(f"{source}: groups[{i}]: 应为至少两个说法的列表")
            terms = [norm(t) for t in group]
            for term in terms:
                expand.setdefault(term, []).extend(t for t in terms if t != term)
        frozen = {
            k: tuple(dict.fromkeys(v for v in vs if v and v != k)) for k, vs in expand.items() if k
        }
        raw = yaml.safe_dump(data, allow_unicode=True, sort_keys=True)
        digest = hashlib.sha256(raw.encode()).hexdigest()[:16]
        return cls(replace=replace, expand={k: v for k, v in frozen.items() if v}, digest=digest)

    @classmethod
    def load(cls, path: str | Path) -> Synonyms:
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise SynonymTableError(f"{path}: YAML 格式错误：{exc}") from exc
        return cls.from_data(data, str(path))


def _resolve(value: str, replace: dict[str, str]) -> str:
    """Follow chains (出生证 → 出生证明 → 出生医学证明) to the final spelling."""
    seen = {value}
    while value in replace and replace[value] not in seen:
        value = replace[value]
        seen.add(value)
    return value


def default_synonyms_path() -> Path:
    return Path(str(resources.files("knowledge") / "data" / "synonyms.yaml"))


@cache
def default_synonyms() -> Synonyms:
    """The bundled table, read once on first use (not on import)."""
    return Synonyms.load(default_synonyms_path())
