"""Shared fixtures: an isolated ONETRIP_HOME, settings, and stores (SQLite, PostgreSQL)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bot.settings import Settings
from knowledge import Store, load_guides
from knowledge.db import make_engine

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "knowledge" / "samples"
DATA = Path(__file__).resolve().parent / "data"
OUTPUT = Path(__file__).resolve().parent / "output"  # screenshots and rendered notices
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PG_URL = os.environ.get(
    "ONETRIP_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean ONETRIP_HOME; every ONETRIP_* variable of the caller is cleared."""
    for key in list(os.environ):
        if key.startswith("ONETRIP_") and key != "ONETRIP_TEST_DATABASE_URL":
            monkeypatch.delenv(key)
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("ONETRIP_HOME", str(path))
    return path


@pytest.fixture
def settings(home: Path) -> Settings:
    return Settings()


@pytest.fixture
def store(settings: Settings) -> Store:
    return Store.from_url(settings.db_url)


@pytest.fixture(scope="session")
def sample_guides():
    result = load_guides([SAMPLES])
    assert result.ok, [str(p) for p in result.problems]
    return [g for _, g in result.guides]


@pytest.fixture
def sample_store(store: Store, sample_guides) -> Store:
    store.import_guides(sample_guides, "tests")
    return store


def _postgres_available() -> str | None:
    """None when the test server answers, else the reason it does not."""
    try:
        engine = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
        return None
    except (OperationalError, ImportError) as exc:
        return f"PostgreSQL at {PG_URL} not reachable: {str(exc).splitlines()[0]}"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    reason = _postgres_available()
    if reason:
        pytest.skip(reason)
    return PG_URL


@pytest.fixture
def pg_store(postgres_url: str):
    """A store in a fresh PostgreSQL schema, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(postgres_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(postgres_url).execution_options(schema_translate_map={None: schema})
    try:
        yield Store(engine)
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, store: Store) -> Store:
    """The same tests on SQLite (always) and PostgreSQL (skipped when absent)."""
    if request.param == "sqlite":
        return store
    return request.getfixturevalue("pg_store")


@contextmanager
def chromium_browser() -> Iterator:
    """Debian's Chromium driven by Playwright; skips (reason printed) when it is absent."""
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        print("SKIP: chromium is not installed (apt-get install chromium)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
