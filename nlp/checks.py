"""Footnote checks: does a footnote's breakdown add up to the figure its claim states?

For each unit that both the claim and the body carry, the body's parts (levels, not changes;
never percentages) are summed in base units and compared with the claim figure:
``ok`` within rounding, ``partial`` below it ("Trong đó …": only some parts are listed),
``mismatch`` above it, or below it when the body says the list is complete ("gồm …").
Values are compared after scaling, so "1,868 tỷ USD" against parts in "triệu USD" is sound.
"""

from __future__ import annotations

import re
from typing import Sequence

from nlp.numeric import tidy_number
from nlp.types import Check, Figure, Footnote

_COMPLETE = re.compile(r"^\s*(?:bao\s+)?gồm\b|^\s*cụ thể\b", re.IGNORECASE)
_SUMMABLE = ("count", "measure", "money", "ratio")
_FILLER = frozenset("đã có được là với và của trong đó các loại ước khoảng hơn gần trên dưới".split())


def check_footnotes(footnotes: Sequence[Footnote], figures: Sequence[Figure], text: str) -> list[Check]:
    """One check per claim figure that a footnote body breaks down into parts of its unit."""
    checks: list[Check] = []
    for note in footnotes:
        if note.claim is None or note.body is None:
            continue
        claims = [f for f in figures if note.claim.start <= f.start < note.claim.end and f.kind in _SUMMABLE]
        parts = [f for f in figures if note.body.start <= f.start < note.body.end
                 and f.kind in _SUMMABLE and f.direction == "none" and f.high is None]  # a range is no part
        complete = bool(_COMPLETE.match(note.body.text))
        for unit in dict.fromkeys(f.unit for f in claims):
            same = [f for f in claims if f.unit == unit]
            pieces = [p for p in parts if p.unit == unit]
            for claim, assigned in _assign(same, pieces, text):
                checks.append(_check(note.id, claim, assigned, complete))
    return checks


def _assign(claims: list[Figure], parts: list[Figure], text: str) -> list[tuple[Figure, list[Figure]]]:
    """Which parts break down which claim figure: by the verb before them ("gieo trồng 325 ha"
    goes with "gieo trồng 5.948 ha"), else all parts go with the one claim they add up to."""
    if not parts:
        return []
    if len(claims) == 1:
        return [(claims[0], parts)]
    keys = {id(c): _keyword(text, c) for c in claims}
    groups = {id(c): [p for p in parts if _keyword(text, p) and _keyword(text, p) == keys[id(c)]] for c in claims}
    if keys and all(keys.values()) and sum(map(len, groups.values())) == len(parts):
        return [(c, groups[id(c)]) for c in claims if groups[id(c)]]
    total = sum(p.value for p in parts)
    exact = [c for c in claims if abs(c.value - total) <= _tolerance(c, parts)]
    return [(exact[0], parts)] if len(exact) == 1 else []


def _keyword(text: str, figure: Figure) -> str:
    """The last content words before a figure: "gieo trồng", "thu hoạch", "giám sát"."""
    words = re.findall(r"[^\W\d_]+", text[max(0, figure.start - 40):figure.start].lower())
    content = [w for w in words if w not in _FILLER][-2:]
    return " ".join(content)


def _check(footnote: int, claim: Figure, parts: list[Figure], complete: bool) -> Check:
    total = sum(p.value for p in parts)
    difference = total - claim.value
    if abs(difference) <= _tolerance(claim, parts):
        status = "ok"
    elif difference < 0 and not complete:
        status = "partial"
    else:
        status = "mismatch"
    return Check(footnote=footnote, claim=claim, parts=tuple(parts), sum=tidy_number(total, places=6),
                 difference=tidy_number(difference, places=6), status=status)


def _tolerance(claim: Figure, parts: Sequence[Figure]) -> float:
    """Half a unit of the last written digit, of the claim and of each part (rounding)."""
    return _half_unit(claim) + sum(_half_unit(p) for p in parts) + 1e-9


def _half_unit(figure: Figure) -> float:
    number = re.match(r"[\d.,]+", figure.text)
    decimals = len(number.group().split(",")[1]) if number and "," in number.group() else 0
    return 0.5 * 10 ** -decimals * figure.scale if decimals else 0.0
