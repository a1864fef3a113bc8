"""What a hit shows before it is opened: the sentence or two that best match the question
(`snippet`) and, for a question that asks for a quantity, the figure that answers it (`answer`).

Both are computed from the passage text and the figures inside it, the same way whichever
backend found the hit; both are spans into the report's text.

>>> passage = "Ngô 5 ha. Diện tích lúa đạt 1.200 ha. Cá 3 tấn."
>>> best_snippet("diện tích lúa", 100, passage)  # short: shown with the next sentence
Span(start=110, end=147, text='Diện tích lúa đạt 1.200 ha. Cá 3 tấn.')
>>> asks_quantity("giải quyết việc làm cho bao nhiêu lao động"), asks_quantity("kế hoạch tháng 5")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional, Sequence

from nlp.types import Span

SHORT_SENTENCE = 80  # a best sentence shorter than this is shown with its neighbour
LONG_SENTENCE = 320  # a longer sentence is cut at "; " into clauses
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")
_CLAUSE_END = re.compile(r"(?<=;)\s+")
_WORD = re.compile(r"\w+")
# asking for a quantity: matched on the question lower-cased (with and without diacritics)
_QUANTITY = re.compile(r"\b(bao nhiêu|bao nhieu|tỷ lệ|tỉ lệ|ty le|tỷ trọng|tỉ trọng|ty trong|tổng số|tong so|"
                       r"số lượng|so luong|mấy|how many|how much|what share|what percentage|how large|how long)\b")
# frequent function syllables (folded): they weigh little in matching a sentence
_LIGHT = frozenset("cua va cac nhung trong cho voi la co duoc da den tu nam thang theo tai so ve nay mot de khi "
                   "thi ma nhu bao nhieu the nao gi o ra vao tren duoi sau truoc dat uoc tang giam "
                   "the of in to and for how many much what which at on by is are was".split())


@lru_cache(maxsize=1 << 15)
def words(text: str) -> tuple[str, ...]:
    """Lower-cased, diacritic-free word forms ("Đầu tư" -> ("dau", "tu")); cached, because the
    same passages' sentences are scored again for every question that finds them."""
    from nlp.index.sparse import fold

    return tuple(_WORD.findall(fold(unicodedata.normalize("NFC", text))))


def asks_quantity(question: str) -> bool:
    """Does the question ask for a number ("bao nhiêu", "tỷ lệ", "how many", "mấy", …)?"""
    return bool(_QUANTITY.search(unicodedata.normalize("NFC", question).lower()))


def match_score(query: Sequence[str], text: str) -> float:
    """How well `text` matches the query words: each shared word (a function word 0.2),
    plus 2 for each shared pair of consecutive words."""
    return _shared_score(_shape(tuple(query)), _shape(words(text)))


@lru_cache(maxsize=1 << 15)
def _shape(found: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """The words and consecutive word pairs of a word sequence (cached with `words`)."""
    return frozenset(found), frozenset(zip(found, found[1:]))


def _shared_score(query: tuple[frozenset, frozenset], text: tuple[frozenset, frozenset]) -> float:
    shared = query[0] & text[0]
    return sum(0.2 if w in _LIGHT else 1.0 for w in shared) + 2.0 * len(query[1] & text[1])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text` (long ones cut into clauses), blanks trimmed."""
    return list(_sentences(text))


@lru_cache(maxsize=1 << 12)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """`sentence_spans`, cached: the passages a server returns are split again for every
    question that finds them."""
    spans = []
    for start, end in _pieces(_SENTENCE_END, text, 0, len(text)):
        spans.extend(_pieces(_CLAUSE_END, text, start, end) if end - start > LONG_SENTENCE else [(start, end)])
    return tuple(spans)


@lru_cache(maxsize=1 << 12)
def _sentence_shapes(text: str) -> tuple[tuple[frozenset, frozenset], ...]:
    """The `_shape` of each sentence of a passage, in order."""
    return tuple(_shape(words(text[s:e])) for s, e in _sentences(text))


def _pieces(pattern: re.Pattern, text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, begin = [], start
    for cut in pattern.finditer(text, start, end):
        out.append((begin, cut.start()))
        begin = cut.end()
    out.append((begin, end))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in out) if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def best_snippet(question: str, offset: int, text: str) -> Optional[Span]:
    """The best-matching sentence of a passage `text` that starts at `offset` in its report
    (with the next or previous one when it is short), as a span into the report's text. No
    shared word (an English question): the passage's first sentence or two."""
    spans = _sentences(text)
    if not spans:
        return None
    query = _shape(words(question))
    scores = [_shared_score(query, shape) for shape in _sentence_shapes(text)]
    best = max(range(len(spans)), key=lambda i: (scores[i], -i))
    start, end = spans[best]
    if end - start < SHORT_SENTENCE and len(spans) > 1:
        if best + 1 < len(spans):
            end = spans[best + 1][1]
        else:
            start = spans[best - 1][0]
    return Span(offset + start, offset + end, text[start:end])


def best_answer(question: str, snippet: Optional[Span], offset: int, text: str,
                figures: Sequence[dict]) -> Optional[dict]:
    """For a quantity question, the figure of the passage whose indicator and leading words
    best match the question, preferring one inside the snippet and of the unit asked for;
    None otherwise. `figures` are the passage's figures as dicts {start, end, text, value,
    unit, indicator} (offsets into the report; `indicator` its text), and so is the answer."""
    if not figures or not asks_quantity(question):
        return None
    query = words(question)
    ordered = sorted(figures, key=lambda f: f["start"])
    leads = _leads(text, offset, ordered)
    # "tỷ lệ", "tăng bao nhiêu": a percentage, if the passage has one; else an amount, if any
    percent = bool(_PERCENT.search(unicodedata.normalize("NFC", question).lower()))
    candidates = [n for n in range(len(ordered)) if (ordered[n].get("unit") == "%") == percent]
    candidates = candidates or range(len(ordered))

    def score(n: int) -> tuple:
        figure = ordered[n]
        inside = snippet is not None and snippet.start <= figure["start"] and figure["end"] <= snippet.end
        return (2.0 * match_score(query, figure.get("indicator") or "") + match_score(query, leads[n])
                + (1.5 if inside else 0.0) + _unit_hint(query, figure), -n)

    return dict(ordered[max(candidates, key=score)])


def _leads(text: str, offset: int, figures: Sequence[dict]) -> list[str]:
    """The words that lead to each figure: from its sentence's start or the previous figure,
    whichever is nearer; a figure led only by a connector ("…, đạt 22,81%") shares the
    previous figure's lead."""
    sentences = _sentences(text)
    leads: list[str] = []
    previous_end = -1
    for figure in figures:
        local = figure["start"] - offset
        begin = max(next((s for s, e in sentences if s <= local < e), max(0, local - 120)), previous_end)
        lead = " ".join(text[begin:local].split()[-LEAD_WORDS:])
        if leads and previous_end == begin and len(words(lead)) <= 3:
            lead = leads[-1] + " " + lead
        leads.append(lead)
        previous_end = figure["end"] - offset
    return leads


_PERCENT = re.compile(r"\b(tỷ lệ|tỉ lệ|ty le|tỷ trọng|tỉ trọng|ty trong|phần trăm|phan tram|tăng|giảm|tang|giam|"
                      r"percentage|share|rate|increase|decrease|growth|grow|rise|fall)\b")
LEAD_WORDS = 12  # the words right before a figure are what it measures


def _unit_hint(query: Sequence[str], figure: dict) -> float:
    """A push toward a figure whose unit the question names ("bao nhiêu ha", "lao động")."""
    return 1.0 if set(words(figure.get("unit") or "")) & set(query) else 0.0
