"""Truth rules, identities and dates of the fifth blind set (no engine involved)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from tests.prereview.blind.ident import id_valid, uscc_valid

from . import people
from .dates import style
from .truth import GUIDES, complete, expected, guide


def test_situation_not_chosen_is_not_applicable():
    got = expected("gongan-chuzu-fangwu-beian", [], {})
    assert got["weituoshu"] == "not_applicable"
    assert got["danwei-zz"] == "not_applicable"


def test_absent_materials_follow_required_shared_deferrable():
    got = expected("weijian-yishi-biangeng", [], {})
    assert got["zhaopian"] == "optional"
    assert got["jigou-xuke"] == "waived"
    assert got["lizhi-zm"] == "deferrable"
    assert got["sfz"] == "missing"
    assert not complete(got)


def test_faithful_required_words_are_understood():
    got = expected("jt-congye-zige-huanzheng", [], {})
    assert got["huanzheng-sqb"] == "missing"  # required: 必要


def test_one_of_with_a_situation_member():
    base = {"shenqing-biao": "ok", "sqr-zj": "ok", "hukou": "ok", "dusheng-zm": "ok"}
    married = expected("weijian-dusheng-jiangli", [], {**base, "jiehunzheng": "ok"})
    assert married["lihun-zm"] == "not_applicable"
    divorced = expected("weijian-dusheng-jiangli", ["lihun"], {**base, "lihun-zm": "ok"})
    assert divorced["jiehunzheng"] == "not_applicable"
    assert divorced["guangrongzheng"] == "not_applicable"
    assert complete(divorced)
    neither = expected("weijian-dusheng-jiangli", ["lihun"], base)
    assert neither["jiehunzheng"] == neither["lihun-zm"] == "missing"


def test_group_with_only_a_defective_member_is_refused():
    with pytest.raises(ValueError):
        expected("gongan-chuzu-fangwu-beian", [], {"fangchan-zm": "defective"})


def test_unreadable_file_becomes_the_one_missing_material():
    provided = {"sfz": "ok", "yuan-zgz": "ok", "jiashizheng": "ok"}
    got = expected("jt-congye-zige-huanzheng", [], provided, unreadable=1)
    assert got["huanzheng-sqb"] == "defective"
    assert got["zhaopian"] == "deferrable"


def test_unknown_material_stops_generation():
    with pytest.raises(KeyError):
        expected("scjg-getihu-zhuxiao", [], {"no-such": "ok"})


def test_sample_guide_in_traditional_characters_is_read():
    got = expected("rs-gongshang-rending", ["agent"], {"weituoshu": "defective"})
    assert got["weituoshu"] == "defective"
    assert got["danwei-yingye-zhizhao"] == "waived"


def test_own_guides_rarely_carry_recognize():
    mats = [m for p in GUIDES.glob("*.yaml") for m in guide(p.stem)["materials"]]
    assert len(list(GUIDES.glob("*.yaml"))) == 6
    assert sum("recognize" in m for m in mats) * 3 <= len(mats)


@pytest.mark.parametrize("expired", [False, True])
def test_identities_follow_the_card_law(expired):
    rng = random.Random(5)
    today = date(2026, 6, 1)
    for _ in range(30):
        p = people.person(rng, set(), today, expired=expired)
        assert id_valid(p.id_number)
        age = (
            p.valid_from.year
            - p.birth.year
            - ((p.valid_from.month, p.valid_from.day) < (p.birth.month, p.birth.day))
        )
        years = people.validity_years(age)
        if years is None:
            assert p.valid_to is None
        else:
            assert p.valid_to.year - p.valid_from.year == years
        if expired:
            assert (today - p.valid_to).days >= 60
        else:
            assert p.valid_to is None or (p.valid_to - today).days >= 90


def test_credit_codes_are_valid():
    rng = random.Random(9)
    boss = people.person(rng, set(), date(2026, 1, 1))
    for getihu in (True, False):
        assert uscc_valid(people.company(rng, boss, "商店", getihu).uscc)


def test_date_styles():
    d = date(2026, 3, 15)
    assert style(d, "upper") == "二〇二六年三月十五日"
    assert style(d, "pad") == "2026年03月15日"
    assert style(d, "dot") == "2026.03.15"


def test_one_generated_case_passes_the_self_check(tmp_path):
    from .make_blind import write_cases
    from .stats import check_case

    cases = write_cases(tmp_path, ["gtzx-01"])
    assert [c["id"] for c in cases] == ["gtzx-01"]
    assert check_case(tmp_path, cases[0]) == []
    assert len(list((tmp_path / "guides").glob("*.yaml"))) == 6
    assert cases[0]["expect"]["materials"]["qingshui"] == "waived"
