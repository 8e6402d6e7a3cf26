"""The dashboard (工作台): questions, answer rate, items asked, pre-review, 差评整改率."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from bot.admin import rating_follow_up, stats, unanswered
from bot.admin.staff_sessions import require_staff
from bot.admin.web import AdminRoute, render
from bot.deps import get_services
from bot.services import Services

router = APIRouter(route_class=AdminRoute, dependencies=[Depends(require_staff)])


@router.get("")
@router.get("/")
def dashboard(request: Request, ctx: Annotated[Services, Depends(get_services)]) -> Response:
    names = {g.id: g.name for g in ctx.store.list()}
    return render(
        request,
        "admin/dashboard.html",
        {
            "q": stats.questions(ctx.db),
            "reviews": stats.reviews(ctx.db),
            "retention_days": ctx.settings.retention_days,
            "ratings": rating_follow_up.summary(ctx.db),
            "unanswered": unanswered.counts(ctx.db)["open"],
            "names": names,
            "items": len(names),
            "kb_version": ctx.store.version(),
        },
    )
