"""一件事 bundles: list, create and edit as YAML with lint on save, history, delete.

A bundle is edited as the YAML of its file (``docs/bundles.md``): it is short, and
staff move bundles between the workbench and ``onetrip kb import/export`` as files.
A save with errors is refused and the typed text is shown again with the problems.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from bot.admin import audit_log
from bot.admin.accounts import Staff
from bot.admin.bundle_checks import EDITOR, NEW_BUNDLE_YAML, check_bundle, stored_problems
from bot.admin.checks import Problems
from bot.admin.diff import pick_revision, text_diff
from bot.admin.publish import refresh_search
from bot.admin.staff_sessions import Forbidden, csrf_guard, flash, require_staff
from bot.admin.web import AdminRoute, PageNotFound, redirect, render
from bot.deps import get_services
from bot.services import Services
from knowledge import ItemNotFound, PublishBlocked
from knowledge.bundles import Bundle, bundle_yaml

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_staff), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]
CurrentStaff = Annotated[Staff, Depends(require_staff)]

ACTION_LABELS = {"create": "新建", "update": "修改", "delete": "删除"}


def _bundle_or_404(ctx: Services, bundle_id: str) -> Bundle:
    bundle = ctx.store.get_bundle(bundle_id)
    if bundle is None:
        raise PageNotFound(f"没有编号为 {bundle_id} 的一件事（可能已被删除，可在修改历史中找回）。")
    return bundle


def _revision(ctx: Services, bundle_id: str) -> str:
    history = ctx.store.bundle_history(bundle_id)
    return str(history[0].revision) if history else ""


@router.get("/bundles")
def bundle_list(request: Request, ctx: Context) -> Response:
    problems = stored_problems(ctx.store)
    rows = [{"bundle": b, "problems": problems[b.id]} for b in ctx.store.list_bundles()]
    return render(request, "admin/bundles.html", {"rows": rows})


def _edit_page(
    request: Request,
    text: str,
    problems: Problems,
    bundle: Bundle | None,
    revision: str = "",
    status: int = 200,
    conflict: str | None = None,
    note: str = "",
    loaded: int | None = None,
) -> Response:
    return render(
        request,
        "admin/bundle_edit.html",
        {
            "text": text,
            "problems": problems,
            "bundle": bundle,
            "creating": bundle is None,
            "revision": revision,
            "conflict": conflict,
            "note": note,
            "loaded": loaded,
            "editor": EDITOR,
        },
        status,
    )


def _blocked(exc: PublishBlocked) -> Problems:
    """Errors the save would cause in other bundles (one nesting this one, say)."""
    return Problems(tuple(exc.problems))


def _revision_text(ctx: Services, bundle_id: str, rev: int) -> str:
    """The YAML of an earlier version, loaded into the editor to be saved again (restore)."""
    old = next((e for e in ctx.store.bundle_history(bundle_id) if e.revision == rev), None)
    if old is None or old.bundle is None:
        raise PageNotFound(f"一件事 {bundle_id} 没有第 {rev} 版。")
    return bundle_yaml(old.bundle)


@router.get("/bundles/new")
def new_bundle(request: Request, ctx: Context, copy: str = "", rev: int | None = None):
    """A blank bundle, or (``copy`` and ``rev``) a version of a deleted one, to create again."""
    if copy and rev is not None:
        text = _revision_text(ctx, copy, rev)
        return _edit_page(request, text, check_bundle(text, ctx.store, None)[1], None, loaded=rev)
    return _edit_page(request, NEW_BUNDLE_YAML, Problems(), None)


@router.post("/bundles/new")
async def create_bundle(request: Request, ctx: Context, staff: CurrentStaff) -> Response:
    post = await request.form()
    text = str(post.get("yaml") or "")
    note = str(post.get("note") or "").strip()
    bundle, problems = check_bundle(text, ctx.store, None)
    if bundle is None or problems.errors:
        return _edit_page(request, text, problems, None, status=400, note=note)
    try:
        ctx.store.save_bundle(bundle, staff.name, note or "新建一件事")
    except PublishBlocked as exc:
        return _edit_page(request, text, _blocked(exc), None, status=400, note=note)
    await _published(request, ctx, staff, "bundle.create", bundle, problems, note)
    return redirect(f"/admin/bundles/{bundle.id}")


@router.get("/bundles/{bundle_id}")
def edit_bundle(request: Request, ctx: Context, bundle_id: str, rev: int | None = None):
    """The bundle's YAML; with ``rev``, an earlier version's, to save again (restore)."""
    bundle = _bundle_or_404(ctx, bundle_id)
    text = bundle_yaml(bundle) if rev is None else _revision_text(ctx, bundle_id, rev)
    _, problems = check_bundle(text, ctx.store, bundle)
    return _edit_page(request, text, problems, bundle, _revision(ctx, bundle_id), loaded=rev)


@router.post("/bundles/{bundle_id}")
async def save_bundle(request: Request, ctx: Context, staff: CurrentStaff, bundle_id: str):
    original = _bundle_or_404(ctx, bundle_id)
    post = await request.form()
    text = str(post.get("yaml") or "")
    note = str(post.get("note") or "").strip()
    sent = str(post.get("revision") or "")
    current = _revision(ctx, bundle_id)
    bundle, problems = check_bundle(text, ctx.store, original)
    if sent and sent != current:
        latest = ctx.store.bundle_history(bundle_id)[0]
        conflict = (
            f"您编辑期间，{latest.changed_by} 已修改并保存了此一件事（第 {current} 版）。"
            "请先在“修改历史”中查看对方的改动；再次点击“保存”将以您的内容覆盖。"
        )
        return _edit_page(request, text, problems, original, current, 409, conflict, note)
    if bundle is None or problems.errors:
        return _edit_page(request, text, problems, original, current, 400, note=note)
    try:
        changed = ctx.store.save_bundle(bundle, staff.name, note or None)
    except PublishBlocked as exc:
        return _edit_page(request, text, _blocked(exc), original, current, 400, note=note)
    if changed:
        await _published(request, ctx, staff, "bundle.update", bundle, problems, note)
    else:
        flash(request, "内容没有变化，未生成新版本。", "info")
    return redirect(f"/admin/bundles/{bundle_id}")


async def _published(
    request: Request,
    ctx: Services,
    staff: Staff,
    action: str,
    bundle: Bundle,
    problems: Problems,
    note: str,
) -> None:
    audit_log.record(ctx.db, staff.name, action, f"{bundle.id} {bundle.name}", note)
    message = f"已保存“{bundle.name}”。"
    if problems.warnings:
        message += f"另有 {len(problems.warnings)} 条质量提醒，见页面上方。"
    flash(request, message)
    if warning := await refresh_search(ctx):
        flash(request, warning, "error")


@router.get("/bundles/{bundle_id}/history")
def bundle_history(request: Request, ctx: Context, bundle_id: str, rev: int | None = None):
    entries = ctx.store.bundle_history(bundle_id)
    if not entries:
        raise PageNotFound(f"一件事 {bundle_id} 没有修改记录。")
    selected, previous = pick_revision(entries, rev)
    before = previous.bundle if previous else None
    return render(
        request,
        "admin/bundle_history.html",
        {
            "bundle_id": bundle_id,
            "name": next((e.bundle.name for e in entries if e.bundle), bundle_id),
            "entries": entries,
            "selected": selected,
            "previous": previous,
            "diff": text_diff(
                bundle_yaml(before) if before else "",
                bundle_yaml(selected.bundle) if selected.bundle else "",
            ),
            "current": entries[0].revision if entries[0].action != "delete" else None,
            "action_labels": ACTION_LABELS,
        },
    )


@router.post("/bundles/{bundle_id}/delete")
async def delete_bundle(request: Request, ctx: Context, staff: CurrentStaff, bundle_id: str):
    if not staff.is_admin:
        raise Forbidden("只有管理员可以删除一件事。")
    bundle = _bundle_or_404(ctx, bundle_id)
    form = await request.form()
    if form.get("confirm") != "yes":
        flash(request, "请勾选“确认删除”后再删除。", "error")
        return redirect(f"/admin/bundles/{bundle_id}")
    try:
        ctx.store.delete_bundle(bundle_id, staff.name)
    except ItemNotFound as exc:
        raise PageNotFound(str(exc)) from exc
    except PublishBlocked as exc:
        flash(request, "未删除：" + "；".join(map(str, exc.problems)), "error")
        return redirect(f"/admin/bundles/{bundle_id}")
    audit_log.record(ctx.db, staff.name, "bundle.delete", f"{bundle_id} {bundle.name}")
    flash(
        request,
        f"已删除“{bundle.name}”。修改历史中保留各版内容：/admin/bundles/{bundle_id}/history",
    )
    if warning := await refresh_search(ctx):
        flash(request, warning, "error")
    return redirect("/admin/bundles")
