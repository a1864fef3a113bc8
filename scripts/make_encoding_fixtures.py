#!/usr/bin/env python
"""Write the encoding fixtures: real report text in every encoding `decode_bytes` reads.

    python scripts/make_encoding_fixtures.py [--source FILE] [--out DIR] [--chars N]

Takes an excerpt of the seed report (NFC, cut at a line end) plus two short pieces of it
(one heading line, 200 characters of a body line) and writes each as UTF-8 (with and
without BOM), UTF-16 LE/BE (with and without BOM), Windows-1258, TCVN3 (ABC) and VNI
(VNI-Windows), with a manifest.json naming, per file, its encoding and the UTF-8 file its
decoding must equal. alphabet.* hold every Vietnamese letter once (too short to detect;
tests convert them with the encoding named).

Mojibake (``*-mojibake``): the TCVN3, VNI and Windows-1258 bytes opened as Windows-1252 and
saved as UTF-8, the way old files reach the web. Windows shows each byte as its Windows-1252
character (the five bytes 1252 leaves unassigned as U+0081 …); `shown_as_cp1252` does that.
seed.tcvn3-mojibake.txt and seed.vni-mojibake.txt hold the whole seed that way (not in the
manifest): the pipeline must find the seed's words, footnotes and tasks in them.

The TCVN3 and VNI encoders below are reference tables written from the published layouts
(TCVN 5712:1993 VN3; VNI-Windows), independent of viparse on purpose: the product decodes
with viparse, and fixtures built from viparse's own tables could not show what they lack.
TCVN3 (ABC) has no upper-case toned letters; ".VnTimeH" fonts draw the lower-case bytes in
capitals, so "BÁO" is stored as "B¸O" and decodes to "Báo"-style lower-case vowels. Its
expected text is the original with those letters lower-cased (`tcvn3_representable`).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"
OUT = ROOT / "tests" / "data" / "encodings"

# Tone order of every row below: none, acute, grave, hook, tilde, dot below.
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
BASES = ("a", "â", "ă", "e", "ê", "o", "ô", "ơ", "u", "ư", "i", "y")

# VNI-Windows: a toned vowel is a base letter plus one mark byte; upper case is str.upper().
VNI_ROWS = {
    "a": "a aù aø aû aõ aï", "â": "aâ aá aà aå aã aä", "ă": "aê aé aè aú aü aë",
    "e": "e eù eø eû eõ eï", "ê": "eâ eá eà eå eã eä",
    "o": "o où oø oû oõ oï", "ô": "oâ oá oà oå oã oä", "ơ": "ô ôù ôø ôû ôõ ôï",
    "u": "u uù uø uû uõ uï", "ư": "ö öù öø öû öõ öï",
    "i": "i í ì æ ó ò", "y": "y yù yø yû yõ î",
}
# TCVN3 (VN3, the ABC / .VnTime fonts): one byte per lower-case letter.
TCVN3_ROWS = {
    "a": "a ¸ µ ¶ · ¹", "â": "© Ê Ç È É Ë", "ă": "¨ ¾ » ¼ ½ Æ",
    "e": "e Ð Ì Î Ï Ñ", "ê": "ª Õ Ò Ó Ô Ö",
    "o": "o ã ß á â ä", "ô": "« è å æ ç é", "ơ": "¬ í ê ë ì î",
    "u": "u ó ï ñ ò ô", "ư": "\xad ø õ ö ÷ ù",
    "i": "i Ý × Ø Ü Þ", "y": "y ý ú û ü þ",
}
TCVN3_UPPER_BASES = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}


def _table(rows: dict[str, str]) -> dict[str, str]:
    """Unicode letter -> legacy surface characters (Latin-1 code points = the bytes)."""
    table = {}
    for base, row in rows.items():
        for tone, seq in zip(TONES, row.split(), strict=True):
            table[unicodedata.normalize("NFC", base + tone)] = seq
    return table


VNI = _table(VNI_ROWS) | {"đ": "ñ"}
VNI |= {letter.upper(): seq.upper() for letter, seq in VNI.items()}
TCVN3 = _table(TCVN3_ROWS) | {"đ": "®"}
TCVN3 |= TCVN3_UPPER_BASES
TCVN3 |= {  # no upper-case toned letters: the lower-case byte, drawn in capitals by a "H" font
    letter.upper(): letter.upper() if letter.isascii() else TCVN3[letter]
    for letter in list(TCVN3) if letter.upper() not in TCVN3
}


def _encode_legacy(text: str, table: dict[str, str]) -> bytes:
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        seq = table.get(char)
        # Punctuation (“ ” – …) was typed with the same 8-bit font, i.e. as Windows-1252 bytes.
        out += seq.encode("latin-1") if seq is not None else char.encode("cp1252")
    return bytes(out)


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC) bytes; upper-case toned letters as lower-case bytes (the .VnTimeH way)."""
    return _encode_legacy(text, TCVN3)


def encode_vni(text: str) -> bytes:
    """VNI-Windows bytes."""
    return _encode_legacy(text, VNI)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258: a precomposed letter where the code page has one, else base + tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        marks = unicodedata.normalize("NFD", char)
        tone = "".join(m for m in marks[1:] if m in TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in TONES))
        out += (base + tone).encode("cp1258")
    return bytes(out)


def shown_as_cp1252(data: bytes) -> str:
    """The characters Windows-1252 shows for `data`; an unassigned byte shows as its C1 control."""
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in data)


def tcvn3_representable(text: str) -> str:
    """What TCVN3 can carry of `text`: upper-case toned vowels become lower-case."""
    return "".join(
        char.lower() if not char.isascii() and char.isupper() and char not in TCVN3_UPPER_BASES else char
        for char in unicodedata.normalize("NFC", text)
    )


ENCODERS = {  # the UTF-8 file is the expected text itself, "<piece>.original.txt"
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "utf-16-le-bom": lambda t: t.encode("utf-16"),
    "utf-16-be-bom": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
    "cp1258": encode_cp1258,
    "tcvn3": encode_tcvn3,
    "vni": encode_vni,
    "tcvn3-mojibake": lambda t: shown_as_cp1252(encode_tcvn3(t)).encode("utf-8"),
    "vni-mojibake": lambda t: shown_as_cp1252(encode_vni(t)).encode("utf-8"),
    "cp1258-mojibake": lambda t: shown_as_cp1252(encode_cp1258(t)).encode("utf-8"),
}


def excerpts(seed: str, chars: int) -> dict[str, str]:
    """The three pieces: a ~`chars` report excerpt, one heading line, a 200-char body piece."""
    text = unicodedata.normalize("NFC", seed)
    cut = text.rfind("\n", 0, chars) + 1
    lines = text.splitlines()
    heading = next(line for line in lines if line.startswith("I. "))
    body = next(line for line in lines if len(line) > 300 and "[" not in line)
    return {"report": text[:cut], "line": heading + "\n", "200": body[:body.rfind(" ", 0, 200)] + "\n"}


def write_fixtures(seed: str, out: Path, chars: int) -> dict[str, dict[str, str]]:
    out.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict[str, str]] = {}
    for piece, text in excerpts(seed, chars).items():
        original = f"{piece}.original.txt"
        (out / original).write_bytes(text.encode("utf-8"))
        manifest[original] = {"encoding": "utf-8", "piece": piece, "expected": original}
        expected_tcvn3 = f"{piece}.tcvn3-expected.txt"
        (out / expected_tcvn3).write_bytes(tcvn3_representable(text).encode("utf-8"))
        for name, encode in ENCODERS.items():
            path = f"{piece}.{name}.txt"
            (out / path).write_bytes(encode(text))
            expected = expected_tcvn3 if name.startswith("tcvn3") else original
            manifest[path] = {"encoding": name, "piece": piece, "expected": expected}
    # every letter once, both cases: what the tables must cover, too short to detect
    letters = " ".join(sorted(set(TCVN3) | set(VNI))) + "\n"
    (out / "alphabet.original.txt").write_bytes(letters.encode("utf-8"))
    (out / "alphabet.tcvn3-expected.txt").write_bytes(tcvn3_representable(letters).encode("utf-8"))
    for name in ("tcvn3", "vni", "cp1258"):
        (out / f"alphabet.{name}.txt").write_bytes(ENCODERS[name](letters))
    for name in ("tcvn3-mojibake", "vni-mojibake"):  # the whole seed, for the pipeline
        (out / f"seed.{name}.txt").write_bytes(ENCODERS[name](unicodedata.normalize("NFC", seed)))
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", default=str(SEED), help="UTF-8 report to take the text from")
    parser.add_argument("--out", default=str(OUT), help="fixture directory (overwritten)")
    parser.add_argument("--chars", type=int, default=3000, help="length of the report excerpt")
    args = parser.parse_args()
    seed = Path(args.source).read_text(encoding="utf-8")
    manifest = write_fixtures(seed, Path(args.out), args.chars)
    total = sum(path.stat().st_size for path in Path(args.out).iterdir())
    print(f"wrote {len(manifest)} fixtures ({total:,} bytes) to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
