"""Names that go on in lower case, read from their repetition in one document.

A name cut short by the capital rules ("[Công ty Phát triển] tin học, công nghệ và môi
trường") is written the same way at every use, while what follows a complete name changes
from use to use ("Sở Tài chính hướng dẫn …", "Sở Tài chính đã …"). When every one of three or
more uses of a candidate is followed by the same lower-case words, those words finish the
name. They stop before a function word (but "và" between words), a clause verb, an admin
unit, a number or a capital.
"""

from __future__ import annotations

from nlp.entities.candidate import Candidate
from nlp.entities.names import complete_word
from nlp.entities.phrases import ADMIN, CLAUSE_VERBS, SECTORS, STOP, STOP_PHRASES
from nlp.entities.syllables import Phrases, Syl, dictionary, match, syllables_of

_MIN_USES = 3
_REACH = 160  # characters after a name to look at
_LABELS = ("AGENCY",)
_VERBS = Phrases(["quy định", "cấp", "ký", "gửi", "nhận", "có", "cần", "phải"])  # verbs after a subject


def _tail(text: str, end: int) -> list[Syl]:
    """The lower-case words (and commas) right after a name, to the first other syllable."""
    stop = text.find("\n", end, end + _REACH)
    syls = syllables_of(text, end, stop if stop >= 0 else min(len(text), end + _REACH))
    out: list[Syl] = []
    for k, syl in enumerate(syls):
        if syl.gap or syl.cap or not (syl.text.isalpha() or syl.text == ","):
            break
        if k == 0 and syl.start != end + 1:
            break  # the name must go on after one space, not after a comma or a hyphen
        out.append(syl)
    return out


def _usable(tail: list[Syl]) -> int:
    """How many of the tail's syllables may belong to a name (a prefix), word by word: a
    function word, clause verb or admin unit ends it ("công trình" is a word, not "trình")."""
    words = dictionary()
    n = 0
    while n < len(tail):
        syl = tail[n]
        if syl.low == "và" or syl.text == ",":
            n += 1
            continue
        word = complete_word(tail, n, words) - n
        stop = max(match(tail, n, STOP_PHRASES), match(tail, n, CLAUSE_VERBS), match(tail, n, _VERBS))
        if (syl.low in STOP and word == 1) or match(tail, n, ADMIN) or (stop >= word and not match(tail, n, SECTORS)):
            break
        n += word
    while n and (tail[n - 1].low == "và" or tail[n - 1].text == ","):
        n -= 1
    return n


def _complete(text: str, cand: Candidate) -> bool:
    """Does the name end in its place ("UBND tỉnh")? Then what follows is the clause."""
    syls = syllables_of(text, cand.start, cand.end)
    return bool(syls) and any(match(syls, k, ADMIN) == len(syls) - k for k in range(len(syls)))


def _runs_on(text: str, tail: list[Syl], n: int) -> bool:
    """Does the name go on past the common words in capitals ("… phòng, chống | AIDS")?"""
    if n < len(tail):
        return False
    nxt = syllables_of(text, tail[n - 1].end, min(len(text), tail[n - 1].end + 20))
    return bool(nxt) and nxt[0].cap and nxt[0].text.isalnum() and not nxt[0].gap


def recurring_names(text: str, kept: list[Candidate]) -> list[Candidate]:
    """`kept` with each name that three or more times runs on in the same lower-case words
    taken to the end of those words (the spans may then overlap others: resolve them after)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for k, cand in enumerate(kept):
        if cand.label in _LABELS:
            groups.setdefault((cand.label, text[cand.start:cand.end]), []).append(k)
    out = list(kept)
    for members in groups.values():
        if len(members) < _MIN_USES:
            continue
        tails = [_tail(text, kept[k].end) for k in members]
        common = 0
        while all(common < len(t) for t in tails) and len({t[common].low for t in tails}) == 1:
            common += 1
        n = _usable(tails[0][:common])
        if n < 2 or _complete(text, kept[members[0]]) or any(_runs_on(text, t, n) for t in tails):
            continue
        for k, tail in zip(members, tails):
            cand = kept[k]
            out[k] = Candidate(cand.label, cand.start, tail[n - 1].end, "recurring-name")
    return out
