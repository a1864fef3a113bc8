"""The syllable engine the rules read: syllables of a block, phrase tables and their match.

Rules read syllables, not underthesea words, whose joins ("và Phát triển nông thôn") cut across
names. ``match(syllables_of("Sở Kế hoạch", 0, 11), 0, Phrases(["sở"]))`` is 1: the longest
phrase of the table at that syllable. Entities are looked for in `report_blocks`: the body's
paragraphs and the footnote bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from nlp.types import Report

_SYLLABLE = re.compile(r"\w+(?:[&+]\w+)*|[^\w\s]")
_HARD_GAP = re.compile(r"\t|\n|   ")


@dataclass(frozen=True, slots=True)
class Syl:
    text: str
    low: str
    start: int
    end: int
    cap: bool  # starts with an upper-case letter or a digit ("Kế", "UBND", "D2A", "1")
    gap: bool = False  # a tab, a line break or a run of spaces before it: a column or layout break


def syllables_of(text: str, start: int, end: int) -> list[Syl]:
    """The syllables (words and single punctuation marks) of text[start:end], in order."""
    out = []
    prev = start
    for m in _SYLLABLE.finditer(text, start, end):
        word = m.group()
        at = m.start()
        gap = bool(out) and at > prev and (at - prev > 1 or text[prev] != " ") \
            and _HARD_GAP.search(text, prev, at) is not None  # most syllables follow one space or none
        out.append(Syl(word, word.lower(), at, m.end(), word[0].isupper() or word[0].isdigit(), gap))
        prev = m.end()
    return out


Syllables = dict  # (start, end) of a block -> its syllables; computed once per report


def block_syllables(text: str, blocks: Sequence[tuple[int, int]]) -> Syllables:
    """The syllables of each block, for `rules.find_candidates` and `rules.head_positions` to share."""
    return {(start, end): syllables_of(text, start, end) for start, end in blocks}


def report_blocks(report: Report) -> list[tuple[int, int]]:
    """Paragraphs of the body and footnote bodies: where entities are looked for (by the rules
    and, by default, the model: `model.model_candidates`)."""
    blocks = [(p.start, p.end) for p in report.paragraphs if p.end <= report.body_end]
    return blocks + [(f.body.start, f.body.end) for f in report.footnotes if f.body]


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """The multi-syllable words of underthesea's Viet74K list ("kế hoạch", "nhà ở")."""
    from nlp.segment import compound_words

    return compound_words()


class Phrases(dict):
    """Phrases as syllable tuples, with their first syllables, every prefix and the longest length,
    so `match` stops as soon as no phrase goes on the way the text does.

    `fold` (e.g. `gazetteer.fold`, the tone on one vowel) is applied to the entries here and to
    the text's syllables in `match`, so "Khánh Hoà" matches the entry "khánh hòa"."""

    def __init__(self, entries: Iterable[str], fold: Callable[[str], str] | None = None) -> None:
        entries = [fold(e) for e in entries] if fold else list(entries)
        super().__init__((tuple(_SYLLABLE.findall(e)), len(_SYLLABLE.findall(e))) for e in entries)
        self.firsts = frozenset(k[0] for k in self)
        self.prefixes = frozenset(k[:n] for k in self for n in range(1, len(k) + 1))
        self.longest = max(self.values(), default=0)
        self.fold = fold


def match(syls: list[Syl], i: int, table: Phrases) -> int:
    """Length in syllables of the longest table phrase at `i` (0 if none)."""
    fold = table.fold
    if i >= len(syls) or (fold(syls[i].low) if fold else syls[i].low) not in table.firsts:
        return 0
    best, key = 0, ()
    for syl in syls[i:i + table.longest]:
        key += (fold(syl.low) if fold else syl.low,)
        if key not in table.prefixes:
            break  # no longer phrase starts this way
        if key in table:
            best = len(key)
    return best


def lower_case_line(syls: list[Syl]) -> bool:
    """Is the block written in lower case after its first word (a title lower-cased whole:
    "Quyết định về việc thành lập sở tài chính tỉnh hậu giang")? Then no capital marks a name."""
    words = [s for s in syls[1:] if s.text.isalpha()]
    return len(words) >= 4 and not any(s.cap for s in words)
