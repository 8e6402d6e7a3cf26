"""Read-only items API: list, filter, one item, health."""

from __future__ import annotations

from fastapi.testclient import TestClient

from bot.app import create_app


def test_items_list_filter_and_detail(settings, sample_store, sample_guides):
    client = TestClient(create_app(settings))
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["items"] == len(sample_guides)

    listing = client.get("/api/v1/items").json()
    assert listing["total"] == len(sample_guides)
    category = sample_guides[0].category
    filtered = client.get("/api/v1/items", params={"category": category}).json()
    assert filtered["total"] == sum(g.category == category for g in sample_guides)
    assert all(i["category"] == category for i in filtered["items"])
    department = sample_guides[0].department
    by_dept = client.get("/api/v1/items", params={"department": department}).json()
    assert {i["department"] for i in by_dept["items"]} == {department}

    guide = sample_guides[0]
    detail = client.get(f"/api/v1/items/{guide.id}").json()
    assert detail["name"] == guide.name
    assert [m["name"] for m in detail["materials"]] == [m.name for m in guide.materials]


def test_unknown_item_is_404_in_chinese(settings, store):
    client = TestClient(create_app(settings))
    response = client.get("/api/v1/items/no-such-item")
    assert response.status_code == 404
    assert "没有编号为 no-such-item 的事项" in response.json()["detail"]
