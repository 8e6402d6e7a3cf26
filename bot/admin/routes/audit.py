"""The audit log page (操作日志), admin only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from bot.admin import audit_log
from bot.admin.staff_sessions import require_admin
from bot.admin.web import AdminRoute, render
from bot.deps import get_services
from bot.services import Services

router = APIRouter(route_class=AdminRoute, dependencies=[Depends(require_admin)])


@router.get("/audit")
def audit_page(
    request: Request,
    ctx: Annotated[Services, Depends(get_services)],
    actor: str = "",
    action: str = "",
    page: int = 1,
) -> Response:
    return render(
        request,
        "admin/audit.html",
        {
            "page": audit_log.entries(ctx.db, actor or None, action or None, page),
            "actors": audit_log.actors(ctx.db),
            "actions": audit_log.ACTIONS,
            "actor": actor,
            "action": action,
        },
    )
