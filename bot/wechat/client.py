"""Calls to the WeChat API (customer-service messages, temporary media, menu) via wechatpy.

The API base URL comes from ``ONETRIP_WECHAT_API_BASE``, so that tests and
private deployments can point it at another server; wechatpy's own client
fetches its access token from a fixed address, which this subclass moves too.

Each fetch of an access token invalidates the previous one after a while, and
WeChat limits fetches per day, so processes must not each fetch their own: with
``ONETRIP_REDIS_URL`` set the token is kept in Redis (wechatpy's
``RedisStorage``) and every app and worker process uses the same one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from wechatpy import WeChatClient
from wechatpy.session import SessionStorage

if TYPE_CHECKING:
    from redis import Redis


logger = logging.getLogger(__name__)


class ApiClient(WeChatClient):
    """wechatpy's ``WeChatClient`` with every call, the token included, under ``api_base``."""

    def __init__(
        self,
        appid: str,
        secret: str,
        api_base: str,
        timeout: float = 5.0,
        session: SessionStorage | None = None,
    ) -> None:
        super().__init__(appid, secret, session=session, timeout=timeout)
        self.API_BASE_URL = api_base if api_base.endswith("/") else api_base + "/"

    def fetch_access_token(self) -> dict:
        return self._fetch_access_token(
            url=self.API_BASE_URL + "token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


def shared_token_storage(connection: Redis, prefix: str) -> SessionStorage:
    """The access token kept in Redis, so every app and worker process uses the same one."""
    from wechatpy.session.redisstorage import RedisStorage  # redis: the ``queue`` extra

    return RedisStorage(connection, prefix=f"{prefix}:wechat")
