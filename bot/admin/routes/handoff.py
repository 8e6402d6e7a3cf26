"""人工服务: conversations where a citizen asked for a person, to read and mark handled."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import update

from bot.admin import audit_log
from bot.admin.accounts import Staff
from bot.admin.prereview_jobs import conversation_jobs
from bot.admin.staff_sessions import csrf_guard, flash, require_staff
from bot.admin.web import AdminRoute, PageNotFound, redirect, render
from bot.deps import get_services
from bot.dialog.tables import ChatSessionRow
from bot.services import Services
from prereview.forms import render_result_form

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_staff), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]
CHANNELS = {"wechat": "公众号", "miniprogram": "小程序", "web": "网页"}


@router.get("/handoff")
def handoff_list(request: Request, ctx: Context) -> Response:
    sessions = ctx.dialog.sessions
    return render(
        request,
        "admin/handoff.html",
        {
            "flags": sessions.flagged(),
            "names": {g.id: g.name for g in ctx.store.list()},
            "channels": CHANNELS,
        },
    )


@router.get("/handoff/view")
def handoff_view(request: Request, ctx: Context, key: str) -> Response:
    sessions = ctx.dialog.sessions
    flag = next((f for f in sessions.flagged() if f.key == key), None)
    if flag is None:
        raise PageNotFound("这条人工服务请求已处理或不存在。")
    guide = ctx.store.get(flag.item) if flag.item else None
    return render(
        request,
        "admin/handoff_view.html",
        {
            "flag": flag,
            "guide": guide,
            "log": sessions.history(key),
            "channels": CHANNELS,
            "jobs": conversation_jobs(ctx.jobs, key),
        },
    )


@router.get("/handoff/form")
def handoff_form(ctx: Context, job: str) -> Response:
    """The pre-filled form of a conversation's pre-review, printable, as the stored (masked)
    result holds it: the clerk goes through it with the applicant on the phone."""
    found = ctx.jobs.get_job(job)
    if found is None or found.result is None:
        raise PageNotFound("这次预审没有结果，或已超过保存期限被删除。")
    html = render_result_form(found.result, pdf=False)
    return HTMLResponse(html, headers={"Cache-Control": "private, no-store"})


@router.post("/handoff/done")
async def handoff_done(
    request: Request, ctx: Context, staff: Annotated[Staff, Depends(require_staff)]
) -> Response:
    form = await request.form()
    key = str(form.get("key") or "")
    with ctx.db.begin() as session:
        done = session.execute(
            update(ChatSessionRow)
            .where(ChatSessionRow.key == key, ChatSessionRow.flagged_at.is_not(None))
            .values(flagged_at=None, flag_item=None, flag_note=None)
        ).rowcount
    if done:
        channel = CHANNELS.get(key.split(":", 1)[0], "对话")
        audit_log.record(
            ctx.db, staff.name, "handoff.done", f"{channel}对话", str(form.get("note") or "")
        )
        flash(request, "已标记为处理完毕。")
    return redirect("/admin/handoff")
