#!/usr/bin/env python
"""Sample figures from the seed and the dev documents of the admin set flagged as socio-economic,
plan or budget texts (index.jsonl: ktxh_plan_budget_related; 16 of them), for a person to judge
the indicator mapping (issue 18), and score such a judgement. A verdict `?` leaves a row
unjudged (when only the rows given an id were read): it counts for precision and coverage,
not recall. (A first draw over all 131 dev
documents gave almost no figure of a taxonomy indicator: fees, rates and counts of decisions.)

    python scripts/sample_indicators.py show [--n 100] [--seed 18]
    python scripts/sample_indicators.py judge --verdicts V.txt --out tests/data/indicators/sample.jsonl
    python scripts/sample_indicators.py score tests/data/indicators/sample.jsonl

`show` prints each sampled figure with its indicator span, the id `nlp.indicators` gives it
and its sentence. The reader writes one line per row, `INDEX ID`: the taxonomy id the figure
really measures, or `-` when no indicator of the taxonomy fits. `judge` keeps offsets and
verdicts only (doc, start, end, given id, true id; no text). Precision: rows given an id that
is the true one, over rows given an id; coverage: rows given an id over all rows; recall: rows
given their true id over rows that have one.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT  # noqa: E402

DOCS = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"
SEED = ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["show", "judge", "score"])
    parser.add_argument("path", nargs="?")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--verdicts")
    parser.add_argument("--out")
    args = parser.parse_args()
    if args.command == "score":
        print(json.dumps(rates([json.loads(x) for x in Path(args.path).read_text().splitlines() if x])))
        return
    sample = draw(args.n, args.seed)
    if args.command == "show":
        for i, (doc, row) in enumerate(sample):
            print(f"{i} [{doc}] id={row.indicator_id or '-'} | {row.indicator} | {row.text}\n    {row.sentence[:300]}")
        return
    truth = dict(line.split(maxsplit=1) for line in Path(args.verdicts).read_text().splitlines() if line.strip())
    rows = [{"doc": doc, "start": row.start, "end": row.end, "given": row.indicator_id,
             "true": None if truth[str(i)].strip() == "-" else truth[str(i)].strip()}
            for i, (doc, row) in enumerate(sample)]  # "?": not judged (only precision counts it)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(json.dumps(rates(rows)))


def draw(n: int, seed: int) -> list:
    """`n` (doc, FigureRow) drawn with `seed` from every figure of the seed and those documents."""
    return random.Random(seed).sample(pool(), min(n, len(pool())))


@lru_cache(maxsize=1)
def pool() -> list:
    """(doc, FigureRow) of every figure of the seed and those documents, in document then offset order."""
    from nlp import load_report
    from nlp.explore import figure_rows
    from nlp.schema import report_to_dict

    split = dict(line.split("\t") for line in (DOCS / "split.tsv").read_text().splitlines()[1:])
    meta = [json.loads(line) for line in (DOCS / "index.jsonl").read_text(encoding="utf-8").splitlines() if line]
    economic = sorted(m["id"] for m in meta if split.get(m["id"]) == "dev" and m["ktxh_plan_budget_related"])
    paths = [("seed", SEED)] + [(i, DOCS / "txt" / f"{i}.txt") for i in economic]
    return [(doc, row) for doc, path in paths for row in figure_rows(report_to_dict(load_report(path)))]


def rates(rows: list[dict]) -> dict:
    given = [r for r in rows if r["given"]]
    has_true = [r for r in rows if r["true"] and r["true"] != "?"]
    return {"n": len(rows), "given": len(given), "precision": round(sum(r["given"] == r["true"] for r in given)
                                                                  / max(1, len(given)), 3),
            "coverage": round(len(given) / max(1, len(rows)), 3), "with_true_id": len(has_true),
            "recall": round(sum(r["given"] == r["true"] for r in has_true) / max(1, len(has_true)), 3)}


if __name__ == "__main__":
    main()
