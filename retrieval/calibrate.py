"""Choose fusion parameters and fit the confidence model on a labelled question set.

Run by developers, not at run time::

    python -m retrieval.fit_shipped tests/data/questions.jsonl [--samples DIR]

For each system (BM25-only, vector-only, fused) it picks the RRF constant and
the name bonus by mean reciprocal rank, fits a small L2-regularised logistic
model of "the top item is right" over general signals, and sets the two
thresholds by an explicit cost (a confident wrong answer costs most). The quick
stage of the served cascade (lexical and cheap encoders only) is fitted the
same way; its one threshold is placed where answering early costs least against
what the fused system would have done, plus a small price for every question
sent on to the expensive encoder. Weights are first fitted on one half of the
set and scored on the other (both ways), and those held-out figures are stored
beside the final weights, fitted on all. Several question files may be given:
more kinds of wording make a better-calibrated confidence.

Every signal but agreement enters the logistic model as its percentile among
the signals of the knowledge base's own probe questions (``retrieval.probes``),
so the shipped weights and thresholds transfer: at every index build a
knowledge base re-reads them against its own probes (``retrieval.selfcal``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from retrieval.evaluate import Metrics, Outcome, Question, metrics, outcome
from retrieval.fusion import (
    QUICK,
    SYSTEMS,
    SystemModel,
    confidence,
    default_model,
    feature_values,
    fused_scores,
    reference_of,
    signals,
)
from retrieval.probes import probe_rankings
from retrieval.ranking import Ranking, prepare_many, rank

RRF_K = (5.0, 10.0, 20.0, 60.0)
NAME_WEIGHTS = (0.0, 0.025, 0.05, 0.1)
L2 = 1.0
# Costs used to place the thresholds: a confident answer about the wrong item (or
# to an out-of-scope message) is the worst outcome; asking the citizen to pick
# from candidates costs a little; "not found" for a question we could answer more.
COST_WRONG_ANSWER = 1.0
COST_CHOICE_IN_SCOPE = 0.3
COST_NOT_FOUND_IN_SCOPE = 0.6
COST_CHOICE_OUT_OF_SCOPE = 0.1
# Out-of-scope messages are scarcer in a labelled set than in real traffic (small talk,
# other services): each one counts this many times.
OUT_OF_SCOPE_WEIGHT = 2.0
# The price of sending one question on to the expensive encoder, in the same units:
# a hundred encodings are worth one confident wrong answer avoided.
COST_ENCODE = 0.01

FEATURES = {
    "bm25": ("agree", "margin", "covw", "covc", "name", "miss"),
    "vector": ("agree", "margin"),
    "fused": ("agree", "margin", "covw", "covc", "name", "miss"),
    QUICK: ("agree", "margin", "covw", "covc", "name", "miss"),
}


def _features(system: str, encoders: list[str]) -> tuple[str, ...]:
    cos = tuple(f"cos:{e}" for e in encoders) if system != "bm25" else ()
    return FEATURES[system] + cos


def _weight(question: Question) -> float:
    return question.weight * (1.0 if question.item else OUT_OF_SCOPE_WEIGHT)


def _loss(question: Question, top: str | None, conf: float, model: SystemModel) -> float:
    """What one outcome costs the citizen, by the cost table above."""
    weight = _weight(question)
    if conf >= model.answer_at:
        return 0.0 if question.item and top == question.item else COST_WRONG_ANSWER * weight
    if conf >= model.unsure_at:
        cost = COST_CHOICE_IN_SCOPE if question.item else COST_CHOICE_OUT_OF_SCOPE
        return cost * weight
    return COST_NOT_FOUND_IN_SCOPE * weight if question.item else 0.0


def _ranked(rankings: list[Ranking], model: SystemModel) -> list[tuple[list[str], dict]]:
    """Each ranking's item ids best first and its signals (each in its own index state)."""
    out = []
    for ranking in rankings:
        fused = fused_scores(ranking, model)
        order = np.argsort(-fused, kind="stable")
        ids = [ranking.state.ids[int(ranking.candidates[i])] for i in order]
        out.append((ids, signals(ranking, fused, model, ranking.state)))
    return out


def _reciprocal_ranks(questions: list[Question], ranked: list[tuple[list[str], dict]]) -> float:
    total = 0.0
    for q, (ids, _) in zip(questions, ranked, strict=True):
        if q.item and q.item in ids:
            total += 1.0 / (ids.index(q.item) + 1)
    return total


def _logistic(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (standardised inputs)."""
    n, d = x.shape
    a = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.eye(d + 1) * L2
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(a @ w, -40, 40)))
        grad = a.T @ (p - y) + penalty @ w
        hess = (a * (p * (1 - p))[:, None]).T @ a + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def _thresholds(questions: list[Question], conf: list[float], ranked) -> tuple[float, float]:
    """The (answer_at, unsure_at) pair with the lowest cost on these questions.

    Candidate thresholds lie halfway between neighbouring confidences, so no
    threshold sits exactly on a training question.
    """
    c = np.asarray(conf, dtype=float)
    inside = np.array([bool(q.item) for q in questions])
    right = np.array(
        [
            bool(q.item) and ids[:1] == [q.item]
            for q, (ids, _) in zip(questions, ranked, strict=True)
        ]
    )
    levels = np.unique(c)
    grid = np.concatenate([[0.0], (levels[1:] + levels[:-1]) / 2, [1.0]])
    weight = np.array([_weight(q) for q in questions])
    choice_cost = np.where(inside, COST_CHOICE_IN_SCOPE, COST_CHOICE_OUT_OF_SCOPE) * weight
    missing_cost = np.where(inside, COST_NOT_FOUND_IN_SCOPE, 0.0) * weight
    best = (float("inf"), 0.5, 0.2)
    for high in grid:
        answered = c >= high
        base = COST_WRONG_ANSWER * float(np.sum((answered & ~right) * weight))
        lows = grid[grid <= high]
        above = c[None, :] >= lows[:, None]
        rest = ~answered[None, :]
        cost = (
            base + ((above & rest) * choice_cost).sum(1) + ((~above & rest) * missing_cost).sum(1)
        )
        i = int(np.argmin(cost))
        if cost[i] < best[0] - 1e-9:
            best = (float(cost[i]), float(high), float(lows[i]))
    return best[1], best[2]


def fit(
    system: str,
    questions: list[Question],
    rankings: list[Ranking],
    encoders: list[str],
    probes: Sequence[Ranking] = (),
    fusion: SystemModel | None = None,
) -> SystemModel:
    """The calibrated model of one system on these questions (``encoders``: its encoders).

    ``probes``: the knowledge base's probe rankings, whose signal distribution the
    features are read against; ``fusion``: keep its RRF constant and name bonus.
    """
    base = default_model(system)
    if system == QUICK:
        base = SystemModel(encoders=tuple(encoders))
    if fusion is not None:
        model = replace(base, rrf_k=fusion.rrf_k, name_weight=fusion.name_weight)
    else:
        model = _best_fusion(base, questions, rankings)
    ranked = _ranked(rankings, model)
    model = with_reference(replace(model, features=_features(system, encoders)), probes)
    x = np.array(
        [[0.0 if v is None else v for v in feature_values(values, model)] for _, values in ranked]
    )
    y = np.array(
        [
            float(bool(q.item) and ids[:1] == [q.item])
            for q, (ids, _) in zip(questions, ranked, strict=True)
        ]
    )
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-6
    coef, intercept = _logistic((x - mean) / scale, y)
    model = replace(
        model,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        coef=tuple(float(v) for v in coef),
        intercept=intercept,
    )
    conf = [confidence(values, model) for _, values in ranked]
    answer_at, unsure_at = _thresholds(questions, conf, ranked)
    return replace(model, answer_at=answer_at, unsure_at=unsure_at)


def _best_fusion(base: SystemModel, questions: list[Question], rankings: list[Ranking]):
    """The RRF constant and name bonus with the best mean reciprocal rank."""
    names = NAME_WEIGHTS if base.lexical else (0.0,)
    best = None
    for k in RRF_K:
        for w in names:
            model = replace(base, rrf_k=k, name_weight=w)
            score = _reciprocal_ranks(questions, _ranked(rankings, model))
            if best is None or score > best[0] + 1e-9:
                best = (score, model)
    return best[1]


def with_reference(model: SystemModel, probes: Sequence[Ranking]) -> SystemModel:
    """``model`` reading its features against these probes' distribution (raw without)."""
    if not probes:
        return replace(model, reference=())
    rows = [values for _, values in _ranked(probes, model)]
    return replace(model, reference=reference_of(rows, model.features))


def fit_quick(
    questions: list[Question],
    quick_rankings: list[Ranking],
    rankings: list[Ranking],
    fused: SystemModel,
    cheap: list[str],
    probes: Sequence[Ranking] = (),
) -> SystemModel:
    """The quick stage: fitted like a system, then its early-answer threshold.

    An early answer replaces the fused system's outcome on that question, so the
    threshold is where the sum of (early loss − fused loss) over the questions
    answered early, plus ``COST_ENCODE`` for each question sent on, is least.
    """
    model = fit(QUICK, questions, quick_rankings, cheap, probes)
    quick = _ranked(quick_rankings, model)
    full = _ranked(rankings, fused)
    # Confidences the model did not see: each half scored by weights fitted on the
    # other, so the threshold is not placed on in-sample optimism.
    conf = np.zeros(len(questions))
    for fold in (0, 1):
        train = [i for i, q in enumerate(questions) if q.fold != fold]
        test = [i for i, q in enumerate(questions) if q.fold == fold]
        if not train or not test:
            conf[test] = [confidence(quick[i][1], model) for i in test]
            continue
        half = fit(
            QUICK, [questions[i] for i in train], [quick_rankings[i] for i in train], cheap, probes
        )
        for i in test:
            conf[i] = confidence(_ranked([quick_rankings[i]], half)[0][1], half)
    at = _early_threshold(questions, conf, quick, full, fused)
    return replace(model, answer_at=at, unsure_at=0.0)


def _early_threshold(
    questions: list[Question],
    conf: np.ndarray,
    quick: list[tuple[list[str], dict]],
    full: list[tuple[list[str], dict]],
    fused: SystemModel,
) -> float:
    """Where answering at the quick stage costs least against the fused system's outcome."""
    early = np.array(
        [
            _loss(q, ids[0] if ids else None, 1.0, replace(fused, answer_at=0.0))
            for q, (ids, _) in zip(questions, quick, strict=True)
        ]
    )
    later = np.array(
        [
            _loss(q, ids[0] if ids else None, confidence(values, fused), fused)
            for q, (ids, values) in zip(questions, full, strict=True)
        ]
    )
    levels = np.unique(conf)
    grid = np.concatenate([(levels[1:] + levels[:-1]) / 2, [1.01]])
    costs = [
        float(np.sum((early - later)[conf >= t]) + COST_ENCODE * np.sum(conf < t)) for t in grid
    ]
    return float(grid[int(np.argmin(costs))])


def place_early_answer(
    quick: SystemModel,
    fused: SystemModel,
    questions: list[Question],
    quick_rankings: list[Ranking],
    rankings: list[Ranking],
) -> SystemModel:
    """The quick stage with its early-answer threshold placed on these (probe) questions.

    The weights stay; only where answering early stops paying is re-read for this
    knowledge base: on one with many near-duplicate services the quick stage's
    answers disagree with the fused system's more often, so it answers less.
    """
    quick_ranked = _ranked(quick_rankings, quick)
    conf = np.array([confidence(values, quick) for _, values in quick_ranked])
    full = _ranked(rankings, fused)
    at = _early_threshold(questions, conf, quick_ranked, full, fused)
    return replace(quick, answer_at=at, unsure_at=0.0)


def _quick_rankings(state, queries, cheap: list[str]) -> list[Ranking]:
    """Rankings as the quick stage sees them: without the expensive encoders' vectors."""
    return [
        rank(state, dataclasses.replace(q, vectors={n: q.vectors[n] for n in cheap}))
        for q in queries
    ]


def served_outcomes(
    quick: SystemModel,
    fused: SystemModel,
    questions: list[Question],
    quick_rankings: list[Ranking],
    rankings: list[Ranking],
) -> tuple[list[Outcome], list[bool], np.ndarray]:
    """The cascade's outcome per question, whether it was answered early, and its cost."""
    outs, early, loss = [], [], []
    quick_ranked = _ranked(quick_rankings, quick)
    full_ranked = _ranked(rankings, fused)
    for q, (qids, qvalues), (ids, values) in zip(questions, quick_ranked, full_ranked, strict=True):
        conf = confidence(qvalues, quick)
        model, top = (quick, qids) if conf >= quick.answer_at else (fused, ids)
        if model is fused:
            conf = confidence(values, fused)
        early.append(model is quick)
        outs.append(outcome(q, top, conf, model))
        loss.append(_loss(q, top[0] if top else None, conf, model))
    return outs, early, np.asarray(loss, dtype=float)


def score_served(
    quick: SystemModel,
    fused: SystemModel,
    questions: list[Question],
    quick_rankings: list[Ranking],
    rankings: list[Ranking],
) -> tuple[Metrics, float]:
    """The cascade's figures, and the share of questions it answered without the expensive
    encoder."""
    outs, early, _ = served_outcomes(quick, fused, questions, quick_rankings, rankings)
    return metrics(questions, outs), sum(early) / max(1, len(questions))


def score(model: SystemModel, questions: list[Question], rankings: list[Ranking]) -> Metrics:
    ranked = _ranked(rankings, model)
    outs = [
        outcome(q, ids, confidence(values, model), model)
        for q, (ids, values) in zip(questions, ranked, strict=True)
    ]
    return metrics(questions, outs)


FIGURES = ("top1", "recall3", "mrr", "oos_rejected", "false_rejected", "wrong_confident")


def calibrate(searcher, questions: list[Question]) -> tuple[dict[str, SystemModel], dict]:
    state = searcher._current()
    encoders = [e.name for e in searcher.encoders]
    cheap = [e.name for e in searcher.encoders if e.cheap]
    queries = prepare_many(state, searcher.encoders, [q.q for q in questions])
    rankings = [rank(state, query) for query in queries]
    quick_rankings = _quick_rankings(state, queries, cheap)
    # This knowledge base's probes: features are read as percentiles of their values there,
    # so that a knowledge base re-reads the same weights against its own probes.
    _, probes, quick_probes = probe_rankings(state, searcher.encoders)

    def fit_all(chosen: list[int]) -> dict[str, SystemModel]:
        sub = [questions[i] for i in chosen]
        subr = [rankings[i] for i in chosen]
        models = {system: fit(system, sub, subr, encoders, probes) for system in SYSTEMS}
        models[QUICK] = fit_quick(
            sub, [quick_rankings[i] for i in chosen], subr, models["fused"], cheap, quick_probes
        )
        return models

    figures: dict[str, list] = {name: [] for name in (*SYSTEMS, "served")}
    early = []
    for fold in (0, 1):
        train = [i for i, q in enumerate(questions) if q.fold != fold]
        test = [i for i, q in enumerate(questions) if q.fold == fold]
        models = fit_all(train)
        tq, tr = [questions[i] for i in test], [rankings[i] for i in test]
        for system in SYSTEMS:
            figures[system].append(score(models[system], tq, tr))
        served, share = score_served(
            models[QUICK], models["fused"], tq, [quick_rankings[i] for i in test], tr
        )
        figures["served"].append(served)
        early.append(share)
    heldout = {
        name: {key: round(float(np.mean([getattr(f, key) for f in got])), 4) for key in FIGURES}
        for name, got in figures.items()
    }
    heldout["served"]["answered_early"] = round(float(np.mean(early)), 4)
    return fit_all(list(range(len(questions)))), heldout
