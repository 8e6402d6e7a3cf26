"""The web chat page in a real browser: ask a question, upload a document, see the notice.

Drives Debian's Chromium with Playwright against a real uvicorn; screenshots go
to tests/output/ (look at them: this is what a newcomer sees after ``make run``).
"""

from __future__ import annotations

import pytest

from bot.app import create_app
from tests.bot.conftest import id_card_png
from tests.bot.wechat_peer import Served, free_port
from tests.conftest import OUTPUT, chromium_browser

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_page():
    with chromium_browser() as browser:
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="zh-CN"
        )
        yield context.new_page()


def show_from(page, selector: str) -> None:
    """Scroll the conversation so that ``selector`` is at the top of the screen."""
    page.wait_for_timeout(400)  # let the page's own scrolling settle
    page.mouse.move(0, 0)
    page.locator(selector).evaluate(
        "el => { const log = el.closest('.log'); log.style.scrollBehavior = 'auto';"
        " log.scrollTop = el.offsetTop - log.offsetTop - 8; }"
    )


def test_ask_and_prereview_on_the_web_page(
    browser_page, settings, sample_store, searcher, tmp_path
):
    OUTPUT.mkdir(exist_ok=True)
    port = free_port()
    settings = settings.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})
    page = browser_page
    with Served(create_app(settings, searcher=searcher), port=port) as server:
        page.goto(server.url + "/")
        page.wait_for_selector(".row.bot .bubble >> text=智能办事助手")
        page.screenshot(path=str(OUTPUT / "web_chat_welcome.png"))

        page.fill("#text", "领结婚证要带什么")
        page.click("#send")
        answer = page.wait_for_selector(".row.bot .bubble >> text=男方居民身份证")
        assert "内地居民结婚登记" in answer.inner_text()
        card = page.wait_for_selector(".card h3")
        assert card.inner_text() == "内地居民结婚登记"
        assert page.locator(".rating button").count() == 5
        show_from(page, ".row.me >> nth=-1")
        page.screenshot(path=str(OUTPUT / "web_chat_answer.png"))

        photo = tmp_path / "男方身份证.png"
        photo.write_bytes(id_card_png())
        page.set_input_files("#file", str(photo))
        page.wait_for_selector(".row.bot .bubble >> text=已收到第1份材料")
        page.click("#chips button[data-command=done]")
        page.wait_for_selector(".row.bot .bubble >> text=正在预审", timeout=10_000)
        notice = page.wait_for_selector(".bubble.notice", timeout=180_000)
        text = notice.inner_text()
        assert "一次性告知书" in text and "女方居民身份证" in text
        link = page.wait_for_selector(".links a >> text=打印版一次性告知书")
        href = link.get_attribute("href")
        assert href.startswith("/api/v1/prereview/") and href.endswith("/notice.html")
        show_from(page, ".row.me >> nth=-1")
        page.screenshot(path=str(OUTPUT / "web_chat_notice.png"))

        printable = page.context.new_page()
        printable.goto(server.url + href)
        assert "一次性告知书" in printable.content()
        printable.screenshot(path=str(OUTPUT / "web_notice_printable.png"), full_page=True)

        # Reloading continues the same conversation (the token is kept in the browser).
        page.reload()
        page.wait_for_selector(".row.me .bubble >> text=领结婚证要带什么")
