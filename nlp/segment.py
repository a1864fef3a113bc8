"""Adapter over underthesea: sentences and words with offsets into the report text.

underthesea returns strings, may collapse whitespace and is loaded lazily here (it loads
its CRF models on first import). We align every string back to the text, so callers only see
offsets. ``use_token_normalize=False`` keeps tokens as written (no "hoà" → "hòa").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from nlp.types import Sentence, Token

_SPACE = re.compile(r"\s+")
# underthesea splits after these abbreviations; a sentence never ends with one of them.
_ABBREVIATION_END = re.compile(r"\b(?:TP|Tp|TX|TT|TS|ThS|PGS|GS|BS|KT|TM|TL|No)\.$")


# underthesea's package __init__ imports these optional pipelines eagerly; translate alone
# pulls in transformers and torch (3 s of a 3.4 s import). vnreport uses none of them (they
# download models at run time), so the adapter blocks them: underthesea catches the
# ImportError and leaves those names None.
_UNUSED_PIPELINES = (
    "underthesea.pipeline.classification", "underthesea.pipeline.sentiment",
    "underthesea.pipeline.lang_detect", "underthesea.pipeline.dependency_parse",
    "underthesea.pipeline.translate", "underthesea.agent",
)


def underthesea():
    """The underthesea package, imported without its model-downloading optional pipelines."""
    import sys

    if "underthesea" not in sys.modules:
        for name in _UNUSED_PIPELINES:
            sys.modules.setdefault(name, None)  # type: ignore[arg-type]
    import underthesea as module

    return module


@lru_cache(maxsize=1)
def vietnamese_words() -> tuple[str, ...]:
    """underthesea's Viet74K word list, lower-cased (it ships in the package: read from disk,
    no download). Read once per process for every caller."""
    from importlib.util import find_spec
    from pathlib import Path

    path = Path(find_spec("underthesea").origin).parent / "corpus" / "data" / "Viet74K.txt"
    return tuple(w.strip() for w in path.read_text(encoding="utf-8").lower().splitlines() if w.strip())


@lru_cache(maxsize=1)
def _ner():
    return underthesea().ner


def person_spans(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Spans underthesea's CRF NER tags PER in one sentence (slow: call it sparingly).

    underthesea's NER rewrites some spellings ("hoà" -> "hòa"), so its words are placed on the
    text with the tone position folded (length-preserving), one place per row: a word that
    cannot be placed breaks a name instead of shifting every later tag onto the wrong word.
    """
    from nlp.tone import modern_tone

    tagged = _ner()(sentence.text)
    spans, words = [], [row[0] for row in tagged]
    aligned = list(_align_words(text, sentence.start, sentence.end, words, fold=modern_tone, keep_gaps=True))
    current = None
    for place, row in zip(aligned, tagged):
        tag = row[-1]
        if place is None:
            current = None
            continue
        start, end = place
        if tag == "B-PER" or (tag == "I-PER" and current is None):
            current = [start, end]
            spans.append(current)
        elif tag == "I-PER":
            current[1] = end
        else:
            current = None
    return [tuple(s) for s in spans]


@lru_cache(maxsize=1)
def _pos_tagger():
    underthesea()
    from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

    return CRFPOSTagPredictor.Instance()


def pos_tags(words: Sequence[str]) -> list[str]:
    """underthesea's part-of-speech tags for words already segmented (``["UBND", "tỉnh", "đã",
    "ban hành"]`` -> ``["Ny", "N", "R", "V"]``): its CRF tagger alone, without the word
    segmentation `pos_tag` runs first. Slow next to a rule: call it on a few words."""
    return [tag for _, tag in _pos_tagger().predict(list(words))]


@lru_cache(maxsize=1)
def _underthesea():
    module = underthesea()
    return module.sent_tokenize, module.word_tokenize


def split_sentences(text: str, blocks: Iterable[tuple[int, int]]) -> list[Sentence]:
    """Sentences of each (start, end) block of `text`; a sentence never crosses a block."""
    sent_tokenize, _ = _underthesea()
    sentences: list[Sentence] = []
    for start, end in blocks:
        spans = list(_align(text, start, end, sent_tokenize(text[start:end])))
        for s, e in _merge_abbreviations(text, spans):
            sentences.append(Sentence(s, e, text[s:e]))
    return sentences


def tokenize_words(text: str, sentences: Iterable[Sentence]) -> list[Token]:
    """Words of each sentence, as underthesea segments them: ``Token(…, text="Kế hoạch")``."""
    _, word_tokenize = _underthesea()
    tokens: list[Token] = []
    for sentence in sentences:
        words = word_tokenize(sentence.text, use_token_normalize=False)
        for s, e in _align_words(text, sentence.start, sentence.end, words):
            for a, b in _unglue(text, s, e):
                tokens.append(Token(a, b, text[a:b]))
    return tokens


_PIECE = re.compile(r"\S+")


def _kind(piece: str) -> str:
    if any(ch.isdigit() for ch in piece):
        return "number"
    return "cap" if piece[0].isupper() else "low"


def _unglue(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a word underthesea glued across a name's end: "Tiên Lãng 168,2" -> "Tiên Lãng",
    "168,2"; "03/2023 ước" -> "03/2023", "ước"; "Uông Bí đạt" -> "Uông Bí", "đạt".

    A multi-syllable word is cut where a number starts or ends, or where capitals turn to
    lower case (or back), unless the whole word is in the dictionary ("Ủy ban", "Kế hoạch")."""
    if " " not in text[start:end] and "\u00a0" not in text[start:end]:
        return [(start, end)]
    return [(start + a, start + b) for a, b in _cuts(text[start:end])]


@lru_cache(maxsize=1 << 16)
def _cuts(word: str) -> tuple[tuple[int, int], ...]:
    """`_unglue`'s pieces of one word, as offsets into it (cached: a report repeats its words)."""
    pieces = [(m.start(), m.end(), _kind(m.group())) for m in _PIECE.finditer(word)]
    if len({k for _, _, k in pieces}) == 1 or " ".join(word.lower().split()) in compound_words():
        return ((0, len(word)),)
    out = [[pieces[0][0], pieces[0][1]]]
    for (_, _, before), (s, e, kind) in zip(pieces, pieces[1:]):
        if kind != before:
            out.append([s, e])
        else:
            out[-1][1] = e
    return tuple((a, b) for a, b in out)


@lru_cache(maxsize=1)
def compound_words() -> frozenset[str]:
    """The multi-syllable words of the Viet74K list ("kế hoạch", "nhà ở"), lower-cased."""
    return frozenset(w for w in vietnamese_words() if " " in w)


def _align(text: str, start: int, end: int, pieces: Iterable[str]) -> Iterator[tuple[int, int]]:
    """Find each piece in order in `text[start:end]`, tolerant to changed whitespace."""
    cursor = start
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, cursor, end)
        if found < 0:
            pattern = r"\s+".join(re.escape(part) for part in _SPACE.split(piece))
            match = re.compile(pattern).search(text, cursor, end)
            if match is None:
                continue  # underthesea changed the characters; skip rather than misplace
            found, stop = match.start(), match.end()
        else:
            stop = found + len(piece)
        yield found, stop
        cursor = stop


def _align_words(text: str, start: int, end: int, words: list[str], fold=None,
                 keep_gaps: bool = False) -> Iterator[tuple[int, int] | None]:
    """(start, end) of each word in `text[start:end]`, in order. `fold` (length-preserving) is
    applied to both sides before matching; with `keep_gaps`, a word that cannot be placed
    yields None (so the output stays parallel to `words`), else it is skipped."""
    haystack = fold(text[start:end]) if fold else text[start:end]
    cursor = 0
    for word in words:
        syllables = (fold(word) if fold else word).split()
        first = haystack.find(syllables[0], cursor) if syllables else -1
        if first < 0:
            if keep_gaps:
                yield None
            continue
        stop = first + len(syllables[0])
        for syllable in syllables[1:]:
            nxt = haystack.find(syllable, stop)
            if nxt < 0 or haystack[stop:nxt].strip():
                break  # the next syllable is not just across whitespace: keep what matched
            stop = nxt + len(syllable)
        yield start + first, start + stop
        cursor = stop


def _merge_abbreviations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and _ABBREVIATION_END.search(text[merged[-1][0]:merged[-1][1]]):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged
