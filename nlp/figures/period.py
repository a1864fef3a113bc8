"""The time a figure belongs to: the last date expression before it in its sentence
("quý I/2023", "3 tháng đầu năm", "tháng 3"), skipping the one a comparison names
("so với cùng kỳ năm 2022" is the basis of the figure before, not the period of the next)."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from nlp.types import Entity, Sentence, Span

_COMPARED = re.compile(r"(?:so\s+(?:với\s+)?|cùng\s+kỳ\s*|\bvới\s+)$", re.IGNORECASE)


def times_in(text: str, dates: Sequence[Entity], sentence: Sentence) -> list[Span]:
    """The sentence's date spans that can govern a figure (not the ones after "so với")."""
    return [Span(d.start, d.end, d.text) for d in dates
            if sentence.start <= d.start and d.end <= sentence.end
            and not _COMPARED.search(text[max(sentence.start, d.start - 20):d.start])]


def period_of(times: Sequence[Span], pos: int) -> Optional[Span]:
    """The last of `times` that ends before `pos`, or None."""
    before = [t for t in times if t.end <= pos]
    return before[-1] if before else None
