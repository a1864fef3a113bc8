"""Which way a figure goes and against what: "tăng 12,12% so với tháng trước" is an increase
on the previous month; "đạt 59% KH" is a level against the plan."""

from __future__ import annotations

import re
from typing import Optional

from nlp.figures.units import WORD

_UP = ("tăng", "vượt", "cao hơn", "tăng thêm")
_DOWN = ("giảm", "thấp hơn", "giảm thêm")
_NEUTRAL = ("đạt", "ước đạt", "ước thực hiện", "thực hiện", "chiếm", "bằng", "có", "là", "tương đương")
QUALIFIERS = ("hơn", "gần", "khoảng", "trên", "dưới", "xấp xỉ", "gần như", "tối thiểu", "tối đa")
_BASES = [
    ("same_period", r"so\s+(?:với\s+)?(?:bình quân\s+)?cùng kỳ"),
    ("previous_month", r"so\s+(?:với\s+)?tháng trước"),
    ("start_of_month", r"so\s+(?:với\s+)?đầu tháng"),
    ("start_of_year", r"so\s+(?:với\s+)?đầu năm"),
    ("previous_year", r"so\s+(?:với\s+)?năm trước"),
    ("plan", r"(?:\s*%?\s*)KH\b|(?:so\s+(?:với\s+)?)?kế hoạch|(?:so\s+(?:với\s+)?)?dự toán"),
]
# "vượt 6,05% so với chỉ tiêu Chính phủ đã hứa": a target, anywhere in the clause after the figure.
_PLAN_COMPARED = re.compile(r"so\s+(?:với\s+)?(?:chỉ tiêu|mục tiêu|kế hoạch|dự toán)", re.IGNORECASE)
# "thuế giá trị gia tăng", "tăng cường": no change.
# "không vượt quá 2 km" is a cap and "tăng hoặc giảm 10%" a band: neither is a change.
_NOT_CHANGE = re.compile(r"gia tăng|tăng cường|giảm nghèo|giảm thiểu|giảm nhẹ|không (?:được )?vượt quá|"
                         r"tăng(?:\s*(?:,|/|hoặc|hay|và)\s*|\s+)giảm|giảm(?:\s*(?:,|/|hoặc|hay|và)\s*|\s+)tăng",
                         re.IGNORECASE)
_DIRECTION = {**dict.fromkeys(_UP, "increase"), **dict.fromkeys(_DOWN, "decrease"), **dict.fromkeys(_NEUTRAL, "none")}
# One pattern for every verb, longest first; the last one in the clause decides ("ước đạt" holds "đạt",
# of the same direction).
_ANY_VERB = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(_DIRECTION, key=len, reverse=True))) + r")(?!\w)")


def words_before(text: str, floor: int, pos: int, n: int) -> list[str]:
    """The last `n` words before `pos` (not before `floor`), lower-cased."""
    return [w.lower() for w in WORD.findall(text[max(floor, pos - 40):pos])][-n:]


def clause_before(text: str, floor: int, pos: int) -> str:
    """Text from the last clause boundary (, ; : ( .) to `pos`, lower-cased."""
    chunk = text[max(floor, pos - 80):pos]
    cut = max(chunk.rfind(c) for c in ",;:(")
    return chunk[cut + 1:].lower()


def direction(text: str, floor: int, pos: int) -> str:
    """increase | decrease | none, from the last change verb of the clause before `pos`."""
    last = None
    for last in _ANY_VERB.finditer(_NOT_CHANGE.sub("_", clause_before(text, floor, pos))):
        pass
    return _DIRECTION[last.group()] if last else "none"


def basis(text: str, pos: int, limit: int) -> Optional[str]:
    """What a change or share is measured against, from the words after the figure."""
    after = text[pos:min(limit, pos + 60)]
    boundary = re.search(r"[;,.(]|\d", after)
    window = after[: boundary.start()] if boundary else after
    for label, pattern in _BASES:
        if re.match(rf"\s*(?:{pattern})", window if label != "plan" else after[:12], re.IGNORECASE):
            return label
        if label != "plan" and re.search(pattern, window, re.IGNORECASE):
            return label
    return "plan" if _PLAN_COMPARED.search(window) else None


def qualifier(text: str, floor: int, pos: int) -> Optional[str]:
    """ "hơn", "khoảng", … right before the number."""
    before = " ".join(words_before(text, floor, pos, 2))
    return next((q for q in QUALIFIERS if before.endswith(q)), None)
