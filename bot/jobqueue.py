"""Pre-review jobs on an RQ queue in Redis (``ONETRIP_REDIS_URL``), for several processes.

An existing task queue, not a home-made one: the app enqueues ``bot.jobs.run_job``
with the job id only, and ``onetrip worker`` processes (RQ workers) run it. The
job row in the database holds everything else, so any worker that shares the
database and ``ONETRIP_HOME`` (where the uploads are) can run any job. The
queue is named after ``ONETRIP_REDIS_PREFIX``, so that two deployments (or
tests) can share one Redis.
"""

from __future__ import annotations

import datetime as dt

from redis.exceptions import RedisError
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from bot._redis import redis_client
from bot.jobs import QueueUnavailable
from bot.settings import Settings

JOB_FUNCTION = "bot.jobs.run_job"
# Long enough for the largest upload the limits allow (ONETRIP_MAX_PAGES pages of OCR).
JOB_TIMEOUT = dt.timedelta(minutes=20)
WAITING = (JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED)


def queue_name(settings: Settings) -> str:
    return f"{settings.redis_prefix}-prereview"


class JobQueue:
    """``bot.jobs.TaskQueue`` on RQ: enqueue jobs by id, tell whether the queue holds one."""

    def __init__(self, queue: Queue, failure_ttl: dt.timedelta) -> None:
        self.queue = queue
        self.failure_ttl = failure_ttl

    def enqueue(self, job_id: str) -> None:
        try:
            self.queue.enqueue_call(
                JOB_FUNCTION,
                args=(job_id,),
                job_id=_rq_id(job_id),
                timeout=int(JOB_TIMEOUT.total_seconds()),
                result_ttl=0,  # the result is in the database
                failure_ttl=int(self.failure_ttl.total_seconds()),
                description=f"prereview {job_id}",
            )
        except RedisError as exc:
            raise QueueUnavailable(str(exc)) from exc

    def holds(self, job_id: str) -> bool:
        """True while the job waits in the queue or runs in a worker."""
        try:
            job = Job.fetch(_rq_id(job_id), connection=self.queue.connection)
            return job.get_status() in WAITING
        except NoSuchJobError:
            return False
        except RedisError as exc:
            raise QueueUnavailable(str(exc)) from exc


def _rq_id(job_id: str) -> str:
    return f"prereview-{job_id}"


def open_queue(settings: Settings) -> JobQueue:
    """The queue of ``ONETRIP_REDIS_URL`` (set)."""
    queue = Queue(queue_name(settings), connection=redis_client(settings.redis_url))
    return JobQueue(queue, dt.timedelta(days=settings.retention_days))
