"""History with a readable diff and restore; YAML import (files, zip, all-or-nothing) and export."""

from __future__ import annotations

import io
import zipfile

from knowledge import Store, guide_yaml
from tests.admin.conftest import token
from tests.admin.forms import form_fields, post_form, replace

SAMPLE = "gongan-juzhuzheng-shenling"


def _edit(client, item_id: str, name: str, value: str, note: str = "") -> None:
    page = client.get(f"/admin/guides/{item_id}").text
    fields = replace(form_fields(page, f"/admin/guides/{item_id}"), name, value)
    fields = replace(fields, "note", note)
    assert post_form(client, f"/admin/guides/{item_id}", fields).status_code == 303


def test_history_shows_who_when_and_a_diff_and_restores(admin, editor, sample_store: Store, app):
    original = sample_store.get(SAMPLE).fees
    _edit(editor, SAMPLE, "fees", "首次申领免费；补领每证 20 元", "按新收费文件调整")
    page = admin.get(f"/admin/guides/{SAMPLE}/history")
    assert page.status_code == 200
    html = page.text
    assert "编辑乙" in html and "按新收费文件调整" in html and "第 2 版" in html
    assert "改动：收费标准" in html
    assert 'class="d-del"' in html and original in html
    assert 'class="d-add"' in html and "首次申领免费；补领每证 20 元" in html

    refreshes = app.state.services.searcher.refreshes
    restore = admin.post(
        f"/admin/guides/{SAMPLE}/restore", data={"csrf_token": token(admin), "revision": "1"}
    )
    assert restore.status_code == 303
    assert sample_store.get(SAMPLE).fees == original
    latest = sample_store.history(SAMPLE)[0]
    assert (latest.revision, latest.action, latest.changed_by) == (3, "restore", "管理员甲")
    assert app.state.services.searcher.refreshes == refreshes + 1
    old = admin.get(f"/admin/guides/{SAMPLE}/history?rev=1").text
    assert "恢复为此版本" in old


def test_deleted_item_can_be_restored_from_its_history(admin, sample_store: Store):
    admin.post(
        f"/admin/guides/{SAMPLE}/delete", data={"csrf_token": token(admin), "confirm": "yes"}
    )
    assert sample_store.get(SAMPLE) is None
    assert admin.get(f"/admin/guides/{SAMPLE}").status_code == 404
    assert "已删除" in admin.get(f"/admin/guides/{SAMPLE}/history").text
    admin.post(
        f"/admin/guides/{SAMPLE}/restore", data={"csrf_token": token(admin), "revision": "1"}
    )
    assert sample_store.get(SAMPLE) is not None


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _import(client, files: list[tuple[str, bytes]], strict: bool = True):
    data = {"csrf_token": token(client)}
    if strict:
        data["strict"] = "yes"
    return client.post(
        "/admin/transfer/import",
        data=data,
        files=[("files", (name, content, "application/octet-stream")) for name, content in files],
    )


def test_export_zip_imports_back_unchanged(admin, sample_store: Store, sample_guides):
    response = admin.get("/admin/transfer/export.zip")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert len(archive.namelist()) == len(sample_guides)
    result = _import(admin, [("all.zip", response.content)])
    assert result.status_code == 200
    assert f"未变 {len(sample_guides)} 项" in result.text


def test_import_files_and_zip_adds_and_changes(admin, sample_store: Store, app):
    guide = sample_store.get(SAMPLE)
    changed = guide.model_copy(update={"fees": "不收费"})
    new = guide.model_copy(update={"id": "gongan-juzhuzheng-qianzhu", "name": "居住证签注"})
    refreshes = app.state.services.searcher.refreshes
    response = _import(
        admin,
        [
            (f"{SAMPLE}.yaml", guide_yaml(changed).encode()),
            ("more.zip", _zip({"folder/qianzhu.yml": guide_yaml(new), "readme.txt": "x"})),
        ],
    )
    assert response.status_code == 200, response.text
    assert "新增 1 项，修改 1 项" in response.text
    assert sample_store.get(SAMPLE).fees == "不收费"
    assert sample_store.get("gongan-juzhuzheng-qianzhu").name == "居住证签注"
    assert sample_store.history(SAMPLE)[0].changed_by == "管理员甲"
    assert app.state.services.searcher.refreshes == refreshes + 1


def test_import_is_all_or_nothing(admin, sample_store: Store):
    guide = sample_store.get(SAMPLE)
    good = guide.model_copy(update={"fees": "不收费"})
    broken = guide_yaml(guide).replace("name: 居住证申领\n", "name: 居住证申领\nnmae: typo\n")
    response = _import(
        admin, [("good.yaml", guide_yaml(good).encode()), ("bad.yaml", broken.encode())]
    )
    assert response.status_code == 400
    assert "未写入任何事项" in response.text and "bad.yaml" in response.text
    assert "nmae" in response.text
    assert sample_store.get(SAMPLE).fees == guide.fees


def test_import_lint_errors_block_unless_not_strict(admin, sample_store: Store):
    guide = sample_store.get(SAMPLE)
    materials = [guide.materials[0].model_copy(update={"name": "其他相关材料"})]
    catch_all = guide.model_copy(update={"materials": materials + guide.materials[1:]})
    files = [("catch-all.yaml", guide_yaml(catch_all).encode())]
    refused = _import(admin, files)
    assert refused.status_code == 400 and "兜底性材料" in refused.text
    assert sample_store.get(SAMPLE).materials[0].name != "其他相关材料"
    accepted = _import(admin, files, strict=False)
    assert accepted.status_code == 200 and "兜底性材料" in accepted.text
    assert sample_store.get(SAMPLE).materials[0].name == "其他相关材料"


def test_import_rejects_other_file_types(admin):
    response = _import(admin, [("guide.docx", b"PK")])
    assert response.status_code == 400 and "只能上传" in response.text
