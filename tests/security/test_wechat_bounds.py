"""Findings 4 and 6 on the WeChat callback: the text limit, message age, plaintext in safe
mode, and image fetches (only WeChat's media API, size streamed and capped).

The app runs on a real uvicorn; wechatpy signs and encrypts on the WeChat side.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse

import httpx
import pytest
from wechatpy.crypto import WeChatCrypto

from tests.bot.wechat_peer import (
    AES_KEY,
    APPID,
    SECRET,
    TOKEN,
    Platform,
    Served,
    _sign,
    image_xml,
    text_xml,
)
from tests.security.conftest import query

OPENID = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"


class FakeApi:
    """WeChat's API on loopback: a token, and a media file of ``media_bytes`` bytes (streamed).

    Counts the bytes the bot actually read of the media file and every other request.
    """

    def __init__(self, media_bytes: int = 0) -> None:
        self.media_bytes = media_bytes
        self.sent_bytes = 0
        self.requests: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _json(self, data: dict) -> None:
                body = json.dumps(data).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                path = urlparse(self.path).path
                fake.requests.append(path)
                if path == "/cgi-bin/token":
                    self._json({"access_token": "ACCESS", "expires_in": 7200})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/jpeg")
                self.send_header("Content-Length", str(fake.media_bytes))
                self.end_headers()
                chunk = b"\xff\xd8\xff\xe0" + b"\0" * (64 * 1024 - 4)
                try:
                    while fake.sent_bytes < fake.media_bytes:
                        self.wfile.write(chunk)
                        fake.sent_bytes += len(chunk)
                except OSError:
                    pass

            def do_POST(self) -> None:
                fake.requests.append(urlparse(self.path).path)
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                self._json({"errcode": 0, "errmsg": "ok"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _app(home, api_url: str = "http://127.0.0.1:9", **extra):
    from bot.app import create_app
    from bot.settings import Settings

    settings = Settings(
        home=home,
        wechat_token=TOKEN,
        wechat_appid=APPID,
        wechat_aes_key=AES_KEY,
        wechat_api_base=f"{api_url}/cgi-bin/",
        **extra,
    )
    return create_app(settings)


def _post_at(base_url: str, xml: str, timestamp: int) -> httpx.Response:
    """A safe-mode message signed and encrypted as WeChat does, with the given timestamp."""
    crypto = WeChatCrypto(TOKEN, AES_KEY, APPID)
    nonce = f"n{time.monotonic_ns()}"
    envelope = crypto.encrypt_message(xml, nonce, str(timestamp))
    encrypt = envelope.split("<Encrypt><![CDATA[")[1].split("]]>")[0]
    params = {
        "timestamp": str(timestamp),
        "nonce": nonce,
        "signature": _sign(TOKEN, str(timestamp), nonce),
        "encrypt_type": "aes",
        "msg_signature": _sign(TOKEN, str(timestamp), nonce, encrypt),
    }
    body = f"<xml><ToUserName><![CDATA[gh_onetrip]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
    return httpx.post(f"{base_url}/wechat", params=params, content=body.encode(), timeout=30)


def test_a_long_message_is_cut_to_the_chat_limit_with_a_note(instance):
    with Served(_app(instance)) as server:
        platform = Platform(server.url, safe=True)
        long = "我想问营业执照怎么补领" * 2000  # 22 000 characters
        started = time.monotonic()
        response = platform.post(text_xml(OPENID, long, msg_id=9101), timeout=60)
        reply = platform.reply_text(response)
    assert time.monotonic() - started < 15
    assert "只处理了前 500 个字" in reply
    stored = query(instance, "SELECT text FROM chat_log WHERE direction = 'in'")
    assert stored and all(len(row[0]) <= 600 for row in stored)


def test_an_old_signed_message_is_refused(instance):
    with Served(_app(instance)) as server:
        year_ago = int(time.time()) - 365 * 24 * 3600
        old = _post_at(server.url, text_xml(OPENID, "你好", 9201, year_ago), year_ago)
        recent = int(time.time()) - 60
        fresh = _post_at(server.url, text_xml(OPENID, "你好", 9202, recent), recent)
    assert old.status_code == 403
    assert fresh.status_code == 200
    assert query(instance, "SELECT count(*) FROM chat_log")[0][0] == 2  # the fresh one only


@pytest.mark.parametrize("compat", [False, True], ids=["safe", "compat"])
def test_plaintext_is_refused_when_safe_mode_is_configured(instance, compat):
    with Served(_app(instance, wechat_compat_mode=compat)) as server:
        plain = Platform(server.url, safe=False).post(text_xml(OPENID, "你好", 9300 + compat))
    assert plain.status_code == (200 if compat else 403)


def test_a_picture_url_is_never_fetched_without_the_media_api(instance):
    """No AppSecret: the bot cannot use the media API, and must not fetch the PicUrl."""
    target = FakeApi(media_bytes=1000)
    try:
        with Served(_app(instance)) as server:
            platform = Platform(server.url, safe=True)
            photo = image_xml(OPENID, f"{target.url}/internal/admin", "media-1", msg_id=9401)
            reply = platform.reply_text(platform.post(photo))
    finally:
        target.close()
    assert target.requests == []
    assert reply and "网页" in reply


def test_an_oversized_media_file_is_refused_without_reading_it_all(instance):
    api = FakeApi(media_bytes=80 * 1024 * 1024)
    try:
        app = _app(instance, api.url, wechat_secret=SECRET, max_file_mb=2)
        with Served(app) as server:
            platform = Platform(server.url, safe=True)
            photo = image_xml(OPENID, "http://127.0.0.1:9/pic", "media-big", msg_id=9501)
            reply = platform.reply_text(platform.post(photo, timeout=60))
    finally:
        api.close()
    assert api.sent_bytes < 16 * 1024 * 1024, f"{api.sent_bytes} bytes were read"
    assert reply and "2MB" in reply
