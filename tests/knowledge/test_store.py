"""Storage: history of every change and the knowledge-base version, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from knowledge import Guide, ItemNotFound


def make(guide_data: dict, **changes) -> Guide:
    return Guide.model_validate({**guide_data, **changes})


def test_import_counts_and_version(any_store, guide_data):
    assert any_store.version() == 0
    counts = any_store.import_guides([make(guide_data), make(guide_data, id="b")], "alice")
    assert (counts.added, counts.changed, counts.unchanged) == (2, 0, 0)
    assert any_store.version() == 1  # one import, one new knowledge-base version

    counts = any_store.import_guides(
        [make(guide_data), make(guide_data, id="b", fees="10元")], "bob"
    )
    assert (counts.added, counts.changed, counts.unchanged) == (0, 1, 1)
    assert any_store.version() == 2

    counts = any_store.import_guides([make(guide_data)], "bob")
    assert counts.unchanged == 1
    assert any_store.version() == 2  # nothing changed, the index stays valid


def test_history_keeps_previous_versions_with_author(any_store, guide_data):
    any_store.save(make(guide_data, fees="不收费"), "alice")
    any_store.save(make(guide_data, fees="工本费20元"), "bob")
    history = any_store.history("test-item")
    assert [(h.revision, h.action, h.changed_by) for h in history] == [
        (2, "update", "bob"),
        (1, "create", "alice"),
    ]
    assert history[1].guide.fees == "不收费"
    assert history[0].changed_at >= history[1].changed_at
    assert any_store.get("test-item").fees == "工本费20元"


def test_restore_old_revision(any_store, guide_data):
    any_store.save(make(guide_data, fees="不收费"), "alice")
    any_store.save(make(guide_data, fees="工本费20元"), "bob")
    restored = any_store.restore("test-item", 1, "carol")
    assert restored.fees == "不收费"
    assert any_store.get("test-item").fees == "不收费"
    latest = any_store.history("test-item")[0]
    assert (latest.revision, latest.action, latest.changed_by) == (3, "restore", "carol")
    with pytest.raises(ItemNotFound):
        any_store.restore("test-item", 99, "carol")


def test_changes_since_names_changed_and_deleted_items(any_store, guide_data):
    any_store.import_guides([make(guide_data), make(guide_data, id="b")], "alice")
    v1 = any_store.version()
    any_store.save(make(guide_data, fees="5元"), "bob")
    any_store.delete("b", "bob")
    changes = any_store.changes_since(v1)
    assert changes.changed == ["test-item"]
    assert changes.deleted == ["b"]
    assert changes.version == v1 + 2
    assert any_store.get("b") is None
    assert any_store.changes_since(changes.version).changed == []


def test_list_filters(any_store, guide_data):
    any_store.import_guides(
        [
            make(guide_data),
            make(guide_data, id="market", category="市场准入类", department="示范市市场监督管理局"),
        ],
        "alice",
    )
    assert [g.id for g in any_store.list(category="市场准入类")] == ["market"]
    assert [g.id for g in any_store.list(department="示范市测试局")] == ["test-item"]
    assert any_store.count() == 2


def test_samples_round_trip_through_store(any_store, sample_guides):
    any_store.import_guides(sample_guides, "samples")
    for guide in sample_guides:
        assert any_store.get(guide.id) == guide
