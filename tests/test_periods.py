"""Figure periods as dates, checked by hand against the calendar."""

import pytest

from nlp.periods import PeriodDates, figure_period


@pytest.mark.parametrize("text, year, expected", [
    ("tháng 3/2024", None, ("2024-03-01", "2024-03-31", "month")),
    ("tháng 2 năm 2024", None, ("2024-02-01", "2024-02-29", "month")),  # a leap year
    ("tháng 3", 2023, ("2023-03-01", "2023-03-31", "month")),  # the report's year fills in
    ("quý I/2024", None, ("2024-01-01", "2024-03-31", "quarter")),
    ("quý IV năm 2023", None, ("2023-10-01", "2023-12-31", "quarter")),
    ("3 tháng đầu năm 2024", None, ("2024-01-01", "2024-03-31", "cumulative")),
    ("6 tháng đầu năm", 2024, ("2024-01-01", "2024-06-30", "half")),
    ("6 tháng cuối năm 2023", None, ("2023-07-01", "2023-12-31", "half")),
    ("lũy kế đến hết tháng 3/2024", None, ("2024-01-01", "2024-03-31", "cumulative")),
    ("luỹ kế từ đầu năm đến hết tháng 5", 2023, ("2023-01-01", "2023-05-31", "cumulative")),
    ("năm 2023", None, ("2023-01-01", "2023-12-31", "year")),
])
def test_periods_as_dates(text, year, expected):
    assert figure_period(text, year) == PeriodDates(*expected)


@pytest.mark.parametrize("text, year", [("tháng 13/2024", None), ("tháng 3", None), ("", 2024), (None, 2024),
                                        ("so với cùng kỳ", 2024)])
def test_no_period_is_none(text, year):
    assert figure_period(text, year) is None
