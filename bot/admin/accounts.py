"""Staff accounts: argon2 password hashes, roles and disabling (the login limit is
:mod:`bot.login_limit`).

Shared by the ``onetrip staff`` commands and the ``/admin/users`` pages; every
function takes a ``sessionmaker`` so that both use the same rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import sessionmaker

from bot.admin.tables import ROLES, StaffSessionRow, StaffUserRow
from knowledge.db import utcnow

MIN_PASSWORD = 8
_NAME = re.compile(r"^[^\s/\\<>\"'&]{1,64}$")

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the name is unknown, so a wrong name costs as long as a
    wrong password (no one can tell which names exist)."""
    return _hasher.hash("onetrip-no-such-user")


class AccountError(ValueError):
    """A request staff can correct (name taken, password too short); the message is Chinese."""


@dataclass(frozen=True)
class Staff:
    """The logged-in staff member, as routes and templates see it."""

    id: int
    name: str
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _staff(row: StaffUserRow) -> Staff:
    return Staff(row.id, row.name, row.role)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"密码至少 {MIN_PASSWORD} 位")


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError("角色只能是 editor（编辑）或 admin（管理员）")


def create_user(db: sessionmaker, name: str, role: str, password: str) -> Staff:
    name = name.strip()
    if not _NAME.match(name):
        raise AccountError("用户名为 1–64 个字符，不能含空格和 / \\ < > \" ' &")
    _check_role(role)
    check_password(password)
    with db.begin() as session:
        if session.scalar(select(StaffUserRow).where(StaffUserRow.name == name)):
            raise AccountError(f"用户名 {name} 已存在")
        row = StaffUserRow(
            name=name,
            role=role,
            password_hash=_hasher.hash(password),
            active=True,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        return _staff(row)


def list_users(db: sessionmaker) -> list[StaffUserRow]:
    with db() as session:
        return list(session.scalars(select(StaffUserRow).order_by(StaffUserRow.id)))


def get_user(db: sessionmaker, user_id: int) -> StaffUserRow | None:
    with db() as session:
        return session.get(StaffUserRow, user_id)


def _active_admins(session) -> int:
    query = select(func.count()).where(StaffUserRow.role == "admin", StaffUserRow.active)
    return session.scalar(query.select_from(StaffUserRow)) or 0


def set_role(db: sessionmaker, user_id: int, role: str) -> StaffUserRow:
    _check_role(role)
    with db.begin() as session:
        row = _require(session, user_id)
        if row.role == "admin" and role != "admin" and row.active and _active_admins(session) <= 1:
            raise AccountError("这是最后一个管理员，不能改为编辑")
        row.role = role
        return row


def set_active(db: sessionmaker, user_id: int, active: bool) -> StaffUserRow:
    """Disable or enable an account; disabling also ends its open sessions."""
    with db.begin() as session:
        row = _require(session, user_id)
        if not active and row.role == "admin" and row.active and _active_admins(session) <= 1:
            raise AccountError("这是最后一个管理员，不能停用")
        row.active = active
        if not active:
            session.execute(delete(StaffSessionRow).where(StaffSessionRow.user_id == user_id))
        return row


def set_password(db: sessionmaker, user_id: int, password: str) -> StaffUserRow:
    """Set a new password and end the account's other sessions."""
    check_password(password)
    with db.begin() as session:
        row = _require(session, user_id)
        row.password_hash = _hasher.hash(password)
        session.execute(delete(StaffSessionRow).where(StaffSessionRow.user_id == user_id))
        return row


def find_user(db: sessionmaker, name: str) -> StaffUserRow | None:
    with db() as session:
        return session.scalar(select(StaffUserRow).where(StaffUserRow.name == name.strip()))


def _require(session, user_id: int) -> StaffUserRow:
    row = session.get(StaffUserRow, user_id)
    if row is None:
        raise AccountError("没有这个用户")
    return row


def authenticate(db: sessionmaker, name: str, password: str) -> Staff | None:
    """The account when the name and password match an active account, else None."""
    with db.begin() as session:
        row = session.scalar(select(StaffUserRow).where(StaffUserRow.name == name.strip()))
        try:
            _hasher.verify(row.password_hash if row else _dummy_hash(), password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or not row.active:
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        row.last_login = utcnow()
        return _staff(row)
