"""Probe questions (探测问题): questions a knowledge base can ask itself, with known answers.

Self-calibration (``retrieval.selfcal``) needs to know how this knowledge base's
scores behave without any labelled traffic, so it asks questions drawn from the
guides' own fields against a *probe index*:

* one item in five is left out entirely — questions about those are out of
  scope, and the nearest items that remain are exactly the near misses a
  citizen's question about another service meets;
* of every other item one alias in four (相似问法) and one FAQ question that
  names the item are left out of the probe index and asked (vectors of the
  rest are reused, so nothing is re-embedded);
* templated questions over its name and results, and colloquial rewrites of
  official terms through the synonym table's ``expand`` entries (出生登记 →
  上户口), each with general facet wording.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass

import numpy as np

from knowledge import Guide
from retrieval.documents import KINDS, lexical_text, title_text, written_title
from retrieval.evaluate import Question
from retrieval.index import IndexState, VectorSet
from retrieval.lexical import LexicalIndex
from retrieval.ranking import Ranking, prepare_many, rank
from retrieval.synonyms import default_synonyms
from retrieval.text import normalize
from retrieval.tokens import char_ngrams, sound_view
from retrieval.vectors import VectorTable

# One item in DROP_EVERY is left out of the probe index: its questions are out of scope.
DROP_EVERY = 5
# Bounds on the work at build time (10 000 items must calibrate in well under a minute):
# probe items sampled evenly by a stable hash, probe questions per item.
MAX_ASKED = 240
MAX_DROPPED = 80
PER_ITEM = 3
# Fewer items than this give too few probes to fit on; the shipped models are kept.
MIN_ITEMS = 8
# General facet wording appended to templated questions (what is asked, not which item).
_ASKS = ("需要什么材料", "要多长时间", "在哪里办", "收费吗", "怎么办理", "需要什么条件", "")
_BRACKETS = re.compile(r"[(（][^)）]*[)）]")


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.md5(text.encode()).digest()[:4], "big")


@dataclass
class Probes:
    """The probe index and the questions asked against it."""

    state: IndexState
    questions: list[Question]


def _colloquial(text: str) -> str | None:
    """``text`` with one official term replaced by what citizens say for it (expand keys)."""
    table = default_synonyms()
    for spoken, officials in sorted(table.expand.items()):
        for official in officials:
            if len(official) >= 2 and official in text and spoken not in text:
                return text.replace(official, spoken, 1)
    return None


def _templated(guide: Guide) -> list[str]:
    """Questions a citizen might ask about this item, built from its own fields."""
    name = _BRACKETS.sub("", guide.name).strip()
    ask = _ASKS[_hash(guide.id) % len(_ASKS)]
    out = [f"{name}{ask}"]
    spoken = _colloquial(normalize(name))
    if spoken:
        out.append(f"{spoken}{_ASKS[(_hash(guide.id) + 1) % len(_ASKS)]}")
    for result in guide.results[:1]:
        if normalize(result) not in normalize(name):
            out.append(f"想办{result}{_ASKS[(_hash(result)) % len(_ASKS)]}")
    return out


def _held_out(guide: Guide) -> tuple[set[int], set[int]]:
    """Alias and FAQ positions left out of the probe index and asked instead.

    One alias in four (at least one when there are two or more), so the item keeps
    most of what it is found by, as it does in the full index; and one FAQ
    question that names the item (most FAQ questions are follow-ups — "登记完了去
    哪里交钱" — that no citizen would send as a first message).
    """
    order = sorted(range(len(guide.aliases)), key=lambda i: _hash(guide.aliases[i]))
    aliases = set(order[: len(order) // 4 or (1 if len(order) >= 2 else 0)])
    name = set(char_ngrams(normalize(_BRACKETS.sub("", guide.name))))
    named = [
        i for i, f in enumerate(guide.faq) if len(set(char_ngrams(normalize(f.q))) & name) >= 2
    ]
    faq = set(sorted(named, key=lambda i: _hash(guide.faq[i].q))[:1])
    return aliases, faq


def _pick(positions: list[int], most: int) -> list[int]:
    if len(positions) <= most:
        return positions
    step = len(positions) / most
    return [positions[int(k * step)] for k in range(most)]


def build_probes(state: IndexState) -> Probes | None:
    """The probe index and questions for ``state``; None when the KB is too small."""
    n = len(state.ids)
    if n < MIN_ITEMS:
        return None
    order = sorted(range(n), key=lambda i: _hash(state.ids[i]))
    dropped = {i for k, i in enumerate(order) if k % DROP_EVERY == 0}
    kept = [i for i in range(n) if i not in dropped]
    asked = set(_pick([i for i in order if i not in dropped], MAX_ASKED))
    questions: list[Question] = []
    held: dict[int, tuple[set[int], set[int]]] = {}
    for i in kept:
        if i not in asked:
            continue
        guide = state.guides[i]
        aliases, faq = _held_out(guide)
        held[i] = (aliases, faq)
        texts = [guide.aliases[a] for a in sorted(aliases)] + [guide.faq[f].q for f in sorted(faq)]
        texts = texts[:PER_ITEM] + _templated(guide)[: max(1, PER_ITEM - len(texts) + 1)]
        questions += [Question(t, guide.id, None) for t in texts]
    for i in _pick(sorted(dropped, key=lambda i: _hash(state.ids[i])), MAX_DROPPED):
        guide = state.guides[i]
        texts = [*guide.aliases[:1], *(f.q for f in guide.faq[:1]), *_templated(guide)[:1]]
        questions += [Question(t, None, None) for t in texts]
    unique = list({q.q: q for q in questions}.values())
    return Probes(_probe_state(state, kept, held), unique)


def _probe_guide(guide: Guide, aliases: set[int], faq: set[int]) -> Guide:
    return guide.model_copy(
        update={
            "aliases": [a for i, a in enumerate(guide.aliases) if i not in aliases],
            "faq": [f for i, f in enumerate(guide.faq) if i not in faq],
        }
    )


def _probe_vectors(
    vectors: VectorSet, kept: list[int], held: dict[int, tuple[set[int], set[int]]]
) -> VectorSet:
    """The full index's rows of the kept items, less the held-out texts (no re-embedding)."""
    new_pos = np.full(len(vectors.ids), -1, np.int64)
    new_pos[kept] = np.arange(len(kept))
    alias, faq = KINDS.index("alias"), KINDS.index("faq")
    tables = {}
    for name, table in vectors.tables.items():
        keep = new_pos[table.row_item] >= 0
        for i, (aliases, faqs) in held.items():
            mine = table.row_item == i
            for kind, refs in ((alias, aliases), (faq, faqs)):
                if refs:
                    keep &= ~(mine & (table.row_kind == kind) & np.isin(table.row_ref, list(refs)))
        rows = np.flatnonzero(keep)
        tables[name] = VectorTable.build(
            table.matrix[rows],
            new_pos[table.row_item[rows]],
            table.row_kind[rows],
            table.row_ref[rows],
        )
    return VectorSet(
        [vectors.ids[i] for i in kept],
        [vectors.fingerprints[i] for i in kept],
        tables,
        dict(vectors.keys),
    )


def _probe_state(
    state: IndexState, kept: list[int], held: dict[int, tuple[set[int], set[int]]]
) -> IndexState:
    """An index of the kept items without their held-out texts; unchanged items reuse tokens."""
    guides, lex, words, chars, sounds = [], [], [], [], []
    for i in kept:
        if i in held and (held[i][0] or held[i][1]):
            guide = _probe_guide(state.guides[i], *held[i])
            text, title = lexical_text(guide), title_text(guide)
            guides.append(guide)
            lex.append(text)
            words.append(state.tokenizer.tokens(text))
            chars.append(char_ngrams(title))
            sounds.append(sound_view(title, written_title(guide)))
        else:
            guides.append(state.guides[i])
            lex.append(state.lex_texts[i])
            words.append(state.word_docs[i])
            chars.append(state.char_docs[i])
            sounds.append(state.sound_docs[i])
    return IndexState(
        version=state.version,
        ids=[state.ids[i] for i in kept],
        guides=guides,
        tokenizer=state.tokenizer,
        lex_texts=lex,
        word_docs=words,
        char_docs=chars,
        words=LexicalIndex(words),
        chars=LexicalIndex(chars),
        sounds=LexicalIndex(sounds),
        vectors=_probe_vectors(state.vectors, kept, held),
        sound_docs=sounds,
    )


def _rankings(state: IndexState, encoders: list, questions: list[Question]):
    """Full and quick-stage rankings of ``questions`` against ``state``."""
    cheap = [e.name for e in encoders if e.cheap]
    queries = prepare_many(state, encoders, [q.q for q in questions])
    full = [rank(state, q) for q in queries]
    quick = [
        rank(state, dataclasses.replace(q, vectors={n: q.vectors[n] for n in cheap}))
        for q in queries
    ]
    return full, quick


Asked = tuple[list[Question], list[Ranking], list[Ranking]]


def probe_rankings(state: IndexState, encoders: list) -> Asked:
    """The probe questions with their full and quick-stage rankings (empty if too small)."""
    probes = build_probes(state)
    if probes is None:
        return [], [], []
    return (probes.questions, *_rankings(probes.state, encoders, probes.questions))


def _own_aliases(state: IndexState, labelled: list[Question]) -> dict[int, tuple[set, set]]:
    """Per item position, the aliases that are labelled questions about that item."""
    asked: dict[int, set[str]] = {}
    for q in labelled:
        if q.item is not None:
            asked.setdefault(state.position[q.item], set()).add(normalize(q.q))
    held = {}
    for i, texts in asked.items():
        aliases = state.guides[i].aliases
        mine = {a for a in range(len(aliases)) if normalize(aliases[a]) in texts}
        if mine:
            held[i] = (mine, set())
    return held


def labelled_rankings(state: IndexState, encoders: list, labelled: list[Question]) -> Asked:
    """Labelled questions about items that still exist, ranked against the full index
    less the aliases they became.

    Attaching an unanswered question in the workbench makes it an alias of its item,
    so against the full index it is found by its own words; ranked without them, it
    tells how the *next* citizen who words it alike would fare, as the probes do.
    """
    known = [q for q in labelled if q.item is None or q.item in state.position]
    if not known:
        return [], [], []
    held = _own_aliases(state, known)
    if held:
        state = _probe_state(state, list(range(len(state.ids))), held)
    return (known, *_rankings(state, encoders, known))
