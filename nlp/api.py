"""The REST API and the web page: thin routes over the `Index` facade.

    vnreport serve --index .vnreport/index        # http://127.0.0.1:8000, docs at /docs

No request names a file path: reports are addressed by id, tables by a fixed name. Every
error has one shape, `{"error": {"code", "message", "field"}}`, its message in Vietnamese
(the page shows it as it is).
"""

from __future__ import annotations

import json
import threading
from enum import Enum
from pathlib import Path
from typing import Any, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException

from nlp.errors import IndexMissingError, QueryError, VnreportError
from nlp.index.facets import KINDS, LABELS

STATIC = Path(__file__).parent / "static"
MAX_QUERY = 1000
MAX_K = 100
MAX_OFFSET = 1000
TABLES = ("entities", "figures", "footnotes", "tasks", "checks")
HIT_COLUMNS = ("rank", "score", "report", "number", "source", "kind", "section", "heading", "start", "end",
               "snippet", "answer", "text", "footnotes")
Kind = Enum("Kind", {kind: kind for kind in KINDS}, type=str)
Label = Enum("Label", {label: label for label in LABELS}, type=str)

# What each error code says to a Vietnamese reader; {value} and {field} are filled in.
MESSAGES = {
    "invalid_entity": 'Bộ lọc thực thể "{value}" không đúng dạng NHÃN:TÊN, ví dụ AGENCY:Sở Y tế.',
    "invalid_period": 'Kỳ "{value}" không đúng dạng NĂM, NĂM-THÁNG hoặc NĂM-Qn (ví dụ 2023, 2023-03, 2023-Q1).',
    "unknown_report": 'Không có báo cáo "{value}" trong chỉ mục.',
    "unknown_section": 'Không có mục "{value}" trong báo cáo nào của chỉ mục (mục viết như I./1. hoặc I./1).',
    "unknown_kind": 'Không có loại "{value}"; các loại: passage (đoạn văn), task (nhiệm vụ), '
                    "footnote (chú thích), table (bảng).",
    "unknown_label": 'Không có nhãn thực thể "{value}"; các nhãn: ' + ", ".join(LABELS) + ".",
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
_NOT_FOUND = ("unknown_report", "unknown_table")  # as a path: 404; as a query parameter: 422


class Error(BaseModel):
    code: str = Field(description="What is wrong, for programs: invalid_period, unknown_kind, …")
    message: str = Field(description="What is wrong, in Vietnamese, for the reader")
    field: Optional[str] = Field(description="The parameter that was wrong, if one was")


class ErrorBody(BaseModel):
    error: Error


class HitOut(BaseModel):
    model_config = ConfigDict(extra="allow")  # fields the library adds later pass through
    report: str = Field(description="Report id (12 hex)")
    source: str
    passage_id: str
    kind: Kind
    text: str = Field(description="The whole passage")
    start: int = Field(description="Offset of the passage in the report's text")
    end: int
    section: str = Field(description='Section path, e.g. "I./1./a."')
    headings: list[str]
    score: float
    ranks: dict[str, Optional[int]] = Field(description="1-based rank in each retriever (bm25, dense)")
    footnotes: list[dict] = Field(description="The footnotes the passage carries: {id, anchor (offset of the marker), body}")
    claim: Optional[dict] = Field(None, description="For a footnote body: the claim it backs {footnote, text}")
    title: Optional[str] = None
    date: Optional[str] = None
    snippet: Optional[Any] = Field(None, description="The best-matching sentence or two, as spans")
    answer: Optional[Any] = Field(None, description="For a quantity question: the figure answering it")


class NoticeOut(BaseModel):
    field: str
    value: str
    message: str = Field(description="Why the filter matches nothing, in Vietnamese")


class SearchOut(BaseModel):
    query: str
    total: int = Field(description="How many hits the question has under these filters")
    offset: int
    k: int
    filters: dict[str, Optional[str]] = Field(description="The filters as applied (a report as its id, …)")
    notices: list[NoticeOut] = Field(description="Filters that are well formed but match nothing")
    hits: list[HitOut]


class SearchParams:
    """The question, its page and its filters: the same for the results and their export."""

    def __init__(
        self,
        q: str = Query(..., min_length=1, max_length=MAX_QUERY, description="The question, with or without diacritics"),
        k: int = Query(10, ge=1, le=MAX_K, description="Hits per page"),
        offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Hits to skip (page × k)"),
        report: Optional[str] = Query(None, description="A report: its id, number (742/BC-SKHĐT) or file name"),
        section: Optional[str] = Query(None, description='A section path and what it holds: "I./3." or "I./3"'),
        kind: Optional[Kind] = Query(None, description="Only passages of this kind"),
        entity: Optional[str] = Query(None, description='Passages naming an entity, LABEL:NAME ("AGENCY:Sở Y tế")'),
        period: Optional[str] = Query(None, description="Reports whose period overlaps: 2023, 2023-03 or 2023-Q1"),
    ) -> None:
        self.q, self.k, self.offset = q, k, offset
        self.filters = {"report": report, "section": section, "kind": kind.value if kind else None,
                        "entity": entity, "period": period}


def create_app(index) -> FastAPI:
    """An app serving `index`: an `Index`, or the path of a local index directory (opened now).
    The index is refreshed when a build swaps in a new generation."""
    from fastapi_offline import FastAPIOffline

    from nlp.index.search import Index
    from nlp.version import __version__

    app = FastAPIOffline(title="vnreport", version=__version__,
                         description="Search Vietnamese government reports and read them with entities, figures, "
                                     "footnotes and tasks. Errors: `{\"error\": {\"code\", \"message\", \"field\"}}`, "
                                     "the message in Vietnamese.",
                         responses={422: {"model": ErrorBody, "description": "A parameter is wrong"}})
    holder = _Current(index if isinstance(index, Index) else Index.open(index))
    _error_handlers(app)
    _search_routes(app, holder)
    _report_routes(app, holder)
    _figure_routes(app, holder)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _search_routes(app: FastAPI, holder: "_Current") -> None:
    @app.get("/api/health")
    def health() -> dict:
        index = holder.get()
        return {"status": "ok", "index": {**index.counts(), "embedder": index.embedder_info["name"]}}

    @app.get("/api/search", response_model=SearchOut, summary="Search: one page of hits and their total")
    def search(params: SearchParams = Depends()) -> JSONResponse:
        # plain dicts of str/int/float/None: skip FastAPI's validation and per-field encoding (1 ms of 8)
        return JSONResponse(search_page(holder.get(), params))

    @app.get("/api/search.json", summary="The same as /api/search, as a file to save")
    def search_json(params: SearchParams = Depends()) -> Response:
        body = json.dumps(search_page(holder.get(), params), ensure_ascii=False, indent=1)
        return Response(body.encode("utf-8"), media_type="application/json",
                        headers={"Content-Disposition": 'attachment; filename="vnreport-search.json"'})

    @app.get("/api/search.csv", summary="The hits of /api/search as CSV (UTF-8 with BOM, for Excel)")
    def search_csv(params: SearchParams = Depends()) -> Response:
        from nlp.export import csv_text

        page = search_page(holder.get(), params)
        rows = hit_rows(page, {r["id"]: r["number"] for r in holder.get().reports()})
        text = csv_text(rows, "hits") if rows else ",".join(HIT_COLUMNS) + "\r\n"
        return Response(text.encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="vnreport-search.csv"'})

    @app.get("/api/facets", summary="The values each filter can take, with counts")
    def facets() -> dict:
        found = holder.get().facets().summary()
        return found | {"reports": [r | {"source": Path(r["source"]).name} for r in found["reports"]]}

    @app.get("/api/entities", summary="Entity names for autocomplete, most frequent first")
    def entities(label: Optional[Label] = Query(None, description="Only this label"),
                 prefix: str = Query("", max_length=200, description="The start of a word of the name, "
                                     "with or without diacritics"),
                 limit: int = Query(10, ge=1, le=50)) -> dict:
        found = holder.get().facets().entities(label.value if label else None, prefix, limit)
        return {"entities": found}


def search_page(index, params: SearchParams) -> dict:
    """One page of hits for `params`, its total, and the notices of filters matching nothing."""
    resolved = index.facets().resolve(**params.filters)
    hits, total = index.search_page(params.q, k=params.k, offset=params.offset, **resolved.filters())
    return {"query": params.q, "total": total, "offset": params.offset, "k": params.k,
            "filters": resolved.filters(), "notices": [{"field": n.field, "value": n.value, "message": n.message}
                                                        for n in resolved.notices],
            "hits": [h.to_dict() for h in hits]}


def hit_rows(page: dict, numbers: dict) -> list[dict]:
    """The hits of a search page as flat rows for CSV."""
    def text_of(span) -> str:
        if isinstance(span, list):
            return " … ".join(text_of(s) for s in span)
        return span.get("text", "") if isinstance(span, dict) else ""

    return [{"rank": page["offset"] + n, "score": h["score"], "report": h["report"],
             "number": numbers.get(h["report"]) or "", "source": h["source"], "kind": h["kind"],
             "section": h["section"], "heading": h["headings"][-1] if h["headings"] else "", "start": h["start"],
             "end": h["end"], "snippet": text_of(h.get("snippet")), "answer": text_of(h.get("answer")),
             "text": h["text"], "footnotes": " ".join(str(f["id"]) for f in h["footnotes"])}
            for n, h in enumerate(page["hits"], 1)]


def _figure_routes(app: FastAPI, holder: "_Current") -> None:
    from nlp.explore import explore, indicator_counts

    @app.get("/api/figures", summary="Figures of one indicator across reports, in period order, with the "
                                     "cross-report checks")
    def figures(indicator: Optional[str] = Query(None, description='An indicator id ("exports") or text naming one'),
                report: Optional[str] = Query(None, description="Report id, number or source path"),
                period: Optional[str] = Query(None, description="YYYY, YYYY-MM or YYYY-Qn"),
                limit: int = Query(500, ge=1, le=10_000)) -> JSONResponse:
        found = explore(holder.get(), indicator, report, period)
        # plain dicts of str/int/float: skip FastAPI's per-field encoding (a third of the time at 500 rows)
        return JSONResponse({"total": len(found.figures), "figures": [r.to_dict() for r in found.figures[:limit]],
                             "total_checks": len(found.cross_checks),
                             "cross_checks": sorted(found.cross_checks, key=_mismatch_first)[:limit]})

    @app.get("/api/indicators", summary="The indicator taxonomy with how many figures of the index name each")
    def indicators() -> dict:
        return {"indicators": indicator_counts(holder.get())}


def _mismatch_first(check: dict) -> tuple:
    return check["status"] != "mismatch", check["period_start"] or "", check["figure"]["report"]


def _report_routes(app: FastAPI, holder: "_Current") -> None:
    @app.get("/api/reports", summary="Every report in the index with its header fields")
    def reports() -> dict:
        return {"reports": [r | {"source": Path(r["source"]).name} for r in holder.get().reports()]}

    @app.get("/api/reports/{report_id}", summary="One report's extract: text, sections, entities, figures, …",
             responses={404: {"model": ErrorBody, "description": "No such report"}})
    def report(report_id: str) -> Response:
        return Response(content=holder.get().extract_json(report_id), media_type="application/json")

    @app.get("/api/reports/{report_id}/{table}.csv", summary="One table of a report as CSV",
             responses={404: {"model": ErrorBody, "description": "No such report or table"}})
    def report_table(report_id: str, table: str) -> Response:
        from nlp.export import csv_text, report_tables

        if table not in TABLES:
            raise QueryError("table", table, "unknown_table", f"is not one of {', '.join(TABLES)}")
        rows = report_tables(json.loads(holder.get().extract_json(report_id)))[table]
        return Response(content=csv_text(rows, table).encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{report_id}-{table}.csv"'})


def error_body(code: str, field: Optional[str] = None, value: object = None, detail: str = "") -> dict:
    """The one error shape: {"error": {"code", "message" (Vietnamese), "field"}}."""
    template = MESSAGES.get(code, MESSAGES["invalid"] if field else MESSAGES["error"])
    message = template.format(value="" if value is None else value, field=field or "", detail=detail)
    return {"error": {"code": code, "message": message, "field": field}}


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(VnreportError)
    def _library_error(request: Request, err: VnreportError) -> JSONResponse:
        if isinstance(err, QueryError):
            status = 404 if err.code in _NOT_FOUND and err.field not in request.query_params else 422
            return JSONResponse(status_code=status, content=error_body(err.code, err.field, err.value))
        status = 503 if isinstance(err, IndexMissingError) else 500
        return JSONResponse(status_code=status, content=error_body(err.code, detail=err.one_line()))

    @app.exception_handler(RequestValidationError)
    def _invalid_request(request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0]
        field = str(first["loc"][-1]) if first.get("loc") else None
        code = _VALIDATION_CODES.get(first.get("type", ""), "invalid")
        if first.get("type") == "enum" and f"unknown_{field}" in MESSAGES:
            code = f"unknown_{field}"
        return JSONResponse(status_code=422, content=error_body(code, field, first.get("input")))

    @app.exception_handler(HTTPException)
    def _http_error(request, err: HTTPException) -> JSONResponse:
        code = "not_found" if err.status_code == 404 else "error"
        return JSONResponse(status_code=err.status_code, content=error_body(code, detail=str(err.detail)))


class _Current:
    """The index being served, swapped for the next generation when a build publishes one."""

    def __init__(self, index) -> None:
        self._index = index
        self._seen: Optional[tuple] = None  # the first request reads the manifest
        self._lock = threading.Lock()

    def get(self):
        # a stat per request, the manifest read only when a build has replaced it
        stamp = _manifest_stamp(self._index)
        with self._lock:
            if stamp != self._seen:
                self._index, self._seen = self._index.refreshed(), stamp
            return self._index


def _manifest_stamp(index) -> Optional[tuple]:
    """When and what the index's manifest was last written as (a build swaps it atomically)."""
    from nlp.index.manifest import MANIFEST

    if getattr(index, "directory", None) is None:
        return None
    try:
        found = (Path(index.directory) / MANIFEST).stat()
    except OSError:
        return None
    return found.st_mtime_ns, found.st_ino, found.st_size
