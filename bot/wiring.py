"""Builds the long-lived objects (store, searcher, reviewer) from the settings.

Used by both the CLI and the web app, so that both see the same knowledge base.
"""

from __future__ import annotations

from bot.settings import Settings
from knowledge import Store


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
    )


def open_reviewer(settings: Settings):
    """A ``prereview.Reviewer``: the ``ONETRIP_OCR_ENGINE`` engine and the upload limits."""
    from bot.jobs import open_reviewer as _open_reviewer

    return _open_reviewer(settings)
