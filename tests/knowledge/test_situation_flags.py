"""Situation flags as people type them, read the same for an item and for a bundle."""

from __future__ import annotations

from knowledge.situation_flags import read_flags


def answers(*values: str) -> list[tuple[str, bool | None]]:
    return [(f.situation, f.applies) for f in read_flags(values)]


def test_a_bare_name_or_any_yes_means_it_applies():
    assert answers("agent", "rent=true", "minor=是", "gongsi=1") == [
        ("agent", True),
        ("rent", True),
        ("minor", True),
        ("gongsi", True),
    ]


def test_every_no_word_means_it_does_not_apply():
    assert answers("a=false", "b=FALSE", "c=0", "d=no", "e=否") == [(k, False) for k in "abcde"]


def test_unknown_leaves_it_open():
    assert answers("agent=unknown", "rent=?") == [("agent", None), ("rent", None)]


def test_several_per_value_with_either_comma_and_spaces():
    assert answers(" agent = false ，rent", "", "minor,,") == [
        ("agent", False),
        ("rent", True),
        ("minor", True),
    ]


def test_the_flag_as_written_is_kept_for_messages():
    assert [f.text for f in read_flags(["agent=? , rent"])] == ["agent=?", "rent"]
    assert [f.situation for f in read_flags(["=true"])] == [""]  # named by the caller's refusal
