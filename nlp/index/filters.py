"""Search filters, parsed once into one value that each backend renders its own way (SQL
for the local store, a boolean expression for Milvus).

>>> Filters.parse(kind="task", period="2023-Q1", entity="agency:Sở Y tế")
Filters(report=None, section=None, kind='task', entity=('AGENCY', 'Sở Y tế'), period=('2023-01-01', '2023-03-31'))
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Optional

from nlp.errors import QueryError

_PERIOD = re.compile(r"(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])))?")


@dataclass(frozen=True, slots=True)
class Filters:
    """report: id, source path or number; section: a path prefix ("I./1."); kind: passage,
    task, footnote or table; entity: (LABEL, text), the text matched folded and as a part;
    period: (first, last) ISO dates the report's period must overlap."""

    report: Optional[str] = None
    section: Optional[str] = None
    kind: Optional[str] = None
    entity: Optional[tuple[str, str]] = None
    period: Optional[tuple[str, str]] = None

    @classmethod
    def parse(cls, report: Optional[str] = None, section: Optional[str] = None, kind: Optional[str] = None,
              entity: Optional[str] = None, period: Optional[str] = None) -> "Filters":
        """Filters from the strings a user types; a malformed entity or period is a QueryError."""
        return cls(report or None, section.rstrip("/") if section else None, kind or None,
                   parse_entity(entity) if entity else None, period_range(period) if period else None)

    def __bool__(self) -> bool:
        return any((self.report, self.section, self.kind, self.entity, self.period))


def parse_entity(entity: str) -> tuple[str, str]:
    """ "AGENCY:Sở Y tế" → ("AGENCY", "Sở Y tế"); the label is upper-cased."""
    label, _, name = entity.partition(":")
    if not name:
        raise QueryError("entity", entity, "invalid_entity", "is not LABEL:TEXT", 'e.g. "AGENCY:Sở Y tế"')
    return label.upper(), name


def period_range(period: str) -> tuple[str, str]:
    """ "2023" → the whole year; "2023-03" → the month; "2023-Q1" → the quarter (ISO dates).

    >>> period_range("2023-Q1"), period_range("2024-02")
    (('2023-01-01', '2023-03-31'), ('2024-02-01', '2024-02-29'))
    """
    m = _PERIOD.fullmatch(period.strip())
    if not m or (m.group(2) and not 1 <= int(m.group(2)) <= 12):
        raise QueryError("period", period, "invalid_period", "is not YYYY, YYYY-MM or YYYY-Qn")
    year = int(m.group(1))
    if m.group(2):
        first = last = int(m.group(2))
    elif m.group(3):
        first, last = 3 * int(m.group(3)) - 2, 3 * int(m.group(3))
    else:
        first, last = 1, 12
    return f"{year}-{first:02d}-01", f"{year}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"
