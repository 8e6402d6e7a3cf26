"""Import guides and 一件事 bundles from uploaded YAML files or a zip; export both as a zip."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from bot.admin import audit_log
from bot.admin.accounts import Staff
from bot.admin.kb_transfer import MAX_UPLOAD, export_zip, import_uploads
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
    return render(request, "admin/transfer.html", _counts(ctx))


def _counts(ctx: Services) -> dict[str, int]:
    """What an export would hold, shown beside its button."""
    return {"count": ctx.store.count(), "bundle_count": len(ctx.store.list_bundles())}


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
        counts, bundles = result.counts, result.bundle_counts
        audit_log.record(
            ctx.db,
            staff.name,
            "guide.import",
            f"{result.files} 个文件",
            f"事项新增 {counts.added}，修改 {counts.changed}，未变 {counts.unchanged}；"
            f"一件事新增 {bundles.added}，修改 {bundles.changed}，未变 {bundles.unchanged}："
            + "、".join((result.ids + result.bundle_ids)[:50]),
        )
        index_warning = await refresh_search(ctx)
    status = 200 if result.counts is not None else 400
    return render(
        request,
        "admin/transfer.html",
        {**_counts(ctx), "result": result, "index_warning": index_warning},
        status,
    )


@router.get("/transfer/export.zip")
def export_files(ctx: Context) -> Response:
    stamp = dt.date.today().strftime("%Y%m%d")
    return Response(
        export_zip(ctx.store),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="onetrip-kb-{stamp}.zip"'},
    )
