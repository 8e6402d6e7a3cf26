"""一件事 in the web chat, in a real browser: a life-event question gets the bundle, one set of
uploads gets one combined notice, and the pre-filled form (一表申请) opens as a PDF.

Debian's Chromium driven by Playwright against a real uvicorn, the real searcher over
the sample guides and bundles, real OCR; screenshots go to tests/output/.
"""

from __future__ import annotations

import io

import httpx
import pdfplumber
import pytest

from bot.app import create_app
from bot.cli.samples import BUNDLE_SAMPLES_DIR
from knowledge.bundles import load_bundles
from prereview.ids import mask_id_number
from tests.bot.channels.test_web import browser_page, show_from  # noqa: F401 (fixture)
from tests.bot.wechat_peer import Served, free_port
from tests.conftest import OUTPUT
from tests.prereview.make_docs import ZHANG

pytestmark = pytest.mark.browser

ID_CARD, APPLICATION = "qy_id_zhang.jpg", "sp_application.docx"
# What an applicant who opens an ordinary restaurant on their own answers.
YES_WHEN = ("个体工商户", "一般餐馆")


NEXT_STEP = """n => document.querySelectorAll('.row.bot .options').length > n
  || [...document.querySelectorAll('.row.bot .bubble')].some(b => b.innerText.includes('开始预审【'))"""


def answer_questions(page, shown: int) -> int:
    """Tap 属于 / 不属于 for each situation question until the bot asks for the files;
    ``shown`` option boxes were on the page before. Returns how many were asked."""
    asked = 0
    while True:
        page.wait_for_function(NEXT_STEP, arg=shown + asked, timeout=60_000)
        if page.locator(".row.bot .bubble >> text=开始预审【").count():
            return asked
        asked += 1
        assert asked <= 10, "the bot kept asking"
        options = page.locator(".row.bot .options").last
        question = options.locator("xpath=..").inner_text()
        number = 1 if any(word in question for word in YES_WHEN) else 2
        options.locator("button").nth(number - 1).click()


def test_a_bundle_in_the_web_chat_from_question_to_pre_filled_form(
    browser_page,  # noqa: F811 (fixture)
    settings,
    sample_store,
    bundle_searcher,
    docs,
):
    sample_store.import_bundles([b for _, b in load_bundles([BUNDLE_SAMPLES_DIR]).bundles], "tests")
    port = free_port()
    settings = settings.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})
    page = browser_page
    with Served(create_app(settings, searcher=bundle_searcher), port=port) as server:
        page.goto(server.url + "/")
        page.wait_for_selector(".row.bot .bubble >> text=智能办事助手")

        page.fill("#text", "我想开一家小饭馆，要去哪些部门办手续？")
        page.click("#send")
        answer = page.wait_for_selector(".row.bot .bubble >> text=在一个综合窗口一次提交材料")
        body = answer.inner_text()
        assert "开饭店“一件事”" in body and "要办的事项（按办理顺序）" in body
        assert "个体工商户设立登记" in body and "食品经营许可" in body
        show_from(page, ".row.me >> nth=-1")
        page.screenshot(path=str(OUTPUT / "web_bundle_answer.png"))

        shown = page.locator(".row.bot .options").count()
        page.click("#chips button[data-command=prereview]")
        assert answer_questions(page, shown) <= 6  # each question once, settled ones not asked
        page.set_input_files("#file", [str(docs[ID_CARD]), str(docs[APPLICATION])])
        page.wait_for_selector(".row.bot .bubble >> text=已收到第2份材料", timeout=30_000)
        page.click("#chips button[data-command=done]")
        page.wait_for_selector(".row.bot .bubble >> text=正在预审【开饭店“一件事”】")

        notice = page.wait_for_selector(".bubble.notice", timeout=300_000)
        text = notice.inner_text()
        assert "一件事：开饭店“一件事”" in text
        show_from(page, ".row.me >> nth=-1")
        page.screenshot(path=str(OUTPUT / "web_bundle_notice.png"))

        # The combined notice: the ID card the items share is listed once for them all.
        printable = page.context.new_page()
        href = page.get_attribute(".links a >> text=打印版一次性告知书", "href")
        printable.goto(server.url + href)
        full = printable.inner_text("body")
        assert full.count("经营者居民身份证") == 1, full
        assert "法定代表人（负责人）身份证件" not in full  # the same card, for 食品经营许可
        printable.screenshot(path=str(OUTPUT / "web_bundle_notice_printable.png"), full_page=True)

        form_href = page.get_attribute(".links a >> text=预填好的申请表", "href")
        assert form_href.startswith("/api/v1/chat/jobs/") and "/form.html?sig=" in form_href
        page.goto(server.url + form_href)
        assert ZHANG.name in page.inner_text("body")  # the values, with their sources
        assert "生成PDF" in page.content()  # blank fields can be typed in
        page.screenshot(path=str(OUTPUT / "web_bundle_form_page.png"), full_page=True)
        pdf = httpx.get(server.url + form_href.replace("/form.html?", "/form.pdf?"))
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        with pdfplumber.open(io.BytesIO(pdf.content)) as document:
            form = "\n".join(p.extract_text() or "" for p in document.pages)
        assert "开饭店“一件事”一表申请" in form
        assert ZHANG.name in form and mask_id_number(ZHANG.id_number) in form
        (OUTPUT / "web_bundle_form.pdf").write_bytes(pdf.content)
