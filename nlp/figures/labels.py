"""A row's label, as a table flattened into text writes it: the words before a ":" ("Đội tuyển trẻ
cấp tỉnh: 35.000 đồng"), a bracket, or the line before ("- Phó thôn" / "240.000 đ / tháng"); and
whether a phrase names a thing at all ("Mức chi", "Thu" do not). Read by nlp/figures/indicator.py."""

from __future__ import annotations

import re
from typing import Optional, Sequence

from nlp.figures.vocabulary import (
    key, tag, tags, AND_MORE, GENERIC, LEAD, MAX_WORDS, NOT_NAMES, PUNCT, TAIL, TAIL_SYLLABLES,
)
from nlp.types import Sentence, Span, Token


def labels_an_item(text: str, words: Sequence[Token], phrase: list[Token]) -> bool:
    """Is `phrase` the label of a list item: a name after "(", "," , ";" or ":" ("; Trứng 23 triệu
    quả", "; KCN Mỹ Phước 3 1.250 người") or a noun phrase after "(" ("(đường bộ 09 vụ")? A
    lower-case phrase after a comma is as often a verb ("…, giải toả 02 cửa hàng")."""
    i = next((j for j, w in enumerate(words) if w.start == phrase[0].start), 0)
    opener = key(words[i - 1]) if i > 0 else ""
    if not (opener == "(" and names_a_thing(text, phrase) or opener in (",", ";", ":")
            and phrase[0].text[:1].isupper() and key(phrase[0]) not in LEAD | TAIL):
        return False
    return not has_a_verb(phrase)


def has_a_verb(phrase: list[Token]) -> bool:
    """Does a lower-case word of `phrase` tag as a verb or an adverb ("Sở Xây dựng đang thẩm định
    thêm": a subject and its verb, not a label; "Xây dựng" is part of the name)?"""
    return any(t in ("V", "R") and w.text[:1].islower() for w, t in zip(phrase, tags(phrase)))


def label_line(text: str, previous: Sentence, sentence: Sentence, start: int) -> Optional[Span]:
    """The label on the line before a figure that opens its own line with nothing naming it, as a
    table exported cell by cell writes it ("- Phó thôn" / "240.000 đ / tháng"); None when the line
    before is a sentence, a heading or too long for a label."""
    between = text[previous.end:sentence.start]
    if text[sentence.start:start].strip() or between.strip() or "\n" not in between:
        return None
    m = re.match(r"[\s\-+•*–]*(.*?)[\s:]*$", previous.text, re.DOTALL)
    label = m.group(1)
    if not label or label.endswith((".", ";", ",")) or re.search(r"\d", label) or len(label.split()) > MAX_WORDS:
        return None
    begin = previous.start + m.start(1)
    return Span(begin, begin + len(label), label)


def label_between(between: str) -> bool:
    """Is `between` (from the phrase to its figure) a label's colon: ": ", " (25%): khoảng "?"""
    head, colon, rest = re.sub(r"\([^)]*\)", " ", between).partition(":")
    return bool(colon) and not head.strip() and all(w in TAIL_SYLLABLES for w in rest.lower().split())


def names_a_thing(text: str, phrase: list[Token]) -> bool:
    """A noun phrase of two syllables or more that does not open with a verb or a quantifier."""
    return " " in text[phrase[0].start:phrase[-1].end] and key(phrase[0]) not in TAIL | LEAD | NOT_NAMES


def names_nothing(phrase: list[Token]) -> bool:
    """ "Mức", "Mức chi", "Thu": a phrase that names no row on its own, a generic measure or a bare verb."""
    return bool(phrase) and ("_".join(map(key, phrase)) in GENERIC or len(phrase) == 1 and tag(phrase[0]) == "V")


def label_before(before: list[Token], i: int) -> list[Token]:
    """The label that ends before the ":" or the bracket closing at `before[i]`."""
    if key(before[i]) == ")":
        while i >= 0 and key(before[i]) != "(":
            i -= 1
    if i <= 0:
        return []
    start = label_start(before, i - 1)
    while start > 0 and key(before[start]) == ";" and key(before[start + 1]) in ("hoặc", "và"):
        start = label_start(before, start - 1)  # "Đối với …; hoặc để phát điện …; hoặc cho …: mức thu": the row's first line
    return before[start + 1:i]


def before_list(before: list[Token], i: int) -> list[Token]:
    """A label that lists names after "gồm:" is named by what comes before it: "Các khu đất mặt tiền
    đường chính, bao gồm: đường A, đường B, …: 0,70%" → "Các khu đất mặt tiền đường chính"; [] else."""
    if i < 1 or key(before[i]) != ":" or key(before[i - 1]) not in ("gồm", "bao_gồm"):
        return []
    if sum(key(w) == "," for w in before[i + 1:]) < 2:
        return []
    return before[label_start(before, i - 2) + 1:i - 1]


def colon_after(before: list[Token], j: int) -> bool:
    """Does a ":" follow at `j`, perhaps after "trở lên" or a bracket ("Trả nợ vốn vay (32,44%): …",
    "… rộng từ 12m trở lên: 0,60%")?"""
    while j < len(before) and key(before[j]) in AND_MORE:
        j += 1
    if j < len(before) and key(before[j]) == "(":
        while j < len(before) and key(before[j]) != ")":
            j += 1
        j += 1
    return j < len(before) and key(before[j]) == ":"


def label_start(before: list[Token], i: int) -> int:
    """Index of the word before the label that ends at `before[i]`: the last ";", ":", "." or dash
    outside brackets ("Hội nghị cấp cao (SEOM, SOM), cấp Tổng vụ trưởng (DG): …")."""
    depth = 0
    while i >= 0:
        k = key(before[i])
        if k == ")":
            depth += 1
        elif k == "(":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and (k in (";", ":", ".", "+") or k in ("-", "–") and (i == 0 or key(before[i - 1]) in PUNCT)):
            return i  # "Thu thuế CTN - NQD:" keeps its dash
        i -= 1
    return i
