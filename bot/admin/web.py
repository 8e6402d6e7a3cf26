"""Rendering for the workbench: the Jinja2 templates, page context, and error pages.

:class:`AdminRoute` turns the workbench's own exceptions into what a browser
should see: the login page for an anonymous visitor, a Chinese 403 page for a
forbidden action or a failed CSRF check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates

from bot.admin.staff_sessions import Forbidden, LoginRequired, csrf_token, current_staff, pop_flash
from bot.admin.tables import ROLE_LABELS
from bot.deps import services_of
from knowledge import PublishBlocked

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent.parent / "static" / "admin"
CHINA = dt.timezone(dt.timedelta(hours=8))  # China Standard Time, no daylight saving

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
# Pages hold staff data (no caching), load only our own script, and are never framed.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
}


def local_time(value: dt.datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """Stored naive-UTC times shown in Beijing time, as staff read their clocks."""
    if value is None:
        return "—"
    return value.replace(tzinfo=dt.UTC).astimezone(CHINA).strftime(fmt)


templates.env.filters["local"] = local_time
templates.env.filters["role_label"] = lambda role: ROLE_LABELS.get(role, role)
templates.env.globals["static_version"] = str(
    int(max(p.stat().st_mtime for p in STATIC_DIR.iterdir())) if STATIC_DIR.exists() else 0
)


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    """A page with the common context: the staff member, CSRF token, flash messages."""
    page = {
        "centre": services_of(request).settings.centre_name,
        "staff": current_staff(request),
        "csrf_token": csrf_token(request),
        "flashes": pop_flash(request) if getattr(request.state, "staff", None) else [],
        "path": request.url.path,
        **(context or {}),
    }
    response = templates.TemplateResponse(request, name, page, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    return response


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path
    if request.url.query and request.method == "GET":
        target += "?" + request.url.query
    return redirect(f"/admin/login?next={quote(target, safe='')}")


class PageNotFound(Exception):
    """A workbench page about something that does not exist (404, in Chinese)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def blocked_message(exc: PublishBlocked) -> str:
    """Why a change of guides was not saved: the 一件事 bundles it would break."""
    return (
        "未保存：此修改会使一件事出错（"
        + "；".join(map(str, exc.problems))
        + "）。请先在“一件事”中修改相关的一件事，再保存此修改。"
    )


class AdminRoute(APIRoute):
    """Routes whose auth failures render workbench pages instead of JSON errors, and whose
    changes refused for breaking a 一件事 bundle say which one and why."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def route(request: Request) -> Response:
            try:
                return await handler(request)
            except LoginRequired:
                return login_redirect(request)
            except Forbidden as exc:
                return render(request, "admin/error.html", {"message": exc.message}, 403)
            except PageNotFound as exc:
                return render(request, "admin/error.html", {"message": exc.message}, 404)
            except PublishBlocked as exc:
                return render(request, "admin/error.html", {"message": blocked_message(exc)}, 409)

        return route
