"""The workbench on PostgreSQL: the same flows as on SQLite, in a database of its own."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from bot.admin import accounts
from bot.app import create_app
from bot.compose import open_database
from bot.dialog import Records
from bot.settings import Settings
from knowledge import Store
from tests.admin.conftest import PASSWORD, StubSearcher, login, token
from tests.admin.forms import form_fields, post_form, replace

pytestmark = pytest.mark.postgres
ITEM = "gongan-juzhuzheng-shenling"


@pytest.fixture
def pg_app(postgres_url: str, home, sample_guides):
    name = f"onetrip_admin_{uuid.uuid4().hex[:10]}"
    server = create_engine(
        postgres_url.replace("postgresql://", "postgresql+psycopg://", 1),
        isolation_level="AUTOCOMMIT",
    )
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = postgres_url.rsplit("/", 1)[0] + "/" + name
    try:
        settings = Settings(database_url=url)
        store = Store.from_url(settings.db_url)
        store.import_guides(sample_guides, "tests")
        accounts.create_user(open_database(store), "管理员甲", "admin", PASSWORD)
        app = create_app(settings, searcher=StubSearcher(store))
        yield app, store
        app.state.services.store.engine.dispose()
        store.engine.dispose()
    finally:
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()


def test_workbench_flows_on_postgresql(pg_app):
    app, store = pg_app
    client = TestClient(app, follow_redirects=False)
    for _ in range(5):
        login(client, "管理员甲", "wrong-password")
    assert login(client, "管理员甲").status_code == 429
    with open_database(store).begin() as session:
        session.execute(text("DELETE FROM rate_counters"))  # the lockout window has passed
    assert login(client, "管理员甲").status_code == 303

    page = client.get(f"/admin/guides/{ITEM}").text
    fields = replace(form_fields(page, f"/admin/guides/{ITEM}"), "fees", "不收费")
    assert post_form(client, f"/admin/guides/{ITEM}", fields).status_code == 303
    assert store.get(ITEM).fees == "不收费"
    assert "收费标准" in client.get(f"/admin/guides/{ITEM}/history").text

    records = Records(store.engine)
    records.add_unanswered("外地人怎么在本市办居住证", "外地人怎么在本市办居住证", "unsure", [ITEM])
    rating = records.add_rating("web:x", 2, "居住证收费吗", "首次申领不收费", ITEM)
    ids = client.get("/admin/questions").text.split('name="ids" value="')[1].split('"')[0]
    client.post(
        "/admin/questions/attach",
        data={"csrf_token": token(client), "ids": [ids], "item": ITEM},
    )
    assert "外地人怎么在本市办居住证" in store.get(ITEM).aliases
    client.post(
        f"/admin/ratings/{rating}",
        data={"csrf_token": token(client), "state": "已整改", "note": "已补充说明"},
    )
    assert "100%" in client.get("/admin").text.split("差评整改率", 1)[1][:200]
    log = client.get("/admin/audit").text
    assert "修改事项" in log and "未答问题加为相似问法" in log and "差评回访整改" in log
