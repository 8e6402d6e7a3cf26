"""Where pre-review jobs wait and which thread runs which: one heavy job cannot hold back all.

With one thread taking jobs in arrival order, six 500-page uploads made a
one-page job wait 157 s. Here the threads are lanes: one lane takes only small
jobs (at most ``small_pages`` pages), the others take any job, oldest first, so
big jobs still finish in order and a small one never waits behind them for
more than the small jobs ahead of it. With a single thread, small jobs go
first. Pages are counted when the job is queued (:func:`job_pages`).

The threads are daemons: a graceful stop does not wait for a 30-page OCR run;
:meth:`JobLanes.close` returns the jobs it leaves unfinished, which the jobs
service marks queued again, so that the next start runs them.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Waiting:
    order: int
    job_id: str
    pages: int


class JobLanes:
    """Run ``run(job_id)`` on ``threads`` daemon threads, one of them kept for small jobs."""

    def __init__(
        self,
        run: Callable[[str], None],
        threads: int = 2,
        small_pages: int = 3,
        name: str = "prereview",
    ) -> None:
        self._run = run
        self.small_pages = small_pages
        self._waiting: list[_Waiting] = []
        self._running: dict[str, str] = {}  # job id -> thread name
        self._order = itertools.count()
        self._changed = threading.Condition()
        self._closed = False
        lanes = ["small", *["any"] * (threads - 1)] if threads > 1 else ["first-small"]
        self._threads = [
            threading.Thread(
                target=self._work, args=(lane,), name=f"{name}-{lane}-{n}", daemon=True
            )
            for n, lane in enumerate(lanes)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job_id: str, pages: int) -> None:
        with self._changed:
            if self._closed:
                raise RuntimeError("job lanes are closed")
            self._waiting.append(_Waiting(next(self._order), job_id, pages))
            self._changed.notify_all()

    def waiting(self) -> list[str]:
        with self._changed:
            return [w.job_id for w in self._waiting]

    def running(self) -> list[str]:
        with self._changed:
            return list(self._running)

    def close(self) -> list[str]:
        """Stop taking jobs; the ids of the jobs waiting or still running (left unfinished)."""
        with self._changed:
            self._closed = True
            left = [w.job_id for w in self._waiting] + list(self._running)
            self._waiting.clear()
            self._changed.notify_all()
        return left

    def _pick(self, lane: str) -> _Waiting | None:
        if not self._waiting:
            return None
        if lane == "any":
            return min(self._waiting, key=lambda w: w.order)
        small = [w for w in self._waiting if w.pages <= self.small_pages]
        if small:
            return min(small, key=lambda w: w.order)
        return min(self._waiting, key=lambda w: w.order) if lane == "first-small" else None

    def _work(self, lane: str) -> None:
        name = threading.current_thread().name
        while True:
            with self._changed:
                picked = self._pick(lane)
                while picked is None and not self._closed:
                    self._changed.wait()
                    picked = self._pick(lane)
                if picked is None:
                    return
                self._waiting.remove(picked)
                self._running[picked.job_id] = name
            try:
                self._run(picked.job_id)
            except Exception:
                log.exception("job %s crashed its lane", picked.job_id)
            finally:
                with self._changed:
                    self._running.pop(picked.job_id, None)


def file_pages(content: Path | bytes) -> int:
    """Pages of a PDF (from its page tree, nothing rendered); 1 for a photo, Word file or
    anything unreadable (the review reports those)."""
    try:
        head = content[:1024] if isinstance(content, bytes) else _head(content)
        if b"%PDF-" not in head:
            return 1
        source = content if isinstance(content, bytes) else str(content)
        document = pypdfium2.PdfDocument(source)
        try:
            return max(1, len(document))
        finally:
            document.close()
    except Exception:  # a broken file is the review's to explain, not the scheduler's
        return 1


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(1024)


def job_pages(files: Iterable[Path | bytes], max_pages: int) -> int:
    """Pages a job will read: its files' pages, at most ``max_pages`` (the per-job cap)."""
    total = 0
    for content in files:
        total += file_pages(content)
        if total >= max_pages:
            return max_pages
    return total
