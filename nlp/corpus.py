"""A directory of extracted reports: one JSON per report plus a manifest, built incrementally.

This is the store `vnreport build` writes until the search index replaces it; an unchanged
report (same content hash) is not extracted again.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from nlp import __version__
from nlp.errors import VnreportError
from nlp.fileio import atomic_write_text
from nlp.ids import content_hash
from nlp.ingest import SUPPORTED_SUFFIXES

FORMAT_VERSION = 1


@dataclass
class BuildSummary:
    extracted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    sentences: int = 0
    seconds: float = 0.0


def iter_report_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Report files under `paths` (files as given, directories searched recursively, sorted)."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*")
                              if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file())
        else:
            yield path


def build_extracts(
    paths: Iterable[str | Path], out_dir: str | Path, prune: bool = False,
    progress: Optional[Callable[[Path], None]] = None,
) -> BuildSummary:
    """Extract every report under `paths` into `out_dir`, skipping reports whose hash is known."""
    from nlp.pipeline import load_report
    from nlp.schema import report_to_dict

    started = time.perf_counter()
    out = Path(out_dir)
    manifest_path = out / "manifest.json"
    manifest = _read_manifest(manifest_path)
    reports: dict = manifest["reports"]
    summary = BuildSummary()
    seen: set[str] = set()
    for path in iter_report_files(paths):
        key = str(path)
        seen.add(key)
        try:
            digest = content_hash(path.read_bytes())
            if reports.get(key, {}).get("content_hash") == digest and (out / reports[key]["file"]).exists():
                summary.unchanged.append(key)
                continue
            report = load_report(path)
        except OSError as err:
            summary.failed.append((key, err.strerror or str(err)))
            continue
        except VnreportError as err:
            summary.failed.append((key, err.cause))
            continue
        name = f"reports/{report.id}.json"
        atomic_write_text(out / name, json.dumps(report_to_dict(report), ensure_ascii=False))
        reports[key] = {"id": report.id, "content_hash": report.content_hash, "file": name,
                        "sentences": len(report.sentences)}
        summary.extracted.append(key)
        summary.sentences += len(report.sentences)
        if progress:
            progress(path)
    if prune:
        for key in sorted(set(reports) - seen):
            entry = reports.pop(key)
            (out / entry["file"]).unlink(missing_ok=True)
            summary.removed.append(key)
    manifest.update(format_version=FORMAT_VERSION, creator=f"vnreport {__version__}",
                    updated=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    atomic_write_text(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=1))
    summary.seconds = time.perf_counter() - started
    return summary


def _read_manifest(path: Path) -> dict:
    if not path.exists():
        return {"format_version": FORMAT_VERSION, "reports": {}}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise VnreportError(path, f"unreadable manifest ({err})", "remove the directory to rebuild") from None
    if manifest.get("format_version") != FORMAT_VERSION:
        raise VnreportError(path, f"format version {manifest.get('format_version')} is not "
                                  f"{FORMAT_VERSION}", "remove the directory to rebuild")
    return manifest
