"""The time a figure refers to, as dates: a month, a quarter, a half, a year, or a running total
from January ("3 tháng đầu năm", "lũy kế đến hết tháng 3").

>>> figure_period("tháng 3/2024")
PeriodDates(start='2024-03-01', end='2024-03-31', kind='month')
>>> figure_period("3 tháng đầu năm 2024"), figure_period("quý I/2024")
(PeriodDates(start='2024-01-01', end='2024-03-31', kind='cumulative'), PeriodDates(start='2024-01-01', end='2024-03-31', kind='quarter'))
>>> figure_period("lũy kế đến hết tháng 5", year=2023)
PeriodDates(start='2023-01-01', end='2023-05-31', kind='cumulative')
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from typing import NamedTuple, Optional

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_YEAR = r"(?:\s*(?:/|-|năm)\s*(?P<y>(?:19|20)\d{2}))?"
_CUMULATIVE = re.compile(r"(?:lũy kế|luỹ kế|tính từ đầu năm|từ đầu năm)[^0-9]{0,30}?tháng\s+(\d{1,2})" + _YEAR)
_FIRST_MONTHS = re.compile(r"(\d{1,2})\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(?P<y>(?:19|20)\d{2}))?")
_QUARTER = re.compile(r"quý\s+(iv|iii|ii|i|[1-4])\b" + _YEAR)
_MONTH = re.compile(r"tháng\s+(\d{1,2})\b" + _YEAR)
_YEAR_ONLY = re.compile(r"năm\s+((?:19|20)\d{2})\b")


class PeriodDates(NamedTuple):
    start: str  # ISO date
    end: str  # ISO date
    kind: str  # month | quarter | half | year | cumulative


def figure_period(text: Optional[str], year: Optional[int] = None) -> Optional[PeriodDates]:
    """The period `text` names; `year` (the report's) fills a missing year. None when none."""
    if not text:
        return None
    low = unicodedata.normalize("NFC", text).lower()
    for pattern, read in ((_CUMULATIVE, _cumulative), (_FIRST_MONTHS, _first_months), (_QUARTER, _quarter),
                          (_MONTH, _month)):
        m = pattern.search(low)
        if m:
            found = read(m, _year(m, year))
            if found:
                return found
    m = _YEAR_ONLY.search(low)
    return _span(int(m.group(1)), 1, 12, "year") if m else None


def _year(m: re.Match, fallback: Optional[int]) -> Optional[int]:
    return int(m.group("y")) if m.group("y") else fallback


def _cumulative(m, year):
    last = int(m.group(1))
    return _span(year, 1, last, "cumulative") if year and 1 <= last <= 12 else None


def _first_months(m, year):
    n = int(m.group(1))
    if not year or not 1 <= n <= 12:
        return None
    if m.group(2) == "cuối":
        return _span(year, 13 - n, 12, "half" if n == 6 else "cumulative")
    return _span(year, 1, n, "half" if n == 6 else "cumulative")


def _quarter(m, year):
    q = _ROMAN.get(m.group(1)) or int(m.group(1))
    return _span(year, 3 * q - 2, 3 * q, "quarter") if year else None


def _month(m, year):
    month = int(m.group(1))
    return _span(year, month, month, "month") if year and 1 <= month <= 12 else None


def _span(year: int, first: int, last: int, kind: str) -> PeriodDates:
    return PeriodDates(f"{year}-{first:02d}-01", f"{year}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}", kind)
