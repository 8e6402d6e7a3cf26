"""Staff accounts (admin only): list, add, change role, disable or enable, reset password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from bot.admin import accounts, audit_log
from bot.admin.accounts import AccountError, Staff
from bot.admin.staff_sessions import csrf_guard, flash, require_admin
from bot.admin.tables import ROLE_LABELS, ROLES
from bot.admin.web import AdminRoute, PageNotFound, redirect, render
from bot.deps import get_services
from bot.services import Services

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_admin), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]
Admin = Annotated[Staff, Depends(require_admin)]


def _page(request: Request, ctx: Services, status: int = 200, **extra) -> Response:
    return render(
        request,
        "admin/users.html",
        {"users": accounts.list_users(ctx.db), "roles": ROLES, **extra},
        status,
    )


@router.get("/users")
def user_list(request: Request, ctx: Context) -> Response:
    return _page(request, ctx)


@router.post("/users")
async def add_user(request: Request, ctx: Context, admin: Admin) -> Response:
    form = await request.form()
    name, role = str(form.get("name") or ""), str(form.get("role") or "")
    password = str(form.get("password") or "")
    try:
        user = accounts.create_user(ctx.db, name, role, password)
    except AccountError as exc:
        return _page(request, ctx, 400, error=str(exc), new_name=name, new_role=role)
    audit_log.record(ctx.db, admin.name, "user.create", user.name, ROLE_LABELS[user.role])
    flash(request, f"已添加用户 {user.name}（{ROLE_LABELS[user.role]}）。")
    return redirect("/admin/users")


def _user(ctx: Services, user_id: int):
    user = accounts.get_user(ctx.db, user_id)
    if user is None:
        raise PageNotFound("没有这个用户。")
    return user


async def _change(request: Request, ctx: Services, admin: Staff, user_id: int, change):
    """Apply one account change; AccountError is shown on the users page."""
    user = _user(ctx, user_id)
    form = await request.form()
    try:
        action, detail, message = change(user, form)
    except AccountError as exc:
        return _page(request, ctx, 400, error=str(exc))
    audit_log.record(ctx.db, admin.name, action, user.name, detail)
    flash(request, message)
    return redirect("/admin/users")


@router.post("/users/{user_id}/role")
async def change_role(request: Request, ctx: Context, admin: Admin, user_id: int):
    def change(user, form):
        role = str(form.get("role") or "")
        accounts.set_role(ctx.db, user.id, role)
        label = ROLE_LABELS.get(role, role)
        return (
            "user.role",
            f"{ROLE_LABELS[user.role]} → {label}",
            f"{user.name} 的角色已改为{label}。",
        )

    return await _change(request, ctx, admin, user_id, change)


@router.post("/users/{user_id}/active")
async def change_active(request: Request, ctx: Context, admin: Admin, user_id: int):
    def change(user, form):
        active = form.get("active") == "yes"
        if not active and user.id == admin.id:
            raise AccountError("不能停用自己的账号")
        accounts.set_active(ctx.db, user.id, active)
        if active:
            return "user.enable", "", f"已启用 {user.name}。"
        return "user.disable", "", f"已停用 {user.name}，其登录已失效。"

    return await _change(request, ctx, admin, user_id, change)


@router.post("/users/{user_id}/password")
async def reset_password(request: Request, ctx: Context, admin: Admin, user_id: int):
    def change(user, form):
        accounts.set_password(ctx.db, user.id, str(form.get("password") or ""))
        return "user.password", "管理员重置", f"已重置 {user.name} 的密码，请当面告知本人。"

    return await _change(request, ctx, admin, user_id, change)
