"""The jobs service: submit, run, look up and purge pre-review jobs.

A job row holds what was asked (item, situations, applicant, uploaded files
under random names) and, once done, the result with ID numbers masked; the full
result is kept only sealed to the owner (:mod:`bot.jobs.sealing`). Jobs still
queued or running when the process stops are queued again at start-up.

Jobs run in this process's thread pool by default; given a :class:`JobQueue`,
worker processes run them through :meth:`PrereviewJobs.run`, which takes a job
id only and reads everything else from the database. A job is claimed
(queued → running) in one UPDATE, so a job queued twice still runs once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import InvalidToken
from sqlalchemy import func, select, update

from bot.jobs._logging import log
from bot.jobs.admission import Admission
from bot.jobs.lanes import JobLanes, job_pages
from bot.jobs.queue import JobQueue, QueueUnavailable
from bot.jobs.sealing import new_seal, seal, token_hash, unseal
from bot.jobs.tables import JobRow
from knowledge import Store
from knowledge.db import make_sessionmaker, utcnow
from prereview import (
    BundleReviewResult,
    Reviewer,
    ReviewResult,
    bundle_sources,
    is_bundle_json,
    review_bundle,
)
from prereview.review import china_today

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
FAILED_MESSAGE = "预审过程中出现错误，请稍后重试，或直接到窗口咨询"
QUEUE_DOWN_MESSAGE = "预审服务暂时不可用，请稍后重试，或直接到窗口咨询"
# A bundle's job keeps ``bundle:ID`` where an item's keeps its id (bundle ids never equal
# item ids, and old rows stay as they are: no new column, no migration).
BUNDLE_PREFIX = "bundle:"
AnyResult = ReviewResult | BundleReviewResult

# A file of a job: a path to copy, (name, content) to write, or (name, path) to move in.
JobFile = Path | tuple[str, bytes] | tuple[str, Path]


@dataclass(frozen=True)
class PrereviewJob:
    """A job as callers see it; ``result`` is full only for the owner's token."""

    id: str
    item: str  # empty for a bundle's job
    status: str
    result: AnyResult | None
    masked: bool
    error: str | None
    owner: str | None
    created_at: dt.datetime
    finished_at: dt.datetime | None
    bundle: str | None = None  # the 一件事 reviewed, for a bundle's job

    @property
    def finished(self) -> bool:
        return self.status in (DONE, FAILED)


OnDone = Callable[[PrereviewJob, AnyResult | None], None]


class PrereviewJobs:
    """Submit, run, look up and purge pre-review jobs.

    Jobs run in this process's thread pool, or, given a ``queue``, in worker
    processes that take them from it.
    """

    def __init__(
        self,
        store: Store,
        reviewer: Reviewer,
        uploads: Path,
        retention_days: int = 7,
        executor: Executor | None = None,
        queue: JobQueue | None = None,
        *,
        threads: int = 2,
        small_pages: int = 3,
        admission: Admission | None = None,
    ) -> None:
        self.store = store
        self.reviewer = reviewer
        self.uploads = uploads
        self.retention = dt.timedelta(days=retention_days)
        self.admission = admission
        self._sessions = make_sessionmaker(store.engine)
        # An executor of the caller's (tests, benchmarks) runs jobs in its own order;
        # otherwise the lanes do (bot.jobs.lanes), built only when jobs run here.
        self._executor = executor
        self._lanes = (
            JobLanes(self._run_logged, threads, small_pages)
            if executor is None and queue is None
            else None
        )
        self.queue = queue
        self._callbacks: list[OnDone] = []

    # -- submitting ------------------------------------------------------------------------

    def on_done(self, callback: OnDone) -> None:
        """Call ``callback(job, full_result)`` when a job finishes (result None when it failed)."""
        self._callbacks.append(callback)

    def submit_job(
        self,
        item_id: str,
        files: list[JobFile],
        situations: dict[str, bool] | None = None,
        applicant: str | None = None,
        *,
        today: dt.date | None = None,
        owner_token: str | None = None,
        owner: str | None = None,
        parties: list[str] | None = None,
        bundle: bool = False,
    ) -> str:
        """Store the files under random names and queue the review; returns the job id.

        ``files`` are paths (copied), ``(name, content)`` pairs (written) or
        ``(name, path)`` pairs of files already stored under ``ONETRIP_HOME`` (moved
        in, not copied: a chat's collected photos are written once). ``owner_token``
        (see :func:`bot.jobs.new_token`) lets its holder see the unmasked result
        later; ``owner`` is an opaque reference for the caller (a chat session key).
        ``parties`` (``conversation:…``, ``address:…``) are charged the job and its pages
        against their quotas; raises :class:`bot.jobs.admission.Refused`, with nothing
        stored or moved, when the queue is full or a quota is used up.
        With ``bundle``, ``item_id`` is a bundle's id and ``situations`` its keys that
        apply (``{key: True}``; None: not asked), reviewed by ``review_bundle``.
        """
        pages = job_pages([_content(item) for item in files], self.reviewer.limits.max_pages)
        if self.admission is not None:
            self.admission.admit(self.waiting(), pages, parties or [])
        job_id = secrets.token_hex(16)
        folder = self.uploads / job_id
        folder.mkdir(parents=True, exist_ok=True)
        stored = [_store_file(item, folder / secrets.token_hex(12)) for item in files]
        seal_key, seal_secret = new_seal(owner_token, job_id) if owner_token else (None, None)
        with self._sessions.begin() as session:
            session.add(
                JobRow(
                    id=job_id,
                    item_id=f"{BUNDLE_PREFIX}{item_id}" if bundle else item_id,
                    status=QUEUED,
                    situations=situations,
                    applicant=applicant,
                    review_date=today,
                    files=stored,
                    owner=owner,
                    token_hash=token_hash(owner_token) if owner_token else None,
                    seal_key=seal_key,
                    seal_secret=seal_secret,
                    created_at=utcnow(),
                )
            )
        log.info(
            "prereview job %s queued: item %s, %d files, %d pages",
            job_id,
            item_id,
            len(stored),
            pages,
        )
        self._dispatch(job_id, pages)
        return job_id

    def waiting(self) -> int:
        """Jobs queued or running, in every process sharing the database."""
        query = select(func.count()).select_from(JobRow)
        with self._sessions() as session:
            return session.scalar(query.where(JobRow.status.in_((QUEUED, RUNNING)))) or 0

    def requeue_pending(self) -> int:
        """Queue again the jobs a stopped process left queued or running.

        With a task queue, jobs it still holds (waiting, or running in a worker)
        are left alone: only those it lost are queued again.
        """
        with self._sessions() as session:
            rows = session.execute(
                select(JobRow.id, JobRow.files).where(JobRow.status.in_((QUEUED, RUNNING)))
            )
            files = {job_id: stored for job_id, stored in rows}
        ids = list(files)
        if self.queue is not None and ids:
            try:
                ids = [job_id for job_id in ids if not self.queue.holds(job_id)]
            except QueueUnavailable as exc:
                log.error("prereview jobs not requeued, the task queue is unreachable: %s", exc)
                return 0
        with self._sessions.begin() as session:
            session.execute(update(JobRow).where(JobRow.id.in_(ids)).values(status=QUEUED))
        max_pages = self.reviewer.limits.max_pages
        for job_id in ids:
            paths = [Path(f["path"]) for f in files[job_id] or [] if Path(f["path"]).exists()]
            self._dispatch(job_id, job_pages(paths, max_pages))
        if ids:
            log.info("requeued %d prereview jobs", len(ids))
        return len(ids)

    def _dispatch(self, job_id: str, pages: int) -> None:
        """Hand a queued job to the lanes (or the caller's executor), or to the task queue."""
        if self._lanes is not None:
            self._lanes.submit(job_id, pages)
            return
        if self._executor is not None:
            self._executor.submit(self._run_logged, job_id)
            return
        try:
            self.queue.enqueue(job_id)
        except QueueUnavailable as exc:
            log.error("prereview job %s could not be queued: %s", job_id, exc)
            self._finish(job_id, None, QUEUE_DOWN_MESSAGE)

    # -- running ---------------------------------------------------------------------------

    def _run_logged(self, job_id: str) -> None:
        try:
            self.run(job_id)
        except Exception:
            log.exception("prereview job %s crashed", job_id)

    def run(self, job_id: str) -> AnyResult | None:
        """Run one queued job to the end (what the thread pool and queue workers call).

        A job that is not queued (running elsewhere, finished, purged) is left alone.
        """
        with self._sessions.begin() as session:
            claimed = session.execute(
                update(JobRow)
                .where(JobRow.id == job_id, JobRow.status == QUEUED)
                .values(status=RUNNING, started_at=utcnow())
            )
            if not claimed.rowcount:
                return None
            row = session.get(JobRow, job_id)
            request = (row.item_id, row.files, row.situations, row.applicant, row.review_date)
        item_id, files, situations, applicant, today = request
        if item_id.startswith(BUNDLE_PREFIX):
            found, error = self._run_bundle(job_id, item_id.removeprefix(BUNDLE_PREFIX), request)
            self._finish(job_id, found, error)
            return found
        result: ReviewResult | None = None
        error: str | None = None
        guide = self.store.get(item_id)
        if guide is None:
            error = f"没有编号为 {item_id} 的事项"
        else:
            try:
                result = self.reviewer.review(
                    guide,
                    [Path(f["path"]) for f in files],
                    situations,
                    applicant,
                    today,
                    names=[f["name"] for f in files],
                    number=f"YS{(today or china_today()):%Y%m%d}{job_id[:6].upper()}",
                )
            except Exception as exc:
                log.error("prereview job %s failed: %r", job_id, exc)
                error = FAILED_MESSAGE
        self._finish(job_id, result, error)
        return result

    def _run_bundle(
        self, job_id: str, bundle_id: str, request: tuple
    ) -> tuple[BundleReviewResult | None, str | None]:
        """A bundle's job: the same uploads against each of its items (result, error)."""
        _, files, situations, applicant, today = request
        bundle = self.store.get_bundle(bundle_id)
        if bundle is None:
            return None, f"没有编号为 {bundle_id} 的一件事"
        try:
            guides, bundles = bundle_sources(bundle, self.store.get, self.store.get_bundle)
            result = review_bundle(
                bundle,
                guides,
                [Path(f["path"]) for f in files],
                None if situations is None else [k for k, on in situations.items() if on],
                applicant,
                today,
                self.reviewer.ocr,
                bundles=bundles,
                names=[f["name"] for f in files],
                limits=self.reviewer.limits,
                number=f"YS{(today or china_today()):%Y%m%d}{job_id[:6].upper()}",
            )
        except Exception as exc:
            log.error("prereview job %s failed: %r", job_id, exc)
            return None, FAILED_MESSAGE
        return result, None

    def _finish(self, job_id: str, result: AnyResult | None, error: str | None) -> None:
        """Store the outcome (failed when ``result`` is None) and call the on_done callbacks."""
        with self._sessions.begin() as session:
            row = session.get(JobRow, job_id)
            if row is None:  # purged meanwhile
                return
            row.finished_at = utcnow()
            if result is None:
                row.status, row.error = FAILED, error
            else:
                row.status = DONE
                row.result = result.to_json(mask=True)
                if row.seal_key:
                    payload = json.dumps(result.to_json(), ensure_ascii=False).encode()
                    row.sealed = seal(payload, row.seal_key)
            job = _job(row, result, masked=False)
        log.info("prereview job %s %s", job_id, job.status)
        for callback in self._callbacks:
            try:
                callback(job, result)
            except Exception:
                log.exception("prereview on_done callback failed for job %s", job_id)

    # -- reading ---------------------------------------------------------------------------

    def get_job(self, job_id: str, token: str | None = None) -> PrereviewJob | None:
        """The job; its result unmasked when ``token`` is the owner's, else masked.

        Raises PermissionError for a wrong token (a right one is needed to unmask).
        """
        with self._sessions() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                return None
            if token is not None and (
                row.token_hash is None or row.token_hash != token_hash(token)
            ):
                raise PermissionError("wrong job token")
            if row.result is None:
                return _job(row, None, masked=True)
            if token is not None and row.sealed and row.seal_secret:
                try:
                    data = json.loads(unseal(row.sealed, row.seal_secret, token, job_id))
                    return _job(row, _from_json(data), masked=False)
                except InvalidToken:
                    log.warning("prereview job %s: sealed result could not be opened", job_id)
            return _job(row, _from_json(row.result), masked=True)

    # -- retention -------------------------------------------------------------------------

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete jobs and their uploads older than the retention period; returns how many."""
        cutoff = (now or utcnow()) - self.retention
        with self._sessions.begin() as session:
            rows = list(session.scalars(select(JobRow).where(JobRow.created_at < cutoff)))
            for row in rows:
                shutil.rmtree(self.uploads / row.id, ignore_errors=True)
                session.delete(row)
        if self.uploads.is_dir():  # folders left by a crash between upload and insert
            for folder in self.uploads.iterdir():
                mtime = dt.datetime.fromtimestamp(folder.stat().st_mtime, dt.UTC).replace(
                    tzinfo=None
                )
                if mtime < cutoff:
                    with self._sessions() as session:
                        if session.get(JobRow, folder.name) is None:
                            shutil.rmtree(folder, ignore_errors=True)
        if rows:
            log.info("purged %d prereview jobs older than %s", len(rows), cutoff.date())
        return len(rows)

    def close(self) -> None:
        """Stop running jobs here. A job cut off mid-run goes back to queued, so that the
        next start (or another process's requeue) runs it, instead of staying running."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        if self._lanes is None:
            return
        left = self._lanes.close()
        if not left:
            return
        with self._sessions.begin() as session:
            requeued = session.execute(
                update(JobRow)
                .where(JobRow.id.in_(left), JobRow.status == RUNNING)
                .values(status=QUEUED, started_at=None)
            ).rowcount
        if requeued:
            log.info("%d running prereview jobs queued again for the next start", requeued)


def _content(item: JobFile) -> Path | bytes:
    """What to count the pages of, before anything is stored."""
    return item if isinstance(item, Path) else item[1]


def _store_file(item: JobFile, path: Path) -> dict[str, str]:
    """Put one file of a job at ``path``; its name as uploaded and where it is now."""
    if isinstance(item, Path):
        shutil.copyfile(item, path)
        return {"name": item.name, "path": str(path)}
    name, content = item
    if isinstance(content, Path):
        os.replace(content, path)
    else:
        path.write_bytes(content)
    return {"name": name, "path": str(path)}


def _from_json(data: dict) -> AnyResult:
    """A stored result: a bundle's, or one item's (every job stored before bundles)."""
    return (
        BundleReviewResult.from_json(data) if is_bundle_json(data) else ReviewResult.from_json(data)
    )


def _job(row: JobRow, result: AnyResult | None, masked: bool) -> PrereviewJob:
    bundle = row.item_id.startswith(BUNDLE_PREFIX)
    return PrereviewJob(
        row.id,
        "" if bundle else row.item_id,
        row.status,
        result,
        masked,
        row.error,
        row.owner,
        row.created_at,
        row.finished_at,
        row.item_id.removeprefix(BUNDLE_PREFIX) if bundle else None,
    )
