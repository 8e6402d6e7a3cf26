"""Customer-service messages (客服消息): what the bot says after the five-second reply window —
the rest of a long reply, and a pre-review notice once its job is done."""

from __future__ import annotations

import logging

from bot.dialog import Reply
from bot.wechat.client import ApiClient
from bot.wechat.text import reply_text, split_text

logger = logging.getLogger(__name__)


class WeChatPush:
    """Pushes texts to an Official Account follower; does nothing without AppID and AppSecret."""

    def __init__(self, client: ApiClient | None, public_url: str) -> None:
        self.client = client
        self.public_url = public_url

    def render(self, reply: Reply) -> str:
        return reply_text(reply, self.public_url)

    def push(self, openid: str, pieces: list[str]) -> None:
        if self.client is None:
            return
        for piece in pieces:
            try:
                self.client.message.send_text(openid, piece)
            except Exception:
                logger.exception("customer-service message to %s failed", openid)
                return

    def push_reply(self, key: str, reply: Reply) -> None:
        """Deliver a later reply (a pre-review notice) to a conversation, if it is a WeChat one."""
        if self.client is None or not key.startswith("wechat:"):
            return
        self.push(key.split(":", 1)[1], split_text(self.render(reply)))
