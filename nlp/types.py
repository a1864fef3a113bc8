"""The document model: one NFC text per report, every span a (start, end) view into it.

Every span type carries `start`, `end` and `text`, with the invariant
``report.text[span.start:span.end] == span.text`` (tested for every type).
Values are frozen, slotted dataclasses; stages build new reports with `dataclasses.replace`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from nlp.text import OffsetMap


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of `Report.text`: ``Span(0, 3, "Số:")``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph(Span):
    """One paragraph (a line of a .txt export) of the main body; `line` is 1-based in the raw file."""

    line: int


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    pass


@dataclass(frozen=True, slots=True)
class Token(Span):
    """A word as underthesea segments it; multi-syllable words keep their inner spaces."""


@dataclass(frozen=True, slots=True)
class Entity(Span):
    """A named thing: ``Entity(…, text="Sở Kế hoạch và Đầu tư", label="AGENCY", source="rules")``."""

    label: str
    source: str


@dataclass(frozen=True, slots=True)
class Figure(Span):
    """A quantity: ``Figure(…, text="9.239,42 tỷ đồng", value=9239420000000, unit="VND", …)``.

    `value` is in base units (scale applied); `total` is a ratio's denominator; `high` is a
    range's upper end ("200 - 300 lượt": value 200, high 300). `indicator` is the noun phrase
    measured ("tổng thu ngân sách nhà nước trên địa bàn") and `period` the time expression that
    governs the figure ("quý I/2023"), both spans of the report text.
    """

    value: float
    unit: str  # VND | USD | % | a measure | the counted noun; a rate keeps its "/năm", "/ha"
    kind: str  # money | percent | ratio | measure | count
    scale: int
    direction: str  # increase | decrease | none
    basis: Optional[str]  # plan | same_period | previous_month | start_of_month | start_of_year | …
    indicator: Optional[Span] = None
    period: Optional[Span] = None
    qualifier: Optional[str] = None
    total: Optional[float] = None
    high: Optional[float] = None
    indicator_id: Optional[str] = None  # the taxonomy's id (nlp/indicators.py) when the indicator names one
    period_start: Optional[str] = None  # ISO dates of the period the figure refers to, and its kind:
    period_end: Optional[str] = None  # month | quarter | half | year | cumulative (a running total)
    period_kind: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Check:
    """Does footnote `footnote`'s breakdown add up to `claim`? status: ok | partial | mismatch."""

    footnote: int
    claim: Figure
    parts: tuple[Figure, ...]
    sum: float
    difference: float
    status: str


@dataclass(frozen=True, slots=True)
class HeaderField(Span):
    """Where a header value was read: ``HeaderField(…, name="date", value="2023-03-28")``."""

    name: str
    value: str


@dataclass(frozen=True, slots=True)
class Period:
    """The time a report covers; `start`/`end` are ISO dates of the widest range named."""

    year: int
    month: Optional[int] = None
    quarter: Optional[int] = None
    half: Optional[int] = None
    start: str = ""
    end: str = ""
    text: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A node of the I./1./a./- tree. `start`..`end` runs from its marker to the next sibling."""

    id: str
    label: str
    level: int
    kind: str
    heading: Span
    start: int
    end: int
    parent: Optional[str]
    path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Footnote:
    """Footnote `id` (its number): marker position, the claim sentence it backs, and its body."""

    id: int
    anchor: Optional[int]
    claim: Optional[Span]
    body: Optional[Span]
    line: int


@dataclass(frozen=True, slots=True)
class Task(Span):
    """A numbered item of the tasks section (its whole text, sub-items included).

    `items` are its sub-items (a., -, …) as tasks of their own; `topics` come from the fixed
    taxonomy in nlp/topics.py; `agencies` are the AGENCY entities named in it.
    """

    id: str
    label: str
    section: str
    heading: Span
    topics: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    items: tuple["Task", ...] = ()


@dataclass(frozen=True, slots=True)
class Passage(Span):
    """A searchable chunk: a paragraph or bullet (merged or split to ≤ 1,000 characters, never
    across sections), a task, or a footnote body. `headings` are the section headings above it,
    used as context for embedding, not part of `text`."""

    id: str
    report: str
    kind: str  # passage | task | footnote | table
    section: str  # the section path, "I./1./c."
    headings: tuple[str, ...]
    footnotes: tuple[int, ...] = ()  # footnotes whose marker stands in this passage
    footnote: Optional[int] = None  # for a footnote body: its number
    claim: Optional[str] = None  # for a footnote body: the claim sentence it backs


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: where it is (report, source, section, start/end into that report's
    text), why it came up (fused score and each retriever's 1-based rank), its footnote links
    (the bodies of the footnotes it carries; for a footnote body, the claim it backs), and what
    to show first: `snippet` and `answer`, spans into the report's text like start/end."""

    report: str
    source: str
    passage_id: str
    kind: str
    text: str
    start: int
    end: int
    section: str
    headings: tuple[str, ...]
    score: float
    ranks: dict
    footnotes: tuple[dict, ...] = ()
    claim: Optional[dict] = None
    title: Optional[str] = None
    date: Optional[str] = None
    snippet: Optional[Span] = None  # the sentence or two that best match the question
    answer: Optional[dict] = None  # for a quantity question: {start, end, text, value, unit, indicator}

    def to_dict(self) -> dict:
        snippet = self.snippet
        return {"report": self.report, "source": self.source, "passage_id": self.passage_id,
                "kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "section": self.section, "headings": list(self.headings), "score": round(self.score, 6),
                "ranks": self.ranks, "footnotes": list(self.footnotes), "claim": self.claim,
                "title": self.title, "date": self.date,
                "snippet": {"start": snippet.start, "end": snippet.end, "text": snippet.text} if snippet else None,
                "answer": self.answer}


@dataclass(frozen=True, slots=True)
class InputWarning:
    """Something wrong in the input that did not stop extraction (a footnote without body…)."""

    code: str
    message: str
    line: int


@dataclass(frozen=True, slots=True)
class Report:
    """One report. `text[:body_end]` is the main body; footnote bodies follow it, in order."""

    id: str
    source: str
    content_hash: str
    text: str
    body_end: int
    offsets: OffsetMap = field(repr=False, compare=False)
    number: Optional[str] = None
    issuer: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None
    title: Optional[str] = None
    period: Optional[Period] = None
    header: tuple[HeaderField, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    tasks: tuple[Task, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    checks: tuple[Check, ...] = ()
    warnings: tuple[InputWarning, ...] = ()
    tables: tuple[Span, ...] = ()  # tables of a .docx: one row per line, cells joined by " | "
    pages: tuple[tuple[int, int, int], ...] = ()  # PDF: (raw start, raw end, page number)

    def span(self, start: int, end: int) -> Span:
        """``report.span(0, 3) == Span(0, 3, report.text[0:3])``."""
        return Span(start, end, self.text[start:end])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of `text[start:end]` in the decoded source file."""
        return self.offsets.to_raw(start, end)

    def page_of(self, start: int) -> Optional[int]:
        """The PDF page (1-based) that `text[start]` was printed on; None for other formats."""
        if not self.pages or not 0 <= start < len(self.text):
            return None
        raw = self.offsets.to_raw(start, start + 1)[0]
        return next((page for s, e, page in self.pages if s <= raw < e), None)
