"""`vnreport extract`, `annotate-export`, `schema` and `version`: reports in, JSON, tables or pre-annotations out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from nlp.cli.common import (
    STATE,
    AnnotationFormat,
    MaxMbOpt,
    ModelOpt,
    Ner,
    NerOpt,
    OutputFormat,
    app,
    cli_errors,
    warn_inputs,
)
from nlp.entities.modes import DEFAULT_NER
from nlp.errors import VnreportError
from nlp.version import __version__


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
    with cli_errors():
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
                if STATE["debug"] or len(paths) == 1:
                    raise
                typer.echo(f"vnreport: {err.one_line()}", err=True)
                failed += 1
                continue
            warn_inputs(report)
            reports.append(report)
        if reports:
            _write_extracts(reports, format, out, tokens)
    if failed:
        raise typer.Exit(1)


def _write_extracts(reports, format: OutputFormat, out: Optional[Path], tokens: bool) -> None:
    from nlp.export import (
        merge_tables,
        report_tables,
        summary_text,
        write_csv_dir,
        write_xlsx,
    )
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

    with cli_errors():
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
