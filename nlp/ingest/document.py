"""`read_document`: a report file's bytes and its `Ingested` text, whatever its format.

Each format has one reader (txt.py, docx.py, pdf.py, segmented.py), imported only when a
file of that format comes; a text file is decoded first (encoding.py), and every reading
ends with one check that it reads as Vietnamese (language.py), so garbage never passes
silently.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from nlp.errors import InputError
from nlp.ingest.ingested import Ingested
from nlp.ingest.language import not_vietnamese_warning

__all__ = ["read_document", "SUPPORTED_SUFFIXES", "MAX_BYTES"]

MAX_BYTES = 50 * 1024 * 1024


def _read_txt(path: Path, data: bytes) -> Ingested:
    from nlp.ingest.txt import parse_word_export

    return _parse_decoded(path, data, parse_word_export)


def _read_ws(path: Path, data: bytes) -> Ingested:
    from nlp.ingest.segmented import read_segmented

    return _parse_decoded(path, data, read_segmented)


def _read_docx(path: Path, data: bytes) -> Ingested:
    from nlp.ingest.docx import read_docx

    return read_docx(path, data)


def _read_pdf(path: Path, data: bytes) -> Ingested:
    from nlp.ingest.pdf import read_pdf

    return read_pdf(path, data)


_READERS: dict[str, Callable[[Path, bytes], Ingested]] = {
    ".txt": _read_txt, ".docx": _read_docx, ".pdf": _read_pdf, ".ws": _read_ws}
SUPPORTED_SUFFIXES = tuple(_READERS)


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> tuple[bytes, Ingested]:
    """Raw bytes and the ingested text of `path`; `InputError` names the cause when unreadable."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported format '{path.suffix or 'no suffix'}'",
                         "supported: " + ", ".join(SUPPORTED_SUFFIXES))
    data = _read_bytes(path, max_bytes)
    ing = reader(path, data)
    warning = not_vietnamese_warning(ing.text)
    return data, (replace(ing, warnings=ing.warnings + (warning,)) if warning else ing)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a report file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None


def _parse_decoded(path: Path, data: bytes, parse: Callable[[str], Ingested]) -> Ingested:
    """`parse` over the decoded text, its offsets carried back to the file's characters."""
    from nlp.ingest.encoding import decode_bytes

    decoded = decode_bytes(path, data)
    ing = parse(decoded.text)
    offsets = ing.offsets if decoded.offsets is None else ing.offsets.through(decoded.offsets)
    return replace(ing, offsets=offsets, warnings=decoded.warnings + ing.warnings)
