"""Form fields of form materials (一表申请, docs/guide-format-additions.md section 五)."""

from __future__ import annotations

import yaml

from knowledge import guide_yaml, parse_guide

BASE = {
    "id": "scjg-test",
    "name": "个体工商户登记",
    "department": "示范市市场监督管理局",
    "materials": [
        {"id": "shenqingshu", "name": "个体工商户登记（备案）申请书"},
        {"id": "jingyingzhe-sfz", "name": "经营者居民身份证"},
        {"id": "changsuo-zulin", "name": "经营场所房屋租赁合同"},
    ],
}
FIELDS = [
    {"label": "经营者姓名", "key": "name", "from": "jingyingzhe-sfz"},
    {"label": "经营场所", "key": "business_address", "from": ["changsuo-zulin", "lease"]},
    {"label": "联系电话", "key": "phone"},
]


def _with(fields: list[dict]) -> dict:
    data = {**BASE, "materials": [dict(m) for m in BASE["materials"]]}
    data["materials"][0]["form_fields"] = fields
    return data


def test_a_guide_with_form_fields_imports_and_exports_them_unchanged():
    guide, problems = parse_guide(_with(FIELDS))
    assert problems == []
    fields = guide.material("shenqingshu").form_fields
    assert [(f.label, f.key, f.from_) for f in fields] == [
        ("经营者姓名", "name", ["jingyingzhe-sfz"]),
        ("经营场所", "business_address", ["changsuo-zulin", "lease"]),
        ("联系电话", "phone", None),
    ]
    exported = yaml.safe_load(guide_yaml(guide))["materials"][0]["form_fields"]
    assert exported[0] == {"label": "经营者姓名", "key": "name", "from": ["jingyingzhe-sfz"]}
    assert exported[2] == {"label": "联系电话", "key": "phone"}
    again, problems = parse_guide(yaml.safe_load(guide_yaml(guide)))
    assert problems == [] and again == guide


def test_a_guide_without_form_fields_is_unchanged():
    guide, problems = parse_guide(BASE)
    assert problems == [] and guide.material("shenqingshu").form_fields == []
    assert "form_fields" not in str(guide.to_data()) and "form_fields" not in guide_yaml(guide)


def test_an_unknown_key_or_source_is_a_clear_error():
    _, problems = parse_guide(_with([{"label": "传真", "key": "fax"}]))
    assert problems and "key" in str(problems[0].field)
    _, problems = parse_guide(_with([{"label": "姓名", "key": "name", "from": "sfz"}]))
    assert problems and "sfz" in problems[0].message
    _, problems = parse_guide(_with([{"label": "姓名", "key": "name", "source": "x"}]))
    assert problems and "source" in str(problems[0].field)


def test_the_sample_guides_declare_the_forms_their_bundles_use(sample_guides):
    guides = {g.id: g for g in sample_guides}
    for item in ("scjg-getihu-sheli", "scjg-qiye-sheli", "scjg-spjy-xuke", "yb-shengyu-jintie",
                 "scjg-xiaocanyin-dengji", "rs-linghuo-jiuye-canbao"):  # fmt: skip
        forms = [m for m in guides[item].materials if m.form_fields]
        assert forms, item
        for material in forms:  # a label printed twice on one form would be ambiguous
            labels = [f.label for f in material.form_fields]
            assert len(labels) == len(set(labels)), (item, material.id)
