"""The Official Account as a chat channel: a WeChat message in, a dialog turn, a reply out.

WeChat waits five seconds and retries a message up to three times, so each
message is handled once (keyed by MsgId, or sender + CreateTime for events):
a repeat waits for the first handling and gets the same reply. Quick answers
are the passive reply; the rest of a long reply is pushed as customer-service
messages (客服消息).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.dialog import Dialog, Incoming, Reply, Upload, texts
from bot.wechat.inbound import InboundMessages
from bot.wechat.media import MediaRefused, fetch_media
from bot.wechat.push import WeChatPush
from bot.wechat.text import MENU_KEYS, split_text
from bot.wechat.wire import Query, Wire

logger = logging.getLogger(__name__)

RETRY_WAIT_SECONDS = 4.0
VOICE_UNCLEAR = "抱歉，没有听清您的语音，请发送文字消息。"
UNSUPPORTED = "暂时只能处理文字、语音和图片消息，请用文字描述您的问题。"
IMAGE_FAILED = "图片接收失败，请重新发送。"


@dataclass(frozen=True)
class Outcome:
    body: str
    openid: str
    later: list[str]


class WeChatChannel:
    """Translates WeChat messages to dialog turns and dialog replies to WeChat messages."""

    def __init__(
        self,
        wire: Wire,
        dialog: Dialog,
        inbound: InboundMessages,
        pusher: WeChatPush,
        hotline: str,
        max_image_bytes: int = 20 * 1024 * 1024,
    ) -> None:
        self.wire = wire
        self.max_image_bytes = max_image_bytes
        self.dialog = dialog
        self.inbound = inbound
        self.pusher = pusher
        self.hotline = hotline

    def handle(self, query: Query, body: bytes) -> Outcome:
        """The response body, and the pieces still to push as customer-service messages."""
        message, encrypted = self.wire.open(query, body)
        key = _dedup_key(message)
        if not self.inbound.claim(key):
            earlier = self.inbound.wait_reply(key, RETRY_WAIT_SECONDS)
            body_ = self.wire.respond(message, earlier[0] if earlier else None, encrypted, query)
            return Outcome(body_, message.source, [])
        pieces: list[str] = []
        try:
            reply = self.turn(message)
            pieces = split_text(self.pusher.render(reply)) if reply is not None else []
        except Exception:
            logger.exception("WeChat message %s failed", key)
            pieces = [texts.ERROR.format(hotline=self.hotline)]
        finally:
            self.inbound.finish(key, pieces)
        can_push = self.pusher.client is not None
        later = pieces[1:] if can_push else []
        first = pieces[0] if pieces else None
        if first and len(pieces) > 1 and not can_push:
            first = split_text(first + "\n……（内容较长，未能全部显示）")[0]
        return Outcome(self.wire.respond(message, first, encrypted, query), message.source, later)

    def turn(self, message: object) -> Reply | None:
        """One dialog turn for a message; None when WeChat expects no reply."""
        kind = getattr(message, "type", "unknown")
        key = f"wechat:{message.source}"
        if kind == "text":
            return self.dialog.handle(
                key, Incoming(text=message.content or "", can_send_files=False)
            )
        if kind == "voice":
            text = (message.recognition or "").strip()
            if not text:
                return Reply([VOICE_UNCLEAR], kind="error")
            return self.dialog.handle(key, Incoming(text=text, can_send_files=False))
        if kind == "image":
            try:
                data = fetch_media(self.pusher.client, message.media_id, self.max_image_bytes)
            except MediaRefused as exc:
                return Reply([exc.message], kind="error")
            except Exception:
                logger.exception("downloading image %s failed", message.media_id)
                return Reply([IMAGE_FAILED], kind="error")
            upload = Upload(name=f"照片{message.id or ''}", data=data, content_type="image/jpeg")
            return self.dialog.handle(key, Incoming(files=(upload,), can_send_files=False))
        if kind == "event":
            return self._event(key, message)
        return Reply([UNSUPPORTED], kind="error")

    def _event(self, key: str, message: object) -> Reply | None:
        """Subscribing greets, a menu click runs its command; other events (unsubscribe,
        menu links, location reports) need no reply."""
        event = (getattr(message, "event", "") or "").lower()
        if event in ("subscribe", "subscribe_scan"):
            return self.dialog.handle(key, Incoming(command="welcome", can_send_files=False))
        if event == "click":
            command = MENU_KEYS.get(getattr(message, "key", "") or "", "help")
            return self.dialog.handle(key, Incoming(command=command, can_send_files=False))
        return None


def _dedup_key(message: object) -> str:
    msg_id = getattr(message, "id", 0)
    if msg_id:
        return f"wechat:msg:{msg_id}"
    event = getattr(message, "event", "") or getattr(message, "type", "")
    return f"wechat:{message.source}:{message.time}:{event}"
