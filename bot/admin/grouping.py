"""Groups of similar unanswered questions, so staff handle a wording once.

Similarity is the Jaccard index of character bigrams of the normalised text:
Chinese questions rarely share whole words in the same segmentation, but the
same question asked twice shares most of its character pairs. Grouping is
greedy around leaders (most-asked first), so one group never drifts through a
chain of slightly different questions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

THRESHOLD = 0.5


class Question(Protocol):
    id: int
    text: str
    normalized: str
    count: int
    first_seen: dt.datetime
    last_seen: dt.datetime
    candidates: list


def bigrams(text: str) -> frozenset[str]:
    """Character pairs of ``text``; a one-character text is its own single 'pair'."""
    text = "".join(text.split())
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass
class QuestionGroup:
    leader: Question
    members: list[Question] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(q.count for q in self.members)

    @property
    def last_seen(self) -> dt.datetime:
        return max(q.last_seen for q in self.members)

    @property
    def first_seen(self) -> dt.datetime:
        return min(q.first_seen for q in self.members)

    @property
    def ids(self) -> list[int]:
        return [q.id for q in self.members]

    def candidates(self) -> list[str]:
        """Item ids retrieval offered for these questions, most often offered first."""
        counts: Counter[str] = Counter()
        for question in self.members:
            counts.update(question.candidates or [])
        return [item for item, _ in counts.most_common()]


def group_questions(questions: list[Question], threshold: float = THRESHOLD) -> list[QuestionGroup]:
    """Similar questions together; groups ordered by how often they were asked, then recency."""
    ordered = sorted(questions, key=lambda q: (-q.count, -q.last_seen.timestamp(), q.id))
    groups: list[QuestionGroup] = []
    leader_pairs: list[frozenset[str]] = []
    index: dict[str, list[int]] = {}  # bigram -> groups whose leader has it
    for question in ordered:
        pairs = bigrams(question.normalized)
        near = {g for pair in pairs for g in index.get(pair, ())}
        score, neg = max(((jaccard(pairs, leader_pairs[g]), -g) for g in near), default=(0.0, 0))
        if score < threshold:
            groups.append(QuestionGroup(question, [question]))
            leader_pairs.append(pairs)
            for pair in pairs:
                index.setdefault(pair, []).append(len(groups) - 1)
        else:
            groups[-neg].members.append(question)
    groups.sort(key=lambda g: (-g.count, -g.last_seen.timestamp()))
    return groups
