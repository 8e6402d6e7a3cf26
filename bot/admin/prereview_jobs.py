"""The pre-reviews a conversation started, as staff see them when they follow it up.

A clerk who calls a citizen back wants the notice's findings and the pre-filled form
(一表申请) side by side: each material's status, and each form field with its value
and the document it was read from, or why it stays blank. Staff see the stored
result, which has personal data masked (``ReviewResult.to_json(mask=True)``): enough
to talk the applicant through the form, no full ID number on a shared screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.jobs import DONE, FAILED, PrereviewJobs
from bot.jobs.service import BUNDLE_PREFIX
from bot.services.conversation_jobs import ChatJobRow
from knowledge.db import make_sessionmaker
from prereview import BundleReviewResult, CombinedMaterialResult, ReviewResult
from prereview.result import (
    DEFECTIVE,
    MISSING,
    NOT_APPLICABLE,
    STATUS_WORDS,
    MaterialResult,
    PrefillForm,
)

JOB_STATUS_WORDS = {DONE: "已完成", FAILED: "未完成", "queued": "排队中", "running": "预审中"}


@dataclass
class FormRow:
    label: str
    value: str | None
    source: str | None
    note: str | None


@dataclass
class FormView:
    title: str
    rows: list[FormRow]


@dataclass
class MaterialView:
    name: str
    status: str  # in words
    problem: bool  # 需补正 or 缺少: what the clerk has to raise
    detail: str  # problems, or the items a shared document serves


@dataclass
class JobView:
    """One pre-review of the conversation: what it was for, its findings, its forms."""

    id: str
    subject: str  # the item's or the bundle's name
    created_at: dt.datetime
    status: str
    complete: bool | None = None
    error: str | None = None
    materials: list[MaterialView] = field(default_factory=list)
    forms: list[FormView] = field(default_factory=list)


def _forms(prefill: list[PrefillForm], prefix: str = "") -> list[FormView]:
    return [
        FormView(
            f"{prefix}{form.name}",
            [FormRow(x.label, x.value, x.source, x.note) for x in form.fields],
        )
        for form in prefill
    ]


def _applicable(result: ReviewResult | BundleReviewResult) -> list:
    """The materials that apply to this application (不适用 ones are not shown)."""
    return [m for m in result.materials if m.status != NOT_APPLICABLE]


def _material_view(material: MaterialResult | CombinedMaterialResult, detail: str) -> MaterialView:
    """A material as the clerk reads it: its status in words, and whether to raise it."""
    return MaterialView(
        material.name,
        STATUS_WORDS.get(material.status, material.status),
        material.status in (DEFECTIVE, MISSING),
        detail,
    )


def _item_view(view: JobView, result: ReviewResult) -> None:
    view.subject = result.item_name
    view.complete = result.complete
    view.materials = [_material_view(m, "；".join(m.problems)) for m in _applicable(result)]
    view.forms = _forms(result.prefill)


def _bundle_view(view: JobView, result: BundleReviewResult) -> None:
    view.subject = result.bundle_name
    view.complete = result.complete
    view.materials = [
        _material_view(m, "；".join(m.problems) or "、".join(m.item_names))
        for m in _applicable(result)
    ]
    view.forms = [form for r in result.reviewed() for form in _forms(r.prefill, f"{r.item_name}：")]


def _subject(jobs: PrereviewJobs, linked: str) -> str:
    """The name of what a job reviews, from its link (``item`` or ``bundle:ID``)."""
    if linked.startswith(BUNDLE_PREFIX):
        bundle = jobs.store.get_bundle(linked.removeprefix(BUNDLE_PREFIX))
        return bundle.name if bundle else linked
    guide = jobs.store.get(linked)
    return guide.name if guide else linked


def conversation_jobs(jobs: PrereviewJobs, key: str) -> list[JobView]:
    """The pre-reviews conversation ``key`` started, newest first (purged ones are gone)."""
    with make_sessionmaker(jobs.store.engine)() as session:
        rows = session.execute(
            select(ChatJobRow.job_id, ChatJobRow.item_id, ChatJobRow.created_at)
            .where(ChatJobRow.session_key == key)
            .order_by(ChatJobRow.created_at.desc())
        ).all()
    views = []
    for job_id, subject, created_at in rows:
        job = jobs.get_job(job_id)
        if job is None:
            continue
        status = JOB_STATUS_WORDS.get(job.status, job.status)
        view = JobView(job_id, _subject(jobs, subject), created_at, status)
        view.error = job.error
        if isinstance(job.result, BundleReviewResult):
            _bundle_view(view, job.result)
        elif job.result is not None:
            _item_view(view, job.result)
        views.append(view)
    return views
