"""Answers of the searcher remembered per knowledge-base version.

Citizens ask the same few hundred questions in the same words ("要多久" about
the item in context, the top questions of the day); embedding each again costs
more than the rest of a chat turn. An answer is a pure function of the
question, the context item, the known situations and the KB version the index
was built from, so a bounded LRU keyed on exactly these is never stale. The
key holds both the store's version and the searcher's: while the searcher is
behind the store every question misses, reaches the searcher, and so makes it
catch up (it refreshes itself when asked).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any


class AnswerCache:
    """``ask`` / ``answer_for`` of a ``retrieval.Searcher``, memoised (thread-safe LRU)."""

    def __init__(self, searcher: Any, store: Any, size: int = 4096) -> None:
        self.searcher = searcher
        self.store = store
        self.size = size
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def version(self) -> int:
        return self.searcher.version

    def ask(
        self,
        question: str,
        context_item: str | None = None,
        situations: dict[str, bool] | None = None,
    ) -> Any:
        key = ("ask", question.strip(), context_item, _frozen(situations))
        return self._get(key, lambda: self.searcher.ask(question, context_item, situations))

    def answer_for(
        self, item_id: str, facet: str | None, situations: dict[str, bool] | None = None
    ) -> Any:
        key = ("for", item_id, facet, _frozen(situations))
        return self._get(key, lambda: self.searcher.answer_for(item_id, facet, situations))

    def _get(self, key: tuple, compute) -> Any:
        key = (self.store.version(), self.searcher.version, *key)
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]
        value = compute()
        with self._lock:
            self.misses += 1
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value


def _frozen(situations: dict[str, bool] | None) -> tuple | None:
    return tuple(sorted(situations.items())) if situations else None
