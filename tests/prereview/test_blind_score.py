"""The blind-set scorer compares the fields each true document shows with what the CLI read."""

from pathlib import Path

from tests.prereview.blind.score import field_facts

ROOT = Path(__file__).resolve().parents[2]

TRUTH = [
    {"files": ["upload_1.jpg", "upload_2.jpg"], "fields": {"name": "李四", "id_number": "X"}},
    {"files": ["upload_3.pdf"], "fields": {"signature": True}},
]


def test_a_document_read_right_counts_every_field_right():
    read = [
        {"files": ["upload_2.jpg", "upload_1.jpg"], "fields": {"name": "李 四", "id_number": "X"}},
        {"files": ["upload_3.pdf"], "fields": {"signature": True}},
    ]
    assert field_facts(TRUTH, read) == [("name", True), ("id_number", True), ("signature", True)]


def test_a_wrong_value_or_a_document_never_formed_counts_wrong():
    read = [{"files": ["upload_1.jpg"], "fields": {"name": "李三", "id_number": "X"}}]
    assert field_facts(TRUTH, read) == [("name", False), ("id_number", True), ("signature", False)]


def test_two_cards_on_one_copy_are_each_compared_with_their_own_document():
    truth = [
        {"files": ["upload_1.jpg"], "material": "sfz-man", "fields": {"name": "王建国"}},
        {"files": ["upload_1.jpg"], "material": "sfz-woman", "fields": {"name": "李秀英"}},
    ]
    read = [
        {"files": ["upload_1.jpg"], "material": "sfz-man", "fields": {"name": "王建国"}},
        {"files": ["upload_1.jpg"], "material": "sfz-woman", "fields": {"name": "李秀英"}},
    ]
    assert field_facts(truth, read) == [("name", True), ("name", True)]
    assert field_facts(truth, read[:1]) == [("name", True), ("name", False)]


def test_a_set_with_its_own_guides_is_reviewed_against_a_fresh_knowledge_base(
    tmp_path, monkeypatch, capsys
):
    import contextlib
    import io

    from bot.cli import main as onetrip
    from tests.prereview.blind.score import use_own_guides

    sample = ROOT / "knowledge/samples/shehui-minsheng/gongan-sfz-huanling.yaml"
    (tmp_path / "guides").mkdir()
    own = sample.read_text(encoding="utf-8").replace("id: gongan-sfz-huanling", "id: own-sfz", 1)
    (tmp_path / "guides/own-sfz.yaml").write_text(own, encoding="utf-8")
    monkeypatch.setenv("ONETRIP_HOME", str(tmp_path / "unused"))
    use_own_guides(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert onetrip(["kb", "list"]) == 0
    listed = out.getvalue()
    assert "own-sfz" in listed
    assert "gongan-sfz-huanling" not in listed  # the samples are not in the centre's base


def test_a_set_without_guides_keeps_the_configured_knowledge_base(tmp_path, monkeypatch):
    import os

    from tests.prereview.blind.score import use_own_guides

    monkeypatch.setenv("ONETRIP_HOME", str(tmp_path / "home"))
    use_own_guides(tmp_path)
    assert os.environ["ONETRIP_HOME"] == str(tmp_path / "home")
