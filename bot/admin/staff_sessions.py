"""Staff sessions and CSRF protection for the workbench.

The session cookie carries a random token signed with the app secret
(HttpOnly, SameSite=Lax, path ``/admin``); the database keeps only the
token's SHA-256, so logging out or disabling an account ends the session at
once on every app process. Nothing else identifies staff: a citizen's chat
session or mini-program bearer token is never looked at here.

Every form carries a CSRF token, an HMAC of the session token (or, on the
login page, of a random pre-login cookie); a POST without it is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from fastapi import Request, Response
from itsdangerous import BadSignature, TimestampSigner
from sqlalchemy import delete, select

from bot.admin.accounts import Staff
from bot.admin.tables import StaffSessionRow, StaffUserRow
from bot.deps import services_of
from bot.services import Services
from knowledge.db import utcnow

SESSION_COOKIE = "onetrip_admin"
LOGIN_COOKIE = "onetrip_admin_login"
COOKIE_PATH = "/admin"
SESSION_MAX_AGE = dt.timedelta(hours=12)  # absolute lifetime of a login
SESSION_IDLE = dt.timedelta(hours=2)  # ends after this long without a request
_TOUCH_EVERY = dt.timedelta(minutes=5)
CSRF_FIELD = "csrf_token"
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


class LoginRequired(Exception):
    """No valid staff session: the browser is sent to the login page."""


class Forbidden(Exception):
    """Logged in but not allowed, or a form without a valid CSRF token (403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _signer(ctx: Services) -> TimestampSigner:
    return TimestampSigner(ctx.secret, salt="onetrip.admin.session")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _secure(request: Request) -> bool:
    """Secure cookies when served over HTTPS, directly or behind a TLS proxy (public URL)."""
    public = services_of(request).settings.public_url
    return request.url.scheme == "https" or public.startswith("https://")


# -- sessions ----------------------------------------------------------------


def start_session(ctx: Services, staff: Staff, response: Response, request: Request) -> None:
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with ctx.db.begin() as session:
        session.add(
            StaffSessionRow(
                token_hash=_hash(token), user_id=staff.id, created_at=now, last_seen=now, flash=[]
            )
        )
    response.set_cookie(
        SESSION_COOKIE,
        _signer(ctx).sign(token).decode(),
        max_age=int(SESSION_MAX_AGE.total_seconds()),
        path=COOKIE_PATH,
        httponly=True,
        samesite="lax",
        secure=_secure(request),
    )
    response.delete_cookie(LOGIN_COOKIE, path=COOKIE_PATH)


def end_session(ctx: Services, request: Request, response: Response) -> None:
    token = getattr(request.state, "staff_token", None)
    if token:
        with ctx.db.begin() as session:
            session.execute(
                delete(StaffSessionRow).where(StaffSessionRow.token_hash == _hash(token))
            )
    response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)


def _session_token(ctx: Services, request: Request) -> str | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    try:
        max_age = int(SESSION_MAX_AGE.total_seconds())
        return _signer(ctx).unsign(raw, max_age=max_age).decode()
    except (BadSignature, UnicodeDecodeError):
        return None


def current_staff(request: Request) -> Staff | None:
    """The staff member of this request's session cookie, or None (cached per request)."""
    if hasattr(request.state, "staff"):
        return request.state.staff
    ctx = services_of(request)
    staff = None
    token = _session_token(ctx, request)
    if token:
        now = utcnow()
        with ctx.db.begin() as session:
            found = session.execute(
                select(StaffSessionRow, StaffUserRow)
                .join(StaffUserRow, StaffUserRow.id == StaffSessionRow.user_id)
                .where(StaffSessionRow.token_hash == _hash(token))
            ).first()
            if found is not None:
                row, user = found
                if not user.active or now - row.last_seen > SESSION_IDLE:
                    session.delete(row)
                else:
                    staff = Staff(user.id, user.name, user.role)
                    if now - row.last_seen > _TOUCH_EVERY:
                        row.last_seen = now
    request.state.staff = staff
    request.state.staff_token = token if staff else None
    return staff


def require_staff(request: Request) -> Staff:
    staff = current_staff(request)
    if staff is None:
        raise LoginRequired
    return staff


def require_admin(request: Request) -> Staff:
    staff = require_staff(request)
    if not staff.is_admin:
        raise Forbidden("此页面仅限管理员使用。如需权限，请联系本中心的系统管理员。")
    return staff


# -- flash messages (shown once on the next page) -------------------------------


def flash(request: Request, text: str, kind: str = "success") -> None:
    token = getattr(request.state, "staff_token", None)
    if not token:
        return
    with services_of(request).db.begin() as session:
        row = session.get(StaffSessionRow, _hash(token))
        if row is not None:
            row.flash = [*(row.flash or []), {"kind": kind, "text": text}]


def pop_flash(request: Request) -> list[dict]:
    token = getattr(request.state, "staff_token", None)
    if not token:
        return []
    with services_of(request).db.begin() as session:
        row = session.get(StaffSessionRow, _hash(token))
        if row is None or not row.flash:
            return []
        messages, row.flash = list(row.flash), []
        return messages


# -- CSRF ------------------------------------------------------------------------


def _csrf_seed(request: Request) -> str | None:
    current_staff(request)  # sets request.state.staff_token for a logged-in browser
    token = getattr(request.state, "staff_token", None)
    if token:
        return "session:" + token
    nonce = request.cookies.get(LOGIN_COOKIE) or getattr(request.state, "login_nonce", None)
    return "login:" + nonce if nonce else None


def prepare_login_nonce(request: Request) -> None:
    """Pick the random value a login form's token is bound to, for a browser without one."""
    if not request.cookies.get(LOGIN_COOKIE):
        request.state.login_nonce = secrets.token_urlsafe(24)


def set_login_nonce(request: Request, response: Response) -> None:
    nonce = getattr(request.state, "login_nonce", None)
    if nonce:
        response.set_cookie(
            LOGIN_COOKIE,
            nonce,
            path=COOKIE_PATH,
            httponly=True,
            samesite="lax",
            secure=_secure(request),
        )


def csrf_token(request: Request) -> str:
    seed = _csrf_seed(request)
    if seed is None:
        return ""
    secret = services_of(request).secret.encode()
    return hmac.new(secret, seed.encode(), hashlib.sha256).hexdigest()


async def csrf_guard(request: Request) -> None:
    """Refuse any state-changing request whose form lacks this browser's CSRF token."""
    if request.method not in _UNSAFE:
        return
    expected = csrf_token(request)
    sent = request.headers.get("x-csrf-token")
    if not sent:
        form = await request.form()
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else ""
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise Forbidden("表单已失效或来源无法确认（CSRF 校验失败）。请返回上一页，刷新后重新提交。")
