"""Tables for analysts: entities, figures, footnotes, tasks and checks as rows, written as a
directory of CSV files (UTF-8 with BOM, so Excel reads Vietnamese) or one XLSX workbook.

Rows from several reports go into the same tables, told apart by the `report` and `source`
columns.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from types import SimpleNamespace
from typing import Iterable, Optional, Sequence

from nlp.fileio import atomic_write_bytes
from nlp.structure import innermost_section

TABLES = ("entities", "figures", "footnotes", "tasks", "checks")


def report_tables(extract: dict) -> dict[str, list[dict]]:
    """Flat rows per table from an extract object (`nlp.schema.report_to_dict`, or the JSON
    the index stores): ``report_tables(d)["figures"][0]["unit"] == "%"``."""
    where = _SectionFinder([SimpleNamespace(**s) for s in extract["sections"]])
    body_end = extract["body_end"]
    base = {"report": extract["report"]["id"], "source": extract["report"]["source"]}

    def located(span: dict) -> dict:
        return {"start": span["start"], "end": span["end"], "raw_start": span["raw_start"],
                "raw_end": span["raw_end"], "section": where.path(span["start"], body_end)}

    return {
        "entities": [{**base, "label": e["label"], "text": e["text"], "source_of_label": e["source"], **located(e)}
                     for e in extract["entities"]],
        "figures": [{**base, "text": f["text"], "value": f["value"], "unit": f["unit"], "kind": f["kind"],
                     "scale": f["scale"], "direction": f["direction"], "basis": f["basis"] or "",
                     **_figure_spans(f), "qualifier": f["qualifier"] or "",
                     "total": "" if f["total"] is None else f["total"], "high": _blank(f.get("high")),
                     "indicator_id": _blank(f.get("indicator_id")), "period_start": _blank(f.get("period_start")),
                     "period_end": _blank(f.get("period_end")), "period_kind": _blank(f.get("period_kind")),
                     **located(f)} for f in extract["figures"]],
        "footnotes": [{**base, "footnote": n["id"], "line": n["line"],
                       "claim": n["claim"]["text"] if n["claim"] else "", "body": n["body"]["text"] if n["body"] else "",
                       "anchor": "" if n["anchor"] is None else n["anchor"],
                       "section": where.path(n["anchor"], body_end) if n["anchor"] is not None else ""}
                      for n in extract["footnotes"]],
        "tasks": [row for t in extract["tasks"] for row in _task_rows(base, t, None)],
        "checks": [{**base, "footnote": c["footnote"], "claim": c["claim_figure"]["text"],
                    "claim_value": c["claim_figure"]["value"], "unit": c["unit"],
                    "parts": "; ".join(p["text"] for p in c["parts"]), "sum": c["sum"],
                    "difference": c["difference"], "status": c["status"]} for c in extract["checks"]],
    }


def _figure_spans(figure: dict) -> dict:
    """Indicator and period as text and offsets (`period_span_*`: offsets, not the dates a report's
    period has); an index built before schema 2 holds plain strings."""
    row = {}
    for name, prefix in (("indicator", "indicator"), ("period", "period_span")):
        value = figure[name]
        if isinstance(value, dict):
            row.update({name: value["text"], f"{prefix}_start": value["start"], f"{prefix}_end": value["end"]})
        else:
            row.update({name: value or "", f"{prefix}_start": "", f"{prefix}_end": ""})
    return row


def _blank(value) -> object:
    return "" if value is None else value


def merge_tables(many: Iterable[dict[str, list[dict]]]) -> dict[str, list[dict]]:
    merged: dict[str, list[dict]] = {name: [] for name in TABLES}
    for tables in many:
        for name in TABLES:
            merged[name].extend(tables[name])
    return merged


def csv_text(rows: Sequence[dict], name: str) -> str:
    """One table as CSV text (CRLF rows, formula-like cells kept as text)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_columns(rows, name), extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: _cell(v, "=+@") for k, v in row.items()} for row in rows)
    return buffer.getvalue()


def write_csv_dir(tables: dict[str, list[dict]], out_dir: str | Path) -> list[Path]:
    """One `<table>.csv` per table in `out_dir` (created), each written atomically, in the
    order of `tables`."""
    out = Path(out_dir)
    written = []
    for name in tables:
        path = out / f"{name}.csv"
        atomic_write_bytes(path, csv_text(tables[name], name).encode("utf-8-sig"))
        written.append(path)
    return written


def write_xlsx(tables: dict[str, list[dict]], path: str | Path) -> Path:
    """One workbook, a sheet per table, header row frozen and filterable."""
    from openpyxl import Workbook

    book = Workbook(write_only=False)
    book.remove(book.active)
    for name in tables:
        sheet = book.create_sheet(name)
        columns = _columns(tables[name], name)
        sheet.append(columns)
        for row in tables[name]:
            sheet.append([_cell(row.get(c, "")) for c in columns])
        sheet.freeze_panes = "A2"
        if tables[name]:
            sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write_bytes(path, buffer.getvalue())
    return Path(path)


_EMPTY_COLUMNS = {
    "entities": ["report", "source", "label", "text", "source_of_label", "start", "end", "raw_start",
                 "raw_end", "section"],
    "figures": ["report", "source", "text", "value", "unit", "kind", "scale", "direction", "basis",
                "indicator", "indicator_start", "indicator_end", "period", "period_span_start", "period_span_end",
                "qualifier", "total", "high", "indicator_id", "period_start", "period_end", "period_kind", "start", "end",
                "raw_start", "raw_end", "section"],
    "footnotes": ["report", "source", "footnote", "line", "claim", "body", "anchor", "section"],
    "tasks": ["report", "source", "id", "parent", "label", "heading", "topics", "agencies", "text", "start",
              "end"],
    "checks": ["report", "source", "footnote", "claim", "claim_value", "unit", "parts", "sum", "difference",
               "status"],
}


def _columns(rows: Sequence[dict], name: str) -> list[str]:
    return list(rows[0]) if rows else _EMPTY_COLUMNS.get(name, [])


def _cell(value, leading: str = "="):
    # Spreadsheets run text that starts like a formula; report text must stay text.
    if isinstance(value, str) and value and value[0] in leading:
        return "'" + value
    return value


def _task_rows(base: dict, task: dict, parent: Optional[str]) -> list[dict]:
    row = {**base, "id": task["id"], "parent": parent or "", "label": task["label"],
           "heading": task["heading"]["text"], "topics": "; ".join(task["topics"]),
           "agencies": "; ".join(task["agencies"]), "text": task["text"], "start": task["start"], "end": task["end"]}
    return [row] + [r for item in task["items"] for r in _task_rows(base, item, task["id"])]


class _SectionFinder:
    """The path ("I./1./a.") of the innermost section holding a position."""

    def __init__(self, sections: Sequence) -> None:
        self.sections = sorted(sections, key=lambda s: (s.start, -s.end))

    def path(self, pos: int, body_end: int) -> str:
        if pos >= body_end:
            return "footnotes"
        best = innermost_section(self.sections, pos)
        return "/".join(best.path) if best else ""


def summary_text(report) -> str:
    """`vnreport extract --format summary`: header, counts, checks and tasks of one report."""
    period = report.period.text if report.period else "-"
    lines = [
        f"{report.source}  id {report.id}",
        f"  number  {report.number or '-'}    date {report.date or '-'}    place {report.place or '-'}",
        f"  issuer  {report.issuer or '-'}",
        f"  title   {report.title or '-'}",
        f"  period  {period}",
        f"  {len(report.sections)} sections ({sum(s.level == 1 for s in report.sections)} top level), "
        f"{len(report.sentences)} sentences, {len(report.tokens)} words, "
        f"{len(report.footnotes)} footnotes, {len(report.tasks)} tasks, {len(report.warnings)} warnings",
        f"  {len(report.entities)} entities ({counts_text(e.label for e in report.entities)}), "
        f"{len(report.figures)} figures",
        f"  checks  {counts_text(c.status for c in report.checks) or '-'}",
    ]
    lines += [f"  task {t.label:<4} {t.heading.text[:90]}" for t in report.tasks]
    return "\n".join(lines)


def counts_text(values) -> str:
    """ "AGENCY 107, DATE 99": how often each value occurs, most frequent first."""
    from collections import Counter

    return ", ".join(f"{k} {n}" for k, n in Counter(values).most_common())
