"""The workbench's stylesheet and script (no build step: plain files in ``bot/static/admin``)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.staticfiles import StaticFiles

from bot.admin.web import STATIC_DIR

router = APIRouter()
router.mount("/static", StaticFiles(directory=STATIC_DIR), name="admin-static")
