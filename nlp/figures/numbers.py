"""Vietnamese numbers: "." groups thousands, "," marks decimals, leading zeros do not count.

``parse_number("9.239,42") == 9239.42``; a figure's number may carry a second number after
"/" (a ratio, "370/373") or after "-", "–", "đến" (a range, "200 - 300"), and a scale word.
"""

from __future__ import annotations

import re
from decimal import Decimal

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
SCALES = {"nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6,
          "tỷ": 10**9, "tỉ": 10**9}
_SCALE = r"(?:nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)"
# Units written against the number ("150ha", "45MW", "12km"); longest first.
GLUED_MEASURES = ("km2", "km²", "m2", "m²", "m3", "m³", "kwh", "mwh", "gwh", "mw", "kw", "ha", "km", "kg",
                  "tấn", "lít", "cm", "mm", "ml", "m")
_GLUED = "|".join(re.escape(u) for u in GLUED_MEASURES)
FIGURE = re.compile(
    rf"(?P<num>{NUM})"
    rf"(?:\s*/\s*(?P<den>{NUM})"
    rf"|(?P<lowpct>\s?%)?(?:\s?[-–]\s?|\s+(?:đến|tới)\s+)(?P<high>{NUM}))?"
    rf"(?:(?P<pct>\s?%)|(?P<gmeasure>(?i:{_GLUED}))(?![^\W\d_])|(?P<glued>[A-ZĐ][A-ZĐ]+)\b"
    rf"|\s+(?P<scale>{_SCALE})\b)?"
)


def parse_number(text: str) -> float:
    """``parse_number("9.239,42") == 9239.42``; ``parse_number("09") == 9``."""
    return float(decimal(text))


def decimal(text: str) -> Decimal:
    """The exact value of a Vietnamese-written number: ``decimal("1.079,093") == Decimal("1079.093")``."""
    return Decimal(text.replace(".", "").replace(",", "."))


def format_number(value: Decimal | int | float | str) -> str:
    """Write a number the Vietnamese way, the inverse of `parse_number`:
    ``format_number("9239.42") == "9.239,42"``, ``format_number(1105) == "1.105"``."""
    number = Decimal(str(value))
    sign = "-" if number < 0 else ""
    whole, _, fraction = format(abs(number), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")
