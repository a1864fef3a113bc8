"""The JSON shape of `vnreport extract` (pydantic models at the boundary) and the serializer.

Every span object has `start`/`end` into `text` (the NFC report text) and `raw_start`/
`raw_end` into the source file decoded to characters (a UTF-8 BOM is not counted); for a
.docx or .pdf, into its linear text (paragraphs one per line, footnotes as Word's text export
writes them), and for a PDF every span also carries the `page` it was printed on.
`vnreport schema` prints the JSON Schema; docs/extract.schema.json is a copy kept in sync by
a test.
"""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from nlp.types import Report

SCHEMA_VERSION = 3  # 2: a figure's indicator and period are spans, not strings; ranges' high. 3: indicator_id, period dates


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SpanOut(_Model):
    start: int = Field(description="offset into `text` (characters)")
    end: int = Field(description="end offset into `text`, exclusive")
    text: str = Field(description="text[start:end]")
    raw_start: int = Field(description="offset into the decoded source file")
    raw_end: int
    page: Optional[int] = Field(default=None, description="PDF page number (1-based); PDFs only")


class PeriodOut(_Model):
    year: int
    month: Optional[int]
    quarter: Optional[int]
    half: Optional[int]
    start: str = Field(description="ISO date: first day covered")
    end: str = Field(description="ISO date: last day covered")
    label: str = Field(description='e.g. "tháng 3, quý I năm 2023"')


class ReportOut(_Model):
    id: str = Field(description="first 12 hex digits of content_hash")
    source: str
    content_hash: str = Field(description="sha256 of the source file's bytes")
    number: Optional[str] = Field(description='"742/BC-SKHĐT"')
    issuer: Optional[str]
    place: Optional[str]
    date: Optional[str] = Field(description="ISO date of issue")
    title: Optional[str]
    period: Optional[PeriodOut]


class HeaderFieldOut(SpanOut):
    name: str = Field(description="number | date | place | title | period | issuer")
    value: str = Field(description="normalized value read from the span")


class SentenceOut(SpanOut):
    pass


class TokenOut(_Model):
    start: int
    end: int
    text: str


class SectionOut(_Model):
    id: str
    label: str = Field(description='the marker as written: "I.", "1.", "a.", "-"')
    level: int = Field(description="1 for the top level")
    kind: str = Field(description="marker kind: roman. arabic. lower. upper. decimal2 dash plus …")
    heading: SpanOut
    start: int
    end: int
    raw_start: int
    raw_end: int
    parent: Optional[str]
    path: list[str] = Field(description="labels from the top level down to this section")


class FootnoteOut(_Model):
    id: int = Field(description="the footnote number")
    anchor: Optional[int] = Field(description="offset in the main body where the marker stood")
    raw_anchor: Optional[int]
    line: int = Field(description="1-based line of the marker (or of the body when unmarked)")
    claim: Optional[SpanOut] = Field(description="the sentence that carries the marker")
    body: Optional[SpanOut]


class TaskOut(SpanOut):
    id: str
    label: str
    section: str = Field(description="id of the section the task is")
    heading: SpanOut
    topics: list[str] = Field(description="from the fixed taxonomy in nlp/topics.py, strongest first")
    agencies: list[str] = Field(description="AGENCY entities named in the task")
    items: list["TaskOut"] = Field(description="sub-items (a., -, …), same shape")


class EntityOut(SpanOut):
    label: str = Field(description="AGENCY | PROJECT | LEGAL_DOC | LOCATION | PERSON | DATE")
    source: str = Field(description="rules | underthesea | model")


class FigureOut(SpanOut):
    value: float = Field(description="in base units: scale applied (5.931,053 tỷ đồng → 5931053000000)")
    unit: str = Field(description='VND | USD | % | a measure ("tấn", "ha") | the counted noun ("lượt khách")')
    kind: str = Field(description="money | percent | ratio | measure | count")
    scale: int = Field(description="multiplier of the scale word (nghìn 10³, triệu 10⁶, tỷ 10⁹)")
    direction: str = Field(description="increase | decrease | none")
    basis: Optional[str] = Field(description="plan | same_period | previous_month | start_of_month | "
                                             "start_of_year | previous_year")
    indicator: Optional[SpanOut] = Field(description='the noun phrase measured, head noun first '
                                                     '("tổng thu ngân sách nhà nước trên địa bàn")')
    period: Optional[SpanOut] = Field(description='the time expression that governs the figure ("quý I/2023")')
    qualifier: Optional[str] = Field(description='"hơn", "gần", "khoảng", …')
    total: Optional[float] = Field(description="a ratio's denominator (same base units)")
    high: Optional[float] = Field(default=None, description='a range\'s upper end ("200 - 300 lượt": value 200, '
                                                           'high 300; same base units)')
    indicator_id: Optional[str] = Field(default=None, description="the taxonomy's id (nlp/indicators.py) of what "
                                                                  "the figure measures; null when none fits")
    period_start: Optional[str] = Field(default=None, description="ISO date: start of the period the figure refers to")
    period_end: Optional[str] = Field(default=None, description="ISO date: end of that period")
    period_kind: Optional[str] = Field(default=None, description="month | quarter | half | year | cumulative")


class CheckPartOut(_Model):
    start: int
    end: int
    text: str
    value: float


class CheckOut(_Model):
    footnote: int
    claim_figure: CheckPartOut
    unit: str
    parts: list[CheckPartOut]
    sum: float
    difference: float = Field(description="sum - claim value")
    status: str = Field(description="ok | partial | mismatch")


class WarningOut(_Model):
    code: str
    message: str
    line: int


class ExtractOut(_Model):
    schema_version: int = SCHEMA_VERSION
    report: ReportOut
    text: str = Field(description="NFC text: main body, then footnote bodies in number order")
    body_end: int = Field(description="text[:body_end] is the main body")
    header: list[HeaderFieldOut]
    sections: list[SectionOut]
    sentences: list[SentenceOut]
    footnotes: list[FootnoteOut]
    entities: list[EntityOut]
    figures: list[FigureOut]
    tasks: list[TaskOut]
    checks: list[CheckOut]
    warnings: list[WarningOut]
    tables: list[SpanOut] = Field(default_factory=list, description=".docx tables: rows one per line, cells joined by \" | \"")
    tokens: Optional[list[TokenOut]] = Field(default=None, description="only with --tokens")


def report_to_dict(report: Report, tokens: bool = False) -> dict:
    """The extract JSON object of `report` (validated against `ExtractOut` in the tests)."""

    def span(s) -> Optional[dict]:
        if s is None:
            return None
        raw_start, raw_end = report.raw_span(s.start, s.end)
        out = {"start": s.start, "end": s.end, "text": s.text, "raw_start": raw_start, "raw_end": raw_end}
        if report.pages:
            out["page"] = report.page_of(s.start)
        return out

    period = report.period
    return {
        "schema_version": SCHEMA_VERSION,
        "report": {
            "id": report.id, "source": report.source, "content_hash": report.content_hash,
            "number": report.number, "issuer": report.issuer, "place": report.place,
            "date": report.date, "title": report.title,
            "period": None if period is None else {
                "year": period.year, "month": period.month, "quarter": period.quarter,
                "half": period.half, "start": period.start, "end": period.end, "label": period.text,
            },
        },
        "text": report.text,
        "body_end": report.body_end,
        "header": [{**span(f), "name": f.name, "value": f.value} for f in report.header],
        "sections": [_section(s, span, report) for s in report.sections],
        "sentences": [span(s) for s in report.sentences],
        "footnotes": [
            {"id": f.id, "anchor": f.anchor,
             "raw_anchor": None if f.anchor is None else report.raw_span(f.anchor, f.anchor)[0],
             "line": f.line, "claim": span(f.claim), "body": span(f.body)}
            for f in report.footnotes
        ],
        "entities": [{**span(e), "label": e.label, "source": e.source} for e in report.entities],
        "figures": [{**span(f), **_figure_fields(f, span)} for f in report.figures],
        "tasks": [_task(t, span) for t in report.tasks],
        "checks": [
            {"footnote": c.footnote, "claim_figure": _part(c.claim), "unit": c.claim.unit,
             "parts": [_part(p) for p in c.parts], "sum": c.sum, "difference": c.difference,
             "status": c.status}
            for c in report.checks
        ],
        "warnings": [{"code": w.code, "message": w.message, "line": w.line} for w in report.warnings],
        "tables": [span(t) for t in report.tables],
        **({"tokens": [{"start": t.start, "end": t.end, "text": t.text} for t in report.tokens]}
           if tokens else {}),
    }


def _figure_fields(f, span) -> dict:
    return {"value": f.value, "unit": f.unit, "kind": f.kind, "scale": f.scale, "direction": f.direction,
            "basis": f.basis, "indicator": span(f.indicator), "period": span(f.period), "qualifier": f.qualifier,
            "total": f.total, "high": f.high, "indicator_id": f.indicator_id, "period_start": f.period_start,
            "period_end": f.period_end, "period_kind": f.period_kind}


def _part(f) -> dict:
    return {"start": f.start, "end": f.end, "text": f.text, "value": f.value}


def _task(t, span) -> dict:
    return {**span(t), "id": t.id, "label": t.label, "section": t.section, "heading": span(t.heading),
            "topics": list(t.topics), "agencies": list(t.agencies), "items": [_task(i, span) for i in t.items]}


def _section(s, span, report: Report) -> dict:
    raw_start, raw_end = report.raw_span(s.start, s.end)
    return {
        "id": s.id, "label": s.label, "level": s.level, "kind": s.kind, "heading": span(s.heading),
        "start": s.start, "end": s.end, "raw_start": raw_start, "raw_end": raw_end,
        "parent": s.parent, "path": list(s.path),
    }


def json_schema() -> dict:
    return ExtractOut.model_json_schema()
