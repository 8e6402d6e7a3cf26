"""Whether a pre-review job may be queued: a bounded queue, and quotas per conversation and
per address.

100 anonymous submissions were accepted in 1.2 s, and nothing stopped one
client from filling the queue for everyone. A job is admitted only when

- fewer than ``max_waiting`` jobs are queued or running (else "请稍后再试");
- its conversation (a chat session) and its address (the client's IP; for
  WeChat the citizen's openid stands in, WeChat's servers being the client)
  each stay within ``jobs_per_hour`` jobs and ``pages_per_hour`` pages.

The quotas are :mod:`bot.counters` windows, taken atomically; a refused job
gives back what it took, so a count is always of admitted work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.counters import Counters

BUSY = "当前预审排队较多，请稍后再试，或直接到窗口咨询。"
TOO_MANY_JOBS = "一小时内最多提交 {limit} 次预审，请稍后再试，或直接到窗口咨询。"
TOO_MANY_PAGES = "一小时内最多预审 {limit} 页材料，请稍后再试，或直接到窗口咨询。"
WINDOW = dt.timedelta(hours=1)


@dataclass(frozen=True)
class CapacityRules:
    max_waiting: int = 50
    jobs_per_hour: int = 10
    pages_per_hour: int = 150


class Refused(Exception):
    """The job was not queued; the message is for the citizen."""

    def __init__(self, message: str, busy: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.busy = busy  # the whole service is full (503), not this client's quota (429)


class Admission:
    def __init__(self, counters: Counters, rules: CapacityRules | None = None) -> None:
        self.counters = counters
        self.rules = rules or CapacityRules()

    def admit(self, waiting: int, pages: int, who: list[str]) -> None:
        """Count a job of ``pages`` pages for each of ``who`` (``conversation:…``,
        ``address:…``), or raise :class:`Refused` with nothing counted."""
        rules = self.rules
        if waiting >= rules.max_waiting:
            raise Refused(BUSY, busy=True)
        taken: list[tuple[str, int]] = []
        try:
            for party in who:
                for kind, amount, limit, message in (
                    ("jobs", 1, rules.jobs_per_hour, TOO_MANY_JOBS),
                    ("pages", pages, rules.pages_per_hour, TOO_MANY_PAGES),
                ):
                    key = f"prereview:{kind}:{party}"
                    count = self.counters.take(key, WINDOW, amount)
                    taken.append((key, amount))
                    if count > limit:
                        raise Refused(message.format(limit=limit))
        except Refused:
            for key, amount in taken:
                self.counters.give_back(key, amount)
            raise
