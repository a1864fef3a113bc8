"""The REST API and the web page: thin routes over the `Index` facade.

    vnreport serve --index .vnreport/index        # http://127.0.0.1:8000, docs at /docs

No request names a file path: reports are addressed by id, tables by a fixed name. Every
error has one shape, `{"error": {"code", "message", "field"}}`, its message in Vietnamese
(the page shows it as it is).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from nlp.errors import IndexMissingError, QueryError, VnreportError

STATIC = Path(__file__).parent / "static"
MAX_QUERY = 1000
MAX_K = 100
TABLES = ("entities", "figures", "footnotes", "tasks", "checks")

# What each error code says to a Vietnamese reader; {value} and {field} are filled in.
MESSAGES = {
    "invalid_entity": 'Bộ lọc thực thể "{value}" không đúng dạng NHÃN:TÊN, ví dụ AGENCY:Sở Y tế.',
    "invalid_period": 'Kỳ "{value}" không đúng dạng NĂM, NĂM-THÁNG hoặc NĂM-Qn (ví dụ 2023, 2023-03, 2023-Q1).',
    "unknown_report": 'Không có báo cáo "{value}" trong chỉ mục.',
    "unknown_table": 'Không có bảng "{value}"; các bảng: ' + ", ".join(TABLES) + ".",
    "no_index": "Chưa có chỉ mục: hãy xây dựng chỉ mục trước (vnreport build).",
    "embedder_mismatch": "Mô hình nhúng của chỉ mục không khớp với mô hình đang cài; hãy xây dựng lại chỉ mục.",
    "missing": 'Thiếu tham số "{field}".',
    "too_long": 'Tham số "{field}" dài quá giới hạn.',
    "too_short": 'Tham số "{field}" không được để trống.',
    "out_of_range": 'Tham số "{field}" nằm ngoài khoảng cho phép.',
    "invalid": 'Giá trị "{value}" của tham số "{field}" không hợp lệ.',
    "not_found": "Không tìm thấy trang hoặc tài nguyên này.",
    "error": "Lỗi máy chủ: {detail}",
}
_VALIDATION_CODES = {"missing": "missing", "string_too_long": "too_long", "string_too_short": "too_short",
                     "less_than_equal": "out_of_range", "greater_than_equal": "out_of_range"}


def create_app(index) -> FastAPI:
    """An app serving `index`: an `Index`, or the path of a local index directory (opened now).
    The index is refreshed when a build swaps in a new generation."""
    from nlp.version import __version__
    from nlp.index.search import Index

    app = FastAPI(title="vnreport", version=__version__,
                  description="Search Vietnamese government reports and read them with entities, "
                              "figures, footnotes and tasks.")
    holder = _Current(index if isinstance(index, Index) else Index.open(index))
    _error_handlers(app)

    @app.get("/api/health")
    def health() -> dict:
        index = holder.get()
        return {"status": "ok", "index": {**index.counts(), "embedder": index.embedder_info["name"]}}

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=1, max_length=MAX_QUERY), k: int = Query(10, ge=1, le=MAX_K),
               report: Optional[str] = None, section: Optional[str] = None, kind: Optional[str] = None,
               entity: Optional[str] = None, period: Optional[str] = None) -> dict:
        hits = holder.get().search(q, k=k, report=report, section=section, kind=kind, entity=entity, period=period)
        return {"query": q, "hits": [h.to_dict() for h in hits]}

    @app.get("/api/reports")
    def reports() -> dict:
        return {"reports": [r | {"source": Path(r["source"]).name} for r in holder.get().reports()]}

    @app.get("/api/reports/{report_id}")
    def report(report_id: str) -> Response:
        return Response(content=holder.get().extract_json(report_id), media_type="application/json")

    @app.get("/api/reports/{report_id}/{table}.csv")
    def report_table(report_id: str, table: str) -> Response:
        from nlp.export import csv_text, report_tables

        if table not in TABLES:
            raise QueryError("table", table, "unknown_table", f"is not one of {', '.join(TABLES)}")
        rows = report_tables(json.loads(holder.get().extract_json(report_id)))[table]
        return Response(content=csv_text(rows, table).encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{report_id}-{table}.csv"'})

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def error_body(code: str, field: Optional[str] = None, value: object = None, detail: str = "") -> dict:
    """The one error shape: {"error": {"code", "message" (Vietnamese), "field"}}."""
    template = MESSAGES.get(code, MESSAGES["invalid"] if field else MESSAGES["error"])
    message = template.format(value="" if value is None else value, field=field or "", detail=detail)
    return {"error": {"code": code, "message": message, "field": field}}


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VnreportError)
    def _library_error(request, err: VnreportError) -> JSONResponse:
        if isinstance(err, QueryError):
            status = 404 if err.code in ("unknown_report", "unknown_table") else 422
            return JSONResponse(status_code=status, content=error_body(err.code, err.field, err.value))
        status = 503 if isinstance(err, IndexMissingError) else 500
        return JSONResponse(status_code=status, content=error_body(err.code, detail=err.one_line()))

    @app.exception_handler(RequestValidationError)
    def _invalid_request(request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0]
        field = str(first["loc"][-1]) if first.get("loc") else None
        code = _VALIDATION_CODES.get(first.get("type", ""), "invalid")
        return JSONResponse(status_code=422, content=error_body(code, field, first.get("input")))

    @app.exception_handler(HTTPException)
    def _http_error(request, err: HTTPException) -> JSONResponse:
        code = "not_found" if err.status_code == 404 else "error"
        return JSONResponse(status_code=err.status_code, content=error_body(code, detail=str(err.detail)))


class _Current:
    """The index being served, swapped for the next generation when a build publishes one."""

    def __init__(self, index) -> None:
        self._index = index
        self._lock = threading.Lock()

    def get(self):
        with self._lock:
            self._index = self._index.refreshed()
            return self._index
