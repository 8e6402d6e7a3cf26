"""The search models, loaded once per process, on first use."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Any


class LazySearcher:
    """A ``retrieval.Searcher`` loaded on first use, once: building an app stays cheap
    (tests, CLI), and a served app warms it up at start-up (``bot.app.lifespan``)."""

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._searcher: Any = None

    @property
    def loaded(self) -> bool:
        return self._searcher is not None

    def load(self) -> Any:
        if self._searcher is None:
            with self._lock:
                if self._searcher is None:
                    self._searcher = self._factory()
                    # The models, dictionaries and index are ~365 000 Python objects
                    # that live as long as the process; a full garbage collection
                    # walked them all (128 ms, every request of the process waiting).
                    # Frozen, the collector never looks at them again.
                    gc.freeze()
        return self._searcher

    def __getattr__(self, name: str) -> Any:
        return getattr(self.load(), name)
