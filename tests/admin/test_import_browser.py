"""导入现有指南 in a real browser, against a real uvicorn and the real searcher.

An editor uploads a published guide (a Word file), sees the draft beside its review
list, tries to publish it as converted (refused: the guide names no department),
fills the department in, publishes, and the web chat at ``/`` answers from the new
item at once. Screenshots go to tests/output/admin_import_*.png.
"""

from __future__ import annotations

import re

import pytest

from bot.admin import accounts
from bot.app import create_app
from bot.compose import open_database
from bot.settings import Settings
from knowledge import Store
from tests.bot.wechat_peer import Served
from tests.conftest import DATA, OUTPUT, chromium_browser

DOCX = DATA / "real_guides" / "files" / "g05-nanning-zhandao.docx"
ITEMS = ("minzheng-jiehun-dengji", "gongan-juzhuzheng-shenling", "rs-sbk-shenling")
PASSWORD = "browser-pass-2"
DEPARTMENT = "南宁市城市管理局"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_guides):
    from bot.compose import open_searcher

    home = tmp_path_factory.mktemp("import-browser")
    settings = Settings(home=home, database_url=None, secret_key=None)
    store = Store.from_url(settings.db_url)
    store.import_guides([g for g in sample_guides if g.id in ITEMS], "tests")
    accounts.create_user(open_database(store), "李编辑", "editor", PASSWORD)
    with Served(create_app(settings, searcher=open_searcher(settings, store))) as served:
        served.store = store
        yield served


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as launched:
        yield launched


def shot(page, name: str) -> None:
    page.screenshot(path=str(OUTPUT / f"admin_import_{name}.png"), full_page=True)


def ask(page, question: str) -> str:
    # Only bot rows after the citizen's own message count: the greeting may still be
    # "typing" when the question is sent, and must not be taken for the answer.
    replies = ".row.me ~ .row.bot:not(:has(.typing))"
    before = page.locator(replies).count()
    page.fill("#text", question)
    page.click("#send")
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length > n",
        arg=[replies, before],
        timeout=30_000,
    )
    return page.locator(replies).last.locator(".stack").inner_text()


def test_import_a_docx_fix_the_draft_publish_and_the_chat_answers(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(server.url + "/admin/transfer")
    page.fill("input[name=name]", "李编辑")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.click("a:has-text('导入现有指南')")
    page.set_input_files("input[name=files]", str(DOCX))
    page.click("button:has-text('读取并生成草稿')")
    page.wait_for_url(re.compile(r"/admin/transfer/convert/\d+$"))

    review = page.inner_text("[aria-label=核对清单]")
    assert "缺少实施主体" in review
    assert "临时占用城市道路审批" in page.inner_text("h1")
    shot(page, "draft")
    assert not any("临时占用" in g.name for g in server.store.list())  # not live

    page.click("button:has-text('检查并发布')")
    page.wait_for_selector(".summary-error")
    assert "实施主体" in page.inner_text(".summary-error")
    shot(page, "lint_error")

    editor = page.locator("textarea[name=text]")
    editor.fill(editor.input_value().replace("department: ''", f"department: {DEPARTMENT}"))
    page.click("button:has-text('检查并发布')")
    page.wait_for_selector(".flash-success")
    assert "已发布" in page.inner_text(".flash-success")
    guide = next(g for g in server.store.list() if g.name.startswith("临时占用城市道路审批"))
    assert guide.department == DEPARTMENT
    assert server.store.history(guide.id)[0].note == "导入：g05-nanning-zhandao.docx"
    shot(page, "published")
    context.close()

    chat = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    citizen = chat.new_page()
    citizen.goto(server.url + "/")
    citizen.wait_for_selector(".row.bot .bubble")
    reply = ask(citizen, "临时占用城市道路审批要带什么材料")
    assert "临时占用城市道路审批" in reply and "挖掘、临时占用城市道路申请表" in reply
    citizen.screenshot(path=str(OUTPUT / "admin_import_chat.png"))
    chat.close()
