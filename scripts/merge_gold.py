#!/usr/bin/env python
"""Merge the hand-annotated gold parts of the seed into tests/data/742.gold.jsonl.

    python scripts/merge_gold.py

Parts (tests/data/gold/742.part*.jsonl) are what each annotator wrote by reading one slice of
the report; tests/data/gold/adjudication.json lists the corrections a second reader made so that
all parts follow docs/annotation.md. Every record is checked against the report text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    from nlp import read_report

    text = read_report(ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt").text
    gold_dir = ROOT / "tests" / "data" / "gold"
    records = [json.loads(line) for path in sorted(gold_dir.glob("742.part*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    fixes = json.loads((gold_dir / "adjudication.json").read_text(encoding="utf-8"))
    drop = {(r["start"], r["label"]) for r in fixes["remove"]}
    kept = [r for r in records if (r["start"], r.get("label")) not in drop]
    if len(records) - len(kept) != len(drop):
        raise SystemExit("adjudication names a record that is not in the parts")
    kept += [{k: v for k, v in r.items() if k != "rule"} for r in fixes["add"]]
    kept.sort(key=lambda r: (r["start"], r["end"], r["type"]))
    for r in kept:
        if text[r["start"]:r["end"]] != r["text"]:
            raise SystemExit(f"gold record does not match the text: {r}")
    out = ROOT / "tests" / "data" / "742.gold.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    print(f"{len(kept)} records -> {out}")


if __name__ == "__main__":
    main()
