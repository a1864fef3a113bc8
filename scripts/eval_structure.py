#!/usr/bin/env python
"""Run the structure parser over a folder of documents it was not written against.

    python scripts/eval_structure.py [DIR] [--json PATH] [--show N]

Evaluation only: nothing here feeds rules or tests. For each .txt it records whether
extraction succeeded, header fields found, sections (top level, depth), tasks, and whether
every span is exact; "marker lines" counts lines that start like a list marker (an
independent, cruder regex) so "captured" estimates how many of them became sections.
Prints a summary table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
DEFAULT = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs" / "txt"
MARKER_LINE = re.compile(r"^\s*(?:[IVXivx]{1,5}|[A-Za-zĐđ]|\d{1,2}(?:\.\d{1,2})*)\s?[.)](?:\s|$)|^\s*[-+•]\s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "eval" / "structure.json"))
    parser.add_argument("--show", type=int, default=0, help="print the outline of N documents")
    args = parser.parse_args()

    from nlp import load_report
    from nlp.errors import VnreportError
    from nlp.fileio import atomic_write_text

    rows, failures, started = [], Counter(), time.perf_counter()
    files = sorted(Path(args.folder).glob("*.txt"))
    for path in files:
        raw_lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        marker_lines = sum(bool(MARKER_LINE.match(line)) for line in raw_lines)
        try:
            report = load_report(path)
        except VnreportError as err:
            failures[err.cause] += 1
            rows.append({"file": path.name, "error": err.cause})
            continue
        spans = [*report.sentences, *report.tokens, *report.header, *report.tasks,
                 *(s.heading for s in report.sections)]
        rows.append({
            "file": path.name, "sentences": len(report.sentences), "sections": len(report.sections),
            "top_level": sum(s.level == 1 for s in report.sections),
            "depth": max((s.level for s in report.sections), default=0),
            "tasks": len(report.tasks), "marker_lines": marker_lines,
            "title": report.title, "number": report.number, "date": report.date,
            "spans_exact": all(report.text[s.start:s.end] == s.text for s in spans),
        })
        if args.show and len(rows) <= args.show:
            print(f"== {path.name}: {report.title}")
            for s in report.sections[:25]:
                print("   " + "  " * (s.level - 1) + f"{s.label} {s.heading.text[:70]}")
    ok = [r for r in rows if "error" not in r]
    summary = {
        "documents": len(files), "extracted": len(ok), "failed": dict(failures),
        "seconds": round(time.perf_counter() - started, 1),
        "spans_exact": sum(r["spans_exact"] for r in ok),
        "with_sections": sum(r["sections"] > 0 for r in ok),
        "with_tasks": sum(r["tasks"] > 0 for r in ok),
        "with_title": sum(bool(r["title"]) for r in ok),
        "sections": sum(r["sections"] for r in ok),
        "marker_lines": sum(r["marker_lines"] for r in ok),
    }
    summary["captured"] = round(summary["sections"] / max(summary["marker_lines"], 1), 3)
    for key, value in summary.items():
        print(f"{key:<16}{value}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.json, json.dumps({"summary": summary, "documents": rows}, ensure_ascii=False, indent=1))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
