"""The heading-synonym table and word lists of ``knowledge/data/convert_headings.yaml``.

Kept as data so that a centre can add its own wording (a new heading, a column name,
a flag word) without touching code; this module only loads and matches it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
import zhconv

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "convert_headings.yaml"
_SPACE = re.compile(r"\s+")
_LABEL_END = re.compile(r"^\s*[:：]\s*")


def plain(text: str) -> str:
    """Simplified, half-width, single-spaced: the form every comparison is made in."""
    text = unicodedata.normalize("NFKC", text)
    return _SPACE.sub(" ", zhconv.convert(text, "zh-cn")).strip()


def squeeze(text: str) -> str:
    """``plain`` without any spaces, so that "地 址" matches "地址"."""
    return _SPACE.sub("", plain(text))


@dataclass(frozen=True)
class Vocabulary:
    elements: dict[str, str]  # squeezed synonym → element
    suffixes: list[tuple[str, str]]  # (squeezed suffix, element), longest first
    columns: dict[str, str]  # squeezed column name → material column
    numbering: tuple[re.Pattern[str], ...]
    title_suffixes: tuple[str, ...]
    flags: dict[str, tuple[str, ...]]
    form_words: tuple[str, ...]
    material_verbs: tuple[str, ...]
    document_endings: tuple[str, ...]
    catch_all: tuple[re.Pattern[str], ...]
    situation_cues: tuple[re.Pattern[str], ...]
    embedded_label: re.Pattern[str]  # a second known label inside a value, before a colon

    def element(self, label: str) -> str | None:
        """The element a label names exactly (``办理时限`` → ``limit``), or None."""
        return self.elements.get(squeeze(strip_numbering(self, label)).rstrip(":："))

    def suffix_element(self, line: str, first: bool = False) -> str | None:
        """A short heading line that ends with a known heading (``结婚登记的程序``).

        Not on an item's first line unless numbered: "……办理流程" there is the title.
        """
        if first and numbering_of(self, line) is None:
            return None
        text = squeeze(strip_numbering(self, line)).rstrip(":：")
        if len(text) > 16 or re.search(r"[，。；,;]", text):
            return None
        return next((el for suffix, el in self.suffixes if text.endswith(suffix)), None)

    def compound_element(self, line: str) -> str | None:
        """ "办理时限及费用": a short heading joining known headings names the first of them."""
        text = squeeze(strip_numbering(self, line)).rstrip(":：")
        parts = [p for p in re.split(r"[及和与、]", text) if p]
        if len(text) > 16 or len(parts) < 2 or re.search(r"[，。；,;:：]", text):
            return None
        if all(self.elements.get(p) for p in parts):
            return self.elements[parts[0]]
        return None

    def column(self, label: str) -> str | None:
        return self.columns.get(squeeze(label))

    def labelled(self, text: str) -> tuple[str, str, str] | None:
        """``"法定时限:20个工作日"`` → (element, label, value); None when no known label starts it."""
        body = strip_numbering(self, text)
        for length in range(min(len(body), 20), 0, -1):
            head = body[:length]
            element = self.elements.get(squeeze(head))
            if element is None:
                continue
            rest = body[length:]
            match = _LABEL_END.match(rest)
            if match:
                return element, head.strip(), rest[match.end() :].strip()
            if not rest.strip():
                return element, head.strip(), ""
        return None

    def pairs(self, text: str) -> list[tuple[str, str, str]]:
        """Every ``label: value`` on one line: "法定时限:20个工作日,承诺时限:3个工作日" gives two."""
        first = self.labelled(text)
        if first is None:
            return []
        element, label, value = first
        match = self.embedded_label.search(value)
        if match is None:
            return [first]
        head = value[: match.start()].rstrip(" ,，;；")
        return [(element, label, head), *self.pairs(value[match.start() :].lstrip(" ,，;；"))]

    def is_document(self, text: str) -> bool:
        """Whether a phrase ends like the name of a document (证, 表, 书, 证明 …)."""
        text = text.strip().rstrip("。；;，,")
        text = re.sub(r"[(（][^()（）]*[)）]$", "", text)
        text = text.rstrip("》").strip()
        return len(text) >= 2 and text.endswith(self.document_endings)


def strip_numbering(vocabulary: Vocabulary, text: str) -> str:
    """Remove one leading numbering (一、 (一) 1. 1) ① …) from a line."""
    for pattern in vocabulary.numbering:
        match = pattern.match(text)
        if match:
            return text[match.end() :].strip()
    return text.strip()


def numbering_of(vocabulary: Vocabulary, text: str) -> str | None:
    """The numbering a line starts with, or None."""
    for pattern in vocabulary.numbering:
        match = pattern.match(text)
        if match:
            return match.group(0).strip()
    return None


def _words(values: list[str]) -> tuple[str, ...]:
    return tuple(plain(v) for v in values)


@cache
def load_vocabulary(path: Path = DATA_FILE) -> Vocabulary:
    """Read the table once per process; it is small and does not change while running."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    named = [data["elements"], data["platform_fields"]]
    elements = {squeeze(s): el for table in named for el, words in table.items() for s in words}
    suffixes = sorted(
        ((squeeze(s), el) for el, words in data["suffix_headings"].items() for s in words),
        key=lambda pair: -len(pair[0]),
    )
    columns = {squeeze(s): col for col, words in data["material_columns"].items() for s in words}
    return Vocabulary(
        elements=elements,
        suffixes=suffixes,
        columns=columns,
        numbering=tuple(re.compile(p) for p in data["numbering"]),
        title_suffixes=tuple(
            sorted((plain(s) for s in data["title_suffixes"]), key=len, reverse=True)
        ),
        flags={key: _words(words) for key, words in data["flags"].items()},
        form_words=tuple(sorted(_words(data["form_words"]), key=len, reverse=True)),
        material_verbs=tuple(sorted(_words(data["material_verbs"]), key=len, reverse=True)),
        document_endings=_words(data["document_endings"]),
        catch_all=tuple(re.compile(p) for p in data["catch_all"]),
        situation_cues=tuple(re.compile(p) for p in data["situation_cues"]),
        embedded_label=_embedded_label(elements),
    )


def _embedded_label(elements: dict[str, str]) -> re.Pattern[str]:
    labels = sorted((s for s in elements if len(s) >= 3), key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"(?:(?<=[,，;；\s])|^)(?:{alternatives})\s*[:：]")
