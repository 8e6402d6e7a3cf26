"""The workbench's long-lived objects for one app: database sessions and the signing secret.

Built lazily on the first admin request (the app factory only includes the
routers), and kept on ``app.state.admin``. The secret is the app's one secret
(``ONETRIP_SECRET_KEY`` or the key file under ``ONETRIP_HOME``); staff cookies
use their own salt, so no chat token can pass for a staff session.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from fastapi import FastAPI, Request
from sqlalchemy import Engine
from sqlalchemy.orm import sessionmaker

import bot.models  # noqa: F401  (registers the tables the workbench reads)
from bot.admin import models  # noqa: F401  (registers the workbench's own tables)
from bot.dialog.tokens import secret_key
from bot.settings import Settings
from knowledge import Store
from knowledge.db import create_tables, make_sessionmaker

_lock = threading.Lock()


@dataclass(frozen=True)
class AdminContext:
    settings: Settings
    store: Store
    engine: Engine
    db: sessionmaker
    secret: str


def admin_db(store: Store) -> sessionmaker:
    """Database sessions for the workbench's tables on the store's database (created if absent)."""
    create_tables(store.engine)
    return make_sessionmaker(store.engine)


def context_for(app: FastAPI) -> AdminContext:
    ctx = getattr(app.state, "admin", None)
    if ctx is None:
        with _lock:
            ctx = getattr(app.state, "admin", None)
            if ctx is None:
                store: Store = app.state.store
                settings: Settings = app.state.settings
                ctx = AdminContext(
                    settings=settings,
                    store=store,
                    engine=store.engine,
                    db=admin_db(store),
                    secret=secret_key(settings.secret_key, settings.home_dir),
                )
                app.state.admin = ctx
    return ctx


def get_context(request: Request) -> AdminContext:
    return context_for(request.app)
