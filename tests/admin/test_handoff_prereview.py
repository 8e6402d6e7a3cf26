"""Staff following up a conversation see its pre-review beside the pre-filled form (一表申请).

A real job (OCR on a generated ID card) for a 一件事 bundle, started from the
conversation as the chat starts it; the follow-up page shows the findings and every
form field with its value and source, masked as stored, and prints the combined form.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.cli.samples import BUNDLE_SAMPLES_DIR
from knowledge.bundles import load_bundles
from prereview.ids import mask_id_number
from tests.prereview.make_docs import ZHANG, write_docs

pytestmark = pytest.mark.slow

ID_CARD = "qy_id_zhang.jpg"


@pytest.fixture(scope="module")
def id_card(tmp_path_factory) -> Path:
    return write_docs(tmp_path_factory.mktemp("handoff-docs"), [ID_CARD])[ID_CARD]


def test_the_follow_up_page_shows_the_pre_review_and_its_pre_filled_form(app, editor, id_card):
    services = app.state.services
    services.store.import_bundles([b for _, b in load_bundles([BUNDLE_SAMPLES_DIR]).bundles], "t")
    key = "web:citizen-7"
    job = services.intake.submit(
        "kai-fandian",
        [(ID_CARD, id_card)],
        {"getihu": True, "canting": True, "xiaocanyin": False, "gongsi": False},
        key,
        bundle=True,
    )
    for _ in range(1800):
        if services.jobs.get_job(job).finished:
            break
        time.sleep(0.1)
    services.dialog.sessions.flag(key, None, "开饭店的材料我都传了，帮我看看")

    page = editor.get("/admin/handoff/view", params={"key": key})
    assert page.status_code == 200
    html = page.text
    assert "材料预审" in html and "开饭店“一件事”" in html and "材料不齐" in html
    assert "已通过" in html and "缺少" in html  # the ID card passed, other materials missing
    assert "预填申请表：个体工商户设立登记：" in html
    # Values as stored (masked) with the document each came from.
    assert mask_id_number(ZHANG.id_number) in html and ZHANG.id_number not in html
    assert f"{ZHANG.name[0]}*" in html and f">{ZHANG.name}<" not in html
    assert f"居民身份证（{ID_CARD}）" in html
    assert "（空白，由申请人填写）" in html  # what no upload tells stays blank

    form = editor.get("/admin/handoff/form", params={"job": job})
    assert form.status_code == 200 and "开饭店“一件事”一表申请" in form.text
    assert ZHANG.id_number not in form.text
    assert editor.get("/admin/handoff/form", params={"job": "nosuchjob"}).status_code == 404


def test_the_form_page_is_for_staff_only(app):
    from fastapi.testclient import TestClient

    response = TestClient(app, follow_redirects=False).get(
        "/admin/handoff/form", params={"job": "any"}
    )
    assert response.status_code in (303, 401, 403)
