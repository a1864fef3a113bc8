#!/usr/bin/env python
"""Rules / model / both per label on every dev set, with the model cross-validated on the
external dev documents it is trained on (issue 15): the check that chooses the "both" merge.

    python scripts/eval_merge.py --train-folds --epochs 10 --base .vnreport/v1/nlp/models/vnreport-ner
    python scripts/eval_merge.py                    # the tables, and a check that both >= rules

The first line trains the 4 fold models into .vnreport/ner-cv once, the way the shipped v2 was
trained (v1 continued 10 epochs; models/data/README.md says how to get v1 from git).

Sets: the seed (models/data/ner/train/742-*.jsonl; in the model's training data, so its model
column measures fit), the written dev reports (models/data/ner/dev; held out from the model and
the rules) and the annotated external dev documents (models/data/external/dev.jsonl, text from
../shared), in two parts. The shipped model trains on the first 20, so on them the model and
"both" are measured by 4-fold cross-validation by document: fold k's model is trained on the
written training reports, the seed and the 15 documents of the other folds, and scores only the
5 of fold k. Documents annotated after the model was trained are scored with the shipped model
as they are (it never saw them). Fold models do not depend on the rules: after a rule change,
rerun without --train-folds; without them the cross-validated set is left out, and said so.
Exit status 1 when "both" is below the rules on a label of a set.
"""
from __future__ import annotations

import argparse
import sys

from common import ROOT, write_json

from nlp.annotations import LABELS, Annotated, read_annotations
from nlp.train import score

FOLDS = 4
CV_DIR = ROOT / ".vnreport" / "ner-cv"  # fold models: uncommitted, trained on real text
NER_DATA = ROOT / "models" / "data" / "ner"
SEED = NER_DATA / "train" / "742-BC-SKHDT-2023-03.jsonl"
MODES = ("rules", "model", "both")


def fold_of(index: int) -> int:
    """Fold of the index-th document of external/dev.jsonl: round robin in file order, which
    is grouped by document type, so each fold gets a mix of types."""
    return index % FOLDS


def external_dev(trained: bool = True) -> list[Annotated]:
    """The annotated external dev documents the shipped model was trained on (`trained`), or
    those annotated after it was trained, in file order."""
    from pathlib import Path

    from eval_external import gold_items

    from nlp.entities.model import read_manifest

    names = {Path(d["path"]).name for d in read_manifest("vnreport-ner")["training_data"]}
    return [d for d in gold_items("dev") if (f"{d.meta['doc']}.jsonl" in names) == trained]


def train_fold(k: int, epochs: int | None = None, base: str | None = None) -> dict:
    """Train fold k's model (written train reports + seed + the external dev docs not in fold
    k) into CV_DIR/fold-k, scored in its manifest on the fold's own documents."""
    from nlp.train import train

    docs = external_dev()
    held = [d for i, d in enumerate(docs) if fold_of(i) == k]
    items = read_annotations(NER_DATA / "train") + [d for i, d in enumerate(docs) if fold_of(i) != k]
    manifest = train(items, CV_DIR / f"fold-{k}", base=base, epochs=epochs, seed=0, dev=held,
                     name=f"vnreport-ner-cv{k}", sources=sorted((NER_DATA / "train").glob("*.jsonl")))
    write_json(CV_DIR / f"fold-{k}" / "held_out.json", {"fold": k, "docs": [d.meta["doc"] for d in held]})
    return manifest


def set_scores(model: str | None) -> dict[str, dict[str, dict]]:
    """{set: {mode: score}} for the seed, the written dev reports and the external dev docs."""
    from eval_external import predict_items

    from nlp.train import predict

    out = {}
    for name, items in (("seed", read_annotations(SEED)), ("written dev", read_annotations(NER_DATA / "dev"))):
        out[name] = {mode: score(items, predict(items, mode, model)) for mode in MODES}
    later = external_dev(trained=False)
    if later:
        out["external dev (not trained on)"] = {  # a record annotated on a prefix is scored on it (`upto`)
            mode: score(later, predict_items(later, mode, model))
            for mode in MODES}
    if all((CV_DIR / f"fold-{k}" / "held_out.json").is_file() for k in range(FOLDS)):
        out["external dev (cv)"] = external_cv()
    else:
        print(f"{CV_DIR}: no fold models, the external dev documents the model trained on are left out "
              "(run with --train-folds first)\n")
    return out


def external_cv() -> dict[str, dict]:
    """Scores of the external dev docs: rules as they are, model and both by each doc's fold model."""
    from eval_external import predict_docs, predictions_in_prefix

    items = external_dev()
    preds: dict[str, list] = {mode: [None] * len(items) for mode in MODES}
    preds["rules"] = predict_docs([d.meta["doc"] for d in items], "rules")
    for k in range(FOLDS):
        fold_dir = CV_DIR / f"fold-{k}"
        if not (fold_dir / "held_out.json").is_file():
            raise SystemExit(f"{fold_dir}: no fold model; run with --train-folds first")
        index = [i for i in range(len(items)) if fold_of(i) == k]
        for mode in ("model", "both"):
            found = predict_docs([items[i].meta["doc"] for i in index], mode, str(fold_dir))
            for i, spans in zip(index, found):
                preds[mode][i] = spans
    return {mode: score(items, predictions_in_prefix(items, preds[mode])) for mode in MODES}


def table(scores: dict[str, dict]) -> str:
    """One row per label: support, then P / R / F1 of each mode."""
    head = f"{'label':10} {'gold':>5} " + " ".join(f"{mode + ' P / R / F1':>22}" for mode in MODES)
    rows = [head]
    for label in [*LABELS, "micro"]:
        cells = []
        for mode in MODES:
            m = scores[mode]["micro"] if label == "micro" else scores[mode]["per_label"][label]
            cells.append(f"{m['p']:.2f} / {m['r']:.2f} / {m['f1']:.3f}".rjust(22))
        support = (scores["rules"]["micro"] if label == "micro" else scores["rules"]["per_label"][label])["support"]
        rows.append(f"{label:10} {support:5d} " + " ".join(cells))
    return "\n".join(rows)


def below_rules(all_scores: dict[str, dict[str, dict]]) -> list[str]:
    """Every (set, label) where "both" has a lower F1 than the rules."""
    return [f"{name}: {label} both {s['both']['per_label'][label]['f1']} < rules {s['rules']['per_label'][label]['f1']}"
            for name, s in all_scores.items() for label in LABELS
            if s["both"]["per_label"][label]["f1"] < s["rules"]["per_label"][label]["f1"]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-folds", action="store_true", help="train the fold models first")
    parser.add_argument("--fold", type=int, action="append", help="only this fold (with --train-folds)")
    parser.add_argument("--epochs", type=int, default=None, help="fold training epochs (default: config)")
    parser.add_argument("--base", default=None, help="continue this model in each fold (as the shipped one was)")
    parser.add_argument("--model", default=None, help="model for the seed and the written dev reports (default: shipped)")
    parser.add_argument("--json", default=None, help="also write the scores here")
    args = parser.parse_args(argv)
    if args.train_folds:
        for k in args.fold or range(FOLDS):
            m = train_fold(k, args.epochs, args.base)
            print(f"fold {k}: {m['train_seconds']}s, held-out micro F1 {m['metrics']['micro']['f1']}")
        return 0
    all_scores = set_scores(args.model)
    for name, scores in all_scores.items():
        print(f"== {name}\n{table(scores)}\n")
    if args.json:
        write_json(args.json, all_scores)
    worse = below_rules(all_scores)
    print("\n".join(worse) if worse else "both >= rules on every label of every set")
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
