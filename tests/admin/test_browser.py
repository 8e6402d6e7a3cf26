"""The workbench in a real browser, against a real uvicorn and the real searcher.

Staff log in, edit a material (a catch-all name is refused beside the field,
a valid change is saved), and the web chat at ``/`` answers with the new text
at once; a question the bot could not answer is attached to an item and then
answered; a bad rating given in the chat is followed up to 已整改. Screenshots
go to tests/output/admin_*.png.
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
from tests.conftest import OUTPUT, chromium_browser

# A small knowledge base keeps the index build short; the items are real samples.
ITEMS = (
    "minzheng-jiehun-dengji",
    "minzheng-lihun-dengji",
    "gongan-hukou-chusheng",
    "gongan-juzhuzheng-shenling",
    "scjg-xiaocanyin-dengji",
    "yc-lingshou-xuke",
    "gjj-tiqu-zufang",
    "rs-sbk-shenling",
)
MARRIAGE = "minzheng-jiehun-dengji"
PASSWORD = "browser-pass-1"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_guides):
    """One app for the module: sample items, staff accounts, the real searcher, uvicorn."""
    from bot.compose import open_searcher

    home = tmp_path_factory.mktemp("admin-browser")
    settings = Settings(home=home, database_url=None, secret_key=None)
    store = Store.from_url(settings.db_url)
    store.import_guides([g for g in sample_guides if g.id in ITEMS], "tests")
    db = open_database(store)
    accounts.create_user(db, "李编辑", "editor", PASSWORD)
    accounts.create_user(db, "王管理", "admin", PASSWORD)
    searcher = open_searcher(settings, store)
    with Served(create_app(settings, searcher=searcher)) as served:
        served.store = store
        yield served


@pytest.fixture(scope="module")
def browser():
    with chromium_browser() as launched:
        yield launched


@pytest.fixture
def staff(browser, server):
    """A logged-in editor's page (desktop size, Chinese locale)."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(server.url + "/admin/guides")
    assert "/admin/login" in page.url
    page.fill("input[name=name]", "李编辑")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url(re.compile(r"/admin/guides$"))
    yield page
    context.close()


@pytest.fixture
def citizen(browser, server):
    """The web chat page on a phone-sized screen."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, locale="zh-CN"
    )
    page = context.new_page()
    page.goto(server.url + "/")
    page.wait_for_selector(".row.bot .bubble")
    yield page
    context.close()


REPLIES = ".row.bot:not(:has(.typing))"


def reply_to(page, action) -> str:
    """Do ``action`` in the web chat; the text of the bot's reply to it."""
    before = page.locator(REPLIES).count()
    action()
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length > n",
        arg=[REPLIES, before],
        timeout=30_000,
    )
    return page.locator(REPLIES).last.locator(".stack").inner_text()


def ask(page, question: str) -> str:
    def send() -> None:
        page.fill("#text", question)
        page.click("#send")

    return reply_to(page, send)


def shot(page, name: str, selector: str | None = None, full: bool = False) -> None:
    if selector:
        page.locator(selector).first.scroll_into_view_if_needed()
    page.screenshot(path=str(OUTPUT / f"admin_{name}.png"), full_page=full)


def material_row(page, name: str):
    return page.locator(".row.material").filter(has=page.locator(f"input[value='{name}']"))


def test_edit_a_material_lint_blocks_then_chat_answers_with_the_new_text(staff, citizen, server):
    page = staff
    shot(page, "guides")
    page.fill("input[name=q]", "结婚")
    page.click("button:has-text('筛选')")
    page.click("a:has-text('内地居民结婚登记')")
    page.wait_for_selector("h1:has-text('内地居民结婚登记')")
    shot(page, "guide_edit")

    photo = material_row(page, "photo")
    original = photo.locator("input[name$='-name']").input_value()
    photo.locator("input[name$='-name']").fill("其他材料")
    page.click(".savebar button:has-text('保存')")
    page.wait_for_selector(".summary-error")
    assert "尚未保存" in page.inner_text(".summary-error")
    row = page.locator(".row.material").filter(has=page.locator("input[value='其他材料']"))
    beside = row.locator(".field-msg.is-error").first
    assert "兜底性材料" in beside.inner_text()
    assert "invalid" in row.locator("input[name$='-name']").get_attribute("class")
    shot(page, "lint_error", ".summary-error")
    row.evaluate("el => el.scrollIntoView({block: 'center', behavior: 'instant'})")
    page.screenshot(path=str(OUTPUT / "admin_lint_error_field.png"))
    assert server.store.get(MARRIAGE).materials[3].name == original

    row.locator("input[name$='-name']").fill(original)
    notes = "婚姻登记处现场免费拍摄，请双方着深色上衣"
    row.locator("textarea[name$='-notes']").fill(notes)
    page.fill("input[name=note]", "补充合影着装要求")
    page.click(".savebar button:has-text('保存')")
    page.wait_for_selector(".flash-success")
    assert "已保存" in page.inner_text(".flash-success")
    assert server.store.get(MARRIAGE).materials[3].notes == notes

    reply = ask(citizen, "领结婚证要带什么材料")
    assert "内地居民结婚登记" in reply and notes in reply
    citizen.locator(".row.bot").last.scroll_into_view_if_needed()
    citizen.screenshot(path=str(OUTPUT / "admin_chat_after_edit.png"))

    page.click("a:has-text('修改历史')")
    page.wait_for_selector(".diff .d-add")
    assert notes in page.inner_text(".diff")
    assert "李编辑" in page.inner_text(".versions")
    shot(page, "history")


def test_unanswered_question_attached_to_an_item_is_then_answered(staff, citizen):
    question = "小两口想去登记"
    first = ask(citizen, question)
    assert "内地居民结婚登记" not in first.split("\n")[0]

    page = staff
    page.goto(page.url.split("/admin")[0] + "/admin/questions")
    group = page.locator("form.qgroup").filter(has_text=question)
    assert group.count() == 1
    group.locator("select[name=item]").select_option(MARRIAGE)
    shot(page, "questions")
    group.locator("button:has-text('加为相似问法')").click()
    page.wait_for_selector(".flash-success")
    assert "验证：现在问" in page.inner_text("main")
    assert question in page.inner_text(".flash-info")

    again = ask(citizen, question)
    assert again.startswith("您要办理的是“内地居民结婚登记”") or "办理“内地居民结婚登记”" in again


def test_bad_rating_from_the_chat_is_followed_up_to_rectified(staff, citizen, server):
    ask(citizen, "扯证要啥")
    bad = citizen.locator(".rating button[data-score='1']").last
    assert "原因" in reply_to(citizen, bad.click)
    reason = "照片要求没说清楚，跑了两趟"
    assert "回访" in ask(citizen, reason)
    callback = citizen.locator(".options button:has-text('需要回访')").last
    assert "手机号码" in reply_to(citizen, callback.click)
    assert "联系" in ask(citizen, "13800138000")
    citizen.screenshot(path=str(OUTPUT / "admin_chat_bad_rating.png"))

    page = staff
    base = page.url.split("/admin")[0]
    page.goto(base + "/admin/ratings")
    row = page.locator("tr").filter(has_text=reason)
    assert "非常不满意" in row.inner_text() and "待回访" in row.inner_text()
    shot(page, "ratings")
    row.locator("a:has-text('处理')").click()
    page.wait_for_selector("h1:has-text('差评')")
    assert "13800138000" in page.inner_text("main")
    for state, note in (
        ("已回访", "已电话联系申请人，说明合影可现场拍摄"),
        ("已整改", "指南中补充了合影照片的着装与拍摄说明"),
    ):
        page.check(f"input[name=state][value={state}]")
        page.fill("textarea[name=note]", note)
        page.click("button:has-text('保存')")
        page.wait_for_selector(f".flash-success:has-text('{state}')")
    assert "已整改" in page.inner_text(".steps li.now")
    shot(page, "rating")

    page.goto(base + "/admin")
    rate = page.locator(".stat").filter(has_text="差评整改率")
    assert "100%" in rate.inner_text()
    shot(page, "dashboard", full=True)


def test_admin_pages_render(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.goto(server.url + "/admin/login")
    shot(page, "login")
    page.fill("input[name=name]", "王管理")
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('登录')")
    page.wait_for_url(re.compile(r"/admin$"))
    for path, name in (("/admin/users", "users"), ("/admin/audit", "audit")):
        page.goto(server.url + path)
        assert page.locator("h1").count() == 1
        shot(page, name)
    page.goto(server.url + "/admin/transfer")
    shot(page, "transfer")
    context.close()


def test_a_request_for_a_person_reaches_staff(staff, citizen):
    ask(citizen, "离婚登记要带什么")
    ask(citizen, "转人工")

    page = staff
    page.goto(page.url.split("/admin")[0] + "/admin/handoff")
    page.click("a:has-text('查看对话')")
    page.wait_for_selector(".transcript .msg-in")
    assert "离婚登记要带什么" in page.inner_text(".transcript")
    shot(page, "handoff")
    page.fill("textarea[name=note]", "已回电说明离婚登记须双方到场")
    page.click("button:has-text('标记为处理完毕')")
    page.wait_for_selector(".flash-success")
    assert "没有待处理的人工服务请求" in page.inner_text("main")
