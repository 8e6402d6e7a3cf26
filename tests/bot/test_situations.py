"""An item's situation flags: checked against the item, unlisted ones as the caller says."""

from __future__ import annotations

import pytest

from bot.situations import (
    UnknownSituation,
    known_situations,
    parse_situations,
    situation_flags,
)
from knowledge import Guide

GUIDE = Guide.model_validate(
    {
        "id": "test-item",
        "name": "测试事项",
        "department": "示范市某局",
        "materials": [],
        "situations": [
            {"id": "agent", "label": "委托他人代办"},
            {"id": "rent", "label": "租用场所"},
            {"id": "minor", "label": "未成年人"},
        ],
    }
)


def test_named_answers_and_the_unlisted_rest():
    flags = ["agent=否，rent", "minor=unknown"]
    assert parse_situations(flags, GUIDE) == {"agent": False, "rent": True, "minor": None}
    # The API leaves what is not named unknown; the CLI takes it as not applying.
    assert parse_situations(["rent"], GUIDE)["agent"] is None
    assert parse_situations(["rent"], GUIDE, unlisted=False)["agent"] is False


def test_a_situation_the_item_lacks_is_refused_with_the_choices():
    with pytest.raises(UnknownSituation, match=r"flying.*agent, minor, rent"):
        parse_situations(["flying"], GUIDE)
    with pytest.raises(UnknownSituation):
        parse_situations(["=true"], GUIDE)  # a value without a name is not lost silently


def test_written_flags_read_back_the_same():
    known = known_situations(parse_situations(["agent", "rent=false"], GUIDE))
    assert known == {"agent": True, "rent": False}
    assert situation_flags(known) == ("agent=true", "rent=false")
    assert known_situations(parse_situations(situation_flags(known), GUIDE)) == known
