"""Pre-review jobs (预审任务): stored in the database, run off the event loop, purged on time.

A job row holds what was asked (item, situations, applicant, uploaded files
under random names) and, once done, the result with ID numbers masked. The full
result is kept only sealed: encrypted to a per-job X25519 public key whose
private half is stored encrypted under the owner's token. Any worker can seal a
result (after a restart too), and only the token's holder — the applicant —
can open it. Jobs still queued or running when the process stops are queued
again at start-up.

Runs in an in-process thread pool by default. With ``ONETRIP_REDIS_URL`` set,
jobs go to an RQ queue instead (``bot.jobqueue``), and ``onetrip worker``
processes run them through :func:`run_job`, which takes a job id only and reads
everything else from the database and ``ONETRIP_*`` settings. A job is claimed
(queued → running) in one UPDATE, so a job queued twice still runs once.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import secrets
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import JSON, Date, DateTime, String, Text, select, update
from sqlalchemy.orm import Mapped, mapped_column

from bot.settings import Settings
from knowledge import Store
from knowledge.db import Base, create_tables, make_sessionmaker, utcnow
from prereview import Limits, Reviewer, ReviewResult, make_ocr, mask_text
from prereview.review import china_today


class MaskIds(logging.Filter):
    """Masks ID-number-like runs in a record's message and traceback before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask_text(record.getMessage()), None
        if record.exc_info:
            record.exc_text = mask_text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


log = logging.getLogger(__name__)
log.addFilter(MaskIds())

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
PURGE_EVERY = dt.timedelta(hours=1)
FAILED_MESSAGE = "预审过程中出现错误，请稍后重试，或直接到窗口咨询"
QUEUE_DOWN_MESSAGE = "预审服务暂时不可用，请稍后重试，或直接到窗口咨询"


class JobRow(Base):
    __tablename__ = "prereview_jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(80), index=True)
    status: Mapped[str] = mapped_column(String(10), index=True)
    situations: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    applicant: Mapped[str | None] = mapped_column(String(200), nullable=True)
    review_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    files: Mapped[list] = mapped_column(JSON)  # [{"name": as uploaded, "path": stored}]
    owner: Mapped[str | None] = mapped_column(String(160), nullable=True, index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    seal_key: Mapped[str | None] = mapped_column(String(64), nullable=True)  # public, base64
    seal_secret: Mapped[str | None] = mapped_column(Text, nullable=True)  # private, token-locked
    result: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # ID numbers masked
    sealed: Mapped[str | None] = mapped_column(Text, nullable=True)  # full result, owner's key
    error: Mapped[str | None] = mapped_column(String(500), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


@dataclass(frozen=True)
class Job:
    """A job as callers see it; ``result`` is full only for the owner's token."""

    id: str
    item: str
    status: str
    result: ReviewResult | None
    masked: bool
    error: str | None
    owner: str | None
    created_at: dt.datetime
    finished_at: dt.datetime | None

    @property
    def finished(self) -> bool:
        return self.status in (DONE, FAILED)


def new_token() -> str:
    """An owner token: whoever holds it sees the unmasked result."""
    return secrets.token_urlsafe(24)


def _token_hash(token: str) -> str:
    return hashlib.sha256(b"onetrip-job-owner:" + token.encode()).hexdigest()


def _fernet(secret: bytes) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret).digest()))


def _token_lock(token: str, job_id: str) -> Fernet:
    return _fernet(f"onetrip-job-seal:{job_id}:{token}".encode())


def _raw(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def new_seal(token: str, job_id: str) -> tuple[str, str]:
    """(public key, private key locked with the token) for a new job."""
    private = X25519PrivateKey.generate()
    locked = _token_lock(token, job_id).encrypt(private.private_bytes_raw()).decode()
    return base64.b64encode(_raw(private.public_key())).decode(), locked


def seal(payload: bytes, public_key: str) -> str:
    """``payload`` encrypted so that only the holder of the private key can read it."""
    ephemeral = X25519PrivateKey.generate()
    peer = X25519PublicKey.from_public_bytes(base64.b64decode(public_key))
    shared = ephemeral.exchange(peer)
    sender = _raw(ephemeral.public_key())
    return (
        base64.b64encode(sender).decode() + "." + _fernet(shared + sender).encrypt(payload).decode()
    )


def unseal(sealed: str, locked_private: str, token: str, job_id: str) -> bytes:
    """The sealed payload, opened with the private key the token unlocks (InvalidToken if not)."""
    private = X25519PrivateKey.from_private_bytes(
        _token_lock(token, job_id).decrypt(locked_private.encode())
    )
    sender_b64, body = sealed.split(".", 1)
    sender = base64.b64decode(sender_b64)
    shared = private.exchange(X25519PublicKey.from_public_bytes(sender))
    return _fernet(shared + sender).decrypt(body.encode())


OnDone = Callable[[Job, ReviewResult | None], None]


class QueueUnavailable(Exception):
    """The task queue did not answer: a job could not be queued or looked up."""


class TaskQueue(Protocol):
    """Where jobs go when worker processes run them (``bot.jobqueue`` puts them on RQ)."""

    def enqueue(self, job_id: str) -> None:
        """Queue :func:`run_job` for ``job_id``; raises QueueUnavailable."""
        ...

    def holds(self, job_id: str) -> bool:
        """True while the job waits or runs; raises QueueUnavailable."""
        ...


class Jobs:
    """Submit, run, look up and purge pre-review jobs.

    Jobs run in this process's thread pool, or, given a ``queue``, in worker
    processes that take them from Redis.
    """

    def __init__(
        self,
        store: Store,
        reviewer: Reviewer,
        uploads: Path,
        retention_days: int = 7,
        executor: Executor | None = None,
        queue: TaskQueue | None = None,
    ) -> None:
        self.store = store
        self.reviewer = reviewer
        self.uploads = uploads
        self.retention = dt.timedelta(days=retention_days)
        self._sessions = make_sessionmaker(store.engine)
        create_tables(store.engine)
        self._executor = executor or ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="prereview"
        )
        self.queue = queue
        self._callbacks: list[OnDone] = []
        self._stop = threading.Event()

    # -- submitting ------------------------------------------------------------------------

    def on_done(self, callback: OnDone) -> None:
        """Call ``callback(job, full_result)`` when a job finishes (result None when it failed)."""
        self._callbacks.append(callback)

    def submit_job(
        self,
        item_id: str,
        files: list[Path | tuple[str, bytes]],
        situations: dict[str, bool] | None = None,
        applicant: str | None = None,
        *,
        today: dt.date | None = None,
        owner_token: str | None = None,
        owner: str | None = None,
    ) -> str:
        """Store the files under random names and queue the review; returns the job id.

        ``files`` are paths (copied) or ``(name, content)`` pairs. ``owner_token``
        (see :func:`new_token`) lets its holder see the unmasked result later;
        ``owner`` is an opaque reference for the caller (a chat session key).
        """
        job_id = secrets.token_hex(16)
        folder = self.uploads / job_id
        folder.mkdir(parents=True, exist_ok=True)
        stored = []
        for item in files:
            name, content = (item.name, None) if isinstance(item, Path) else item
            path = folder / secrets.token_hex(12)
            if content is None:
                shutil.copyfile(item, path)
            else:
                path.write_bytes(content)
            stored.append({"name": name, "path": str(path)})
        seal_key, seal_secret = new_seal(owner_token, job_id) if owner_token else (None, None)
        with self._sessions.begin() as session:
            session.add(
                JobRow(
                    id=job_id,
                    item_id=item_id,
                    status=QUEUED,
                    situations=situations,
                    applicant=applicant,
                    review_date=today,
                    files=stored,
                    owner=owner,
                    token_hash=_token_hash(owner_token) if owner_token else None,
                    seal_key=seal_key,
                    seal_secret=seal_secret,
                    created_at=utcnow(),
                )
            )
        log.info("prereview job %s queued: item %s, %d files", job_id, item_id, len(stored))
        self._dispatch(job_id)
        return job_id

    def requeue_pending(self) -> int:
        """Queue again the jobs a stopped process left queued or running.

        With a task queue, jobs it still holds (waiting, or running in a worker)
        are left alone: only those it lost are queued again.
        """
        with self._sessions() as session:
            rows = session.scalars(select(JobRow.id).where(JobRow.status.in_((QUEUED, RUNNING))))
            ids = list(rows)
        if self.queue is not None and ids:
            try:
                ids = [job_id for job_id in ids if not self.queue.holds(job_id)]
            except QueueUnavailable as exc:
                log.error("prereview jobs not requeued, the task queue is unreachable: %s", exc)
                return 0
        with self._sessions.begin() as session:
            session.execute(update(JobRow).where(JobRow.id.in_(ids)).values(status=QUEUED))
        for job_id in ids:
            self._dispatch(job_id)
        if ids:
            log.info("requeued %d prereview jobs", len(ids))
        return len(ids)

    def _dispatch(self, job_id: str) -> None:
        """Hand a queued job to the thread pool, or to the task queue when there is one."""
        if self.queue is None:
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

    def run(self, job_id: str) -> ReviewResult | None:
        """Run one queued job to the end (what the thread pool and RQ workers call).

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

    def _finish(self, job_id: str, result: ReviewResult | None, error: str | None) -> None:
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
            job = self._job(row, result, masked=False)
        log.info("prereview job %s %s", job_id, job.status)
        for callback in self._callbacks:
            try:
                callback(job, result)
            except Exception:
                log.exception("prereview on_done callback failed for job %s", job_id)

    # -- reading ---------------------------------------------------------------------------

    def _job(self, row: JobRow, result: ReviewResult | None, masked: bool) -> Job:
        return Job(
            row.id,
            row.item_id,
            row.status,
            result,
            masked,
            row.error,
            row.owner,
            row.created_at,
            row.finished_at,
        )

    def get_job(self, job_id: str, token: str | None = None) -> Job | None:
        """The job; its result unmasked when ``token`` is the owner's, else masked.

        Raises PermissionError for a wrong token (a right one is needed to unmask).
        """
        with self._sessions() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                return None
            if token is not None and (
                row.token_hash is None or row.token_hash != _token_hash(token)
            ):
                raise PermissionError("wrong job token")
            if row.result is None:
                return self._job(row, None, masked=True)
            if token is not None and row.sealed and row.seal_secret:
                try:
                    data = json.loads(unseal(row.sealed, row.seal_secret, token, job_id))
                    return self._job(row, ReviewResult.from_json(data), masked=False)
                except InvalidToken:
                    log.warning("prereview job %s: sealed result could not be opened", job_id)
            return self._job(row, ReviewResult.from_json(row.result), masked=True)

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

    def start_purging(self, every: dt.timedelta = PURGE_EVERY) -> threading.Thread:
        """Purge now and then every ``every`` in a daemon thread, until :meth:`close`."""

        def loop() -> None:
            while True:
                try:
                    self.purge()
                except Exception:
                    log.exception("prereview purge failed")
                if self._stop.wait(every.total_seconds()):
                    return

        thread = threading.Thread(target=loop, name="prereview-purge", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        self._stop.set()
        self._executor.shutdown(wait=False, cancel_futures=True)


def open_reviewer(settings: Settings) -> Reviewer:
    """The OCR engine of ``ONETRIP_OCR_ENGINE`` and the upload limits from settings."""
    limits = Limits(
        max_file_mb=settings.max_file_mb,
        max_job_mb=settings.max_job_mb,
        max_files=settings.max_files,
        max_pages=settings.max_pages,
    )
    return Reviewer(make_ocr(settings.ocr_engine, settings.paddle_model_dir), limits)


def open_jobs(settings: Settings, store: Store, executor: Executor | None = None) -> Jobs:
    """The jobs of ``settings``: on the RQ queue when ``ONETRIP_REDIS_URL`` is set."""
    queue = None
    if settings.redis_url:
        from bot.jobqueue import open_queue  # rq and redis: the optional ``queue`` extra

        queue = open_queue(settings)
    return Jobs(
        store,
        open_reviewer(settings),
        settings.home_dir / "uploads" / "prereview",
        settings.retention_days,
        executor,
        queue,
    )


_worker_lock = threading.Lock()
_worker: tuple[str, Jobs] | None = None  # this process's runner, built for its first job


def run_job(job_id: str) -> None:
    """Entry point for a task-queue worker (RQ): settings from ``ONETRIP_*``, then run.

    The runner (OCR engine, database, notice delivery) is built once per worker
    process and kept while the settings stay the same, so that the OCR models
    stay loaded between jobs.
    """
    from bot.wiring import open_worker_jobs

    global _worker
    settings = Settings()
    key = settings.model_dump_json()
    with _worker_lock:
        if _worker is None or _worker[0] != key:
            if _worker is not None:
                _worker[1].close()
            _worker = (key, open_worker_jobs(settings))
        jobs = _worker[1]
    jobs.run(job_id)
