"""Plain-text reports, including Word's "save as .txt" footnote markers.

Word exports write ``[footnoteRef:N]`` where the claim carries footnote N and
``[N:  body]`` at the end of the paragraph (several in a row, in any order); ``[bookmark: …]``
markers are noise. `parse_word_export` drops all of them from the main body, appends the
footnote bodies after it (in number order) and keeps an exact map back to the raw text.
"""

from __future__ import annotations

import re

from nlp.ingest.ingested import Ingested, RawFootnote
from nlp.text import TextBuilder
from nlp.types import InputWarning

_INLINE_MARKER = re.compile(r"\[footnoteRef:\s*(\d+)\s*\]|\[bookmark:[^\]\n]*\]")
_BODY_OPEN = re.compile(r"\[(\d{1,4}):(?=\s)")
_BODY_SEPARATOR = "\n"


def parse_word_export(raw: str) -> Ingested:
    """Read a Word .txt export: ``parse_word_export("Tăng 4%[footnoteRef:1]. [1:  Lúa]")``."""
    builder = TextBuilder(raw)
    paragraphs: list[tuple[int, int, int]] = []
    anchors: dict[int, tuple[int, int]] = {}  # number -> (builder pos, line)
    bodies: dict[int, tuple[int, int, int]] = {}  # number -> (raw start, raw end, line)
    warnings: list[InputWarning] = []
    line_start = 0
    for lineno, line in enumerate(raw.split("\n"), start=1):
        line_end = line_start + len(line)
        content_end = line_end - 1 if line.endswith("\r") else line_end
        par_start = len(builder)
        cursor = line_start
        for number, open_at, close_at, body_start, body_end in _find_bodies(raw, line_start, content_end):
            _keep_first(bodies, number, (body_start, body_end, lineno), "body", warnings)
            for marker, pos in _copy_without_markers(builder, raw, cursor, open_at):
                _keep_first(anchors, marker, (pos, lineno), "marker", warnings)
            cursor = close_at
        for marker, pos in _copy_without_markers(builder, raw, cursor, content_end):
            _keep_first(anchors, marker, (pos, lineno), "marker", warnings)
        paragraphs.append((par_start, len(builder), lineno))
        if line_end < len(raw):
            builder.copy(line_end, line_end + 1)
        line_start = line_end + 1

    if not raw.endswith("\n"):
        builder.insert(_BODY_SEPARATOR, len(raw))
    main_end = len(builder)
    body_spans: dict[int, tuple[int, int]] = {}
    for number in sorted(bodies):
        raw_start, raw_end, _ = bodies[number]
        start = len(builder)
        _copy_without_markers(builder, raw, raw_start, raw_end)
        body_spans[number] = (start, len(builder))
        builder.insert(_BODY_SEPARATOR, raw_end)

    text, offsets, old_to_new = builder.build()
    footnotes = []
    for number in sorted(set(anchors) | set(bodies)):
        anchor = anchors.get(number)
        span = body_spans.get(number)
        line = anchor[1] if anchor else bodies[number][2]
        if anchor is None:
            warnings.append(InputWarning("footnote-without-marker",
                                  f"footnote {number}: body on line {line} has no marker in the text", line))
        if span is None:
            warnings.append(InputWarning("footnote-without-body",
                                  f"footnote {number}: marker on line {line} has no body", line))
        footnotes.append(RawFootnote(
            number,
            old_to_new[anchor[0]] if anchor else None,
            (old_to_new[span[0]], old_to_new[span[1]]) if span else None,
            line,
        ))
    stripped = tuple(
        p for p in (_strip(text, old_to_new[s], old_to_new[e], line) for s, e, line in paragraphs) if p
    )
    return Ingested(text, offsets, old_to_new[main_end], stripped, tuple(footnotes), tuple(warnings))


def _find_bodies(raw: str, start: int, end: int) -> list[tuple[int, int, int, int, int]]:
    """Every ``[N: body]`` in the line: (N, open, after close, body start, body end).

    Word puts bodies at the paragraph end, but edited exports move text after them, so a
    body is accepted anywhere as long as its bracket closes on the same line.
    """
    found = []
    pos = start
    while True:
        match = _BODY_OPEN.search(raw, pos, end)
        if match is None:
            return found
        close = _matching_bracket(raw, match.end(), end)
        if close is None:
            pos = match.end()
            continue
        body_start, body_end = match.end(), close
        while body_start < body_end and raw[body_start].isspace():
            body_start += 1
        while body_end > body_start and raw[body_end - 1].isspace():
            body_end -= 1
        found.append((int(match.group(1)), match.start(), close + 1, body_start, body_end))
        pos = close + 1


def _matching_bracket(raw: str, pos: int, end: int) -> int | None:
    depth = 0
    for i in range(pos, end):
        char = raw[i]
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return i
            depth -= 1
    return None


def _copy_without_markers(builder: TextBuilder, raw: str, start: int, end: int):
    """Copy `raw[start:end]` minus inline markers; yield (footnote number, builder position)."""
    cursor = start
    anchors = []
    for match in _INLINE_MARKER.finditer(raw, start, end):
        builder.copy(cursor, match.start())
        if match.group(1):
            anchors.append((int(match.group(1)), len(builder)))
        cursor = match.end()
    builder.copy(cursor, end)
    return anchors


def _keep_first(seen: dict, number: int, value, what: str, warnings: list[InputWarning]) -> None:
    line = value[-1]
    if number in seen:
        warnings.append(InputWarning(f"duplicate-footnote-{what}",
                              f"footnote {number}: second {what} on line {line} ignored", line))
    else:
        seen[number] = value


def _strip(text: str, start: int, end: int, line: int):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, line) if start < end else None
