#!/usr/bin/env python
"""PDF text-layer libraries side by side: pypdfium2 (what nlp.ingest.pdf uses) vs pdfplumber.

    python scripts/bench_pdf.py [--repeat 5] [--json .vnreport/bench/pdf.json]

Needs reportlab and pdfplumber (dev-only). The fixtures are re-typeset in a temporary directory
by scripts/make_pdf_fixtures.py (which also says what was drawn on every page, and checks the
committed tests/data/pdf/*.pdf are byte-identical); the committed chromium.pdf (a second producer,
printed without footnote bodies, so its markers must stay digits) is read as it is. For each
library and fixture:

- pages/s: open the file and read every glyph with its position and size (best of --repeat);
  "+layout" adds the reader's layout and parse_word_export (the whole of read_pdf);
- glyph CER: the non-whitespace glyphs in content order against the drawn text's, after NFC
  (not for chromium.pdf, whose drawing is not known glyph by glyph);
  `nfc` says whether the library's text was NFC as extracted;
- text CER: the same layout code (nlp.ingest.pdf.linear_text, then parse_word_export) run on the
  library's glyphs, whole report text against the source (742: the .txt read by read_report;
  short: its source strings), NFC and whitespace collapsed. The edit distance is a word-level
  diff refined to characters inside changed blocks (exact when the texts agree);
- phrases: how many times "Ủy ban", "ĐẦU TƯ", "tỷ đồng" occur in that text vs the source;
- footnotes: markers found (superscript digit runs turned into `[footnoteRef:N]`) vs expected;
- superscript probe: a one-line PDF with a 0.66-size superscript set by text rise (Ts) inside
  a text matrix scaled by 12: the size and baseline raise each library reports (expect 7.92, 3.96).
Prints a table and writes JSON via nlp.fileio.atomic_write_text.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import sys
import tempfile
import time
import unicodedata
from difflib import SequenceMatcher
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

PHRASES = ("Ủy ban", "ĐẦU TƯ", "tỷ đồng")


def chars_pypdfium2(path: Path, data: bytes):
    from nlp.ingest.pdf import pdf_chars

    return pdf_chars(path, data)


def chars_pdfplumber(path: Path, data: bytes):
    import pdfplumber

    from nlp.ingest.pdf import Char

    pages = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            # matrix = (a, b, c, d, e, f): origin (e, f) in PDF space, like pdfium's char origin.
            pages.append([Char(ch["text"], ch["x0"], ch["x1"], ch["matrix"][5], ch["size"])
                          for ch in page.chars if ch["upright"]])
    return pages


LIBRARIES = {"pypdfium2": chars_pypdfium2, "pdfplumber": chars_pdfplumber}


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, computed inside the blocks a word-level diff says differ."""
    wa, wb = a.split(" "), b.split(" ")
    total = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if op != "equal":
            total += _levenshtein(" ".join(wa[i1:i2]), " ".join(wb[j1:j2]))
    return total


def _levenshtein(a: str, b: str) -> int:
    if len(a) * len(b) > 25_000_000:
        return max(len(a), len(b))
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def cer(found: str, expected: str) -> float:
    return edit_distance(found, expected) / max(len(expected), 1)


def references(made) -> dict[str, dict]:
    """Per fixture: the drawn glyphs, the source text and its footnote count."""
    from make_pdf_fixtures import CHROMIUM_UNTIL, SHORT, SHORT_NOTE, SUP

    from nlp.pipeline import read_report

    seed = read_report(ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt")
    short = " ".join(text.replace(f"{SUP}1{SUP}", "") for kind, text in SHORT if kind != "break")
    printed = []  # chromium.pdf prints no footnote bodies, so its markers stay digits
    for par in seed.paragraphs:
        if par.text.startswith(CHROMIUM_UNTIL):
            break
        text = par.text
        for note in sorted(seed.footnotes, key=lambda f: -f.anchor):
            if par.start <= note.anchor <= par.end:
                text = text[:note.anchor - par.start] + str(note.id) + text[note.anchor - par.start:]
        printed.append(text)
    return {
        "742.pdf": {"drawn": made["742.pdf"].drawn, "source": normalise(seed.text), "footnotes": len(seed.footnotes)},
        "742-nfd.pdf": {"drawn": made["742-nfd.pdf"].drawn, "source": normalise(seed.text),
                        "footnotes": len(seed.footnotes)},
        "short.pdf": {"drawn": made["short.pdf"].drawn, "source": normalise(short + " " + SHORT_NOTE), "footnotes": 1},
        "chromium.pdf": {"drawn": None, "source": normalise(" ".join(printed)), "footnotes": 0},
    }


def measure(name: str, path: Path, ref: dict, repeat: int) -> dict:
    from nlp.ingest.pdf import linear_text
    from nlp.ingest.txt import parse_word_export

    data = path.read_bytes()
    read = LIBRARIES[name]
    times, totals = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        pages = read(path, data)
        times.append(time.perf_counter() - started)
        ing = parse_word_export(linear_text(pages)[0])
        totals.append(time.perf_counter() - started)
    glyphs = unicodedata.normalize("NFC", "".join(c.text for page in pages for c in page if not c.text.isspace()))
    drawn = "".join("".join(line.split()) for page in ref["drawn"] for line in page) if ref["drawn"] else None
    text = normalise(ing.text)
    return {
        "library": name, "version": version(name), "fixture": path.name, "pages": len(pages),
        "pages_per_s": round(len(pages) / min(times), 1), "seconds": round(min(times), 3),
        "reader_pages_per_s": round(len(pages) / min(totals), 1),
        "glyph_cer": round(cer(glyphs, unicodedata.normalize("NFC", drawn)), 5) if drawn else None,
        "nfc": unicodedata.is_normalized("NFC", "".join(c.text for page in pages for c in page)),
        "text_cer": round(cer(text, ref["source"]), 5),
        "phrases": {p: [text.count(p), ref["source"].count(p)] for p in PHRASES},
        "footnotes": [sum(f.anchor is not None and f.body is not None for f in ing.footnotes), ref["footnotes"]],
    }


def superscript_probe() -> dict[str, dict]:
    """Size and raise each library reports for a Ts-raised superscript inside a scaled text matrix."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    text = canvas.beginText()
    text.setTextTransform(12, 0, 0, 12, 100, 700)
    text.setFont("Helvetica", 1)
    text.textOut("Quy I/2023")
    text.setRise(0.33)
    text.setFont("Helvetica", 0.66)
    text.textOut("17")
    text.setRise(0)
    text.setFont("Helvetica", 1)
    text.textOut(" tang")
    canvas.drawText(text)
    canvas.showPage()
    canvas.save()
    out = {}
    for name, read in LIBRARIES.items():
        chars = read(Path("probe.pdf"), buf.getvalue())[0]
        body = next(c for c in chars if c.text == "Q")
        sup = [c for c in chars if c.text == "1"]
        out[name] = {"body_size": round(body.size, 2), "sup_size": round(sup[0].size, 2),
                     "sup_raise": round(sup[0].base - body.base, 2)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="timed reads per library and fixture")
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "bench" / "pdf.json"), help="output JSON")
    args = parser.parse_args()

    import make_pdf_fixtures as fixtures

    from nlp.fileio import atomic_write_text

    fixtures.register_fonts()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        out = Path(tmp)
        made = {"742.pdf": fixtures.make_742(out), "short.pdf": fixtures.make_short(out)}
        committed = ROOT / "tests" / "data" / "pdf"
        same = {name: (out / name).read_bytes() == (committed / name).read_bytes() for name in made}
        made["742-nfd.pdf"] = fixtures.make_742(out, "NFD")
        refs = references(made)
        runs = [measure(lib, out / name, refs[name], args.repeat) for name in made for lib in LIBRARIES]
        runs += [measure(lib, committed / "chromium.pdf", refs["chromium.pdf"], args.repeat) for lib in LIBRARIES]
    probe = superscript_probe()

    print(f"{'library':<20} {'fixture':<12} {'pages':>5} {'pages/s':>8} {'+layout':>8} {'glyph CER':>9} {'text CER':>9} "
          f"{'NFC':>4} {'footnotes':>9}  phrases (found/source)")
    for run in runs:
        phrases = ", ".join(f"{p} {a}/{b}" for p, (a, b) in run["phrases"].items())
        print(f"{run['library'] + ' ' + run['version']:<20} {run['fixture']:<12} {run['pages']:>5} "
              f"{run['pages_per_s']:>8} {run['reader_pages_per_s']:>8} {str(run['glyph_cer']):>9} {run['text_cer']:>9} {'yes' if run['nfc'] else 'no':>4} "
              f"{'%d/%d' % tuple(run['footnotes']):>9}  {phrases}")
    print("superscript probe (expect size 7.92, raise 3.96):")
    for name, values in probe.items():
        print(f"  {name:<12} body size {values['body_size']}, sup size {values['sup_size']}, raise {values['sup_raise']}")
    if not all(same.values()):
        print(f"note: committed fixtures differ from a fresh build: {same}")
    report = {"runs": runs, "superscript_probe": probe, "fixtures_reproducible": same,
              "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}}
    atomic_write_text(args.json, json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {args.json}")


if __name__ == "__main__":
    main()
