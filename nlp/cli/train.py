"""`vnreport train` and `evaluate`: the spaCy NER trained on annotated reports, and its scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from nlp.cli.common import ModelOpt, Ner, app, cli_errors


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
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    from nlp.annotations import annotation_files, read_annotations
    from nlp.train import train

    with cli_errors():
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
    with cli_errors():
        items = read_annotations(data)
        if ner.value != "rules":
            model_dir(model)  # a clear error before any work
        metrics = evaluate(model, items, ner.value)
    if as_json:
        typer.echo(json.dumps({"model": model if ner.value != "rules" else None, "ner": ner.value,
                               "texts": len(items), **metrics}, ensure_ascii=False, indent=1))
    else:
        typer.echo(_metrics_table(metrics))
