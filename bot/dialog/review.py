"""The dialog's view of pre-review: submit files for an item, look at a job later.

:class:`Reviewer` is the small port the dialog needs; ``bot.dialog.setup``
adapts ``bot.jobs`` to it. Keeping it this small lets the chat run its
pre-review in-process, on a task queue, or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from prereview import render_text


@dataclass(frozen=True)
class JobView:
    """A pre-review job as the chat shows it.

    status: queued | running | done | failed. ``texts`` is the one-time notice
    (一次性告知书) as chat messages once done; ``notice_url`` its printable page.
    """

    status: str
    item: str
    texts: list[str]
    complete: bool | None = None
    notice_url: str | None = None
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")


class Reviewer(Protocol):
    def submit(
        self,
        item: str,
        files: list[tuple[str, bytes]],
        situations: dict[str, bool],
        applicant: str | None,
        owner: str,
    ) -> str:
        """Start a pre-review job for conversation ``owner``; returns its id at once.

        ``files`` are (name as sent, content) pairs.
        """
        ...

    def view(self, job_id: str) -> JobView | None:
        """The job now, or None when there is no such job."""
        ...


class JobsReviewer:
    """:class:`Reviewer` on ``bot.jobs.Jobs`` (the pool the pre-review API uses too).

    The notice in chat is the masked result (ID numbers hidden), so that a
    forwarded chat or link shows no full ID number; ``notice_url`` is relative
    to the site, and the texts carry it absolute (``public_url``) for WeChat.
    """

    def __init__(self, jobs: Any, public_url: str, centre: str, hotline: str) -> None:
        self.jobs = jobs
        self.public_url = public_url.rstrip("/")
        self.centre = centre
        self.hotline = hotline

    def submit(
        self,
        item: str,
        files: list[tuple[str, bytes]],
        situations: dict[str, bool],
        applicant: str | None,
        owner: str,
    ) -> str:
        return self.jobs.submit_job(item, files, situations or None, applicant, owner=owner)

    def view(self, job_id: str) -> JobView | None:
        job = self.jobs.get_job(job_id)
        if job is None:
            return None
        if job.status == "failed" or (job.finished and job.result is None):
            return JobView("failed", job.item, [], error=job.error)
        if not job.finished:
            return JobView(job.status, job.item, [])
        path = f"/api/v1/prereview/{job_id}/notice.html"
        texts = render_text(
            job.result, link=self.public_url + path, centre=self.centre, hotline=self.hotline
        )
        return JobView("done", job.item, texts, job.result.complete, path)
