"""Read-only access to service items (事项) and their guides."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import BaseModel

from bot.deps import get_store
from knowledge import Store

router = APIRouter(tags=["items"])


class ItemSummary(BaseModel):
    id: str
    name: str
    category: str | None
    department: str
    handling: str | None


class ItemList(BaseModel):
    total: int
    items: list[ItemSummary]


@router.get("/items", response_model=ItemList)
def list_items(
    store: Annotated[Store, Depends(get_store)],
    category: Annotated[str | None, Query(description="综合窗口分类，如 社会民生类")] = None,
    department: Annotated[str | None, Query(description="实施主体，如 示范市公安局")] = None,
) -> ItemList:
    guides = store.list(category=category, department=department)
    return ItemList(
        total=len(guides),
        items=[
            ItemSummary(
                id=g.id,
                name=g.name,
                category=g.category,
                department=g.department,
                handling=g.handling,
            )
            for g in guides
        ],
    )


@router.get("/items/{item_id}")
def get_item(item_id: str, store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    guide = store.get(item_id)
    if guide is None:
        raise HTTPException(status_code=404, detail=f"没有编号为 {item_id} 的事项")
    return guide.model_dump(mode="json", exclude_none=True)
