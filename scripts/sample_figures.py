#!/usr/bin/env python
"""Sample extracted figures from one half of the admin documents and score a reading of them.

    python scripts/sample_figures.py show  --split dev  [--n 100] [--seed 15] [--unread]
    python scripts/sample_figures.py judge --split test --verdicts V.txt --out tests/data/figures/test-sample.jsonl
    python scripts/sample_figures.py score tests/data/figures/test-sample.jsonl

`show` prints the sample (fixed seed, drawn from every figure the pipeline finds in the split's
documents, in document then offset order) for a person to read: the figure [[marked]] in its
sentence, value, unit, kind, direction, basis, indicator and period. The reader writes one line
per sample row, `INDEX VERDICTS`, four letters y/n for: is a figure, value+unit right, indicator
usable, direction and basis right ("3 nnnn": not a figure; "4 yyny": indicator not usable).
`judge` turns that into JSONL of offsets and verdicts only (doc id, start, end, the offsets of
the indicator judged, no text: the documents stay in ../shared) and prints the rates; `score` prints the rates of such a file.
Rates: not-a-figure over all rows; the other three over the rows that are figures.
`--unread` draws only figures whose (doc id, start) is in no tests/data/figures/dev-sample*.jsonl
(for `judge`, the file it writes does not count): an estimate on figures no rule was fitted to.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT  # noqa: E402

DOCS = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"
SAMPLES = ROOT / "tests" / "data" / "figures"
FIELDS = ("is_figure", "value_unit", "indicator", "direction_basis")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["show", "judge", "score"])
    parser.add_argument("path", nargs="?", help="score: the JSONL of verdicts")
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--verdicts", help="judge: the reader's lines, INDEX yyyy")
    parser.add_argument("--out", help="judge: where the JSONL goes")
    parser.add_argument("--unread", action="store_true",
                        help="draw only figures in no dev-sample*.jsonl (the --out file aside)")
    args = parser.parse_args()
    if args.command == "score":
        print(json.dumps(rates([json.loads(line) for line in Path(args.path).read_text().splitlines() if line])))
        return
    skip = {Path(args.out).name} if args.out else set()
    sample = draw(args.split, args.n, args.seed, read_before(skip) if args.unread else frozenset())
    if args.command == "show":
        for i, (doc, report, figure) in enumerate(sample):
            print(describe(i, doc, report, figure))
        return
    rows = judged(sample, Path(args.verdicts).read_text().splitlines())
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(json.dumps(rates(rows)))


def read_before(skip: set[str] = frozenset()) -> frozenset[tuple[str, int]]:
    """The (doc id, start) of every figure in a dev-sample*.jsonl, the files named in `skip` aside."""
    return frozenset((row["doc"], row["start"]) for path in sorted(SAMPLES.glob("dev-sample*.jsonl"))
                     if path.name not in skip for row in map(json.loads, filter(None, path.read_text().splitlines())))


def draw(split: str, n: int, seed: int, exclude: frozenset[tuple[str, int]] = frozenset()) -> list:
    """`n` (doc id, report, figure) drawn with `seed` from every figure of the split's documents
    whose (doc id, start) is not in `exclude`."""
    from nlp import load_report

    lines = (DOCS / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]
    ids = sorted(line.split("\t")[0] for line in lines if line.split("\t")[1] == split)
    pool = []
    for doc in ids:
        report = load_report(DOCS / "txt" / f"{doc}.txt")
        pool.extend((doc, report, f) for f in report.figures if (doc, f.start) not in exclude)
    return random.Random(seed).sample(pool, min(n, len(pool)))


def describe(i: int, doc: str, report, f) -> str:
    sentence = next(s for s in report.sentences if s.start <= f.start < s.end)
    text = report.text
    marked = text[sentence.start:f.start] + "[[" + f.text + "]]" + text[f.end:sentence.end]
    indicator = f.indicator.text if f.indicator else None
    period = f.period.text if f.period else None
    return (f"{i}\t{doc}:{f.start}\tvalue={f.value} high={f.high} total={f.total} unit={f.unit} kind={f.kind} "
            f"dir={f.direction} basis={f.basis}\n\tINDICATOR={indicator!r} PERIOD={period!r}\n\t"
            + _around(marked, f.start - sentence.start) + "\n")


def _around(marked: str, at: int, width: int = 300) -> str:
    """The marked sentence cut to `width` characters either side of the figure."""
    start = max(0, at - width)
    return ("…" if start else "") + " ".join(marked[start:at + width + 4 + 100].split())


def judged(sample: list, verdict_lines: list[str]) -> list[dict]:
    verdicts = {}
    for line in verdict_lines:
        if line.strip():
            index, letters = line.split()[:2]
            verdicts[int(index)] = [c == "y" for c in letters]
    missing = [i for i in range(len(sample)) if i not in verdicts]
    if missing:
        raise SystemExit(f"sample_figures: no verdict for rows {missing}; write one line per row")
    return [{"doc": doc, "start": f.start, "end": f.end, **dict(zip(FIELDS, verdicts[i])),
             "indicator_span": judged_span(f)} for i, (doc, _, f) in enumerate(sample)]


def judged_span(figure) -> list[int] | None:
    """The offsets of the indicator the reader judged: a test can tell whether a verdict still
    describes the current output."""
    return [figure.indicator.start, figure.indicator.end] if figure.indicator else None


def rates(rows: list[dict]) -> dict:
    figures = [r for r in rows if r["is_figure"]]
    share = {name: round(sum(r[name] for r in figures) / len(figures), 3) for name in FIELDS[1:]}
    return {"rows": len(rows), "figures": len(figures),
            "not_a_figure": round(1 - len(figures) / len(rows), 3), **share}


if __name__ == "__main__":
    main()
