"""The FastAPI application: one router module per resource, wired from the settings."""

from __future__ import annotations

from fastapi import FastAPI

from bot.api import health, items
from bot.settings import Settings
from bot.wiring import open_store


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    app = FastAPI(
        title="onetrip 政务服务智能问答与材料预审",
        version="0.1.0",
        description="办事指南问答、材料预审与一次性告知。",
    )
    app.state.settings = settings
    app.state.store = open_store(settings)
    app.include_router(health.router)
    app.include_router(items.router, prefix="/api/v1")
    return app
