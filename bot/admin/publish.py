"""After a change of the knowledge base: refresh the search index, check what the chat answers.

Every path that changes guides (the edit form, restore, import, delete, a
question attached as an alias) calls :func:`refresh_search`, so the chat
answers from the new text at once, without a restart.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi.concurrency import run_in_threadpool

from bot.services import LazySearcher, Services

logger = logging.getLogger(__name__)

INDEX_FAILED = "指南已保存，但检索索引更新失败；问答将在索引重建（onetrip index）后使用新内容。"


def _searcher(services: Services) -> Any:
    """The app's searcher, or None while a lazy one is not loaded yet: it will load the
    knowledge base as it is then, so there is nothing to refresh or ask."""
    searcher = services.searcher
    if isinstance(searcher, LazySearcher) and not searcher.loaded:
        return None
    return searcher


async def refresh_search(services: Services) -> str | None:
    """Re-embed what changed (``services.searcher.refresh()``); a warning text if it failed.

    Runs in a worker thread: re-embedding takes seconds, and the chat keeps answering.
    """
    searcher = _searcher(services)
    if searcher is None:
        return None
    try:
        await run_in_threadpool(searcher.refresh)
    except Exception:
        logger.exception("search index refresh failed")
        return INDEX_FAILED
    return None


async def check_answer(services: Services, question: str) -> str | None:
    """The item the chat now answers ``question`` with ("" if none); None without a searcher."""
    searcher = _searcher(services)
    if searcher is None:
        return None
    try:
        answer = await run_in_threadpool(searcher.ask, question)
    except Exception:
        logger.exception("checking the answer to a question failed")
        return None
    return answer.item if answer.status == "answered" and answer.item else ""
