"""The audit log (操作日志): every change staff make, who made it and when."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from bot.admin.tables import AuditRow
from knowledge.db import utcnow

# Action codes stored in the table and their labels on the audit page.
ACTIONS = {
    "login": "登录",
    "logout": "退出",
    "guide.create": "新建事项",
    "guide.update": "修改事项",
    "guide.restore": "恢复历史版本",
    "guide.delete": "删除事项",
    "guide.import": "导入指南",
    "bundle.create": "新建一件事",
    "bundle.update": "修改一件事",
    "bundle.delete": "删除一件事",
    "question.attach": "未答问题加为相似问法",
    "question.dismiss": "忽略未答问题",
    "question.reopen": "恢复未答问题",
    "rating.follow_up": "差评回访整改",
    "handoff.done": "人工服务已处理",
    "citizen.export": "导出个人信息",
    "citizen.delete": "删除个人信息",
    "user.create": "新建用户",
    "user.role": "修改角色",
    "user.disable": "停用用户",
    "user.enable": "启用用户",
    "user.password": "重置密码",
}


def record(db: sessionmaker, actor: str, action: str, target: str, detail: str = "") -> None:
    with db.begin() as session:
        session.add(
            AuditRow(
                at=utcnow(),
                actor=actor,
                action=action,
                target=target[:200],
                detail=detail or None,
            )
        )


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    page: int
    pages: int


def entries(
    db: sessionmaker,
    actor: str | None = None,
    action: str | None = None,
    page: int = 1,
    per_page: int = 50,
) -> AuditPage:
    query = select(AuditRow)
    if actor:
        query = query.where(AuditRow.actor == actor)
    if action:
        query = query.where(AuditRow.action == action)
    with db() as session:
        total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
        pages = max(1, -(-total // per_page))
        page = min(max(1, page), pages)
        rows = session.scalars(
            query.order_by(AuditRow.id.desc()).offset((page - 1) * per_page).limit(per_page)
        )
        return AuditPage(list(rows), total, page, pages)


def actors(db: sessionmaker) -> list[str]:
    with db() as session:
        return list(session.scalars(select(AuditRow.actor).distinct().order_by(AuditRow.actor)))
