"""Accounts (admin only), the ``onetrip staff`` command, and the audit log of staff changes."""

from __future__ import annotations

import io
import re

from fastapi.testclient import TestClient

from bot.cli import main
from tests.admin.conftest import login, token
from tests.admin.forms import form_fields, post_form, replace


def _user_id(admin, name: str) -> str:
    page = admin.get("/admin/users").text
    row = page.split(f'<td class="strong">{name}', 1)[1]
    return re.search(r"/admin/users/(\d+)/", row).group(1)


def test_admin_adds_an_editor_who_can_log_in(admin, app):
    response = admin.post(
        "/admin/users",
        data={
            "csrf_token": token(admin),
            "name": "窗口丙",
            "role": "editor",
            "password": "window-pass-1",
        },
    )
    assert response.status_code == 303
    assert "窗口丙" in admin.get("/admin/users").text
    client = TestClient(app, follow_redirects=False)
    assert login(client, "窗口丙", "window-pass-1").status_code == 303
    assert client.get("/admin/users").status_code == 403


def test_account_rules_are_explained(admin):
    for data, message in (
        ({"name": "编辑乙", "role": "editor", "password": "long-enough-1"}, "已存在"),
        ({"name": "新人", "role": "editor", "password": "short"}, "至少 8 位"),
        ({"name": "新人", "role": "root", "password": "long-enough-1"}, "角色只能是"),
    ):
        response = admin.post("/admin/users", data={"csrf_token": token(admin), **data})
        assert response.status_code == 400 and message in response.text


def test_role_change_and_the_last_admin_is_kept(admin, app):
    editor_id = _user_id(admin, "编辑乙")
    admin.post(f"/admin/users/{editor_id}/role", data={"csrf_token": token(admin), "role": "admin"})
    promoted = TestClient(app, follow_redirects=False)
    login(promoted, "编辑乙")
    assert promoted.get("/admin/users").status_code == 200
    own_id = _user_id(admin, "管理员甲")
    refused = admin.post(
        f"/admin/users/{own_id}/active", data={"csrf_token": token(admin), "active": "no"}
    )
    assert refused.status_code == 400 and "不能停用自己" in refused.text
    promoted.post(
        f"/admin/users/{editor_id}/role", data={"csrf_token": token(promoted), "role": "editor"}
    )
    last = admin.post(
        f"/admin/users/{own_id}/role", data={"csrf_token": token(admin), "role": "editor"}
    )
    assert last.status_code == 400 and "最后一个管理员" in last.text


def test_password_reset_and_own_password_change(admin, editor, app):
    editor_id = _user_id(admin, "编辑乙")
    admin.post(
        f"/admin/users/{editor_id}/password",
        data={"csrf_token": token(admin), "password": "reset-by-admin"},
    )
    assert editor.get("/admin/guides").status_code == 303  # old session ended
    client = TestClient(app, follow_redirects=False)
    assert login(client, "编辑乙", "reset-by-admin").status_code == 303
    wrong = client.post(
        "/admin/account",
        data={"csrf_token": token(client), "current": "nope", "new": "x" * 10, "again": "x" * 10},
    )
    assert wrong.status_code == 400 and "当前密码不正确" in wrong.text
    changed = client.post(
        "/admin/account",
        data={
            "csrf_token": token(client),
            "current": "reset-by-admin",
            "new": "my-own-pass",
            "again": "my-own-pass",
        },
    )
    assert changed.status_code == 303
    assert (
        login(TestClient(app, follow_redirects=False), "编辑乙", "my-own-pass").status_code == 303
    )


def test_audit_log_records_staff_changes(admin, editor, app):
    item = "gongan-juzhuzheng-shenling"
    page = editor.get(f"/admin/guides/{item}").text
    fields = replace(form_fields(page, f"/admin/guides/{item}"), "fees", "不收费")
    post_form(editor, f"/admin/guides/{item}", fields)
    admin.post(
        "/admin/users",
        data={
            "csrf_token": token(admin),
            "name": "审计丁",
            "role": "editor",
            "password": "audit-pass-1",
        },
    )
    log = admin.get("/admin/audit").text
    assert "编辑乙" in log and "修改事项" in log and "居住证申领" in log and "收费标准" in log
    assert "新建用户" in log and "审计丁" in log and "登录" in log
    only_editor = admin.get("/admin/audit", params={"actor": "编辑乙"}).text
    assert "审计丁" not in only_editor
    assert editor.get("/admin/audit").status_code == 403


def test_staff_add_command_reads_the_password_from_stdin(settings, store, monkeypatch, capsys):
    from bot.app import create_app

    monkeypatch.setattr("sys.stdin", io.StringIO("from-stdin-pass\n"))
    assert main(["staff", "add", "王五", "--role", "admin"]) == 0
    assert "已添加账号 王五（管理员）" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["staff", "add", "赵六", "--role", "editor"]) == 1
    assert "至少 8 位" in capsys.readouterr().err

    client = TestClient(create_app(settings), follow_redirects=False)
    assert login(client, "王五", "from-stdin-pass").status_code == 303
    assert client.get("/admin/users").status_code == 200
    assert main(["staff", "list"]) == 0
    assert "王五\tadmin\t正常" in capsys.readouterr().out
    assert main(["staff", "disable", "王五"]) == 1  # the last admin stays
