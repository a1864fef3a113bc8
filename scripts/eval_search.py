#!/usr/bin/env python
"""Search quality on the hand-written dev questions: BM25 alone, dense alone, and fused.

    python scripts/eval_search.py [--questions tests/data/questions.dev.jsonl] [--index DIR] [--json PATH]

Builds an index of the seed report in a temporary directory unless --index is given. A hit is
a retrieved passage that contains any of the question's gold substrings. "fused" is the
default search (fusion weights chosen by the query's language); "rrf-equal" is plain RRF. Prints hit@1, hit@5
and MRR@10 per question kind and overall, and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
MODES = {"bm25": (1.0, 0.0), "dense": (0.0, 1.0), "rrf-equal": (1.0, 1.0), "fused": None}


def evaluate(index, questions: list[dict]) -> dict:
    """{mode: {kind: {"hit@1", "hit@5", "mrr@10", "n"}}}, "all" included."""
    results: dict = {}
    for mode, weights in MODES.items():
        per_kind: dict = defaultdict(lambda: {"hit@1": 0.0, "hit@5": 0.0, "mrr@10": 0.0, "n": 0})
        for q in questions:
            hits = index.search(q["question"], k=10, weights=weights)
            rank = next((n for n, h in enumerate(hits, 1) if any(g in h.text for g in q["gold"])), None)
            for kind in (q["kind"], "all"):
                row = per_kind[kind]
                row["n"] += 1
                row["hit@1"] += rank == 1
                row["hit@5"] += rank is not None and rank <= 5
                row["mrr@10"] += 1 / rank if rank else 0.0
        results[mode] = {kind: {m: (v / row["n"] if m != "n" else v) for m, v in row.items()}
                         for kind, row in per_kind.items()}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", default=str(ROOT / "tests" / "data" / "questions.dev.jsonl"))
    parser.add_argument("--index", default=None, help="an existing index (default: build the seed's)")
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "eval" / "search.json"))
    args = parser.parse_args()

    from nlp.fileio import atomic_write_text
    from nlp.index.build import build_index
    from nlp.index.search import Index

    questions = [json.loads(line) for line in Path(args.questions).read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        directory = args.index
        if directory is None:
            directory = tmp
            build_index([ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"], directory)
        index = Index.open(directory)
        results = evaluate(index, questions)
        index.close()
    kinds = sorted(k for k in results["fused"] if k != "all") + ["all"]
    print(f"{'kind':<14}{'n':>4}" + "".join(f"{m + ' ' + s:>15}" for m in MODES for s in ("h@1", "h@5", "mrr")))
    for kind in kinds:
        cells = "".join(f"{results[m][kind][s]:>15.3f}" for m in MODES for s in ("hit@1", "hit@5", "mrr@10"))
        print(f"{kind:<14}{results['fused'][kind]['n']:>4}{cells}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.json, json.dumps(results, indent=1))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
