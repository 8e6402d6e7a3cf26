"""The guide editor keeps every field of every guide: a saved form never loses data.

The editor rebuilds a guide from what the page posts, so a field the page does not
show would be dropped by the next save of anyone who merely fixed a typo. Every guide
we hold (the samples, the real published guides, the held-out knowledge base) and one
guide that sets every field of the schema go through the page as a browser submits it
and must come back equal. The last guide is checked against the schema itself, so the
next field someone adds to the format fails here until the editor shows it.
"""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel
from starlette.datastructures import FormData

from bot.admin.forms import data_from_form, form_from_post
from knowledge import Guide, Store, load_guides, parse_guide
from tests.admin.forms import form_fields, post_form, replace
from tests.conftest import REPO

DATA = REPO / "tests" / "data"

# Every optional field of the format set to a value other than its default.
EVERY_FIELD = """
id: gongan-sfz-buling
code: "000111222333"
name: 居民身份证换领、补领
aliases: [身份证丢了怎么补办]
department: 示范市公安局
category: 工程建设类
type: 行政确认
handling: 即办件、承诺件
handling_by_situation: {lost: 承诺件, damaged: 即办件}
basis: [《中华人民共和国居民身份证法》第十一条]
conditions: 本市户籍居民
refusal_conditions: 申请材料不齐全的
quantity_limit: 每年限补办一次
in_person: false
situations:
  - {id: lost, label: 证件遗失, question: 证件是遗失了吗？, one_of: state}
  - {id: damaged, label: 证件损坏, question: 证件是损坏了吗？, one_of: state}
  - {id: agent, label: 委托他人代办, question: 是否委托他人代办？}
materials:
  - id: form
    name: 居民身份证申领登记表
    required: false
    deferrable: true
    form: 原件
    copies: 2
    situation: [lost, damaged]
    one_of: biao
    notes: 本人签字
    template: https://zwfw.example.gov.cn/blank.docx
    sample: https://zwfw.example.gov.cn/sample.pdf
    origin: 申请人自备
    recognize: {keywords: [登记表], fields: [signature, name], type: form}
    checks: [readable, issued_within_days:30, not_expired, names_match]
    form_fields:
      - {label: 申请人姓名, key: name, from: hukou}
      - {label: 经营场所, key: business_address, from: [hukou, lease]}
      - {label: 联系电话, key: phone}
  - id: hukou
    name: 居民户口簿
    shared: true
    situation: agent
    one_of: biao
time_limit:
  statutory: 60
  promised: 0
  unit: 自然日
  statutory_text: 六十日（不含公告时间）
  promised_text: 材料齐全的当场办结
special_procedures: 现场勘查，10个工作日
fees: 0
visits: 0
online_url: https://zwfw.example.gov.cn/item/1
locations:
  - {name: 区政务服务中心, address: 某某路 1 号, hours: 周一至周五, phone: "0510-12345678"}
phone: "0510-87654321"
complaint_phone: "12345"
process: [收件, 出证]
results: [居民身份证]
faq:
  - {q: 临时身份证当天能拿到吗？, a: 可以。}
source:
  url: https://zwfw.example.gov.cn/item/1
  file: 居民身份证换领.docx
  title: 实施清单 第3行
  published: 2025-03-01
  retrieved: 2025-11-30
updated: 2025-01-01
"""


def _every_field() -> Guide:
    guide, problems = parse_guide(yaml.safe_load(EVERY_FIELD))
    assert guide is not None, [str(p) for p in problems]
    return guide


def _real_guides() -> list[Guide]:
    """The hand-checked drafts of real published guides; a draft may still lack its
    department (staff fill it in on this very page), so a stand-in is set for the test."""
    guides = []
    for path in sorted((DATA / "real_guides" / "gold").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["department"] = data.get("department") or "示范市某局"
        guide, problems = parse_guide(data, path.name)
        assert guide is not None, [str(p) for p in problems]
        guides.append(guide)
    return guides


def _loaded(folder: Path) -> list[Guide]:
    result = load_guides([folder])
    assert result.ok, [str(p) for p in result.problems]
    return [guide for _, guide in result.guides]


def _schema_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of the schema, ``materials.form_fields.from`` included."""
    paths = set()
    for name, info in model.model_fields.items():
        path = prefix + (info.alias or name)
        paths.add(path)
        for inner in _models_in(info.annotation):
            paths |= _schema_paths(inner, path + ".")
    return paths


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _data_paths(data: object, prefix: str = "") -> set[str]:
    paths = set()
    if isinstance(data, dict):
        for key, value in data.items():
            paths.add(prefix + key)
            paths |= _data_paths(value, prefix + key + ".")
    elif isinstance(data, list):
        for value in data:
            paths |= _data_paths(value, prefix)
    return paths


def test_the_every_field_guide_sets_every_field_of_the_schema():
    """A field added to the schema must be added above, and so reach the round trip."""
    data = _every_field().to_data()
    paths = _data_paths(data) - {
        f"handling_by_situation.{s}" for s in data["handling_by_situation"]
    }
    assert _schema_paths(Guide) - paths == set()


def _posted(client, store: Store, guide: Guide) -> dict:
    """The guide data the editor makes of its own page, posted unchanged."""
    store.import_guides([guide], "tests")
    page = client.get(f"/admin/guides/{guide.id}")
    assert page.status_code == 200, guide.id
    form = form_from_post(FormData(form_fields(page.text, f"/admin/guides/{guide.id}")))
    return data_from_form(form, guide)


@pytest.mark.parametrize(
    "source",
    ["every field", "knowledge/samples", "tests/data/real_guides", "tests/data/heldout_kb"],
)
def test_every_guide_survives_the_editor_unchanged(admin, sample_store: Store, source: str):
    if source == "every field":
        guides = [_every_field()]
    elif source == "tests/data/real_guides":
        guides = _real_guides()
    else:
        guides = _loaded(REPO / source)
    assert guides
    for guide in guides:
        back, problems = parse_guide(_posted(admin, sample_store, guide))
        assert back is not None, (guide.id, [str(p) for p in problems])
        assert back.to_data() == guide.to_data(), guide.id


def test_saving_the_every_field_guide_untouched_keeps_it(admin, sample_store: Store):
    guide = _every_field()
    sample_store.import_guides([guide], "tests")
    page = admin.get(f"/admin/guides/{guide.id}").text
    response = post_form(
        admin, f"/admin/guides/{guide.id}", form_fields(page, f"/admin/guides/{guide.id}")
    )
    assert response.status_code == 303, response.text[:2000]
    assert sample_store.get(guide.id).to_data() == guide.to_data()


SAMPLE = "gongan-juzhuzheng-shenling"  # its first material is a form with form fields


def _edit_fields(client, item_id: str) -> list[tuple[str, str]]:
    return form_fields(client.get(f"/admin/guides/{item_id}").text, f"/admin/guides/{item_id}")


def test_form_fields_are_added_changed_and_removed_in_the_editor(admin, sample_store: Store):
    before = sample_store.get(SAMPLE).materials[0].form_fields
    blank = len(before)  # the empty row at the end of the table adds a field
    row = "materials-0-form_fields-"
    fields = [*_edit_fields(admin, SAMPLE), (f"{row}0-_delete", "1")]
    fields = replace(fields, f"{row}1-label", "性  别")
    fields = replace(fields, f"{row}{blank}-label", "申请人联系电话")
    fields = replace(fields, f"{row}{blank}-key", "phone")
    assert post_form(admin, f"/admin/guides/{SAMPLE}", fields).status_code == 303

    after = sample_store.get(SAMPLE).materials[0].form_fields
    assert [f.label for f in after] == ["性  别"] + [f.label for f in before[2:]] + [
        "申请人联系电话"
    ]
    assert (after[-1].key, after[-1].from_) == ("phone", None)
    assert [f.from_ for f in after[:-1]] == [f.from_ for f in before[1:]]


def test_a_form_field_from_nothing_known_is_refused_and_kept_as_typed(admin, sample_store):
    fields = replace(_edit_fields(admin, SAMPLE), "materials-0-form_fields-0-from", "shenfenzheng")
    response = post_form(admin, f"/admin/guides/{SAMPLE}", fields)
    assert response.status_code == 400
    assert "既不是本事项的材料编号，也不是证照类型" in response.text
    assert 'value="shenfenzheng"' in response.text  # the clerk's typing is still in the table
    assert sample_store.get(SAMPLE).materials[0].form_fields[0].from_ == ["id-card"]


def test_fields_beyond_the_first_format_are_edited_on_the_page(admin, sample_store: Store):
    fields = _edit_fields(admin, SAMPLE)
    fields = replace(fields, "in_person", "是")
    fields = replace(fields, "refusal_conditions", "申请人不符合居住条件的")
    fields = replace(fields, "time_limit-promised_text", "材料齐全的当场办结")
    fields = replace(fields, "source-url", "https://zwfw.example.gov.cn/item/9")
    fields = replace(fields, "materials-0-origin", "窗口领取")
    fields = replace(fields, "materials-0-type", "form")
    fields = replace(fields, "situations-0-one_of", "basis")
    fields = replace(fields, "situations-0-handling", "承诺件")
    assert post_form(admin, f"/admin/guides/{SAMPLE}", fields).status_code == 303

    guide = sample_store.get(SAMPLE)
    assert guide.in_person is True and guide.refusal_conditions == "申请人不符合居住条件的"
    assert guide.time_limit.promised_text == "材料齐全的当场办结"
    assert guide.source.url == "https://zwfw.example.gov.cn/item/9"
    assert (guide.materials[0].origin, guide.materials[0].recognize.type) == ("窗口领取", "form")
    assert guide.situations[0].one_of == "basis"
    assert guide.handling_by_situation == {guide.situations[0].id: "承诺件"}


def test_a_form_field_without_its_content_is_named_in_the_summary(admin, sample_store: Store):
    blank = len(sample_store.get(SAMPLE).materials[0].form_fields)
    fields = replace(_edit_fields(admin, SAMPLE), f"materials-0-form_fields-{blank}-label", "邮编")
    response = post_form(admin, f"/admin/guides/{SAMPLE}", fields)
    assert response.status_code == 400
    assert f"申请材料第 1 项 · 表单栏目第 {blank + 1} 项 · 栏目内容" in response.text
    assert 'value="邮编"' in response.text
