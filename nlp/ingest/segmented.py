"""Word-segmented text (``.ws``): the form Vietnamese NLP corpora ship in (VLSP, underthesea's
training data), one sentence or paragraph per line, multi-syllable words joined by "_" and
punctuation split off by spaces::

    Ngày 7-8-2015 , Học_viện Chính_trị quốc_gia Hồ_Chí_Minh tổ_chức Hội_nghị " Sơ_kết … " .

`read_segmented` gives back ordinary text ("Học viện Chính trị quốc gia Hồ Chí Minh tổ chức Hội
nghị "Sơ kết …".") with every character mapped to the file: each "_" becomes the space it stands
for, the spaces the segmenter put before , . ; : ) % ? ! and inside quotes or brackets are
dropped. Lines are paragraphs; there are no footnotes.
"""

from __future__ import annotations

import re

from nlp.ingest.ingested import Ingested
from nlp.text import TextBuilder

_TOKEN = re.compile(r"\S+")
_NO_SPACE_BEFORE = frozenset(",.;:)]}%?!…”’")
_NO_SPACE_AFTER = frozenset("([{“‘")


def read_segmented(raw: str) -> Ingested:
    """``read_segmented("Hội_nghị tổng_kết , năm 2023 .").text == "Hội nghị tổng kết, năm 2023.\\n"``"""
    builder = TextBuilder(raw)
    paragraphs: list[tuple[int, int, int]] = []
    line_start = 0
    for lineno, line in enumerate(raw.split("\n"), start=1):
        par_start = len(builder)
        previous = None
        open_quote = False
        for match in _TOKEN.finditer(raw, line_start, line_start + len(line)):
            token = match.group()
            glue = previous is None or token[0] in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER
            if token == '"':  # a straight quote hugs the text it opens or closes
                glue = glue or open_quote
                open_quote = not open_quote
            elif previous == '"' and open_quote:
                glue = True
            if not glue:
                builder.copy(match.start() - 1, match.start())  # the separating space, as in the file
            _copy_word(builder, raw, match.start(), match.end())
            previous = token
        if len(builder) > par_start:
            paragraphs.append((par_start, len(builder), lineno))
        end = line_start + len(line)
        if end < len(raw):
            builder.copy(end, end + 1)
        line_start = end + 1
    if not raw.endswith("\n"):
        builder.insert("\n", len(raw))
    text, offsets, old_to_new = builder.build()
    paragraphs = [(old_to_new[s], old_to_new[e], n) for s, e, n in paragraphs]
    return Ingested(text, offsets, len(text), tuple(paragraphs), (), ())


def _copy_word(builder: TextBuilder, raw: str, start: int, end: int) -> None:
    """Copy one segmented word; a "_" between syllables becomes a space mapped to it."""
    cursor = start
    for i in range(start, end):
        if raw[i] == "_" and start < i < end - 1:
            builder.copy(cursor, i)
            builder.replace(" ", i, i + 1)
            cursor = i + 1
    builder.copy(cursor, end)
