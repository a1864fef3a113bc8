"""Facets of an index: the values a search filter can take (reports, sections, kinds, entity
labels and names, periods), read from a generation's store, and the check of the filter
values a user typed against them.

>>> facets = Facets(store)                                   # doctest: +SKIP
>>> facets.resolve(section="I./3").section                   # doctest: +SKIP
'I./3.'
>>> facets.entities("AGENCY", "so y")[0]                     # doctest: +SKIP
{'label': 'AGENCY', 'text': 'Sở Y tế', 'count': 4}

A value that cannot be one (an unknown kind, report or section) is a `QueryError`; a well
formed value that matches nothing (an entity name no report holds, a period no report
covers) is a `Notice`, so the faces can say so instead of showing an empty list.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from nlp.annotations import LABELS
from nlp.errors import QueryError
from nlp.index.filters import parse_entity, period_range

KINDS = ("passage", "task", "footnote", "table")
_BARE_LABEL = re.compile(r"[IVXLCDM]+|\d+|[a-zđ]", re.IGNORECASE)  # a section label without its "." or ")"
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True, slots=True)
class Notice:
    """A filter value that is well formed but matches nothing; `message` is Vietnamese."""

    field: str
    value: str
    message: str


@dataclass(frozen=True, slots=True)
class Resolved:
    """Filter values checked and put in the form the search takes (a report's id, a section
    path as stored), with the notices of those that match nothing."""

    report: Optional[str] = None
    section: Optional[str] = None
    kind: Optional[str] = None
    entity: Optional[str] = None
    period: Optional[str] = None
    notices: tuple[Notice, ...] = field(default=())

    def filters(self) -> dict:
        return {"report": self.report, "section": self.section, "kind": self.kind, "entity": self.entity,
                "period": self.period}


class Facets:
    """The facets of one store (a `ReportStore`); every method is one or two SQL queries."""

    def __init__(self, store) -> None:
        self.conn = store.conn

    def summary(self) -> dict:
        """Every facet at once: reports, sections, kinds, labels, periods (each with counts)."""
        return {"reports": self.reports(), "sections": self.sections(), "kinds": self.kinds(),
                "labels": self.labels(), "periods": self.periods()}

    def reports(self) -> list[dict]:
        rows = self.conn.execute(
            "SELECT r.id, r.source, r.number, r.issuer, r.place, r.date, r.title, r.period, r.period_start, "
            "r.period_end, (SELECT count(*) FROM passages p WHERE p.report = r.id) AS passages "
            "FROM reports r ORDER BY r.date, r.id")
        return [dict(row) for row in rows]

    def sections(self) -> list[dict]:
        """Section paths ("I./1.") with their heading and passage count, in reading order;
        list-item levels ("-", "+") left out (their "heading" is a sentence)."""
        found: dict[str, dict] = {}
        rows = self.conn.execute("SELECT section, headings, count(*) AS n, min(row) AS first FROM passages "
                                 "WHERE section != '' GROUP BY report, section ORDER BY first")
        for row in rows:
            parts, headings = row["section"].split("/"), json.loads(row["headings"])
            for depth in range(1, len(parts) + 1):
                if parts[depth - 1] in ("-", "+"):
                    break
                path = "/".join(parts[:depth])
                entry = found.setdefault(path, {"path": path, "level": depth, "heading": "", "count": 0})
                entry["heading"] = entry["heading"] or (headings[depth - 1] if depth <= len(headings) else "")
                entry["count"] += row["n"]
        return list(found.values())

    def kinds(self) -> list[dict]:
        counts = dict(self.conn.execute("SELECT kind, count(*) FROM passages GROUP BY kind").fetchall())
        return [{"kind": kind, "count": counts.get(kind, 0)} for kind in KINDS]

    def labels(self) -> list[dict]:
        rows = self.conn.execute("SELECT label, count(*) AS count, count(DISTINCT folded) AS names "
                                 "FROM entities GROUP BY label")
        counts = {row["label"]: dict(row) for row in rows}
        return [counts.get(label, {"label": label, "count": 0, "names": 0}) for label in LABELS]

    def entities(self, label: Optional[str] = None, prefix: str = "", limit: int = 10) -> list[dict]:
        """Entity names whose folded text starts with `prefix` at a word start, most frequent first.
        An unknown label is a QueryError."""
        from nlp.index.sparse import fold

        label = self._label(label) if label else None
        folded = fold(prefix.strip())
        like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT label, text, count(*) AS count FROM entities WHERE (? IS NULL OR label = ?) "
            "AND (folded LIKE ? ESCAPE '\\' OR folded LIKE ? ESCAPE '\\') "
            "GROUP BY label, folded ORDER BY count DESC, folded LIMIT ?",
            (label, label, like + "%", "% " + like + "%", int(limit)))
        return [dict(row) for row in rows]

    def periods(self) -> list[dict]:
        """Years and quarters the reports' periods overlap, each with its number of reports."""
        counts: dict[str, int] = {}
        for start, end in self.conn.execute("SELECT period_start, period_end FROM reports "
                                            "WHERE period_start IS NOT NULL AND period_end IS NOT NULL"):
            for value in _years_and_quarters(start, end):
                counts[value] = counts.get(value, 0) + 1
        return [{"value": value, "label": period_label(value), "reports": n} for value, n in sorted(counts.items())]

    def resolve(self, report: Optional[str] = None, section: Optional[str] = None, kind: Optional[str] = None,
                entity: Optional[str] = None, period: Optional[str] = None) -> Resolved:
        """The filter values checked against the index (see the module's docstring)."""
        report, section, kind = (v.strip() if v else None for v in (report, section, kind))
        if kind and kind not in KINDS:
            raise QueryError("kind", kind, "unknown_kind", f"is not one of {', '.join(KINDS)}")
        notices = [n for n in (self._entity_notice(entity), self._period_notice(period)) if n]
        return Resolved(self._report(report) if report else None, self._section(section) if section else None,
                        kind or None, entity.strip() if entity and entity.strip() else None,
                        period.strip() if period and period.strip() else None, tuple(notices))

    def _report(self, value: str) -> str:
        """A report's id from its id, number, source path or the file name /api/reports gives."""
        row = self.conn.execute(
            "SELECT id FROM reports WHERE id = ? OR number = ? OR source = ? OR source LIKE ? ESCAPE '\\' "
            "ORDER BY id = ? DESC LIMIT 1",
            (value, value, value, "%/" + value.replace("%", "\\%").replace("_", "\\_"), value)).fetchone()
        if row is None:
            raise QueryError("report", value, "unknown_report", "is not a report in this index")
        return row["id"]

    def _section(self, value: str) -> str:
        """The stored path of `value`: "I./3", "I. / 3." and "I./3./" all give "I./3."."""
        wanted = [part.strip() for part in value.strip().strip("/").split("/") if part.strip()]
        candidates = [""]
        for part in wanted:
            forms = [part + ".", part + ")"] if _BARE_LABEL.fullmatch(part) else [part]
            candidates = [f"{c}/{f}" if c else f for c in candidates for f in forms]
        for path in candidates:
            like = path.replace("%", "\\%").replace("_", "\\_") + "/%"
            if self.conn.execute("SELECT 1 FROM passages WHERE section = ? OR section LIKE ? ESCAPE '\\' LIMIT 1",
                                 (path, like)).fetchone():
                return path
        raise QueryError("section", value, "unknown_section", "is not a section of any report in this index")

    def _label(self, label: str) -> str:
        if label.strip().upper() not in LABELS:
            raise QueryError("label", label, "unknown_label", f"is not one of {', '.join(LABELS)}")
        return label.strip().upper()

    def _entity_notice(self, entity: Optional[str]) -> Optional[Notice]:
        if not entity or not entity.strip():
            return None
        from nlp.index.sparse import fold

        label, name = parse_entity(entity.strip())
        if label not in LABELS:
            raise QueryError("entity", label, "unknown_label", f"is not one of {', '.join(LABELS)}")

        if self.conn.execute("SELECT 1 FROM entities WHERE label = ? AND folded LIKE ? LIMIT 1",
                             (label, f"%{fold(name)}%")).fetchone():
            return None
        return Notice("entity", entity, f"Không có thực thể {label} nào chứa “{name}” trong chỉ mục.")

    def _period_notice(self, period: Optional[str]) -> Optional[Notice]:
        if not period or not period.strip():
            return None
        first, last = period_range(period)
        if self.conn.execute("SELECT 1 FROM reports WHERE period_start <= ? AND period_end >= ? LIMIT 1",
                             (last, first)).fetchone():
            return None
        return Notice("period", period, f"Không có báo cáo nào về kỳ {period_label(period.strip())}.")


def period_label(value: str) -> str:
    """ "2023" → "năm 2023", "2023-Q1" → "quý I/2023", "2023-03" → "tháng 3/2023"."""
    year, _, rest = value.partition("-")
    if not rest:
        return f"năm {year}"
    if rest[0] in "Qq" and rest[1:].isdigit() and 1 <= int(rest[1:]) <= 4:
        return f"quý {_ROMAN[int(rest[1:]) - 1]}/{year}"
    return f"tháng {int(rest)}/{year}" if rest.isdigit() else value


def _years_and_quarters(start: str, end: str) -> list[str]:
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    values = []
    for year in range(first.year, last.year + 1):
        values.append(str(year))
        for quarter in range(1, 5):
            q_first, q_last = date(year, 3 * quarter - 2, 1), date(year, 3 * quarter, 28)
            if q_first <= last and q_last >= first:
                values.append(f"{year}-Q{quarter}")
    return values
