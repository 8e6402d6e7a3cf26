"""WeChat's Official Account, kept in one place: the wire format (signatures, encryption,
XML), the API client, how a reply reads as chat text, and the channel that turns a
message into a dialog turn. The dialog gets plain :class:`bot.dialog.Incoming` objects;
the HTTP route ``/wechat`` (:mod:`bot.channels.wechat_callback`) only passes bytes in and out.
"""

from bot.wechat.channel import Outcome, WeChatChannel
from bot.wechat.client import ApiClient, shared_token_storage
from bot.wechat.inbound import InboundMessages
from bot.wechat.push import WeChatPush
from bot.wechat.text import MAX_TEXT_BYTES, MENU_KEYS, menu, reply_text, split_text
from bot.wechat.wire import Forbidden, Malformed, Query, Wire

__all__ = [
    "MAX_TEXT_BYTES",
    "MENU_KEYS",
    "ApiClient",
    "Forbidden",
    "InboundMessages",
    "Malformed",
    "Outcome",
    "Query",
    "WeChatChannel",
    "WeChatPush",
    "Wire",
    "menu",
    "reply_text",
    "shared_token_storage",
    "split_text",
]
