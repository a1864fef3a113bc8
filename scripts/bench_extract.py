#!/usr/bin/env python
"""Throughput of `extract` on a report next to bare underthesea word_tokenize (same run).

    python scripts/bench_extract.py [FILE] [--repeat 3] [--json PATH]

Prints a table and writes JSON. "extract" is the whole pipeline (read, repair, structure,
sentences, words, footnote links, entities, figures, checks, tasks); "word_tokenize" is underthesea alone on the very
sentences extract found, so the ratio shows what our stages cost on top of segmentation.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, ROOT, write_json  # noqa: E402

from nlp.entities.modes import DEFAULT_NER, NER_MODES  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=str(ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"))
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (median is reported)")
    parser.add_argument("--ner", default=DEFAULT_NER, choices=NER_MODES,
                        help="entity extractor (default: both, the default everywhere)")
    parser.add_argument("--json", default=None, help="default: .vnreport/bench/extract-NER.json")
    args = parser.parse_args()
    args.json = args.json or str(BENCH / f"extract-{args.ner}.json")

    from nlp.pipeline import stages_for

    stages = stages_for(args.ner)
    report, extract_s, bare_s = _whole_runs(args.file, stages, args.repeat)
    sentences = len(report.sentences)
    result = {
        "file": str(args.file), "ner": args.ner, "sentences": sentences, "characters": len(report.text),
        "repeat": args.repeat,
        "extract_seconds": round(extract_s, 4), "extract_sentences_per_s": round(sentences / extract_s, 1),
        "word_tokenize_seconds": round(bare_s, 4),
        "word_tokenize_sentences_per_s": round(sentences / bare_s, 1),
        "ratio_extract_to_word_tokenize": round(bare_s / extract_s, 3),
        "stage_seconds": _stage_seconds(args.file, stages, args.repeat),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
    }
    rows = [("stage", "seconds", "sentences/s"),
            ("extract (whole pipeline)", f"{extract_s:.3f}", f"{result['extract_sentences_per_s']:.0f}"),
            ("underthesea word_tokenize", f"{bare_s:.3f}", f"{result['word_tokenize_sentences_per_s']:.0f}")]
    rows += [(f"  stage {name}", f"{sec:.3f}", "") for name, sec in result["stage_seconds"].items()]
    for row in rows:
        print(f"{row[0]:<28}{row[1]:>10}{row[2]:>14}")
    print(f"{sentences} sentences; extract runs at {result['ratio_extract_to_word_tokenize']:.2f}x "
          f"bare word_tokenize (median of {args.repeat})")
    write_json(args.json, result)
    print(f"wrote {args.json}")


def _whole_runs(path: str, stages, repeat: int):
    """(report, median seconds of the whole pipeline, median seconds of bare word_tokenize over
    the very sentences it found)."""
    from nlp import load_report
    from nlp.segment import underthesea

    word_tokenize = underthesea().word_tokenize
    report = load_report(path, stages)  # warm: models loaded, caches filled
    sentences = [s.text for s in report.sentences]
    extract_times, bare_times = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        load_report(path, stages)
        extract_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for sentence in sentences:
            word_tokenize(sentence, use_token_normalize=False)
        bare_times.append(time.perf_counter() - started)
    return report, statistics.median(extract_times), statistics.median(bare_times)


def _stage_seconds(path: str, stages, repeat: int) -> dict[str, float]:
    """Median seconds of reading and of each stage."""
    from nlp.pipeline import read_report

    seconds = {"read": []} | {stage.__name__: [] for stage in stages}
    for _ in range(repeat):
        started = time.perf_counter()
        current = read_report(path)
        seconds["read"].append(time.perf_counter() - started)
        for stage in stages:
            started = time.perf_counter()
            current = stage(current)
            seconds[stage.__name__].append(time.perf_counter() - started)
    return {name: round(statistics.median(times), 4) for name, times in seconds.items()}


if __name__ == "__main__":
    main()
