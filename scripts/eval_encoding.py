#!/usr/bin/env python
"""Measure legacy-encoding decoding: viparse alone and `decode_bytes` as shipped.

    python scripts/eval_encoding.py [--docs DIR] [--samples N] [--json PATH]

Evaluation only. Real Vietnamese text (the seed report and the .txt files in DIR) is
encoded into TCVN3, VNI and Windows-1258 with the reference encoders of
make_encoding_fixtures.py, then decoded back:

- full documents: viparse's verdict (`detect_text_encoding`), the character error rate of
  `viparse.fix(text, encoding=…)` as is (it also cleans whitespace), of the same conversion
  run by `convert_legacy` with and without our VNI patch, and what `decode_bytes` decides;
- short texts (one line, 200 and 1,000 characters, N random samples each): viparse's verdict
  and `decode_bytes`' outcome (right / wrong encoding / refused);
- mojibake (the legacy bytes shown as Windows-1252 and saved as UTF-8): the share of the
  original's words found, in order, in the text as read, after `viparse.fix` (auto and told the
  encoding) and after `decode_bytes`, with viparse's verdict (`--only mojibake` for this alone);
- false positives: UTF-8 documents and short pieces of them (viparse's verdict on Unicode
  text; `decode_bytes` must return UTF-8 without a warning), UTF-8 with a few broken bytes,
  Windows-1252 text in five other languages (refused, or read intact where cp1258 agrees)
  and random bytes (refused). Also the speed of `decode_bytes` per encoding.

CER is edit operations / reference characters, counted with difflib per line (an upper
bound of Levenshtein distance), after NFC; TCVN3 is also scored against the original with
upper-case toned letters lower-cased, all TCVN3 (ABC) can carry.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
DOCS = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs" / "txt"
LEGACY = ("tcvn3", "vni", "cp1258")
FOREIGN = (
    "Le préfet a présenté hier le rapport économique du département; les élèves, très "
    "nombreux, ont été reçus à la mairie où l'on a célébré la fête de fin d'année.",
    "El señor alcalde presentó el informe anual: la economía creció un 3,5% y la región "
    "recibió más turistas que nunca, según la encuesta de la asociación de hoteleros.",
    "Die Stadtverwaltung veröffentlichte den Bericht über die wirtschaftliche Entwicklung; "
    "größere Unternehmen erhöhten ihre Umsätze, während die Arbeitslosigkeit zurückging.",
    "O prefeito apresentou o relatório anual: a população cresceu e a região recebeu mais "
    "turistas, disse a associação, que não esperava tanta procura no verão.",
    "Il sindaco ha presentato la relazione: l’economia è cresciuta, più turisti sono arrivati "
    "e la città ha ottenuto un finanziamento per l’università.",
    "The mayor’s office said the “annual report” was late – again – because the auditor’s "
    "figures arrived after the deadline…",
)
# Vietnamese typed without diacritics, with Windows-1252 quotes: any Latin code page reads it.
PLAIN = "Bao cao “tinh hinh kinh te – xa hoi” thang 3 nam 2023 cua So Ke hoach va Dau tu…"


def cer(reference: str, hypothesis: str) -> tuple[float, Counter]:
    """(edits / len(reference), Counter of (expected, got) pieces), difflib per line."""
    ref_lines, hyp_lines = reference.split("\n"), hypothesis.split("\n")
    edits, confusions = 0, Counter()
    matcher = difflib.SequenceMatcher(None, ref_lines, hyp_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for ref, hyp in zip(ref_lines[i1:i2], hyp_lines[j1:j2]):
                edits += _line_edits(ref, hyp, confusions)
        else:
            a, b = "\n".join(ref_lines[i1:i2]), "\n".join(hyp_lines[j1:j2])
            edits += _line_edits(a, b, confusions)
    return edits / max(1, len(reference)), confusions


def _line_edits(ref: str, hyp: str, confusions: Counter) -> int:
    edits = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ref, hyp, autojunk=False).get_opcodes():
        if tag != "equal":
            edits += max(i2 - i1, j2 - j1)
            if i2 - i1 <= 4 and j2 - j1 <= 4:
                confusions[(ref[i1:i2], hyp[j1:j2])] += 1
    return edits


def load_texts(folder: Path) -> list[tuple[str, str]]:
    """(name, NFC text) of the seed and every .txt in `folder`, minus what no legacy code
    page can carry (one U+200E in 1.2M characters)."""
    import make_encoding_fixtures as fixtures

    paths = [ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"] + sorted(folder.glob("*.txt"))
    texts = []
    for path in paths:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        text = "".join(ch for ch in text if ch in fixtures.TCVN3 or _cp1252(ch))
        texts.append((path.name, text))
    return texts


def _cp1252(ch: str) -> bool:
    try:
        ch.encode("cp1252")
        return True
    except UnicodeEncodeError:
        return False


def surface(data: bytes) -> str:
    from nlp.ingest import encoding

    return data.decode("latin-1").translate(encoding._CP1252_C1)


def outcome(data: bytes, expected: str, want: str) -> tuple[str, float | None]:
    """What decode_bytes did with `data`: ("right" | "wrong:<enc>" | "refused" | "utf-8", CER)."""
    from nlp.errors import InputError
    from nlp.ingest.encoding import LEGACY_NAMES, decode_bytes

    try:
        text, warnings, _ = decode_bytes(Path("x.txt"), data)
    except InputError:
        return "refused", None
    got = next((enc for enc, name in LEGACY_NAMES.items() for w in warnings if name in w.message), "utf-8")
    return ("right" if got == want else f"wrong:{got}"), cer(expected, unicodedata.normalize("NFC", text))[0]


def full_documents(texts: list[tuple[str, str]]) -> dict:
    import viparse

    import make_encoding_fixtures as fixtures
    from nlp.ingest import encoding

    report: dict = {}
    for enc in LEGACY:
        encode = getattr(fixtures, f"encode_{enc}")
        verdicts, decisions, confusions = Counter(), Counter(), Counter()
        totals = Counter()
        elapsed = 0.0
        for _, text in texts:
            data = encode(text)
            expected = fixtures.tcvn3_representable(text) if enc == "tcvn3" else text
            surf = surface(data)
            verdicts[str(viparse.detect_text_encoding(surf[: encoding._DETECT_CHARS]))] += 1
            start = time.perf_counter()
            decided, err = outcome(data, expected, enc)
            elapsed += time.perf_counter() - start
            decisions[decided] += 1
            totals["chars"] += len(text)
            totals["decode_edits"] += (err or 0) * len(expected) if err is not None else len(expected)
            if enc == "cp1258":
                continue
            fixed = unicodedata.normalize("NFC", viparse.fix(surf, encoding=enc))
            totals["fix_edits"] += cer(expected, fixed)[0] * len(expected)
            ours, conf = cer(expected, encoding.convert_legacy(surf, enc))
            totals["ours_edits"] += ours * len(expected)
            confusions.update(conf)
            if enc == "vni":
                saved = encoding._VNI_MISSED_RE
                encoding._VNI_MISSED_RE = re.compile(r"(?!)")
                totals["raw_edits"] += cer(expected, encoding.convert_legacy(surf, enc))[0] * len(expected)
                encoding._VNI_MISSED_RE = saved
            if enc == "tcvn3":
                totals["vs_original_edits"] += cer(text, encoding.convert_legacy(surf, enc))[0] * len(text)
        chars = totals["chars"]
        report[enc] = {
            "documents": len(texts), "characters": chars,
            "viparse_verdicts": dict(verdicts), "decode_bytes": dict(decisions),
            "decode_bytes_cer": totals["decode_edits"] / chars,
            "decode_bytes_chars_per_s": chars / elapsed,
        }
        if enc != "cp1258":
            report[enc] |= {
                "viparse_fix_cer (whitespace cleaned)": totals["fix_edits"] / chars,
                "viparse_by_runs_cer": totals["ours_edits"] / chars,
                "residual_confusions": [f"{a!r}->{b!r} x{n}" for (a, b), n in confusions.most_common(8)],
            }
        if enc == "vni":
            report[enc]["viparse_by_runs_cer (no ẳ/ỵ patch)"] = totals["raw_edits"] / chars
        if enc == "tcvn3":
            report[enc]["cer_vs_original_case"] = totals["vs_original_edits"] / chars
    return report


def pieces(texts: list[tuple[str, str]], kind: str, count: int, rnd: random.Random) -> list[str]:
    """`count` random one-line / fixed-length pieces that hold at least one non-ASCII letter."""
    out: list[str] = []
    if kind == "line":
        lines = [line for _, text in texts for line in text.split("\n")
                 if 20 <= len(line.strip()) <= 150 and not line.isascii()]
        return rnd.sample(lines, min(count, len(lines)))
    size = int(kind)
    big = [text for _, text in texts if len(text) > 2 * size]
    while len(out) < count:
        text = rnd.choice(big)
        start = rnd.randrange(0, len(text) - size)
        piece = text[start:start + size]
        if not piece.isascii():
            out.append(piece)
    return out


def short_texts(texts: list[tuple[str, str]], count: int) -> dict:
    import viparse

    import make_encoding_fixtures as fixtures

    rnd = random.Random(7)
    report: dict = {}
    for kind in ("line", "200", "1000"):
        chosen = pieces(texts, kind, count, rnd)
        for enc in LEGACY:
            encode = getattr(fixtures, f"encode_{enc}")
            verdicts, decisions, edits, chars = Counter(), Counter(), 0.0, 0
            for piece in chosen:
                data = encode(piece)
                expected = fixtures.tcvn3_representable(piece) if enc == "tcvn3" else piece
                verdicts[str(viparse.detect_text_encoding(surface(data)))] += 1
                decided, err = outcome(data, expected, enc)
                decisions[decided] += 1
                if err is not None:
                    edits, chars = edits + err * len(expected), chars + len(expected)
            report[f"{enc} {kind}"] = {
                "samples": len(chosen), "viparse_verdicts": dict(verdicts),
                "decode_bytes": dict(decisions), "cer_of_accepted": edits / chars if chars else None,
            }
        unicode_verdicts, utf8 = Counter(), Counter()
        for piece in chosen:
            unicode_verdicts[str(viparse.detect_text_encoding(piece))] += 1
            utf8[outcome(piece.encode("utf-8"), piece, "utf-8")[0]] += 1
        report[f"utf-8 {kind}"] = {"samples": len(chosen), "viparse_verdicts_on_unicode": dict(unicode_verdicts),
                                   "decode_bytes": dict(utf8)}
    return report


def false_positives(texts: list[tuple[str, str]], layouts: list[Path]) -> dict:
    import viparse

    rnd = random.Random(11)
    utf8 = Counter(outcome(text.encode("utf-8"), text, "utf-8")[0] for _, text in texts)
    utf8.update(outcome(path.read_bytes(), path.read_text(encoding="utf-8"), "utf-8")[0] for path in layouts)
    on_unicode = Counter(str(viparse.detect_text_encoding(text)) for _, text in texts)
    broken = Counter()
    for _, text in texts:
        data = bytearray(text.encode("utf-8"))
        for _ in range(rnd.choice((1, 3, 10))):
            data.insert(rnd.randrange(len(data)), rnd.choice((0x93, 0x94, 0xA0, 0xE9, 0xFF)))
        broken[outcome(bytes(data), text, "utf-8")[0]] += 1
    foreign = Counter(_foreign_outcome(text) for text in FOREIGN)
    plain = outcome(PLAIN.encode("cp1252"), PLAIN, "cp1258")
    noise = Counter(outcome(bytes(rnd.randrange(1, 256) for _ in range(2000)), "", "none")[0] for _ in range(50))
    return {
        "utf-8 documents (decode_bytes)": dict(utf8),
        "utf-8 documents (viparse verdict on the Unicode text)": dict(on_unicode),
        "utf-8 with 1-10 broken bytes": dict(broken),
        "cp1252 French/Spanish/German/Portuguese/Italian/English": dict(foreign),  # intact: English
        "cp1252 Vietnamese without diacritics (right = read as cp1258, CER)": plain,
        "random bytes without NUL": dict(noise),
    }


def _foreign_outcome(text: str) -> str:
    """refused | intact (read as a code page that agrees with cp1252 there) | garbled:<enc>."""
    decided, err = outcome(text.encode("cp1252"), text, "cp1252")
    if decided == "refused":
        return decided
    return "intact" if err == 0 else f"garbled:{decided.split(':')[-1]}"


def words_found(reference: list[str], text: str) -> float:
    """Share of `reference` words found in order among the words (\\w+, NFC) of `text`."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text))
    matcher = difflib.SequenceMatcher(None, reference, words, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(1, len(reference))


def mojibake(texts: list[tuple[str, str]]) -> dict:
    """Per encoding and method: mean share of the original's words found, over the documents."""
    import viparse

    import make_encoding_fixtures as fixtures
    from nlp.ingest.encoding import decode_bytes

    report: dict = {}
    for enc in LEGACY:
        encode = getattr(fixtures, f"encode_{enc}")
        found, verdicts = Counter(), Counter()
        for _, text in texts:
            reference = re.findall(r"\w+", text)
            shown = fixtures.shown_as_cp1252(encode(text))
            verdicts[str(viparse.detect_text_encoding(shown[:65536]))] += 1
            found["as read"] += words_found(reference, shown)
            found["viparse.fix"] += words_found(reference, viparse.fix(shown))
            if enc != "cp1258":  # viparse has no Windows-1258 table
                found[f"viparse.fix(encoding={enc!r})"] += words_found(reference, viparse.fix(shown, encoding=enc))
            found["vnreport decode_bytes"] += words_found(reference, decode_bytes(Path("x.txt"), shown.encode()).text)
        report[enc] = {"documents": len(texts), "viparse_verdicts": dict(verdicts),
                       "words_found": {method: round(total / len(texts), 4) for method, total in found.items()}}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", default=str(DOCS), help="folder of UTF-8 .txt reports")
    parser.add_argument("--samples", type=int, default=300, help="short pieces per length")
    parser.add_argument("--json", default=str(ROOT / ".vnreport" / "eval" / "encoding.json"))
    parser.add_argument("--only", choices=["mojibake"], help="run one section")
    args = parser.parse_args()
    import viparse

    texts = load_texts(Path(args.docs))
    layouts = sorted((ROOT / "tests" / "data" / "layouts").glob("*.txt"))
    result = {"viparse": viparse.__version__, "mojibake": mojibake(texts)}
    if args.only is None:
        result |= {
            "full_documents": full_documents(texts),
            "short_texts": short_texts(texts, args.samples),
            "false_positives": false_positives(texts, layouts),
        }
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
