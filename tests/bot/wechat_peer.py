"""The WeChat side of the wire, for tests: the platform that calls ``/wechat``,
and a fake WeChat API (token, customer-service messages, media, jscode2session).

Messages are signed and, in safe mode, encrypted with wechatpy's own
``WeChatCrypto``; replies are decrypted and parsed with wechatpy too.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import httpx
import uvicorn
from wechatpy.crypto import WeChatCrypto
from wechatpy.replies import deserialize_reply
from wechatpy.utils import WeChatSigner

TOKEN = "onetrip-test-token"
APPID = "wx0123456789abcdef"
SECRET = "test-secret"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"  # 43 characters


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """An ASGI app served by a real uvicorn in a thread, on a free loopback port."""

    def __init__(self, app, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _sign(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


def text_xml(openid: str, content: str, msg_id: int, create_time: int | None = None) -> str:
    return (
        f"<xml><ToUserName><![CDATA[gh_onetrip]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime>"
        f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>"
        f"<MsgId>{msg_id}</MsgId></xml>"
    )


def voice_xml(openid: str, recognition: str | None, msg_id: int) -> str:
    field_ = f"<Recognition><![CDATA[{recognition}]]></Recognition>" if recognition else ""
    return (
        f"<xml><ToUserName><![CDATA[gh_onetrip]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[voice]]></MsgType>"
        f"<MediaId><![CDATA[voice-{msg_id}]]></MediaId><Format><![CDATA[amr]]></Format>"
        f"{field_}<MsgId>{msg_id}</MsgId></xml>"
    )


def image_xml(openid: str, pic_url: str, media_id: str, msg_id: int) -> str:
    return (
        f"<xml><ToUserName><![CDATA[gh_onetrip]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{int(time.time())}</CreateTime><MsgType><![CDATA[image]]></MsgType>"
        f"<PicUrl><![CDATA[{pic_url}]]></PicUrl><MediaId><![CDATA[{media_id}]]></MediaId>"
        f"<MsgId>{msg_id}</MsgId></xml>"
    )


def event_xml(openid: str, event: str, key: str = "", create_time: int | None = None) -> str:
    return (
        f"<xml><ToUserName><![CDATA[gh_onetrip]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time or int(time.time())}</CreateTime>"
        f"<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{event}]]></Event>"
        f"<EventKey><![CDATA[{key}]]></EventKey></xml>"
    )


@dataclass
class Platform:
    """Posts messages to ``/wechat`` the way WeChat does, plain or safe mode."""

    base_url: str
    safe: bool = False
    token: str = TOKEN
    crypto: WeChatCrypto = field(default_factory=lambda: WeChatCrypto(TOKEN, AES_KEY, APPID))

    def post(self, xml: str, forge: bool = False, timeout: float = 15.0) -> httpx.Response:
        timestamp, nonce = str(int(time.time())), f"n{time.monotonic_ns()}"
        params = {"timestamp": timestamp, "nonce": nonce, "openid": "x"}
        params["signature"] = _sign(self.token, timestamp, nonce)
        body = xml
        if self.safe:
            envelope = self.crypto.encrypt_message(xml, nonce, timestamp)
            encrypt = envelope.split("<Encrypt><![CDATA[")[1].split("]]>")[0]
            params["encrypt_type"] = "aes"
            params["msg_signature"] = _sign(self.token, timestamp, nonce, encrypt)
            body = (
                "<xml><ToUserName><![CDATA[gh_onetrip]]></ToUserName>"
                f"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"
            )
        if forge:
            params["signature"] = "0" * 40
            if "msg_signature" in params:
                params["msg_signature"] = "0" * 40
        return httpx.post(
            f"{self.base_url}/wechat",
            params=params,
            content=body.encode("utf-8"),
            timeout=timeout,
        )

    def reply_text(self, response: httpx.Response) -> str | None:
        """The text of the passive reply, decrypted in safe mode; None for "success"."""
        body = response.text
        if body in ("", "success"):
            return None
        if self.safe:
            import xmltodict

            envelope = xmltodict.parse(body)["xml"]
            body = self.crypto.decrypt_message(
                body, envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"]
            )
        reply = deserialize_reply(body)
        return reply.content


class FakeWeChatApi:
    """A loopback stand-in for api.weixin.qq.com: records what the bot calls."""

    def __init__(self, images: dict[str, bytes] | None = None) -> None:
        self.images = images or {}
        self.sent: list[dict] = []
        self.menus: list[dict] = []
        self.token_requests = 0
        self.lock = threading.Lock()
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
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                if url.path == "/cgi-bin/token":
                    with fake.lock:
                        fake.token_requests += 1
                    self._json({"access_token": "ACCESS", "expires_in": 7200})
                elif url.path in ("/cgi-bin/media/get", "/pic"):
                    data = fake.images.get(query.get("media_id") or query.get("name", ""))
                    if data is None:
                        self._json({"errcode": 40007, "errmsg": "invalid media_id"})
                        return
                    self.send_response(200)
                    self.send_header("Content-Type", "image/png")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                elif url.path == "/sns/jscode2session":
                    if query.get("js_code") == "bad-code":
                        self._json({"errcode": 40029, "errmsg": "invalid code"})
                    else:
                        self._json({"openid": f"mp-{query['js_code']}", "session_key": "k"})
                else:
                    self.send_error(404)

            def do_POST(self) -> None:
                url = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                data = json.loads(self.rfile.read(length) or b"{}")
                if url.path == "/cgi-bin/message/custom/send":
                    with fake.lock:
                        fake.sent.append(data)
                    self._json({"errcode": 0, "errmsg": "ok"})
                elif url.path == "/cgi-bin/menu/create":
                    fake.menus.append(data)
                    self._json({"errcode": 0, "errmsg": "ok"})
                else:
                    self.send_error(404)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeWeChatApi:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def wait_sent(self, count: int, timeout: float = 120.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.sent) >= count:
                    return list(self.sent)
            time.sleep(0.1)
        with self.lock:
            return list(self.sent)
