"""Cut a report into passages that follow its structure.

A passage is a run of paragraphs owned by one section (the deepest section that contains
them), merged up to `max_chars` and split at sentence ends beyond it; it never crosses a
section. Tasks (the tasks section's tree) give kind "task"; each footnote body is a passage of
kind "footnote" that names the claim it backs; each table of a .docx is a passage of kind
"table" (split between rows when long).
"""

from __future__ import annotations

from typing import Optional, Sequence

from nlp.ids import span_id
from nlp.structure import innermost_section
from nlp.types import Passage, Report, Section

MAX_CHARS = 1000
HEADING_CHARS = 120  # a heading longer than this is a sentence: keep its start as context


def make_passages(report: Report, max_chars: int = MAX_CHARS) -> list[Passage]:
    """``make_passages(report)[0].text`` is the report's first passage; spans index `report.text`."""
    owner = _Owner(report.sections)
    task_sections = _task_section_ids(report)
    groups: list[tuple[Optional[Section], list]] = []
    for par in report.paragraphs:
        if any(t.start <= par.start < t.end for t in report.tables):
            continue
        section = owner.of(par.start)
        if groups and groups[-1][0] is section:
            groups[-1][1].append(par)
        else:
            groups.append((section, [par]))
    parents = {s.parent for s in report.sections}
    passages: list[Passage] = []
    for section, pars in groups:
        if section is not None and section.id in parents and len(pars) == 1 and pars[0].start == section.start \
                and pars[0].end <= section.heading.end + 1 and not _states_figure(report, section):
            continue  # a bare heading ("1. Về kinh tế"): its children carry it as context
        kind = "task" if section is not None and section.id in task_sections else "passage"
        for start, end in _chunks(report, [(p.start, p.end) for p in pars], max_chars):
            passages.append(_passage(report, start, end, kind, section, owner))
    for table in report.tables:
        rows = [(p.start, p.end) for p in report.paragraphs if table.start <= p.start < table.end]
        section = owner.of(table.start)
        for start, end in _chunks(report, rows, max_chars):
            passages.append(_passage(report, start, end, "table", section, owner))
    for note in report.footnotes:
        if note.body is None:
            continue
        section = owner.of(note.anchor) if note.anchor is not None else None
        for start, end in _chunks(report, [(note.body.start, note.body.end)], max_chars):
            passages.append(_passage(report, start, end, "footnote", section, owner, footnote=note.id,
                                     claim=note.claim.text if note.claim else None))
    return passages


def _states_figure(report: Report, section: Section) -> bool:
    """Does a heading state a figure ("II. Tổng chi ngân sách địa phương năm 2006 là 1.617,352
    tỷ đồng, trong đó:")? Such a heading is the only place the total is written, so it is a
    passage of its own; its children carry only its first HEADING_CHARS as context."""
    return any(section.heading.start <= f.start < section.heading.end for f in report.figures)


def _passage(report, start, end, kind, section, owner, footnote=None, claim=None) -> Passage:
    carried = tuple(f.id for f in report.footnotes if f.anchor is not None and start <= f.anchor <= end)
    return Passage(
        start, end, report.text[start:end], id=span_id(report.content_hash, "passage", start, end),
        report=report.id, kind=kind, section="/".join(section.path) if section else "",
        headings=owner.headings(section), footnotes=carried if footnote is None else (),
        footnote=footnote, claim=claim,
    )


def _chunks(report: Report, blocks: Sequence[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Merge consecutive blocks up to `max_chars`; split a longer block at sentence ends."""
    pieces: list[tuple[int, int]] = []
    for start, end in blocks:
        pieces.extend(_split(report, start, end, max_chars) if end - start > max_chars else [(start, end)])
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and end - merged[-1][0] <= max_chars:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _split(report: Report, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    cuts = [s.end for s in report.sentences if start < s.end < end]
    out, begin = [], start
    while end - begin > max_chars:
        fitting = [c for c in cuts if begin < c <= begin + max_chars]
        cut = fitting[-1] if fitting else _space_before(report.text, begin, begin + max_chars)
        out.append((begin, cut))
        begin = cut
        while begin < end and report.text[begin].isspace():
            begin += 1
    if begin < end:
        out.append((begin, end))
    return out


def _space_before(text: str, start: int, limit: int) -> int:
    cut = text.rfind(" ", start + 1, limit)
    return cut if cut > start else limit


def _task_section_ids(report: Report) -> set[str]:
    ids: set[str] = set()
    stack = list(report.tasks)
    while stack:
        task = stack.pop()
        ids.add(task.section)
        stack.extend(task.items)
    roots = {s.parent for s in report.sections if s.id in ids}
    return ids | {r for r in roots if r is not None}


def _short(heading: str) -> str:
    if len(heading) <= HEADING_CHARS:
        return heading
    cut = heading.rfind(" ", 0, HEADING_CHARS)
    return heading[: cut if cut > 0 else HEADING_CHARS] + "…"


class _Owner:
    """The deepest section containing a position, and the headings above it."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.sections = list(sections)
        self.by_id = {s.id: s for s in sections}

    def of(self, pos: int) -> Optional[Section]:
        return innermost_section(self.sections, pos)

    def headings(self, section: Optional[Section]) -> tuple[str, ...]:
        chain = []
        while section is not None:
            chain.insert(0, _short(section.heading.text))
            section = self.by_id.get(section.parent) if section.parent else None
        return tuple(h for h in chain if h)
