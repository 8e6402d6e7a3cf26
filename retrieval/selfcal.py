"""Self-calibration (自校准) of one knowledge base at index build, without labelled traffic.

A confidence model fitted on the project's sample guides does not transfer as
it is: cosine levels, name styles, how many near-duplicate items there are and
so how far ahead a right answer usually is all differ between knowledge bases.
The shipped models (``retrieval.calibrate`` on the samples' labelled
questions) therefore read every signal *relative to the knowledge base*: as its
percentile among the signals of that knowledge base's probe questions
(``retrieval.probes``), margins and agreement included. At every index build
this module asks the new knowledge base its own probe questions and sets that
reference distribution, so the same weights and the same cost-placed
thresholds mean "as far above what is usual *here*" on any knowledge base.

When staff have labelled traffic (``labelled``), the weights and thresholds are
refitted on it by the same cost table, still read against this knowledge
base's probes; ``retrieval.labels`` decides whether such a refit is kept.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from retrieval.calibrate import fit, fit_quick, place_early_answer, with_reference
from retrieval.evaluate import Question
from retrieval.fusion import QUICK, SYSTEMS, SystemModel
from retrieval.probes import Asked, labelled_rankings, probe_rankings

# Fewer labelled questions than this (or none of one kind) fit nothing: a refit on a
# handful of questions is noise, and the re-calibration would refuse it anyway.
MIN_LABELLED = 30


def referenced(models: dict[str, SystemModel], probes: Asked) -> dict[str, SystemModel]:
    """``models`` reading their features against these probes (the quick stage: its own)."""
    questions, full, quick = probes
    out = dict(models)
    for system in SYSTEMS:
        out[system] = with_reference(models[system], full)
    out[QUICK] = with_reference(models[QUICK], quick)
    if out[QUICK].answer_at <= 1.0:  # a calibrated quick stage: where early answers pay, here
        out[QUICK] = place_early_answer(out[QUICK], out["fused"], questions, quick, full)
    return out


def refit(
    models: dict[str, SystemModel], probes: Asked, labels: Asked, encoders: list
) -> dict[str, SystemModel] | None:
    """Weights and thresholds refitted on labelled questions (fusion settings kept)."""
    questions, full, quick = labels
    if len(questions) < MIN_LABELLED or all(q.item for q in questions):
        return None
    if not any(q.item for q in questions):
        return None
    names = [e.name for e in encoders]
    cheap = [e.name for e in encoders if e.cheap]
    out = dict(models)
    for system in SYSTEMS:
        # without encoders the fused system is lexical: refitted all the same
        if system != "vector" or names:
            out[system] = fit(system, questions, full, names, probes[1], models[system])
    if cheap and len(cheap) < len(names):
        out[QUICK] = fit_quick(questions, quick, full, out["fused"], cheap, probes[2])
    return out


def calibration_stamp(calibration: dict) -> str:
    """What identifies a saved calibration: its models and the labels they were fitted on.

    A running server compares it with the one in use to take up a calibration that
    another process (``onetrip calibrate``) published, without a restart.
    """
    body = json.dumps([calibration.get("systems"), calibration.get("labels")], sort_keys=True)
    return hashlib.sha256(body.encode()).hexdigest()[:16]


def self_calibrate(
    state,
    encoders: list,
    shipped: dict[str, SystemModel],
    labelled: Sequence[Question] = (),
) -> tuple[dict[str, SystemModel], dict] | None:
    """Models for this knowledge base, and what they were set on; None if too small to probe."""
    probes = probe_rankings(state, encoders)
    if not probes[0]:
        return None
    models = referenced(shipped, probes)
    labels = labelled_rankings(state, encoders, list(labelled))
    refitted = refit(models, probes, labels, encoders) if labels[0] else None
    info = {
        "probes": len(probes[0]),
        "probes_out_of_scope": sum(not q.item for q in probes[0]),
        "labelled": len(labels[0]) if refitted else 0,
    }
    return refitted or models, info
