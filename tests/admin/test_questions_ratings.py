"""Unanswered questions become aliases or are dismissed; bad ratings go 待回访 → 已整改."""

from __future__ import annotations

import re

from bot.dialog import Records
from knowledge import Store
from tests.admin.conftest import token

ITEM = "gongan-juzhuzheng-shenling"


def _ask_unanswered(store: Store, *questions: str) -> Records:
    records = Records(store.engine)
    for text in questions:
        records.add_unanswered(text, text.rstrip("？"), "not_found", [ITEM])
    return records


def _ids(html: str) -> list[str]:
    return re.findall(r'name="ids" value="(\d+)"', html)


def test_attach_a_group_as_aliases_of_an_item(admin, sample_store: Store, app):
    _ask_unanswered(
        sample_store,
        "外地人在本市怎么办居住证",
        "外地人在本市怎么办居住证？",
        "外地人在本市怎么办理居住证",
    )
    page = admin.get("/admin/questions").text
    assert "外地人在本市怎么办居住证" in page and "2 种问法" in page
    assert '<span class="big-num">3</span>' in page
    assert f'<option value="{ITEM}">' in page.split("全部事项")[0]  # retrieval's guess first
    refreshes = app.state.services.searcher.refreshes
    response = admin.post(
        "/admin/questions/attach",
        data={
            "csrf_token": token(admin),
            "ids": _ids(page),
            "texts": ["外地人在本市怎么办居住证"],
            "item": ITEM,
        },
    )
    assert response.status_code == 303
    guide = sample_store.get(ITEM)
    assert "外地人在本市怎么办居住证" in guide.aliases
    latest = sample_store.history(ITEM)[0]
    assert latest.changed_by == "管理员甲" and "未答问题" in latest.note
    assert app.state.services.searcher.refreshes == refreshes + 1
    after = admin.get("/admin/questions").text
    assert "验证：现在问“外地人在本市怎么办居住证”会回答“居住证申领”" in after
    assert "没有待处理的未答问题" in after
    attached = admin.get("/admin/questions?view=attached").text
    assert "外地人在本市怎么办居住证" in attached and "居住证申领" in attached


def test_dismiss_and_reopen(admin, sample_store: Store):
    _ask_unanswered(sample_store, "今天天气怎么样")
    ids = _ids(admin.get("/admin/questions").text)
    admin.post("/admin/questions/dismiss", data={"csrf_token": token(admin), "ids": ids})
    assert "今天天气怎么样" not in admin.get("/admin/questions").text
    dismissed = admin.get("/admin/questions?view=dismissed").text
    assert "今天天气怎么样" in dismissed
    admin.post("/admin/questions/reopen", data={"csrf_token": token(admin), "ids": ids})
    assert "今天天气怎么样" in admin.get("/admin/questions").text
    assert sample_store.get(ITEM).aliases == sample_store.history(ITEM)[-1].guide.aliases


def _bad_rating(store: Store, reason: str) -> int:
    records = Records(store.engine)
    rating = records.add_rating(
        "web:citizen", 1, "居住证要带什么材料", "需要：居住证申领登记表……", ITEM
    )
    records.update_rating(rating, reason=reason, callback_wanted=True, phone="13800138000")
    records.add_rating("web:citizen", 5, "结婚登记在哪办", "示范市民政局……", None)
    return rating


def test_bad_rating_follow_up_to_rectified(editor, sample_store: Store):
    rating = _bad_rating(sample_store, "材料清单和窗口说的不一样")
    listing = editor.get("/admin/ratings").text
    assert "非常不满意" in listing and "材料清单和窗口说的不一样" in listing
    assert "结婚登记在哪办" not in listing  # a good rating needs no follow-up
    page = editor.get(f"/admin/ratings/{rating}").text
    assert "13800138000" in page and "需要：居住证申领登记表" in page

    missing_note = editor.post(
        f"/admin/ratings/{rating}", data={"csrf_token": token(editor), "state": "已回访"}
    )
    assert missing_note.status_code == 400 and "请填写说明" in missing_note.text
    for state, note in (
        ("已回访", "已电话联系，解释材料要求"),
        ("已整改", "指南中补充了租房证明的说明"),
    ):
        response = editor.post(
            f"/admin/ratings/{rating}",
            data={"csrf_token": token(editor), "state": state, "note": note},
        )
        assert response.status_code == 303
    page = editor.get(f"/admin/ratings/{rating}").text
    assert "编辑乙：已回访 — 已电话联系" in page and "编辑乙：已整改 — 指南中补充" in page
    dashboard = editor.get("/admin").text
    assert "100%" in dashboard.split("差评整改率", 1)[1][:200]
    assert "整改率" in editor.get("/admin/ratings").text


def test_rectification_rate_counts_every_bad_rating(editor, sample_store: Store):
    first = _bad_rating(sample_store, "太慢")
    _bad_rating(sample_store, "看不懂")
    editor.post(
        f"/admin/ratings/{first}",
        data={"csrf_token": token(editor), "state": "已整改", "note": "已优化回答"},
    )
    dashboard = editor.get("/admin").text
    assert "50%" in dashboard.split("差评整改率", 1)[1][:200]
    assert "已整改 1 / 差评 2" in dashboard
