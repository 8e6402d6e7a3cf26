"""A Traditional guide is shown in Simplified characters, official names untouched."""

from knowledge import Guide
from knowledge.charforms import simplified, to_simplified

TRADITIONAL = Guide.model_validate(
    {
        "id": "mz-test",
        "name": "收養登記",
        "department": "示範市民政局",
        "materials": [
            {
                "id": "sqs",
                "name": "收養登記申請書",
                "form_fields": [{"label": "民族成份", "key": "ethnicity"}],
            },
            {"id": "sfz", "name": "收養人居民身份證"},
        ],
    }
)


def test_a_traditional_guide_comes_out_in_simplified_with_its_ids_unchanged():
    guide = simplified(TRADITIONAL)
    assert guide.name == "收养登记" and guide.department == "示范市民政局"
    assert [m.id for m in guide.materials] == ["sqs", "sfz"]
    assert guide.materials[1].name == "收养人居民身份证"
    assert guide.materials[0].form_fields[0].label == "民族成份"  # not rewritten to 成分


def test_a_simplified_guide_is_returned_as_it_is():
    guide = simplified(TRADITIONAL)
    assert simplified(guide) is guide
    assert to_simplified("民族成份") == "民族成份"
