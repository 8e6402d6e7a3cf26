"""The blind-set scorer compares the fields each true document shows with what the CLI read."""

from tests.prereview.blind.score import field_facts

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
