"""Deterministic short ids: the same report content and span always get the same id."""

from __future__ import annotations

import hashlib


def content_hash(data: bytes) -> str:
    """sha256 hex of a report's raw bytes."""
    return hashlib.sha256(data).hexdigest()


def span_id(report_hash: str, kind: str, start: int, end: int) -> str:
    """``span_id(h, "section", 10, 50)`` → 12 hex chars, stable across runs and machines."""
    key = f"{report_hash}:{kind}:{start}:{end}".encode()
    return hashlib.sha256(key).hexdigest()[:12]
