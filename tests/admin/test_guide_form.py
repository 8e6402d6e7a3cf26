"""The guide form: every field round-trips, field arrays work without JavaScript, lint blocks."""

from __future__ import annotations

from knowledge import Store
from tests.admin.forms import form_fields, post_form, replace, without

SAMPLE = "gongan-juzhuzheng-shenling"


def _edit_fields(client, item_id: str) -> list[tuple[str, str]]:
    page = client.get(f"/admin/guides/{item_id}")
    assert page.status_code == 200
    return form_fields(page.text, f"/admin/guides/{item_id}")


def test_saving_an_untouched_form_changes_no_guide(admin, sample_store: Store, sample_guides):
    for guide in sample_guides:
        response = post_form(admin, f"/admin/guides/{guide.id}", _edit_fields(admin, guide.id))
        assert response.status_code == 303, (guide.id, response.text[:2000])
        assert sample_store.get(guide.id).to_data() == guide.to_data(), guide.id
        assert len(sample_store.history(guide.id)) == 1, f"{guide.id} got a new revision"


def test_material_flags_and_prereview_settings_are_saved(admin, sample_store: Store):
    fields = _edit_fields(admin, SAMPLE)
    fields = without(fields, "materials-0-required")
    fields += [("materials-0-deferrable", "1"), ("materials-0-fields", "signature")]
    fields = replace(fields, "materials-0-notes", "本人签字，不得涂改")
    fields = replace(fields, "materials-0-issued_within_days", "30")
    fields = replace(fields, "materials-0-situation", "work, study")
    fields = replace(fields, "note", "调整申领登记表要求")
    assert post_form(admin, f"/admin/guides/{SAMPLE}", fields).status_code == 303

    material = sample_store.get(SAMPLE).materials[0]
    assert (material.required, material.deferrable, material.shared) == (False, True, False)
    assert material.notes == "本人签字，不得涂改"
    assert material.checks == ["issued_within_days:30"]
    assert material.recognize.fields == ["signature"]
    assert material.situations == ["work", "study"]
    latest = sample_store.history(SAMPLE)[0]
    assert (latest.changed_by, latest.note) == ("管理员甲", "调整申领登记表要求")


def test_rows_are_added_removed_and_reordered_by_posted_arrays(admin, sample_store: Store):
    before = sample_store.get(SAMPLE)
    fields = _edit_fields(admin, SAMPLE)
    blank = len(before.materials)  # the row a browser without JavaScript shows for a new material
    fields = replace(fields, f"materials-{blank}-name", "结婚证")
    fields = replace(fields, f"materials-{blank}-form", "复印件")
    fields = replace(fields, f"materials-{blank}-situation", "minor")
    fields.append(("materials-1-_delete", "1"))
    # Move the third material to the front: rows are taken in the order they are posted.
    third = [(n, v) for n, v in fields if n.startswith("materials-2-")]
    fields = [(n, v) for n, v in fields if not n.startswith("materials-2-")]
    first = next(i for i, (n, _) in enumerate(fields) if n.startswith("materials-0-"))
    fields[first:first] = third
    fields.append(("faq-0-_delete", "1"))

    assert post_form(admin, f"/admin/guides/{SAMPLE}", fields).status_code == 303
    after = sample_store.get(SAMPLE)
    names = [m.name for m in after.materials]
    expected = [before.materials[2].name, before.materials[0].name]
    expected += [m.name for m in before.materials[3:]] + ["结婚证"]
    assert names == expected
    added = after.materials[-1]
    assert added.id and added.form == "复印件" and added.situations == ["minor"]
    assert [f.q for f in after.faq] == [f.q for f in before.faq[1:]]


def test_catch_all_material_is_refused_beside_the_field(admin, sample_store: Store):
    fields = replace(_edit_fields(admin, SAMPLE), "materials-0-name", "其他材料")
    response = post_form(admin, f"/admin/guides/{SAMPLE}", fields)
    assert response.status_code == 400
    assert "尚未保存" in response.text
    row = response.text.split('id="r-materials-0"', 1)[1].split('id="r-materials-1"', 1)[0]
    assert "兜底性材料" in row and 'value="其他材料"' in row
    assert sample_store.get(SAMPLE).materials[0].name != "其他材料"
    assert len(sample_store.history(SAMPLE)) == 1


def test_schema_errors_name_the_field_and_keep_what_was_typed(admin, sample_store: Store):
    fields = replace(_edit_fields(admin, SAMPLE), "time_limit-promised", "七天")
    fields = replace(fields, "materials-1-copies", "若干")
    fields = replace(fields, "aliases", "外地人办居住证要带什么\n居住证去哪办")
    response = post_form(admin, f"/admin/guides/{SAMPLE}", fields)
    assert response.status_code == 400
    assert "承诺办结时限" in response.text and "应为整数" in response.text
    assert "申请材料第 2 项 · 份数" in response.text
    assert "居住证去哪办" in response.text  # the staff member's typing is not lost
    assert "居住证去哪办" not in sample_store.get(SAMPLE).aliases


def test_warnings_are_shown_and_do_not_block(admin, sample_store: Store):
    fields = replace(_edit_fields(admin, SAMPLE), "situations-0-question", "")
    response = post_form(admin, f"/admin/guides/{SAMPLE}", fields)
    assert response.status_code == 303
    page = admin.get(f"/admin/guides/{SAMPLE}").text
    assert "质量提醒" in page and "缺少向申请人询问的问题" in page
    assert sample_store.get(SAMPLE).situations[0].question is None


def test_create_a_guide_with_the_blank_form(admin, sample_store: Store, app):
    page = admin.get("/admin/guides/new").text
    fields = form_fields(page, "/admin/guides/new")
    fields = replace(fields, "id", "minzheng-laonianren-butie")
    fields = replace(fields, "name", "高龄老人津贴申领")
    fields = replace(fields, "department", "示范市民政局")
    fields = replace(fields, "category", "社会民生类")
    fields = replace(fields, "materials-0-name", "申请人居民身份证")
    fields = replace(fields, "faq-0-q", "多少岁可以领？")
    fields = replace(fields, "faq-0-a", "年满八十周岁。")
    refreshes = app.state.services.searcher.refreshes
    response = post_form(admin, "/admin/guides/new", fields)
    assert response.status_code == 303
    assert response.headers["location"] == "/admin/guides/minzheng-laonianren-butie"
    guide = sample_store.get("minzheng-laonianren-butie")
    assert guide.name == "高龄老人津贴申领" and guide.materials[0].id == "m1"
    assert guide.faq[0].a == "年满八十周岁。"
    assert app.state.services.searcher.refreshes == refreshes + 1
    again = post_form(admin, "/admin/guides/new", fields)
    assert again.status_code == 400 and "已被事项" in again.text


def test_a_concurrent_edit_is_not_overwritten_silently(admin, editor, sample_store: Store):
    mine = _edit_fields(admin, SAMPLE)
    theirs = replace(_edit_fields(editor, SAMPLE), "fees", "不收费")
    assert post_form(editor, f"/admin/guides/{SAMPLE}", theirs).status_code == 303
    response = post_form(admin, f"/admin/guides/{SAMPLE}", replace(mine, "visits", "1"))
    assert response.status_code == 409 and "编辑乙" in response.text
    assert sample_store.get(SAMPLE).fees == "不收费"
    resent = form_fields(response.text, f"/admin/guides/{SAMPLE}")
    assert post_form(admin, f"/admin/guides/{SAMPLE}", resent).status_code == 303
    assert sample_store.get(SAMPLE).visits == 1
