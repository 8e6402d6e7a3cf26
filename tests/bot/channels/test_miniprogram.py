"""Mini-program login (jscode2session, dev mode) and the bearer-token chat API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.settings import Settings
from tests.bot.wechat_peer import FakeWeChatApi


@pytest.fixture
def fake_api():
    with FakeWeChatApi() as api:
        yield api


def test_dev_mode_login_without_appid(settings, store):
    client = TestClient(create_app(settings))
    login = client.post("/api/v1/login", json={"code": "any-code"})
    assert login.status_code == 200 and login.json()["dev_mode"] is True
    headers = {"Authorization": f"Bearer {login.json()['token']}"}
    reply = client.post("/api/v1/chat", json={"text": "", "command": "welcome"}, headers=headers)
    assert reply.status_code == 200
    assert "智能办事助手" in reply.json()["texts"][0]
    # The same code names the same user: a new login continues the conversation.
    again = client.post("/api/v1/login", json={"code": "any-code"}).json()["token"]
    history = client.get("/api/v1/chat/history", headers={"Authorization": f"Bearer {again}"})
    assert [m["direction"] for m in history.json()] == ["in", "out"]


def test_login_through_jscode2session(home, store, fake_api):
    settings = Settings(
        home=home,
        miniprogram_appid="wxmini0000000001",
        miniprogram_secret="s",
        miniprogram_api_base=f"{fake_api.url}/",
    )
    client = TestClient(create_app(settings))
    login = client.post("/api/v1/login", json={"code": "good-code"})
    assert login.status_code == 200 and login.json()["dev_mode"] is False
    token = login.json()["token"]
    assert client.app.state.services.tokens.session_of(token) == "miniprogram:mp-good-code"
    refused = client.post("/api/v1/login", json={"code": "bad-code"})
    assert refused.status_code == 401 and "登录失败" in refused.json()["detail"]


def test_chat_needs_a_valid_token(settings, store):
    client = TestClient(create_app(settings))
    missing = client.post("/api/v1/chat", json={"text": "你好"})
    assert missing.status_code == 401 and "会话" in missing.json()["detail"]
    forged = client.post(
        "/api/v1/chat", json={"text": "你好"}, headers={"Authorization": "Bearer forged.token"}
    )
    assert forged.status_code == 401


def test_structured_reply_for_small_talk_and_human(settings, store):
    client = TestClient(create_app(settings))
    token = client.post("/api/v1/chat/session").json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    hello = client.post("/api/v1/chat", json={"text": "您好"}, headers=headers).json()
    assert hello["kind"] == "social" and hello["options"] == [] and hello["card"] is None
    human = client.post("/api/v1/chat", json={"command": "human"}, headers=headers).json()
    assert human["kind"] == "human" and "12345" in human["texts"][0]
    unknown = client.post("/api/v1/chat", json={"command": "rm -rf"}, headers=headers)
    assert unknown.status_code == 422
