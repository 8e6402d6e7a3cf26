"""The FastAPI application: the app's services built once, one router module per resource."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from bot.admin.routes import router as admin_router
from bot.channels import wechat_callback
from bot.channels.http import API_PREFIX, chat, health, items, miniprogram, prereview, web
from bot.compose import build_services
from bot.jobs import PrereviewJobs
from bot.services import LazySearcher, Services
from bot.settings import Settings
from bot.text_limits import brief_errors

STATIC_DIR = Path(__file__).resolve().parent / "static"


def create_app(
    settings: Settings | None = None, searcher: Any = None, jobs: PrereviewJobs | None = None
) -> FastAPI:
    """The app; ``searcher`` lets tests and benchmarks share one loaded ``retrieval.Searcher``,
    ``jobs`` run pre-review jobs on an executor of the caller's."""
    services = build_services(settings or Settings(), searcher, jobs)
    app = FastAPI(
        title="onetrip 政务服务智能问答与材料预审",
        version="0.1.0",
        description="办事指南问答、材料预审与一次性告知。",
        lifespan=lifespan,
    )
    app.state.services = services
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.include_router(health.router)
    app.include_router(items.router, prefix=API_PREFIX)
    app.include_router(prereview.router, prefix=API_PREFIX)
    app.include_router(chat.router, prefix=API_PREFIX)
    app.include_router(miniprogram.router, prefix=API_PREFIX)
    app.include_router(wechat_callback.router)
    app.include_router(web.router)
    app.include_router(admin_router)
    app.mount("/static/chat", StaticFiles(directory=STATIC_DIR / "chat"), name="chat-static")
    return app


async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
    """422 with where and why, never the value sent: FastAPI's own answer echoed a 3 MB
    field back, and a lone surrogate in it could not be encoded (a 500)."""
    return JSONResponse(status_code=422, content={"detail": brief_errors(list(exc.errors()))})


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """As the server starts: size the thread pool, load the search models, queue again the
    jobs a previous process left and purge old uploads hourly; as it stops, stop the jobs.

    Chat turns are short and mostly CPU: forty threads (anyio's default) share the
    process's core like a round robin, which stretches every question behind the
    small talk of nineteen others. A few threads serve turns nearly in arrival
    order. In bench_chat at 20 clients (two processes, three runs each), chat p95
    was 82–117 ms with 8 threads, 68–84 ms with 4 and 49–60 ms with 2; 40 were worse
    than 8. The default is 4, leaving room for the odd blocking call (an admin page,
    a PostgreSQL round trip) without stalling the chat.
    """
    services: Services = app.state.services
    anyio.to_thread.current_default_thread_limiter().total_tokens = services.settings.threads
    if isinstance(services.searcher, LazySearcher):
        threading.Thread(target=services.searcher.load, name="warm-searcher", daemon=True).start()
    services.jobs.requeue_pending()
    services.purger.start()
    yield
    services.purger.stop()
    services.jobs.close()
