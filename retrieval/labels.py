"""Staff-labelled traffic, and re-calibration that uses it only when it does better.

Labels come from the workbench (``bot`` reads its tables and passes plain
values): an unanswered question staff *attached* to an item is that item's
question; one they *dismissed* is out of scope; a 好评 (score 4–5) confirms the
item that was answered. A 差评 says the answer was poor, not which item was
right, so it labels nothing by itself (staff attach or dismiss the question).

:func:`compare` scores the models in use on the labelled questions (before),
and models refitted on the labels, still reading their features against this
knowledge base's probes (after: each half of the labels scored by a fit on the
other half, so "after" is never graded on its own training questions). A
re-calibration is refused when after costs more than before by the
calibration's cost table, or answers more in-scope questions confidently and
wrongly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from retrieval.calibrate import served_outcomes
from retrieval.evaluate import Metrics, Outcome, Question, load_questions, metrics
from retrieval.fusion import QUICK, SystemModel
from retrieval.probes import Asked, labelled_rankings, probe_rankings
from retrieval.selfcal import referenced, refit

GOOD_SCORES = (4, 5)
# "After" may answer at most this share more in-scope questions confidently and wrongly.
WRONG_TOLERANCE = 0.0


def read_labels(path: Path) -> list[Question]:
    return load_questions(path) if Path(path).exists() else []


def write_labels(path: Path, questions: Iterable[Question]) -> None:
    lines = [json.dumps({"q": q.q, "item": q.item}, ensure_ascii=False) for q in questions]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")


def labels_from_workbench(
    unanswered: Iterable[tuple[str, str, str | None]],
    ratings: Iterable[tuple[str | None, int, str | None]] = (),
) -> list[Question]:
    """Labelled questions from (text, status, item id) of unanswered questions and
    (question, score, item id) of ratings; one label per distinct question, staff first."""
    out: dict[str, Question] = {}
    for text, status, item in unanswered:
        if status == "attached" and item:
            out.setdefault(text.strip(), Question(text.strip(), item, None))
        elif status == "dismissed":
            out.setdefault(text.strip(), Question(text.strip(), None, None))
    for question, score, item in ratings:
        if question and item and score in GOOD_SCORES:
            out.setdefault(question.strip(), Question(question.strip(), item, None))
    return [q for q in out.values() if q.q]


@dataclass
class Recalibration:
    """Before and after on the labelled questions, and whether the new models are better.

    ``models`` are the re-calibrated models whenever labels were enough to fit them,
    refused ones included (``onetrip calibrate --force`` takes them anyway).
    """

    before: Metrics
    after: Metrics
    cost_before: float
    cost_after: float
    accepted: bool
    reason: str
    models: dict[str, SystemModel] | None = None

    def table(self) -> str:
        """The figures staff judge a re-calibration by, before and after, side by side."""
        rows = (
            ("答对（首选事项正确）", "top1", self.before.n_in),
            ("可答却未直接回答", "false_rejected", self.before.n_in),
            ("范围外问题被拒答", "oos_rejected", self.before.n_oos),
            ("自信地答错", "wrong_confident", self.before.n_in),
        )
        lines = [f"{'':16s}{'before':>10s}{'after':>10s}  问题数"]
        for title, key, n in rows:
            old, new = getattr(self.before, key) * 100, getattr(self.after, key) * 100
            lines.append(f"{title:\u3000<12s}{old:9.1f}%{new:9.1f}%  {n}")
        lines.append(f"每题代价（代价表）{self.cost_before:9.3f}{self.cost_after:10.3f}")
        verdict = "可以采用新的校准" if self.accepted else "未采用新的校准"
        return "\n".join(lines) + f"\n{verdict}：{self.reason}"


def _subset(asked: Asked, keep: list[int]) -> Asked:
    return tuple([part[i] for i in keep] for part in asked)  # type: ignore[return-value]


def compare(
    state,
    encoders: list,
    current: dict[str, SystemModel],
    base: dict[str, SystemModel],
    labelled: list[Question],
) -> Recalibration:
    """The current models against a re-calibration with ``labelled``, on ``labelled``."""
    labels = labelled_rankings(state, encoders, labelled)
    if not labels[0]:
        empty = Metrics()
        return Recalibration(empty, empty, 0.0, 0.0, False, "没有可用的已标注问题")
    questions = labels[0]
    outs_before, _, loss_before = served_outcomes(
        current[QUICK], current["fused"], questions, labels[2], labels[1]
    )
    before = metrics(questions, outs_before)
    probes = probe_rankings(state, encoders)
    start = referenced(base, probes) if probes[0] else base
    outs_after: list[Outcome | None] = [None] * len(questions)
    loss_after = np.zeros(len(questions))
    for fold in (0, 1):
        train = [i for i, q in enumerate(questions) if q.fold != fold]
        test = [i for i, q in enumerate(questions) if q.fold == fold]
        if not test:
            continue
        models = refit(start, probes, _subset(labels, train), encoders) or current
        part = _subset(labels, test)
        outs, _, loss = served_outcomes(models[QUICK], models["fused"], part[0], part[2], part[1])
        for i, out, cost in zip(test, outs, loss, strict=True):
            outs_after[i], loss_after[i] = out, cost
    after = metrics(questions, outs_after)  # type: ignore[arg-type]
    cost_before, cost_after = float(loss_before.mean()), float(loss_after.mean())
    final = refit(start, probes, labels, encoders)
    if final is None:
        return Recalibration(before, after, cost_before, cost_after, False, "标注问题不足以拟合")
    reason = refusal(before, after, cost_before, cost_after)
    if reason is not None:
        # the refused models ride along, for staff who take them anyway (``--force``)
        return Recalibration(before, after, cost_before, cost_after, False, reason, final)
    return Recalibration(before, after, cost_before, cost_after, True, "代价不高于原模型", final)


def refusal(before: Metrics, after: Metrics, cost_before: float, cost_after: float) -> str | None:
    """Why the re-calibrated models are worse (then they are refused); None when they are not."""
    if cost_after > cost_before + 1e-9:
        return "新模型在已标注问题上的代价更高"
    if after.wrong_confident > before.wrong_confident + WRONG_TOLERANCE + 1e-9:
        return "新模型自信答错的比例更高"
    return None
