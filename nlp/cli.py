"""The `vnreport` command: thin wrappers that parse arguments and call the library.

Library errors become one line on stderr (``vnreport: <file>: <cause>``) and exit code 1;
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from nlp import __version__
from nlp.errors import VnreportError

app = typer.Typer(
    name="vnreport",
    help="Turn Vietnamese government reports into searchable, structured knowledge.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    json = "json"
    summary = "summary"
    csv = "csv"
    xlsx = "xlsx"


@contextmanager
def _errors(debug: bool) -> Iterator[None]:
    try:
        yield
    except VnreportError as err:
        if debug:
            raise
        typer.echo(f"vnreport: {err.one_line()}", err=True)
        raise typer.Exit(1) from None


def _warn(report) -> None:
    for warning in report.warnings:
        typer.echo(f"vnreport: {report.source}:{warning.line}: warning: {warning.message}", err=True)


@app.command("extract")
def extract_cli(
    files: List[Path] = typer.Argument(..., help="Report files or directories (.txt, Word .txt export)."),
    format: OutputFormat = typer.Option(
        OutputFormat.json, "--format", "-f",
        help="json (one object; JSON Lines for several reports), summary, csv (a directory of "
             "tables), xlsx (a workbook)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="Write here (file; a directory for csv) instead of stdout."),
    tokens: bool = typer.Option(False, "--tokens", help="Include word tokens in the JSON."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Parse reports: header, sections, sentences, footnotes, entities, figures, checks, tasks."""
    from nlp.corpus import iter_report_files
    from nlp.pipeline import load_report

    with _errors(debug):
        paths = list(iter_report_files(files))
        if not paths:
            raise VnreportError(", ".join(map(str, files)), "no report files found")
        if format in (OutputFormat.csv, OutputFormat.xlsx) and out is None:
            raise VnreportError("--out", f"{format.value} needs --out ({'a directory' if format is OutputFormat.csv else 'a .xlsx file'})")
        reports = []
        for path in paths:
            report = load_report(path)
            _warn(report)
            reports.append(report)
        _write_extracts(reports, format, out, tokens)


def _write_extracts(reports, format: OutputFormat, out: Optional[Path], tokens: bool) -> None:
    from nlp.export import merge_tables, report_tables, write_csv_dir, write_xlsx
    from nlp.fileio import atomic_write_text
    from nlp.schema import report_to_dict

    try:
        if format is OutputFormat.csv:
            written = write_csv_dir(merge_tables(report_tables(r) for r in reports), out)
            typer.echo(f"wrote {len(written)} tables for {len(reports)} report(s) to {out}", err=True)
            return
        if format is OutputFormat.xlsx:
            write_xlsx(merge_tables(report_tables(r) for r in reports), out)
            typer.echo(f"wrote {out} ({len(reports)} report(s))", err=True)
            return
        if format is OutputFormat.json and len(reports) == 1:
            output = json.dumps(report_to_dict(reports[0], tokens=tokens), ensure_ascii=False, indent=1)
        elif format is OutputFormat.json:
            output = "\n".join(json.dumps(report_to_dict(r, tokens=tokens), ensure_ascii=False) for r in reports)
        else:
            output = "\n\n".join(_summary(r) for r in reports)
        if out is None:
            typer.echo(output)
        else:
            atomic_write_text(out, output + "\n")
    except OSError as err:
        raise VnreportError(out, f"cannot write: {err.strerror or err}") from None


def _summary(report) -> str:
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
        f"  {len(report.entities)} entities ({_counts(e.label for e in report.entities)}), "
        f"{len(report.figures)} figures",
        f"  checks  {_counts(c.status for c in report.checks) or '-'}",
    ]
    lines += [f"  task {t.label:<4} {t.heading.text[:90]}" for t in report.tasks]
    return "\n".join(lines)


def _counts(values) -> str:
    from collections import Counter

    return ", ".join(f"{k} {n}" for k, n in Counter(values).most_common())


@app.command("build")
def build_cli(
    paths: List[Path] = typer.Argument(..., help="Report files or directories (searched recursively)."),
    index: Path = typer.Option(Path(".vnreport"), "--index", "-i", help="Output directory."),
    prune: bool = typer.Option(False, "--prune", help="Drop reports whose file is gone."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Extract every report under PATHS into INDEX (unchanged reports are skipped)."""
    from rich.progress import Progress

    from nlp.corpus import build_extracts, iter_report_files

    with _errors(debug):
        total = sum(1 for _ in iter_report_files(paths))
        with Progress(transient=True) as bar:
            task = bar.add_task("extracting", total=total)
            summary = build_extracts(paths, index, prune=prune, progress=lambda _: bar.advance(task))
    for path, cause in summary.failed:
        typer.echo(f"vnreport: {path}: skipped: {cause}", err=True)
    rate = summary.sentences / summary.seconds if summary.seconds else 0.0
    typer.echo(
        f"{len(summary.extracted)} extracted, {len(summary.unchanged)} unchanged, "
        f"{len(summary.removed)} removed, {len(summary.failed)} failed "
        f"in {summary.seconds:.1f}s ({rate:.0f} sentences/s) -> {index}"
    )
    if summary.failed and not (summary.extracted or summary.unchanged):
        raise typer.Exit(1)


@app.command("schema")
def schema_cli() -> None:
    """Print the JSON Schema of `vnreport extract --format json`."""
    from nlp.schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


@app.command("version")
def version_cli() -> None:
    """Print the vnreport version."""
    typer.echo(f"vnreport {__version__}")


def main() -> None:
    app(prog_name="vnreport")


if __name__ == "__main__":
    sys.exit(main())
