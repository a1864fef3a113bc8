"""Score the entity finders on the real external documents annotated by reading (issue 15).

Gold: models/data/external/{dev,test}.jsonl (offsets only); text: read at run time from
../shared/external/vn_readability_admin_docs/txt/<id>.txt through ``load_report``. Prints per
label precision / recall / F1 over exact spans for each NER mode (rules, model, both).
`--errors` lists the missed and spurious spans (dev only: test errors are never read).

    python scripts/eval_external.py --split dev --modes rules,model,both
    python scripts/eval_external.py --split dev --modes rules --errors --label AGENCY
    python scripts/eval_external.py --split dev --docs 00262181,00178570   # only these documents

A record may carry ``"upto": N`` when only the text before character N was annotated (a prefix of a
long document): gold and predicted spans that start at or after N are not scored.
"""
from __future__ import annotations

import argparse
import json
import sys

from common import ROOT, write_json  # noqa: F401  (puts ROOT on sys.path)

from nlp.annotations import LABELS, Annotated
from nlp.train import score

GOLD = ROOT / "models" / "data" / "external"
DATA = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"


def gold_records(split: str, docs: set[str] | None = None) -> list[dict]:
    """The gold records of `split` in file order, only those of `docs` when given."""
    records = [json.loads(line) for line in (GOLD / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    return [rec for rec in records if docs is None or rec["doc"] in docs]


def within_prefix(spans, upto: int | None) -> list:
    """The spans that start before `upto` (all of them when `upto` is None): the part of a
    document that was annotated when only its prefix was read."""
    return [s for s in spans if upto is None or s[0] < upto]


def gold_items(split: str, docs: set[str] | None = None) -> list[Annotated]:
    """The annotated documents of `split` (only `docs` when given), their text read through the
    ingest; a record's `upto` goes to the item's meta and its gold spans are cut to that prefix."""
    from nlp.pipeline import read_report

    items = []
    for rec in gold_records(split, docs):
        text = read_report(DATA / "txt" / f"{rec['doc']}.txt").text
        upto = rec.get("upto")
        spans = tuple((s, e, label) for s, e, label in within_prefix(rec["spans"], upto))
        items.append(Annotated(text, spans, {"doc": rec["doc"], "upto": upto}))
    return items


def predictions_in_prefix(items: list[Annotated], preds: list) -> list[list]:
    """Each document's predicted spans cut to the annotated prefix of its gold item."""
    return [within_prefix(spans, item.meta.get("upto")) for item, spans in zip(items, preds)]


def predict_docs(docs: list[str], mode: str, model: str | None = None) -> list[list[tuple[int, int, str]]]:
    """Entities of the documents `docs` (ids) as `vnreport extract --ner MODE` finds them on the
    file, with `model` (default: shipped)."""
    from nlp.pipeline import load_report, stages_for

    stages = stages_for(mode, model, upto="entities")
    out = []
    for doc in docs:
        report = load_report(DATA / "txt" / f"{doc}.txt", stages)
        out.append([(e.start, e.end, e.label) for e in report.entities])
    return out


def predict_items(items: list[Annotated], mode: str, model: str | None = None) -> list[list]:
    """Entities of the annotated documents `items` (`predict_docs`), cut to each one's annotated prefix."""
    return predictions_in_prefix(items, predict_docs([item.meta["doc"] for item in items], mode, model))


def table(result: dict) -> str:
    rows = [f"{'label':10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for label, m in [*result["per_label"].items(), ("micro", result["micro"])]:
        rows.append(f"{label:10} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f} {m['support']:5d} {m['predicted']:5d}")
    return "\n".join(rows)


def errors(items: list[Annotated], preds: list, label: str | None) -> str:
    """Missed (-) and spurious (+) spans with a little context, document by document."""
    out = []
    for item, spans in zip(items, preds):
        gold = {s for s in item.spans if label in (None, s[2])}
        pred = {tuple(s) for s in spans if label in (None, s[2]) and s[2] in LABELS}
        for sign, group in (("-", gold - pred), ("+", pred - gold)):
            for s, e, lab in sorted(group):
                ctx = item.text[max(0, s - 30):s] + "[" + item.text[s:e] + "]" + item.text[e:e + 30]
                out.append(f"{item.meta['doc']} {sign} {lab:9} {ctx!r}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--modes", default="rules,model,both")
    parser.add_argument("--errors", action="store_true", help="list errors (dev only)")
    parser.add_argument("--label", default=None)
    parser.add_argument("--json", default=None, help="also write the scores here")
    parser.add_argument("--docs", default=None, help="comma-separated document ids: score only these")
    args = parser.parse_args(argv)
    if args.errors and args.split != "dev":
        parser.error("errors are only listed for dev: test errors are never read")
    items = gold_items(args.split, set(args.docs.split(",")) if args.docs else None)
    results = {}
    for mode in args.modes.split(","):
        preds = predict_items(items, mode)
        results[mode] = score(items, preds)
        print(f"== {args.split} ({len(items)} documents), --ner {mode}\n{table(results[mode])}\n")
        if args.errors:
            print(errors(items, preds, args.label))
    if args.json:
        write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
