#!/usr/bin/env python
"""Lexical engines side by side: bm25s (nlp.index.sparse.LexicalIndex) vs SQLite FTS5, same tokens.

    python scripts/bench_lexical.py [--sizes 10000 100000] [--queries 200] [--k 10] [--json PATH]

Documents are the paragraphs (non-empty lines) of the seed report and of the admin documents in
/work/shared/external/vn_readability_admin_docs/txt (evaluation data, used here only for scale),
tokenized once with underthesea and `lexical_tokens`, then replicated to each size. Queries are
sentences sampled from the same paragraphs; "short" queries are their first four words typed
without diacritics. For each engine and size: build seconds (including writing to disk), size on
disk, query p50/p95 in ms (full sentence, full sentence with an `allowed` mask of 10% of rows,
short), and how often both engines put the same paragraph first (replicas tie, so rows are compared
modulo the number of distinct paragraphs). FTS5 stores the tokens space-separated in a contentless
table whose unicode61 tokenizer keeps them as given; the script checks its vocabulary equals ours.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

SEED = ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"
EXTERNAL = Path("/work/shared/external/vn_readability_admin_docs/txt")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="documents per run")
    parser.add_argument("--queries", type=int, default=200, help="sentences sampled as queries")
    parser.add_argument("--k", type=int, default=10, help="results per query")
    parser.add_argument("--seed", type=int, default=13, help="random seed for queries and the mask")
    parser.add_argument("--external", default=str(EXTERNAL), help="directory of extra .txt documents")
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "bench" / "lexical.json"))
    args = parser.parse_args()

    import numpy as np

    from nlp.fileio import atomic_write_text

    rng = random.Random(args.seed)
    paragraphs = read_paragraphs([SEED, *sorted(Path(args.external).glob("*.txt"))])
    started = time.perf_counter()
    base = tokenize_paragraphs(paragraphs)
    tokenize_s = time.perf_counter() - started
    queries = sample_queries(paragraphs, args.queries, rng)
    print(f"{len(paragraphs)} paragraphs tokenized in {tokenize_s:.1f}s; "
          f"{statistics.mean(map(len, base)):.0f} tokens each; {len(queries['full'])} queries "
          f"(~{statistics.mean(map(len, queries['full'])):.0f} tokens, short ~"
          f"{statistics.mean(map(len, queries['short'])):.0f})")

    runs = []
    for size in args.sizes:
        docs = [base[i % len(base)] for i in range(size)]
        mask_rng = np.random.default_rng(args.seed)
        allowed = np.zeros(size, dtype=bool)
        allowed[mask_rng.choice(size, size // 10, replace=False)] = True
        tops = {}
        for engine in (Bm25sEngine, Fts5Engine):
            with tempfile.TemporaryDirectory(prefix="bench-lexical-") as tmp:
                run, tops[engine.name] = measure(engine, docs, queries, allowed, args.k, Path(tmp))
            run["docs"] = size
            runs.append(run)
        agreement = {
            kind: sum(same_paragraph(a, b, len(base)) for a, b in zip(tops["bm25s"][kind], tops["fts5"][kind]))
            / len(queries["full"]) for kind in ("full", "masked", "short")
        }
        for run in runs[-2:]:
            run["top1_agreement"] = {kind: round(value, 3) for kind, value in agreement.items()}

    result = {
        "paragraphs": len(paragraphs), "tokenize_seconds": round(tokenize_s, 2),
        "mean_tokens_per_paragraph": round(statistics.mean(map(len, base)), 1),
        "queries": len(queries["full"]), "k": args.k, "mask_fraction": 0.1,
        "mean_query_tokens": {kind: round(statistics.mean(map(len, q)), 1) for kind, q in queries.items()},
        "runs": runs,
        "machine": {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                    "cpus": os.cpu_count(), "platform": platform.platform()},
    }
    print_table(runs)
    atomic_write_text(args.json, json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {args.json}")


def read_paragraphs(paths: list[Path]) -> list[str]:
    paragraphs = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.split())
            if len(line) >= 20:  # list markers and stray headings alone on a line are not paragraphs
                paragraphs.append(line)
    return paragraphs


def tokenize_paragraphs(paragraphs: list[str]) -> list[list[str]]:
    from underthesea import word_tokenize

    from nlp.index.sparse import lexical_tokens

    return [lexical_tokens(word_tokenize(p, use_token_normalize=False)) for p in paragraphs]


def sample_queries(paragraphs: list[str], n: int, rng: random.Random) -> dict[str, list[list[str]]]:
    from underthesea import sent_tokenize

    from nlp.index.sparse import fold, query_tokens

    full, short = [], []
    for paragraph in rng.sample(paragraphs, n):
        sentence = rng.choice(sent_tokenize(paragraph))
        full.append(query_tokens(sentence))
        short.append(query_tokens(fold(" ".join(sentence.split()[:4]))))
    return {"full": full, "short": short}


def same_paragraph(a: int | None, b: int | None, n_base: int) -> bool:
    return a == b if a is None or b is None else a % n_base == b % n_base


class Bm25sEngine:
    name = "bm25s"

    def __init__(self, directory: Path) -> None:
        from nlp.index.sparse import LexicalIndex

        self.index = LexicalIndex.load(directory)

    @staticmethod
    def build(docs: list[list[str]], directory: Path) -> None:
        from nlp.index.sparse import LexicalIndex

        LexicalIndex.build(docs).save(directory)

    def search(self, tokens, k, allowed=None):
        return self.index.search(tokens, k, allowed)


class Fts5Engine:
    """Tokens as given: unicode61 keeps letters, digits and marks, plus every other character our tokens hold."""

    name = "fts5"

    def __init__(self, directory: Path) -> None:
        self.db = sqlite3.connect(directory / "fts.sqlite")

    @staticmethod
    def build(docs: list[list[str]], directory: Path) -> None:
        vocabulary = {t for doc in docs for t in doc}
        extra = sorted({ch for t in vocabulary for ch in t if not ch.isalnum()})
        # quoted twice: '' inside the tokenizer's own argument, "" inside the option value
        tokenchars = "".join(extra).replace("'", "''").replace('"', '""')
        db = sqlite3.connect(directory / "fts.sqlite")
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, content='', tokenize = "
                   f"\"unicode61 remove_diacritics 0 categories 'L* N* M* Co' tokenchars '{tokenchars}'\")")
        joined: dict[int, str] = {}  # replicas share one list: join it once
        for doc in docs:
            if id(doc) not in joined:
                joined[id(doc)] = " ".join(doc)
        rows = ((i + 1, joined[id(doc)]) for i, doc in enumerate(docs))
        db.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)", rows)
        db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        db.commit()
        db.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, docs, 'row')")
        stored = {term for (term,) in db.execute("SELECT term FROM temp.terms")}
        if stored != vocabulary:
            raise SystemExit(f"FTS5 changed tokens: {sorted(stored ^ vocabulary)[:10]}")
        db.close()

    @staticmethod
    def match_expression(tokens) -> str:
        return " OR ".join('"' + t.replace('"', '""') + '"' for t in tokens)

    def search(self, tokens, k, allowed=None):
        if not tokens:
            return []
        expression = self.match_expression(tokens)
        if allowed is None:
            sql = "SELECT rowid - 1, -bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?"
            return self.db.execute(sql, (expression, k)).fetchall()
        # Filtering in SQL ("rowid IN json_each(?)" or a temp table) moves ORDER BY rank out of FTS5 (plan:
        # "USE TEMP B-TREE FOR ORDER BY") and took 1.6-2 s a query at 10k rows; this is ~100x faster.
        import numpy as np

        rows = self.db.execute("SELECT rowid - 1, -bm25(docs) FROM docs WHERE docs MATCH ?", (expression,))
        found = np.array(rows.fetchall(), dtype=np.float64).reshape(-1, 2)
        found = found[allowed[found[:, 0].astype(np.int64)]]
        found = found[np.lexsort((found[:, 0], -found[:, 1]))][:k]
        return [(int(row), float(score)) for row, score in found]


def measure(engine, docs, queries, allowed, k, directory: Path):
    started = time.perf_counter()
    engine.build(docs, directory)
    build_s = time.perf_counter() - started
    disk = sum(f.stat().st_size for f in directory.iterdir() if f.is_file())
    started = time.perf_counter()
    searcher = engine(directory)
    load_s = time.perf_counter() - started
    for tokens in queries["full"][:10]:  # warm caches
        searcher.search(tokens, k)
    run = {"engine": engine.name, "build_seconds": round(build_s, 2), "load_seconds": round(load_s, 3),
           "disk_mb": round(disk / 1e6, 1)}
    tops = {}
    for kind, tokens_list, mask in (("full", queries["full"], None), ("masked", queries["full"], allowed),
                                    ("short", queries["short"], None)):
        times, tops[kind] = [], []
        for tokens in tokens_list:
            started = time.perf_counter()
            hits = searcher.search(tokens, k, mask)
            times.append((time.perf_counter() - started) * 1000)
            tops[kind].append(hits[0][0] if hits else None)
            if mask is not None and any(not mask[row] for row, _ in hits):
                raise SystemExit(f"{engine.name} returned a row outside the mask")
        quantiles = statistics.quantiles(times, n=20)
        run[kind] = {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(quantiles[18], 2)}
    return run, tops


def print_table(runs: list[dict]) -> None:
    header = ("engine", "docs", "build s", "disk MB", "p50 ms", "p95 ms", "mask p50", "mask p95",
              "short p50", "short p95", "top1 same")
    print("  ".join(f"{h:>9}" for h in header))
    for r in runs:
        cells = (r["engine"], r["docs"], f"{r['build_seconds']:.1f}", f"{r['disk_mb']:.1f}",
                 f"{r['full']['p50_ms']:.1f}", f"{r['full']['p95_ms']:.1f}",
                 f"{r['masked']['p50_ms']:.1f}", f"{r['masked']['p95_ms']:.1f}",
                 f"{r['short']['p50_ms']:.1f}", f"{r['short']['p95_ms']:.1f}",
                 f"{r['top1_agreement']['full']:.0%}")
        print("  ".join(f"{c:>9}" for c in cells))


if __name__ == "__main__":
    main()
