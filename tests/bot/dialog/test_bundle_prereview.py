"""After a 一件事 answer the chat pre-reviews the whole bundle: its questions once, one set of
uploads, one combined notice, and a link to the pre-filled form (一表申请).

The real searcher over the sample guides and bundles, the real jobs service and OCR.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.cli.samples import BUNDLE_SAMPLES_DIR
from bot.dialog import Reply, texts
from knowledge import Store
from knowledge.bundles import load_bundles
from prereview.ids import mask_id_number
from tests.bot.conftest import Chat, wait_for
from tests.prereview.make_docs import ZHANG

pytestmark = pytest.mark.slow

ID_CARD, APPLICATION = "qy_id_zhang.jpg", "sp_application.docx"


@pytest.fixture
def app(settings, sample_store: Store, bundle_searcher):
    sample_store.import_bundles([b for _, b in load_bundles([BUNDLE_SAMPLES_DIR]).bundles], "tests")
    return create_app(settings, searcher=bundle_searcher)


@pytest.fixture
def chat(app) -> Chat:
    return Chat(app.state.services.dialog)


def answer_restaurant_questions(chat: Chat, first: Reply) -> list[str]:
    """An applicant opening an ordinary restaurant as a sole trader, in person; the asked
    questions, in order."""
    asked, reply = [], first
    while reply.kind == "situation":
        question = reply.texts[-1]
        asked.append(question)
        assert len(asked) <= 10, asked
        reply = chat.say("是" if "个体工商户" in question or "一般餐馆" in question else "否")
    assert reply.kind == "prereview", reply.texts
    return asked


def test_a_bundle_is_pre_reviewed_once_and_offers_the_pre_filled_form(app, chat, docs):
    notices = app.state.services.notices
    answer = chat.say("开个小饭馆要跑哪些部门")
    assert answer.bundle == "kai-fandian"

    first = chat.say("预审")
    assert first.kind == "situation" and first.bundle == "kai-fandian"
    assert "开饭店“一件事”" in first.texts[0]
    asked = answer_restaurant_questions(chat, first)
    # Each question once for the whole event; a yes to 个体工商户 settles 公司 (the same
    # group) and every question only a company's items ask.
    assert len(asked) == len(set(asked))
    assert not any("公司名义" in q or "股东" in q for q in asked)
    assert asked[-1].startswith(f"{len(asked)}/{len(asked)}：")

    received = chat.send((ID_CARD, docs[ID_CARD].read_bytes()))
    assert "第1份" in received.texts[0]
    assert received.upload.bundle and received.upload.item == "kai-fandian"
    assert set(received.upload.situations) == {"getihu", "canting"}
    chat.send((APPLICATION, docs[APPLICATION].read_bytes()))
    pending = chat.say("完成")
    assert pending.kind == "pending" and pending.job and pending.bundle == "kai-fandian"
    assert "开饭店“一件事”" in pending.texts[0] and "2份" in pending.texts[0]

    notice = wait_for(lambda: notices.reply_for(pending.job))
    assert notice.kind == "notice" and notice.bundle == "kai-fandian", notice.texts
    text = "\n".join(notice.texts)
    assert "开饭店“一件事”" in text
    assert "包含事项：个体工商户设立登记、食品经营许可、" in text
    assert "小餐饮" not in text  # the applicant said it is not a small eatery

    titles = [link.title for link in notice.links]
    assert titles == [texts.REVIEW_NOTICE_LINK, texts.REVIEW_FORM_LINK]
    form_url = notice.links[1].url
    assert form_url.startswith(f"/api/v1/chat/jobs/{pending.job}/form.html?sig=")

    client = TestClient(app)
    page = client.get(form_url)
    assert page.status_code == 200 and ZHANG.name in page.text and "生成PDF" in page.text
    form_url = form_url.replace("/form.html?", "/form.pdf?")
    pdf = client.get(form_url)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        form = "\n".join(page.extract_text() or "" for page in document.pages)
    assert "开饭店“一件事”一表申请" in form
    assert ZHANG.name in form  # the applicant's own values, to check and sign
    assert mask_id_number(ZHANG.id_number) in form and ZHANG.id_number not in form
    assert "来源" in form and ID_CARD in form

    # The link names this job only, and cannot be made up.
    assert client.get(form_url.replace(pending.job, "0" * 32)).status_code == 404
    assert client.get(f"/api/v1/chat/jobs/{pending.job}/form.pdf?sig=forged").status_code == 404

    # The job's own page (without the applicant's token) prints the combined form masked.
    html = client.get(f"/api/v1/prereview/{pending.job}/form.html")
    assert html.status_code == 200 and "开饭店“一件事”一表申请" in html.text
    assert f">{ZHANG.name}<" not in html.text and ZHANG.id_number not in html.text

    # The notice went into the conversation once, open to a rating like an item's.
    logged = wait_for(
        lambda: [r for r in chat.dialog.sessions.history(chat.key) if r.status == "notice"]
    )
    assert len(logged) == 1 and "form.html?sig=" in logged[0].text
    assert chat.dialog.sessions.load(chat.key).last_question == "材料预审：开饭店“一件事”"


def test_naming_the_bundle_when_asked_what_to_pre_review(chat):
    assert "哪个事项" in chat.say("预审").texts[0]
    reply = chat.say("开饭店一件事")
    assert reply.kind == "situation" and reply.bundle == "kai-fandian"


def test_photos_after_a_bundle_answer_join_the_bundle_and_cancel_forgets_them(chat, docs):
    chat.say("开个小饭馆要跑哪些部门")
    reply = chat.send((ID_CARD, docs[ID_CARD].read_bytes()))
    assert "第1份" in reply.texts[0]
    assert reply.kind == "situation" and reply.bundle == "kai-fandian"
    answer_restaurant_questions(chat, reply)
    assert "取消" in chat.say("取消").texts[0]
    assert chat.say("完成").kind != "pending"
