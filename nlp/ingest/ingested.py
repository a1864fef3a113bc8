"""What every format reader returns: the `Ingested` text with its map to the raw text.

A leaf module (it imports no reader) so that each reader, the encoding repair and
`read_document` can all take the contract from here without an import running back up.
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp.text import OffsetMap
from nlp.types import InputWarning

__all__ = ["Ingested", "RawFootnote"]


@dataclass(frozen=True, slots=True)
class RawFootnote:
    """Footnote `number` as found: anchor and body are offsets into the final text."""

    number: int
    anchor: int | None
    body: tuple[int, int] | None
    line: int


@dataclass(frozen=True, slots=True)
class Ingested:
    """What a format reader hands to the pipeline."""

    text: str
    offsets: OffsetMap
    body_end: int
    paragraphs: tuple[tuple[int, int, int], ...]  # (start, end, raw line), stripped
    footnotes: tuple[RawFootnote, ...]
    warnings: tuple[InputWarning, ...]
    tables: tuple[tuple[int, int], ...] = ()  # final-text spans of tables (.docx), one passage each
    pages: tuple[tuple[int, int, int], ...] = ()  # (raw start, raw end, page number) for .pdf
