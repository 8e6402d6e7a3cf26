"""Shared request dependencies: settings and the knowledge store.

Dependencies that only read ``app.state`` are ``async def``: FastAPI runs a plain
``def`` dependency in its thread pool, and a hop there and back cost more CPU
than a whole small chat turn (measured: 16 thread hops for one chat request).
"""

from __future__ import annotations

from fastapi import Request

from bot.settings import Settings
from knowledge import Store


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_store(request: Request) -> Store:
    return request.app.state.store
