"""A photo a citizen sent in the Official Account, fetched from WeChat's media API only.

An image message carries a ``PicUrl`` too, but fetching it would let anyone who
can sign a message (or a leaked token) make the server request any address,
loopback included; so only the temporary-media API (``media/get``, under
``ONETRIP_WECHAT_API_BASE``) is used, and without an AppSecret photos are
refused with a pointer to the web page. The body is streamed and given up as
soon as it passes the upload limit: a 300 MB answer is never held in memory.
"""

from __future__ import annotations

import json

import httpx

from bot.wechat.client import ApiClient

CHUNK = 64 * 1024
NO_MEDIA_API = "暂时无法在公众号里接收图片，请回复“预审”获取专属网页链接，在网页上上传材料。"
TOO_LARGE = "图片超过 {mb}MB，请压缩后重新发送，或回复“预审”获取网页链接上传。"


class MediaRefused(Exception):
    """The photo was not fetched; the message tells the citizen what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def fetch_media(
    client: ApiClient | None, media_id: str | None, max_bytes: int, timeout: float = 10.0
) -> bytes:
    """The media file's bytes; raises :class:`MediaRefused` (no API, too large) or
    ``httpx.HTTPError`` / ``ValueError`` when WeChat does not deliver it."""
    if client is None or not media_id:
        raise MediaRefused(NO_MEDIA_API)
    too_large = MediaRefused(TOO_LARGE.format(mb=max(1, max_bytes // (1024 * 1024))))
    url = client.API_BASE_URL + "media/get"
    params = {"access_token": client.access_token, "media_id": media_id}
    with httpx.stream("GET", url, params=params, timeout=timeout) as response:
        response.raise_for_status()
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise too_large
        kind = response.headers.get("content-type", "")
        data = bytearray()
        for chunk in response.iter_bytes(CHUNK):
            data += chunk
            if len(data) > max_bytes:
                raise too_large
    if "json" in kind or "text" in kind:  # an error such as {"errcode":40007,...}
        raise ValueError(f"media/get answered {json.loads(bytes(data) or b'{}')}")
    if not data:
        raise ValueError("media/get returned an empty file")
    return bytes(data)
