"""Numbers that illustrate rather than report: a worked example in a circular ("Ví dụ 2: Doanh
nghiệp A có thu nhập 660 triệu đồng …" up to the next numbered or dashed point) and the terms of a
calculation ("1.000 triệu đồng x 25% = 250 triệu đồng": the stated result stays a figure when
it stands outside an example, its terms never do)."""

from __future__ import annotations

import re

# "Ví dụ:", "Ví dụ 2:", "Ví dụ minh hoạ:" opening a line.
_OPENS = re.compile(r"^[ \t]*(?:\W[ \t]*)?ví dụ\b[^\n:]{0,30}:", re.IGNORECASE | re.MULTILINE)
# A line that starts the next point of the text: "3. ", "a) ", "- ", "Điều 5.", "Chương II", "IV. ".
_NEXT_POINT = re.compile(
    r"^[ \t]*(?:\d+(?:\.\d+)*[.)][ \t]|[a-zđ][.)][ \t]|[-+•*–][ \t]|(?:Điều|Chương|Mục|Phần)[ \t]+[\dIVXLC]+"
    r"|[IVXLC]+[.)][ \t])", re.MULTILINE)
_MAX_EXAMPLE = 3000
_CLOSE = re.compile(r"[ \t)\]]*")
_OPERATOR = re.compile(r"[x×*+]|[-–](?=[ \t]*[(\[]*[ \t]*\d)")
_OPERATOR_BEFORE = re.compile(r"(?:[x×*+]|[-–])[ \t]*[(\[]*[ \t]*$")


def example_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each worked example: from a line opening "Ví dụ …:" to the line that
    starts the next point (a number, a letter or a dash), or at most 3.000 characters."""
    spans: list[tuple[int, int]] = []
    for m in _OPENS.finditer(text):
        nxt = _NEXT_POINT.search(text, m.end(), m.start() + _MAX_EXAMPLE)
        end = nxt.start() if nxt else min(len(text), m.start() + _MAX_EXAMPLE)
        if spans and m.start() < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((m.start(), end))
    return spans


def is_term(text: str, start: int, end: int) -> bool:
    """Is the figure at (start, end) a term of a calculation: the left side of an "=", or next
    to an operator ("x", "+", "-") with an "=" later on its line?"""
    at = _CLOSE.match(text, end).end()
    if text[at:at + 1] == "=":
        return True
    if not (_OPERATOR.match(text, at) or _OPERATOR_BEFORE.search(text[max(0, start - 6):start])):
        return False
    line = text[end:end + 80].split("\n")[0]
    return "=" in line.split(". ")[0]
