"""Offsets for hand annotation of ../shared/external documents (issue 15).

An annotation source is kept OUTSIDE the repository (it quotes the text): one entity per line,
``LABEL<TAB>surface`` in reading order, optionally ``LABEL<TAB>surface<TAB>N`` to take the N-th
(1-based) whole-word occurrence after the cursor instead of the next one. Lines starting with
"#" are comments. Each surface is searched from the end of the previous entity, on word
boundaries, and ``text[start:end] == surface`` is checked.

    python scripts/annotate_helper.py DOC_ID ANN_FILE          # prints spans with context
    python scripts/annotate_helper.py DOC_ID ANN_FILE --json   # the JSONL record (split from split.tsv)
    python scripts/annotate_helper.py DOC_ID ANN_FILE --json --upto N   # only a prefix was annotated
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"
LABELS = {"AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "PERSON", "DATE"}


def doc_text(doc: str) -> str:
    sys.path.insert(0, str(ROOT))
    from nlp.pipeline import read_report

    return read_report(DATA / "txt" / f"{doc}.txt").text


def find(text: str, surface: str, occurrence: int = 1, cursor: int = 0) -> tuple[int, int]:
    """(start, end) of the occurrence-th whole-word match of surface at or after cursor."""
    pos, seen = cursor, 0
    while True:
        i = text.find(surface, pos)
        if i < 0:
            raise ValueError(f"not found after {cursor}: {surface!r} (occurrence {occurrence})")
        j = i + len(surface)
        left_ok = i == 0 or not text[i - 1].isalnum()
        right_ok = j == len(text) or not text[j].isalnum()
        if left_ok and right_ok:
            seen += 1
            if seen == occurrence:
                assert text[i:j] == surface
                return i, j
        pos = i + 1


def spans_from(doc: str, ann: Path) -> tuple[str, list[list]]:
    text = doc_text(doc)
    spans, cursor = [], 0
    for n, line in enumerate(ann.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        label, surface = parts[0].strip(), parts[1]
        occ = int(parts[2]) if len(parts) > 2 else 1
        if label not in LABELS:
            raise ValueError(f"line {n}: bad label {label!r}")
        if surface != surface.strip():
            raise ValueError(f"line {n}: edge space in {surface!r}")
        s, e = find(text, surface, occ, cursor)
        spans.append([s, e, label])
        cursor = e
    return text, spans


def main(argv: list[str]) -> None:
    doc, ann = argv[0], Path(argv[1])
    text, spans = spans_from(doc, ann)
    if "--json" in argv:
        split = dict(l.split("\t")[:2] for l in (DATA / "split.tsv").read_text().split("\n")[1:] if l)
        rec = {"doc": doc, "split": split[doc].strip(),
               "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "spans": spans}
        if "--upto" in argv:
            rec["upto"] = int(argv[argv.index("--upto") + 1])
            late = [sp for sp in spans if sp[0] >= rec["upto"]]
            if late:
                raise ValueError(f"spans at or after upto {rec['upto']}: {late}")
        print(json.dumps(rec, ensure_ascii=False))
        return
    for s, e, label in spans:
        ctx = text[max(0, s - 25):s].replace("\n", "⏎") + "[" + text[s:e] + "]" + text[e:e + 15].replace("\n", "⏎")
        print(f"{s:6d} {e:6d} {label:9s} {ctx}")


if __name__ == "__main__":
    main(sys.argv[1:])
