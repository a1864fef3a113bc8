"""The SQLite store of an index generation: reports, passages (with their tokens and vectors),
entities, figures, footnotes and tasks — plain tables users can query with sqlite3.

    sqlite3 idx/gen-00001/store.sqlite "select label, text from entities where label='AGENCY' limit 5"
"""

from __future__ import annotations

import json
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional, Sequence

import numpy as np

from nlp.errors import QueryError
from nlp.index.filters import Filters
from nlp.types import Hit, Passage, Report

SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, content_hash TEXT NOT NULL, number TEXT, issuer TEXT,
    place TEXT, date TEXT, title TEXT, period TEXT, period_start TEXT, period_end TEXT, ner TEXT,
    extract TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS passages (
    row INTEGER PRIMARY KEY, id TEXT NOT NULL, report TEXT NOT NULL, kind TEXT NOT NULL,
    section TEXT NOT NULL, headings TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, footnotes TEXT NOT NULL, footnote INTEGER, claim TEXT, tokens TEXT NOT NULL,
    vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS sentences (
    row INTEGER PRIMARY KEY, passage INTEGER NOT NULL, report TEXT NOT NULL, text TEXT NOT NULL,
    vector BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS entities (
    report TEXT NOT NULL, label TEXT NOT NULL, text TEXT NOT NULL, folded TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS figures (
    report TEXT NOT NULL, text TEXT NOT NULL, value REAL, unit TEXT, kind TEXT, scale INTEGER,
    direction TEXT, basis TEXT, indicator TEXT, period TEXT, qualifier TEXT, total REAL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, high REAL, indicator_start INTEGER, indicator_end INTEGER,
    period_span_start INTEGER, period_span_end INTEGER);
CREATE TABLE IF NOT EXISTS footnotes (
    report TEXT NOT NULL, id INTEGER NOT NULL, anchor INTEGER, line INTEGER, claim TEXT, body TEXT);
CREATE TABLE IF NOT EXISTS tasks (
    report TEXT NOT NULL, id TEXT NOT NULL, parent TEXT, label TEXT, heading TEXT, topics TEXT,
    agencies TEXT, text TEXT, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS passages_report ON passages(report);
CREATE INDEX IF NOT EXISTS sentences_report ON sentences(report);
CREATE INDEX IF NOT EXISTS entities_report ON entities(report, start);
CREATE INDEX IF NOT EXISTS entities_label ON entities(label, folded);
CREATE INDEX IF NOT EXISTS figures_report ON figures(report);
CREATE INDEX IF NOT EXISTS footnotes_report ON footnotes(report, id);
CREATE INDEX IF NOT EXISTS tasks_report ON tasks(report);
"""


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path)
        conn.executescript(SCHEMA)
        _add_figure_columns(conn)
    conn.row_factory = sqlite3.Row
    return conn


_FIGURE_COLUMNS = ("report", "text", "value", "unit", "kind", "scale", "direction", "basis", "indicator", "period",
                   "qualifier", "total", "start", '"end"', "high", "indicator_start", "indicator_end",
                   "period_span_start", "period_span_end")
_NEW_FIGURE_COLUMNS = {"high": "REAL", "indicator_start": "INTEGER", "indicator_end": "INTEGER",
                       "period_span_start": "INTEGER", "period_span_end": "INTEGER"}


def _add_figure_columns(conn: sqlite3.Connection) -> None:
    """A store copied from a generation built before the figure spans gets their columns (NULL
    for the reports it already holds)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(figures)")}
    for name, kind in _NEW_FIGURE_COLUMNS.items():
        if name not in have:
            conn.execute(f"ALTER TABLE figures ADD COLUMN {name} {kind}")


def _figure_row(report_id: str, f) -> tuple:
    """The indicator and period as their text and offsets (`period_span_*` are offsets into the
    report text; `reports.period_start` is a date)."""
    ind, per = f.indicator, f.period
    return (report_id, f.text, f.value, f.unit, f.kind, f.scale, f.direction, f.basis,
            ind.text if ind else None, per.text if per else None, f.qualifier, f.total, f.start, f.end, f.high,
            ind.start if ind else None, ind.end if ind else None, per.start if per else None,
            per.end if per else None)


def delete_report(conn: sqlite3.Connection, report_id: str) -> None:
    for table in ("passages", "sentences", "entities", "figures", "footnotes", "tasks"):
        conn.execute(f"DELETE FROM {table} WHERE report = ?", (report_id,))
    conn.execute("DELETE FROM reports WHERE id = ?", (report_id,))


def pack_extract(extract: dict) -> bytes:
    """The extract JSON, zlib-compressed (~8x smaller: it holds the whole text and every span)."""
    import zlib

    return zlib.compress(json.dumps(extract, ensure_ascii=False).encode("utf-8"), 6)


def unpack_extract(value: bytes | str) -> str:
    """The extract JSON text of a `reports.extract` value (plain text in indexes before 0.2)."""
    import zlib

    return zlib.decompress(value).decode("utf-8") if isinstance(value, (bytes, memoryview)) else value


def insert_report(conn: sqlite3.Connection, report: Report, passages: Sequence[Passage],
                  tokens: Sequence[Sequence[str]], vectors: np.ndarray, extract: dict, ner: str,
                  sentences: Sequence[tuple[int, str]] = (), sentence_vectors: Optional[np.ndarray] = None) -> None:
    """Write one analysed report, its passages (vectors float32, one row per passage) and the
    sentence vectors of its passages (`sentences`: (passage index, text), as `prepare.passage_sentences`)."""
    from nlp.index.sparse import fold

    period = report.period
    conn.execute(
        "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (report.id, report.source, report.content_hash, report.number, report.issuer, report.place,
         report.date, report.title, period.text if period else None, period.start if period else None,
         period.end if period else None, ner, pack_extract(extract)),
    )
    conn.executemany(
        'INSERT INTO passages (id, report, kind, section, headings, start, "end", text, footnotes, '
        "footnote, claim, tokens, vector) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(p.id, p.report, p.kind, p.section, json.dumps(p.headings, ensure_ascii=False), p.start, p.end,
          p.text, json.dumps(p.footnotes), p.footnote, p.claim, " ".join(t),
          np.asarray(v, dtype=np.float32).tobytes())
         for p, t, v in zip(passages, tokens, vectors)],
    )
    if len(sentences):
        # passage ids are unique within a report (span ids): map them to the rows just written
        row_of = dict(conn.execute("SELECT id, row FROM passages WHERE report = ?", (report.id,)).fetchall())
        conn.executemany("INSERT INTO sentences (passage, report, text, vector) VALUES (?,?,?,?)",
                         [(row_of[passages[n].id], report.id, text, np.asarray(v, dtype=np.float32).tobytes())
                          for (n, text), v in zip(sentences, sentence_vectors)])
    conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?)",
                     [(report.id, e.label, e.text, fold(e.text), e.start, e.end, e.source)
                      for e in report.entities])
    conn.executemany(f"INSERT INTO figures ({', '.join(_FIGURE_COLUMNS)}) VALUES ({', '.join('?' * len(_FIGURE_COLUMNS))})",
                     [_figure_row(report.id, f) for f in report.figures])
    conn.executemany("INSERT INTO footnotes VALUES (?,?,?,?,?,?)",
                     [(report.id, n.id, n.anchor, n.line, n.claim.text if n.claim else None,
                       n.body.text if n.body else None) for n in report.footnotes])
    conn.executemany("INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?)", list(_task_rows(report)))


def _task_rows(report: Report) -> Iterator[tuple]:
    stack = [(t, None) for t in report.tasks]
    while stack:
        task, parent = stack.pop()
        yield (report.id, task.id, parent, task.label, task.heading.text, json.dumps(task.topics),
               json.dumps(task.agencies, ensure_ascii=False), task.text, task.start, task.end)
        stack.extend((item, task.id) for item in task.items)


def iter_rows(conn: sqlite3.Connection, columns: str, batch: int = 4096) -> Iterator[sqlite3.Row]:
    """Passages in row order, streamed."""
    return _streamed(conn.execute(f"SELECT row, {columns} FROM passages ORDER BY row"), batch)


def iter_sentence_vectors(conn: sqlite3.Connection, batch: int = 4096) -> Iterator[sqlite3.Row]:
    """(passage, vector) of every sentence vector, in passage row order, streamed."""
    return _streamed(conn.execute("SELECT passage, vector FROM sentences ORDER BY passage, row"), batch)


def _streamed(cursor: sqlite3.Cursor, batch: int) -> Iterator[sqlite3.Row]:
    """A query's rows, `batch` at a time from SQLite, so a large index is never held whole."""
    while True:
        rows = cursor.fetchmany(batch)
        if not rows:
            return
        yield from rows


def filtered_rows(conn: sqlite3.Connection, filters: Filters) -> list[int]:
    """Passage rows that pass every filter given (an empty `Filters`: every row)."""
    from nlp.index.sparse import fold

    where, args = [], []
    if filters.report:
        where.append("(p.report = ? OR r.source = ? OR r.number = ?)")
        args += [filters.report] * 3
    if filters.section:
        where.append("(p.section = ? OR p.section LIKE ? ESCAPE '\\')")
        args += [filters.section, filters.section.replace("%", "\\%").replace("_", "\\_") + "/%"]
    if filters.kind:
        where.append("p.kind = ?")
        args.append(filters.kind)
    if filters.entity:
        where.append('EXISTS (SELECT 1 FROM entities e WHERE e.report = p.report AND e.start >= p.start '
                     'AND e."end" <= p."end" AND e.label = ? AND e.folded LIKE ?)')
        args += [filters.entity[0], f"%{fold(filters.entity[1])}%"]
    if filters.period:
        where.append("r.period_start <= ? AND r.period_end >= ?")
        args += [filters.period[1], filters.period[0]]
    sql = "SELECT p.row FROM passages p JOIN reports r ON r.id = p.report"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [row[0] for row in conn.execute(sql, args)]


def figure_dict(row: dict) -> dict:
    """What a hit's answer shows of a figure row: {start, end, text, value, unit, indicator}
    (`indicator`: the text of the noun phrase it measures, or None)."""
    return {"start": row["start"], "end": row["end"], "text": row["text"], "value": row["value"],
            "unit": row["unit"], "indicator": row.get("indicator")}


PASSAGE_CACHE = 4096  # passages kept ready to be hits (a generation's store never changes)


class ReportStore:
    """A generation's store opened read-only: what the search side reads besides the vectors
    and the BM25 files (the hits' fields, the reports and their extracts)."""

    def __init__(self, path: Path) -> None:
        self.conn = connect(path, readonly=True)
        # a server returns the same passages to many questions: read each once (per store)
        self._passage = lru_cache(maxsize=PASSAGE_CACHE)(self._read_passage)
        self._figures = lru_cache(maxsize=PASSAGE_CACHE)(self._read_figures)

    def rows(self, filters: Filters) -> list[int]:
        return filtered_rows(self.conn, filters)

    def hit(self, row: int, score: float, ranks: dict) -> Hit:
        """The `Hit` of passage `row`, with the bodies of the footnotes it carries."""
        (report, source, passage_id, kind, text, start, end, section, headings, notes, claim, title,
         date) = self._passage(int(row))
        return Hit(report, source, passage_id, kind, text, start, end, section, headings, score, ranks, notes,
                   claim, title, date)

    def _read_passage(self, row: int) -> tuple:
        p = self.conn.execute('SELECT p.*, r.source, r.title, r.date FROM passages p JOIN reports r '
                              "ON r.id = p.report WHERE p.row = ?", (row,)).fetchone()
        carried = json.loads(p["footnotes"])
        notes = ()
        if carried:
            marks = ",".join("?" * len(carried))
            notes = tuple({"id": n["id"], "anchor": n["anchor"], "body": n["body"]} for n in self.conn.execute(
                f"SELECT id, anchor, body FROM footnotes WHERE report = ? AND id IN ({marks}) ORDER BY id",
                (p["report"], *carried)))
        claim = {"footnote": p["footnote"], "text": p["claim"]} if p["footnote"] is not None else None
        return (p["report"], p["source"], p["id"], p["kind"], p["text"], p["start"], p["end"], p["section"],
                tuple(json.loads(p["headings"])), notes, claim, p["title"], p["date"])

    def figures_in(self, report: str, start: int, end: int) -> list[dict]:
        """The figures of `report` inside [start, end), in text order, as `figure_dict`s."""
        return [dict(figure) for figure in self._figures(report, start, end)]

    def _read_figures(self, report: str, start: int, end: int) -> tuple[dict, ...]:
        rows = self.conn.execute('SELECT * FROM figures WHERE report = ? AND start >= ? AND "end" <= ? '
                                 "ORDER BY start", (report, start, end))
        return tuple(figure_dict(dict(row)) for row in rows)

    def reports(self) -> list[dict]:
        """Every report with its header fields and passage count, by date."""
        rows = self.conn.execute(
            "SELECT r.id, r.source, r.number, r.issuer, r.place, r.date, r.title, r.period, "
            "(SELECT count(*) FROM passages p WHERE p.report = r.id) AS passages FROM reports r ORDER BY r.date, r.id")
        return [dict(row) for row in rows]

    def extract_json(self, report_id: str) -> str:
        """The extract JSON of one report (what `vnreport extract` prints for it)."""
        row = self.conn.execute("SELECT extract FROM reports WHERE id = ?", (report_id,)).fetchone()
        if row is None:
            raise QueryError("report", report_id, "unknown_report", "is not a report in this index")
        return unpack_extract(row["extract"])

    def close(self) -> None:
        self.conn.close()
