"""What a task-queue worker runs: :func:`run_job`, by import path (``bot.worker.run_job``).

RQ calls it with a job id only; the settings come from ``ONETRIP_*``. The jobs
(OCR engine, database, notice delivery) are built once per worker process, by
:func:`bot.compose.build_worker_jobs`, and kept while the settings stay the same,
so that the OCR models stay loaded between jobs.
"""

from __future__ import annotations

import threading

from bot.compose import build_worker_jobs
from bot.jobs import PrereviewJobs
from bot.settings import Settings

_lock = threading.Lock()
_built: dict[str, PrereviewJobs] = {}  # this process's jobs, by the settings they came from


def run_job(job_id: str) -> None:
    settings = Settings()
    key = settings.model_dump_json()
    with _lock:
        jobs = _built.get(key)
        if jobs is None:
            for stale in _built.values():
                stale.close()
            _built.clear()
            jobs = _built[key] = build_worker_jobs(settings)
    jobs.run(job_id)
