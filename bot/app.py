"""The FastAPI application: one router module per resource, wired from the settings."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from bot import admin, wechat
from bot.api import chat, health, items, miniprogram, prereview, web
from bot.dialog.setup import STATIC_DIR, chat_lifespan, install_chat
from bot.settings import Settings
from bot.wiring import open_store


def create_app(settings: Settings | None = None, searcher: Any = None) -> FastAPI:
    """The app; ``searcher`` lets tests and benchmarks share one loaded ``retrieval.Searcher``."""
    settings = settings or Settings()
    app = FastAPI(
        title="onetrip 政务服务智能问答与材料预审",
        version="0.1.0",
        description="办事指南问答、材料预审与一次性告知。",
        lifespan=chat_lifespan,
    )
    app.state.settings = settings
    app.state.store = open_store(settings)
    install_chat(app, searcher)
    app.include_router(health.router)
    app.include_router(items.router, prefix="/api/v1")
    app.include_router(prereview.router, prefix="/api/v1")
    app.include_router(chat.router, prefix="/api/v1")
    app.include_router(miniprogram.router, prefix="/api/v1")
    app.include_router(wechat.router)
    app.include_router(web.router)
    app.include_router(admin.router)
    app.mount("/static/chat", StaticFiles(directory=STATIC_DIR / "chat"), name="chat-static")
    return app
