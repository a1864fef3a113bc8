"""Format readers: each turns a file into an `Ingested` text with its raw offset map."""

from __future__ import annotations

from pathlib import Path

from nlp.errors import InputError
from nlp.ingest.txt import Ingested, RawFootnote, parse_word_export

__all__ = ["Ingested", "RawFootnote", "read_document", "SUPPORTED_SUFFIXES", "MAX_BYTES"]

SUPPORTED_SUFFIXES = (".txt",)
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
    return data, parse_word_export(decode_text(path, data))


def decode_text(path: Path, data: bytes) -> str:
    """UTF-8 (BOM allowed) or BOM-marked UTF-16 text; anything else is an `InputError`."""
    if not data.strip():
        raise InputError(path, "empty file", "nothing to extract")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(path, f"invalid UTF-16 at byte {err.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (NUL bytes), not text", "give a .txt report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(path, f"not UTF-8 text (invalid byte 0x{data[err.start]:02x} at offset {err.start})",
                         "save it as UTF-8") from None
