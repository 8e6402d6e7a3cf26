"""The state of one conversation, stored as JSON in ``chat_sessions``.

Only plain data (ids, texts, numbers) is kept, so any app process can pick the
conversation up from the database.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot.privacy import mask_personal, personal_numbers


@dataclass
class Pending:
    """What the bot is waiting for.

    kind: choose (a number from ``options``) | situation (是/否 for ``queue[0]``)
    | review_item (which item to pre-review) | collect (files until 完成)
    | rating_reason | rating_callback | rating_phone.
    ``then`` says what to do once situations are known: answer | review.
    """

    kind: str
    options: list[dict[str, str]] = field(default_factory=list)  # [{"item", "name"}]
    item: str | None = None
    facet: str | None = None
    queue: list[str] = field(default_factory=list)
    then: str | None = None
    question: str | None = None
    rating_id: int | None = None
    total: int = 0  # situation questions asked in this round
    bundle: str | None = None  # situations or files for this 一件事 bundle, not an item


@dataclass
class State:
    item: str | None = None  # the item in context (事项)
    bundle: str | None = None  # the 一件事 bundle in context, after a bundle answer
    # Answers to situation questions, per item: {item: {situation: true/false}}.
    situations: dict[str, dict[str, bool]] = field(default_factory=dict)
    pending: Pending | None = None
    # The last rateable answer, so a rating records what it rates.
    last_question: str | None = None
    last_answer: str | None = None
    last_item: str | None = None
    rated: bool = False
    # The previous reply asked for a rating: a bare digit 1-5 now is a score.
    rate_open: bool = False
    # Pre-review collection: stored file paths and names.
    files: list[dict[str, str]] = field(default_factory=list)
    turns: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> State:
        if not data:
            return cls()
        data = dict(data)
        pending = data.pop("pending", None)
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        state = cls(**known)
        state.pending = Pending(**pending) if pending else None
        return state

    def rateable(self, question: str, answer: str, item: str | None) -> None:
        """Remember the answer just given, so that the next rating rates it (personal
        numbers the citizen typed are masked: the state is stored, and rated answers too)."""
        typed = personal_numbers(question)
        self.last_question = mask_personal(question)
        self.last_answer = mask_personal(answer, only=typed)
        self.last_item = item
        self.rated = False

    def bundle_known(self, bundle: str) -> dict[str, bool]:
        """The answered questions of a bundle ({question key: applies}), kept beside the
        items' under ``bundle:ID`` (item ids never take that form)."""
        return self.situations.setdefault(f"bundle:{bundle}", {})

    def known(self, item: str) -> dict[str, bool] | None:
        """The answered situations of ``item`` ({situation: applies}), None if none yet."""
        return dict(self.situations[item]) if self.situations.get(item) else None
