"""The services the entry points use, in one typed object built by :mod:`bot.compose`.

FastAPI routes reach it through :mod:`bot.deps` (``app.state.services``, written
once by :func:`bot.app.create_app`); the CLI and the worker get the pieces they
need from ``bot.compose`` directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import sessionmaker

from bot.dialog import Dialog, Tokens
from bot.jobs import PrereviewJobs
from bot.login_limit import LoginLimiter
from bot.services.intake import JobsIntake
from bot.services.notices import NoticeDelivery
from bot.services.retention import Purger
from bot.services.searcher import LazySearcher
from bot.settings import Settings
from bot.wechat import WeChatChannel
from knowledge import Store


@dataclass(frozen=True)
class Services:
    """Everything long-lived of one app process.

    ``searcher`` is a ``retrieval.Searcher`` (or a :class:`LazySearcher` that loads
    one on first use); ``db`` opens ORM sessions on the store's database (the
    workbench's tables); ``secret`` signs chat tokens and staff cookies alike.
    """

    settings: Settings
    store: Store
    db: sessionmaker
    secret: str
    searcher: Any
    tokens: Tokens
    dialog: Dialog
    jobs: PrereviewJobs
    intake: JobsIntake
    notices: NoticeDelivery
    wechat: WeChatChannel
    login_limiter: LoginLimiter
    purger: Purger


__all__ = ["JobsIntake", "LazySearcher", "NoticeDelivery", "Services"]
