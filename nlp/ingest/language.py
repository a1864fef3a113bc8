"""Does a text read as Vietnamese? Letter and syllable statistics, no model.

`reads_as_vietnamese` tells a right legacy-encoding reading from a wrong one (encoding.py);
`not_vietnamese_warning` is the last check on every ingested text, so a reading that no
repair could fix reaches the user as a warning, never as silent garbage.

Measured on the seed, the 183 external admin documents and the .docx/.pdf/.txt fixtures
(NFC, first 64k characters): their non-ASCII characters are 99.4-100 % Vietnamese letters,
≥ 96.5 % of their words with a Vietnamese letter are one syllable, and such words are
≥ 72 % of all words (a heading line) and ≥ 79 % in a whole report. The seed as TCVN3, VNI,
Windows-1258 or UTF-8 mojibake scores ≤ 0.92 letters and ≤ 0.55 syllables; English 0 %.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from nlp.tone import VIETNAMESE_LETTERS, is_syllable
from nlp.types import InputWarning

__all__ = ["reads_as_vietnamese", "not_vietnamese_warning"]

_WORD = re.compile(r"[^\W\d_]+")
_NO_D = str.maketrans("đĐ", "dD")  # a word whose only mark is đ says nothing of its vowels
_SAMPLE_CHARS = 65536  # a report's language does not change midway

# Floors measured by scripts/eval_encoding.py on 400 random lines of 184 reports: a right
# reading scores 1.0 letters and ≥0.88 syllables on a line; a wrong one ≤0.86 letters (TCVN3
# or VNI read as cp1258) or, where its letters pass, ≤0.86 syllables (VNI read as TCVN3).
_LETTER_SHARE = 0.95
_SYLLABLE_SHARE = 0.9
# Words that are marked Vietnamese syllables: ≥ 0.72 in every Vietnamese fixture, 0 in
# English or unaccented text; 0.3 keeps a report with half its words English.
_VIETNAMESE_WORD_SHARE = 0.3


def _letter_share(text: str) -> float:
    """Share of the non-ASCII characters of NFC `text` that are Vietnamese letters or
    typographic punctuation (“ ” – …); what a wrong table leaves behind is neither.

    >>> _letter_share("Báo cáo “tình hình”"), _letter_share("B¸o c¸o")
    (1.0, 0.0)
    """
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    good = sum(ch in VIETNAMESE_LETTERS or 0x2010 <= ord(ch) <= 0x206F for ch in wide)
    return good / len(wide)


class _Scores(NamedTuple):
    letters: float  # non-ASCII characters that are Vietnamese letters or punctuation
    syllables: float  # words with a marked vowel that are one syllable
    vietnamese: float  # all words that are such a syllable ("Sở", "đạt"; not "FDI", "tang")


def _scores(text: str) -> _Scores:
    """The three shares of NFC `text`; each distinct word is parsed once."""
    counts = Counter(_WORD.findall(text))
    marked = syllables = 0
    for word, n in counts.items():
        if not word.translate(_NO_D).isascii():
            marked += n
            syllables += n * is_syllable(word)
    return _Scores(_letter_share(text), syllables / marked if marked else 1.0,
                   syllables / max(1, counts.total()))


def reads_as_vietnamese(text: str) -> bool:
    """Does NFC `text` read as Vietnamese: its non-ASCII characters Vietnamese letters or
    typographic punctuation, and its words with a marked vowel single syllables?

    A wrong table leaves symbols (TCVN3 read as VNI: "B¸o") or impossible vowel clusters
    (VNI read as TCVN3: "Vieọt"; French read as anything: "préfet"). Text without a marked
    vowel (English, unaccented Vietnamese) passes; `not_vietnamese_warning` does not.

    >>> reads_as_vietnamese("Việt Nam"), reads_as_vietnamese("Vieọt Nam")
    (True, False)
    """
    scores = _scores(text)
    return scores.letters >= _LETTER_SHARE and scores.syllables >= _SYLLABLE_SHARE


def not_vietnamese_warning(text: str) -> InputWarning | None:
    """A "not-vietnamese" warning when NFC `text` does not read as Vietnamese or too few of
    its words are Vietnamese syllables with a mark, else None.

    >>> not_vietnamese_warning("Vốn FDI, ODA và GRDP của tỉnh tăng 5,2% (IIP, CPI)") is None
    True
    >>> not_vietnamese_warning("T×nh h×nh kinh tÕ").message
    'the text does not read as Vietnamese (17% of its words are Vietnamese syllables); wrong encoding?'
    """
    scores = _scores(text[:_SAMPLE_CHARS])
    if (scores.letters >= _LETTER_SHARE and scores.syllables >= _SYLLABLE_SHARE
            and scores.vietnamese >= _VIETNAMESE_WORD_SHARE):
        return None
    return InputWarning("not-vietnamese", f"the text does not read as Vietnamese ({scores.vietnamese:.0%} of "
                                          "its words are Vietnamese syllables); wrong encoding?", 0)
