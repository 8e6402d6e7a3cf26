"""The synonym and typo table is data: staff edit it, normalisation and search follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import Synonyms, SynonymTableError, expansions, normalize
from retrieval.synonyms import default_synonyms_path


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("户口本", "户口簿"),
        ("身份正", "身份证"),
        ("社保", "社会保险"),
        ("社保卡", "社会保障卡"),  # the longer spelling wins over "社保"
        ("营业执造", "营业执照"),
        ("结昏证", "结婚证"),
        ("房产证", "不动产权证书"),
    ],
)
def test_replacements(typed: str, canonical: str) -> None:
    assert normalize(typed) == canonical


def test_replacement_never_rewrites_its_own_result() -> None:
    assert normalize("基本养老金") == "基本养老金"  # "养老金" → "基本养老金" must not nest
    assert normalize("社会保险") == "社会保险"


def test_expansions_add_official_terms_without_changing_text() -> None:
    text = normalize("孩子刚出生怎么上户口")
    assert "上户口" in text
    assert {"出生登记", "户籍登记"} <= set(expansions(text))


def test_groups_expand_both_ways() -> None:
    assert "设立登记" in expansions(normalize("营业执照怎么办"))
    assert "营业执照" in expansions(normalize("个体户设立登记"))


def test_the_table_is_the_bundled_yaml_file() -> None:
    path = default_synonyms_path()
    assert path.name == "synonyms.yaml" and path.parent.name == "data"
    assert path.parent.parent.name == "knowledge"


def test_traditional_and_full_width_entries_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text("replace:\n  戶口本: 戶口簿\nexpand:\n  辦證: [許可證]\n", encoding="utf-8")
    table = Synonyms.load(path)
    assert normalize("户口本", table) == "户口簿"
    assert table.expansions(normalize("办证", table)) == ["许可证"]


def test_a_malformed_table_names_the_file_and_entry(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("replace:\n  户口本: [户口簿]\n", encoding="utf-8")
    with pytest.raises(SynonymTableError, match=r"bad\.yaml: replace\.户口本"):
        Synonyms.load(path)
    path.write_text("replaces: {}\n", encoding="utf-8")
    with pytest.raises(SynonymTableError, match="replaces"):
        Synonyms.load(path)


def test_digest_changes_with_the_content(tmp_path: Path) -> None:
    a = Synonyms.from_data({"replace": {"甲": "乙"}})
    b = Synonyms.from_data({"replace": {"甲": "丙"}})
    assert a.digest != b.digest


def test_a_longer_phrase_is_not_cut_by_a_shorter_entry() -> None:
    # "过期" → "到期" must not turn "超过期限" into "超到期限"
    assert "超到期" not in normalize("超过期限未申请的，需重新提交")
    assert normalize("身份证过期了") == "身份证到期"
