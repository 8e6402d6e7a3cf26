"""Workbench fixtures: an app with sample guides, staff accounts, and logged-in clients.

These use a stand-in searcher (it records refreshes), so they run without
loading models; ``test_browser.py`` runs the real app with the real searcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from bot.admin import accounts
from bot.app import create_app
from bot.compose import open_database
from bot.settings import Settings
from knowledge import Store

PASSWORD = "correct-horse-9"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Answer:
    status: str
    item: str | None


@dataclass
class StubSearcher:
    """Stands in for ``retrieval.Searcher``: counts refreshes, answers from aliases."""

    store: Store
    refreshes: int = 0
    asked: list[str] = field(default_factory=list)

    def refresh(self) -> None:
        self.refreshes += 1

    def ask(self, text: str, **_: object) -> Answer:
        self.asked.append(text)
        for guide in self.store.list():
            if text == guide.name or text in guide.aliases:
                return Answer("answered", guide.id)
        return Answer("not_found", None)


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 parameters: the tests are about access rules, not hash strength."""
    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def app(settings: Settings, sample_store: Store):
    db = open_database(sample_store)
    accounts.create_user(db, "管理员甲", "admin", PASSWORD)
    accounts.create_user(db, "编辑乙", "editor", PASSWORD)
    return create_app(settings, searcher=StubSearcher(sample_store))


def csrf_of(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD):
    page = client.get("/admin/login")
    return client.post(
        "/admin/login",
        data={"name": name, "password": password, "csrf_token": csrf_of(page.text)},
    )


def logged_in(app, name: str) -> TestClient:
    client = TestClient(app, follow_redirects=False)
    assert login(client, name).status_code == 303
    return client


@pytest.fixture
def admin(app) -> TestClient:
    return logged_in(app, "管理员甲")


@pytest.fixture
def editor(app) -> TestClient:
    return logged_in(app, "编辑乙")


def token(client: TestClient, path: str = "/admin") -> str:
    """The CSRF token of a page, as a form on it would send."""
    return csrf_of(client.get(path).text)
