"""导入现有指南: upload a centre's published guides, review each draft, publish item by item.

Uploads go through the converter (:mod:`knowledge.convert`) into drafts
(:mod:`bot.admin.import_drafts`), never into the items: each draft is shown as YAML
beside its review list, and only a staff member's "发布" makes it an item the chat
answers from. Editors may do all of it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse
from starlette.datastructures import UploadFile

from bot.admin import audit_log, import_drafts
from bot.admin.accounts import Staff
from bot.admin.checks import Problems
from bot.admin.forms import field_label
from bot.admin.import_drafts import GuideDraftRow
from bot.admin.publish import refresh_search
from bot.admin.staff_sessions import csrf_guard, flash, require_staff
from bot.admin.web import AdminRoute, PageNotFound, redirect, render
from bot.deps import get_services
from bot.services import Services

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_staff), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]
CurrentStaff = Annotated[Staff, Depends(require_staff)]
PAGE = "/transfer/convert"
URL = "/admin" + PAGE


def _list_page(
    request: Request, ctx: Services, failures: list[tuple[str, str]] | None = None, status=200
) -> Response:
    return render(
        request,
        "admin/import_list.html",
        {
            "drafts": import_drafts.open_drafts(ctx.db),
            "done": import_drafts.recent_done(ctx.db),
            "failures": failures or [],
            "limits": ctx.settings.limits,
        },
        status,
    )


@router.get(PAGE)
def import_page(request: Request, ctx: Context) -> Response:
    return _list_page(request, ctx)


@router.post(PAGE)
async def upload_guides(request: Request, ctx: Context, staff: CurrentStaff) -> Response:
    limits = ctx.settings.limits
    form = await request.form()
    uploads: list[tuple[str, bytes]] = []
    budget = limits.max_job_bytes + 1  # read no more than it takes to know a limit is broken
    for value in form.getlist("files"):
        if isinstance(value, UploadFile) and value.filename and len(uploads) <= limits.max_files:
            data = await value.read(max(0, min(limits.max_file_bytes + 1, budget)))
            budget -= len(data)
            uploads.append((value.filename, data))
    if not uploads:
        return _list_page(request, ctx, [("-", "请选择要导入的指南文件")], 400)
    if refused := import_drafts.check_sizes(uploads, limits):
        return _list_page(request, ctx, refused, 400)
    result = await run_in_threadpool(
        import_drafts.convert_uploads, ctx.db, ctx.store, uploads, staff.name
    )
    if not result.draft_ids:
        return _list_page(request, ctx, result.failures, 400)
    for file, reason in result.failures:
        flash(request, f"{file}：{reason}", "error")
    flash(
        request,
        f"读取 {len(uploads)} 个文件，得到 {len(result.draft_ids)} 个事项草稿，"
        f"{result.open_points} 条待核对。草稿尚未发布，请逐个核对后发布。",
    )
    return redirect(f"{URL}/{result.draft_ids[0]}")


def _draft_or_404(ctx: Services, draft_id: int) -> GuideDraftRow:
    row = import_drafts.get_draft(ctx.db, draft_id)
    if row is None:
        raise PageNotFound(f"没有编号为 {draft_id} 的导入草稿。")
    return row


def _draft_page(
    request: Request,
    ctx: Services,
    row: GuideDraftRow,
    text: str | None = None,
    problems: Problems | None = None,
    status: int = 200,
) -> Response:
    waiting = import_drafts.open_drafts(ctx.db)
    return render(
        request,
        "admin/import_draft.html",
        {
            "row": row,
            "text": row.text if text is None else text,
            "problems": problems or Problems(),
            "review": row.review,
            "waiting": waiting,
            "field_label": field_label,
        },
        status,
    )


@router.get(PAGE + "/{draft_id}")
def draft_page(request: Request, ctx: Context, draft_id: int) -> Response:
    return _draft_page(request, ctx, _draft_or_404(ctx, draft_id))


@router.get(PAGE + "/{draft_id}/review.md")
def draft_review(ctx: Context, draft_id: int) -> Response:
    """The draft's review list as ``review.md``, as ``onetrip kb convert`` writes it."""
    row = _draft_or_404(ctx, draft_id)
    return PlainTextResponse(
        row.review_md,
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{row.item_id}-review.md"'},
    )


@router.post(PAGE + "/{draft_id}")
async def change_draft(
    request: Request, ctx: Context, staff: CurrentStaff, draft_id: int
) -> Response:
    row = _draft_or_404(ctx, draft_id)
    form = await request.form()
    text = str(form.get("text") or "")
    action = form.get("action")
    if row.status != import_drafts.DRAFT:
        flash(request, "该草稿已发布或已放弃，不能再修改。", "error")
        return redirect(f"{URL}/{draft_id}")
    if action == "discard":
        import_drafts.discard(ctx.db, draft_id, staff.name)
        flash(request, f"已放弃草稿“{row.name}”（来自 {row.file}），未发布。", "info")
        return _after(row, ctx)
    if action != "publish":
        import_drafts.keep_text(ctx.db, draft_id, text, staff.name)
        flash(request, "草稿已保存（尚未发布）。", "info")
        return redirect(f"{URL}/{draft_id}")
    guide, problems = import_drafts.check_text(text, ctx.store)
    if guide is None or problems.errors:
        import_drafts.keep_text(ctx.db, draft_id, text, staff.name)
        return _draft_page(request, ctx, row, text, problems, 400)
    if not import_drafts.publish(ctx.db, ctx.store, row, guide, text, staff.name):
        flash(request, "该草稿已由他人发布或放弃。", "error")
        return redirect(f"{URL}/{draft_id}")
    audit_log.record(
        ctx.db, staff.name, "guide.import", f"{guide.id} {guide.name}", f"导入：{row.file}"
    )
    message = f"已发布“{guide.name}”，问答即时使用新内容。"
    if problems.warnings:
        message += f"另有 {len(problems.warnings)} 条质量提醒，可在事项页面查看。"
    flash(request, message)
    if warning := await refresh_search(ctx):
        flash(request, warning, "error")
    return _after(row, ctx)


def _after(row: GuideDraftRow, ctx: Services) -> Response:
    """On to the next draft of the same upload, or back to the list when none is left."""
    following = import_drafts.next_open(ctx.db, row)
    return redirect(f"{URL}/{following.id}" if following else URL)
