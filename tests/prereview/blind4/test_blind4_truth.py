"""The fourth set's truth rules and fictitious identities (no engine, no images)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from tests.prereview.blind.ident import id_valid, uscc_valid
from tests.prereview.blind4.people import id_validity, make_company, make_person
from tests.prereview.blind4.texts import date_text
from tests.prereview.blind4.truth import expected

TODAY = date(2026, 11, 20)


def test_situation_not_chosen_is_not_applicable_and_shared_is_waived() -> None:
    status, complete = expected(
        "gongan-juzhuzheng-shenling",
        ["work"],
        {"apply-form": "ok", "id-card": "ok", "photo": "ok", "lease": "ok", "labor-contract": "ok"},
    )
    assert status["school-proof"] == "not_applicable"
    assert status["deed"] == status["dorm-proof"] == "not_applicable"  # one_of satisfied by lease
    assert complete


def test_one_of_group_without_member_is_missing() -> None:
    status, complete = expected(
        "gongan-juzhuzheng-shenling",
        ["work"],
        {"apply-form": "ok", "id-card": "ok", "photo": "ok", "labor-contract": "ok"},
    )
    assert {status[m] for m in ("deed", "lease", "dorm-proof")} == {"missing"}
    assert not complete


def test_unreadable_file_fills_the_only_required_material_left() -> None:
    status, _ = expected(
        "canlian-canjirenzheng-hefa",
        [],
        {"apply-form": "ok", "id-card": "ok", "medical-record": "ok"},
        unreadable=1,
    )
    assert status["photo"] == "defective"
    assert status["hukou"] == "waived"


def test_unreadable_file_with_two_left_fills_nothing() -> None:
    status, _ = expected(
        "canlian-canjirenzheng-hefa", [], {"apply-form": "ok", "id-card": "ok"}, unreadable=1
    )
    assert status["photo"] == status["medical-record"] == "missing"


def test_deferrable_absent_does_not_block_and_defective_provided_does() -> None:
    status, complete = expected(
        "jk-ggcs-weisheng-xuke",
        ["kongtiao"],
        {
            "xuke-sqb": "ok",
            "fuzeren-sfz": "ok",
            "pingmian-tu": "ok",
            "jiankang-zhengming": "ok",
            "guanli-zhidu": "ok",
            "kongtiao-baogao": "defective",
        },
    )
    assert status["jiance-baogao"] == "deferrable"
    assert status["kongtiao-baogao"] == "defective"
    assert not complete


def test_unknown_material_is_refused() -> None:
    with pytest.raises(KeyError):
        expected("rs-jineng-tisheng-butie", [], {"no-such": "ok"})


@pytest.mark.parametrize("seed", range(40))
def test_people_have_valid_codes_and_lawful_terms(seed: int) -> None:
    rng = random.Random(seed)
    p = make_person(rng, TODAY)
    assert id_valid(p.id_number)
    assert p.valid_to is None or p.valid_to > TODAY
    # a card that ran out within the last year exists for ages ~27-35 (10-year card issued
    # at 16-25) and 47-65 (20-year card issued at 26-45), not in between
    old = make_person(rng, TODAY, age=rng.choice([27, 30, 35, 47, 55, 60]), expired=True)
    assert old.valid_to is not None and old.valid_to < TODAY
    assert id_validity(old.birth, old.valid_from) == old.valid_to
    assert uscc_valid(make_company(rng, p).uscc)
    assert uscc_valid(make_company(rng, p, getihu=True).uscc)


def test_date_styles() -> None:
    d = date(2025, 3, 1)
    assert date_text(d, "cn") == "二〇二五年三月一日"
    assert date_text(date(2025, 12, 20), "cn") == "二〇二五年十二月二十日"
    assert date_text(d, "dot") == "2025.03.01"
    assert date_text(d, "dash") == "2025-03-01"
    assert date_text(d, "plain") == "2025年3月1日"
