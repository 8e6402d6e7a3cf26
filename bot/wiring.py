"""Builds the long-lived objects (store, searcher, reviewer) from the settings.

Used by both the CLI and the web app, so that both see the same knowledge base.
"""

from __future__ import annotations

from bot.settings import Settings
from knowledge import Store


def open_store(settings: Settings) -> Store:
    return Store.from_url(settings.db_url)
