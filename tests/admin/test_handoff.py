"""人工服务: a citizen's request for a person is read by staff and marked handled."""

from __future__ import annotations

from bot.dialog import State
from tests.admin.conftest import token


def test_staff_read_a_flagged_conversation_and_mark_it_handled(app, editor):
    sessions = app.state.services.dialog.sessions
    key = "web:citizen-1"
    sessions.save_turn(
        key,
        State(),
        [
            ("in", "居住证要住满多久才能办", None, None),
            ("out", "非本市户籍人员，在本市居住半年以上……", "gongan-juzhuzheng-shenling", "answer"),
        ],
    )
    sessions.flag(key, "gongan-juzhuzheng-shenling", "居住证要住满多久才能办")

    listing = editor.get("/admin/handoff").text
    assert "居住证申领" in listing and "居住证要住满多久才能办" in listing
    page = editor.get("/admin/handoff/view", params={"key": key}).text
    assert "群众" in page and "非本市户籍人员，在本市居住半年以上" in page

    done = editor.post(
        "/admin/handoff/done",
        data={"csrf_token": token(editor), "key": key, "note": "已电话说明"},
    )
    assert done.status_code == 303
    assert "没有待处理的人工服务请求" in editor.get("/admin/handoff").text
    assert sessions.flagged() == []
    assert editor.get("/admin/handoff/view", params={"key": key}).status_code == 404
