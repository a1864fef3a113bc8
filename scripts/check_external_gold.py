"""Check the gold entities of the real external documents (models/data/external/*.jsonl).

The annotations hold offsets only; the text is read from
../shared/external/vn_readability_admin_docs/txt/<id>.txt through ``read_report`` (ingest only).
For every document: the sha256 of the text matches, the split agrees with split.tsv, spans are
inside the text, sorted, non-overlapping, with a known label and without edge spaces or edge
punctuation (quotes excepted); a record annotated on a prefix only carries ``"upto": N`` (a line end
inside the text) and all its spans start before N. Prints per-label counts per split; exits 1 on any problem.

    python scripts/check_external_gold.py
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "models" / "data" / "external"
DATA = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"
LABELS = ("AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "PERSON", "DATE")
EDGE_OK = set("“”\"'()")  # quotes/brackets may close a quoted name


def load(split: str) -> list[dict]:
    path = GOLD / f"{split}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def doc_text(doc: str) -> str:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from nlp.pipeline import read_report

    return read_report(DATA / "txt" / f"{doc}.txt").text


def split_table() -> dict[str, str]:
    rows = (DATA / "split.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {r.split("\t")[0]: r.split("\t")[1].strip() for r in rows if r.strip()}


def problems(rec: dict, text: str, splits: dict[str, str]) -> list[str]:
    out = []
    doc = rec["doc"]
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != rec["sha256"]:
        out.append(f"{doc}: sha256 differs (text changed?)")
    if splits.get(doc) != rec["split"]:
        out.append(f"{doc}: split {rec['split']!r} but split.tsv says {splits.get(doc)!r}")
    upto = rec.get("upto")
    if upto is not None and not (isinstance(upto, int) and 0 < upto <= len(text)):
        out.append(f"{doc}: upto {upto!r} is not a position in the text (len {len(text)})")
        upto = None
    elif upto is not None and upto < len(text) and text[upto] != "\n":
        out.append(f"{doc}: upto {upto} is not at a line end")
    prev_end = 0
    for start, end, label in rec["spans"]:
        if upto is not None and start >= upto:
            out.append(f"{doc} [{start},{end}) {label}: starts at or after upto {upto}")
        where = f"{doc} [{start},{end}) {label}"
        if label not in LABELS:
            out.append(f"{where}: unknown label")
        if not (0 <= start < end <= len(text)):
            out.append(f"{where}: out of bounds (len {len(text)})")
            continue
        if start < prev_end:
            out.append(f"{where}: overlaps or is out of order (previous end {prev_end})")
        prev_end = max(prev_end, end)
        s = text[start:end]
        if s != s.strip():
            out.append(f"{where}: leading/trailing space")
        for ch in (s[0], s[-1]):
            if not ch.isalnum() and ch not in EDGE_OK and ch != ".":
                out.append(f"{where}: edge punctuation {ch!r}")
        if "\n" in s:
            out.append(f"{where}: crosses a line break")
    return out


def check(splits=("dev", "test")) -> tuple[list[str], dict[str, Counter]]:
    table = split_table()
    errors, counts = [], {}
    for split in splits:
        recs = load(split)
        c = Counter()
        seen = set()
        for rec in recs:
            if rec["doc"] in seen:
                errors.append(f"{rec['doc']}: listed twice in {split}")
            seen.add(rec["doc"])
            errors += problems(rec, doc_text(rec["doc"]), table)
            c.update(label for _, _, label in rec["spans"])
        c["documents"] = len(recs)
        counts[split] = c
    return errors, counts


def main() -> int:
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 2
    errors, counts = check()
    print(f"{'split':6s} {'docs':>5s} " + " ".join(f"{lab:>9s}" for lab in LABELS) + "    total")
    for split, c in counts.items():
        total = sum(c[lab] for lab in LABELS)
        print(f"{split:6s} {c['documents']:5d} " + " ".join(f"{c[lab]:9d}" for lab in LABELS) + f" {total:8d}")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
