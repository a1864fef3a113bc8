#!/usr/bin/env python
"""Load check of the search API on loopback: C concurrent clients for S seconds on /api/search.

    python scripts/bench_api.py [--index DIR] [--clients 32] [--seconds 60] [--fresh] [--json PATH]

Starts `vnreport serve` on a free loopback port over the index (built from corpus/ into a
temporary directory when --index is not given) and loads it from a separate, cheap client
process: one asyncio task per client, each on its own keep-alive HTTP/1.1 connection (raw
sockets, no HTTP library), asking the 76 dev questions round-robin with k=10. The client shares
the machine's cores with the server; its own CPU time is reported so you can see what it took.

Reports requests/s, errors, p50/p95 latency, the server's and the client's CPU milliseconds per
request (steadier than requests/s on a busy machine) and the load average. Cache: the server
keeps question embeddings (an LRU of 1,024), so every question after its first ask is a cache
hit (100% of the run); --fresh appends the request number to each question, so none is (every
request embeds its question). Bounded: loopback only, stops after S seconds.
Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, ROOT, dev_questions, write_json  # noqa: E402

K = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", default=None, help="an index directory (default: build corpus/ into a temp dir)")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--fresh", action="store_true",
                        help="make every question new (a request number appended): no embedding cache hits")
    parser.add_argument("--json", default=str(BENCH / "api.json"))
    parser.add_argument("--drive", default=None, metavar="PORT", help=argparse.SUPPRESS)  # the client process
    args = parser.parse_args()
    if args.drive:
        print(json.dumps(_drive(int(args.drive), dev_questions(), args.clients, args.seconds, args.fresh)))
        return

    questions = dev_questions()
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            from nlp.index.build import build_index

            index = str(Path(tmp) / "index")
            build_index([ROOT / "corpus"], index)
        with _served(index, questions) as (port, server_pid):
            result = _measure(port, server_pid, args.clients, args.seconds, args.fresh)
    _print_table(result)
    write_json(args.json, result)
    print(f"wrote {args.json}")


@contextmanager
def _served(index: str, questions: list[str]):
    """`vnreport serve` on a free loopback port, each question asked once (the model loaded);
    yields (port, server pid)."""
    from urllib.request import urlopen

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "nlp", "serve", "--index", index, "--port", str(port)],
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                urlopen(base + "/api/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)  # polling a process we started, not a test's sync
        for question in questions:  # warm: the embedder loaded, every question seen once
            urlopen(f"{base}/api/search?{urlencode({'q': question, 'k': K})}", timeout=60).read()
        yield port, server.pid
    finally:
        server.terminate()
        server.wait(10)


def _measure(port: int, server_pid: int, clients: int, seconds: float, fresh: bool) -> dict:
    """Run the client process against the server; the figures of the run."""
    load_before = os.getloadavg()
    server_cpu = _cpu_seconds(server_pid)
    command = [sys.executable, __file__, "--drive", str(port), "--clients", str(clients), "--seconds", str(seconds)]
    out = subprocess.run(command + (["--fresh"] if fresh else []), capture_output=True, text=True, check=True)
    server_cpu = _cpu_seconds(server_pid) - server_cpu
    run = json.loads(out.stdout.strip().splitlines()[-1])
    latencies = sorted(run["latencies_ms"])
    done = len(latencies)
    return {
        "clients": clients, "seconds": seconds, "requests": done + run["errors"], "errors": run["errors"],
        "requests_per_s": round(done / run["elapsed_s"], 1),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(latencies[int(0.95 * (done - 1))], 1) if latencies else None,
        "server_cpu_ms_per_request": round(1000 * server_cpu / max(done, 1), 2),
        "client_cpu_ms_per_request": round(1000 * run["cpu_s"] / max(done, 1), 2),
        "response_kb": round(run["bytes"] / max(done, 1) / 1024, 1),
        # warmed with every question: a request repeats one (its embedding cached) unless --fresh
        "questions": "dev (76), each request a new one (number appended)" if fresh else "dev (76), round-robin",
        "embedding_cache_hit_share": 0.0 if fresh else 1.0,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "client": "separate process, asyncio, one keep-alive HTTP/1.1 connection per client, raw sockets",
    }


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _drive(port: int, questions: list[str], clients: int, seconds: float, fresh: bool) -> dict:
    """The client process: `clients` connections asking in turn for `seconds`."""
    def request(q: str) -> bytes:
        return f"GET /api/search?{urlencode({'q': q, 'k': K})} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()

    requests = [request(q) for q in questions]
    latencies: list[float] = []
    tally = {"errors": 0, "bytes": 0}

    async def client(n: int, stop: float) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = n
        try:
            while time.monotonic() < stop:
                started = time.perf_counter()
                try:
                    writer.write(request(f"{questions[i % len(questions)]} {i}") if fresh
                                 else requests[i % len(requests)])
                    status, body = await _response(reader)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    tally["errors"] += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                else:
                    if status == 200:
                        latencies.append((time.perf_counter() - started) * 1000)
                        tally["bytes"] += len(body)
                    else:
                        tally["errors"] += 1
                i += clients
        finally:
            writer.close()

    async def run() -> float:
        started = time.monotonic()
        await asyncio.gather(*(client(n, started + seconds) for n in range(clients)))
        return time.monotonic() - started

    cpu = time.process_time()
    elapsed = asyncio.run(run())
    return {"latencies_ms": latencies, "elapsed_s": elapsed, "cpu_s": time.process_time() - cpu, **tally}


async def _response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One HTTP/1.1 response with a Content-Length body: (status, body)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:"))
    return status, await reader.readexactly(length)


def _print_table(r: dict) -> None:
    print(f"/api/search, {r['clients']} clients x {r['seconds']:g} s, {r['cpus']} CPUs; client: {r['client']}")
    print(f"{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}{'requests':>10}{'server CPU ms/req':>19}"
          f"{'client CPU ms/req':>19}{'KB/resp':>9}")
    print(f"{r['requests_per_s']:>8}{r['p50_ms']:>9}{r['p95_ms']:>9}{r['errors']:>8}{r['requests']:>10}"
          f"{r['server_cpu_ms_per_request']:>19}{r['client_cpu_ms_per_request']:>19}{r['response_kb']:>9}")
    print(f"load average before {r['load_average_before']}, after {r['load_average_after']}; questions: "
          f"{r['questions']}; share of requests whose embedding comes from the cache: "
          f"{100 * r['embedding_cache_hit_share']:.0f}%")


if __name__ == "__main__":
    main()
