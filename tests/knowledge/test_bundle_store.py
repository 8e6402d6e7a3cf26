"""一件事 bundles in the store: round trip, version, history, and no publish that breaks one.

Run on SQLite and PostgreSQL (``any_store``). The lint tests change what a bundle
relies on — delete its item, drop a shared material — and check that the change is
refused whole with a message naming the bundle, and that nothing was written.
"""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from knowledge import Guide, ItemNotFound, PublishBlocked
from knowledge._bundle_store import record_bundle
from knowledge.bundles import Bundle, load_bundles
from tests.conftest import REPO

BUNDLE_SAMPLES = REPO / "knowledge" / "bundle-samples"


def guide(guide_data: dict, item_id: str, **changes) -> Guide:
    return Guide.model_validate({**guide_data, "id": item_id, **changes})


def bundle(**changes) -> Bundle:
    return Bundle.model_validate(
        {
            "kind": "bundle",
            "id": "test-bundle",
            "name": "测试一件事",
            "department": "示范市牵头局",
            "window": {"name": "示范市政务服务中心 综合窗口"},
            "items": ["item-a", "item-b"],
            "same_document": [["item-a:idcard", "item-b:idcard"]],
        }
        | changes
    )


@pytest.fixture
def two_items(any_store, guide_data):
    any_store.import_guides([guide(guide_data, "item-a"), guide(guide_data, "item-b")], "alice")
    return any_store


def test_samples_round_trip_in_one_version(any_store, sample_guides):
    bundles = [b for _, b in load_bundles([BUNDLE_SAMPLES]).bundles]
    guides, counted = any_store.publish(sample_guides, bundles, "samples")
    assert (guides.added, counted.added) == (len(sample_guides), len(bundles))
    assert any_store.version() == 1  # guides and bundles together: one new version
    assert [b.id for b in any_store.list_bundles()] == sorted(b.id for b in bundles)
    for original in bundles:
        assert any_store.get_bundle(original.id) == original

    again = any_store.import_bundles(bundles, "bob")
    assert (again.added, again.changed, again.unchanged) == (0, 0, len(bundles))
    assert any_store.version() == 1  # nothing changed, nothing to re-index


def test_bundle_change_raises_version_and_keeps_history(two_items):
    store = two_items
    v0 = store.version()
    assert store.save_bundle(bundle(), "alice")
    assert store.version() == v0 + 1
    assert store.save_bundle(bundle(name="测试一件事（新）"), "bob", "改名")
    assert not store.save_bundle(bundle(name="测试一件事（新）"), "bob")
    assert store.version() == v0 + 2
    store.delete_bundle("test-bundle", "carol")
    assert store.version() == v0 + 3
    assert store.get_bundle("test-bundle") is None
    assert store.list_bundles() == []

    history = store.bundle_history("test-bundle")
    assert [(h.revision, h.action, h.changed_by) for h in history] == [
        (3, "delete", "carol"),
        (2, "update", "bob"),
        (1, "create", "alice"),
    ]
    assert history[1].note == "改名"
    assert history[2].bundle.name == "测试一件事"
    assert history[0].bundle is None
    with pytest.raises(ItemNotFound):
        store.delete_bundle("test-bundle", "carol")


def test_deleting_an_item_a_bundle_uses_is_refused(two_items):
    store = two_items
    store.save_bundle(bundle(), "alice")
    version = store.version()
    with pytest.raises(PublishBlocked) as blocked:
        store.delete("item-b", "bob")
    messages = [str(p) for p in blocked.value.problems]
    assert "一件事 test-bundle: items[1].item: 事项 item-b 不存在" in messages
    assert store.get("item-b") is not None  # nothing was written
    assert store.version() == version
    assert store.history("item-b")[0].action == "create"


def test_removing_a_shared_material_is_refused_whole(two_items, guide_data):
    store = two_items
    store.save_bundle(bundle(), "alice")
    without_id_card = [m for m in guide_data["materials"] if m["id"] != "idcard"]
    changed = guide(guide_data, "item-b", materials=without_id_card)
    fee = guide(guide_data, "item-a", fees="工本费10元")
    with pytest.raises(PublishBlocked) as blocked:
        store.import_guides([fee, changed], "bob")
    assert any("事项 item-b 没有材料 idcard" in str(p) for p in blocked.value.problems)
    assert store.get("item-a").fees is None  # the whole import was refused
    # Unrelated changes still publish.
    assert store.import_guides([fee], "bob").changed == 1


def test_a_bundle_naming_an_unknown_item_is_not_stored(two_items):
    store = two_items
    with pytest.raises(PublishBlocked) as blocked:
        store.import_bundles([bundle(items=["item-a", "item-x"], same_document=[])], "alice")
    assert "一件事 test-bundle: items[1].item: 事项 item-x 不存在" in map(
        str, blocked.value.problems
    )
    assert store.list_bundles() == []


def test_deleting_a_nested_bundle_is_refused(two_items):
    store = two_items
    inner = bundle(id="inner", items=["item-b"], same_document=[])
    outer = bundle(id="outer", items=["item-a", {"bundle": "inner"}], same_document=[])
    store.import_bundles([inner, outer], "alice")
    with pytest.raises(PublishBlocked, match="一件事 inner 不存在"):
        store.delete_bundle("inner", "bob")
    assert store.get_bundle("inner") == inner


def test_a_bundle_broken_before_does_not_block_other_edits(two_items, guide_data):
    """A bundle broken outside a publish (a rule added later) stops only changes that
    add errors, not a fee corrected elsewhere."""
    store = two_items
    with Session(store.engine) as session, session.begin():
        broken = bundle(items=["item-a", "item-gone"], same_document=[])
        record_bundle(session, broken.id, broken, store.version(), "old-version")
    assert store.save(guide(guide_data, "item-b", fees="不收费"), "bob")
    with pytest.raises(PublishBlocked):
        store.delete("item-a", "bob")
