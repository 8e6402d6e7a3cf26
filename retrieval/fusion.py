"""Fusing rankers and turning the result into a calibrated confidence.

Ranking: reciprocal-rank fusion (RRF) of the system's rankers, averaged so the
scale does not depend on how many rankers there are, plus a small bonus for
how much of the item's official name the question contains. Confidence: a
logistic model over a handful of general signals of the top item — do the
rankers agree, how far ahead is it, how much of the question's informative
wording does the item contain, how close are its vectors. On the development
questions RRF ranked better than a linear blend of normalised scores (top-1
97.1 % against 96.7 % before the name bonus), so RRF it is; its constant, the
name bonus and the logistic weights are fitted by ``retrieval.fit_shipped`` (rules in ``retrieval.calibrate``) and
live in ``data/calibration.json``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

import numpy as np

from retrieval.acts import acts, aside_words, item_acts
from retrieval.offices import named_office
from retrieval.ranking import LEXICAL, Query, Ranking
from retrieval.yesno import kind_of

CALIBRATION = Path(__file__).resolve().parent / "data" / "calibration.json"
SYSTEMS = ("bm25", "vector", "fused")
# The first stage of the served cascade: lexical rankers and the cheap encoders only.
# When it is sure, the answer is given without the expensive encoder; otherwise
# the question goes on to the fused system.
QUICK = "quick"


@dataclass(frozen=True)
class SystemModel:
    """How one system (BM25-only, vector-only, fused) ranks and how sure it is."""

    lexical: bool = True
    vector: bool = True
    rrf_k: float = 10.0
    name_weight: float = 0.05
    features: tuple[str, ...] = ()
    mean: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    coef: tuple[float, ...] = ()
    intercept: float = 0.0
    answer_at: float = 0.5  # confidence needed for a direct answer
    unsure_at: float = 0.2  # below this: not found
    encoders: tuple[str, ...] = ()  # when set, the only encoders whose rankings count
    # Per feature, quantiles of its value over this knowledge base's probe questions
    # (``retrieval.probes``): the logistic model reads a feature as its percentile
    # there, so the same weights mean the same on any knowledge base. Empty: raw.
    reference: tuple[tuple[float, ...], ...] = ()

    def rankers(self, ranking: Ranking) -> list[str]:
        names = [n for n in ranking.scores if n != "name"]
        return [
            n
            for n in names
            if (n in LEXICAL and self.lexical)
            or (n not in LEXICAL and self.vector and (not self.encoders or n in self.encoders))
        ]


def default_model(system: str) -> SystemModel:
    """Used before any calibration exists: equal RRF, confidence from agreement only.

    An uncalibrated quick stage never answers on its own (``answer_at`` above 1).
    """
    lexical = system != "vector"
    vector = system != "bm25"
    if system == QUICK:
        return SystemModel(answer_at=2.0, unsure_at=0.0)
    return SystemModel(
        lexical=lexical,
        vector=vector,
        features=("agree",),
        mean=(0.5,),
        scale=(0.25,),
        coef=(2.0,),
        intercept=0.0,
        answer_at=0.6,
        unsure_at=0.3,
    )


def fused_scores(ranking: Ranking, model: SystemModel) -> np.ndarray:
    rankers = model.rankers(ranking)
    n = len(ranking.candidates)
    total = np.zeros(n, np.float64)
    for name in rankers:
        scores = ranking.scores[name]
        order = np.argsort(-scores, kind="stable")
        ranks = np.empty(n)
        ranks[order] = np.arange(n)
        total += 1.0 / (model.rrf_k + ranks)
    if rankers:
        total /= len(rankers)
    if model.lexical and "name" in ranking.scores:
        total += model.name_weight * ranking.scores["name"]
    if model.lexical and len(total):
        _lift_office(ranking, total)
    return total


def _lift_office(ranking: Ranking, total: np.ndarray) -> None:
    """The one item whose office a where/when/phone question names goes first, when the
    question says nothing but the office.

    "北湖区应急局审批窗口电话" names the office, not the item; the rankers see only a
    district and a window, which every item of the district shares, so the item is
    often second or third. The question itself says which item it is about. A question
    that says more ("卫健委管医生注册的窗口") is left to the rankers.
    """
    if ranking.state is None:
        return
    item, only = _office(ranking.query, ranking.state)
    if item is None or not only:
        return
    where = np.flatnonzero(ranking.candidates == item)
    if len(where) and total[where[0]] < total.max():
        total[where[0]] = total.max() * (1.0 + 1e-6) + 1e-12


def signals(ranking: Ranking, fused: np.ndarray, model: SystemModel, state) -> dict[str, float]:
    """General evidence about the top item (index ``argmax(fused)`` among candidates)."""
    if len(fused) == 0:
        return {}
    order = np.argsort(-fused, kind="stable")
    top = int(order[0])
    item = int(ranking.candidates[top])
    rankers = model.rankers(ranking)
    agree = [int(np.argmax(ranking.scores[r]) == top) for r in rankers]
    second = fused[order[1]] if len(order) > 1 else 0.0
    out = {
        "agree": float(np.mean(agree)) if agree else 0.0,
        "margin": float((fused[top] - second) / fused[top]) if fused[top] > 0 else 0.0,
    }
    if model.lexical:
        lexical = ranking.memo.get(item)
        if lexical is None:
            lexical = ranking.memo[item] = {
                "covw": state.words.coverage(ranking.query.words, item),
                "covc": state.chars.coverage(ranking.query.chars, item),
                "covs": state.sounds.coverage(ranking.query.sounds, item),
                "miss": state.words.missing(ranking.query.words, item),
            }
        out.update(lexical)
        out["name"] = float(ranking.scores["name"][top])
    for name in rankers:
        if name not in LEXICAL:
            out[f"cos:{name}"] = float(ranking.scores[name][top])
    out[ACT_UNNAMED] = float(_act_unnamed(ranking.query, state.guides[item]))
    out[ASIDE] = float(_aside(ranking.query, state, item))
    out[OFFICE] = float(_office(ranking.query, state)[0] == item)
    return out


# Signal: the question asks for an act (补领, 注销, 备案, 验收…; ``retrieval.acts``) its top
# item's guide never provides for. Not a feature of the logistic model (the sample questions hardly ever
# show it, so no weight could be learned): a gate in :func:`confidence`.
ACT_UNNAMED = "act_unnamed"


def _act_unnamed(query: Query, guide) -> bool:
    asked = query.computed.get(ACT_UNNAMED)
    if asked is None:
        asked = query.computed[ACT_UNNAMED] = acts(query.text)
    return bool(asked) and not asked <= item_acts(guide)


# Signal: the question asks to do something its top item's guide names only to send it
# elsewhere ("旅行社想增加出境业务" where the guide says "申请出境旅游业务的……不适用本事
# 项"; ``retrieval.acts.aside_words``). A gate like the act gate, for the same reason.
# A question that asks *whether* ("新开的旅行社能直接做出境游吗") is about this item's
# rule and is left alone; so are words most items use.
ASIDE = "aside"
_ASIDE_CACHE = "_aside_words"  # on the index state: per item position, built when first asked
_COMMON = math.log(2.0)  # idf of a word in about half the items
# A yes/no question ("…也在市里办吗") asks whether this item covers the case; a question
# asking how, what or where to do it asks for the other service.
_WHETHER = re.compile(r"吗|是否|能不能|能否|可不可以|可否|要不要|需不需要|行不行|是不是|有没有")


def _aside_words(state, item: int) -> frozenset[str]:
    table = getattr(state, _ASIDE_CACHE, None)
    if table is None:
        table = {}
        setattr(state, _ASIDE_CACHE, table)
    if item not in table:
        table[item] = aside_words(state.guides[item], state.tokenizer.tokens)
    return table[item]


def _aside(query: Query, state, item: int) -> bool:
    words = query.computed.get(ASIDE)
    if words is None:
        unique = [w for w in dict.fromkeys(query.words) if len(w) >= 2]
        whole = [w for w in unique if not any(w in v and w != v for v in unique)]
        asks_whether = kind_of(query.text) is not None or bool(_WHETHER.search(query.text))
        words = query.computed[ASIDE] = () if asks_whether else tuple(whole)
    rare = [w for w in words if state.words.idf(w) >= _COMMON]
    return bool(rare) and not _aside_words(state, item).isdisjoint(rare)


# Signal: the question asks where, when or how to reach an office that is the office of
# this one item only ("渔政站几点开门"; ``retrieval.offices``). Not a feature either (the
# sample questions name items, not offices): a floor in :func:`confidence`.
OFFICE = "office"


def _office(query: Query, state) -> tuple[int | None, bool]:
    """The item whose office the question names, and whether it names nothing else."""
    if OFFICE not in query.computed:
        query.computed[OFFICE] = named_office(state, query.text, query.words)
    return query.computed[OFFICE]  # type: ignore[return-value]


# Features read as they are: the share of rankers agreeing is already scale-free.
RAW_FEATURES = ("agree",)
QUANTILES = 21


def percentile(value: float, quantiles: tuple[float, ...]) -> float:
    """Where ``value`` falls among a feature's reference quantiles (0–1, ties halved)."""
    ref = np.asarray(quantiles)
    low = np.searchsorted(ref, value, "left")
    high = np.searchsorted(ref, value, "right")
    return float((low + high) / 2 / len(ref))


def feature_values(values: dict[str, float], model: SystemModel) -> list[float | None]:
    """The model's features of one question, as percentiles where a reference exists."""
    out: list[float | None] = []
    for i, name in enumerate(model.features):
        value = values.get(name)
        ref = model.reference[i] if i < len(model.reference) else ()
        out.append(None if value is None else percentile(value, ref) if ref else value)
    return out


def reference_of(rows: list[dict[str, float]], features: tuple[str, ...]) -> tuple:
    """Quantiles of each feature over ``rows`` (the probes' signals); raw ones get none."""
    grid = np.linspace(0, 100, QUANTILES)
    out = []
    for name in features:
        seen = [r[name] for r in rows if name in r]
        if name in RAW_FEATURES or not seen:
            out.append(())
        else:
            out.append(tuple(float(v) for v in np.percentile(seen, grid)))
    return tuple(out)


def confidence(values: dict[str, float], model: SystemModel) -> float:
    """Probability that the top item is the right one (logistic over the signals).

    When the top item's guide never names the act asked for, or names what the question
    asks to do only to send it elsewhere, the confidence is
    held halfway between the model's two thresholds: the citizen is offered the
    candidates (the sibling service may be among them, or is not in this knowledge
    base) instead of a confident answer about the wrong service. When the question
    asks where, when or how to reach the office of this one item only, the
    confidence is at least the answer threshold: the reply gives that office.
    """
    z = model.intercept
    features = feature_values(values, model)
    for value, mean, scale, coef in zip(features, model.mean, model.scale, model.coef, strict=True):
        if value is not None:  # an encoder not calibrated for counts as average
            z += coef * (value - mean) / (scale or 1.0)
    p = 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))
    if values.get(ACT_UNNAMED) or values.get(ASIDE):
        p = min(p, (model.answer_at + model.unsure_at) / 2)
    elif values.get(OFFICE):
        p = max(p, model.answer_at)
    return p


def models_to_data(models: dict[str, SystemModel]) -> dict:
    return {name: asdict(m) for name, m in models.items()}


def models_from_data(systems: dict) -> dict[str, SystemModel]:
    """Models per system from their saved form; defaults for any system not saved."""
    models = {name: default_model(name) for name in (*SYSTEMS, QUICK)}
    for name, saved in systems.items():
        raw = dict(saved)
        for key in ("features", "mean", "scale", "coef", "encoders"):
            raw[key] = tuple(raw.get(key, ()))
        raw["reference"] = tuple(tuple(q) for q in raw.get("reference", ()))
        models[name] = SystemModel(**raw)
    return models


def save_models(models: dict[str, SystemModel], info: dict, path: Path = CALIBRATION) -> None:
    data = {"info": info, "systems": models_to_data(models)}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@cache
def load_models(path: Path = CALIBRATION) -> dict[str, SystemModel]:
    """The shipped models (fitted on the samples' labelled questions), used until a
    knowledge base has calibrated its own, and as the start for systems it cannot fit."""
    if not path.exists():
        return models_from_data({})
    return models_from_data(json.loads(path.read_text(encoding="utf-8")).get("systems", {}))
