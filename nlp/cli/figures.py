"""`vnreport figures`: one indicator across reports and periods, with citations and the checks
that compare reports (the figure explorer)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from nlp.cli.common import DEFAULT_INDEX, Backend, IndexOpt, app, cli_errors, open_index
from nlp.errors import VnreportError


class FiguresFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


COLUMNS = ("report", "number", "issuer", "place", "period_start", "period_end", "period_kind", "indicator_id",
           "indicator", "value", "unit", "direction", "basis", "text", "section", "start", "end", "sentence")


@app.command("figures")
def figures_cli(
    index: IndexOpt = DEFAULT_INDEX,
    indicator: Optional[str] = typer.Option(None, "--indicator", help='An indicator id ("retail-sales"; '
                                            "`--indicator list` lists them) or text naming one."),
    report: Optional[str] = typer.Option(None, "--report", help="Report id, number or source path."),
    period: Optional[str] = typer.Option(None, "--period", help="YYYY, YYYY-MM or YYYY-Qn: the figure's period overlaps it."),
    format: FiguresFormat = typer.Option(FiguresFormat.table, "--format", "-f", help="table, json, csv or xlsx."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write here: a file (json, xlsx) or a directory "
                                       "(csv: figures.csv and cross_checks.csv)."),
) -> None:
    """Figures of one indicator across reports, in period order, each citing its sentence; and
    the cross-report checks (a 3-month total against its months, one period reported twice)."""
    from nlp.explore import explore, indicator_counts

    with cli_errors():
        opened = open_index(Backend.local, index, "", "")
        if indicator == "list":
            _print_indicators(indicator_counts(opened))
            return
        found = explore(opened, indicator=indicator, report=report, period=period)
        rows = [{c: getattr(r, c) for c in COLUMNS} for r in found.figures]
        checks = [_check_row(c) for c in found.cross_checks]
        _write(rows, checks, found, format, out)


def _write(rows: list[dict], checks: list[dict], found, format: FiguresFormat, out: Optional[Path]) -> None:
    from nlp.export import csv_text, write_csv_dir, write_xlsx
    from nlp.fileio import atomic_write_text

    if format is FiguresFormat.xlsx and out is None:
        raise VnreportError("--out", "xlsx needs --out (a .xlsx file)")
    try:
        if format is FiguresFormat.table:
            _print_table(rows, checks)
        elif format is FiguresFormat.json:
            text = json.dumps({"figures": [r.to_dict() for r in found.figures], "cross_checks": found.cross_checks},
                              ensure_ascii=False, indent=1)
            typer.echo(text) if out is None else atomic_write_text(out, text + "\n")
        elif format is FiguresFormat.csv and out is None:
            typer.echo(csv_text(rows, "figures"), nl=False)
        elif format is FiguresFormat.csv:
            write_csv_dir({"figures": rows, "cross_checks": checks}, out)
        else:
            write_xlsx({"figures": rows, "cross_checks": checks}, out)
    except OSError as err:
        raise VnreportError(out, f"cannot write: {err.strerror or err}") from None


def _check_row(check: dict) -> dict:
    figure = check["figure"]
    return {"kind": check["kind"], "status": check["status"], "indicator_id": check["indicator_id"],
            "period_start": check["period_start"], "period_end": check["period_end"], "unit": check["unit"],
            "value": check["value"], "compared": check["compared"], "report": figure["report"],
            "number": figure["number"], "start": figure["start"], "end": figure["end"], "sentence": figure["sentence"],
            "parts": "; ".join(f"{p['number'] or p['report']} {p['text']} ({p['start']}-{p['end']})"
                               for p in check["parts"])}


def _print_table(rows: list[dict], checks: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    from nlp.figures import format_number

    table = Table(title=f"{len(rows)} figures", show_lines=False)
    for name in ("period", "place", "report", "indicator", "value", "unit", "where"):
        table.add_column(name, overflow="fold")
    for r in rows:
        table.add_row(period_label(r["period_start"], r["period_end"], r["period_kind"]), r["place"] or "-", r["number"] or r["report"],
                      f"{r['indicator_id'] or '-'}\n{r['indicator']}", r["text"], r["unit"] or "",
                      f"{r['section'] or '-'} [{r['start']}:{r['end']}]")
    console = Console()
    console.print(table)
    for c in checks:
        console.print(f"{c['status']:<8} {c['kind']:<10} {c['indicator_id']} {c['period_start']}…{c['period_end']}: "
                      f"{c['number']} says {format_number(c['value'])}, against {format_number(c['compared'])} "
                      f"({c['parts']})")


def period_label(start: Optional[str], end: Optional[str], kind: Optional[str]) -> str:
    """ "2024-03", "2024-Q1", "2024-01…03", "2024" from a figure's period dates."""
    if not start:
        return "-"
    if kind == "month":
        return start[:7]
    if kind == "quarter":
        return f"{start[:4]}-Q{(int(start[5:7]) + 2) // 3}"
    if kind == "year":
        return start[:4]
    return f"{start[:7]}…{end[5:7]}"


def _print_indicators(counts: list[dict]) -> None:
    for c in counts:
        typer.echo(f"{c['id']:<32} {c['figures']:>6}  {c['label']} [{c['unit']}, {c['kind']}]")
