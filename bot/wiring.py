"""Builds the long-lived objects (store, searcher, reviewer, jobs) from the settings.

Used by the CLI, the web app and the workers, so that all see the same knowledge base.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.settings import Settings
from knowledge import Store

if TYPE_CHECKING:
    from bot.jobs import Jobs


def open_store(settings: Settings) -> Store:
    return Store.from_url(settings.db_url)


def open_searcher(settings: Settings, store: Store):
    """The ``retrieval.Searcher`` for this knowledge base (loads or updates the saved index)."""
    from retrieval import Searcher

    return Searcher.open(
        store,
        settings.home_dir,
        encoders=settings.encoders,
        embed_model=settings.embed_model,
        hotline=settings.hotline,
        copies=settings.encoder_copies,
    )


def open_reviewer(settings: Settings):
    """A ``prereview.Reviewer``: the ``ONETRIP_OCR_ENGINE`` engine and the upload limits."""
    from bot.jobs import open_reviewer as _open_reviewer

    return _open_reviewer(settings)


def open_worker_jobs(settings: Settings) -> Jobs:
    """The ``bot.jobs.Jobs`` a worker process runs: finished jobs deliver their notices
    (chat log, WeChat push) exactly as in the app that took the upload."""
    from bot.dialog.setup import open_notifying_jobs

    return open_notifying_jobs(settings, open_store(settings))
