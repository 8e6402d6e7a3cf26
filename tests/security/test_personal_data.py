"""Finding 2: numbers citizens type are masked before they are stored or shown; chat logs and
unanswered questions are purged on time; an admin can export or delete one citizen's data."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

from tests.security.conftest import (
    ADMIN,
    EDITOR,
    chat_session,
    csrf_of,
    execute,
    logged_in,
    make_client,
    query,
)

ID = "320202196509090519"
PHONE = "13812345678"
CARD = "6222021234567890128"


def _say(client, headers: dict, text: str) -> dict:
    response = client.post("/api/v1/chat", json={"text": text}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def _handoff_key(admin) -> str:
    page = admin.get("/admin/handoff").text
    return unquote(re.search(r"/admin/handoff/view\?key=([^\"&]+)", page).group(1))


def test_numbers_typed_in_the_chat_are_masked_in_storage_and_on_staff_pages(instance):
    client = make_client()
    citizen = chat_session(client)
    _say(client, citizen, f"{ID} {PHONE} {CARD}")  # found nowhere: an unanswered question
    _say(client, citizen, "人工")
    stored = "\n".join(row[0] for row in query(instance, "SELECT text FROM chat_log"))
    stored += "\n".join(row[0] for row in query(instance, "SELECT text FROM unanswered_questions"))
    stored += "\n".join(
        str(row[0]) for row in query(instance, "SELECT flag_note FROM chat_sessions")
    )
    for number in (ID, PHONE, CARD):
        assert number not in stored
    assert "320202********0519" in stored and "138****5678" in stored

    admin = logged_in(make_client(), ADMIN)
    pages = [admin.get("/admin/questions").text, admin.get("/admin/handoff").text]
    key = _handoff_key(admin)
    pages.append(admin.get("/admin/handoff/view", params={"key": key}).text)
    for page in pages:
        for number in (ID, PHONE, CARD):
            assert number not in page
    assert "320202********0519" in pages[0]


def test_rating_comments_are_masked(instance):
    client = make_client()
    citizen = chat_session(client)
    answer = _say(client, citizen, "内地居民结婚登记需要什么材料")
    assert answer["rate"], answer
    _say(client, citizen, "不满意")
    _say(client, citizen, f"窗口让我留身份证号{ID}和电话{PHONE}，太麻烦")
    stored = " ".join(str(r) for r in query(instance, "SELECT reason, question FROM ratings"))
    assert ID not in stored and PHONE not in stored and "320202********0519" in stored
    admin = logged_in(make_client(), ADMIN)
    listing = admin.get("/admin/ratings?state=待回访").text + admin.get("/admin/ratings").text
    assert ID not in listing and PHONE not in listing


def test_chat_logs_and_unanswered_questions_follow_the_retention_settings(instance):
    client = make_client()
    citizen = chat_session(client)
    _say(client, citizen, "qwerty zxcv")
    assert query(instance, "SELECT count(*) FROM chat_log")[0][0] == 2
    assert query(instance, "SELECT count(*) FROM unanswered_questions")[0][0] == 1
    execute(instance, "UPDATE chat_log SET created_at = datetime('now', '-31 days')")
    execute(instance, "UPDATE chat_sessions SET updated_at = datetime('now', '-31 days')")
    execute(instance, "UPDATE unanswered_questions SET last_seen = datetime('now', '-91 days')")
    with make_client(chat_retention_days=30, question_retention_days=90):  # purges as it starts
        pass
    assert query(instance, "SELECT count(*) FROM chat_log")[0][0] == 0
    assert query(instance, "SELECT count(*) FROM chat_sessions")[0][0] == 0
    assert query(instance, "SELECT count(*) FROM unanswered_questions")[0][0] == 0


def _two_citizens(client) -> None:
    first = chat_session(client)
    _say(client, first, f"{ID} xyzzy")
    _say(client, first, "人工")
    second = chat_session(client)
    _say(client, second, "营业执照补领需要什么")


def test_an_admin_exports_one_citizens_data(instance):
    client = make_client()
    _two_citizens(client)
    admin = logged_in(make_client(), ADMIN)
    key = _handoff_key(admin)
    page = admin.get("/admin/citizen-data", params={"key": key})
    assert page.status_code == 200 and "导出" in page.text and "删除" in page.text
    export = admin.get("/admin/citizen-data/export", params={"key": key})
    assert export.status_code == 200
    assert "attachment" in export.headers["content-disposition"]
    data = json.loads(export.content)
    said = " ".join(m["text"] for m in data["messages"])
    assert "xyzzy" in said and "320202********0519" in said and "营业执照补领" not in said
    assert ID not in export.text
    editor = logged_in(make_client(), EDITOR)
    assert editor.get("/admin/citizen-data/export", params={"key": key}).status_code == 403


def test_an_admin_deletes_one_citizens_data_and_it_is_audited(instance):
    client = make_client()
    _two_citizens(client)
    admin = logged_in(make_client(), ADMIN)
    key = _handoff_key(admin)
    page = admin.get("/admin/citizen-data", params={"key": key})
    response = admin.post(
        "/admin/citizen-data/delete",
        data={"key": key, "confirm": "yes", "csrf_token": csrf_of(page.text)},
    )
    assert response.status_code == 303
    plain_key = key
    assert query(instance, "SELECT count(*) FROM chat_log WHERE session_key = :k", k=plain_key) == [
        (0,)
    ]
    assert query(instance, "SELECT count(*) FROM chat_sessions WHERE key = :k", k=plain_key) == [
        (0,)
    ]
    assert query(instance, "SELECT count(*) FROM chat_log")[0][0] == 2  # the other citizen's
    audit = admin.get("/admin/audit").text
    assert "删除" in audit and ID not in audit
