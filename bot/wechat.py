"""The Official Account callback ``/wechat`` (公众号服务器配置): plain and safe mode.

Every request is checked against the token's signature (a bad one is 403 and
touches nothing); in safe mode (``settings.wechat_aes_key`` set) the message is
decrypted and the reply encrypted with wechatpy's ``WeChatCrypto``. WeChat
waits five seconds and retries a message up to three times, so each message is
handled once (keyed by MsgId, or sender + CreateTime for events, in the
database): a repeat waits for the first handling and gets the same reply.
Quick answers are the passive reply; pre-review results and the rest of a long
reply are pushed as customer-service messages (客服消息).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fastapi import APIRouter, BackgroundTasks, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature

from bot.dialog import Dialog, Incoming, Reply, SessionStore, Upload
from bot.settings import Settings
from bot.wechat_client import ApiClient, download_image, open_client
from bot.wechat_format import MENU_KEYS, reply_text, split_text

logger = logging.getLogger(__name__)
router = APIRouter(tags=["wechat"])

RETRY_WAIT_SECONDS = 4.0
VOICE_UNCLEAR = "抱歉，没有听清您的语音，请发送文字消息。"
UNSUPPORTED = "暂时只能处理文字、语音和图片消息，请用文字描述您的问题。"
IMAGE_FAILED = "图片接收失败，请重新发送。"


class Forbidden(Exception):
    """The request does not carry a valid signature: answered 403, nothing stored."""


class Malformed(Exception):
    """A correctly signed body that is not a WeChat message: answered 400."""


@dataclass(frozen=True)
class Query:
    signature: str
    timestamp: str
    nonce: str
    encrypt_type: str | None = None
    msg_signature: str | None = None


@dataclass(frozen=True)
class Outcome:
    body: str
    openid: str
    later: list[str]


class WeChatChannel:
    """Translates WeChat messages to dialog turns and dialog replies to WeChat messages."""

    def __init__(
        self,
        settings: Settings,
        dialog: Dialog,
        sessions: SessionStore,
        client: ApiClient | None = None,
    ) -> None:
        self.settings = settings
        self.dialog = dialog
        self.sessions = sessions
        self.client = client if client is not None else open_client(settings)
        self.crypto = (
            WeChatCrypto(
                settings.wechat_token, settings.wechat_aes_key, settings.wechat_appid or ""
            )
            if settings.wechat_aes_key and settings.wechat_token
            else None
        )

    # -- the wire -------------------------------------------------------------

    def verify(self, query: Query) -> None:
        token = self.settings.wechat_token
        if not token:
            raise Forbidden("未配置公众号 Token（ONETRIP_WECHAT_TOKEN）")
        try:
            check_signature(token, query.signature, query.timestamp, query.nonce)
        except InvalidSignatureException as exc:
            raise Forbidden("签名错误") from exc

    def open(self, query: Query, body: bytes) -> tuple[object, bool]:
        """The parsed message and whether it came encrypted (safe mode)."""
        self.verify(query)
        encrypted = (query.encrypt_type or "").lower() == "aes"
        xml: bytes | str = body
        if encrypted:
            if self.crypto is None or not query.msg_signature:
                raise Forbidden("未配置 EncodingAESKey，无法解密")
            try:
                xml = self.crypto.decrypt_message(
                    body, query.msg_signature, query.timestamp, query.nonce
                )
            except (InvalidSignatureException, InvalidAppIdException) as exc:
                raise Forbidden("消息签名错误") from exc
            except Exception as exc:
                raise Malformed("无法解密消息") from exc
        try:
            message = parse_message(xml)
        except Exception as exc:
            raise Malformed("不是有效的微信消息") from exc
        if message is None or not getattr(message, "source", None):
            raise Malformed("不是有效的微信消息")
        return message, encrypted

    def respond(self, message: object, text: str | None, encrypted: bool, query: Query) -> str:
        if not text:
            return "success"
        xml = TextReply(message=message, content=text).render()
        if encrypted and self.crypto is not None:
            return self.crypto.encrypt_message(xml, query.nonce, query.timestamp)
        return xml

    # -- one message ----------------------------------------------------------

    def handle(self, query: Query, body: bytes) -> Outcome:
        """The response body, and the pieces still to push as customer-service messages."""
        message, encrypted = self.open(query, body)
        key = _dedup_key(message)
        if not self.sessions.claim(key):
            earlier = self.sessions.wait_reply(key, RETRY_WAIT_SECONDS)
            body_ = self.respond(message, earlier[0] if earlier else None, encrypted, query)
            return Outcome(body_, message.source, [])
        pieces: list[str] = []
        try:
            reply = self.turn(message)
            pieces = split_text(self.render(reply)) if reply is not None else []
        except Exception:
            logger.exception("WeChat message %s failed", key)
            pieces = [
                f"抱歉，系统暂时出了点问题，请稍后再试，或拨打 {self.settings.hotline} 咨询。"
            ]
        finally:
            self.sessions.finish(key, pieces)
        later = pieces[1:] if self.client is not None else []
        first = pieces[0] if pieces else None
        if first and len(pieces) > 1 and self.client is None:
            first = split_text(first + "\n……（内容较长，未能全部显示）")[0]
        return Outcome(self.respond(message, first, encrypted, query), message.source, later)

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
                data = download_image(self.client, message.media_id, message.image)
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

    # -- pushes ---------------------------------------------------------------

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
        """Deliver a later reply (a pre-review notice) to a WeChat user, if it is one."""
        if self.client is None or not key.startswith("wechat:"):
            return
        self.push(key.split(":", 1)[1], split_text(self.render(reply)))

    def render(self, reply: Reply) -> str:
        return reply_text(reply, self.settings.public_url)


def _dedup_key(message: object) -> str:
    msg_id = getattr(message, "id", 0)
    if msg_id:
        return f"wechat:msg:{msg_id}"
    event = getattr(message, "event", "") or getattr(message, "type", "")
    return f"wechat:{message.source}:{message.time}:{event}"


def _query(request: Request) -> Query:
    params = request.query_params
    return Query(
        signature=params.get("signature", ""),
        timestamp=params.get("timestamp", ""),
        nonce=params.get("nonce", ""),
        encrypt_type=params.get("encrypt_type"),
        msg_signature=params.get("msg_signature"),
    )


def _channel(request: Request) -> WeChatChannel:
    return request.app.state.wechat


@router.get("/wechat", response_class=PlainTextResponse, summary="公众号服务器地址验证")
def verify_url(request: Request) -> Response:
    try:
        _channel(request).verify(_query(request))
    except Forbidden as exc:
        return PlainTextResponse(str(exc), status_code=403)
    return PlainTextResponse(request.query_params.get("echostr", ""))


@router.post("/wechat", summary="公众号消息与事件回调（明文与安全模式）")
async def callback(request: Request, background: BackgroundTasks) -> Response:
    body = await request.body()
    channel = _channel(request)
    query = _query(request)
    try:
        outcome = await run_in_threadpool(channel.handle, query, body)
    except Forbidden as exc:
        return PlainTextResponse(str(exc), status_code=403)
    except Malformed as exc:
        return PlainTextResponse(str(exc), status_code=400)
    if outcome.later:
        background.add_task(channel.push, outcome.openid, outcome.later)
    media_type = "text/plain" if outcome.body == "success" else "application/xml"
    return Response(content=outcome.body, media_type=media_type)
