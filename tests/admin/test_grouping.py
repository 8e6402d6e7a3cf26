"""Grouping similar unanswered questions by character bigrams."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.admin.grouping import bigrams, group_questions, jaccard

NOW = dt.datetime(2025, 5, 1, 9, 0)


@dataclass
class Q:
    id: int
    text: str
    count: int = 1
    hours_ago: int = 0
    candidates: list = field(default_factory=list)

    @property
    def normalized(self) -> str:
        return self.text.rstrip("？?。")

    @property
    def first_seen(self) -> dt.datetime:
        return NOW - dt.timedelta(days=3)

    @property
    def last_seen(self) -> dt.datetime:
        return NOW - dt.timedelta(hours=self.hours_ago)


def test_bigrams_and_jaccard():
    assert bigrams("身份证") == {"身份", "份证"}
    assert bigrams("证") == {"证"} and bigrams("") == frozenset()
    assert jaccard(bigrams("身份证丢了怎么补办"), bigrams("身份证丢了怎么办")) > 0.6
    assert jaccard(bigrams("身份证丢了怎么补办"), bigrams("公积金怎么提取")) < 0.2


def test_rewordings_of_one_question_form_one_group():
    questions = [
        Q(1, "身份证丢了怎么补办", count=4, candidates=["sfz"]),
        Q(2, "公积金怎么提取", count=2),
        Q(3, "身份证丢了怎么办", count=1, hours_ago=1, candidates=["sfz", "hukou"]),
        Q(4, "公积金怎么提取出来", count=3),
        Q(5, "开饭店要办什么证"),
    ]
    groups = group_questions(questions)
    assert [[q.id for q in g.members] for g in groups] == [[1, 3], [4, 2], [5]]
    first = groups[0]
    assert first.leader.id == 1 and first.count == 5 and first.ids == [1, 3]
    assert first.last_seen == NOW
    assert first.candidates() == ["sfz", "hukou"]


def test_groups_do_not_chain_through_slightly_different_questions():
    chain = ["营业执照怎么办", "营业执照怎么办理流程", "办理流程要多久", "要多久能拿到"]
    groups = group_questions([Q(i, t, count=10 - i) for i, t in enumerate(chain)])
    assert len(groups) >= 3
