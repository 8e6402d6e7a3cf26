"""One router module per part of the workbench, joined under ``/admin`` in :data:`router`."""

from fastapi import APIRouter

from bot.admin import PREFIX
from bot.admin.routes import (
    audit,
    auth,
    bundles,
    citizen_data,
    dashboard,
    drafts,
    guides,
    handoff,
    questions,
    ratings,
    static,
    transfer,
    users,
)

# The parts of the workbench, each a router of paths under PREFIX.
ROUTERS = tuple(
    m.router
    for m in (
        static,
        auth,
        dashboard,
        guides,
        bundles,
        transfer,
        drafts,
        questions,
        ratings,
        handoff,
        citizen_data,
        users,
        audit,
    )
)

router = APIRouter(include_in_schema=False)
for _part in ROUTERS:
    router.include_router(_part, prefix=PREFIX)

__all__ = ["ROUTERS", "router"]
