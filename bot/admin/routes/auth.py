"""Login, logout and changing one's own password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool

from bot.admin import accounts, audit_log
from bot.admin.accounts import AccountError, Staff
from bot.admin.staff_sessions import (
    csrf_guard,
    current_staff,
    end_session,
    prepare_login_nonce,
    require_staff,
    set_login_nonce,
    start_session,
)
from bot.admin.web import AdminRoute, redirect, render
from bot.deps import client_address, get_services
from bot.services import Services

router = APIRouter(route_class=AdminRoute, dependencies=[Depends(csrf_guard)])
Context = Annotated[Services, Depends(get_services)]

TOO_MANY = "登录尝试次数过多，为保护账号安全已暂停登录，请 15 分钟后再试。"
WRONG = "用户名或密码不正确，或账号已停用。"


def _safe_next(target: str | None) -> str:
    """Only workbench paths on this site (never ``//evil`` or a full URL)."""
    if target and target.startswith("/admin") and not target.startswith("//"):
        return target
    return "/admin"


def _login_page(request: Request, status: int = 200, **context) -> Response:
    prepare_login_nonce(request)
    response = render(request, "admin/login.html", context, status)
    set_login_nonce(request, response)
    return response


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    if current_staff(request):
        return redirect(_safe_next(next))
    return _login_page(request, next=_safe_next(next))


@router.post("/login")
async def login(request: Request, ctx: Context) -> Response:
    form = await request.form()
    name = str(form.get("name") or "").strip()
    password = str(form.get("password") or "")
    target = _safe_next(str(form.get("next") or ""))
    ip = client_address(request)
    # The attempt is counted before the (slow) hash, in one atomic statement per counter:
    # a burst of simultaneous guesses gets no more password checks than one at a time.
    if not await run_in_threadpool(ctx.login_limiter.take, name, ip):
        return _login_page(request, 429, error=TOO_MANY, name=name, next=target)
    staff = None
    if name and password:  # argon2 takes a moment: keep the event loop free
        staff = await run_in_threadpool(accounts.authenticate, ctx.db, name, password)
    if staff is None:
        return _login_page(request, 401, error=WRONG, name=name, next=target)
    await run_in_threadpool(ctx.login_limiter.succeeded, name, ip)
    response = redirect(target)
    start_session(ctx, staff, response, request)
    audit_log.record(ctx.db, staff.name, "login", staff.name, f"来自 {ip}")
    return response


@router.post("/logout")
def logout(request: Request, ctx: Context, staff: Annotated[Staff, Depends(require_staff)]):
    response = redirect("/admin/login")
    end_session(ctx, request, response)
    audit_log.record(ctx.db, staff.name, "logout", staff.name)
    return response


@router.get("/account")
def account_page(request: Request, staff: Annotated[Staff, Depends(require_staff)]) -> Response:
    return render(request, "admin/account.html")


@router.post("/account")
async def change_password(
    request: Request, ctx: Context, staff: Annotated[Staff, Depends(require_staff)]
) -> Response:
    form = await request.form()
    current, new, again = (str(form.get(k) or "") for k in ("current", "new", "again"))
    error = None
    if await run_in_threadpool(accounts.authenticate, ctx.db, staff.name, current) is None:
        error = "当前密码不正确"
    elif new != again:
        error = "两次输入的新密码不一致"
    else:
        try:
            accounts.set_password(ctx.db, staff.id, new)
        except AccountError as exc:
            error = str(exc)
    if error:
        return render(request, "admin/account.html", {"error": error}, 400)
    audit_log.record(ctx.db, staff.name, "user.password", staff.name, "修改本人密码")
    response = redirect("/admin/login?changed=1")
    end_session(ctx, request, response)
    return response
