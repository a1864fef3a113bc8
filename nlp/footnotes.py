"""Footnote links: each footnote's marker, the claim sentence that carries it, and its body."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Optional, Sequence

from nlp.types import Footnote, Sentence, Span


def claim_sentence(text: str, sentences: Sequence[Sentence], anchor: int) -> Optional[Sentence]:
    """The sentence a marker at `anchor` belongs to.

    A marker follows what it backs: inside its sentence, right after it ("tăng 4%.[1]") or
    after trailing spaces. Only a marker that opens a paragraph backs the next sentence.
    """
    i = bisect_left([s.start for s in sentences], anchor)
    previous = sentences[i - 1] if i > 0 else None
    following = sentences[i] if i < len(sentences) else None
    if previous is not None and "\n" not in text[previous.end:anchor]:
        return previous
    return following or previous


def link_footnotes(text: str, footnotes: Sequence[Footnote], sentences: Sequence[Sentence],
                   body_end: int) -> list[Footnote]:
    """Footnotes with `claim` set from the main-body sentences."""
    main = [s for s in sentences if s.end <= body_end]
    linked = []
    for note in footnotes:
        claim = claim_sentence(text, main, note.anchor) if note.anchor is not None else None
        linked.append(replace(note, claim=Span(claim.start, claim.end, claim.text) if claim else None))
    return linked
