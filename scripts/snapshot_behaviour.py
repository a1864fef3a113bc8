"""Write the behaviour snapshot that tests/test_behaviour.py holds a refactor to.

    python scripts/snapshot_behaviour.py            # rewrite tests/data/behaviour/*.json

What it records, as offsets and values only (no text of the external documents):
- extract.json: for the seed, the seven written reports (models/data/reports) and the first
  20 dev documents of ../shared/external/vn_readability_admin_docs (by id): every entity
  (start, end, label) and every figure (start, end, value, unit, direction, basis), with the
  default NER;
- hits.json: the top-10 hits (passage id, kind, ranks) of every dev question
  (tests/data/questions.dev.jsonl) on an index of the seed built with the default settings.

Run it only before a change that must not alter behaviour, and again after a change that
alters it on purpose (say so in the commit): the test compares, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, dev_questions  # noqa: E402

OUT = ROOT / "tests" / "data" / "behaviour"
EXTERNAL = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"
SEED = ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"
EXTERNAL_DOCS = 20


def documents() -> list[tuple[str, Path]]:
    """(key, path): keys are stable across machines (repo-relative, or external:<id>)."""
    docs = [("corpus/" + SEED.name, SEED)]
    docs += [(f"models/data/reports/{p.name}", p) for p in sorted((ROOT / "models/data/reports").glob("*.txt"))]
    split = EXTERNAL / "split.tsv"
    if split.exists():
        dev = sorted(line.split("\t")[0] for line in split.read_text().splitlines()[1:] if line.endswith("\tdev"))
        docs += [(f"external:{i}", EXTERNAL / "txt" / f"{i}.txt") for i in dev[:EXTERNAL_DOCS]]
    return docs


def extract_snapshot(path: Path) -> dict:
    from nlp.pipeline import read_report, run_stages, stages_for

    report = run_stages(read_report(path), stages_for("both"))
    return {"entities": [[e.start, e.end, e.label] for e in report.entities],
            "figures": [[f.start, f.end, f.value, f.unit, f.direction, f.basis] for f in report.figures]}


# A rank past this is kept as "deep": far down a list, near-equal cosines swap places with the
# machine's float arithmetic (a dense rank 65 on one CPU read 66 on another), which is no change.
DEEP = 30


def coarse(rank: int | None) -> int | str | None:
    return rank if rank is None or rank <= DEEP else "deep"


def hits_snapshot(index) -> dict:
    questions = dev_questions()
    return {q: [[h.passage_id, h.kind, coarse(h.ranks["bm25"]), coarse(h.ranks["dense"])]
                for h in index.search(q, k=10)]
            for q in questions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args()
    from nlp import Index
    from nlp.index.build import build_index

    OUT.mkdir(parents=True, exist_ok=True)
    extracts = {key: extract_snapshot(path) for key, path in documents()}
    (OUT / "extract.json").write_text(json.dumps(extracts, ensure_ascii=False) + "\n", encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        build_index([SEED], Path(tmp) / "index", ner="both")
        index = Index.open(Path(tmp) / "index")
        hits = hits_snapshot(index)
        index.close()
    (OUT / "hits.json").write_text(json.dumps(hits, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(extracts)} documents, {len(hits)} questions -> {OUT}")


if __name__ == "__main__":
    main()
