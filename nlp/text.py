"""Text repair that keeps an exact map back to the raw file.

A `TextBuilder` assembles the report text from slices of the raw file (dropping markers) and
synthetic separators; `build()` NFC-normalizes the result and returns an `OffsetMap` that
tells, for every character of the final text, which raw characters it came from.

>>> b = TextBuilder("Vie\u0323\u0302t[x]Nam")
>>> b.copy(0, 6); b.copy(9, 12)
>>> text, offsets, _ = b.build()
>>> text, offsets.to_raw(0, 4)
('ViệtNam', (0, 6))
"""

from __future__ import annotations

import unicodedata
from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """For each character i of the new text: raw characters `raw_starts[i]:raw_ends[i]`."""

    raw_starts: array
    raw_ends: array
    raw_length: int

    def __len__(self) -> int:
        return len(self.raw_starts)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw (start, end) of new `text[start:end]`; an empty span maps to a raw position."""
        if start < end:
            return self.raw_starts[start], self.raw_ends[end - 1]
        # Between characters: just after the previous one, i.e. where a removed marker began.
        if start > 0:
            pos = self.raw_ends[start - 1]
        else:
            pos = self.raw_starts[0] if len(self.raw_starts) else 0
        return pos, pos

    def through(self, inner: OffsetMap) -> OffsetMap:
        """This map carried through `inner`, the map of this map's raw text to an older one
        (a repair made before the parse): each character's raw span is `inner.to_raw` of it.

        >>> repaired = OffsetMap(array("q", [0, 2]), array("q", [2, 3]), 3)  # "aù" -> "á"
        >>> final = OffsetMap(array("q", [0, 1, 2]), array("q", [1, 2, 2]), 2)  # "áb" + "\\n"
        >>> m = final.through(repaired); list(m.raw_starts), list(m.raw_ends), m.raw_length
        ([0, 2, 3], [2, 3, 3], 3)
        """
        starts, ends = array("q"), array("q")
        to_raw = inner.to_raw
        for start, end in zip(self.raw_starts, self.raw_ends):
            raw_start, raw_end = to_raw(start, end)
            starts.append(raw_start)
            ends.append(raw_end)
        return OffsetMap(starts, ends, inner.raw_length)


class TextBuilder:
    """Collects raw slices and inserted strings, then builds (NFC text, OffsetMap, old→new)."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._parts: list[str] = []
        self._starts = array("q")
        self._ends = array("q")
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, start: int, end: int) -> None:
        """Append `raw[start:end]` verbatim."""
        if end <= start:
            return
        self._parts.append(self._raw[start:end])
        self._starts.extend(range(start, end))
        self._ends.extend(range(start + 1, end + 1))
        self._length += end - start

    def insert(self, piece: str, raw_pos: int) -> None:
        """Append text that is not in the raw file (a separator); it maps to `raw_pos`."""
        self._parts.append(piece)
        self._starts.extend([raw_pos] * len(piece))
        self._ends.extend([raw_pos] * len(piece))
        self._length += len(piece)

    def replace(self, piece: str, raw_start: int, raw_end: int) -> None:
        """Append `piece` in place of `raw[raw_start:raw_end]` ("_" -> " "): each of its
        characters maps to that whole raw span."""
        self._parts.append(piece)
        self._starts.extend([raw_start] * len(piece))
        self._ends.extend([raw_end] * len(piece))
        self._length += len(piece)

    def build(self) -> tuple[str, OffsetMap, array]:
        """NFC text, its map to raw, and `old_to_new` (builder positions → final positions)."""
        text = "".join(self._parts)
        return normalize_nfc(text, self._starts, self._ends, len(self._raw))


def normalize_nfc(
    text: str, starts: array, ends: array, raw_length: int
) -> tuple[str, OffsetMap, array]:
    """NFC-normalize `text` carrying its per-character raw map along.

    Each starter with its following combining marks is normalized on its own, so a composed
    character maps to the raw span of all the characters it came from.
    """
    n = len(text)
    if unicodedata.is_normalized("NFC", text):
        return text, OffsetMap(starts, ends, raw_length), array("q", range(n + 1))
    out: list[str] = []
    new_starts, new_ends = array("q"), array("q")
    old_to_new = array("q", bytes(8 * (n + 1)))
    pos = 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line)
        if unicodedata.is_normalized("NFC", line):
            _emit_identity(pos, end, len(new_starts), starts, ends, out, line,
                           new_starts, new_ends, old_to_new)
        else:
            _emit_clusters(text, pos, end, starts, ends, out, new_starts, new_ends, old_to_new)
        pos = end
    old_to_new[n] = len(new_starts)
    return "".join(out), OffsetMap(new_starts, new_ends, raw_length), old_to_new


def _emit_identity(pos, end, new_pos, starts, ends, out, line, new_starts, new_ends, old_to_new):
    out.append(line)
    new_starts.extend(starts[pos:end])
    new_ends.extend(ends[pos:end])
    old_to_new[pos:end] = array("q", range(new_pos, new_pos + end - pos))


def _emit_clusters(text, pos, end, starts, ends, out, new_starts, new_ends, old_to_new):
    line_out: list[str] = []
    line_new_start = len(new_starts)
    i = pos
    while i < end:
        j = i + 1
        while j < end and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        norm = unicodedata.normalize("NFC", cluster)
        first_new = len(new_starts)
        if norm == cluster:
            new_starts.extend(starts[i:j])
            new_ends.extend(ends[i:j])
            for k in range(i, j):
                old_to_new[k] = first_new + (k - i)
        else:
            new_starts.extend([starts[i]] * len(norm))
            new_ends.extend([ends[j - 1]] * len(norm))
            for k in range(i, j):
                old_to_new[k] = first_new
        line_out.append(norm)
        i = j
    line_text = "".join(line_out)
    if not unicodedata.is_normalized("NFC", line_text):
        # Rare scripts compose across starters (Hangul jamo): map the line as one block.
        line_text = unicodedata.normalize("NFC", text[pos:end])
        del new_starts[line_new_start:], new_ends[line_new_start:]
        new_starts.extend([starts[pos]] * len(line_text))
        new_ends.extend([ends[end - 1]] * len(line_text))
        for k in range(pos, end):
            old_to_new[k] = line_new_start
    out.append(line_text)

