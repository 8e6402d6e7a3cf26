"""Atomic counters in fixed windows (bot.counters), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading

from bot.counters import Counters
from knowledge.db import utcnow

WINDOW = dt.timedelta(minutes=15)


def test_each_take_gets_its_own_count_under_concurrency(any_store):
    counters = Counters(any_store.engine)
    counts: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(20)

    def take() -> None:
        start.wait()
        for _ in range(5):
            value = counters.take("burst", WINDOW)
            with lock:
                counts.append(value)

    threads = [threading.Thread(target=take) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(counts) == list(range(1, 101))


def test_a_new_window_starts_after_the_last_one_ends(any_store):
    counters = Counters(any_store.engine)
    now = utcnow()
    assert counters.take("k", WINDOW, now=now) == 1
    assert counters.take("k", WINDOW, amount=4, now=now + dt.timedelta(minutes=14)) == 5
    assert counters.count("k", WINDOW, now=now + dt.timedelta(minutes=14)) == 5
    assert counters.take("k", WINDOW, now=now + dt.timedelta(minutes=15)) == 1
    assert counters.count("k", WINDOW, now=now + dt.timedelta(minutes=31)) == 0


def test_give_back_clear_and_purge(any_store):
    counters = Counters(any_store.engine)
    counters.take("a", WINDOW, amount=3)
    counters.give_back("a")
    assert counters.count("a", WINDOW) == 2
    counters.give_back("a", 10)
    assert counters.count("a", WINDOW) == 0
    counters.take("b", WINDOW)
    counters.clear("b")
    assert counters.count("b", WINDOW) == 0
    counters.take("c", WINDOW, now=utcnow() - dt.timedelta(hours=2))
    assert counters.purge(dt.timedelta(hours=1)) == 1
