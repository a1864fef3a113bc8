"""PERSON: a surname and one to three capitalised syllables ("Nguyễn Văn An"), kept when a title
stands before it ("ông", "Chủ tịch") or underthesea's NER tags it PER."""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from nlp.entities import gazetteer, lexicon as lx
from nlp.entities.candidate import Candidate
from nlp.entities.phrases import AGENCY_HEADS, AGENCY_NAMES, SURNAMES, UNIT_NAMES
from nlp.entities.syllables import Phrases, match
from nlp.types import Report, Sentence

_TITLES = Phrases(lx.PERSON_TITLES + ["tư tưởng", "bác"])  # and "tư tưởng Hồ Chí Minh": the man's thought; "Bác Hồ Chí Minh"


def person_at(syls, i) -> Iterator[Candidate]:
    """A surname-led name at syllable i: "person-titled" after a title, else "person-surname"
    (which `confirm_persons` keeps only when underthesea agrees); a surname alone after "Bác" is
    an honorific reference used as a name, with it ("Bác Hồ")."""
    if syls[i].low not in SURNAMES or not syls[i].cap:
        return
    end = i + 1
    while end < len(syls) and end - i < 4 and syls[end].cap and syls[end].text.isalpha() \
            and not syls[end].text.isupper():
        end += 1
    if end - i == 1 and i > 0 and syls[i - 1].text == "Bác" and not syls[i].gap:  # "Bác Hồ", "Bác Tôn"
        yield Candidate("PERSON", syls[i - 1].start, syls[i].end, "person-titled")
    if end - i < 2:
        return
    titled = any(match(syls, k, _TITLES) == i - k for k in range(max(0, i - 3), i)) or _listed_after_title(syls, i) \
        or _title_of_body(syls, i)
    yield Candidate("PERSON", syls[i].start, syls[end - 1].end, "person-titled" if titled else "person-surname")


def _listed_after_title(syls, i) -> bool:
    """ "các đại biểu Dương Văn A, Nguyễn Thị B": a name listed right after a titled one."""
    if i < 3 or syls[i - 1].low not in (",", "và"):
        return False
    k = i - 2
    while k > 0 and i - k <= 4 and syls[k].cap and syls[k].text.isalpha():
        k -= 1
    return syls[k + 1].low in SURNAMES and any(match(syls, t, _TITLES) == k + 1 - t for t in range(max(0, k - 2), k + 1))


def _title_of_body(syls, i) -> bool:
    """ "Phó Thủ tướng Chính phủ Hoàng Văn A", "Chủ tịch UBND tỉnh Trần Văn B": a title, the body
    it belongs to, then the name (not a unit's: "Chủ tịch UBND các huyện Văn Yên")."""
    if match(syls, i, UNIT_NAMES):
        return False
    for k in range(max(0, i - 8), i - 1):
        n = match(syls, k, _TITLES)
        if n and k + n < i and (match(syls, k + n, AGENCY_NAMES) or match(syls, k + n, AGENCY_HEADS)) \
                and syls[k + n].cap and all(s.text.isalnum() for s in syls[k + n:i]):
            return True
    return False


def _unit_name(name: str) -> bool:
    """Is an untitled name a province or district ("Phù Ninh (05), Lâm Thao (06)"), not a person?"""
    return gazetteer.fold(name) in gazetteer.provinces() or gazetteer.fold(name) in gazetteer.districts()


def _window(report: Report, start: int, end: int, margin: int = 40) -> Sentence:
    """The text around a span, within its sentence and `margin` characters, on word bounds."""
    sentence = next((s for s in report.sentences if s.start <= start < s.end), None)
    low = max(sentence.start if sentence else 0, start - margin)
    high = min(sentence.end if sentence else len(report.text), end + margin)
    while low > 0 and report.text[low - 1].isalnum() and low > start - margin - 15:
        low -= 1
    while high < len(report.text) and report.text[high].isalnum():
        high += 1
    return Sentence(low, high, report.text[low:high])


def confirm_persons(report: Report, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Surname-led candidates stay only when titled or when underthesea's NER tags them PER.

    NER costs ~10x word segmentation, so it runs only on the few sentences with a candidate.
    """
    others = [c for c in candidates if not c.rule.startswith("person")]
    unsure = [c for c in candidates if c.rule == "person-surname" and not _unit_name(report.text[c.start:c.end])
              and not any(o.start <= c.start and c.end <= o.end for o in others)]
    confirmed: set[tuple[int, int]] = set()
    if unsure:
        from nlp.segment import person_spans

        for cand in unsure:  # a window of a few words is context enough for the CRF
            confirmed.update(person_spans(report.text, _window(report, cand.start, cand.end)))
    out = []
    for cand in candidates:
        if cand.rule != "person-surname":
            out.append(cand)
        elif any(s <= cand.start and cand.end <= e or (cand.start <= s and e <= cand.end) for s, e in confirmed):
            out.append(Candidate("PERSON", cand.start, cand.end, "person-ner"))
    thinkers = [Candidate("PERSON", m.start(1), m.end(1), "person-titled") for m in _IDEOLOGY.finditer(report.text)]
    return out + thinkers + person_reuses(report.text, [c for c in out if c.label == "PERSON"])


# the thinkers an ideology is named after, joined by a dash: "chủ nghĩa Mác - Lênin"
_IDEOLOGY = re.compile(r"(?<!\w)(?i:chủ nghĩa)[ \t]+([A-ZĐ]\w+(?:[ \t]?-[ \t]?[A-ZĐ]\w+)+)")


_REUSE_TITLES = re.compile(r"(?<!\w)(?:ông|bà|anh|chị|đồng chí|đại biểu)\s+$", re.IGNORECASE)


def person_reuses(text: str, persons: Sequence[Candidate]) -> list[Candidate]:
    """A person found in the document, named again: the full name of three syllables or more in
    another case (a title line copied in lower case: "… của phó thủ tướng nguyễn tấn dũng"), and
    the given name alone after "ông", "bà", "đồng chí" ("đại biểu Trần Đắc Sửu … ông Sửu nói")."""
    out = []
    for name in {text[c.start:c.end] for c in persons}:
        if len(name.split()) >= 3:
            out += [Candidate("PERSON", m.start(), m.end(), "person-reuse")
                    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE)]
        given = name.split()[-1]
        for m in re.finditer(rf"(?<!\w){re.escape(given)}(?!\w)", text):
            titled = _REUSE_TITLES.search(text[max(0, m.start() - 12):m.start()])
            if titled and not text[m.end():m.end() + 3].lstrip()[:1].isupper():  # not "ông Sửu Văn …"
                out.append(Candidate("PERSON", m.start(), m.end(), "person-reuse"))
    return out
