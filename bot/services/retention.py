"""How long citizens' data is kept, and the one periodic purge that enforces it.

Personal data is kept no longer than its purpose needs (个人信息保护法 第十九条):

- uploads, pre-review jobs and the conversations' links to them (``chat_jobs``),
  and files collected in a chat but never submitted: ``ONETRIP_RETENTION_DAYS``;
- chat logs, conversation state and hand-off flags: ``ONETRIP_CHAT_RETENTION_DAYS``;
- unanswered questions (by when last asked): ``ONETRIP_QUESTION_RETENTION_DAYS``.

Every app process runs :class:`Purger` (hourly by default), not only at start-up, so a
server that runs for months still forgets on time. Deleting is idempotent, so several
processes purging the same database at once is harmless.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, delete, or_, select

from bot._db import Database
from bot.dialog.tables import ChatLogRow, ChatSessionRow, UnansweredRow
from bot.jobs.tables import JobRow
from bot.services.conversation_jobs import ChatJobRow
from knowledge.db import utcnow

log = logging.getLogger(__name__)


def purge_chat(engine: Engine, older_than: dt.timedelta, now: dt.datetime | None = None) -> int:
    """Delete chat-log messages, and conversations idle (and not flagged) since the cutoff."""
    cutoff = (now or utcnow()) - older_than
    with Database(engine).write_core() as connection:
        logged = connection.execute(delete(ChatLogRow).where(ChatLogRow.created_at < cutoff))
        idle = connection.execute(
            delete(ChatSessionRow).where(
                ChatSessionRow.updated_at < cutoff,
                or_(ChatSessionRow.flagged_at.is_(None), ChatSessionRow.flagged_at < cutoff),
            )
        )
    return (logged.rowcount or 0) + (idle.rowcount or 0)


def purge_questions(
    engine: Engine, older_than: dt.timedelta, now: dt.datetime | None = None
) -> int:
    """Delete unanswered questions nobody has asked since the cutoff."""
    cutoff = (now or utcnow()) - older_than
    with Database(engine).write_core() as connection:
        result = connection.execute(delete(UnansweredRow).where(UnansweredRow.last_seen < cutoff))
    return result.rowcount or 0


def purge_job_links(engine: Engine) -> int:
    """Delete the conversations' links to jobs that no longer exist (purged with their jobs)."""
    jobs = select(JobRow.id)
    with Database(engine).write_core() as connection:
        result = connection.execute(delete(ChatJobRow).where(ChatJobRow.job_id.not_in(jobs)))
    return result.rowcount or 0


def purge_files(folder: Path, older_than: dt.timedelta) -> int:
    """Delete files (not folders) directly in ``folder`` last written before the cutoff."""
    if not folder.is_dir():
        return 0
    cutoff = time.time() - older_than.total_seconds()
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


class Purger:
    """Runs each named purge now and then every ``every``, in a daemon thread, until stopped."""

    def __init__(self, purges: dict[str, Callable[[], int]], every: dt.timedelta) -> None:
        self.purges = purges
        self.every = every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for name, purge in self.purges.items():
            try:
                counts[name] = purge()
            except Exception:
                log.exception("purge of %s failed", name)
                continue
            if counts[name]:
                log.info("purged %d %s past their retention", counts[name], name)
        return counts

    def start(self) -> None:
        """Purge now (as the process starts), then every ``every`` in a daemon thread."""
        self.run_once()

        def loop() -> None:
            while not self._stop.wait(self.every.total_seconds()):
                self.run_once()

        self._thread = threading.Thread(target=loop, name="purge", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
