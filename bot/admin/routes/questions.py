"""Unanswered questions, grouped: add a group as 相似问法 of an item, or dismiss it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from bot.admin import audit_log, unanswered
from bot.admin.accounts import Staff
from bot.admin.publish import check_answer, refresh_search
from bot.admin.staff_sessions import csrf_guard, flash, require_staff
from bot.admin.web import AdminRoute, redirect, render
from bot.deps import get_services
from bot.services import Services

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_staff), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]
CurrentStaff = Annotated[Staff, Depends(require_staff)]
VIEWS = {"open": "待处理", "attached": "已加为问法", "dismissed": "已忽略"}


@router.get("/questions")
def question_page(request: Request, ctx: Context, view: str = "open") -> Response:
    view = view if view in VIEWS else "open"
    guides = ctx.store.list()
    context = {
        "view": view,
        "views": VIEWS,
        "counts": unanswered.counts(ctx.db),
        "names": {g.id: g.name for g in guides},
        "guides": guides,
    }
    if view == "open":
        context["groups"] = unanswered.open_groups(ctx.db)
    else:
        context["rows"] = unanswered.closed(ctx.db, view)
    return render(request, "admin/questions.html", context)


async def _selection(request: Request, ctx: Services) -> tuple[list, dict]:
    form = await request.form()
    ids = [int(v) for v in form.getlist("ids") if isinstance(v, str) and v.isdigit()]
    return unanswered.rows(ctx.db, ids), {k: form.getlist(k) for k in ("texts", "item")}


@router.post("/questions/attach")
async def attach(request: Request, ctx: Context, staff: CurrentStaff) -> Response:
    rows, form = await _selection(request, ctx)
    item_id = next(iter(form["item"]), "")
    guide = ctx.store.get(item_id) if item_id else None
    if not rows or guide is None:
        flash(request, "请选择要加为相似问法的事项。", "error")
        return redirect("/admin/questions")
    asked = {row.text for row in rows}
    texts = [t for t in form["texts"] if t in asked] or [rows[0].text]
    added = unanswered.attach(ctx.db, ctx.store, [r.id for r in rows], guide, texts, staff.name)
    audit_log.record(
        ctx.db,
        staff.name,
        "question.attach",
        f"{guide.id} {guide.name}",
        "相似问法：" + "；".join(added or texts),
    )
    flash(request, f"已将 {len(texts)} 个问法加入“{guide.name}”的相似问法。")
    if warning := await refresh_search(ctx):
        flash(request, warning, "error")
    elif (found := await check_answer(ctx, texts[0])) is not None:
        if found == guide.id:
            flash(request, f"验证：现在问“{texts[0]}”会回答“{guide.name}”。", "info")
        else:
            flash(request, f"注意：问“{texts[0]}”仍未直接回答“{guide.name}”，请检查问法。", "error")
    return redirect("/admin/questions")


@router.post("/questions/dismiss")
async def dismiss(request: Request, ctx: Context, staff: CurrentStaff) -> Response:
    return await _set_status(
        request, ctx, staff, "dismissed", "question.dismiss", "已忽略 {n} 个问题。"
    )


@router.post("/questions/reopen")
async def reopen(request: Request, ctx: Context, staff: CurrentStaff) -> Response:
    return await _set_status(
        request, ctx, staff, "open", "question.reopen", "已将 {n} 个问题放回待处理。"
    )


async def _set_status(
    request: Request, ctx: Services, staff: Staff, status: str, action: str, done: str
) -> Response:
    """Give the selected questions ``status``, audited as ``action``; ``done`` is the flash."""
    rows, _ = await _selection(request, ctx)
    if rows:
        unanswered.set_status(ctx.db, [r.id for r in rows], status)
        audit_log.record(ctx.db, staff.name, action, rows[0].text, "；".join(r.text for r in rows))
        flash(request, done.format(n=len(rows)))
    return redirect("/admin/questions")
