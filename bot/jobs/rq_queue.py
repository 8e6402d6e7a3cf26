"""The job queue on RQ in Redis (``ONETRIP_REDIS_URL``, the ``queue`` extra).

An existing task queue, not a home-made one: the app enqueues
:func:`bot.worker.run_job` with the job id only, and ``onetrip worker``
processes (RQ workers) run it. The job row in the database holds everything
else, so any worker that shares the database and ``ONETRIP_HOME`` (where the
uploads are) can run any job. The queue is named after ``ONETRIP_REDIS_PREFIX``,
so that two deployments (or tests) can share one Redis.
"""

from __future__ import annotations

import datetime as dt

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job as RQJob
from rq.job import JobStatus

from bot.jobs.queue import QueueUnavailable

JOB_FUNCTION = "bot.worker.run_job"
# Long enough for the largest upload the limits allow (ONETRIP_MAX_PAGES pages of OCR).
JOB_TIMEOUT = dt.timedelta(minutes=20)
WAITING = (JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED)


def queue_name(prefix: str) -> str:
    return f"{prefix}-prereview"


class RQJobQueue:
    """:class:`bot.jobs.JobQueue` on RQ: enqueue jobs by id, tell whether the queue holds one."""

    def __init__(self, queue: Queue, failure_ttl: dt.timedelta) -> None:
        self.queue = queue
        self.failure_ttl = failure_ttl

    @classmethod
    def open(cls, connection: Redis, prefix: str, retention_days: int) -> RQJobQueue:
        return cls(Queue(queue_name(prefix), connection=connection), dt.timedelta(retention_days))

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
            job = RQJob.fetch(_rq_id(job_id), connection=self.queue.connection)
            return job.get_status() in WAITING
        except NoSuchJobError:
            return False
        except RedisError as exc:
            raise QueueUnavailable(str(exc)) from exc


def _rq_id(job_id: str) -> str:
    return f"prereview-{job_id}"
