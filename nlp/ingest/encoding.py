"""The bytes of a .txt report as text, in any encoding Vietnamese reports come in.

``decode_bytes(path, data)`` returns a `Decoded`: the text (not yet NFC: the `TextBuilder`
normalizes it with an offset map), a warning for anything that was not plain Unicode, and,
when a conversion changed lengths, the map of each character to the file's characters (one
per byte for a legacy file). It tries, in order:

    bytes                          decoded as                      warning
    BOM EF BB BF / FF FE / FE FF   UTF-8 / UTF-16                  -
    NULs in one byte parity only   UTF-16 LE or BE, no BOM         utf16-no-bom
    valid UTF-8                    UTF-8                           -
    mostly UTF-8, a few bad bytes  error: "not UTF-8 text (invalid byte …)"
    Windows-1258                   cp1258 (tone marks combining)   legacy-encoding
    TCVN3 (ABC, .VnTime)           viparse                         legacy-encoding
    VNI (VNI-Times)                viparse                         legacy-encoding

A legacy file is read byte for byte as the characters Windows showed for it in a Latin font
(Windows-1252; Latin-1 for its five unassigned bytes), the form viparse's tables expect.
Every reading must pass `reads_as_vietnamese` (Vietnamese letters, syllable-shaped words).
Windows-1258, which viparse does not know, goes first; TCVN3 and VNI are then told apart by
`viparse.detect_text_encoding`. It declines short texts (about 1 line in 10): then exactly one
of the two readings must pass, or the file is refused with the UTF-8 error, as is text in
another language. scripts/eval_encoding.py measures all of this.

Mojibake: a legacy file opened as Windows-1252 and saved as UTF-8 (or UTF-16) is valid
Unicode made only of the characters above. When such a text does not read as Vietnamese,
`repair_mojibake` turns its characters back into the bytes they stood for and decodes those
as a legacy file (warning "mojibake"); raw offsets then index the Unicode text as saved.

>>> decode_bytes(Path("a.txt"), "Tình hình".encode("utf-8"))
Decoded(text='Tình hình', warnings=(), offsets=None)
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

from nlp.errors import InputError
from nlp.ingest.language import reads_as_vietnamese
from nlp.text import OffsetMap, TextBuilder
from nlp.types import InputWarning

__all__ = ["Decoded", "decode_bytes", "repair_mojibake", "convert_legacy", "legacy_to_unicode",
           "LEGACY_NAMES"]

_SNIFF_BYTES = 8192
_DETECT_CHARS = 65536  # what detection reads; a report's encoding does not change midway
_CP1252_C1 = {b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xA0)}
# The way back: a character Windows-1252 shows for a byte -> that byte as a Latin-1 character.
_SURFACE_TO_LATIN1 = {ord(ch): chr(b) for b, ch in _CP1252_C1.items() if ch != chr(b)}
_NOT_SURFACE = re.compile("[^\x00-\x7f\xa0-\xff" + re.escape("".join(_CP1252_C1.values())) + "]")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")

LEGACY_NAMES = {"cp1258": "Windows-1258 (cp1258)", "tcvn3": "TCVN3 (ABC)", "vni": "VNI (VNI-Windows)"}
# VNI-Windows sequences viparse 0.1.31 has no entry for (its table lacks ẳ and spells ỵ
# "yï"); "khẳng định" is common in reports. Replaced before viparse sees the text.
_VNI_MISSED = {"aú": "ẳ", "AÚ": "Ẳ", "î": "ỵ", "Î": "Ỵ"}
_VNI_MISSED_RE = re.compile("|".join(_VNI_MISSED))
# VNI's second byte of a letter (tone, circumflex, breve): it belongs to the letter before it.
_VNI_MARKS = frozenset("ùøûõïâáàåãäêéèúüë" + "ùøûõïâáàåãäêéèúüë".upper())
# What viparse.fix may see: its clean-up collapses spaces, strips lines and drops control
# and format characters, so only runs without them go through it (0xAD is ư in TCVN3).
_RUNS = {
    "tcvn3": re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+"),
    "vni": re.compile(r"[^\s\x00-\x1f\x7f-\x9f\xad]+"),
}
_UTF8_BAD_RATIO = 10  # valid multi-byte characters per bad byte above which a file is UTF-8


class Decoded(NamedTuple):
    """A file's text, the warnings of its decoding, and the map of each character of `text` to
    the file's characters when a conversion changed lengths (None: one for one)."""

    text: str
    warnings: tuple[InputWarning, ...] = ()
    offsets: OffsetMap | None = None


def decode_bytes(path: Path, data: bytes) -> Decoded:
    """Text of a .txt report and a warning when it was not UTF-8; `InputError` if unreadable."""
    if not data.strip():
        raise InputError(path, "empty file", "nothing to extract")
    decoded = _decode(path, data)
    if not decoded.text.strip():
        raise InputError(path, "empty file", "nothing to extract")
    return decoded


def _decode(path: Path, data: bytes) -> Decoded:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(path, f"invalid UTF-16 at byte {err.start}") from None
        return repair_mojibake(_reject_binary(path, text), "UTF-16") or Decoded(text)
    if b"\x00" in data[:_SNIFF_BYTES]:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(path, "binary file (NUL bytes), not text", "give a .txt report")
        name = "UTF-16 LE" if codec == "utf-16-le" else "UTF-16 BE"
        text = _reject_binary(path, data.decode(codec))
        note = InputWarning("utf16-no-bom", f"decoded as {name} (no byte-order mark)", 0)
        repaired = repair_mojibake(text, name)
        return repaired._replace(warnings=(note, *repaired.warnings)) if repaired else Decoded(text, (note,))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return _decode_8bit(path, data, err.start)
    return repair_mojibake(text) or Decoded(text)


def _decode_8bit(path: Path, data: bytes, bad: int) -> Decoded:
    """A legacy file, or the UTF-8 error naming the first byte that is not UTF-8 (`bad`)."""
    utf8_error = InputError(path, f"not UTF-8 text (invalid byte 0x{data[bad]:02x} at offset {bad})",
                            "save it as UTF-8")
    if _mostly_utf8(data):
        raise utf8_error
    decoded = _decode_legacy(data)
    if decoded is None:
        raise utf8_error
    text, encoding, offsets = decoded
    converted = " and converted to Unicode" if encoding != "cp1258" else ""
    note = InputWarning("legacy-encoding", f"decoded as {LEGACY_NAMES[encoding]}{converted}", 0)
    return Decoded(text, (note,), offsets)


def repair_mojibake(text: str, saved_as: str = "UTF-8") -> Decoded | None:
    """`text` repaired when it is a legacy file shown as Windows-1252 and saved as Unicode
    (TCVN3 "B¸o c¸o", VNI "Baùo caùo", Windows-1258 "Viêòt"); None when it is not that.

    Only a text made of nothing but the characters Windows-1252 shows for bytes, that does not
    read as Vietnamese, is turned back into those bytes and decoded as a legacy file; its
    offsets map the repaired text to `text`.

    >>> repair_mojibake("B¸o c¸o t×nh h×nh").text, repair_mojibake("Báo cáo tình hình")
    ('Báo cáo tình hình', None)
    """
    sample = text[:_DETECT_CHARS]
    if sample.isascii() or _NOT_SURFACE.search(text) or reads_as_vietnamese(sample):
        return None
    decoded = _decode_legacy(text.translate(_SURFACE_TO_LATIN1).encode("latin-1"))
    if decoded is None:
        return None
    repaired, encoding, offsets = decoded
    note = InputWarning("mojibake", f"{LEGACY_NAMES[encoding]} text read as Windows-1252 and saved as "
                                    f"{saved_as}; repaired", 0)
    return Decoded(repaired, (note,), offsets)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when NULs sit in one byte parity only, else None (binary).

    ASCII letters, digits and spaces, most of a Vietnamese text, have a zero high byte; a
    letter never has a zero low byte except U+0300 (combining grave) in decomposed text.
    """
    if len(data) % 2:
        return None
    head = data[:_SNIFF_BYTES]
    units = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    high, low, codec = (odd, even, "utf-16-le") if odd >= even else (even, odd, "utf-16-be")
    if high < 0.2 * units or low > 0.1 * units or low * 3 > high:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in _TEXT_CONTROLS for ch in text[:_SNIFF_BYTES])
    return codec if printable >= 0.99 * min(len(text), _SNIFF_BYTES) else None


def _reject_binary(path: Path, text: str) -> str:
    if "\x00" in text[:_SNIFF_BYTES]:
        raise InputError(path, "binary file (NUL bytes), not text", "give a .txt report")
    return text


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken bytes (a bad copy, a stray cp1252 quote), not a legacy file."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - bad
    return multibyte > _UTF8_BAD_RATIO * bad


def _decode_legacy(data: bytes) -> tuple[str, str, OffsetMap | None] | None:
    """(text, encoding, map to the bytes) for Windows-1258, TCVN3 or VNI bytes; None when none fits."""
    try:
        cp1258 = data.decode("cp1258")
    except UnicodeDecodeError:
        cp1258 = None
    if cp1258 is not None and reads_as_vietnamese(unicodedata.normalize("NFC", cp1258[:_DETECT_CHARS])):
        return cp1258, "cp1258", None  # one character a byte; the TextBuilder composes the marks
    surface = data.decode("latin-1").translate(_CP1252_C1)
    sample = surface[:_DETECT_CHARS]
    import viparse  # only legacy files pay for it

    verdict = viparse.detect_text_encoding(sample)
    if verdict is None:  # too short to score, or not Vietnamese: one reading must fit
        fitting = [enc for enc in ("tcvn3", "vni") if reads_as_vietnamese(convert_legacy(sample, enc))]
        verdict = fitting[0] if len(fitting) == 1 else None
    elif verdict not in ("tcvn3", "vni") or not reads_as_vietnamese(convert_legacy(sample, verdict)):
        verdict = None  # VISCII or VPS (not what reports come in), or not Vietnamese after all
    if verdict is None:
        return None
    text, offsets = legacy_to_unicode(surface, verdict)
    return text, verdict, offsets


def convert_legacy(surface: str, encoding: str) -> str:
    """TCVN3 or VNI text read as Windows-1252 characters -> Unicode (NFC), whitespace kept."""
    return legacy_to_unicode(surface, encoding)[0]


def legacy_to_unicode(surface: str, encoding: str) -> tuple[str, OffsetMap]:
    """`convert_legacy` with the map of each converted letter to its surface characters.

    ``viparse.fix`` converts and then cleans up whitespace, which would shift every offset
    and line, so each distinct non-ASCII run goes through it once, one run a line.

    >>> text, offsets = legacy_to_unicode("Ba\\xf9o ca\\xf9o", "vni")
    >>> text, offsets.to_raw(1, 2), offsets.to_raw(4, 7)
    ('Báo cáo', (1, 3), (5, 9))
    """
    pattern = _RUNS[encoding]
    table = _convert_runs(sorted({run for run in pattern.findall(surface) if not run.isascii()}), encoding)
    builder = TextBuilder(surface)
    cursor = 0
    for match in pattern.finditer(surface):
        run = match.group()
        fixed = table.get(run, run)
        if fixed != run:
            builder.copy(cursor, match.start())
            _replace_letters(builder, run, fixed, match.start(), encoding)
            cursor = match.end()
    builder.copy(cursor, len(surface))
    text, offsets, _ = builder.build()
    return text, offsets


def _convert_runs(runs: list[str], encoding: str) -> dict[str, str]:
    """Each run converted by viparse, in one call (a run a line)."""
    if not runs:
        return {}
    import viparse

    patched = [_VNI_MISSED_RE.sub(lambda m: _VNI_MISSED[m.group()], run) for run in runs] \
        if encoding == "vni" else runs
    fixed = viparse.fix("\n".join(patched), encoding=encoding).split("\n")
    if len(fixed) != len(runs):  # a run cleaned away to nothing: one at a time, then
        fixed = [viparse.fix(run, encoding=encoding) for run in patched]
    return dict(zip(runs, fixed))


def _replace_letters(builder: TextBuilder, run: str, fixed: str, start: int, encoding: str) -> None:
    """Append `fixed` for `run` (at `start` in the surface), each letter mapped to its bytes:
    one a letter in TCVN3, a letter and its mark in VNI; the whole run if they do not pair."""
    spans: list[list[int]] = []
    for i, char in enumerate(run):
        if encoding == "vni" and spans and char in _VNI_MARKS:
            spans[-1][1] = i + 1
        else:
            spans.append([i, i + 1])
    if len(spans) != len(fixed):
        builder.replace(fixed, start, start + len(run))
        return
    for char, (i, j) in zip(fixed, spans):
        builder.replace(char, start + i, start + j)
