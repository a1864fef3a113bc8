#!/usr/bin/env python
"""Query time of the figure explorer on an index of many reports (issue 18: /api/figures on
1,000 reports, p95 <= 100 ms).

    python scripts/bench_figures.py [--reports 1000] [--queries 200] [--json PATH]

Replicates the written test series (tests/data/series, 7 reports) into N distinct reports
(each copy one extra line, so its content hash differs), indexes them once (hash embedder,
NER rules: the store is what the explorer reads) under .vnreport/bench-figures/, then times
`/api/figures` through FastAPI's test client (the app, its JSON encoding and the explorer; no
network) for a mix of indicators, periods and reports, after one warm-up request that loads
the rows. Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, ROOT, write_json  # noqa: E402

SERIES = ROOT / "tests" / "data" / "series"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--json", default=str(BENCH / "figures.json"))
    args = parser.parse_args()
    index_dir = _index(args.reports)

    from fastapi.testclient import TestClient

    from nlp.api import create_app

    params = [{"indicator": "budget-revenue"}, {"indicator": "exports", "period": "2024-Q1"},
              {"indicator": "kim ngạch xuất khẩu"}, {"indicator": "tourists", "period": "2024-03"}, {}]
    with TestClient(create_app(index_dir)) as client:
        started = time.perf_counter()
        first = client.get("/api/figures", params=params[0])
        warm_s = time.perf_counter() - started
        assert first.status_code == 200, first.text
        times = []
        for n in range(args.queries):
            started = time.perf_counter()
            response = client.get("/api/figures", params=params[n % len(params)] | {"limit": 500})
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.text
    times.sort()
    result = {"reports": args.reports, "queries": args.queries, "first_request_s": round(warm_s, 2),
              "p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 1),
              "figures_in_first_answer": len(first.json()["figures"])}
    for key, value in result.items():
        print(f"{key:<24}{value:>12}")
    write_json(args.json, result)


def _index(n: int) -> Path:
    """An index of `n` distinct copies of the series (built once, reused while n is the same)."""
    from nlp.index.build import build_index

    root = ROOT / ".vnreport" / "bench-figures" / str(n)
    corpus, index_dir = root / "corpus", root / "index"
    if (index_dir / "manifest.json").exists():
        return index_dir
    corpus.mkdir(parents=True, exist_ok=True)
    sources = sorted(SERIES.glob("*.txt"))
    for k in range(n):
        src = sources[k % len(sources)]
        (corpus / f"{k:05d}-{src.name}").write_text(src.read_text(encoding="utf-8") + f"\nBản sao {k}.\n",
                                                  encoding="utf-8")
    started = time.perf_counter()
    build_index([corpus], index_dir, embedder="hash", ner="rules")
    print(f"indexed {n} reports in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return index_dir


if __name__ == "__main__":
    main()
