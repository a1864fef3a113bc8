"""The figure explorer's library side: one row per figure across reports, with its indicator id
and period dates, and the checks that compare reports (issue 18).

Rows are built from each report's extract (what `vnreport extract` writes and the index
stores), so every row cites its report, section and the sentence it came from, with offsets
into that report's text.

Checks across reports, on level figures (amounts and counts, not rates or shares of a plan):
- cumulative: a running total from January ("3 tháng đầu năm", "quý I") against the sum of the
  months the corpus holds for the same indicator, issuer and place, when it holds every month;
- restated: the same indicator, period, issuer and place reported with two values by two
  reports.
Within rounding: half a unit of the last printed decimal of each figure, summed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from types import SimpleNamespace
from typing import Iterable, NamedTuple, Optional

from nlp.indicators import figure_dates, figure_indicator, indicator_id, span_text
from nlp.structure import innermost_section


@dataclass(frozen=True, slots=True)
class FigureRow:
    report: str
    source: str
    number: Optional[str]
    issuer: Optional[str]
    place: Optional[str]
    date: Optional[str]
    period_start: Optional[str]
    period_end: Optional[str]
    period_kind: Optional[str]
    indicator_id: Optional[str]
    indicator: str
    value: Optional[float]
    unit: Optional[str]
    direction: Optional[str]
    basis: Optional[str]
    text: str  # the figure as printed
    section: str
    start: int  # the figure's span in the report text
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in FIELDS}  # asdict deep-copies: 5x slower


FIELDS = tuple(f.name for f in fields(FigureRow))


def figure_rows(extract: dict) -> list[FigureRow]:
    """Every figure of one report's extract as a row (indicator id None when unknown)."""
    report = extract["report"]
    year = (report.get("period") or {}).get("year") or _year(report.get("date"))
    sentences = sorted((s["start"], s["end"], s["text"]) for s in extract.get("sentences", ()))
    sections = [SimpleNamespace(**s) for s in extract.get("sections", ())]
    rows = []
    figures = list(extract.get("figures", ()))
    for n, f in enumerate(figures):
        s_start, s_end, s_text = _containing(sentences, f["start"])
        if "indicator_id" in f:  # extracts of schema 3 carry them (nlp.indicators.identify_figures)
            found, dates = f["indicator_id"], (f["period_start"], f["period_end"], f["period_kind"])
        else:  # an older stored extract: the same mapping, here
            found = figure_indicator(f, figures[:n], (s_start, s_text))
            dates = figure_dates(f, year)
        if not dates[0]:
            dates = _report_period(report) or (None, None, None)
        rows.append(FigureRow(
            report["id"], report.get("source", ""), report.get("number"), report.get("issuer"), report.get("place"),
            report.get("date"), *dates, found, span_text(f.get("indicator")), f.get("value"), f.get("unit"),
            f.get("direction"), f.get("basis"), f["text"], _section_path(sections, f["start"]), f["start"], f["end"],
            s_text, s_start, s_end))
    return rows


def is_level(row: FigureRow) -> bool:
    """An amount or a count of its own (not a rate, a change or a share of a plan)."""
    return row.unit not in (None, "%") and row.basis is None and row.direction in (None, "none")


def cross_checks(rows: Iterable[FigureRow]) -> list[dict]:
    """Cumulative and restated checks over level figures with an indicator id (see the module)."""
    levels = [r for r in rows if r.indicator_id and r.period_start and is_level(r)]
    return _restated(levels) + _cumulative(levels)


def _key(row: FigureRow) -> tuple:
    return row.indicator_id, row.unit, (row.place or "").lower(), (row.issuer or "").lower()


def _restated(levels: list[FigureRow]) -> list[dict]:
    groups: dict[tuple, list[FigureRow]] = {}
    for row in levels:
        groups.setdefault((*_key(row), row.period_start, row.period_end), []).append(row)
    checks = []
    for group in groups.values():
        by_report = {r.report: r for r in group}
        rows = sorted(by_report.values(), key=lambda r: (r.date or "", r.report))
        for a, b in zip(rows, rows[1:]):
            tolerance = _half_unit(a) + _half_unit(b)
            checks.append(_check("restated", a, [b], b.value, abs(a.value - b.value) <= tolerance))
    return checks


def _cumulative(levels: list[FigureRow]) -> list[dict]:
    months: dict[tuple, FigureRow] = {}
    for row in levels:
        if row.period_kind == "month":
            months.setdefault((*_key(row), row.period_start), row)
    checks = []
    for row in levels:
        if row.period_kind == "month":
            continue
        wanted = _month_starts(row.period_start, row.period_end)
        parts = [months.get((*_key(row), m)) for m in wanted]
        if len(wanted) < 2 or any(p is None for p in parts):
            continue  # the corpus does not hold every month: nothing to compare
        total = sum(p.value for p in parts)
        tolerance = _half_unit(row) + sum(_half_unit(p) for p in parts)
        checks.append(_check("cumulative", row, parts, total, abs(row.value - total) <= tolerance))
    return checks


def _check(kind: str, row: FigureRow, parts: list[FigureRow], compared, ok: bool) -> dict:
    return {"kind": kind, "status": "ok" if ok else "mismatch", "indicator_id": row.indicator_id,
            "period_start": row.period_start, "period_end": row.period_end, "unit": row.unit,
            "value": row.value, "compared": round(compared, 6), "figure": _cite(row),
            "parts": [_cite(p) for p in parts]}


def _cite(row: FigureRow) -> dict:
    return {"report": row.report, "number": row.number, "section": row.section, "start": row.start,
            "end": row.end, "text": row.text, "value": row.value, "sentence": row.sentence,
            "period_start": row.period_start, "period_end": row.period_end}


def _month_starts(start: str, end: str) -> list[str]:
    year, first, last = int(start[:4]), int(start[5:7]), int(end[5:7])
    return [f"{year}-{m:02d}-01" for m in range(first, last + 1)]


def _half_unit(row: FigureRow) -> float:
    """Half a unit of the last printed decimal, in base units ("4.215,3 tỷ" → 0.05 tỷ)."""
    number = re.match(r"[\d.,]+", row.text)
    if not number or not row.value:
        return 0.0
    digits = number.group().rstrip(".,")
    decimals = len(digits.split(",")[1]) if "," in digits else 0
    printed = float(digits.replace(".", "").replace(",", ".")) or 1.0
    return 0.5 * 10 ** -decimals * abs(row.value) / printed


def _year(date: Optional[str]) -> Optional[int]:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _report_period(report: dict):
    period = report.get("period") or {}
    if not period.get("start"):
        return None
    kind = "month" if period.get("month") and not period.get("quarter") else "quarter" if period.get("quarter") \
        else "year"
    return period["start"], period["end"], kind


def _containing(sentences: list[tuple[int, int, str]], pos: int) -> tuple[int, int, str]:
    from bisect import bisect_right

    i = bisect_right(sentences, (pos, float("inf"), "")) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return pos, pos, ""


def _section_path(sections: list, pos: int) -> str:
    best = innermost_section(sections, pos)
    return "/".join(best.path or []) if best else ""


class Exploration(NamedTuple):
    figures: list[FigureRow]  # in period order
    cross_checks: list[dict]


def explore(index, indicator: Optional[str] = None, report: Optional[str] = None,
            period: Optional[str] = None) -> Exploration:
    """The figures of an `Index` for one indicator (an id, or text naming one), report (id,
    number or source) and period ("2024", "2024-03", "2024-Q1": the figure's period overlaps
    it), in period order, with the cross-report checks that involve them."""
    from nlp.index.filters import period_range

    rows = all_rows(index)
    wanted = _indicator_filter(indicator)
    first, last = period_range(period) if period else (None, None)
    kept = [r for r in rows if wanted(r) and (not report or report in (r.report, r.number, r.source))
            and (not period or (r.period_start and r.period_start <= last and r.period_end >= first))]
    # by the end of the period; a month before the running total ending with it; then place, report date
    kept.sort(key=lambda r: (r.place or "", r.date or "", r.start))
    kept.sort(key=lambda r: r.period_start or "", reverse=True)
    kept.sort(key=lambda r: r.period_end or "9999")
    ids = {(r.report, r.start) for r in kept}
    checks = [c for c in _checks(index) if (c["figure"]["report"], c["figure"]["start"]) in ids
              or any((p["report"], p["start"]) in ids for p in c["parts"])]
    return Exploration(kept, checks)


def indicator_counts(index) -> list[dict]:
    """Each indicator of the taxonomy with its label, unit, kind and how many figures name it."""
    from collections import Counter

    from nlp.indicators import INDICATORS

    counts = Counter(r.indicator_id for r in all_rows(index) if r.indicator_id)
    return [{"id": i.id, "label": i.label, "unit": i.unit, "kind": i.kind, "figures": counts.get(i.id, 0)}
            for i in INDICATORS]


def _indicator_filter(indicator: Optional[str]):
    from nlp.indicators import BY_ID

    if not indicator:
        return lambda row: True
    if indicator in BY_ID:
        return lambda row: row.indicator_id == indicator
    mapped = indicator_id(indicator)
    folded = " ".join(indicator.lower().split())
    return lambda row: (mapped is not None and row.indicator_id == mapped) or folded in row.indicator.lower()


def all_rows(index) -> list[FigureRow]:
    """Every figure row of the index (computed once per open generation)."""
    return _rows_and_checks(index)[0]


def _checks(index) -> list[dict]:
    return _rows_and_checks(index)[1]


def _rows_and_checks(index) -> tuple[list[FigureRow], list[dict]]:
    import json

    cached = _CACHE.get(id(index))
    if cached is not None and cached[0] is index:
        return cached[1]
    rows = [row for r in index.reports() for row in figure_rows(json.loads(index.extract_json(r["id"])))]
    result = (rows, cross_checks(rows))
    _CACHE.clear()  # one index at a time: a server swaps to the next generation's Index
    _CACHE[id(index)] = (index, result)
    return result


_CACHE: dict[int, tuple] = {}
