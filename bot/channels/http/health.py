"""Liveness for load balancers: answers when the database answers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from bot.deps import get_store
from knowledge import Store

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz(store: Annotated[Store, Depends(get_store)]) -> dict:
    return {"status": "ok", "kb_version": store.version(), "items": store.count()}
