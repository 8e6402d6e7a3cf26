"""Pre-review in chat on the jobs service: the dialog's :class:`bot.dialog.PrereviewIntake`.

A photo is checked (``prereview.limits``: size and type, one set of messages)
and written once, under ``ONETRIP_HOME``; when the citizen says 完成 the files
are moved into the job, not copied, and the job is tied to the conversation so
that its notice comes back there.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from pathlib import Path

from bot.dialog import Upload
from bot.jobs import PrereviewJobs
from bot.services.notices import NoticeDelivery
from prereview.limits import Limits


class JobsIntake:
    def __init__(
        self, jobs: PrereviewJobs, notices: NoticeDelivery, staging: Path, limits: Limits
    ) -> None:
        self.jobs = jobs
        self.notices = notices
        self.staging = staging
        self.limits = limits

    def stage(self, upload: Upload) -> Path:
        """The file, checked and stored until the citizen is done; raises UploadRejected."""
        self.limits.check_file(upload.data)
        self.staging.mkdir(parents=True, exist_ok=True)
        path = self.staging / secrets.token_hex(16)
        path.write_bytes(upload.data)
        return path

    def discard(self, paths: list[Path]) -> None:
        for path in paths:
            path.unlink(missing_ok=True)

    def submit(
        self, item: str, files: list[tuple[str, Path]], situations: dict[str, bool], owner: str
    ) -> str:
        """Start the job for conversation ``owner`` (the staged files move into it)."""
        job_id = self.jobs.submit_job(item, list(files), situations or None, None, owner=owner)
        self.notices.link(job_id, owner, item)
        return job_id

    def purge_staged(self, older_than: dt.timedelta = dt.timedelta(days=1)) -> int:
        """Delete files collected for a pre-review that was never finished."""
        if not self.staging.is_dir():
            return 0
        cutoff = time.time() - older_than.total_seconds()
        removed = 0
        for path in self.staging.iterdir():
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
