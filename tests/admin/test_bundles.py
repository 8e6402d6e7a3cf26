"""一件事 bundles in the workbench: list, edit as YAML with lint on save, history, delete.

What staff notice: a save with an unknown item is refused with the field and the
reason, and what they typed is still in the editor; a good save is a new version in
the history; a change that would break another bundle is refused, not half-made.
"""

from __future__ import annotations

import html
import re

import pytest

from knowledge import Store
from knowledge.bundles import load_bundles
from tests.admin.conftest import token
from tests.conftest import REPO

BUNDLE_SAMPLES = REPO / "knowledge" / "bundle-samples"
_TEXTAREA = re.compile(r'<textarea name="yaml"[^>]*>(.*?)</textarea>', re.S)


@pytest.fixture(autouse=True)
def bundles(sample_store: Store) -> Store:
    sample_store.import_bundles([b for _, b in load_bundles([BUNDLE_SAMPLES]).bundles], "samples")
    return sample_store


def editor_text(page: str) -> str:
    match = _TEXTAREA.search(page)
    assert match, "page has no YAML editor"
    return html.unescape(match.group(1))


def save(client, path: str, text: str, note: str = ""):
    page = client.get(path).text
    revision = re.search(r'name="revision" value="([^"]*)"', page).group(1)
    return client.post(
        path,
        data={"csrf_token": token(client), "yaml": text, "revision": revision, "note": note},
    )


def test_list_shows_every_bundle_with_its_lint_state(editor):
    page = editor.get("/admin/bundles")
    assert page.status_code == 200
    assert "新生儿出生“一件事”" in page.text and "开饭店“一件事”" in page.text
    assert "个错误" not in page.text  # the samples are clean
    assert 'href="/admin/bundles"' in editor.get("/admin").text  # in the menu


def test_an_unknown_item_is_refused_and_the_typed_text_kept(editor, bundles: Store):
    path = "/admin/bundles/kai-fandian"
    text = editor_text(editor.get(path).text)
    broken = text.replace("- item: scjg-getihu-sheli", "- item: scjg-no-such-item", 1)
    assert broken != text

    response = save(editor, path, broken)
    assert response.status_code == 400
    assert "尚未保存" in response.text
    assert "事项 scjg-no-such-item 不存在" in response.text
    assert "scjg-no-such-item" in editor_text(response.text)  # what staff typed is kept
    assert bundles.get_bundle("kai-fandian").items[0].item == "scjg-getihu-sheli"
    assert len(bundles.bundle_history("kai-fandian")) == 1


def test_a_good_save_is_a_new_version_in_the_history(editor, admin, bundles: Store, app):
    path = "/admin/bundles/kai-fandian"
    text = editor_text(editor.get(path).text)
    renamed = text.replace("name: 开饭店“一件事”", "name: 开饭店、小吃店“一件事”", 1)
    refreshes = app.state.services.searcher.refreshes

    response = save(editor, path, renamed, "名称含小吃店")
    assert response.status_code == 303
    assert bundles.get_bundle("kai-fandian").name == "开饭店、小吃店“一件事”"
    assert app.state.services.searcher.refreshes == refreshes + 1
    latest = bundles.bundle_history("kai-fandian")[0]
    assert (latest.revision, latest.action, latest.changed_by) == (2, "update", "编辑乙")

    history = editor.get(f"{path}/history").text
    assert "名称含小吃店" in history and 'class="d-add"' in history
    assert "开饭店、小吃店“一件事”" in history
    old = editor.get(f"{path}?rev=1").text
    assert "name: 开饭店“一件事”" in editor_text(old)  # an old version, loaded to save again
    assert "修改一件事" in admin.get("/admin/audit").text


def test_a_yaml_error_names_the_line(editor):
    response = save(editor, "/admin/bundles/kai-fandian", "kind: bundle\nid: [\n")
    assert response.status_code == 400
    assert "YAML 格式错误" in response.text and "第 " in response.text


def test_create_from_the_template_and_ids_stay_unique(editor, bundles: Store):
    page = editor.get("/admin/bundles/new").text
    template = editor_text(page)
    response = save(editor, "/admin/bundles/new", template)
    assert response.status_code == 400  # the template's placeholder item is not an item

    taken = editor_text(editor.get("/admin/bundles/kaiban-qiye").text)
    response = save(editor, "/admin/bundles/new", taken)
    assert response.status_code == 400
    assert "编号 kaiban-qiye 已被一件事" in response.text

    new = taken.replace("id: kaiban-qiye", "id: kaiban-qiye-copy", 1)
    assert save(editor, "/admin/bundles/new", new).status_code == 303
    assert bundles.get_bundle("kaiban-qiye-copy") is not None


def test_saving_needs_the_csrf_token(editor, bundles: Store):
    response = editor.post("/admin/bundles/kai-fandian", data={"yaml": "kind: bundle"})
    assert response.status_code == 403
    assert len(bundles.bundle_history("kai-fandian")) == 1


def test_only_admins_delete_and_a_nested_bundle_stays(editor, admin, bundles: Store):
    form = {"csrf_token": token(editor), "confirm": "yes"}
    assert editor.post("/admin/bundles/kaiban-qiye/delete", data=form).status_code == 403

    form = {"csrf_token": token(admin), "confirm": "yes"}
    admin.post("/admin/bundles/kaiban-qiye/delete", data=form)  # kai-fandian nests it
    assert bundles.get_bundle("kaiban-qiye") is not None
    assert "未删除" in admin.get("/admin/bundles/kaiban-qiye").text

    assert admin.post("/admin/bundles/chusheng-yijianshi/delete", data=form).status_code == 303
    assert bundles.get_bundle("chusheng-yijianshi") is None
    assert "（已删除）" in admin.get("/admin/bundles/chusheng-yijianshi/history").text


def test_deleting_an_item_a_bundle_uses_is_refused_with_the_reason(admin, bundles: Store):
    form = {"csrf_token": token(admin), "confirm": "yes"}
    response = admin.post("/admin/guides/gongan-hukou-chusheng/delete", data=form)
    assert response.status_code == 409
    assert "一件事 chusheng-yijianshi: items[0].item: 事项 gongan-hukou-chusheng 不存在" in (
        html.unescape(response.text)
    )
    assert bundles.get("gongan-hukou-chusheng") is not None
