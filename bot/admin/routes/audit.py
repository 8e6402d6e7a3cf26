"""The audit log page (操作日志), admin only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from bot.admin import audit
from bot.admin.auth import require_admin
from bot.admin.context import AdminContext, get_context
from bot.admin.web import AdminRoute, render

router = APIRouter(route_class=AdminRoute, dependencies=[Depends(require_admin)])


@router.get("/audit")
def audit_page(
    request: Request,
    ctx: Annotated[AdminContext, Depends(get_context)],
    actor: str = "",
    action: str = "",
    page: int = 1,
) -> Response:
    return render(
        request,
        "admin/audit.html",
        {
            "page": audit.entries(ctx.db, actor or None, action or None, page),
            "actors": audit.actors(ctx.db),
            "actions": audit.ACTIONS,
            "actor": actor,
            "action": action,
        },
    )
