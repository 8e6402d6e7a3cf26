"""The chat answers a question about a whole event with its 一件事 bundle.

The real searcher over the sample guides and the sample bundles (``bundle_searcher`` of
``tests/bot/conftest.py``, loaded once a session); the dialog as a
channel drives it (``Chat``), and the web / mini-program chat API over HTTP.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.cli.samples import BUNDLE_SAMPLES_DIR
from knowledge import Store
from knowledge.bundles import load_bundles
from tests.bot.conftest import Chat

pytestmark = pytest.mark.slow


def _bundles():
    return [b for _, b in load_bundles([BUNDLE_SAMPLES_DIR]).bundles]


@pytest.fixture
def bundle_app(settings, sample_store: Store, bundle_searcher):
    sample_store.import_bundles(_bundles(), "tests")
    return create_app(settings, searcher=bundle_searcher)


@pytest.fixture
def bundle_chat(bundle_app) -> Chat:
    return Chat(bundle_app.state.services.dialog)


def test_an_event_question_gets_the_whole_bundle_in_one_reply(bundle_chat: Chat):
    reply = bundle_chat.say("刚生了孩子，要去哪些部门办手续")
    assert reply.kind == "answer" and reply.bundle == "chusheng-yijianshi"
    assert reply.item is None and reply.card is None
    body = reply.texts[0]
    assert body.startswith("“新生儿出生一件事”在一个综合窗口一次提交材料")
    for name in ("出生登记", "社会保障卡申领", "生育津贴申领"):
        assert name in body
    assert body.count("父母双方居民身份证") == 1  # one document for three items
    assert "（依据：所列各事项的办事指南，一件事牵头部门：示范市卫生健康委员会）" in body
    assert reply.rate  # the citizen can rate the bundle answer like any other
    assert "一次预审全部事项的材料" in body  # the citizen learns the bundle can be pre-reviewed
    # A text-only channel (WeChat) shows the same reply as plain text.
    text = reply.plain_text()
    assert "要办的事项（按办理顺序）" in text and "到现场次数：最多跑1次" in text


def test_after_the_bundle_an_item_question_gets_the_item_and_names_the_bundle(
    bundle_chat: Chat,
):
    bundle_chat.say("退休了要办什么手续")
    reply = bundle_chat.say("养老保险关系转移接续要多长时间")
    assert reply.kind == "answer" and reply.item == "rs-yanglao-zhuanyi"
    assert reply.bundle is None
    assert "这是“退休一件事”的一项，可一次办理：" in reply.texts[0]


def test_the_web_chat_api_shows_the_bundle_reply(settings, bundle_app):
    client = TestClient(bundle_app)
    token = client.post("/api/v1/login", json={"code": "any-code"}).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    reply = client.post("/api/v1/chat", json={"text": "開飯館要跑幾個部門"}, headers=headers)
    assert reply.status_code == 200
    data = reply.json()
    assert data["kind"] == "answer" and data["item"] is None
    assert data["texts"][0].startswith("“开饭店一件事”在一个综合窗口一次提交材料")
