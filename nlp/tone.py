"""Vietnamese syllables: their shape, and one place for the tone mark so spellings meet.

Vietnamese puts the tone of an open syllable in oa, oe, uy on the first vowel ("hòa",
"thủy", "khỏe": the seed report, 87 to 1) or on the second ("hoà", "thuỷ", "khoẻ": what
Unikey calls its "new style"; the 183 admin documents, about 11 to 1). `modern_tone` maps
both to the first, as the search design asked; search only needs them to agree. To flip it,
return 1 from `_tone_index` for an open two-vowel oa, oe or uy.

    syllable                      rule                               both become
    hoà / hòa, khoẻ / khỏe        open oa, oe, uy: first vowel       hòa, khỏe, thủy, tùy, ủy
    hoàn, toán, huỳnh             a final consonant: last vowel      unchanged
    người, khuyến, tuần, thuở     ă â ê ô ơ ư: that vowel (ơ of ươ)  unchanged
    quá, quý, giữ, già            qu/gi are the onset                unchanged (qúy -> quý)
    hài, mùa, túi, mía            other two-vowel clusters: first    unchanged
    ngoài, xoáy, khuỷu            three plain vowels: the middle     unchanged

Only words that parse as one Vietnamese syllable (onset, a vowel cluster Vietnamese uses,
final consonant, one tone) are touched, and only by moving the tone to another vowel of the
same word: each vowel with its tone is one NFC code point, so the length never changes and
neither does the case of any letter ("HOÀ" -> "HÒA").

>>> modern_tone("Hoà bình, thuỷ lợi, sức khoẻ, QUÝ I, hoàn thành, UỶ BAN")
'Hòa bình, thủy lợi, sức khỏe, QUÝ I, hoàn thành, ỦY BAN'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["modern_tone", "is_syllable", "VIETNAMESE_LETTERS"]

_PLAIN_VOWELS = "aăâeêioôơuưy"
_MODIFIED = frozenset("ăâêôơư")
_TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
# toned vowel -> (vowel without tone, tone), both cases; and back
_UNTONE: dict[str, tuple[str, str]] = {}
_RETONE: dict[tuple[str, str], str] = {}
for _vowel in _PLAIN_VOWELS + _PLAIN_VOWELS.upper():
    for _mark in _TONE_MARKS:
        _toned = unicodedata.normalize("NFC", _vowel + _mark)
        _UNTONE[_toned] = (_vowel, _mark)
        _RETONE[(_vowel, _mark)] = _toned
#: Every letter Vietnamese adds to ASCII (toned and modified vowels, đ), both cases.
VIETNAMESE_LETTERS = frozenset(_UNTONE) | frozenset("ăâêôơưđ" + "ăâêôơưđ".upper())
_CLUSTERS = frozenset(
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu".split()
)
# Rhymes: these clusters end in a glide and take no final consonant; these need one.
_OPEN_ONLY = frozenset(
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui uơ ưa ưi ưu "
    "iêu oai oay oeo uây uôi uya uyu ươi ươu yêu".split()
)
_CLOSED_ONLY = frozenset("ă â oă uâ iê yê uô ươ uyê oo".split())
_SYLLABLE = re.compile(
    r"(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?"
    r"([aăâeêioôơuưy]+)"
    r"(ch|ng|nh|[cmnpt])?"
)
_VOWELS = "".join(sorted(set(_PLAIN_VOWELS + _PLAIN_VOWELS.upper()) | set(_UNTONE)))
_TONED = "".join(sorted(_UNTONE))
_LETTERS = "A-Za-zĐđ" + _VOWELS
# A tone can only move inside a vowel cluster, so a word is worth parsing only when a toned
# vowel touches another vowel; everything else is left to one regex scan.
_CANDIDATE = re.compile(  # a whole word of at most 14 letters; a syllable has at most 7
    f"(?<![{_LETTERS}])[{_LETTERS}]{{0,6}}(?:[{_TONED}][{_VOWELS}]|[{_VOWELS}][{_TONED}])"
    f"[{_LETTERS}]{{0,6}}(?![{_LETTERS}])"
)


def modern_tone(text: str) -> str:
    """`text` (NFC) with each syllable's tone on the vowel the table above names.

    >>> modern_tone("tuỳ"), modern_tone("Khoẻ"), modern_tone("quả"), modern_tone("qúa")
    ('tùy', 'Khỏe', 'quả', 'quá')
    """
    return _CANDIDATE.sub(_retone_match, text)


def matching_form(text: str) -> str:
    """`text` as words are compared: NFC, lower case, tones placed one way ("HOÀ" and "hòa" agree).

    >>> matching_form("Thủ tướng HOÀ")
    'thủ tướng hòa'
    """
    import unicodedata

    return modern_tone(unicodedata.normalize("NFC", text).lower())


def is_syllable(word: str) -> bool:
    """Is `word` one Vietnamese syllable: a known onset, vowel cluster and final consonant that
    fit together ("au" takes no final, "iê" needs one), at most one tone?

    >>> is_syllable("Nghiêng"), is_syllable("quý"), is_syllable("Vieọt"), is_syllable("caùc")
    (True, True, False, False)
    """
    plain, tones = _strip_tones(word)
    return tones <= 1 and _parse(plain) is not None


def _retone_match(match: re.Match) -> str:
    return _retone(match.group())


@lru_cache(maxsize=1 << 16)
def _retone(word: str) -> str:
    toned = [i for i, ch in enumerate(word) if ch in _UNTONE]
    if len(toned) != 1:
        return word
    at = toned[0]
    vowel, mark = _UNTONE[word[at]]
    plain = word[:at] + vowel + word[at + 1:]
    parsed = _parse(plain)
    if parsed is None:
        return word
    start, cluster, has_final = parsed
    target = start + _tone_index(cluster, has_final)
    if target == at:
        return word
    return plain[:target] + _RETONE[(plain[target], mark)] + plain[target + 1:]


def _strip_tones(word: str) -> tuple[str, int]:
    tones = sum(ch in _UNTONE for ch in word)
    return ("".join(_UNTONE[ch][0] if ch in _UNTONE else ch for ch in word) if tones else word), tones


def _parse(plain: str) -> tuple[int, str, bool] | None:
    """(start of the vowel cluster, the cluster, has a final consonant) of a toneless word."""
    match = _SYLLABLE.fullmatch(plain.lower())
    if match is None or match.group(2) not in _CLUSTERS:
        return None
    cluster, has_final = match.group(2), match.group(3) is not None
    if cluster in (_OPEN_ONLY if has_final else _CLOSED_ONLY):
        return None
    return match.start(2), cluster, has_final


def _tone_index(cluster: str, has_final: bool) -> int:
    """Which vowel of `cluster` carries the tone (see the table in the module docstring)."""
    modified = [i for i, ch in enumerate(cluster) if ch in _MODIFIED]
    if modified:
        return modified[-1]  # ươ: the ơ
    if has_final:
        return len(cluster) - 1
    return 1 if len(cluster) == 3 else 0
