"""一件事 bundles on the workbench's import/export page and in the guide editor.

What staff notice: one upload takes guides and bundles together, and the bundles are
checked against the guides as they will be; a broken bundle is named by file and field
and nothing at all is written; the export holds both and imports back unchanged; a
guide edit or deletion that would break a bundle says which bundle and why, with the
edits still in the form.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
import yaml

from knowledge import Store, guide_yaml
from knowledge.bundles import bundle_yaml, load_bundles, parse_bundle_text
from tests.admin.conftest import token
from tests.admin.forms import form_fields, post_form, replace
from tests.conftest import REPO

BUNDLE_SAMPLES = REPO / "knowledge" / "bundle-samples"
HUKOU = "gongan-hukou-chusheng"  # in 新生儿出生“一件事”, sharing its parents' ID cards


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def _import(client, files: list[tuple[str, bytes]]):
    return client.post(
        "/admin/transfer/import",
        data={"csrf_token": token(client), "strict": "yes"},
        files=[("files", (name, content, "application/octet-stream")) for name, content in files],
    )


def _text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", response.text))


@pytest.fixture
def with_bundles(sample_store: Store) -> Store:
    sample_store.import_bundles([b for _, b in load_bundles([BUNDLE_SAMPLES]).bundles], "samples")
    return sample_store


def _new_guide_and_bundle(store: Store) -> tuple[str, str]:
    """A new item (a copy of a sample under a new id) and a new bundle naming it and a
    stored item, sharing one material: the bundle is valid only with the new guide."""
    base = store.get("gongan-juzhuzheng-shenling")
    guide = base.model_copy(update={"id": "gongan-juzhuzheng-qianzhu", "name": "居住证签注"})
    shared = base.materials[0].id
    bundle = f"""\
kind: bundle
id: juzhu-yijianshi
name: 居住证“一件事”
department: 示范市公安局
window:
  name: 示范市政务服务中心 公安综合窗口
items:
  - gongan-juzhuzheng-shenling
  - gongan-juzhuzheng-qianzhu
same_document:
  - [gongan-juzhuzheng-shenling:{shared}, gongan-juzhuzheng-qianzhu:{shared}]
"""
    return guide_yaml(guide), bundle


def test_a_zip_with_a_guide_and_a_bundle_imports_both(admin, sample_store: Store, app):
    guide_text, bundle_text = _new_guide_and_bundle(sample_store)
    upload = _zip({"kb/qianzhu.yaml": guide_text, "kb/juzhu-yijianshi.yaml": bundle_text})
    refreshes = app.state.services.searcher.refreshes

    response = _import(admin, [("kb.zip", upload)])

    assert response.status_code == 200, _text(response)
    assert "新增 1 项" in response.text
    assert "一件事：新增 1 个，修改 0 个，未变 0 个。" in response.text
    assert sample_store.get("gongan-juzhuzheng-qianzhu").name == "居住证签注"
    bundle = sample_store.get_bundle("juzhu-yijianshi")
    assert [e.item for e in bundle.items] == [
        "gongan-juzhuzheng-shenling",
        "gongan-juzhuzheng-qianzhu",
    ]
    assert sample_store.bundle_history("juzhu-yijianshi")[0].changed_by == "管理员甲"
    assert sample_store.version() == 2  # samples, then one publish for both
    assert app.state.services.searcher.refreshes == refreshes + 1


def test_the_export_holds_guides_and_bundles_and_imports_back_unchanged(admin, with_bundles: Store):
    assert "个一件事" in admin.get("/admin/transfer").text
    response = admin.get("/admin/transfer/export.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    texts = {name: archive.read(name).decode() for name in archive.namelist()}
    bundles = with_bundles.list_bundles()
    assert len(texts) == with_bundles.count() + len(bundles)
    for bundle in bundles:  # beside the guides, as `onetrip kb export` writes them
        parsed, problems = parse_bundle_text(texts[f"{bundle.id}.yaml"])
        assert not problems and parsed == bundle
    assert all(f"{g.id}.yaml" in texts for g in with_bundles.list())

    again = _import(admin, [("all.zip", response.content)])
    assert again.status_code == 200, _text(again)
    assert f"未变 {with_bundles.count()} 项" in again.text
    assert f"一件事：新增 0 个，修改 0 个，未变 {len(bundles)} 个。" in again.text


def test_a_broken_bundle_in_the_upload_is_named_and_nothing_is_written(admin, sample_store: Store):
    guide_text, bundle_text = _new_guide_and_bundle(sample_store)
    broken = bundle_text.replace("  - gongan-juzhuzheng-qianzhu\n", "  - gongan-no-such-item\n")
    version = sample_store.version()

    response = _import(
        admin, [("qianzhu.yaml", guide_text.encode()), ("juzhu.yaml", broken.encode())]
    )

    assert response.status_code == 400
    text = _text(response)
    assert "未写入任何事项和一件事" in text
    assert "juzhu.yaml · items[1].item：事项 gongan-no-such-item 不存在" in text
    assert sample_store.get("gongan-juzhuzheng-qianzhu") is None  # the good guide neither
    assert sample_store.get_bundle("juzhu-yijianshi") is None
    assert sample_store.version() == version


def test_a_bundle_needing_a_guide_left_out_of_the_upload_is_refused(admin, sample_store: Store):
    _, bundle_text = _new_guide_and_bundle(sample_store)
    response = _import(admin, [("juzhu.yaml", bundle_text.encode())])
    assert response.status_code == 400
    assert "事项 gongan-juzhuzheng-qianzhu 不存在" in _text(response)
    assert sample_store.get_bundle("juzhu-yijianshi") is None


def test_an_uploaded_guide_that_would_break_a_stored_bundle_writes_nothing(
    admin, with_bundles: Store
):
    guide = with_bundles.get(HUKOU)
    fewer = [m for m in guide.materials if m.id != "parents-id"]
    changed = guide.model_copy(update={"materials": fewer, "fees": "不收费"})
    response = _import(admin, [(f"{HUKOU}.yaml", guide_yaml(changed).encode())])
    assert response.status_code == 400
    assert "一件事 chusheng-yijianshi" in _text(response)
    assert with_bundles.get(HUKOU) == guide


def _hukou_form(client) -> list[tuple[str, str]]:
    return form_fields(client.get(f"/admin/guides/{HUKOU}").text, f"/admin/guides/{HUKOU}")


def _without_material(fields: list[tuple[str, str]], material_id: str) -> list[tuple[str, str]]:
    """Tick the row's 删除此项 box, as a browser without JavaScript submits it."""
    row = next(n for n, v in fields if re.fullmatch(r"materials-\d+-id", n) and v == material_id)
    return [*fields, (row.replace("-id", "-_delete"), "1")]


def test_an_edit_that_would_break_a_bundle_names_it_and_keeps_the_edits(
    editor, with_bundles: Store
):
    before = with_bundles.get(HUKOU)
    fields = _without_material(_hukou_form(editor), "parents-id")
    fields = replace(fields, "fees", "不收费（按新文件）")

    response = post_form(editor, f"/admin/guides/{HUKOU}", fields)

    assert response.status_code == 409
    text = _text(response)
    assert "尚未保存" in text
    assert "此修改会使“新生儿出生一件事”失效" in text
    assert "parents-id" in text and "same_document" in text  # the lint problem, by field
    assert 'href="/admin/bundles/chusheng-yijianshi"' in response.text
    kept = dict(form_fields(response.text, f"/admin/guides/{HUKOU}"))
    assert kept["fees"] == "不收费（按新文件）"  # what the clerk typed is still there
    assert "parents-id" not in [v for n, v in kept.items() if n.endswith("-id")]
    assert with_bundles.get(HUKOU) == before
    assert len(with_bundles.history(HUKOU)) == 1


def test_deleting_a_guide_a_bundle_names_shows_the_bundle_on_the_guide_page(
    admin, with_bundles: Store
):
    form = {"csrf_token": token(admin), "confirm": "yes"}
    response = admin.post(f"/admin/guides/{HUKOU}/delete", data=form)
    assert response.status_code == 409
    text = _text(response)
    assert "未删除" in text and "删除此事项会使“新生儿出生一件事”失效" in text
    assert f"items[0].item: 事项 {HUKOU} 不存在" in text
    assert 'action="/admin/guides/gongan-hukou-chusheng"' in response.text  # the form again
    assert with_bundles.get(HUKOU) is not None


def test_an_export_bundle_file_is_the_cli_format(admin, with_bundles: Store):
    """The zip's bundle files are what `onetrip kb export` writes, byte for byte."""
    archive = zipfile.ZipFile(io.BytesIO(admin.get("/admin/transfer/export.zip").content))
    bundle = with_bundles.get_bundle("kai-fandian")
    text = archive.read("kai-fandian.yaml").decode()
    assert text == bundle_yaml(bundle)
    assert yaml.safe_load(text)["kind"] == "bundle"


def test_a_restore_that_would_break_a_bundle_names_it_on_the_history_page(
    admin, sample_store: Store
):
    """Revision 2 lacked the parents' ID cards a bundle later came to share: restoring it
    is refused on the history page, naming the bundle and its problem; nothing changes."""
    guide = sample_store.get(HUKOU)
    without = [m for m in guide.materials if m.id != "parents-id"]
    sample_store.import_guides([guide.model_copy(update={"materials": without})], "tests")
    sample_store.import_guides([guide], "tests")  # revision 3: the cards are back
    sample_store.import_bundles([b for _, b in load_bundles([BUNDLE_SAMPLES]).bundles], "samples")

    form = {"csrf_token": token(admin), "revision": "2"}
    response = admin.post(f"/admin/guides/{HUKOU}/restore", data=form)

    assert response.status_code == 409
    text = _text(response)
    assert "未恢复" in text and "恢复第 2 版会使“新生儿出生一件事”失效" in text
    assert "parents-id" in text and "same_document" in text  # the lint problem, by field
    assert 'href="/admin/bundles/chusheng-yijianshi"' in response.text
    assert "修改历史" in text and "第 3 版" in text  # the history page, not an error page
    assert sample_store.get(HUKOU) == guide
    assert len(sample_store.history(HUKOU)) == 3
