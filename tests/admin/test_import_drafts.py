"""导入现有指南 in the workbench: uploaded guides become drafts, never live until published.

Staff upload published guides (the real ones in tests/data/real_guides), see each
draft beside its review list, fix it and publish it item by item; lint errors block
publishing and keep what was typed; the history records the source file.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from bot.admin import import_drafts
from bot.compose import open_database
from tests.admin.conftest import token
from tests.admin.forms import form_fields, post_form, replace
from tests.conftest import DATA

FILES = DATA / "real_guides" / "files"
ROAD = "g05-nanning-zhandao.docx"  # names no department: the draft must say so
PAGE = "/admin/transfer/convert"


def upload(client: TestClient, *names: str, extra: list[tuple[str, bytes]] = ()):
    files = [("files", (name, (FILES / name).read_bytes())) for name in names]
    files += [("files", (name, data)) for name, data in extra]
    return client.post(PAGE, data={"csrf_token": token(client, PAGE)}, files=files)


def draft_url(response) -> str:
    assert response.status_code == 303, response.text[:500]
    location = response.headers["location"]
    assert re.fullmatch(PAGE + r"/\d+", location), location
    return location


def draft_text(client: TestClient, url: str) -> str:
    return dict(form_fields(client.get(url).text, url))["text"]


def publish(client: TestClient, url: str, text: str):
    fields = replace(form_fields(client.get(url).text, url), "text", text)
    return post_form(client, url, [*fields, ("action", "publish")])


def test_an_uploaded_docx_is_a_draft_shown_beside_its_review_list(editor, sample_store, app):
    before = sample_store.count()
    url = draft_url(upload(editor, ROAD))
    page = editor.get(url).text
    assert "临时占用城市道路审批" in page
    assert "核对清单" in page and "缺少实施主体" in page  # the review list, beside the YAML
    assert "source:" in draft_text(editor, url) and ROAD in page
    printable = editor.get(url + "/review.md")
    assert printable.text.startswith("# 导入核对清单") and "缺少实施主体" in printable.text
    # Not live: no new item, nothing for the chat, no index refresh.
    assert sample_store.count() == before
    assert app.state.services.searcher.refreshes == 0
    assert "临时占用城市道路审批" in editor.get(PAGE).text  # listed as waiting


def test_lint_errors_block_publishing_and_keep_what_was_typed(editor, sample_store):
    url = draft_url(upload(editor, ROAD))
    typed = draft_text(editor, url).replace("fees:", "aliases:\n- 占道审批要带什么\nfees:", 1)
    response = publish(editor, url, typed)
    assert response.status_code == 400
    assert "尚未发布" in response.text and "实施主体" in response.text
    assert "占道审批要带什么" in response.text
    assert "占道审批要带什么" in draft_text(editor, url)  # kept on the draft, too
    assert not any("占道" in g.name for g in sample_store.list())


def test_publishing_the_fixed_draft_makes_an_item_with_its_source_in_the_history(
    editor, sample_store, app
):
    url = draft_url(upload(editor, ROAD))
    text = draft_text(editor, url).replace("department: ''", "department: 南宁市城市管理局")
    response = publish(editor, url, text)
    assert response.status_code == 303
    guide = next(g for g in sample_store.list() if g.name.startswith("临时占用城市道路审批"))
    assert guide.department == "南宁市城市管理局"
    entry = sample_store.history(guide.id)[0]
    assert entry.changed_by == "编辑乙" and entry.note == f"导入：{ROAD}"
    assert app.state.services.searcher.refreshes == 1  # the index is updated at once
    listing = editor.get(PAGE).text
    assert f"/admin/guides/{guide.id}" in listing  # 最近处理: published as the item
    again = publish(editor, url, text)  # a second publish changes nothing
    assert again.status_code == 303 and len(sample_store.history(guide.id)) == 1


def test_several_files_at_once_each_item_a_draft_and_unreadable_files_named(editor):
    response = upload(
        editor,
        "g09-g12-shishi-qingdan.xlsx",
        "g02-nanyang-zhandao.html",
        extra=[("扫描.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100)],
    )
    first = editor.get(draft_url(response)).text
    assert "扫描.png" in first and "不支持的文件类型" in first  # its failure, flashed
    listing = editor.get(PAGE).text
    assert "最低生活保障" in listing and "临时占用城市道路许可" in listing
    assert "社保卡" in listing  # the second row of the 实施清单


def test_nothing_readable_is_a_clear_error(editor):
    response = upload(editor, extra=[("指南.doc", b"\xd0\xcf\x11\xe0" + b"0" * 100)])
    assert response.status_code == 400
    assert "指南.doc" in response.text and "不支持的文件类型" in response.text


@pytest.fixture
def small_limits(home, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONETRIP_MAX_FILE_MB", "1")
    monkeypatch.setenv("ONETRIP_MAX_FILES", "2")


def test_upload_limits_are_the_projects(small_limits, editor, sample_store):
    before = sample_store.count()
    response = upload(editor, extra=[("大文件.txt", "事项名称：测试\n".encode() * 100_000)])
    assert response.status_code == 400
    assert "大文件.txt" in response.text and "文件超过 1MB" in response.text
    response = upload(editor, ROAD, ROAD, ROAD)
    assert response.status_code == 400 and "超过单次最多 2 个文件" in response.text
    assert "/admin/transfer/convert/" not in response.text  # no draft was made
    assert sample_store.count() == before


def test_drafts_never_take_an_id_in_use(editor, sample_store):
    first = draft_url(upload(editor, ROAD))
    second = draft_url(upload(editor, ROAD))
    ids = {re.search(r"(?m)^id: (\S+)", draft_text(editor, u)).group(1) for u in (first, second)}
    assert len(ids) == 2 and not ids & {g.id for g in sample_store.list()}
    text = re.sub(r"(?m)^id: \S+", "id: minzheng-jiehun-dengji", draft_text(editor, first))
    text = text.replace("department: ''", "department: 南宁市城市管理局")
    response = publish(editor, first, text)
    assert response.status_code == 400 and "已被事项" in response.text
    assert sample_store.get("minzheng-jiehun-dengji").name == "内地居民结婚登记"


def test_save_and_discard(editor, sample_store):
    url = draft_url(upload(editor, ROAD))
    fields = replace(form_fields(editor.get(url).text, url), "text", "id: x\nname: 半成品\n")
    assert post_form(editor, url, [*fields, ("action", "save")]).status_code == 303
    assert draft_text(editor, url) == "id: x\nname: 半成品\n"
    discard = [("csrf_token", token(editor, url)), ("action", "discard")]
    assert post_form(editor, url, discard).status_code == 303
    assert (
        "已放弃" in editor.get(url).text
        and "半成品" not in editor.get(PAGE).text.split("最近处理")[0]
    )
    assert sample_store.get("x") is None


def test_login_is_required(app):
    assert TestClient(app, follow_redirects=False).get(PAGE).status_code == 303


def test_an_upload_without_the_csrf_token_is_refused(editor, sample_store):
    response = editor.post(PAGE, files=[("files", (ROAD, (FILES / ROAD).read_bytes()))])
    assert response.status_code == 403
    assert editor.get(PAGE).text.count(PAGE + "/") == 0


@pytest.mark.postgres
def test_drafts_and_publishing_on_postgresql(pg_store):
    db = open_database(pg_store)
    result = import_drafts.convert_uploads(
        db, pg_store, [(ROAD, (FILES / ROAD).read_bytes())], "编辑乙"
    )
    (row,) = import_drafts.open_drafts(db)
    assert row.id == result.draft_ids[0] and "缺少实施主体" in str(row.review["doubts"])
    text = row.text.replace("department: ''", "department: 南宁市城市管理局")
    guide, problems = import_drafts.check_text(text, pg_store)
    assert guide is not None and not problems.errors
    assert import_drafts.publish(db, pg_store, row, guide, text, "编辑乙")
    assert pg_store.history(guide.id)[0].note == f"导入：{ROAD}"
    assert import_drafts.open_drafts(db) == [] and import_drafts.recent_done(db)[0].id == row.id
