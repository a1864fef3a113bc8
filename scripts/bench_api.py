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
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", default=None)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "bench" / "api.json"))
    args = parser.parse_args()

    import httpx

    from nlp.fileio import atomic_write_text

    questions = [json.loads(line)["question"] for line in
                 (ROOT / "tests" / "data" / "questions.dev.jsonl").read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            from nlp.index.build import build_index

            index = str(Path(tmp) / "index")
            build_index([ROOT / "corpus"], index)
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
                    time.sleep(0.1)
            httpx.get(base + "/api/search", params={"q": questions[0]}, timeout=60)  # load the model
            latencies, errors, lock = [], [], threading.Lock()
            stop = time.monotonic() + args.seconds

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
                        i += args.clients

            threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        finally:
            server.terminate()
            server.wait(10)
    latencies.sort()
    result = {"clients": args.clients, "seconds": args.seconds, "requests": len(latencies) + len(errors),
              "errors": len(errors), "requests_per_s": round(len(latencies) / args.seconds, 1),
              "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
              "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1) if latencies else None}
    print(json.dumps(result, indent=1))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(args.json, json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
