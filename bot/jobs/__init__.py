"""Pre-review jobs (预审任务): stored in the database, run off the event loop, purged on time.

:class:`PrereviewJobs` submits, runs, looks up and purges jobs; it runs them in
this process's thread pool, or hands them to a :class:`JobQueue` (the RQ one is
:mod:`bot.jobs.rq_queue`, built only with ``ONETRIP_REDIS_URL``). Nothing here
knows the chat: who is told when a job ends is wired by ``bot.compose``.
"""

from bot.jobs.admission import Admission, CapacityRules, Refused
from bot.jobs.queue import JobQueue, QueueUnavailable
from bot.jobs.sealing import new_token
from bot.jobs.service import (
    DONE,
    FAILED,
    FAILED_MESSAGE,
    QUEUE_DOWN_MESSAGE,
    QUEUED,
    RUNNING,
    OnDone,
    PrereviewJob,
    PrereviewJobs,
)
from bot.jobs.tables import JobRow

__all__ = [
    "DONE",
    "FAILED",
    "FAILED_MESSAGE",
    "QUEUED",
    "QUEUE_DOWN_MESSAGE",
    "RUNNING",
    "Admission",
    "CapacityRules",
    "JobQueue",
    "JobRow",
    "OnDone",
    "PrereviewJob",
    "PrereviewJobs",
    "QueueUnavailable",
    "Refused",
    "new_token",
]
