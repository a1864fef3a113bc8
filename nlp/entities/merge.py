"""Resolve overlapping entity candidates: the longest span wins, then the most specific label."""

from __future__ import annotations

import bisect
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
    starts: list[int] = []  # the taken spans never overlap: sorted by start, ends are sorted too
    ends: list[int] = []
    for cand in ordered:
        k = bisect.bisect_left(starts, cand.end)  # spans at k and after start at or past cand's end
        if k > 0 and ends[k - 1] > cand.start:
            continue  # the last span starting before cand's end reaches into it
        taken.append(cand)
        k = bisect.bisect_left(starts, cand.start)
        starts.insert(k, cand.start)
        ends.insert(k, cand.end)
    return sorted(taken, key=lambda c: c.start)
