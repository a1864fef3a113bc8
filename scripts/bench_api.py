#!/usr/bin/env python
"""Load check of the API on loopback: C concurrent clients for S seconds on /api/search.

    python scripts/bench_api.py [--index DIR] [--clients 32] [--seconds 60] [--json PATH]

Starts `vnreport serve` on a free loopback port over the index (built from corpus/ into a
temporary directory when --index is not given), sends the dev questions round-robin from
threads, and reports requests, errors, p50/p95 latency. Bounded: loopback only, stops after S.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, ROOT, dev_questions, write_json  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", default=None)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", default=str(BENCH / "api.json"))
    args = parser.parse_args()

    questions = dev_questions()
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            from nlp.index.build import build_index

            index = str(Path(tmp) / "index")
            build_index([ROOT / "corpus"], index)
        with _served(index, questions[0]) as base:
            latencies, errors = _load(base, questions, args.clients, args.seconds)
    latencies.sort()
    result = {"clients": args.clients, "seconds": args.seconds, "requests": len(latencies) + len(errors),
              "errors": len(errors), "requests_per_s": round(len(latencies) / args.seconds, 1),
              "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
              "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None}
    print(json.dumps(result, indent=1))
    write_json(args.json, result)


@contextmanager
def _served(index: str, warm_question: str):
    """`vnreport serve` on a free port, answering (its model loaded); yields the base URL."""
    import httpx

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "nlp", "serve", "--index", index, "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(base + "/api/health", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)  # polling a process we started, not a test's sync
        httpx.get(base + "/api/search", params={"q": warm_question}, timeout=60)  # load the model
        yield base
    finally:
        server.terminate()
        server.wait(10)


def _load(base: str, questions: list[str], clients: int, seconds: float) -> tuple[list[float], list[float]]:
    """`clients` threads asking questions in turn for `seconds`: latencies of answers and errors (ms)."""
    import httpx

    latencies, errors, lock = [], [], threading.Lock()
    stop = time.monotonic() + seconds

    def client(n: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            i = n
            while time.monotonic() < stop:
                started = time.perf_counter()
                try:
                    ok = http.get("/api/search", params={"q": questions[i % len(questions)], "k": 10}).status_code == 200
                except httpx.HTTPError:
                    ok = False
                with lock:
                    (latencies if ok else errors).append((time.perf_counter() - started) * 1000)
                i += clients

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


if __name__ == "__main__":
    main()
