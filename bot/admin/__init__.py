"""The staff workbench (工作人员后台) at ``/admin``: server-rendered pages in Chinese.

Editors keep the service guides and work through unanswered questions and bad
ratings; admins also manage staff accounts and read the audit log. Include
:data:`router` in the app; the workbench's tables are created on first use.
"""

from fastapi import APIRouter

from bot.admin.routes import audit as _audit_page
from bot.admin.routes import auth as _auth
from bot.admin.routes import dashboard as _dashboard
from bot.admin.routes import guides as _guides
from bot.admin.routes import handoff as _handoff
from bot.admin.routes import questions as _questions
from bot.admin.routes import ratings as _ratings
from bot.admin.routes import static as _static
from bot.admin.routes import transfer as _transfer
from bot.admin.routes import users as _users

PREFIX = "/admin"
# The parts of the workbench, each a router of paths under PREFIX. (Page modules are
# imported under private names: ``bot.admin.audit`` stays the audit-log module.)
ROUTERS = tuple(
    m.router
    for m in (
        _static,
        _auth,
        _dashboard,
        _guides,
        _transfer,
        _questions,
        _ratings,
        _handoff,
        _users,
        _audit_page,
    )
)

router = APIRouter(include_in_schema=False)
for _part in ROUTERS:
    router.include_router(_part, prefix=PREFIX)

__all__ = ["PREFIX", "ROUTERS", "router"]
