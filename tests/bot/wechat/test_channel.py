"""The Official Account callback over real HTTP, with wechatpy on the WeChat side.

uvicorn serves the app on a loopback port; messages are built, signed and (in
safe mode) encrypted with wechatpy's ``WeChatCrypto``; replies are decrypted
and parsed with wechatpy. A fake WeChat API on loopback receives pushes.
"""

from __future__ import annotations

import re
import threading
import time
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from bot.app import create_app
from bot.dialog import Reply
from bot.dialog.tables import ChatLogRow, ChatSessionRow
from bot.settings import Settings
from bot.wechat import MAX_TEXT_BYTES
from bot.wechat.inbound import InboundRow
from tests.bot.conftest import count, document_pdf, id_card_png
from tests.bot.wechat_peer import (
    AES_KEY,
    APPID,
    SECRET,
    TOKEN,
    FakeWeChatApi,
    Platform,
    Served,
    _sign,
    event_xml,
    free_port,
    image_xml,
    text_xml,
    voice_xml,
)

OPENID = "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"


@pytest.fixture
def fake_api():
    with FakeWeChatApi() as api:
        yield api


def wechat_settings(home, fake_api=None, safe=True, secret=True) -> Settings:
    return Settings(
        home=home,
        wechat_token=TOKEN,
        wechat_appid=APPID,
        wechat_secret=SECRET if secret else None,
        wechat_aes_key=AES_KEY if safe else None,
        wechat_api_base=f"{fake_api.url}/cgi-bin/" if fake_api else "http://127.0.0.1:9/cgi-bin/",
        # 兼容模式: these tests send plain and encrypted messages to one account
        # (plaintext alone is refused in safe mode: tests/security/test_wechat_bounds.py).
        wechat_compat_mode=True,
    )


@pytest.fixture
def served(home, store, fake_api):
    """The app (no search models needed for these messages) on a real uvicorn."""
    app = create_app(wechat_settings(home, fake_api))
    with Served(app) as server:
        server.app = app
        yield server


def test_url_verification(served):
    timestamp, nonce = "1700000000", "nonce-1"
    ok = httpx.get(
        f"{served.url}/wechat",
        params={
            "signature": _sign(TOKEN, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
            "echostr": "echo-123",
        },
    )
    assert ok.status_code == 200 and ok.text == "echo-123"
    forged = httpx.get(
        f"{served.url}/wechat",
        params={"signature": "0" * 40, "timestamp": timestamp, "nonce": nonce, "echostr": "x"},
    )
    assert forged.status_code == 403


@pytest.mark.parametrize("safe", [False, True], ids=["plain", "safe"])
def test_text_message_gets_a_passive_reply(served, safe):
    platform = Platform(served.url, safe=safe)
    response = platform.post(text_xml(OPENID, "你好", msg_id=1001))
    assert response.status_code == 200
    if safe:
        assert "<Encrypt>" in response.text and "你好" not in response.text
    reply = platform.reply_text(response)
    assert "智能办事助手" in reply
    assert "预审" in reply  # the hint of what the bot can do


@pytest.mark.parametrize("safe", [False, True], ids=["plain", "safe"])
def test_forged_signature_is_403_and_nothing_is_stored(served, store, safe):
    platform = Platform(served.url, safe=safe)
    response = platform.post(text_xml(OPENID, "你好", msg_id=2001), forge=True)
    assert response.status_code == 403
    assert count(store, InboundRow) == 0
    assert count(store, ChatSessionRow) == 0
    assert count(store, ChatLogRow) == 0


def test_message_sent_three_times_is_handled_once(served, store):
    platform = Platform(served.url, safe=True)
    xml = text_xml(OPENID, "你好", msg_id=3001)
    replies = [platform.reply_text(platform.post(xml)) for _ in range(3)]
    assert replies[0] and replies.count(replies[0]) == 3  # a retry gets the same reply
    assert count(store, InboundRow) == 1
    assert count(store, ChatLogRow, ChatLogRow.direction == "in") == 1
    assert count(store, ChatLogRow, ChatLogRow.direction == "out") == 1


def test_retry_while_the_first_is_still_processing(served, store):
    """WeChat retries after its 5-second wait; the retry must not start a second turn."""
    dialog = served.app.state.services.dialog
    original = dialog.handle

    def slow_handle(key, incoming):
        time.sleep(1.5)
        return original(key, incoming)

    dialog.handle = slow_handle
    platform = Platform(served.url, safe=True)
    xml = text_xml(OPENID, "谢谢", msg_id=4001)
    results: list[str | None] = []

    def send() -> None:
        results.append(platform.reply_text(platform.post(xml)))

    threads = [threading.Thread(target=send) for _ in range(3)]
    for thread in threads:
        thread.start()
        time.sleep(0.3)
    for thread in threads:
        thread.join()
    assert len(results) == 3 and len(set(results)) == 1 and results[0]
    assert count(store, ChatLogRow, ChatLogRow.direction == "out") == 1
    assert count(store, InboundRow) == 1


def test_events_subscribe_and_menu_click_once_each(served, store):
    platform = Platform(served.url, safe=True)
    welcome = platform.reply_text(platform.post(event_xml(OPENID, "subscribe")))
    assert "欢迎" in welcome
    click = event_xml(OPENID, "CLICK", key="HUMAN", create_time=1700000100)
    first = platform.reply_text(platform.post(click))
    again = platform.reply_text(platform.post(click))  # a retry of the same event
    assert "12345" in first and first == again
    assert count(store, ChatLogRow, ChatLogRow.direction == "in") == 2
    flagged = store.engine.connect().execute(
        ChatSessionRow.__table__.select().where(ChatSessionRow.key == f"wechat:{OPENID}")
    )
    assert next(iter(flagged)).flagged_at is not None
    silent = platform.post(event_xml(OPENID, "unsubscribe"))
    assert silent.status_code == 200 and platform.reply_text(silent) is None


def test_voice_uses_recognition_or_asks_for_text(served):
    platform = Platform(served.url, safe=False)
    heard = platform.reply_text(platform.post(voice_xml(OPENID, "你好", msg_id=5001)))
    assert "智能办事助手" in heard
    unheard = platform.reply_text(platform.post(voice_xml(OPENID, None, msg_id=5002)))
    assert "文字" in unheard


def test_long_reply_is_split_and_the_rest_pushed(served, fake_api):
    """A reply longer than one WeChat text: the first piece passively, the rest as 客服消息."""
    lines = [
        f"{i}. 申请人居民身份证原件及复印件，须在有效期内，复印件需签字确认" for i in range(1, 90)
    ]
    served.app.state.services.dialog.handle = lambda key, incoming: Reply(
        ["\n".join(lines)], kind="answer"
    )
    platform = Platform(served.url, safe=True)
    passive = platform.reply_text(platform.post(text_xml(OPENID, "材料清单", msg_id=6001)))
    assert len(passive.encode()) <= MAX_TEXT_BYTES
    pushed = fake_api.wait_sent(2, timeout=10)
    assert pushed and all(m["touser"] == OPENID and m["msgtype"] == "text" for m in pushed)
    texts = [passive] + [m["text"]["content"] for m in pushed]
    assert all(len(t.encode()) <= MAX_TEXT_BYTES for t in texts)
    assert "\n".join(texts).split("\n") == lines


def test_malformed_but_signed_body_is_400(served, store):
    timestamp, nonce = str(int(time.time())), "n-bad"
    response = httpx.post(
        f"{served.url}/wechat",
        params={
            "signature": _sign(TOKEN, timestamp, nonce),
            "timestamp": timestamp,
            "nonce": nonce,
        },
        content=b"not xml at all",
    )
    assert response.status_code == 400
    assert count(store, InboundRow) == 0


def test_image_prereview_result_is_pushed_as_a_customer_service_message(
    home, sample_store, searcher, fake_api
):
    """Photo via the temporary-media API, a PDF via the personal link, notice pushed later."""
    port = free_port()
    settings = wechat_settings(home, fake_api).model_copy(
        update={"public_url": f"http://127.0.0.1:{port}"}
    )
    fake_api.images["media-id-1"] = id_card_png()
    app = create_app(settings, searcher=searcher)
    with Served(app, port=port) as server:
        platform = Platform(server.url, safe=True)
        asked = platform.reply_text(platform.post(text_xml(OPENID, "预审", msg_id=7001)))
        assert "哪个事项" in asked
        start = platform.reply_text(platform.post(text_xml(OPENID, "结婚登记", msg_id=7002)))
        assert "内地居民结婚登记" in start and "专属链接" in start
        link = re.search(r'<a href="([^"]+)">', start).group(1)
        assert link.startswith(f"{server.url}/?t=")

        photo = image_xml(OPENID, f"{fake_api.url}/pic?name=none", "media-id-1", msg_id=7003)
        assert "第1份" in platform.reply_text(platform.post(photo))

        # A PDF cannot be sent in the Official Account chat: the personal link opens the
        # web page on the same conversation, where the file joins the same pre-review.
        page = httpx.get(link)
        assert page.status_code == 200 and "智能办事助手" in page.text
        token = parse_qs(urlparse(link).query)["t"][0]
        pdf = document_pdf(["申请结婚登记声明书", "本人无配偶", "声明人签名 张伟"])
        web = httpx.post(
            f"{server.url}/api/v1/chat/files",
            files=[("files", ("声明书.pdf", pdf, "application/pdf"))],
            headers={"Authorization": f"Bearer {token}"},
        )
        assert web.status_code == 200 and "第2份" in web.json()["texts"][0]

        started = time.monotonic()
        pending = platform.reply_text(platform.post(text_xml(OPENID, "完成", msg_id=7004)))
        assert time.monotonic() - started < 5  # within WeChat's passive-reply limit
        assert "正在预审" in pending and "2份" in pending

        pushed = fake_api.wait_sent(1, timeout=180)
        assert pushed and pushed[0]["touser"] == OPENID
        notice = "\n".join(m["text"]["content"] for m in pushed)
        assert "一次性告知书" in notice and "女方居民身份证" in notice
        assert f"{server.url}/api/v1/prereview/" in notice and "notice.html" in notice
        assert all(len(m["text"]["content"].encode()) <= MAX_TEXT_BYTES for m in pushed)
        assert fake_api.token_requests == 1
