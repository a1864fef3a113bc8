"""The REST API and the web page: thin routes over `Index` and the store.

    vnreport serve --index .vnreport/index        # http://127.0.0.1:8000, docs at /docs

No request names a file path: reports are addressed by id, tables by a fixed name.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Optional

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from nlp.errors import VnreportError

STATIC = Path(__file__).parent / "static"
MAX_QUERY = 1000
MAX_K = 100
TABLES = ("entities", "figures", "footnotes", "tasks", "checks")


def create_app(index_dir: str | Path, searcher=None) -> FastAPI:
    """An app serving the index in `index_dir` (opened lazily, reopened when a build swaps it).
    `searcher` (a `MilvusIndex`) answers search and health instead; report pages still come
    from the local store."""
    from nlp import __version__

    app = FastAPI(title="vnreport", version=__version__,
                  description="Search Vietnamese government reports and read them with entities, "
                              "figures, footnotes and tasks.")
    holder = _IndexHolder(Path(index_dir))

    @app.exception_handler(VnreportError)
    def _library_error(request, err: VnreportError):
        return JSONResponse(status_code=400, content={"error": err.one_line()})

    @app.get("/api/health")
    def health() -> dict:
        index = searcher or holder.get()
        return {"status": "ok", "index": {"reports": index.manifest["counts"]["reports"],
                                          "passages": len(index), "embedder": index.manifest["embedder"]["name"]}}

    @app.get("/api/search")
    def search(q: str = Query(..., min_length=1, max_length=MAX_QUERY), k: int = Query(10, ge=1, le=MAX_K),
               report: Optional[str] = None, section: Optional[str] = None, kind: Optional[str] = None,
               entity: Optional[str] = None, period: Optional[str] = None) -> dict:
        hits = (searcher or holder.get()).search(q, k=k, report=report, section=section, kind=kind, entity=entity, period=period)
        return {"query": q, "hits": [h.to_dict() for h in hits]}

    @app.get("/api/reports")
    def reports() -> dict:
        rows = holder.get()._conn.execute(
            "SELECT r.id, r.source, r.number, r.issuer, r.place, r.date, r.title, r.period, "
            "(SELECT count(*) FROM passages p WHERE p.report = r.id) AS passages FROM reports r ORDER BY r.date, r.id")
        return {"reports": [dict(row) | {"source": Path(row["source"]).name} for row in rows]}

    @app.get("/api/reports/{report_id}")
    def report(report_id: str) -> Response:
        return Response(content=_extract_json(holder, report_id), media_type="application/json")

    @app.get("/api/reports/{report_id}/{table}.csv")
    def report_table(report_id: str, table: str) -> Response:
        from nlp.export import csv_text, report_tables

        if table not in TABLES:
            raise HTTPException(status_code=404, detail=f"no table '{table}'; tables: {', '.join(TABLES)}")
        rows = report_tables(json.loads(_extract_json(holder, report_id)))[table]
        return Response(content=csv_text(rows, table).encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{report_id}-{table}.csv"'})

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _extract_json(holder: "_IndexHolder", report_id: str) -> str:
    row = holder.get()._conn.execute("SELECT extract FROM reports WHERE id = ?", (report_id,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail=f"no report '{report_id}'")
    from nlp.index.store import unpack_extract

    return unpack_extract(row["extract"])


class _IndexHolder:
    """The open index; reopened when the manifest names a newer generation."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._index = None
        self._lock = threading.Lock()

    def get(self):
        from nlp.index.build import read_manifest
        from nlp.index.search import Index

        with self._lock:
            manifest = read_manifest(self.directory)
            if manifest is None:
                raise VnreportError(self.directory, "no index here", "build one: vnreport build PATH --index DIR")
            if self._index is None or self._index.manifest["generation"] != manifest["generation"]:
                fresh = Index.open(self.directory)
                if self._index is not None:
                    fresh._embedder = self._index._embedder  # keep the loaded model
                self._index = fresh
            return self._index
