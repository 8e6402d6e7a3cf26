"""Shared request dependencies: settings and the knowledge store."""

from __future__ import annotations

from fastapi import Request

from bot.settings import Settings
from knowledge import Store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store
