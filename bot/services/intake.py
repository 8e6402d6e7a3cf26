"""Pre-review in chat on the jobs service: the dialog's :class:`bot.dialog.PrereviewIntake`.

A photo is checked (``prereview.limits``: size and type, one set of messages)
and written once, under ``ONETRIP_HOME``; when the citizen says 完成 the files
are moved into the job, not copied, and the job is tied to the conversation so
that its notice comes back there.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from pathlib import Path

from bot.dialog import SubmitRefused, Upload
from bot.jobs import PrereviewJobs, Refused
from bot.jobs.service import BUNDLE_PREFIX
from bot.services.notices import NoticeDelivery
from prereview.limits import Limits


class JobsIntake:
    def __init__(
        self,
        jobs: PrereviewJobs,
        notices: NoticeDelivery,
        staging: Path,
        limits: Limits,
        owner_token: Callable[[str], str] | None = None,
    ) -> None:
        self.jobs = jobs
        self.notices = notices
        self.staging = staging
        self.limits = limits
        # conversation key → the token the job is sealed to (``Tokens.job_owner_token``), so
        # that the conversation's form link can show the applicant's own values.
        self.owner_token = owner_token

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
        self,
        item: str,
        files: list[tuple[str, Path]],
        situations: dict[str, bool],
        owner: str,
        *,
        bundle: bool = False,
    ) -> str:
        """Start the job for conversation ``owner`` (the staged files move into it).

        With ``bundle``, ``item`` is a 一件事 bundle's id and ``situations`` its answered keys.
        """
        try:
            job_id = self.jobs.submit_job(
                item,
                list(files),
                situations or None,
                None,
                owner=owner,
                owner_token=self.owner_token(owner) if self.owner_token else None,
                parties=[_party(owner)],
                bundle=bundle,
            )
        except Refused as exc:
            raise SubmitRefused(exc.message) from exc
        self.notices.link(job_id, owner, f"{BUNDLE_PREFIX}{item}" if bundle else item)
        return job_id


def _party(owner: str) -> str:
    """Whom a chat job is charged to: the conversation (for WeChat, the citizen's openid)."""
    return f"conversation:{owner}"
