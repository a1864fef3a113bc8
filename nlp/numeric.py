"""Numbers as vnreport hands them out: whole values as int, others as float."""

from __future__ import annotations

from decimal import Decimal


def tidy_number(value, places: int | None = None) -> int | float:
    """`value` (a Decimal from exact arithmetic, or a float) as int when whole, else float;
    `places` rounds first (for sums of floats).

    >>> tidy_number(Decimal("1079.093") * 10**9), tidy_number(0.1 + 0.2, places=6), tidy_number(2.5)
    (1079093000000, 0.3, 2.5)
    """
    if places is not None:
        value = round(value, places)
    exact = Decimal(value)
    return int(exact) if exact == exact.to_integral_value() else float(value)
