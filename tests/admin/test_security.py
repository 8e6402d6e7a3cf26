"""Who may reach what: anonymous visitors, editors, forged forms, citizens' tokens, brute force."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from bot.admin import PREFIX
from bot.admin.routes import ROUTERS
from tests.admin.conftest import PASSWORD, csrf_of, logged_in, login, token

ADMIN_ONLY = ("/admin/users", "/admin/audit")
PUBLIC = ("/admin/login",)


def _routes(app) -> list[tuple[str, str]]:
    """Every workbench route as (method, concrete path)."""
    found = []
    for route in (r for part in ROUTERS for r in part.routes):
        if not isinstance(route, APIRoute):
            continue
        path = PREFIX + route.path
        path = re.sub(r"\{item_id\}", "gongan-juzhuzheng-shenling", path)
        path = re.sub(r"\{\w+_id\}", "1", path)
        found += [(method, path) for method in sorted(route.methods) if method != "HEAD"]
    return found


def test_every_route_is_known(app):
    routes = _routes(app)
    assert len(routes) >= 25
    assert ("GET", "/admin/guides") in routes and ("POST", "/admin/users") in routes


def test_anonymous_visitors_are_sent_to_login(app):
    client = TestClient(app, follow_redirects=False)
    for method, path in _routes(app):
        if path in PUBLIC:
            continue
        response = client.request(method, path)
        assert response.status_code in (303, 401, 403), (method, path, response.status_code)
        if response.status_code == 303:
            assert response.headers["location"].startswith("/admin/login"), (method, path)
        assert "管理员甲" not in response.text


def test_login_page_returns_to_the_page_asked_for(app):
    client = TestClient(app, follow_redirects=False)
    target = client.get("/admin/ratings?state=待回访").headers["location"]
    page = client.get(target)
    assert 'value="/admin/ratings?state=' in page.text
    evil = client.get("/admin/login?next=//evil.example/admin").text
    assert "evil.example" not in evil


def test_editors_cannot_reach_admin_pages(editor, app):
    for method, path in _routes(app):
        if not path.startswith(ADMIN_ONLY):
            continue
        response = editor.request(method, path, data={"csrf_token": token(editor)})
        assert response.status_code == 403, (method, path)
        assert "仅限管理员" in response.text
    assert editor.get("/admin/guides").status_code == 200
    delete = editor.post(
        "/admin/guides/gongan-juzhuzheng-shenling/delete",
        data={"csrf_token": token(editor), "confirm": "yes"},
    )
    assert delete.status_code == 403


def test_forms_without_a_valid_csrf_token_are_refused(admin, app, sample_store):
    for method, path in _routes(app):
        if method != "POST":
            continue
        for data in ({}, {"csrf_token": "forged"}):
            response = admin.post(path, data={**data, "name": "x", "confirm": "yes"})
            assert response.status_code == 403, (path, data, response.status_code)
            assert "CSRF" in response.text
    assert sample_store.get("gongan-juzhuzheng-shenling") is not None


def test_a_token_from_another_session_is_refused(app, admin, editor):
    stolen = token(editor)
    response = admin.post("/admin/users", data={"csrf_token": stolen, "name": "x"})
    assert response.status_code == 403


def test_login_without_its_csrf_token_is_refused(app):
    client = TestClient(app, follow_redirects=False)
    client.get("/admin/login")
    response = client.post("/admin/login", data={"name": "管理员甲", "password": PASSWORD})
    assert response.status_code == 403
    assert "onetrip_admin" not in response.cookies


def test_session_cookie_is_httponly_samesite_and_signed(app):
    client = TestClient(app, follow_redirects=False)
    response = login(client, "管理员甲")
    header = response.headers["set-cookie"]
    assert "onetrip_admin=" in header
    assert "HttpOnly" in header and "SameSite=lax" in header.replace("Lax", "lax")
    assert "Path=/admin" in header
    value = client.cookies.get("onetrip_admin")
    assert client.get("/admin/guides").status_code == 200
    token_part, signature = value.split(".", 1)
    for forged in (token_part, token_part[::-1] + "." + signature):
        other = TestClient(app, follow_redirects=False)
        other.cookies.set("onetrip_admin", forged, path="/admin")
        assert other.get("/admin/guides").status_code == 303


def test_logout_ends_the_session_on_the_server(app):
    client = logged_in(app, "编辑乙")
    cookie = client.cookies.get("onetrip_admin")
    assert client.post("/admin/logout", data={"csrf_token": token(client)}).status_code == 303
    replay = TestClient(app, follow_redirects=False)
    replay.cookies.set("onetrip_admin", cookie, path="/admin")
    assert replay.get("/admin/guides").status_code == 303


def test_citizen_tokens_do_not_open_the_workbench(app):
    citizen = TestClient(app, follow_redirects=False)
    chat_token = citizen.post("/api/v1/chat/session").json()["token"]
    mini = citizen.post("/api/v1/login", json={"code": "test-code"})
    tokens = [chat_token] + ([mini.json()["token"]] if mini.status_code == 200 else [])
    for value in tokens:
        for path in ("/admin", "/admin/guides", "/admin/users"):
            bearer = citizen.get(path, headers={"Authorization": f"Bearer {value}"})
            assert bearer.status_code == 303, path
            as_cookie = TestClient(app, follow_redirects=False)
            as_cookie.cookies.set("onetrip_admin", value, path="/admin")
            assert as_cookie.get(path).status_code == 303, path


def test_repeated_wrong_passwords_are_rate_limited(app):
    client = TestClient(app, follow_redirects=False)
    for _ in range(5):
        response = login(client, "编辑乙", "wrong-password")
        assert response.status_code == 401 and "用户名或密码不正确" in response.text
    blocked = login(client, "编辑乙", PASSWORD)
    assert blocked.status_code == 429
    assert "15 分钟后再试" in blocked.text
    assert "onetrip_admin" not in blocked.cookies
    # Another account from the same address is not locked out.
    assert login(client, "管理员甲").status_code == 303


@pytest.mark.parametrize("field", ["name", "password"])
def test_unknown_name_and_wrong_password_look_the_same(app, field):
    client = TestClient(app, follow_redirects=False)
    page = client.get("/admin/login")
    data = {"name": "编辑乙", "password": PASSWORD, "csrf_token": csrf_of(page.text)}
    data[field] = "nope-" + data[field]
    response = client.post("/admin/login", data=data)
    assert response.status_code == 401 and "用户名或密码不正确" in response.text


def test_disabling_an_account_ends_its_session(app, admin):
    editor = logged_in(app, "编辑乙")
    users = admin.get("/admin/users").text
    user_id = re.search(r"/admin/users/(\d+)/active", users.split("编辑乙", 1)[1]).group(1)
    response = admin.post(
        f"/admin/users/{user_id}/active", data={"csrf_token": token(admin), "active": "no"}
    )
    assert response.status_code == 303
    assert editor.get("/admin/guides").status_code == 303
    assert login(TestClient(app, follow_redirects=False), "编辑乙").status_code == 401
