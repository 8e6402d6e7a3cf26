"""What the dialog needs to run a pre-review in chat: a port, kept this small so that the
chat can run its pre-review in-process, on a task queue, or not at all.

``bot.services.JobsIntake`` implements it on the jobs service.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from bot.dialog.messages import Upload
from prereview.limits import Limits


class SubmitRefused(Exception):
    """The job was not started (the queue is full, a quota is used up); the message, in
    Chinese, tells the citizen to try later. Their files stay collected."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PrereviewIntake(Protocol):
    limits: Limits

    def stage(self, upload: Upload) -> Path:
        """Check a file the citizen sent and keep it until 完成; raises
        ``prereview.limits.UploadRejected`` with the reason in Chinese."""
        ...

    def discard(self, paths: list[Path]) -> None:
        """Forget staged files (the citizen cancelled)."""
        ...

    def submit(
        self,
        item: str,
        files: list[tuple[str, Path]],
        situations: dict[str, bool],
        owner: str,
        *,
        bundle: bool = False,
    ) -> str:
        """Start a pre-review job of the staged ``(name, path)`` files for conversation
        ``owner``; returns its id at once. Its notice comes back to that conversation.
        With ``bundle``, ``item`` is a 一件事 bundle's id and ``situations`` its answered
        question keys (``knowledge.bundles.SituationQuestion.key``), False ones included.
        Raises :class:`SubmitRefused` when the job cannot be taken now."""
        ...
