"""个人信息查阅与删除: an admin exports or deletes one citizen's data on their request."""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from bot.admin import audit_log, citizen_data
from bot.admin.accounts import Staff
from bot.admin.staff_sessions import csrf_guard, flash, require_admin
from bot.admin.web import AdminRoute, redirect, render
from bot.deps import get_services
from bot.services import Services

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_admin), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]
Admin = Annotated[Staff, Depends(require_admin)]


@router.get("/citizen-data")
def citizen_page(request: Request, ctx: Context, key: str = "") -> Response:
    key = key.strip()
    found = citizen_data.holdings(ctx.db, key) if key else None
    return render(request, "admin/citizen_data.html", {"key": key, "found": found})


@router.get("/citizen-data/export")
def citizen_export(ctx: Context, staff: Admin, key: str) -> Response:
    data = citizen_data.export(ctx.db, key.strip())
    audit_log.record(ctx.db, staff.name, "citizen.export", _shown(key), "导出个人信息副本")
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/json",
        headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote('个人信息')}.json",
            "Cache-Control": "no-store",
        },
    )


@router.post("/citizen-data/delete")
async def citizen_delete(request: Request, ctx: Context, staff: Admin) -> Response:
    form = await request.form()
    key = str(form.get("key") or "").strip()
    if not key or form.get("confirm") != "yes":
        flash(request, "请勾选“确认删除”后再提交。", "error")
        return redirect(f"/admin/citizen-data?key={quote(key)}")
    deleted = await run_in_threadpool(citizen_data.erase, ctx.db, key)
    detail = (
        f"删除个人信息：对话 {int(deleted.conversation)}、消息 {deleted.messages} 条、"
        f"评价 {deleted.ratings} 条、预审 {deleted.jobs} 件"
    )
    audit_log.record(ctx.db, staff.name, "citizen.delete", _shown(key), detail)
    flash(request, detail + "。")
    return redirect("/admin/citizen-data")


def _shown(key: str) -> str:
    """The key as the audit log shows it: channel and the first characters only."""
    channel, _, user = key.partition(":")
    return f"{channel}:{user[:6]}…" if len(user) > 6 else key
