"""Evaluation on a labelled question set: BM25-only, vector-only and fused, side by side.

Each line of the set is ``{"q": str, "item": id | null, "facet": str | null,
"tags": [...], "others": [id, ...]}``; ``item: null`` marks an out-of-scope
message, which must not get a confident answer; for an in-scope message
``facet: null`` is the same as ``"general"`` (the held-out sets write it so). "Rejected" means not
confident (the bot offers choices or says it found nothing).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from retrieval.facets import detect_facet
from retrieval.fusion import SYSTEMS

TARGETS = {
    "top1": 0.92,
    "recall3": 0.98,
    "facet": 0.90,
    "oos_rejected": 0.90,
    "false_rejected": 0.05,  # at most
}
# Issue #11's targets on a knowledge base the engine was never developed on.
HELDOUT_KB_TARGETS = {
    "top1": 0.95,
    "recall3": 0.99,
    "oos_rejected": 0.90,
    "false_rejected": 0.08,  # at most
    "wrong_confident": 0.02,  # at most
    "facet": 0.85,
}
_AT_MOST = ("false_rejected", "wrong_confident")


@dataclass(frozen=True)
class Question:
    q: str
    item: str | None
    facet: str | None
    tags: tuple[str, ...] = ()
    others: tuple[str, ...] = ()
    weight: float = 1.0  # how much the question counts when calibrating (probes are rebalanced)

    @property
    def fold(self) -> int:
        """A stable half of the set (0 or 1), for held-out checks of learned weights."""
        return hashlib.md5(self.q.encode()).digest()[0] % 2


def load_questions(path: str | Path) -> list[Question]:
    questions = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            questions.append(
                Question(
                    raw["q"],
                    raw.get("item"),
                    raw.get("facet"),
                    tuple(raw.get("tags", ())),
                    tuple(raw.get("others", ())),
                )
            )
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{n}: 无法解析的问题行：{exc}") from exc
    return questions


@dataclass
class Outcome:
    """One question under one system."""

    rank: int | None  # 0-based rank of the right item among candidates, None if absent
    confidence: float
    answered: bool  # confident
    not_found: bool


@dataclass
class Metrics:
    n_in: int = 0
    n_oos: int = 0
    top1: float = 0.0
    recall3: float = 0.0
    mrr: float = 0.0
    facet: float = 0.0
    oos_rejected: float = 0.0
    false_rejected: float = 0.0
    not_found_in_scope: float = 0.0
    wrong_confident: float = 0.0  # in-scope answered confidently with the wrong item

    def meets_targets(self, targets: dict[str, float] | None = None) -> list[str]:
        """The targets missed (empty when all are met); issue #3's unless ``targets``."""
        missed = []
        for key, target in (targets or TARGETS).items():
            value = getattr(self, key)
            ok = value <= target if key in _AT_MOST else value >= target
            if not ok:
                missed.append(f"{key}={value:.3f} (目标 {target})")
        return missed


def outcome(question: Question, ids: list[str], conf: float, model) -> Outcome:
    rank = ids.index(question.item) if question.item in ids else None
    return Outcome(rank, conf, conf >= model.answer_at, conf < model.unsure_at)


def metrics(questions: list[Question], outcomes: list[Outcome]) -> Metrics:
    m = Metrics()
    inside = [(q, o) for q, o in zip(questions, outcomes, strict=True) if q.item]
    outside = [o for q, o in zip(questions, outcomes, strict=True) if not q.item]
    m.n_in, m.n_oos = len(inside), len(outside)
    if inside:
        n = len(inside)
        m.top1 = sum(o.rank == 0 for _, o in inside) / n
        m.recall3 = sum(o.rank is not None and o.rank < 3 for _, o in inside) / n
        m.mrr = sum(1 / (o.rank + 1) for _, o in inside if o.rank is not None) / n
        # In scope, a null facet means a general question (the line format above).
        m.facet = (
            sum((detect_facet(q.q) or "general") == (q.facet or "general") for q, _ in inside) / n
        )
        m.false_rejected = sum(not o.answered for _, o in inside) / n
        m.not_found_in_scope = sum(o.not_found for _, o in inside) / n
        m.wrong_confident = sum(o.answered and o.rank != 0 for _, o in inside) / n
    if outside:
        m.oos_rejected = sum(not o.answered for o in outside) / len(outside)
    return m


def evaluate(searcher, questions: list[Question]) -> dict[str, tuple[Metrics, list[Outcome]]]:
    """Every system on every question (models loaded once, questions embedded in batches),
    and ``served``: the cascade that ``Searcher.ask`` runs (quick stage, then fused)."""
    results = {}
    texts = [q.q for q in questions]
    for system in SYSTEMS:
        model = searcher.models[system]
        judgements = searcher.judge_many(texts, system)
        state = searcher._current()
        outcomes = [
            outcome(q, [state.ids[p] for p in j.order], j.confidence, model)
            for q, j in zip(questions, judgements, strict=True)
        ]
        results[system] = (metrics(questions, outcomes), outcomes)
    state = searcher._current()
    outcomes = [
        outcome(q, [state.ids[p] for p in j.order], j.confidence, model)
        for q, (j, model) in zip(questions, searcher.judge_served(texts), strict=True)
    ]
    results["served"] = (metrics(questions, outcomes), outcomes)
    return results


def by_tag(questions: list[Question], outcomes: list[Outcome]) -> dict[str, tuple[int, float]]:
    """Per tag: (count, share handled right: top-1 for in-scope, rejected for out-of-scope)."""
    tags: dict[str, list[bool]] = {}
    for q, o in zip(questions, outcomes, strict=True):
        right = (o.rank == 0) if q.item else not o.answered
        for tag in q.tags or ("plain",):
            tags.setdefault(tag, []).append(right)
    return {t: (len(v), sum(v) / len(v)) for t, v in sorted(tags.items())}


def multi_item(searcher, questions: list[Question]) -> dict[str, float]:
    """End-to-end: messages naming two items offer the other; others get no extra offers."""
    named = [q for q in questions if q.others]
    single = [q for q in questions if q.item and not q.others]
    answers = [searcher.ask(q.q) for q in named]
    found = sum(set(q.others) <= set(a.others) for q, a in zip(named, answers, strict=True))
    main = sum(a.item == q.item for q, a in zip(named, answers, strict=True))
    spurious = sum(bool(searcher.ask(q.q).others) for q in single)
    return {
        "multi_main": main / len(named) if named else 1.0,
        "multi_offered": found / len(named) if named else 1.0,
        "single_spurious": spurious / len(single) if single else 0.0,
    }


def format_table(results: dict[str, Metrics]) -> str:
    rows = [
        ("top-1", "top1"),
        ("recall@3", "recall3"),
        ("MRR", "mrr"),
        ("facet accuracy", "facet"),
        ("out-of-scope rejected", "oos_rejected"),
        ("in-scope falsely rejected", "false_rejected"),
        ("in-scope 'not found'", "not_found_in_scope"),
        ("in-scope confident but wrong", "wrong_confident"),
    ]
    names = list(results)
    head = f"{'':30s}" + "".join(f"{n:>12s}" for n in names)
    lines = [head, "-" * len(head)]
    for label, key in rows:
        lines.append(
            f"{label:30s}" + "".join(f"{getattr(results[n], key) * 100:11.1f}%" for n in names)
        )
    first = results[names[0]]
    lines.append(f"({first.n_in} in-scope questions, {first.n_oos} out-of-scope)")
    return "\n".join(lines)
