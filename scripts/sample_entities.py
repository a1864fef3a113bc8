#!/usr/bin/env python
"""Sample predicted entities from a folder of documents for a hand precision check.

    python scripts/sample_entities.py [DIR] [--n 100] [--seed 7] [--out FILE]

Evaluation only: prints/writes JSONL rows {file, label, text, context} with the entity marked
[[like this]] in ±80 characters of context, for a person to judge against docs/annotation.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
DEFAULT = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs" / "txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--labels", default="AGENCY,PROJECT,LEGAL_DOC,LOCATION,PERSON",
                        help="comma-separated labels to sample from")
    parser.add_argument("--ner", default="both", choices=["rules", "model", "both"],
                        help="entity finder, as in `vnreport extract --ner` (default both, the CLI's)")
    parser.add_argument("--out", default=str(ROOT / ".vnreport" / "eval" / "entity_sample.jsonl"))
    args = parser.parse_args()

    from nlp.pipeline import load_report, stages_for

    labels = set(args.labels.split(","))
    stages = stages_for(args.ner)
    rows = []
    for path in sorted(Path(args.folder).glob("*.txt")):
        report = load_report(path, stages=stages)
        text = report.text
        for e in report.entities:
            if e.label in labels:
                context = text[max(0, e.start - 80):e.start] + "[[" + e.text + "]]" + text[e.end:e.end + 80]
                rows.append({"file": path.name, "label": e.label, "text": e.text,
                             "context": " ".join(context.split())})
    sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample), encoding="utf-8")
    counts = {label: sum(r["label"] == label for r in rows) for label in sorted(labels)}
    print(f"{len(rows)} predicted entities {counts}; {len(sample)} sampled -> {args.out}")


if __name__ == "__main__":
    main()
