"""Figures: Vietnamese number grammar → value in base units, unit, kind, direction, basis, and
the indicator and period spans that say what the figure measures and when.

"9.239,42 tỷ đồng" → 9239420000000 VND; "1,105 tỷ USD" → 1105000000 USD; "29%KH" → 29 % (plan);
"1.535,68 nghìn hành khách" → 1535680 "hành khách"; "370/373 cơ sở" → ratio 370 of 373;
"150ha" → 150 ha; "6,5%/năm" → 6.5 "%/năm"; "200 - 300 lượt" → 200, high 300. Numbers inside
names, dates and document symbols (the entities), article and clause numbers, years and
durations are not figures.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from typing import Sequence

from nlp.figures.examples import example_spans, is_term
from nlp.figures.grammar import join_range, join_spaced_decimal, read_figure
from nlp.figures.indicator import indicator_of
from nlp.figures.labels import label_line
from nlp.figures.numbers import FIGURE, format_number, parse_number
from nlp.figures.period import period_of, times_in
from nlp.types import Entity, Figure, Sentence, Token

__all__ = ["find_figures", "format_number", "parse_number"]

RATIO_NAMES = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "tốc độ", "chỉ số")


def find_figures(text: str, sentences: Sequence[Sentence], entities: Sequence[Entity],
                 tokens: Sequence[Token] = ()) -> list[Figure]:
    """Every figure in the sentences, outside entity spans (dates, names, symbols).

    `tokens` (underthesea words) give the counted noun its word boundary ("07 giải thể thao"
    counts "giải", not "giải thể") and the indicator its words; without them the words are
    cut at spaces and punctuation.
    """
    taken = sorted((e.start, e.end) for e in entities)
    examples = example_spans(text)
    dates = sorted((e for e in entities if e.label == "DATE"), key=lambda e: e.start)
    date_starts = [d.start for d in dates]
    tokens = tokens or _rough_words(text, sentences)
    starts = [t.start for t in tokens]
    words = {t.start: t.text for t in tokens}
    figures: list[Figure] = []
    for n, sentence in enumerate(sentences):
        in_sentence = tokens[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        times = times_in(text, dates[bisect_left(date_starts, sentence.start):bisect_left(date_starts, sentence.end)],
                         sentence)
        floor, previous = sentence.start, None
        for match in FIGURE.finditer(text, sentence.start, sentence.end):
            if figures and figures[-1].start <= match.start() < figures[-1].end:
                continue  # the high end of a range already read
            figure = read_figure(text, match, sentence, taken, words)
            if figure is None or is_term(text, figure.start, figure.end) or \
                    any(s <= figure.start < e for s, e in examples):
                continue
            figure = join_spaced_decimal(text, join_range(text, figure, sentence, taken, words), sentence)
            number_end = match.end() if figure.kind in ("count", "ratio") else figure.end
            # the previous figure's phrase carries over ("… 180 m2/người; đến năm 2030 khoảng 200 m2/người",
            # "đạt 412 triệu USD, tăng 8%"), but a ratio's name to no amount ("Tỷ lệ cấp nước đạt 80%; … 150 lít/người/ngày")
            carried = None if previous is None or figure.kind != "percent" and \
                previous.text.lower().startswith(RATIO_NAMES) else previous
            indicator = indicator_of(text, in_sentence, figure, number_end, floor, times) or carried or \
                _label_line(text, sentences, n, figure.start, figures)
            figures.append(replace(figure, indicator=indicator, period=period_of(times, figure.start)))
            floor, previous = figure.end, indicator
    return figures


def _label_line(text: str, sentences: Sequence[Sentence], n: int, start: int, figures: list[Figure]):
    """The label on the line before sentence `n` when it holds no figure (see `label_line`)."""
    if n == 0 or figures and figures[-1].end > sentences[n - 1].start:
        return None
    return label_line(text, sentences[n - 1], sentences[n], start)


def _rough_words(text: str, sentences: Sequence[Sentence]) -> list[Token]:
    import re

    pattern = re.compile(r"\d+(?:[.,/]\d+)*|[^\W\d_]+|\S")
    return [Token(m.start(), m.end(), m.group()) for s in sentences
            for m in pattern.finditer(text, s.start, s.end)]
