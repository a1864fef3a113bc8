"""Annotations in, spaCy NER model out, and per-label precision / recall / F1.

``train(read_annotations("models/data/ner/train"), "models/my-ner", epochs=30)`` trains the
pipeline of `nlp/entities/config.cfg` (underthesea tokenizer, hashed embeddings, CNN, NER) with
a fixed seed, writes spaCy's model files plus ``manifest.json`` into the directory (atomically:
a failed run leaves the old model in place) and returns the manifest.

Scores are exact-span matches: a predicted entity counts only when start, end and label all
equal a gold span's. The same scorer measures the rules, the model and both merged.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from nlp.annotations import LABELS, Annotated
from nlp.entities.model import CONFIG_PATH, blank, load_model, model_dir
from nlp.errors import InputError
from nlp.fileio import atomic_write_text

@dataclass(frozen=True, slots=True)
class Example:
    """One training unit: a paragraph of an annotated text with its spans (relative)."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


def paragraphs(items: Iterable[Annotated]) -> list[Example]:
    """Cut annotated texts at line breaks: spaCy learns from paragraphs, not whole reports."""
    out = []
    for item in items:
        pos = 0
        for line in item.text.split("\n"):
            end = pos + len(line)
            if line.strip():
                out.append(Example(line, tuple((s - pos, e - pos, label) for s, e, label in item.spans
                                               if pos <= s and e <= end)))
            pos = end + 1
    return out


def train(
    items: Sequence[Annotated], out: str | Path, *, base: Optional[str | Path] = None,
    epochs: Optional[int] = None, seed: Optional[int] = None, dev: Sequence[Annotated] = (),
    name: Optional[str] = None, sources: Sequence[Path] = (), dev_sources: Sequence[Path] = (),
    progress: Optional[Callable[[int, int, float], None]] = None,
) -> dict:
    """Train (or continue `base`) on `items`; evaluate on `dev` when given; write `out`."""
    import spacy
    from spacy.util import compounding, fix_random_seed, minibatch

    from nlp.version import __version__

    config = spacy.util.load_config(CONFIG_PATH, interpolate=True)
    settings = config["training"]
    epochs = int(epochs if epochs is not None else settings["epochs"])
    seed = int(seed if seed is not None else settings["seed"])
    if not items:
        raise InputError(str(out), "no training data")
    fix_random_seed(seed)
    blank()  # registers the tokenizer
    if base is not None:
        nlp = spacy.load(model_dir(base))  # a fresh copy, not the cached one
    else:
        nlp = spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
    ner = nlp.get_pipe("ner")
    for label in LABELS:
        ner.add_label(label)

    examples, total, misaligned = _examples(nlp, items)
    if base is None:
        optimizer = nlp.initialize(lambda: examples)
    else:
        optimizer = nlp.resume_training()
    optimizer.learn_rate = float(settings["learn_rate"])
    rng = random.Random(seed)
    started = time.perf_counter()
    for epoch in range(1, epochs + 1):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=float(settings["dropout"]), sgd=optimizer, losses=losses)
        if progress:
            progress(epoch, epochs, losses.get("ner", 0.0))

    manifest = {
        "name": name or Path(out).name, "version": _next_version(base), "vnreport_version": __version__,
        "spacy_version": spacy.__version__, "labels": list(LABELS),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "base": str(base) if base else None,
        "seed": seed, "epochs": epochs, "train_seconds": round(time.perf_counter() - started, 1),
        "spans": total, "misaligned_spans": misaligned,
        "config_sha256": hashlib.sha256(CONFIG_PATH.read_bytes()).hexdigest(),
        "training_data": [_describe(p) for p in sources], "dev_data": [_describe(p) for p in dev_sources],
        "metrics": None,
    }
    if dev:
        manifest["metrics"] = score(dev, predict_model(nlp, dev))
    _save(nlp, manifest, Path(out))
    load_model.cache_clear()
    return manifest


def _examples(nlp, items: Sequence[Annotated]) -> tuple[list, int, int]:
    """spaCy training examples of every paragraph, with the number of gold spans and of those
    that do not fall on word boundaries (left unknown, "-", rather than taught)."""
    from spacy.training import Example as SpacyExample
    from spacy.training import offsets_to_biluo_tags

    examples, misaligned, total = [], 0, 0
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W030\]")  # counted instead
        for ex in paragraphs(items):
            doc = nlp.make_doc(ex.text)
            tags = offsets_to_biluo_tags(doc, list(ex.spans))
            total += len(ex.spans)
            misaligned += sum(doc.char_span(s, e) is None for s, e, _ in ex.spans)
            examples.append(SpacyExample.from_dict(doc, {"entities": tags}))
    return examples, total, misaligned


def _next_version(base) -> str:
    if base is None:
        return "1"
    previous = json.loads((model_dir(base) / "manifest.json").read_text(encoding="utf-8"))
    return str(int(previous.get("version", "0")) + 1) if str(previous.get("version", "")).isdigit() else "1"


def _describe(path: Path) -> dict:
    data = Path(path).read_bytes()
    return {"path": Path(path).as_posix(), "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def _save(nlp, manifest: dict, out: Path) -> None:
    """Write into a sibling temp dir, then swap it in: an interrupted run keeps the old model."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        nlp.to_disk(tmp)
        atomic_write_text(tmp / "manifest.json", json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out.rename(old)
        tmp.rename(out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def predict_model(nlp, items: Sequence[Annotated]) -> list[list[tuple[int, int, str]]]:
    """Model spans of each annotated text, paragraph by paragraph, in text offsets."""
    from nlp.entities.model import predict_spans

    out = []
    for item in items:
        lines, pos = [], 0
        for line in item.text.split("\n"):
            if line.strip():
                lines.append((pos, line))
            pos += len(line) + 1
        found = predict_spans(nlp, [line for _, line in lines])
        out.append([(start + s, start + e, label) for (start, _), spans in zip(lines, found)
                    for s, e, label in spans])
    return out


def predict(items: Sequence[Annotated], ner: str = "both", model: str | Path | None = None
            ) -> list[list[tuple[int, int, str]]]:
    """Spans of each text as `vnreport extract --ner {ner}` finds them."""
    from nlp.pipeline import report_from_text, stages_for

    if ner == "model":
        return predict_model(load_model(model) if model else load_model(), items)
    stages = stages_for(ner, model, upto="entities")
    out = []
    for item in items:
        report = report_from_text(item.text, stages=stages)
        if report.text[:len(item.text)] != item.text:
            raise AssertionError("report text moved away from the annotated text")
        out.append([(e.start, e.end, e.label) for e in report.entities])
    return out


def score(gold: Sequence[Annotated], predicted: Sequence[Sequence[tuple[int, int, str]]],
          labels: Sequence[str] = LABELS) -> dict:
    """{"per_label": {L: {p, r, f1, support, predicted}}, "micro": {...}} over exact spans."""
    tp = {label: 0 for label in labels}
    n_gold = dict(tp)
    n_pred = dict(tp)
    for item, spans in zip(gold, predicted):
        g = {s for s in item.spans if s[2] in tp}
        p = {tuple(s) for s in spans if s[2] in tp}
        for s in g:
            n_gold[s[2]] += 1
        for s in p:
            n_pred[s[2]] += 1
            tp[s[2]] += s in g
    per_label = {label: _prf(tp[label], n_pred[label], n_gold[label]) for label in labels}
    micro = _prf(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    return {"per_label": per_label, "micro": micro}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f1, 4), "support": n_gold, "predicted": n_pred}


def evaluate(model: str | Path, items: Sequence[Annotated], ner: str = "model") -> dict:
    """Scores of `ner` ("rules", "model" or "both" with `model`) on annotated texts."""
    return score(items, predict(items, ner, model))
