"""Import guides from uploaded YAML files or a zip; export all guides as a zip."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from bot.admin import audit_log
from bot.admin.accounts import Staff
from bot.admin.guide_files import MAX_UPLOAD, export_zip, import_uploads
from bot.admin.publish import refresh_search
from bot.admin.staff_sessions import csrf_guard, require_staff
from bot.admin.web import AdminRoute, render
from bot.deps import get_services
from bot.services import Services

router = APIRouter(
    route_class=AdminRoute, dependencies=[Depends(require_staff), Depends(csrf_guard)]
)
Context = Annotated[Services, Depends(get_services)]


@router.get("/transfer")
def transfer_page(request: Request, ctx: Context) -> Response:
    return render(request, "admin/transfer.html", {"count": ctx.store.count()})


@router.post("/transfer/import")
async def import_files(
    request: Request, ctx: Context, staff: Annotated[Staff, Depends(require_staff)]
) -> Response:
    form = await request.form()
    uploads: list[tuple[str, bytes]] = []
    total = 0
    for value in form.getlist("files"):
        if isinstance(value, UploadFile) and value.filename:
            data = await value.read(MAX_UPLOAD + 1 - total)
            total += len(data)
            uploads.append((value.filename, data))
    strict = form.get("strict") == "yes"
    allow_http = ctx.settings.allow_http_links
    result = await run_in_threadpool(
        import_uploads, ctx.store, uploads, staff.name, strict, allow_http
    )
    index_warning = None
    if result.counts is not None:
        counts = result.counts
        audit_log.record(
            ctx.db,
            staff.name,
            "guide.import",
            f"{result.files} 个文件",
            f"新增 {counts.added}，修改 {counts.changed}，未变 {counts.unchanged}："
            + "、".join(result.ids[:50]),
        )
        index_warning = await refresh_search(ctx)
    status = 200 if result.counts is not None else 400
    return render(
        request,
        "admin/transfer.html",
        {"count": ctx.store.count(), "result": result, "index_warning": index_warning},
        status,
    )


@router.get("/transfer/export.zip")
def export_files(ctx: Context) -> Response:
    stamp = dt.date.today().strftime("%Y%m%d")
    return Response(
        export_zip(ctx.store),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="onetrip-guides-{stamp}.zip"'},
    )
