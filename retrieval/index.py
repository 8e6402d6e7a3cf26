"""The search index of one knowledge-base version: built, updated per item, saved, loaded.

An :class:`IndexState` is immutable once built; updating builds a new one that
reuses the vectors of every unchanged item (an item is re-embedded only when
the texts it embeds change) and is then swapped in whole. On disk only the
vectors are kept — lexical indexes rebuild in seconds from the database — in
``HOME/index/<version-stamp>/``, published by renaming a finished folder and
then atomically replacing the ``CURRENT`` pointer file, so a reader never sees
a half-written index.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from knowledge import Guide
from knowledge.bundles import Bundle
from retrieval.bundle_index import BundleIndex, build_bundle_index
from retrieval.documents import (
    KINDS,
    VectorText,
    dictionary_phrases,
    fingerprint,
    lexical_text,
    title_text,
    vector_texts,
    written_title,
)
from retrieval.lexical import LexicalIndex
from retrieval.synonyms import default_synonyms
from retrieval.text import normalize
from retrieval.tokens import WordTokenizer, char_ngrams, domain_terms, sound_grams
from retrieval.vectors import VectorTable

FORMAT = 1  # bump when the saved layout or the embedded texts change meaning
_BATCH = 64
_KEEP_OLD = 2  # superseded index folders kept for readers still loading them

Progress = Callable[[str], None]


def _noop(_: str) -> None:
    return None


@dataclass
class VectorSet:
    """Vectors of every item for each encoder, with the fingerprints they were made from."""

    ids: list[str]
    fingerprints: list[str]
    tables: dict[str, VectorTable]
    keys: dict[str, str]  # encoder name → model key (with text budget)


@dataclass
class IndexState:
    """Everything a search needs for one knowledge-base version (read-only once built)."""

    version: int
    ids: list[str]
    guides: list[Guide]
    tokenizer: WordTokenizer
    lex_texts: list[str]
    word_docs: list[list[str]]
    char_docs: list[list[str]]
    words: LexicalIndex
    chars: LexicalIndex
    sounds: LexicalIndex
    vectors: VectorSet
    sound_docs: list[list[str]] = field(default_factory=list)
    # Confidence models calibrated for this knowledge base (``retrieval.selfcal``);
    # empty until calibrated, when the searcher uses the shipped ones.
    models: dict = field(default_factory=dict)
    calibration: dict = field(default_factory=dict)
    name_grams: list[frozenset[str]] = field(default_factory=list)
    item_rows: dict[str, list[np.ndarray]] = field(default_factory=dict)
    position: dict[str, int] = field(default_factory=dict)
    # 一件事 bundles searchable beside the items (``retrieval.bundle_index``); None: none.
    bundles: BundleIndex | None = None

    def __post_init__(self) -> None:
        self.name_grams = [frozenset(char_ngrams(_bare_name(g.name))) for g in self.guides]
        self.position = {item_id: i for i, item_id in enumerate(self.ids)}
        self.item_rows = {
            name: table.item_rows(len(self.ids)) for name, table in self.vectors.tables.items()
        }

    def guide(self, item_id: str) -> Guide | None:
        i = self.position.get(item_id)
        return None if i is None else self.guides[i]


_BRACKETED = re.compile(r"\([^)]*\)")


def _bare_name(name: str) -> str:
    """The item name without its bracketed qualifier ("（首次申领）"), normalised."""
    return _BRACKETED.sub("", normalize(name))


def encoder_key(encoder, budget: int | None) -> str:
    limited = budget is not None and not getattr(encoder, "cheap", False)
    return f"{encoder.key}/b{budget}" if limited else encoder.key


def _texts_for(encoder, texts: list[VectorText], budget: int | None) -> list[VectorText]:
    """An expensive encoder embeds at most ``budget`` texts per item, most telling first."""
    if budget is None or getattr(encoder, "cheap", False):
        return texts
    order = {"name": 0, "alias": 1, "faq": 2, "summary": 3}
    return sorted(texts, key=lambda vt: order[vt.kind])[:budget]


def _embed_table(
    encoder,
    texts_per_item: list[list[VectorText]],
    reuse: dict[int, np.ndarray],
    progress: Progress,
) -> tuple[VectorTable, int]:
    """Rows for all items: reused ones copied, the others embedded in batches."""
    todo = [i for i in range(len(texts_per_item)) if i not in reuse]
    flat = [(i, vt) for i in todo for vt in texts_per_item[i]]
    fresh = np.zeros((len(flat), encoder.dim), np.float32)
    for start in range(0, len(flat), _BATCH):
        chunk = flat[start : start + _BATCH]
        fresh[start : start + len(chunk)] = encoder.passages([vt.text for _, vt in chunk])
        if len(flat) > _BATCH and (start // _BATCH) % 20 == 0:
            progress(f"{encoder.name}: {start + len(chunk)}/{len(flat)}")
    mats, items, kinds, refs = [], [], [], []
    cursor = 0
    for i, texts in enumerate(texts_per_item):
        if i in reuse:
            mats.append(reuse[i])
        else:
            mats.append(fresh[cursor : cursor + len(texts)])
            cursor += len(texts)
        items.append(np.full(len(texts), i, np.int32))
        kinds.append(np.array([KINDS.index(vt.kind) for vt in texts], np.int8))
        refs.append(np.array([vt.ref for vt in texts], np.int16))
    matrix = np.concatenate(mats) if mats else np.zeros((0, encoder.dim), np.float32)
    cat = np.concatenate if items else (lambda _: np.zeros(0, np.int32))
    table = VectorTable.build(matrix, cat(items), cat(kinds), cat(refs))
    return table, len(todo)


def _unchanged(previous: VectorSet, ids: list[str], prints: list[str], table: VectorTable) -> bool:
    """Whether ``table`` already holds exactly the rows these items would get, in order,
    searched the way a table of its size is built (exact or through a graph)."""
    return previous.ids == ids and previous.fingerprints == prints and table.sized_right


def build_vectors(
    guides: list[Guide],
    encoders: list,
    previous: VectorSet | None = None,
    budget: int | None = None,
    progress: Progress = _noop,
) -> tuple[VectorSet, set[str]]:
    """Vectors for ``guides`` (sorted by id); returns them and the ids re-embedded."""
    ids = [g.id for g in guides]
    texts = [vector_texts(g) for g in guides]
    prints = [fingerprint(t) for t in texts]
    old_pos = {item_id: i for i, item_id in enumerate(previous.ids)} if previous else {}
    tables, keys, embedded = {}, {}, set()
    for encoder in encoders:
        key = encoder_key(encoder, budget)
        per_item = [_texts_for(encoder, t, budget) for t in texts]
        reuse: dict[int, np.ndarray] = {}
        old = previous.tables.get(encoder.name) if previous else None
        if old is not None and previous.keys.get(encoder.name) == key:
            if _unchanged(previous, ids, prints, old):
                # Same items, same texts, same order: the table is taken whole (no copy
                # of the rows, no second search graph at 10 000 items).
                tables[encoder.name] = old
                keys[encoder.name] = key
                continue
            rows = old.item_rows(len(previous.ids))
            matrix = old.matrix
            for i, item_id in enumerate(ids):
                j = old_pos.get(item_id)
                if j is not None and previous.fingerprints[j] == prints[i]:
                    reuse[i] = np.array(matrix[rows[j]])
        table, _ = _embed_table(encoder, per_item, reuse, progress)
        embedded |= {ids[i] for i in range(len(ids)) if i not in reuse}
        tables[encoder.name] = table
        keys[encoder.name] = key
    return VectorSet(ids, prints, tables, keys), embedded


def build_state(
    version: int,
    guides: list[Guide],
    encoders: list,
    previous: IndexState | None = None,
    vectors: VectorSet | None = None,
    budget: int | None = None,
    progress: Progress = _noop,
    bundles: list[Bundle] | None = None,
) -> tuple[IndexState, set[str]]:
    """A complete state for ``guides`` (and ``bundles``); reuses vectors of unchanged items."""
    guides = sorted(guides, key=lambda g: g.id)
    base = vectors if vectors is not None else (previous.vectors if previous else None)
    vector_set, embedded = build_vectors(guides, encoders, base, budget, progress)
    lex_texts = [lexical_text(g) for g in guides]
    titles = [title_text(g) for g in guides]
    terms = domain_terms(p for g in guides for p in dictionary_phrases(g))
    terms |= domain_terms(_synonym_terms())
    old_tokens: dict[str, list[str]] = {}
    if previous is not None and terms <= previous.tokenizer.terms:
        tokenizer = previous.tokenizer
        old_tokens = dict(zip(previous.lex_texts, previous.word_docs, strict=True))
    else:
        tokenizer = WordTokenizer(terms)
    runs = RunTokens(tokenizer)
    word_docs = [old_tokens.get(t) or runs.words(t) for t in lex_texts]
    char_docs = [char_ngrams(t) for t in titles]
    sound_docs = [runs.sounds(t, written_title(g)) for t, g in zip(titles, guides, strict=True)]
    state = IndexState(
        version=version,
        ids=[g.id for g in guides],
        guides=guides,
        tokenizer=tokenizer,
        lex_texts=lex_texts,
        word_docs=word_docs,
        char_docs=char_docs,
        words=LexicalIndex(word_docs),
        chars=LexicalIndex(char_docs),
        sounds=LexicalIndex(sound_docs),
        vectors=vector_set,
        sound_docs=sound_docs,
    )
    state.bundles = build_bundle_index(
        bundles or [],
        guides,
        tokenizer,
        word_docs,
        char_docs,
        encoders,
        previous.bundles if previous is not None else None,
    )
    return state, embedded


# Characters no word token (``WordTokenizer.tokens``) or syllable bigram (``sound_grams``)
# spans: both are made within runs of Chinese characters and of a-z0-9 words.
_WORD_BREAK = re.compile(r"[^\u3400-\u9fffa-z0-9.\-]+")
_SOUND_BREAK = re.compile(r"[^\u3400-\u9fff]+")


class RunTokens:
    """Word tokens and sound views of many texts, each distinct run tokenised once.

    Both views are made run by run, so a text's tokens are its runs' tokens in
    order. A knowledge base repeats runs across items (materials, departments,
    places, conditions): at 1 000 synthetic items two thirds of the word runs'
    characters and a third of the title runs' were repeats, and jieba and pypinyin
    were most of an index build's CPU beside the encoders. Tied to one tokenizer
    (its dictionary must not change while this is used).
    """

    def __init__(self, tokenizer: WordTokenizer) -> None:
        self.tokenizer = tokenizer
        self._words: dict[str, list[str]] = {}
        self._sounds: dict[str, list[str]] = {}

    def words(self, text: str) -> list[str]:
        """``tokenizer.tokens(text)``."""
        out: list[str] = []
        for run in _WORD_BREAK.split(text):
            if run:
                tokens = self._words.get(run)
                if tokens is None:
                    tokens = self._words[run] = self.tokenizer.tokens(run)
                out += tokens
        return out

    def _grams(self, text: str) -> list[str]:
        out: list[str] = []
        for run in _SOUND_BREAK.split(text):
            if run:
                grams = self._sounds.get(run)
                if grams is None:
                    grams = self._sounds[run] = sound_grams(run)
                out += grams
        return out

    def sounds(self, normalised: str, written: str) -> list[str]:
        """``sound_view(normalised, written)``: the written form adds the bigrams it alone has."""
        grams = self._grams(normalised)
        seen = set(grams)
        return grams + [g for g in self._grams(written) if g not in seen]


def _synonym_terms() -> list[str]:
    table = default_synonyms()
    terms = list(table.replace.values()) + list(table.expand)
    terms += [t for values in table.expand.values() for t in values]
    return terms


def config_key(encoders: list, budget: int | None) -> dict:
    """What must match for saved vectors to be reusable as they are."""
    return {
        "format": FORMAT,
        "synonyms": default_synonyms().digest,
        "encoders": {e.name: encoder_key(e, budget) for e in encoders},
    }


class IndexDir:
    """``HOME/index``: versioned folders plus the ``CURRENT`` pointer file."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Serialises publishing between processes sharing the home directory."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def current(self) -> Path | None:
        pointer = self.root / "CURRENT"
        try:
            name = pointer.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        folder = self.root / name
        return folder if name and (folder / "meta.json").exists() else None

    def load(self) -> tuple[int, dict, VectorSet] | None:
        """The published vectors: (kb version, meta, vectors), None when there are none."""
        folder = self.current()
        if folder is None:
            return None
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            tables = {name: VectorTable.load(folder, name) for name in meta["config"]["encoders"]}
        except (OSError, ValueError, KeyError, RuntimeError):
            return None
        vectors = VectorSet(
            meta["ids"], meta["fingerprints"], tables, dict(meta["config"]["encoders"])
        )
        return int(meta["kb_version"]), meta, vectors

    def published(self) -> tuple[str, dict] | None:
        """The current folder's name and its meta (kb version, config, calibration), if any."""
        folder = self.current()
        if folder is None:
            return None
        try:
            return folder.name, json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    @property
    def labels_path(self) -> Path:
        """Staff-labelled questions accepted by a re-calibration (one JSON object a line)."""
        return self.root / "labels.jsonl"

    def labels_digest(self) -> str:
        try:
            return hashlib.sha256(self.labels_path.read_bytes()).hexdigest()[:16]
        except FileNotFoundError:
            return ""

    def publish(
        self, version: int, vectors: VectorSet, config: dict, calibration: dict | None = None
    ) -> Path:
        """Write a new folder, then point ``CURRENT`` at it (atomic rename)."""
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        name = f"v{version:06d}-{stamp}-{uuid.uuid4().hex[:6]}"
        building = self.root / f".building-{name}"
        building.mkdir()
        try:
            for encoder, table in vectors.tables.items():
                table.save(building, encoder)
            meta = {
                "kb_version": version,
                "config": config,
                "ids": vectors.ids,
                "fingerprints": vectors.fingerprints,
                "built_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "rows": {e: int(t.index.ntotal) for e, t in vectors.tables.items()},
                "calibration": calibration,
            }
            (building / "meta.json").write_text(
                json.dumps(meta, ensure_ascii=False), encoding="utf-8"
            )
            with self.lock():
                os.rename(building, self.root / name)
                pointer = self.root / f".CURRENT-{uuid.uuid4().hex[:6]}"
                pointer.write_text(name, encoding="utf-8")
                os.replace(pointer, self.root / "CURRENT")
                self._prune(keep=name)
        finally:
            shutil.rmtree(building, ignore_errors=True)
        return self.root / name

    def _prune(self, keep: str) -> None:
        folders = sorted(
            (p for p in self.root.iterdir() if p.is_dir() and p.name.startswith("v")),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        old = [p for p in folders if p.name != keep][_KEEP_OLD:]
        for folder in old:
            shutil.rmtree(folder, ignore_errors=True)
