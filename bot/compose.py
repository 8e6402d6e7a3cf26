"""The composition root: every long-lived object of a role is built here, from the settings.

- the app (:func:`build_services`, called once by ``bot.app.create_app``);
- an ``onetrip worker`` process (:func:`build_worker_jobs`): the jobs and the
  notice delivery, no dialog and no search models;
- the CLI commands, which take the pieces they need (:func:`open_store`,
  :func:`open_searcher`, :func:`open_reviewer`, :func:`open_database`,
  :func:`open_wechat_client`).

Every role opens the database through :func:`open_database`, which creates the
tables once. This is also the one place where "a job finished" is connected to
"deliver its notice" and "push it on the citizen's channel"
(:func:`open_notice_delivery`).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import Executor
from typing import Any

from sqlalchemy.orm import sessionmaker

from bot import counters
from bot.admin import import_drafts
from bot.admin import tables as admin_tables
from bot.channels.http import chat_form_path, notice_path
from bot.counters import Counters
from bot.dialog import Dialog, DialogConfig, Records, SessionStore, Tokens, secret_key
from bot.dialog import tables as dialog_tables
from bot.jobs import Admission, CapacityRules, PrereviewJobs
from bot.jobs import tables as job_tables
from bot.login_limit import LoginLimiter
from bot.services import (
    JobsIntake,
    LazySearcher,
    NoticeDelivery,
    Services,
    conversation_jobs,
    retention,
)
from bot.services.conversation_jobs import ConversationJobs
from bot.services.retention import Purger
from bot.settings import Settings
from bot.wechat import (
    ApiClient,
    InboundMessages,
    WeChatChannel,
    WeChatPush,
    Wire,
    shared_token_storage,
)
from bot.wechat import inbound as inbound_tables
from knowledge import Store
from knowledge.db import create_tables, make_sessionmaker
from prereview import Reviewer, make_ocr

# The modules whose tables :func:`open_database` creates (with the knowledge base's own).
TABLE_MODULES = (
    admin_tables,
    import_drafts,
    dialog_tables,
    job_tables,
    conversation_jobs,
    inbound_tables,
    counters,
)


def open_store(settings: Settings) -> Store:
    return Store.from_url(settings.db_url)


def open_database(store: Store) -> sessionmaker:
    """Create every table of the project on the store's database (once per role), and
    return ORM sessions on it."""
    create_tables(store.engine)
    return make_sessionmaker(store.engine)


def open_searcher(settings: Settings, store: Store) -> Any:
    """The ``retrieval.Searcher`` for this knowledge base (loads or updates the saved index)."""
    from retrieval import Searcher  # the models' libraries: imported when a role needs them

    return Searcher.open(
        store,
        settings.home_dir,
        encoders=settings.encoders,
        embed_model=settings.embed_model,
        hotline=settings.hotline,
        copies=settings.encoder_copies,
    )


def open_reviewer(settings: Settings) -> Reviewer:
    """The ``ONETRIP_OCR_ENGINE`` engine and the upload limits from the settings."""
    return Reviewer(make_ocr(settings.ocr_engine, settings.paddle_model_dir), settings.limits)


def open_jobs(settings: Settings, store: Store, executor: Executor | None = None) -> PrereviewJobs:
    """The jobs of ``settings``: on the RQ queue when ``ONETRIP_REDIS_URL`` is set."""
    queue = None
    if settings.redis_url:
        # rq and redis are the optional ``queue`` extra: imported only when configured.
        from bot._redis import redis_client
        from bot.jobs.rq_queue import RQJobQueue

        connection = redis_client(settings.redis_url)
        queue = RQJobQueue.open(connection, settings.redis_prefix, settings.retention_days)
    capacity = CapacityRules(
        max_waiting=settings.prereview_queue,
        jobs_per_hour=settings.prereview_jobs_per_hour,
        pages_per_hour=settings.prereview_pages_per_hour,
    )
    return PrereviewJobs(
        store,
        open_reviewer(settings),
        settings.home_dir / "uploads" / "prereview",
        settings.retention_days,
        executor,
        queue,
        threads=settings.prereview_threads,
        small_pages=settings.prereview_small_pages,
        admission=Admission(Counters(store.engine), capacity),
    )


def open_purger(
    settings: Settings,
    store: Store,
    jobs: PrereviewJobs,
    intake: JobsIntake,
    inbound: InboundMessages,
) -> Purger:
    """The periodic purge of everything with a retention period (bot.services.retention)."""
    engine = store.engine
    uploads = dt.timedelta(days=settings.retention_days)
    chat = dt.timedelta(days=settings.chat_retention_days)
    questions = dt.timedelta(days=settings.question_retention_days)
    return Purger(
        {
            "prereview jobs": jobs.purge,
            "links to purged jobs": lambda: retention.purge_job_links(engine),
            "unsubmitted chat files": lambda: retention.purge_files(intake.staging, uploads),
            "chat messages and conversations": lambda: retention.purge_chat(engine, chat),
            "unanswered questions": lambda: retention.purge_questions(engine, questions),
            "rate counters": lambda: Counters(engine).purge(dt.timedelta(days=1)),
            "WeChat message receipts": inbound.purge,
        },
        dt.timedelta(minutes=settings.purge_interval_minutes),
    )


def open_wechat_client(settings: Settings) -> ApiClient | None:
    """The WeChat API client when the Official Account's AppID and AppSecret are configured;
    its access token shared through Redis when ``ONETRIP_REDIS_URL`` is set."""
    if not (settings.wechat_appid and settings.wechat_secret):
        return None
    tokens = None
    if settings.redis_url:
        from bot._redis import redis_client

        tokens = shared_token_storage(redis_client(settings.redis_url), settings.redis_prefix)
    return ApiClient(
        settings.wechat_appid, settings.wechat_secret, settings.wechat_api_base, session=tokens
    )


def open_notice_delivery(
    settings: Settings,
    store: Store,
    jobs: PrereviewJobs,
    sessions: SessionStore,
    pusher: WeChatPush,
) -> NoticeDelivery:
    """Job finished → its notice into the conversation → pushed on WeChat: wired here only.

    The app and every worker process call this, so a notice is delivered the same
    way whichever process ran the job.
    """
    tokens = open_tokens(settings)
    notices = NoticeDelivery(
        jobs,
        sessions,
        ConversationJobs(store.engine),
        store,
        notice_path,
        settings.public_url,
        settings.centre_name,
        settings.hotline,
        push=pusher.push_reply,
        form_path=lambda job_id: chat_form_path(job_id, tokens.form_token(job_id)),
    )
    jobs.on_done(lambda job, _result: notices.deliver(job.id))
    return notices


def open_tokens(settings: Settings) -> Tokens:
    """The signer of chat tokens, upload and form links, from the app's one secret."""
    return Tokens(
        secret_key(settings.secret_key, settings.home_dir),
        link_max_age=settings.upload_link_minutes * 60,
        form_max_age=settings.retention_days * 86400,
    )


def _sessions(settings: Settings, store: Store) -> SessionStore:
    return SessionStore(store.engine, dt.timedelta(minutes=settings.session_timeout_minutes))


def build_services(
    settings: Settings, searcher: Any = None, jobs: PrereviewJobs | None = None
) -> Services:
    """Everything an app process holds. ``searcher`` and ``jobs`` let tests and benchmarks
    share a loaded ``retrieval.Searcher`` or run jobs on their own executor."""
    store = open_store(settings)
    db = open_database(store)
    secret = secret_key(settings.secret_key, settings.home_dir)
    tokens = open_tokens(settings)
    if searcher is None:
        searcher = LazySearcher(lambda: open_searcher(settings, store))
    jobs = jobs or open_jobs(settings, store)
    sessions = _sessions(settings, store)
    pusher = WeChatPush(open_wechat_client(settings), settings.public_url)
    notices = open_notice_delivery(settings, store, jobs, sessions, pusher)
    intake = JobsIntake(
        jobs,
        notices,
        settings.home_dir / "uploads" / "chat",
        settings.limits,
        owner_token=tokens.job_owner_token,
    )
    base = settings.public_url.rstrip("/")
    config = DialogConfig(
        centre=settings.centre_name,
        hotline=settings.hotline,
        link_minutes=settings.upload_link_minutes,
        allow_http_links=settings.allow_http_links,
        upload_link=lambda key: f"{base}/?t={tokens.link_token(key)}",
    )
    dialog = Dialog(searcher, store, sessions, Records(store.engine), config, intake, _normalize)
    wechat = WeChatChannel(
        Wire(
            settings.wechat_token,
            settings.wechat_aes_key,
            settings.wechat_appid,
            max_age=settings.wechat_max_age_seconds,
            compat=settings.wechat_compat_mode,
        ),
        dialog,
        InboundMessages(store.engine),
        pusher,
        settings.hotline,
        max_image_bytes=settings.limits.max_file_bytes,
    )
    return Services(
        settings=settings,
        store=store,
        db=db,
        secret=secret,
        searcher=searcher,
        tokens=tokens,
        dialog=dialog,
        jobs=jobs,
        intake=intake,
        notices=notices,
        wechat=wechat,
        login_limiter=LoginLimiter(Counters(store.engine)),
        purger=open_purger(settings, store, jobs, intake, wechat.inbound),
    )


def build_worker_jobs(settings: Settings) -> PrereviewJobs:
    """The jobs of an ``onetrip worker`` process: they deliver their notices (chat log,
    WeChat push) exactly as in the app that took the upload, without a dialog."""
    store = open_store(settings)
    open_database(store)
    jobs = open_jobs(settings, store)
    pusher = WeChatPush(open_wechat_client(settings), settings.public_url)
    open_notice_delivery(settings, store, jobs, _sessions(settings, store), pusher)
    return jobs


def _normalize(text: str) -> str:
    """retrieval's normalisation, the key that groups unanswered questions."""
    from retrieval import normalize  # loads jieba's dictionary: not while building an app

    return normalize(text)
