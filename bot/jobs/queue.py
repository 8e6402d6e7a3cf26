"""The task-queue interface jobs are handed to when worker processes run them.

Only :mod:`bot.jobs.rq_queue` implements it (on RQ); the interface stays here so
that the jobs service never imports a queue library.
"""

from __future__ import annotations

from typing import Protocol


class QueueUnavailable(Exception):
    """The task queue did not answer: a job could not be queued or looked up."""


class JobQueue(Protocol):
    """Where jobs go when worker processes run them (by id: the row holds the rest)."""

    def enqueue(self, job_id: str) -> None:
        """Queue the job for a worker; raises QueueUnavailable."""
        ...

    def holds(self, job_id: str) -> bool:
        """True while the job waits or runs; raises QueueUnavailable."""
        ...
