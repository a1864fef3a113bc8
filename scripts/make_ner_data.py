#!/usr/bin/env python
"""Build the NER training data (models/data/ner/{train,dev}/*.jsonl) from hand-checked gold.

    python scripts/make_ner_data.py

Each annotated report is one record: the report's NFC text (markers removed, footnote bodies
after the main text, exactly `read_report(path).text`) and its entity spans from the gold
file. The split is by report, never by sentence (see models/data/README.md): SPLIT below.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# report file -> (gold file, split)
SPLIT = {
    "corpus/742-BC-SKHDT-2023-03.txt": ("tests/data/742.gold.jsonl", "train"),
    "models/data/reports/quang-ninh-2024-06.txt": ("models/data/gold/quang-ninh-2024-06.gold.jsonl", "train"),
    "models/data/reports/hai-phong-2024-11.txt": ("models/data/gold/hai-phong-2024-11.gold.jsonl", "train"),
    "models/data/reports/binh-duong-2024-04.txt": ("models/data/gold/binh-duong-2024-04.gold.jsonl", "train"),
    "models/data/reports/thanh-hoa-2024-08.txt": ("models/data/gold/thanh-hoa-2024-08.gold.jsonl", "train"),
    "models/data/reports/da-nang-2024-05.txt": ("models/data/gold/da-nang-2024-05.gold.jsonl", "train"),
    "models/data/reports/dak-lak-2024-09.txt": ("models/data/gold/dak-lak-2024-09.gold.jsonl", "dev"),
    "models/data/reports/long-an-2024-10.txt": ("models/data/gold/long-an-2024-10.gold.jsonl", "dev"),
}


def main() -> None:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    from nlp import read_report
    from nlp.annotations import Annotated, write_jsonl
    from nlp.fileio import atomic_write_text

    for report_path, (gold_path, split) in SPLIT.items():
        if not (ROOT / report_path).exists() or not (ROOT / gold_path).exists():
            print(f"skip {report_path}: not written yet")
            continue
        text = read_report(ROOT / report_path).text
        spans = []
        for line in (ROOT / gold_path).read_text(encoding="utf-8").splitlines():
            record = json.loads(line) if line.strip() else None
            if record and record.get("type", "entity") == "entity":
                if text[record["start"]:record["end"]] != record["text"]:
                    raise SystemExit(f"{gold_path}: record does not match the text: {record}")
                spans.append((record["start"], record["end"], record["label"]))
        item = Annotated(text, tuple(sorted(spans)), {"report": report_path, "gold": gold_path, "split": split})
        out = ROOT / "models" / "data" / "ner" / split / (Path(report_path).stem + ".jsonl")
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(out, write_jsonl([item]))
        print(f"{len(spans):4d} spans  {split:5s}  {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
