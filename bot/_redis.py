"""The Redis connection of ``ONETRIP_REDIS_URL`` (the ``queue`` extra), for jobs and tokens."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from redis import Redis


def redis_client(url: str) -> Redis:
    """A client that gives up connecting after a few seconds instead of hanging a request."""
    return Redis.from_url(url, socket_connect_timeout=3, health_check_interval=30)


def shown_url(url: str) -> str:
    """The Redis URL without its password, for messages and logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))
