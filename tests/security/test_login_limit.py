"""The login limit counted before the hash (bot.login_limit)."""

from __future__ import annotations

import threading

from bot.counters import Counters
from bot.login_limit import LoginLimiter, LoginRules


def test_a_burst_on_one_account_gets_five_password_checks(any_store):
    limiter = LoginLimiter(Counters(any_store.engine))
    allowed: list[bool] = []
    start = threading.Barrier(15)  # under the address limit: only the account's counts

    def attempt() -> None:
        start.wait()
        allowed.append(limiter.take("admin", "10.0.0.7"))

    threads = [threading.Thread(target=attempt) for _ in range(15)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert allowed.count(True) == 5


def test_guessing_across_names_is_limited_per_address(store):
    limiter = LoginLimiter(Counters(store.engine))
    results = [limiter.take(f"user{n}", "10.0.0.8") for n in range(25)]
    assert results[:20] == [True] * 20 and not any(results[20:])
    assert limiter.take("user1", "10.0.0.9")  # another address is not affected


def test_one_account_from_many_addresses_is_limited(store):
    limiter = LoginLimiter(Counters(store.engine), LoginRules(per_account=10))
    results = [limiter.take("admin", f"10.0.1.{n}") for n in range(12)]
    assert results == [True] * 10 + [False] * 2


def test_a_good_login_gives_its_attempts_back(store):
    limiter = LoginLimiter(Counters(store.engine))
    for _ in range(4):
        assert limiter.take("staff", "10.0.0.1")
    limiter.succeeded("staff", "10.0.0.1")
    for _ in range(5):
        assert limiter.take("staff", "10.0.0.1")
    assert not limiter.take("staff", "10.0.0.1")
    # 30 colleagues behind one NAT address log in without reaching the address limit
    for n in range(30):
        assert limiter.take(f"colleague{n}", "10.0.0.2")
        limiter.succeeded(f"colleague{n}", "10.0.0.2")
