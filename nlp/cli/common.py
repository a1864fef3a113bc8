"""What every `vnreport` command shares: the Typer app, its option types (defined once),
`--debug` (a callback of the app), and the mapping of library errors to one line and exit 1.

Library errors name fields, not flags: a `QueryError` on field "period" prints as
``vnreport: --period: 'Q1 2023' is not YYYY, YYYY-MM or YYYY-Qn``.
"""

from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer

from nlp.entities.modes import NER_MODES
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
STATE = {"debug": False}


@app.callback()
def _main_options(debug: bool = typer.Option(False, "--debug", help="Show tracebacks instead of one-line errors.")
                  ) -> None:
    STATE["debug"] = debug


def flag_of(field: str) -> str:
    """The command-line flag for a library field name ("milvus_uri" -> "--milvus-uri")."""
    return "--" + field.replace("_", "-")


def one_line(err: VnreportError) -> str:
    if isinstance(err, QueryError):
        err = VnreportError(flag_of(err.field), err.cause, err.hint)
    return f"vnreport: {err.one_line()}"


@contextmanager
def cli_errors() -> Iterator[None]:
    """Library errors as one line on stderr and exit code 1 (tracebacks with --debug)."""
    try:
        yield
    except VnreportError as err:
        if STATE["debug"]:
            raise
        typer.echo(one_line(err), err=True)
        raise typer.Exit(1) from None


def open_index(backend: Backend, index: Optional[Path], milvus_uri: str, milvus_collection: str,
                embedder: Optional[str] = None):
    """The `Index` facade over the local directory or its Milvus mirror."""
    import os

    from nlp.index.search import Index

    return Index.open(index, backend=backend.value, embedder=embedder, milvus_uri=milvus_uri,
                      milvus_collection=milvus_collection, milvus_token=os.environ.get(MILVUS_TOKEN_ENV))


def warn_inputs(report) -> None:
    for warning in report.warnings:
        typer.echo(f"vnreport: {report.source}:{warning.line}: warning: {warning.message}", err=True)
