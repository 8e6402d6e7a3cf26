"""一件事 bundles: the file format, every lint rule, and the composition an applicant sees.

Each lint test breaks one rule and checks the message staff would read; each
composition test checks what an applicant would notice (a document listed
once, a question asked once, the time and the trips promised).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge import Guide, load_guides
from knowledge.bundles import (
    Bundle,
    BundleError,
    applicable_items,
    bundle_yaml,
    combined_materials,
    compose,
    item_situations,
    lint_bundle_paths,
    lint_bundles,
    load_bundles,
    parse_bundle,
    situation_questions,
    split_files,
    total_time,
    total_visits,
    write_bundles,
)

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "knowledge" / "samples"
BUNDLE_SAMPLES = REPO / "knowledge" / "bundle-samples"


# -- helpers -------------------------------------------------------------------------


def make_guide(item_id: str, materials: list[dict], **extra) -> Guide:
    """A small guide: materials as (id, name, ...) mappings, anything else as given."""
    return Guide.model_validate(
        {"id": item_id, "name": f"事项{item_id}", "department": "示范市某局"}
        | {"materials": materials}
        | extra
    )


AGENT = {"id": "agent", "label": "委托他人代办", "question": "是否委托他人代办？"}


@pytest.fixture
def guides() -> dict[str, Guide]:
    """Three items that share an ID card; two have an 委托代办 situation of their own."""
    items = [
        make_guide(
            "item-a",
            [
                {"id": "sfz", "name": "申请人居民身份证", "form": "原件", "copies": 1},
                {"id": "form-a", "name": "A申请表"},
                {"id": "poa", "name": "授权委托书", "situation": "agent"},
            ],
            situations=[AGENT],
            time_limit={"promised": 5, "statutory": 20},
            visits=1,
        ),
        make_guide(
            "item-b",
            [
                {"id": "id-card", "name": "本人身份证", "form": "复印件", "copies": 2},
                {"id": "lease", "name": "租赁合同", "deferrable": True},
                {"id": "poa", "name": "委托书", "situation": "agent"},
            ],
            situations=[AGENT],
            time_limit={"promised": 10},
            visits=1,
        ),
        make_guide(
            "item-c",
            [{"id": "sfz", "name": "身份证", "shared": True}],
            handling="即办件",
            visits=0,
        ),
    ]
    return {g.id: g for g in items}


def bundle_data(**changes) -> dict:
    data = {
        "kind": "bundle",
        "id": "test-bundle",
        "name": "测试一件事",
        "department": "示范市牵头局",
        "window": {"name": "示范市政务服务中心 综合窗口"},
        "situations": [
            {
                "id": "agent",
                "label": "委托他人代办",
                "question": "是否由他人代办？",
                "covers": ["item-a:agent", "item-b:agent"],
            },
            {"id": "rent", "label": "租用场所", "question": "经营场所是租的吗？"},
        ],
        "items": [
            "item-a",
            {"item": "item-b", "situation": "rent"},
            {"item": "item-c"},
        ],
        "same_document": [["item-a:sfz", "item-b:id-card", "item-c:sfz"]],
    }
    data.update(changes)
    return data


def make_bundle(**changes) -> Bundle:
    return Bundle.model_validate(bundle_data(**changes))


def lint_errors(bundles: list[Bundle], guides: dict[str, Guide]) -> list[str]:
    found = lint_bundles([(f"{b.id}.yaml", b) for b in bundles], guides)
    return [f"{p.field}: {p.message}" for p in found if p.severity == "error"]


def lint_warnings(bundles: list[Bundle], guides: dict[str, Guide]) -> list[str]:
    found = lint_bundles([(f"{b.id}.yaml", b) for b in bundles], guides)
    return [f"{p.field}: {p.message}" for p in found if p.severity == "warning"]


def write(folder: Path, name: str, data: dict | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_guides() -> dict[str, Guide]:
    return {g.id: g for _, g in load_guides([SAMPLES]).guides}


@pytest.fixture(scope="module")
def sample_bundles() -> dict[str, Bundle]:
    result = load_bundles([BUNDLE_SAMPLES])
    assert result.ok, [str(p) for p in result.problems]
    return {b.id: b for _, b in result.bundles}


# -- the samples ---------------------------------------------------------------------


def test_at_least_eight_samples_all_clean(sample_bundles, sample_guides):
    assert len(sample_bundles) >= 8
    problems = lint_bundle_paths([BUNDLE_SAMPLES], sample_guides.values())
    assert [str(p) for p in problems] == []


def test_samples_name_only_existing_guides(sample_bundles, sample_guides):
    for bundle in sample_bundles.values():
        composition = compose(bundle, sample_guides, bundles=sample_bundles)
        assert composition.missing == ()
        assert len(composition.items) >= 2


def test_sample_aliases_are_citizens_questions(sample_bundles):
    aliases = {a for b in sample_bundles.values() for a in b.aliases}
    assert "生了孩子要办哪些手续" in aliases
    assert "开个小饭馆要跑哪些部门" in aliases


# -- the file format -----------------------------------------------------------------


def test_bundle_and_guide_files_are_told_apart(tmp_path, guides):
    guide_file = write(tmp_path, "kb/item-a.yaml", guides["item-a"].to_data())
    bundle_file = write(tmp_path, "kb/test-bundle.yaml", bundle_data())
    guide_paths, bundle_paths, problems = split_files([tmp_path / "kb"])
    assert (guide_paths, bundle_paths, problems) == ([guide_file], [bundle_file], [])
    # The bundle loader passes over the guide in a folder ...
    result = load_bundles([tmp_path / "kb"])
    assert [b.id for _, b in result.bundles] == ["test-bundle"] and result.problems == []
    # ... refuses a guide named on its own ...
    problems = [str(p) for p in load_bundles([guide_file]).problems]
    assert problems == [f"{guide_file}: kind: 不是一件事文件：一件事文件须以 kind: bundle 开头"]
    # ... and the guide loader never takes a bundle for a guide.
    assert load_guides([bundle_file]).guides == []


def test_wrong_kind_is_an_error_not_a_guide(tmp_path):
    path = write(tmp_path, "b.yaml", bundle_data(kind="bundel"))
    problems = [str(p) for p in load_bundles([tmp_path]).problems]
    assert len(problems) == 1 and problems[0].startswith(f"{path}: kind: 取值 'bundel' 无效")


def test_unknown_fields_name_file_and_field(tmp_path):
    data = bundle_data()
    data["itmes"] = data.pop("items")
    path = write(tmp_path, "typo.yaml", data)
    nested = bundle_data(id="other", items=[{"item": "item-a", "situaton": "rent"}])
    other = write(tmp_path, "other.yaml", nested)
    problems = {str(p) for p in load_bundles([path, other]).problems}
    assert f"{path}: itmes: 未知字段（是否拼写错误？）" in problems
    assert f"{path}: items: 缺少必填字段" in problems
    assert f"{other}: items[0].situaton: 未知字段（是否拼写错误？）" in problems


def test_entry_names_an_item_or_a_bundle(tmp_path):
    path = write(tmp_path, "b.yaml", bundle_data(items=[{"item": "item-a", "bundle": "x"}]))
    problems = [str(p) for p in load_bundles([path]).problems]
    assert any("items[0]" in p and "item（事项编号）或 bundle" in p for p in problems)


def test_bad_material_reference_is_a_schema_error(tmp_path):
    path = write(tmp_path, "b.yaml", bundle_data(same_document=[["item-a/sfz", "item-b:id-card"]]))
    problems = [str(p) for p in load_bundles([path]).problems]
    assert any(p.startswith(f"{path}: same_document[0][0]: ") for p in problems)


def test_duplicate_bundle_ids_across_files(tmp_path):
    a = write(tmp_path, "a.yaml", bundle_data())
    b = write(tmp_path, "b.yaml", bundle_data())
    problems = [str(p) for p in load_bundles([a, b]).problems]
    assert problems == [f"{b}: id: 一件事编号 test-bundle 与 {a} 重复"]


def test_traditional_bundle_file_loads(tmp_path, sample_bundles):
    bundle = sample_bundles["jiehun-yijianshi"]
    assert bundle.name == "結婚“一件事”"
    path = write(
        tmp_path, "t.yaml", bundle_data(name="開飯店“一件事”", aliases=["開飯館要辦什麼證"])
    )
    loaded = load_bundles([path]).bundles[0][1]
    assert loaded.name == "開飯店“一件事”" and loaded.aliases == ["開飯館要辦什麼證"]


def test_export_is_reimported_unchanged(tmp_path, sample_bundles):
    written = write_bundles(sample_bundles.values(), tmp_path / "out")
    assert {p.name for p in written} == {f"{i}.yaml" for i in sample_bundles}
    first_line = written[0].read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "kind: bundle"
    again = {b.id: b for _, b in load_bundles([tmp_path / "out"]).bundles}
    assert again == sample_bundles


def test_database_form_reads_back_as_a_bundle(sample_bundles):
    for bundle in sample_bundles.values():
        assert parse_bundle(bundle.to_data(), "db") == (bundle, [])


def test_export_writes_each_shared_document_on_one_line(sample_bundles):
    text = bundle_yaml(sample_bundles["chusheng-yijianshi"])
    line = "- ['gongan-hukou-chusheng:birth-cert', 'yb-shengyu-jintie:chusheng-zhengming']"
    assert line in text.splitlines()


# -- lint ----------------------------------------------------------------------------


def test_clean_bundle_has_no_problems(guides):
    assert lint_bundles([("b.yaml", make_bundle())], guides) == []


def test_unknown_item(guides):
    bundle = make_bundle(items=["item-a", "item-x", "item-c"], same_document=[])
    assert "items[1].item: 事项 item-x 不存在" in lint_errors([bundle], guides)


def test_empty_bundle(guides):
    bundle = make_bundle(items=[], same_document=[], situations=[])
    assert "items: 一件事至少要包含一个事项" in lint_errors([bundle], guides)


def test_unknown_material_in_same_document(guides):
    bundle = make_bundle(same_document=[["item-a:sfz", "item-b:passport"]])
    assert "same_document[0]: item-b:passport: 事项 item-b 没有材料 passport" in lint_errors(
        [bundle], guides
    )


def test_same_document_of_an_item_outside_the_bundle(guides):
    bundle = make_bundle(items=["item-a", "item-b"], same_document=[["item-a:sfz", "item-c:sfz"]])
    assert "same_document[0]: item-c:sfz: 事项 item-c 不在本一件事中" in lint_errors(
        [bundle], guides
    )


def test_same_document_group_rules(guides):
    bundle = make_bundle(
        same_document=[
            ["item-a:sfz", "item-b:id-card"],
            ["item-a:sfz", "item-c:sfz"],
            ["item-b:lease"],
            ["item-a:sfz", "item-a:form-a"],
        ]
    )
    found = lint_errors([bundle], guides)
    assert "same_document[1]: item-a:sfz 已在 same_document[0] 中，请合并为一组" in found
    assert "same_document[2]: same_document 每组至少写两项材料（item:material）" in found
    assert "same_document[3]: 同一事项 item-a 的两项材料不能写成同一份文件" in found


def test_circular_bundles(guides):
    a = make_bundle(id="bundle-a", items=["item-a", {"bundle": "bundle-b"}], same_document=[])
    b = make_bundle(id="bundle-b", items=["item-b", {"bundle": "bundle-a"}], same_document=[])
    found = lint_errors([a, b], guides)
    assert "items: 一件事循环嵌套: bundle-a → bundle-b → bundle-a" in found
    assert "items: 一件事循环嵌套: bundle-b → bundle-a → bundle-b" in found
    with pytest.raises(BundleError, match="循环嵌套"):
        compose(a, guides, bundles={"bundle-a": a, "bundle-b": b})


def test_bundle_nesting_itself(guides):
    bundle = make_bundle(items=["item-a", {"bundle": "test-bundle"}], same_document=[])
    assert "items: 一件事循环嵌套: test-bundle → test-bundle" in lint_errors([bundle], guides)


def test_unknown_and_empty_nested_bundles(guides):
    empty = make_bundle(id="empty", items=[], same_document=[], situations=[])
    outer = make_bundle(items=["item-a", {"bundle": "nowhere"}, {"bundle": "empty"}])
    found = lint_errors([outer, empty], guides)
    assert "items[1].bundle: 一件事 nowhere 不存在" in found
    assert "items[2].bundle: 嵌套的一件事 empty 不含任何事项" in found


def test_item_listed_twice_through_nesting(guides):
    inner = make_bundle(id="inner", items=["item-a", "item-c"], same_document=[], situations=[])
    outer = make_bundle(items=["item-a", "item-b", {"bundle": "inner"}])
    found = lint_errors([outer, inner], guides)
    assert "items: 事项 item-a 出现两次（test-bundle 与 test-bundle → inner）" in found


def test_bundle_id_may_not_be_an_item_id(guides):
    bundle = make_bundle(id="item-a")
    assert "id: 一件事编号 item-a 与事项编号重复，检索结果和链接会混淆" in lint_errors(
        [bundle], guides
    )


def test_situation_rules(guides):
    situations = bundle_data()["situations"]
    situations[0]["covers"] = ["item-a:agent", "item-b:married", "item-c:agent"]
    situations.append({"id": "agent", "label": "重复", "question": "？"})
    bundle = make_bundle(
        situations=situations,
        items=["item-a", {"item": "item-b", "situation": "owned"}, "item-c"],
    )
    found = lint_errors([bundle], guides)
    assert "situations: 办事情形编号 agent 重复" in found
    assert "items[1].situation: 办事情形 owned 未在 situations 中定义" in found
    assert "situations[0].covers: 事项 item-b 没有办事情形 married" in found
    assert "situations[0].covers: 事项 item-c 没有办事情形 agent" in found


def test_a_situation_covered_twice_or_also_fixed(guides):
    situations = bundle_data()["situations"]
    situations[1]["covers"] = ["item-a:agent"]
    items = ["item-a", {"item": "item-b", "situation": "rent", "fixed": {"agent": False}}, "item-c"]
    bundle = make_bundle(situations=situations, items=items)
    found = lint_errors([bundle], guides)
    assert "situations[1].covers: item-a:agent 已由办事情形 agent 代表" in found
    assert "situations[0].covers: item-b:agent 已在 items 的 fixed 中确定，不必再问" in found


def test_fixed_situation_must_exist(guides):
    bundle = make_bundle(items=["item-a", {"item": "item-c", "fixed": {"minor": True}}])
    assert "items[1].fixed: 事项 item-c 没有办事情形 minor" in lint_errors([bundle], guides)


def test_warnings_that_help_staff(guides):
    situations = [{"id": "rent", "label": "租用场所", "question": "？", "one_of": "place"}]
    bundle = make_bundle(situations=situations, same_document=[])
    found = "\n".join(lint_warnings([bundle], guides))
    assert "“委托他人代办”会被问 2 次（item-a:agent、item-b:agent）" in found
    assert "办事情形组 place 只有一个情形" in found
    single = make_bundle(items=["item-c"], situations=[], same_document=[])
    assert "items: 一件事只有一个事项，不必写成一件事" in lint_warnings([single], guides)


def test_undeclared_same_document_is_a_warning(guides):
    guides["item-c"] = make_guide("item-c", [{"id": "sfz", "name": "申请人居民身份证"}])
    bundle = make_bundle(same_document=[])
    found = lint_warnings([bundle], guides)
    assert "same_document: item-a:sfz、item-c:sfz 名称相同，是否为同一份文件？" in found


def test_lint_paths_reads_guides_beside_bundles(tmp_path, guides):
    for guide in guides.values():
        write(tmp_path, f"kb/{guide.id}.yaml", guide.to_data())
    items = [*bundle_data()["items"], "item-z"]
    path = write(tmp_path, "kb/bundle.yaml", bundle_data(items=items))
    problems = [str(p) for p in lint_bundle_paths([tmp_path / "kb"]) if p.severity == "error"]
    assert problems == [f"{path}: items[3].item: 事项 item-z 不存在"]


# -- composition: materials ----------------------------------------------------------


def test_a_shared_document_appears_once_naming_every_item(guides):
    materials = combined_materials(make_bundle(), guides, ["rent"])
    ids = [m for m in materials if "身份证" in m.name]
    assert len(ids) == 1
    assert ids[0].name == "申请人居民身份证"
    assert ids[0].items == ("item-a", "item-b", "item-c")
    assert [m.name for m in materials] == ["申请人居民身份证", "A申请表", "租赁合同"]


def test_combined_flags_follow_the_strictest_item(guides):
    # item-b would take the card later (容缺); item-a needs it on the day, so it is needed.
    deferrable = guides["item-b"].materials[0].model_copy(update={"deferrable": True})
    materials = [deferrable, *guides["item-b"].materials[1:]]
    guides["item-b"] = guides["item-b"].model_copy(update={"materials": materials})
    (card,) = [m for m in combined_materials(make_bundle(), guides, ["rent"]) if m.items[1:]]
    assert card.form == "原件及复印件"  # 原件 for item-a, 复印件 for item-b
    assert card.copies == 2  # shown once, copied at the window: the most any item asks
    assert card.required and not card.deferrable
    assert not card.shared  # item-c obtains it itself, the others need it in hand
    lease = next(
        m for m in combined_materials(make_bundle(), guides, ["rent"]) if m.name == "租赁合同"
    )
    assert lease.deferrable


def test_shared_only_when_every_item_obtains_it(guides):
    for item in ("item-a", "item-b"):
        material = guides[item].materials[0].model_copy(update={"shared": True, "form": None})
        guides[item] = guides[item].model_copy(
            update={"materials": [material, *guides[item].materials[1:]]}
        )
    (card,) = [m for m in combined_materials(make_bundle(), guides, ["rent"]) if m.items[1:]]
    assert card.shared


def test_without_a_group_the_same_card_is_listed_per_item(guides):
    materials = combined_materials(make_bundle(same_document=[]), guides, ["rent"])
    assert [m.name for m in materials].count("申请人居民身份证") == 1
    assert len([m for m in materials if "身份证" in m.name]) == 3


def test_situation_materials_follow_the_answers(guides):
    bundle = make_bundle()
    unanswered = combined_materials(bundle, guides)
    poa = [m for m in unanswered if "agent" in m.situations]
    assert {m.name for m in poa} == {"授权委托书", "委托书"} and all(m.applies is None for m in poa)
    lease = next(m for m in unanswered if m.name == "租赁合同")
    assert lease.situations == ("rent",) and lease.applies is None
    names = {m.name for m in combined_materials(bundle, guides, [])}
    assert "授权委托书" not in names and "租赁合同" not in names
    names = {m.name for m in combined_materials(bundle, guides, ["agent", "rent"])}
    assert {"授权委托书", "委托书", "租赁合同"} <= names


def test_an_items_own_situation_key_means_the_covering_one(guides):
    answers = ["item-a:agent", "rent"]
    names = {m.name for m in combined_materials(make_bundle(), guides, answers)}
    assert {"授权委托书", "委托书"} <= names  # covered: answering for one answers for both


def test_fixed_situations_are_settled(guides):
    items = [
        {"item": "item-a", "fixed": {"agent": True}},
        {"item": "item-b", "fixed": {"agent": False}},
    ]
    bundle = make_bundle(situations=[], items=items, same_document=[])
    names = [m.name for m in combined_materials(bundle, guides, [])]
    assert "授权委托书" in names and "委托书" not in names
    assert situation_questions(bundle, guides) == []


def test_each_items_own_situations_as_its_review_takes_them(guides):
    """What the single-item review of each item is told: fixed ones, then answered ones."""
    items = [{"item": "item-a", "fixed": {"agent": False}}, "item-b", "item-c"]
    bundle = make_bundle(items=items)
    assert item_situations(bundle, guides) == {
        "item-a": {"agent": False},  # settled by the event even before anything is asked
        "item-b": {},  # open until answered: its review asks
        "item-c": {},
    }
    answered = item_situations(bundle, guides, ["agent"])
    assert answered["item-a"] == {"agent": False} and answered["item-b"] == {"agent": True}
    assert item_situations(bundle, guides, ["item-b:agent"])["item-b"] == {"agent": True}
    assert item_situations(bundle, guides, [])["item-b"] == {"agent": False}


def test_nested_items_keep_the_fixed_of_their_own_bundle(guides):
    inner = make_bundle(id="inner", items=[{"item": "item-b", "fixed": {"agent": True}}])
    outer = make_bundle(id="outer", situations=[], items=["item-a", {"bundle": "inner"}])
    found = item_situations(outer, guides, [], bundles={"inner": inner})
    assert found == {"item-a": {"agent": False}, "item-b": {"agent": True}}


# -- composition: items, questions ---------------------------------------------------


def test_items_that_apply(guides):
    bundle = make_bundle()

    def states(answers):
        return [(i.id, i.applies) for i in applicable_items(bundle, guides, answers)]

    assert states(None) == [("item-a", True), ("item-b", None), ("item-c", True)]
    assert states([]) == [("item-a", True), ("item-b", False), ("item-c", True)]
    assert states(["rent"]) == [("item-a", True), ("item-b", True), ("item-c", True)]


def test_situations_are_asked_once_for_the_bundle(guides):
    questions = situation_questions(make_bundle(), guides)
    assert [(q.key, q.items) for q in questions] == [
        ("agent", ("item-a", "item-b")),
        ("rent", ("item-b",)),
    ]
    assert questions[0].question == "是否由他人代办？"


def test_uncovered_item_situations_are_asked_per_item(guides):
    situations = [s for s in bundle_data()["situations"] if s["id"] == "rent"]
    questions = situation_questions(make_bundle(situations=situations), guides)
    assert [q.key for q in questions] == ["rent", "item-a:agent", "item-b:agent"]


def test_items_that_do_not_apply_ask_nothing(guides):
    questions = situation_questions(make_bundle(), guides, [])
    assert [(q.key, q.items) for q in questions] == [("agent", ("item-a",)), ("rent", ("item-b",))]


def test_unknown_situation_and_two_alternatives_are_refused(guides):
    with pytest.raises(BundleError, match="未知的办事情形: married"):
        compose(make_bundle(), guides, ["married"])
    situations = bundle_data()["situations"]
    situations.append({"id": "own", "label": "自有场所", "question": "？", "one_of": "place"})
    situations[1]["one_of"] = "place"
    with pytest.raises(BundleError, match="只能选其一"):
        compose(make_bundle(situations=situations), guides, ["rent", "own"])


def test_missing_items_are_listed_not_fatal(guides):
    del guides["item-c"]
    composition = compose(make_bundle(), guides, ["rent"])
    assert composition.missing == ("item-c",)
    assert [i.id for i in composition.items] == ["item-a", "item-b"]


# -- composition: time and visits ----------------------------------------------------


def test_total_time_is_the_sum_with_the_longest_beside_it(guides):
    time = total_time(make_bundle(), guides, ["rent"])
    assert (time.days, time.longest, time.unit, time.published) == (15, 10, "工作日", False)
    assert total_time(make_bundle(), guides, []).days == 5  # item-b does not apply


def test_time_falls_back_to_statutory_and_lists_unknown(guides):
    guides["item-b"] = guides["item-b"].model_copy(update={"time_limit": None})
    guides["item-a"] = guides["item-a"].model_copy(
        update={"time_limit": guides["item-a"].time_limit.model_copy(update={"promised": None})}
    )
    time = total_time(make_bundle(), guides, ["rent"])
    assert (time.days, time.unknown) == (20, ("item-b",))  # 即办件 item-c counts as 0


def test_mixed_units_are_counted_in_working_days(guides):
    limit = guides["item-b"].time_limit.model_copy(update={"unit": "自然日"})
    guides["item-b"] = guides["item-b"].model_copy(update={"time_limit": limit})
    assert total_time(make_bundle(), guides, ["rent"]).unit == "工作日"
    guides["item-a"] = guides["item-a"].model_copy(update={"time_limit": limit})
    assert total_time(make_bundle(), guides, ["rent"]).unit == "自然日"


def test_published_promise_wins(guides):
    time = total_time(make_bundle(time_limit={"promised": 3}), guides, ["rent"])
    assert (time.days, time.published) == (3, True)


def test_visits_are_the_most_of_any_item_not_the_sum(guides):
    assert total_visits(make_bundle(), guides, ["rent"]).visits == 1
    guides["item-b"] = guides["item-b"].model_copy(update={"visits": None})
    visits = total_visits(make_bundle(), guides, ["rent"])
    assert (visits.visits, visits.unknown) == (1, ("item-b",))
    assert total_visits(make_bundle(visits=0), guides).visits == 0


# -- composition over the samples ----------------------------------------------------


def test_birth_bundle_asks_for_each_document_once(sample_bundles, sample_guides):
    composition = compose(sample_bundles["chusheng-yijianshi"], sample_guides, ["insured-mother"])
    names = [m.name for m in composition.materials]
    assert len(names) == len(set(names))
    card = next(m for m in composition.materials if m.name == "父母双方居民身份证")
    assert card.items == ("gongan-hukou-chusheng", "rs-sbk-shenling", "yb-shengyu-jintie")
    assert "监护人居民身份证" not in names and "參保職工居民身份證" not in names
    assert (composition.time.days, composition.visits.visits) == (11, 1)
    keys = [q.key for q in composition.questions]
    assert "yb-shengyu-jintie:liuchan" not in keys  # fixed: a birth is never a 流产
    assert "rs-sbk-shenling:agent" not in keys and "agent" in keys


def test_restaurant_bundle_nests_company_opening(sample_bundles, sample_guides):
    bundle = sample_bundles["kai-fandian"]
    composition = compose(bundle, sample_guides, ["gongsi", "canting"], bundles=sample_bundles)
    applying = [i.id for i in composition.items if i.applies]
    assert applying == ["scjg-qiye-sheli", "scjg-spjy-xuke", "shuiwu-paishui-xuke"]
    # The restaurant's ID group and the nested company bundle's are one card.
    composition = compose(
        bundle, sample_guides, ["gongsi", "canting", "jycyz"], bundles=sample_bundles
    )
    card = next(m for m in composition.materials if "scjg-qiye-sheli" in m.items and m.items[1:])
    assert card.items[:2] == ("scjg-qiye-sheli", "rs-jycyz-shenling")
    assert "scjg-spjy-xuke" in card.items
    assert [q.key for q in composition.questions].count("agent") == 1


def test_alternatives_stay_alternatives(sample_bundles, sample_guides):
    composition = compose(sample_bundles["chusheng-yijianshi"], sample_guides, [])
    card = next(m for m in composition.materials if m.name == "申领人居民身份证")
    assert card.one_of == ("rs-sbk-shenling:shenfen",)  # 身份证 or 户口簿 for the 社保卡
    booklet = next(m for m in composition.materials if m.name == "拟落户一方的居民户口簿")
    assert booklet.one_of == ()  # 出生登记 needs the booklet itself


def test_traditional_bundle_composes_like_any_other(sample_bundles, sample_guides):
    bundle = sample_bundles["jiehun-yijianshi"]
    composition = compose(bundle, sample_guides, ["qianhu", "zufang"])
    certificate = [m for m in composition.materials if m.name == "结婚证"]
    assert len(certificate) == 1
    assert certificate[0].items == ("gongan-hukou-toukao-qianru", "gjj-tiqu-zufang")
    assert [q.label for q in composition.questions][:2] == [
        "婚後一方戶口遷入配偶戶籍",
        "婚後租房並提取住房公積金",
    ]
    assert composition.time.days == 11  # 0 (即办) + 10 + 1
