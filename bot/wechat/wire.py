"""The Official Account's wire format: signatures, safe-mode encryption, message XML.

Every request is checked against the token's signature (a bad one touches
nothing); in safe mode (an EncodingAESKey configured) the message is decrypted
and the reply encrypted with wechatpy's ``WeChatCrypto``. Parsing a message and
rendering a reply are kept here, apart from what the bot says.

A signature never expires by itself, so a message is refused when its signed
timestamp is further than ``max_age`` seconds from now (a replay of a captured
message); and with an EncodingAESKey configured a plaintext message is refused
(its body is not signed at all), unless the account runs in 兼容模式 (``compat``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.replies import TextReply
from wechatpy.utils import check_signature


class Forbidden(Exception):
    """The request does not carry a valid signature: answered 403, nothing stored."""


class Malformed(Exception):
    """A correctly signed body that is not a WeChat message: answered 400."""


@dataclass(frozen=True)
class Query:
    """The callback's query string: WeChat's signature of the request."""

    signature: str
    timestamp: str
    nonce: str
    encrypt_type: str | None = None
    msg_signature: str | None = None


class Wire:
    """Verify, decrypt and parse callbacks of one Official Account; render its replies."""

    def __init__(
        self,
        token: str | None,
        aes_key: str | None,
        appid: str | None,
        max_age: int = 300,
        compat: bool = False,
    ) -> None:
        self.token = token
        self.crypto = WeChatCrypto(token, aes_key, appid or "") if aes_key and token else None
        self.max_age = max_age
        self.compat = compat

    def verify(self, query: Query) -> None:
        if not self.token:
            raise Forbidden("未配置公众号 Token（ONETRIP_WECHAT_TOKEN）")
        try:
            check_signature(self.token, query.signature, query.timestamp, query.nonce)
        except InvalidSignatureException as exc:
            raise Forbidden("签名错误") from exc

    def open(self, query: Query, body: bytes) -> tuple[object, bool]:
        """The parsed message and whether it came encrypted (safe mode)."""
        self.verify(query)
        self._check_age(query.timestamp)
        encrypted = (query.encrypt_type or "").lower() == "aes"
        if not encrypted and self.crypto is not None and not self.compat:
            raise Forbidden(
                "已启用安全模式，不接受明文消息（如需兼容模式请设置 ONETRIP_WECHAT_COMPAT_MODE）"
            )
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

    def _check_age(self, timestamp: str) -> None:
        try:
            sent = int(timestamp)
        except ValueError as exc:
            raise Forbidden("时间戳无效") from exc
        if abs(time.time() - sent) > self.max_age:
            raise Forbidden("消息时间戳已过期")

    def respond(self, message: object, text: str | None, encrypted: bool, query: Query) -> str:
        """The passive reply: a text message (encrypted in safe mode), or ``success``."""
        if not text:
            return "success"
        xml = TextReply(message=message, content=text).render()
        if encrypted and self.crypto is not None:
            return self.crypto.encrypt_message(xml, query.nonce, query.timestamp)
        return xml
