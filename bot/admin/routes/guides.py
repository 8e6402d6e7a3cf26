"""Service guides (办事指南): list, create, edit every field, history with diffs, restore.

A change that would break a 一件事 bundle (:class:`knowledge.PublishBlocked`) is not a
bare error page: the form (or, for a restore, the history) comes back with what staff
typed and, for each bundle, its name and the problems the change would cause, so they
can fix the bundle or undo the edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

import zhconv
from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import PlainTextResponse

from bot.admin import audit_log
from bot.admin.accounts import Staff
from bot.admin.checks import Problems, check_guide, lint_summary
from bot.admin.diff import changed_parts, pick_revision, yaml_diff
from bot.admin.forms import anchor, data_from_form, field_label, form_from_guide, form_from_post
from bot.admin.publish import refresh_search
from bot.admin.staff_sessions import Forbidden, csrf_guard, flash, require_staff
from bot.admin.web import AdminRoute, PageNotFound, redirect, render
from bot.deps import get_services
from bot.services import Services
from knowledge import Guide, ItemNotFound, Problem, PublishBlocked, Store, guide_yaml
from knowledge.schema import (
    CATEGORIES,
    DOCUMENT_TYPES,
    FORM_KEYS,
    FORMS,
    HANDLINGS,
    ITEM_TYPES,
    RECOGNIZE_FIELDS,
    UNITS,
)
from prereview.prefill import type_name

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_staff), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]
CurrentStaff = Annotated[Staff, Depends(require_staff)]

ACTION_LABELS = {"create": "新建", "update": "修改", "restore": "恢复", "delete": "删除"}
FIELD_NAMES = {
    "name": "姓名/名称",
    "id_number": "公民身份号码",
    "uscc": "统一社会信用代码",
    "date": "日期",
    "valid_until": "有效期至",
    "phone": "联系电话",
    "address": "住址/地址",
    "legal_rep": "法定代表人",
    "signature": "签名/盖章",
}
# What a form field (一表申请) holds, in the words of docs/guide-format-additions.md 五.
FORM_KEY_NAMES = {
    "name": "姓名",
    "id_number": "公民身份号码",
    "sex": "性别",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "address": "住址",
    "phone": "联系电话",
    "company_name": "单位（企业、个体工商户）名称",
    "uscc": "统一社会信用代码",
    "legal_rep": "法定代表人（负责人）",
    "business_address": "经营场所（住所）",
    "date": "日期",
}
CHECK_NAMES = {
    "not_expired": "证件在有效期内",
    "names_match": "姓名/名称与申请人一致",
    "readable": "文字清晰可辨认",
}
LINT_STATES = {"error": "有错误", "warning": "有警告", "ok": "无问题"}


def _fold(text: str) -> str:
    return zhconv.convert(text or "", "zh-cn").lower()


def _choices() -> dict:
    return {
        "categories": CATEGORIES,
        "item_types": ITEM_TYPES,
        "handlings": HANDLINGS,
        "forms": FORMS,
        "units": UNITS,
        "recognize_fields": [(f, FIELD_NAMES[f]) for f in RECOGNIZE_FIELDS],
        "form_keys": [(k, FORM_KEY_NAMES[k]) for k in FORM_KEYS],
        "document_types": [(t, type_name(t) or t) for t in DOCUMENT_TYPES],
        "yes_no": ("是", "否"),
        "check_names": CHECK_NAMES,
        "field_label": field_label,
        "anchor": anchor,
    }


def _guide_or_404(ctx: Services, item_id: str) -> Guide:
    guide = ctx.store.get(item_id)
    if guide is None:
        raise PageNotFound(f"没有编号为 {item_id} 的事项（可能已被删除，可在修改历史中恢复）。")
    return guide


def _revision(ctx: Services, item_id: str) -> int | None:
    history = ctx.store.history(item_id)
    return history[0].revision if history else None


@router.get("/guides")
def guide_list(
    request: Request,
    ctx: Context,
    q: str = "",
    category: str = "",
    department: str = "",
    lint: str = "",
) -> Response:
    all_guides = ctx.store.list()
    departments = sorted({g.department for g in all_guides})
    needle = _fold(q.strip())
    rows = []
    for guide in all_guides:
        if category and guide.category != category:
            continue
        if department and guide.department != department:
            continue
        if needle:
            haystack = " ".join([guide.id, guide.name, guide.code or "", guide.department])
            if needle not in _fold(haystack + " " + " ".join(guide.aliases)):
                continue
        problems = lint_summary(guide)
        state = "error" if problems.errors else "warning" if problems.warnings else "ok"
        if lint and state != lint:
            continue
        rows.append({"guide": guide, "problems": problems, "state": state})
    return render(
        request,
        "admin/guides.html",
        {
            "rows": rows,
            "total": len(all_guides),
            "q": q,
            "category": category,
            "department": department,
            "lint": lint,
            "categories": CATEGORIES,
            "departments": departments,
            "lint_states": LINT_STATES,
        },
    )


@dataclass(frozen=True)
class BrokenBundle:
    """A bundle a refused change would break, with the lint errors it would get."""

    id: str
    title: str  # 开饭店一件事: the name without its inner quotes, to be quoted once
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Blocked:
    """Why a change was refused: ``what`` (此修改 / 删除此事项 / 恢复第 2 版) breaks ``bundles``."""

    what: str
    bundles: tuple[BrokenBundle, ...]
    outcome: str  # what became of the change: 尚未保存 / 未删除 / 未恢复
    advice: str  # what staff can do next


SAVE_ADVICE = "您填写的内容仍在下方表单中：可先修改上述一件事再保存，或撤回相关改动后保存。"
DELETE_ADVICE = "请先从上述一件事中移除此事项，再删除。"
RESTORE_ADVICE = "当前版本没有改变。可先修改上述一件事，使其不再用到此版本缺少的内容，再恢复。"


def _blocked(
    exc: PublishBlocked,
    store: Store,
    what: str,
    outcome: str = "尚未保存",
    advice: str = SAVE_ADVICE,
) -> Blocked:
    """The problems grouped by bundle, each named as staff know it.

    Each problem's file is ``一件事 <id>`` (the contract of :class:`PublishBlocked`).
    """
    by_bundle: dict[str, list[Problem]] = {}
    for problem in exc.problems:
        by_bundle.setdefault(problem.file.removeprefix("一件事 "), []).append(problem)
    bundles = []
    for bundle_id, problems in by_bundle.items():
        bundle = store.get_bundle(bundle_id)
        title = re.sub('[“”"]', "", bundle.name) if bundle else bundle_id
        bundles.append(BrokenBundle(bundle_id, title, tuple(problems)))
    return Blocked(what, tuple(bundles), outcome, advice)


def _edit_page(
    request: Request,
    form: dict,
    problems: Problems,
    guide: Guide | None,
    status: int = 200,
    conflict: str | None = None,
    note: str = "",
    blocked: Blocked | None = None,
) -> Response:
    return render(
        request,
        "admin/guide_edit.html",
        {
            "form": form,
            "problems": problems,
            "guide": guide,
            "creating": guide is None,
            "conflict": conflict,
            "blocked": blocked,
            "note": note,
            **_choices(),
        },
        status,
    )


@router.get("/guides/new")
def new_guide(request: Request) -> Response:
    return _edit_page(request, form_from_guide(None), Problems(), None)


@router.post("/guides/new")
async def create_guide(request: Request, ctx: Context, staff: CurrentStaff) -> Response:
    post = await request.form()
    form = form_from_post(post)
    note = str(post.get("note") or "").strip()
    allow_http = ctx.settings.allow_http_links
    guide, problems = check_guide(data_from_form(form), ctx.store, True, allow_http)
    if guide is None or problems.errors:
        return _edit_page(request, form, problems, None, 400, note=note)
    try:
        ctx.store.save(guide, staff.name, note or "新建事项")
    except PublishBlocked as exc:  # say, an id a bundle already uses
        blocked = _blocked(exc, ctx.store, "保存此事项")
        return _edit_page(request, form, problems, None, 409, note=note, blocked=blocked)
    await _published(request, ctx, staff, "guide.create", guide, problems, None, note)
    return redirect(f"/admin/guides/{guide.id}")


@router.get("/guides/{item_id}")
def edit_guide(request: Request, ctx: Context, item_id: str) -> Response:
    guide = _guide_or_404(ctx, item_id)
    form = form_from_guide(guide, _revision(ctx, item_id))
    return _edit_page(request, form, lint_summary(guide), guide)


@router.post("/guides/{item_id}")
async def save_guide(request: Request, ctx: Context, staff: CurrentStaff, item_id: str):
    original = _guide_or_404(ctx, item_id)
    post = await request.form()
    form = form_from_post(post)
    note = str(post.get("note") or "").strip()
    data = data_from_form(form, original)  # keeps the id: an existing item's never changes
    form["id"] = item_id
    guide, problems = check_guide(data, ctx.store, False, ctx.settings.allow_http_links)
    current = _revision(ctx, item_id)
    if form["revision"] and current is not None and form["revision"] != str(current):
        latest = ctx.store.history(item_id)[0]
        form["revision"] = str(current)
        conflict = (
            f"您编辑期间，{latest.changed_by} 已修改并保存了此事项（第 {current} 版）。"
            "请先在“修改历史”中查看对方的改动；再次点击“保存”将以您的内容覆盖。"
        )
        return _edit_page(request, form, problems, original, 409, conflict, note)
    if guide is None or problems.errors:
        return _edit_page(request, form, problems, original, 400, note=note)
    try:
        changed = ctx.store.save(guide, staff.name, note or None)
    except PublishBlocked as exc:
        blocked = _blocked(exc, ctx.store, "此修改")
        return _edit_page(request, form, problems, original, 409, note=note, blocked=blocked)
    if changed:
        await _published(request, ctx, staff, "guide.update", guide, problems, original, note)
    else:
        flash(request, "内容没有变化，未生成新版本。", "info")
    return redirect(f"/admin/guides/{item_id}")


async def _published(
    request: Request,
    ctx: Services,
    staff: Staff,
    action: str,
    guide: Guide,
    problems: Problems,
    before: Guide | None,
    note: str,
) -> None:
    detail = "改动：" + ("、".join(changed_parts(before, guide)) or "—")
    if note:
        detail += f"；说明：{note}"
    audit_log.record(ctx.db, staff.name, action, f"{guide.id} {guide.name}", detail)
    message = f"已保存“{guide.name}”，问答即时使用新内容。"
    if problems.warnings:
        message += f"另有 {len(problems.warnings)} 条质量提醒，见页面上方。"
    flash(request, message)
    if warning := await refresh_search(ctx):
        flash(request, warning, "error")


@router.get("/guides/{item_id}/yaml")
def guide_file(ctx: Context, item_id: str) -> Response:
    guide = _guide_or_404(ctx, item_id)
    return PlainTextResponse(
        guide_yaml(guide),
        media_type="application/x-yaml; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{guide.id}.yaml"'},
    )


@router.get("/guides/{item_id}/history")
def guide_history(request: Request, ctx: Context, item_id: str, rev: int | None = None):
    return _history_page(request, ctx, item_id, rev)


def _history_page(
    request: Request,
    ctx: Services,
    item_id: str,
    rev: int | None,
    blocked: Blocked | None = None,
    status: int = 200,
) -> Response:
    """The item's revisions with the diff of ``rev``; ``blocked``: why a restore was refused."""
    entries = ctx.store.history(item_id)
    if not entries:
        raise PageNotFound(f"事项 {item_id} 没有修改记录。")
    selected, previous = pick_revision(entries, rev)
    before = previous.guide if previous else None
    return render(
        request,
        "admin/guide_history.html",
        {
            "item_id": item_id,
            "name": next((e.guide.name for e in entries if e.guide), item_id),
            "entries": entries,
            "selected": selected,
            "previous": previous,
            "diff": yaml_diff(before, selected.guide),
            "parts": changed_parts(before, selected.guide),
            "current": entries[0].revision if entries[0].action != "delete" else None,
            "action_labels": ACTION_LABELS,
            "blocked": blocked,
        },
        status,
    )


@router.post("/guides/{item_id}/restore")
async def restore_guide(request: Request, ctx: Context, staff: CurrentStaff, item_id: str):
    form = await request.form()
    revision = str(form.get("revision") or "")
    if not revision.isdigit():
        raise PageNotFound("请选择要恢复的版本。")
    before = ctx.store.get(item_id)
    try:
        guide = ctx.store.restore(item_id, int(revision), staff.name)
    except ItemNotFound as exc:
        raise PageNotFound(str(exc)) from exc
    except PublishBlocked as exc:
        what = f"恢复第 {revision} 版"
        blocked = _blocked(exc, ctx.store, what, "未恢复", RESTORE_ADVICE)
        return _history_page(request, ctx, item_id, int(revision), blocked, 409)
    parts = "、".join(changed_parts(before, guide)) or "—"
    audit_log.record(
        ctx.db,
        staff.name,
        "guide.restore",
        f"{item_id} {guide.name}",
        f"恢复第 {revision} 版；{parts}",
    )
    flash(request, f"已恢复第 {revision} 版（记为新的一版）。")
    if warning := await refresh_search(ctx):
        flash(request, warning, "error")
    return redirect(f"/admin/guides/{item_id}/history")


@router.post("/guides/{item_id}/delete")
async def delete_guide(request: Request, ctx: Context, staff: CurrentStaff, item_id: str):
    if not staff.is_admin:
        raise Forbidden("只有管理员可以删除事项。")
    guide = _guide_or_404(ctx, item_id)
    form = await request.form()
    if form.get("confirm") != "yes":
        flash(request, "请勾选“确认删除”后再删除。", "error")
        return redirect(f"/admin/guides/{item_id}")
    try:
        ctx.store.delete(item_id, staff.name)
    except PublishBlocked as exc:
        form = form_from_guide(guide, _revision(ctx, item_id))
        blocked = _blocked(exc, ctx.store, "删除此事项", "未删除", DELETE_ADVICE)
        return _edit_page(request, form, lint_summary(guide), guide, 409, blocked=blocked)
    audit_log.record(ctx.db, staff.name, "guide.delete", f"{item_id} {guide.name}")
    flash(
        request,
        f"已删除“{guide.name}”。如需找回，可在修改历史中恢复：/admin/guides/{item_id}/history",
    )
    if warning := await refresh_search(ctx):
        flash(request, warning, "error")
    return redirect("/admin/guides")
