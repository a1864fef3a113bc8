"""The bytes of a .txt report as text, in any encoding Vietnamese reports come in.

``decode_bytes(path, data)`` returns the text (not yet NFC: the `TextBuilder` normalizes it
with an offset map) and a warning for anything that was not UTF-8. It tries, in order:

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

>>> decode_bytes(Path("a.txt"), "Tình hình".encode("utf-8"))
('Tình hình', ())
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from nlp.errors import InputError
from nlp.tone import VIETNAMESE_LETTERS, is_syllable
from nlp.types import InputWarning

__all__ = ["decode_bytes", "convert_legacy", "reads_as_vietnamese", "LEGACY_NAMES"]

_SNIFF_BYTES = 8192
_DETECT_CHARS = 65536  # what detection reads; a report's encoding does not change midway
_CP1252_C1 = {b: bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0xA0)}
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")

LEGACY_NAMES = {"cp1258": "Windows-1258 (cp1258)", "tcvn3": "TCVN3 (ABC)", "vni": "VNI (VNI-Windows)"}
_WORD = re.compile(r"[^\W\d_]+")
_NO_D = str.maketrans("đĐ", "dD")  # a word whose only mark is đ says nothing of its vowels
# VNI-Windows sequences viparse 0.1.31 has no entry for (its table lacks ẳ and spells ỵ
# "yï"); "khẳng định" is common in reports. Replaced before viparse sees the text.
_VNI_MISSED = {"aú": "ẳ", "AÚ": "Ẳ", "î": "ỵ", "Î": "Ỵ"}
_VNI_MISSED_RE = re.compile("|".join(_VNI_MISSED))
# What viparse.fix may see: its clean-up collapses spaces, strips lines and drops control
# and format characters, so only runs without them go through it (0xAD is ư in TCVN3).
_RUNS = {
    "tcvn3": re.compile(r"[^\s\x00-\x1f\x7f-\x9f]+"),
    "vni": re.compile(r"[^\s\x00-\x1f\x7f-\x9f\xad]+"),
}

# Floors measured by scripts/eval_encoding.py on 400 random lines of 184 reports: a right
# reading scores 1.0 letters and ≥0.88 syllables on a line; a wrong one ≤0.86 letters (TCVN3
# or VNI read as cp1258) or, where its letters pass, ≤0.86 syllables (VNI read as TCVN3).
_LETTER_SHARE = 0.95
_SYLLABLE_SHARE = 0.9
_UTF8_BAD_RATIO = 10  # valid multi-byte characters per bad byte above which a file is UTF-8


def decode_bytes(path: Path, data: bytes) -> tuple[str, tuple[InputWarning, ...]]:
    """Text of a .txt report and a warning when it was not UTF-8; `InputError` if unreadable."""
    if not data.strip():
        raise InputError(path, "empty file", "nothing to extract")
    text, warnings = _decode(path, data)
    if not text.strip():
        raise InputError(path, "empty file", "nothing to extract")
    return text, warnings


def _decode(path: Path, data: bytes) -> tuple[str, tuple[InputWarning, ...]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(path, f"invalid UTF-16 at byte {err.start}") from None
        return _reject_binary(path, text), ()
    if b"\x00" in data[:_SNIFF_BYTES]:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError(path, "binary file (NUL bytes), not text", "give a .txt report")
        name = "UTF-16 LE" if codec == "utf-16-le" else "UTF-16 BE"
        text = _reject_binary(path, data.decode(codec))
        return text, (InputWarning("utf16-no-bom", f"decoded as {name} (no byte-order mark)", 0),)
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError as err:
        utf8_error = InputError(
            path, f"not UTF-8 text (invalid byte 0x{data[err.start]:02x} at offset {err.start})",
            "save it as UTF-8")
    if _mostly_utf8(data):
        raise utf8_error
    decoded = _decode_legacy(data)
    if decoded is None:
        raise utf8_error
    text, encoding = decoded
    converted = " and converted to Unicode" if encoding != "cp1258" else ""
    return text, (InputWarning("legacy-encoding", f"decoded as {LEGACY_NAMES[encoding]}{converted}", 0),)


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


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) for Windows-1258, TCVN3 or VNI bytes; None when none fits."""
    try:
        cp1258 = data.decode("cp1258")
    except UnicodeDecodeError:
        cp1258 = None
    if cp1258 is not None and reads_as_vietnamese(unicodedata.normalize("NFC", cp1258[:_DETECT_CHARS])):
        return cp1258, "cp1258"
    surface = data.decode("latin-1").translate(_CP1252_C1)
    sample = surface[:_DETECT_CHARS]
    import viparse  # only legacy files pay for it

    verdict = viparse.detect_text_encoding(sample)
    if verdict is None:  # too short to score, or not Vietnamese: one reading must fit
        fitting = [enc for enc in ("tcvn3", "vni") if reads_as_vietnamese(convert_legacy(sample, enc))]
        verdict = fitting[0] if len(fitting) == 1 else None
    elif verdict not in ("tcvn3", "vni") or not reads_as_vietnamese(convert_legacy(sample, verdict)):
        verdict = None  # VISCII or VPS (not what reports come in), or not Vietnamese after all
    return (convert_legacy(surface, verdict), verdict) if verdict else None


def convert_legacy(surface: str, encoding: str) -> str:
    """TCVN3 or VNI text read as Windows-1252 characters -> Unicode (NFC), whitespace kept.

    ``viparse.fix`` converts and then cleans up whitespace, which would shift every offset
    and line, so each distinct non-ASCII run goes through it once, one run a line.
    """
    import viparse

    if encoding == "vni":
        surface = _VNI_MISSED_RE.sub(lambda m: _VNI_MISSED[m.group()], surface)
    pattern = _RUNS[encoding]
    runs = sorted({run for run in pattern.findall(surface) if not run.isascii()})
    if not runs:
        return surface
    fixed = viparse.fix("\n".join(runs), encoding=encoding).split("\n")
    if len(fixed) != len(runs):  # a run cleaned away to nothing: one at a time, then
        fixed = [viparse.fix(run, encoding=encoding) for run in runs]
    table = dict(zip(runs, fixed))
    return pattern.sub(lambda m: table.get(m.group(), m.group()), surface)


def _letter_share(text: str) -> float:
    """Share of the non-ASCII characters of NFC `text` that are Vietnamese letters or
    typographic punctuation (“ ” – …); what a wrong table leaves behind is neither.

    >>> _letter_share("Báo cáo “tình hình”"), _letter_share("B¸o c¸o")
    (1.0, 0.0)
    """
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    good = sum(ch in VIETNAMESE_LETTERS or 0x2010 <= ord(ch) <= 0x206F for ch in wide)
    return good / len(wide)


def reads_as_vietnamese(text: str) -> bool:
    """Does NFC `text` read as Vietnamese: its non-ASCII characters Vietnamese letters or
    typographic punctuation, and its words with a marked vowel single syllables?

    A wrong table leaves symbols (TCVN3 read as VNI: "B¸o") or impossible vowel clusters
    (VNI read as TCVN3: "Vieọt"; French read as anything: "préfet").

    >>> reads_as_vietnamese("Việt Nam"), reads_as_vietnamese("Vieọt Nam")
    (True, False)
    """
    if _letter_share(text) < _LETTER_SHARE:
        return False
    marked = [word for word in _WORD.findall(text) if not word.translate(_NO_D).isascii()]
    return sum(map(is_syllable, marked)) >= _SYLLABLE_SHARE * len(marked)
