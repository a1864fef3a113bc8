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

from nlp.tone import VIETNAMESE_LETTERS, is_syllable
from nlp.types import InputWarning

__all__ = ["reads_as_vietnamese", "vietnamese_share", "not_vietnamese_warning"]

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


def _marked_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text) if not word.translate(_NO_D).isascii()]


def reads_as_vietnamese(text: str) -> bool:
    """Does NFC `text` read as Vietnamese: its non-ASCII characters Vietnamese letters or
    typographic punctuation, and its words with a marked vowel single syllables?

    A wrong table leaves symbols (TCVN3 read as VNI: "B¸o") or impossible vowel clusters
    (VNI read as TCVN3: "Vieọt"; French read as anything: "préfet"). Text without a marked
    vowel (English, unaccented Vietnamese) passes: see `vietnamese_share`.

    >>> reads_as_vietnamese("Việt Nam"), reads_as_vietnamese("Vieọt Nam")
    (True, False)
    """
    if _letter_share(text) < _LETTER_SHARE:
        return False
    marked = _marked_words(text)
    return sum(map(is_syllable, marked)) >= _SYLLABLE_SHARE * len(marked)


def vietnamese_share(text: str) -> float:
    """Share of the words of NFC `text` that are one Vietnamese syllable with a Vietnamese
    letter in it ("Sở", "đạt"; not "FDI", "report" or "tang").

    >>> vietnamese_share("Vốn FDI tăng"), vietnamese_share("FDI grew")
    (0.6666666666666666, 0.0)
    """
    words = _WORD.findall(text)
    return sum(map(is_syllable, _marked_words(text))) / len(words) if words else 0.0


def not_vietnamese_warning(text: str) -> InputWarning | None:
    """A "not-vietnamese" warning when NFC `text` does not read as Vietnamese, else None.

    >>> not_vietnamese_warning("Tình hình kinh tế - xã hội tháng 3 (GRDP, FDI)") is None
    True
    >>> not_vietnamese_warning("T×nh h×nh kinh tÕ").message
    'the text does not read as Vietnamese (17% of its words are Vietnamese syllables); wrong encoding?'
    """
    sample = text[:_SAMPLE_CHARS]
    share = vietnamese_share(sample)
    if reads_as_vietnamese(sample) and share >= _VIETNAMESE_WORD_SHARE:
        return None
    return InputWarning("not-vietnamese", f"the text does not read as Vietnamese ({share:.0%} of its words "
                                          "are Vietnamese syllables); wrong encoding?", 0)
