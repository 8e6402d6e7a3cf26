"""好差评: bad ratings with question, answer and reason, and their follow-up."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from bot.admin import audit_log, rating_follow_up
from bot.admin.accounts import Staff
from bot.admin.staff_sessions import csrf_guard, flash, require_staff
from bot.admin.web import AdminRoute, PageNotFound, redirect, render
from bot.deps import get_services
from bot.dialog.tables import BAD_SCORES, FOLLOW_UP_STATES
from bot.services import Services

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_staff), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]


@router.get("/ratings")
def rating_list(request: Request, ctx: Context, state: str = "") -> Response:
    state = state if state in FOLLOW_UP_STATES else ""
    return render(
        request,
        "admin/ratings.html",
        {
            "rows": rating_follow_up.bad_ratings(ctx.db, state or None),
            "state": state,
            "states": FOLLOW_UP_STATES,
            "summary": rating_follow_up.summary(ctx.db),
            "state_of": rating_follow_up.state_of,
            "names": {g.id: g.name for g in ctx.store.list()},
        },
    )


def _rating_page(request: Request, ctx: Services, rating_id: int, **extra) -> Response:
    row = rating_follow_up.get_rating(ctx.db, rating_id)
    if row is None or row.score not in BAD_SCORES:
        raise PageNotFound("没有这条差评。")
    guide = ctx.store.get(row.item_id) if row.item_id else None
    return render(
        request,
        "admin/rating.html",
        {
            "row": row,
            "guide": guide,
            "current": rating_follow_up.state_of(row),
            "states": FOLLOW_UP_STATES,
            **extra,
        },
        400 if extra.get("error") else 200,
    )


@router.get("/ratings/{rating_id}")
def rating_page(request: Request, ctx: Context, rating_id: int) -> Response:
    return _rating_page(request, ctx, rating_id)


@router.post("/ratings/{rating_id}")
async def record_follow_up(
    request: Request, ctx: Context, staff: Annotated[Staff, Depends(require_staff)], rating_id: int
) -> Response:
    form = await request.form()
    state, note = str(form.get("state") or ""), str(form.get("note") or "")
    try:
        row = rating_follow_up.follow_up(ctx.db, rating_id, state, note, staff.name)
    except rating_follow_up.FollowUpError as exc:
        return _rating_page(request, ctx, rating_id, error=str(exc), note=note, chosen=state)
    audit_log.record(
        ctx.db, staff.name, "rating.follow_up", f"差评 #{row.id}（{row.label}）", f"{state}：{note}"
    )
    flash(request, f"差评 #{row.id} 已标记为“{state}”。")
    return redirect(f"/admin/ratings/{rating_id}")
