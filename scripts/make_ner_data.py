#!/usr/bin/env python
"""Build the NER training data (models/data/ner/{train,dev}/*.jsonl) from hand-checked gold.

    python scripts/make_ner_data.py

Each annotated report is one record: the report's NFC text (markers removed, footnote bodies
after the main text, exactly `read_report(path).text`) and its entity spans from the gold
file. The split is by report, never by sentence (see models/data/README.md): SPLIT below.

The annotated real documents of the external **dev** split (models/data/external/dev.jsonl,
offsets only) are training data too, but their text may not enter the repository: they are
written, one record per document with the text read from ../shared at build time, into
EXTERNAL_OUT (under .vnreport/, ignored by git). Train with both directories:

    vnreport train --data models/data/ner/train --data .vnreport/ner-data/external-dev \
        --dev models/data/ner/dev --out nlp/models/vnreport-ner
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXTERNAL_OUT = ROOT / ".vnreport" / "ner-data" / "external-dev"  # uncommitted: real text

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
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--external-out", type=Path, default=EXTERNAL_OUT,
                        help="where the external dev documents go (text included; keep it out of git)")
    args = parser.parse_args()
    write_reports()
    write_external(args.external_out)


def write_reports() -> None:
    """models/data/ner/{train,dev}: the written reports and the seed, with their text."""
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


def write_external(out_dir: Path) -> None:
    """One record per annotated external dev document (text from ../shared) into `out_dir`."""
    from eval_external import gold_items  # scripts/ is sys.path[0] when run as a script

    from nlp.annotations import write_jsonl
    from nlp.fileio import atomic_write_text

    out_dir.mkdir(parents=True, exist_ok=True)
    for item in gold_items("dev"):
        out = out_dir / f"{item.meta['doc']}.jsonl"
        meta = {"doc": item.meta["doc"], "gold": "models/data/external/dev.jsonl", "split": "train"}
        atomic_write_text(out, write_jsonl([type(item)(item.text, item.spans, meta)]))
        print(f"{len(item.spans):4d} spans  train  {out}")


if __name__ == "__main__":
    main()
