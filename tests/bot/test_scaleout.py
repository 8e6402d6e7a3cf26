"""Several processes: app instances on one PostgreSQL, pre-review workers on Redis (RQ).

Each test gets its own PostgreSQL schema (named in the database URL, as an
operator would give it) and its own Redis queue and key prefix, removed
afterwards. Skipped, with the reason, when Redis or PostgreSQL does not answer.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import uuid
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text, update

from bot.app import create_app
from bot.cli import main as cli
from bot.compose import open_wechat_client
from bot.dialog.tables import ChatLogRow, ChatSessionRow
from bot.settings import Settings
from knowledge import Store
from knowledge.db import make_engine
from tests.bot.conftest import Chat, count, id_card_back_png, id_card_png
from tests.bot.wechat_peer import (
    AES_KEY,
    APPID,
    SECRET,
    TOKEN,
    FakeWeChatApi,
    Platform,
    Served,
    free_port,
    image_xml,
    text_xml,
)
from tests.conftest import PG_URL, REPO

REDIS_URL = os.environ.get("ONETRIP_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
OPENID = "o6_scaleout_citizen"
ITEM = "minzheng-jiehun-dengji"


@pytest.fixture(scope="session")
def redis_url() -> str:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except RedisError as exc:
        pytest.skip(f"Redis at {REDIS_URL} not reachable: {exc}")
    return REDIS_URL


@pytest.fixture
def redis_prefix(redis_url: str):
    """A queue name and key prefix of this test only; its keys are deleted afterwards."""
    from redis import Redis
    from rq import Queue
    from rq.registry import FailedJobRegistry

    prefix = f"onetrip-test-{uuid.uuid4().hex[:10]}"
    yield prefix
    client = Redis.from_url(redis_url)
    queue = Queue(f"{prefix}-prereview", connection=client)
    for job_id in FailedJobRegistry(queue=queue).get_job_ids():
        client.delete(f"rq:job:{job_id}")
    queue.empty()
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)


@pytest.fixture
def pg_url(postgres_url: str):
    """A database URL whose connections use a fresh schema (search_path), dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_URL}?options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def fake_api():
    with FakeWeChatApi() as api:
        yield api


@pytest.fixture
def city(home, pg_url, redis_url, redis_prefix, fake_api, monkeypatch, sample_guides) -> Settings:
    """The environment every process of a city gets: PostgreSQL, Redis, WeChat, one home."""
    port = free_port()
    env = {
        "ONETRIP_DATABASE_URL": pg_url,
        "ONETRIP_REDIS_URL": redis_url,
        "ONETRIP_REDIS_PREFIX": redis_prefix,
        "ONETRIP_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "ONETRIP_WECHAT_TOKEN": TOKEN,
        "ONETRIP_WECHAT_APPID": APPID,
        "ONETRIP_WECHAT_SECRET": SECRET,
        "ONETRIP_WECHAT_AES_KEY": AES_KEY,
        "ONETRIP_WECHAT_API_BASE": f"{fake_api.url}/cgi-bin/",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = Settings()
    store = Store.from_url(settings.db_url)
    store.import_guides(sample_guides, "tests")
    store.engine.dispose()
    return settings


def public_port(settings: Settings) -> int:
    return int(settings.public_url.rsplit(":", 1)[1])


def queued(settings: Settings) -> int:
    from redis import Redis
    from rq import Queue

    queue = Queue(f"{settings.redis_prefix}-prereview", connection=Redis.from_url(REDIS_URL))
    return queue.count


def run_worker_here(settings: Settings) -> None:
    """RQ's SimpleWorker in this process until the queue is empty (signal handlers restored)."""
    from redis import Redis
    from rq import Queue, SimpleWorker

    connection = Redis.from_url(settings.redis_url)
    queue = Queue(f"{settings.redis_prefix}-prereview", connection=connection)
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        worker = SimpleWorker([queue], connection=connection, name=f"{settings.redis_prefix}-w")
        worker.work(burst=True)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def test_an_upload_is_run_by_a_worker_process_and_shown_by_the_api(city):
    app = create_app(Settings())
    client = TestClient(app)
    response = client.post(
        "/api/v1/prereview",
        data={"item": ITEM, "applicant": "张伟"},
        files=[
            ("files", ("男方身份证.png", id_card_png(), "image/png")),
            ("files", ("男方身份证背面.png", id_card_back_png(), "image/png")),
        ],
    )
    assert response.status_code == 202
    job, token = response.json()["job"], response.json()["token"]

    # The app only queued it: no OCR in the web process.
    time.sleep(1.0)
    assert client.get(f"/api/v1/prereview/{job}").json()["status"] == "queued"
    assert queued(city) == 1
    # Another app process starting up does not queue it a second time.
    assert create_app(Settings()).state.services.jobs.requeue_pending() == 0
    assert queued(city) == 1

    worker = subprocess.run(
        [sys.executable, "-m", "bot", "worker", "--burst"],
        cwd=REPO,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert worker.returncode == 0, worker.stderr
    assert queued(city) == 0

    data = client.get(f"/api/v1/prereview/{job}", params={"token": token}).json()
    assert data["status"] == "done" and not data["masked"]
    materials = {m["id"]: m for m in data["result"]["materials"]}
    assert materials["id-card-man"]["status"] == "ok"
    assert materials["id-card-man"]["files"] == ["男方身份证.png", "男方身份证背面.png"]
    assert "一次性告知书" in data["result"]["notice"]
    assert client.get(f"/api/v1/prereview/{job}").json()["masked"]  # without the token
    assert client.get(f"/api/v1/prereview/{job}/notice.pdf", params={"token": token}).is_success


def test_the_worker_pushes_the_notice_of_a_wechat_prereview(city, searcher, fake_api):
    fake_api.images["media-id-1"] = id_card_png()
    app = create_app(Settings(), searcher=searcher)
    with Served(app, port=public_port(city)) as server:
        platform = Platform(server.url, safe=True)
        platform.post(text_xml(OPENID, "预审", msg_id=8001))
        assert "专属链接" in platform.reply_text(platform.post(text_xml(OPENID, "结婚登记", 8002)))
        photo = image_xml(OPENID, f"{fake_api.url}/pic?name=none", "media-id-1", msg_id=8003)
        assert "第1份" in platform.reply_text(platform.post(photo))
        pending = platform.reply_text(platform.post(text_xml(OPENID, "完成", msg_id=8004)))
        assert "正在预审" in pending

        time.sleep(1.0)
        assert queued(city) == 1 and fake_api.sent == []  # the app does not run it

        run_worker_here(city)  # another process would do the same: only Redis and the DB shared

        pushed = fake_api.wait_sent(1, timeout=30)
        assert pushed and pushed[0]["touser"] == OPENID
        notice = "\n".join(m["text"]["content"] for m in pushed)
        assert "一次性告知书" in notice and "女方居民身份证" in notice
        assert f"{server.url}/api/v1/prereview/" in notice
        # The app fetched the token to download the photo; the worker used the same one.
        assert fake_api.token_requests == 1
        # In the conversation's log once, pushed once.
        assert count(app.state.services.store, ChatLogRow, ChatLogRow.status == "notice") == 1
        time.sleep(0.5)
        assert len(fake_api.sent) == len(pushed)


def test_processes_share_one_wechat_access_token_through_redis(city, fake_api):
    first, second = open_wechat_client(city), open_wechat_client(city)
    assert first.access_token == "ACCESS" and second.access_token == "ACCESS"
    assert fake_api.token_requests == 1

    alone = city.model_copy(update={"redis_url": None})
    assert (
        open_wechat_client(alone).access_token == open_wechat_client(alone).access_token == "ACCESS"
    )
    assert fake_api.token_requests == 3  # without Redis each process fetches its own


def test_a_conversation_continues_on_another_app_instance(city, searcher):
    one = Chat(create_app(Settings(), searcher=searcher).state.services.dialog, key="web:roaming")
    other = Chat(create_app(Settings(), searcher=searcher).state.services.dialog, key="web:roaming")
    one.say("领结婚证")
    how_long = other.say("要多久")
    assert how_long.item == ITEM
    where = one.say("在哪办")
    assert where.item == ITEM and "婚姻登记处" in where.texts[0]


def test_without_redis_the_upload_fails_clearly_instead_of_waiting_forever(home, sample_store):
    settings = Settings(home=home, redis_url="redis://127.0.0.1:9/0")
    client = TestClient(create_app(settings))
    response = client.post(
        "/api/v1/prereview",
        data={"item": ITEM},
        files=[("files", ("身份证.png", id_card_png(), "image/png"))],
    )
    assert response.status_code == 202
    data = client.get(response.json()["result_url"]).json()
    assert data["status"] == "failed" and "预审服务暂时不可用" in data["error"]


def test_a_job_that_fails_at_once_still_tells_the_wechat_user(home, sample_store, searcher):
    """Redis down: the job fails inside the submit, before the chat has linked it."""
    app = create_app(Settings(home=home, redis_url="redis://127.0.0.1:9/0"), searcher=searcher)
    pushed: list[str] = []
    app.state.services.notices.push = lambda key, reply: pushed.append("\n".join(reply.texts))
    chat = Chat(app.state.services.dialog, key=f"wechat:{OPENID}")
    chat.say("预审")
    chat.say("结婚登记")
    chat.send(("男方身份证.jpg", id_card_png()))
    assert chat.say("好了").kind == "pending"
    assert len(pushed) == 1 and "预审服务暂时不可用" in pushed[0]
    logged = [
        r.text for r in app.state.services.dialog.sessions.history(chat.key) if r.status == "error"
    ]
    assert len(logged) == 1


def test_worker_command_explains_what_is_missing(home, capsys, monkeypatch):
    assert cli(["worker", "--burst"]) == 2
    assert "未配置 ONETRIP_REDIS_URL" in capsys.readouterr().err
    monkeypatch.setenv("ONETRIP_REDIS_URL", "redis://:s3cret@127.0.0.1:9/0")
    assert cli(["worker", "--burst"]) == 1
    err = capsys.readouterr().err
    assert "无法连接 Redis" in err and "127.0.0.1:9" in err and "s3cret" not in err


def test_session_timeout_is_a_setting(home, sample_store, searcher):
    quick = Chat(
        create_app(Settings(session_timeout_minutes=5), searcher=searcher).state.services.dialog
    )
    usual = Chat(create_app(Settings(), searcher=searcher).state.services.dialog)

    def idle(minutes: int) -> None:
        then = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=minutes)
        with sample_store.engine.begin() as conn:
            conn.execute(update(ChatSessionRow).values(updated_at=then))

    quick.say("领结婚证")
    idle(10)
    assert usual.say("要多久").item == ITEM  # 30 minutes by default
    idle(10)
    assert quick.say("要多久").item != ITEM


def test_upload_link_lifetime_is_a_setting(home, sample_store, searcher, monkeypatch):
    from itsdangerous.timed import TimestampSigner

    app = create_app(Settings(upload_link_minutes=15), searcher=searcher)
    chat = Chat(app.state.services.dialog, key=f"wechat:{OPENID}", can_send_files=False)
    chat.say("预审")
    start = chat.say("结婚登记")
    assert "15分钟内有效" in start.texts[0]
    client = TestClient(app)
    fresh = app.state.services.tokens.link_token(chat.key)
    assert "链接已过期" not in client.get("/", params={"t": fresh}).text
    now = time.time()
    with monkeypatch.context() as patch:  # a link handed out 16 minutes ago
        patch.setattr(TimestampSigner, "get_timestamp", lambda self: int(now - 16 * 60))
        old = app.state.services.tokens.link_token(chat.key)
    assert "链接已过期" in client.get("/", params={"t": old}).text
