"""Builds the chat objects from the settings: tokens, dialog, WeChat channel.

``bot.app`` calls :func:`install_chat` once at start-up; the CLI and the
benchmark can call :func:`open_dialog` alone; an ``onetrip worker`` process
calls :func:`open_notifying_jobs`, so that a notice is delivered the same way
whichever process ran the job.
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI

from bot.dialog._dialog import Dialog, DialogConfig
from bot.dialog.records import Records
from bot.dialog.review import JobsReviewer, Reviewer
from bot.dialog.sessions import SessionStore
from bot.dialog.tokens import Tokens, secret_key
from bot.settings import Settings
from knowledge import Store

if TYPE_CHECKING:
    from bot.jobs import Jobs
    from bot.wechat import WeChatChannel

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def open_tokens(settings: Settings) -> Tokens:
    return Tokens(
        secret_key(settings.secret_key, settings.home_dir),
        link_max_age=settings.upload_link_minutes * 60,
    )


def open_dialog(
    settings: Settings,
    store: Store,
    searcher: Any,
    reviewer: Reviewer | None = None,
    tokens: Tokens | None = None,
) -> Dialog:
    """A dialog on the store's database; ``searcher`` is a ``retrieval.Searcher``."""
    tokens = tokens or open_tokens(settings)
    base = settings.public_url.rstrip("/")
    config = DialogConfig(
        centre=settings.centre_name,
        hotline=settings.hotline,
        uploads=settings.home_dir / "uploads" / "chat",
        max_files=settings.max_files,
        max_file_bytes=settings.max_file_mb * 1024 * 1024,
        link_minutes=settings.upload_link_minutes,
        upload_link=lambda key: f"{base}/?t={tokens.link_token(key)}",
    )
    return Dialog(
        searcher,
        store,
        SessionStore(store.engine, dt.timedelta(minutes=settings.session_timeout_minutes)),
        Records(store.engine),
        config,
        reviewer=reviewer,
        normalize=_normalize,
    )


def _open_searcher(settings: Settings, store: Store) -> Any:
    from bot.wiring import open_searcher

    return open_searcher(settings, store)


def _jobs_reviewer(app: FastAPI, settings: Settings) -> JobsReviewer:
    """Chat pre-review runs in the same job pool as ``/api/v1/prereview``."""
    from bot.api.prereview import jobs_for

    return JobsReviewer(jobs_for(app), settings.public_url, settings.centre_name, settings.hotline)


def _normalize(text: str) -> str:
    """retrieval's normalisation, the key that groups unanswered questions."""
    from retrieval import normalize

    return normalize(text)


class LazySearcher:
    """A ``retrieval.Searcher`` loaded on first use, once: building an app stays cheap
    (tests, CLI), and a served app warms it up at start-up (:func:`chat_lifespan`)."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._searcher: Any = None

    def load(self) -> Any:
        if self._searcher is None:
            with self._lock:
                if self._searcher is None:
                    self._searcher = self._factory()
                    # The models, dictionaries and index are ~365 000 Python objects
                    # that live as long as the process; a full garbage collection
                    # walked them all (128 ms, every request of the process waiting).
                    # Frozen, the collector never looks at them again.
                    gc.freeze()
        return self._searcher

    def __getattr__(self, name: str) -> Any:
        return getattr(self.load(), name)


@asynccontextmanager
async def chat_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Size the request thread pool and load the search models as the server starts.

    Chat turns are short and mostly CPU: forty threads (anyio's default) share the
    process's core like a round robin, which stretches every question behind the
    small talk of nineteen others. A few threads serve turns nearly in arrival
    order. In bench_chat at 20 clients (two processes, three runs each), chat p95
    was 82–117 ms with 8 threads, 68–84 ms with 4 and 49–60 ms with 2; 40 were worse
    than 8. The default is 4, leaving room for the odd blocking call (an admin page,
    a PostgreSQL round trip) without stalling the chat.
    """
    import anyio.to_thread

    settings: Settings = app.state.settings
    anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
    searcher = getattr(app.state, "searcher", None)
    if isinstance(searcher, LazySearcher):
        threading.Thread(target=searcher.load, name="warm-searcher", daemon=True).start()
    yield


def install_chat(app: FastAPI, searcher: Any = None, reviewer: Reviewer | None = None) -> None:
    """Put the dialog, tokens and WeChat channel on ``app.state`` (routers are added by the app)."""
    from bot.wechat import WeChatChannel

    settings: Settings = app.state.settings
    store: Store = app.state.store
    if searcher is None:
        searcher = getattr(app.state, "searcher", None) or LazySearcher(
            lambda: _open_searcher(settings, store)
        )
    app.state.searcher = searcher
    if reviewer is None:
        reviewer = _jobs_reviewer(app, settings)
    tokens = open_tokens(settings)
    dialog = open_dialog(settings, store, searcher, reviewer, tokens)
    channel = WeChatChannel(settings, dialog, dialog.sessions)
    deliver_notices(getattr(reviewer, "jobs", None), dialog, channel)
    dialog.sessions.purge_inbound()
    dialog.purge_uploads()
    app.state.tokens = tokens
    app.state.dialog = dialog
    app.state.wechat = channel


def deliver_notices(jobs: Jobs | None, dialog: Dialog, channel: WeChatChannel) -> None:
    """A finished job's notice goes into its conversation's log and is pushed on WeChat.

    The process that runs the job delivers it (``Dialog.deliver`` makes sure only
    once), so the app and every worker process wire it the same way.
    """
    dialog.on_notice = channel.push_reply
    if jobs is not None:
        jobs.on_done(lambda job, _result: dialog.deliver(job.id))


def open_notifying_jobs(settings: Settings, store: Store) -> Jobs:
    """The jobs of an ``onetrip worker`` process: the app's dialog and WeChat channel
    (no search models: they load only if a turn ever needs them) deliver the notices."""
    from bot.jobs import open_jobs
    from bot.wechat import WeChatChannel

    jobs = open_jobs(settings, store)
    reviewer = JobsReviewer(jobs, settings.public_url, settings.centre_name, settings.hotline)
    searcher = LazySearcher(lambda: _open_searcher(settings, store))
    dialog = open_dialog(settings, store, searcher, reviewer)
    deliver_notices(jobs, dialog, WeChatChannel(settings, dialog, dialog.sessions))
    return jobs
