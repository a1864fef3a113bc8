"""Finding report files under the paths a user gives."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from nlp.ingest import SUPPORTED_SUFFIXES


def iter_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Report files under `paths` (files as given, directories searched recursively, sorted)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file())
        else:
            yield path
