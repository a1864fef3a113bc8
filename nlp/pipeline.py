"""The ordered stages that turn a file into a `Report`; each stage is `Report -> Report`."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Sequence

from nlp import header as header_mod
from nlp import segment, structure
from nlp.entities.modes import DEFAULT_NER, check_ner
from nlp.errors import PipelineError
from nlp.footnotes import link_footnotes
from nlp.ids import content_hash
from nlp.ingest import read_document
from nlp.types import Footnote, Paragraph, Report, Span

Stage = Callable[[Report], Report]


def read_report(path: str | Path, max_bytes: int | None = None) -> Report:
    """Ingest only: text, offsets, paragraphs and footnote bodies, no analysis yet."""
    data, ing = read_document(Path(path)) if max_bytes is None else read_document(Path(path), max_bytes)
    return _report_from_ingested(ing, str(path), data)


def report_from_text(text: str, source: str = "<text>", stages: Sequence[Stage] = ()) -> Report:
    """A report from a string (tests, the API): ``report_from_text("I. Tình hình…", stages=DEFAULT_STAGES)``."""
    from nlp.ingest.txt import parse_word_export

    return run_stages(_report_from_ingested(parse_word_export(text), source, text.encode("utf-8")), stages)


def _report_from_ingested(ing, source: str, data: bytes) -> Report:
    digest = content_hash(data)
    text = ing.text
    return Report(
        id=digest[:12],
        source=source,
        content_hash=digest,
        text=text,
        body_end=ing.body_end,
        offsets=ing.offsets,
        paragraphs=tuple(Paragraph(s, e, text[s:e], line) for s, e, line in ing.paragraphs),
        footnotes=tuple(
            Footnote(f.number, f.anchor, None,
                     Span(f.body[0], f.body[1], text[f.body[0]:f.body[1]]) if f.body else None, f.line)
            for f in ing.footnotes
        ),
        warnings=ing.warnings,
        tables=tuple(Span(s, e, text[s:e]) for s, e in ing.tables),
        pages=ing.pages,
    )


def parse_structure(report: Report) -> Report:
    """Header fields and the section tree (paragraphs before the first section are the header)."""
    sections, closing = structure.parse_sections(
        report.text, report.paragraphs, report.content_hash, report.body_end)
    first = sections[0].start if sections else closing
    top = [p for p in report.paragraphs if p.end <= first]
    tail = [p for p in report.paragraphs if p.start >= closing]
    fields = header_mod.parse_header(report.text, top, tail)
    values = {f.name: f.value for f in fields}
    period = header_mod.parse_period(values["title"]) if "title" in values else None
    return replace(
        report, sections=tuple(sections), header=tuple(fields), period=period,
        number=values.get("number"), issuer=values.get("issuer"), place=values.get("place"),
        date=values.get("date"), title=values.get("title"),
    )


def segment_sentences(report: Report) -> Report:
    """Sentences of every paragraph (after its section marker) and footnote body."""
    after_label = {s.start: s.heading.start for s in report.sections}
    blocks = [(after_label.get(p.start, p.start), p.end) for p in report.paragraphs]
    blocks += [(f.body.start, f.body.end) for f in report.footnotes if f.body]
    return replace(report, sentences=tuple(segment.split_sentences(report.text, blocks)))


def segment_words(report: Report) -> Report:
    return replace(report, tokens=tuple(segment.tokenize_words(report.text, report.sentences)))


def link_claims(report: Report) -> Report:
    return replace(report, footnotes=tuple(
        link_footnotes(report.text, report.footnotes, report.sentences, report.body_end)))


def entities_stage(ner: str = DEFAULT_NER, model: str | Path | None = None) -> Stage:
    """The entity stage for `ner` in "rules", "model", "both" (the model loads at first use)."""
    check_ner(ner)

    def stage(report: Report) -> Report:
        from nlp.entities import find_entities as entities_of

        return replace(report, entities=tuple(entities_of(report, ner, model)))

    stage.__name__ = f"find_entities_{ner}"
    return stage


def find_figures(report: Report) -> Report:
    """Figures with their value, unit, indicator and period spans, and the taxonomy's indicator
    id and the period's dates where they can be told (`nlp.indicators.identify_figures`)."""
    from nlp.figures import find_figures as figures_of
    from nlp.indicators import identify_figures

    figures = figures_of(report.text, report.sentences, report.entities, report.tokens)
    year = report.period.year if report.period else int(report.date[:4]) if report.date else None
    return replace(report, figures=tuple(identify_figures(figures, report.sentences, year)))


def find_tasks(report: Report) -> Report:
    """Tasks with their sub-items, each with topics and the agencies it names."""
    from nlp.topics import topics_of

    agencies = [e for e in report.entities if e.label == "AGENCY"]

    def classify(task):
        named = tuple(dict.fromkeys(e.text for e in agencies if task.start <= e.start < task.end))
        return replace(task, topics=topics_of(task.text, task.heading.text), agencies=named,
                       items=tuple(classify(item) for item in task.items))

    tasks = structure.find_tasks(report.text, report.sections, report.content_hash)
    return replace(report, tasks=tuple(classify(t) for t in tasks))


def check_breakdowns(report: Report) -> Report:
    from nlp.checks import check_footnotes

    return replace(report, checks=tuple(check_footnotes(report.footnotes, report.figures, report.text)))


def stages_for(ner: str = DEFAULT_NER, model: str | Path | None = None,
               upto: str | None = None) -> tuple[Stage, ...]:
    """The stages in order, with the entity stage for `ner`; `upto="entities"` stops after it."""
    entity = entities_stage(ner, model)
    stages = (parse_structure, segment_sentences, segment_words, link_claims, entity, find_figures,
              check_breakdowns, find_tasks)
    return stages[:stages.index(entity) + 1] if upto == "entities" else stages


DEFAULT_STAGES: tuple[Stage, ...] = stages_for()  # NER "both", as the CLI, the build and the API


def run_stages(report: Report, stages: Sequence[Stage] = DEFAULT_STAGES) -> Report:
    """Apply stages in order; a stage that returns something else than a Report is a bug."""
    for stage in stages:
        result = stage(report)
        if not isinstance(result, Report):
            name = getattr(stage, "__name__", repr(stage))
            raise PipelineError(report.source, f"stage {name} returned {type(result).__name__}, not Report")
        report = result
    return report


def load_report(path: str | Path, stages: Sequence[Stage] = DEFAULT_STAGES) -> Report:
    """Read and analyse one report: ``load_report("corpus/742-BC-SKHDT-2023-03.txt").number``."""
    return run_stages(read_report(path), stages)
