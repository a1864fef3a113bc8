"""Format readers: each turns a file into an `Ingested` text with its raw offset map."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from nlp.errors import InputError
from nlp.ingest.txt import Ingested, RawFootnote, parse_word_export

__all__ = ["Ingested", "RawFootnote", "read_document", "SUPPORTED_SUFFIXES", "MAX_BYTES"]

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".ws")
MAX_BYTES = 50 * 1024 * 1024


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> tuple[bytes, Ingested]:
    """Raw bytes and the ingested text of `path`; `InputError` names the cause when unreadable."""
    path = Path(path)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(path, f"unsupported format '{path.suffix or 'no suffix'}'",
                         "supported: " + ", ".join(SUPPORTED_SUFFIXES))
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a report file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read: {err.strerror or err}") from None
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from nlp.ingest.docx import read_docx

        return data, read_docx(path, data)
    if suffix == ".pdf":
        from nlp.ingest.pdf import read_pdf

        return data, read_pdf(path, data)
    if suffix == ".ws":
        from nlp.ingest.segmented import read_segmented

        return data, _read_txt(path, data, read_segmented)
    return data, _read_txt(path, data)


def _read_txt(path: Path, data: bytes, parse=parse_word_export) -> Ingested:
    from nlp.ingest.encoding import decode_bytes

    text, notes = decode_bytes(path, data)
    ing = parse(text)
    return replace(ing, warnings=tuple(notes) + ing.warnings) if notes else ing

