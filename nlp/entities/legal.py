"""LEGAL_DOC: documents by type and symbol ("Quyết định số 1234/QĐ-UBND") and laws by name
("Luật Đất đai số 31/2024/QH15", "Luật Kinh doanh bất động sản 2023", "Hiến pháp")."""

from __future__ import annotations

import re
from typing import Iterator

from nlp.entities import lexicon as lx
from nlp.entities.candidate import Candidate
from nlp.entities.names import complete_word
from nlp.entities.phrases import LAW_HEADS, SECTORS, STOP, STOP_PHRASES_LIST
from nlp.entities.syllables import Syl, dictionary, match

_DOC_TYPE = "|".join(sorted((re.escape(t) for t in lx.DOC_TYPES), key=len, reverse=True))
_SYMBOL = r"\d+[\w.]*(?:/\d{4})?(?:[/-][\wĐđ&]+(?:\.[\wĐđ&]+)*)+"  # never ends with a full stop
LEGAL_PATTERN = re.compile(rf"(?i:{_DOC_TYPE})(?:\s+(?:số|sô))?\s*:?\s*{_SYMBOL}")
_LAW_NUMBER = re.compile(rf"[ \t]+số[ \t]+{_SYMBOL}")  # "Luật Đất đai số 31/2024/QH15"


def with_law_number(text: str, cand: Candidate, end: int) -> Candidate:
    """A law with the number written after its name, within text[:end] ("… số 31/2024/QH15")."""
    number = _LAW_NUMBER.match(text, cand.end, end)
    return Candidate(cand.label, cand.start, number.end(), cand.rule) if number else cand


def law_at(syls, i) -> Iterator[Candidate]:
    """A law named at syllable i: its head ("Luật", "Bộ luật") and title; "Hiến pháp" alone."""
    head = match(syls, i, LAW_HEADS)
    if not head or not syls[i].cap or i + head > len(syls):
        return
    if syls[i].low == "hiến":  # "Hiến pháp" is complete
        yield Candidate("LEGAL_DOC", syls[i].start, syls[i + head - 1].end, "law")
        return
    if i + head < len(syls) and syls[i + head].cap and syls[i + head].text.isalpha():
        end = _law_name(syls, i + head)
    else:
        end = i + head + match(syls, i + head, SECTORS)  # "Luật quy hoạch"
    if end > i + head:
        yield Candidate("LEGAL_DOC", syls[i].start, syls[end - 1].end, "law")


_LAW_STOPS = frozenset("số năm ngày quy định hướng dẫn sửa đổi bổ sung".split()) | STOP | frozenset(
    w for phrase in STOP_PHRASES_LIST for w in phrase.split())


def _law_name(syls: list[Syl], j: int, limit: int = 8) -> int:
    """ "Luật Kinh doanh bất động sản 2023", "Luật Đầu tư công": a capital, the lower-case words
    of the title up to a function word or punctuation, and a year written right after it."""
    words = dictionary()
    end = complete_word(syls, j, words)
    while end < len(syls) and end - j < limit:
        syl = syls[end]
        if syl.gap or not syl.text.isalpha() or syl.cap or syl.low in _LAW_STOPS:
            break
        end = complete_word(syls, end, words)
    if end < len(syls) and re.fullmatch(r"(?:19|20)\d{2}", syls[end].text) and not syls[end].gap \
            and not (end + 1 < len(syls) and syls[end + 1].text in "/-"):
        end += 1
    return end
