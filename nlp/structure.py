"""The section tree (A./I./1./1.1./a./- …) and the task list of a report.

Levels come from the order markers nest in, not from a fixed table: the first marker kind
is level 1, a new kind nests under the current one, a kind already open closes what is
below it. Numbered kinds never nest inside bullets ("-", "+"), so a preamble bullet does not
swallow "I.". Letters that are also Roman numerals (I, V, X, C, D, L, M) are read by the
sequence they continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from nlp.ids import span_id
from nlp.types import Paragraph, Section, Span, Task

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# After a numbered marker: a capitalised heading, or nothing (the marker alone on its line).
_HEADING_START = r"(?:\s+(?=[\"“'(]?[A-ZĐÀ-Ỹ0-9])|\s*$)"
_MARKERS: list[tuple[str, re.Pattern]] = [
    ("part", re.compile(r"(?:PHẦN|Phần)\s+(?:THỨ\s+\w+|thứ\s+\w+|[IVXLC]+|\d+)\s*[.:]?\s*")),
    ("chapter", re.compile(r"(?:CHƯƠNG|Chương)\s+(?:[IVXLC]+|\d+)\s*[.:]?\s*")),
    ("article", re.compile(r"(?:ĐIỀU|Điều)\s+\d+\s*[.:]\s*")),
    ("alpha", re.compile(r"([A-ZĐ]|[IVXLC]{2,7})\s?([.)])" + _HEADING_START)),
    ("decimal", re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3})\.?" + _HEADING_START)),
    ("arabic", re.compile(r"(\d{1,2})\s?([.)])" + _HEADING_START)),
    ("lower", re.compile(r"([a-zđ])\s?([.)])" + _HEADING_START)),
    ("dash", re.compile(r"[-–—•]\s*(?=[^\s\-–—])")),
    ("plus", re.compile(r"\+\s*(?=\S)")),
    ("star", re.compile(r"\*\s*(?=[^\s*])")),
]
_BULLETS = {"dash", "plus", "star"}
_CLOSING = re.compile(r"(?:Trên đây là|Trên đây|Nơi nhận\s*:)")
_TASK_HEADING = re.compile(
    r"(nhiệm vụ|phương hướng|giải pháp|kế hoạch|công tác)[^:]*?"
    r"(trọng tâm|tháng|quý|năm|thời gian tới|tiếp theo|sắp tới|chủ yếu)",
    re.IGNORECASE,
)

# "Kết quả thực hiện nhiệm vụ quý II" looks back, not forward.
_REVIEW_HEADING = re.compile(r"(kết quả|tình hình|đánh giá)", re.IGNORECASE)


@dataclass(slots=True)
class _Open:
    kind: str
    value: int
    row: int  # index into the rows being built


@dataclass(slots=True)
class _Row:
    kind: str
    start: int
    label: str
    heading: Span
    level: int
    parent: Optional[int]


class _TreeBuilder:
    """Places markers in the tree as they come (see the module docstring for the rules)."""

    def __init__(self) -> None:
        self.rows: list[_Row] = []
        self.stack: list[_Open] = []

    def add(self, kind: str, value: int, start: int, label: str, heading: Span) -> None:
        stack = self.stack
        while stack and stack[-1].kind in _BULLETS and kind not in _BULLETS:
            stack.pop()
        open_kinds = [o.kind for o in stack]
        if kind in open_kinds:
            del stack[open_kinds.index(kind):]
        parent = stack[-1].row if stack else None
        self.rows.append(_Row(kind, start, label, heading, len(stack) + 1, parent))
        stack.append(_Open(kind, value, len(self.rows) - 1))


def parse_sections(
    text: str, paragraphs: Sequence[Paragraph], report_hash: str, end: int
) -> tuple[list[Section], int]:
    """Sections from the marked paragraphs, and where the closing block ("Trên đây là…") starts.

    Paragraphs before the first numbered marker are the header and are not sections. A marker
    alone on its line ("I." then "Tình hình chung", as PDF text layers give it) takes the next
    paragraph as its heading.
    """
    tree = _TreeBuilder()
    closing = end
    pending: Optional[tuple[tuple[str, int, int], Paragraph]] = None
    for par in paragraphs:
        if tree.rows and _CLOSING.match(par.text):
            closing = par.start
            break
        found = _read_marker(par.text, tree.stack)
        if pending is not None:
            (kind, value, _), marker_par = pending
            heading = (_heading(text, par.start, par.end) if found is None
                       else Span(marker_par.end, marker_par.end, ""))
            tree.add(kind, value, marker_par.start, marker_par.text.strip(), heading)
            pending = None
            if found is None:
                continue
        if found is None or (not tree.rows and found[0] in _BULLETS):
            continue
        kind, value, label_end = found
        if label_end >= len(par.text):
            pending = (found, par)
            continue
        tree.add(kind, value, par.start, par.text[:label_end].strip(),
                 _heading(text, par.start + label_end, par.end))
    if pending is not None:
        (kind, value, _), marker_par = pending
        tree.add(kind, value, marker_par.start, marker_par.text.strip(),
                 Span(marker_par.end, marker_par.end, ""))
    return _build_sections(text, tree.rows, report_hash, closing), closing


def _build_sections(text: str, rows: list[_Row], report_hash: str, closing: int) -> list[Section]:
    ends = [closing] * len(rows)
    open_rows: list[int] = []
    for i, row in enumerate(rows):
        while open_rows and rows[open_rows[-1]].level >= row.level:
            ends[open_rows.pop()] = row.start
        open_rows.append(i)
    sections: list[Section] = []
    for i, row in enumerate(rows):
        end = _rstrip(text, row.start, ends[i])
        parent = sections[row.parent] if row.parent is not None else None
        sections.append(Section(
            id=span_id(report_hash, "section", row.start, end),
            label=row.label,
            level=row.level,
            kind=row.kind,
            heading=row.heading,
            start=row.start,
            end=end,
            parent=parent.id if parent else None,
            path=(parent.path if parent else ()) + (row.label,),
        ))
    return sections


def _read_marker(line: str, stack: list[_Open]) -> Optional[tuple[str, int, int]]:
    for kind, pattern in _MARKERS:
        match = pattern.match(line)
        if not match:
            continue
        if kind == "alpha":
            kind, value = _alpha_kind(match.group(1), stack)
            if value is None:
                continue
            return f"{kind}{match.group(2)}", value, match.end()
        if kind == "decimal":
            depth = match.group(1).count(".") + 1
            return f"decimal{depth}", int(match.group(1).split(".")[-1]), match.end()
        if kind in ("arabic", "lower"):
            value = int(match.group(1)) if kind == "arabic" else ord(match.group(1)) - 96
            return f"{kind}{match.group(2)}", value, match.end()
        return kind, 0, match.end()
    return None


def _alpha_kind(token: str, stack: list[_Open]) -> tuple[str, Optional[int]]:
    """Upper letter or Roman numeral: the one that continues an open sequence wins."""
    roman = _roman(token)
    if len(token) > 1:
        return "roman", roman
    letter = ord(token) - 64 if token != "Đ" else None
    if roman is None:
        return "upper", letter
    expected = {o.kind.rstrip(".)"): o.value + 1 for o in stack}
    if expected.get("roman") == roman:
        return "roman", roman
    if expected.get("upper") == letter:
        return "upper", letter
    if roman == 1:  # "I." that continues no letter list starts a Roman list
        return "roman", roman
    if "roman" in expected:
        return "roman", roman
    if "upper" in expected:
        return "upper", letter
    return ("roman", roman) if token in "IVX" else ("upper", letter)


def _roman(token: str) -> Optional[int]:
    total, previous = 0, 0
    for char in reversed(token):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if 0 < total < 40 else None


def _heading(text: str, start: int, end: int) -> Span:
    """The heading of a marked line: up to a ':' or the first sentence end, else the line."""
    line = text[start:end]
    colon = re.search(r":(?=\s|$)", line)
    stop = re.search(r"[.!?](?=\s+[A-ZĐÀ-Ỹ])", line)
    if colon and (stop is None or colon.start() < stop.start()):
        cut = colon.start()
    elif stop:
        cut = stop.start()
    else:
        cut = len(line.rstrip(" \t.;:"))
    cut = len(line[:cut].rstrip())
    return Span(start, start + cut, text[start:start + cut])


def find_tasks(text: str, sections: Sequence[Section], report_hash: str) -> list[Task]:
    """Numbered items of the last top-level "nhiệm vụ / phương hướng …" section, with their
    sub-items (a., -, …) nested as `items`."""
    candidates = [
        s for s in sections
        if s.level == 1 and _TASK_HEADING.search(s.heading.text)
        and not _REVIEW_HEADING.match(s.heading.text)
    ]
    if not candidates:
        return []
    children: dict[Optional[str], list[Section]] = {}
    for section in sections:
        children.setdefault(section.parent, []).append(section)

    def task(s: Section) -> Task:
        return Task(s.start, s.end, text[s.start:s.end], span_id(report_hash, "task", s.start, s.end),
                    s.label, s.id, s.heading, items=tuple(task(c) for c in children.get(s.id, ())))

    direct = children.get(candidates[-1].id, [])
    numbered = [s for s in direct if s.kind not in _BULLETS] or direct
    return [task(s) for s in numbered]


def innermost_section(sections: Sequence[Section], pos: int) -> Optional[Section]:
    """The deepest section whose span holds `pos` (sections in document order), or None."""
    best = None
    for section in sections:
        if section.start > pos:
            break
        if pos < section.end and (best is None or section.level > best.level):
            best = section
    return best


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
