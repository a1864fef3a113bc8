"""Resolve overlapping entity candidates: the longest span wins, then the most specific label."""

from __future__ import annotations

from typing import Iterable, Sequence

# More specific labels first: a document symbol beats the agency code inside it, etc.
LABEL_PRIORITY = ("LEGAL_DOC", "PROJECT", "AGENCY", "PERSON", "LOCATION", "DATE")


def resolve_overlaps(candidates: Iterable, priority: Sequence[str] = LABEL_PRIORITY) -> list:
    """Keep a flat, non-overlapping subset, in text order.

    ``resolve_overlaps([c("AGENCY", 0, 20), c("LOCATION", 10, 20)])`` keeps the AGENCY.
    Candidates need `label`, `start`, `end`.
    """
    rank = {label: i for i, label in enumerate(priority)}
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), rank.get(c.label, len(rank)), c.start))
    taken: list = []
    occupied: list[tuple[int, int]] = []
    for cand in ordered:
        if any(cand.start < e and s < cand.end for s, e in occupied):
            continue
        taken.append(cand)
        occupied.append((cand.start, cand.end))
    return sorted(taken, key=lambda c: c.start)
