"""Pattern rules for AGENCY, PROJECT, LEGAL_DOC, LOCATION, DATE and PERSON candidates.

`find_candidates` runs the patterns (document symbols, dates, known and foreign organizations)
and, at each syllable that may open a name, the finder of every label: agencies, projects,
legal, places, persons (dates are patterns only). How a name runs on after its head is in
`names`; the syllables and phrase tables in `syllables` and `phrases`. Candidates may
overlap; `merge` resolves them. `headed` and `head_positions` tell the merge where a model
entity may fill a gap.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from nlp.entities.agencies import FOREIGN_ORG_PATTERN, KNOWN_ORG_PATTERN, agency_at, force_after
from nlp.entities.candidate import Candidate
from nlp.entities.companies import BRAND_PATTERN, company_at
from nlp.entities.dates import DATE_PATTERN
from nlp.entities.lists import PLURALS, examples_at, listed_at
from nlp.entities.legal import LEGAL_PATTERN, STANDARD_PATTERN, law_at, with_law_number
from nlp.entities.persons import person_at
from nlp.entities.phrases import (
    ADMIN, AGENCY_HEADS, AGENCY_NAMES, DOC_TYPES, LAW_HEADS, PLACES, PROJECT_HEADS, SITES, SURNAMES, WORK_HEADS, spelling_fold,
)
from nlp.entities.places import is_place_start, location_at
from nlp.entities.projects import ROAD_CODE_PATTERN, campaign_at, project_at
from nlp.entities.syllables import Syl, Syllables, block_syllables, match, syllables_of

_HEAD_STARTS = frozenset(k[0] for k in (*AGENCY_HEADS, *AGENCY_NAMES, *PROJECT_HEADS, *LAW_HEADS, *WORK_HEADS))


def find_candidates(text: str, blocks: Sequence[tuple[int, int]], sentence_starts: set[int],
                    syllables: Syllables | None = None) -> list[Candidate]:
    """All rule candidates inside the (start, end) blocks; they may overlap."""
    syllables = syllables if syllables is not None else block_syllables(text, blocks)
    found: list[Candidate] = []
    for start, end in blocks:
        for pattern, label, rule in ((LEGAL_PATTERN, "LEGAL_DOC", "legal-symbol"), (DATE_PATTERN, "DATE", "date"),
                                     (STANDARD_PATTERN, "LEGAL_DOC", "standard"),
                                     (KNOWN_ORG_PATTERN, "AGENCY", "known-organization"),
                                     (FOREIGN_ORG_PATTERN, "AGENCY", "foreign-organization"),
                                     (BRAND_PATTERN, "AGENCY", "brand"),
                                     (ROAD_CODE_PATTERN, "PROJECT", "road-code")):
            found += [Candidate(label, m.start(), m.end(), rule) for m in pattern.finditer(text, start, end)]
        syls = syllables[(start, end)]
        for cand in _scan_names(text, syls, sentence_starts):
            found.append(with_law_number(text, cand, end) if cand.rule == "law" else cand)
    return found


def _scan_names(text: str, syls: list[Syl], sentence_starts: set[int]) -> Iterator[Candidate]:
    """The finders of every label at each syllable that may open a name."""
    for i, syl in enumerate(syls):
        if syl.text == "Tháng":
            yield from campaign_at(syls, i)
        if syl.low in PLURALS:
            yield from listed_at(syls, i)
        if syl.low == "như":
            yield from examples_at(syls, i)
        if syl.low == "lượng" and i > 0 and syls[i - 1].low == "lực":
            yield from force_after(syls, i + 1)
        if syl.low not in _HEAD_STARTS and spelling_fold(syl.low) not in _HEAD_STARTS and syl.low not in SURNAMES \
                and not is_place_start(syls, i):
            if not (syl.low in ("th", "thcs", "thpt", "mn", "mg") and syl.text.isupper()):
                continue
        initial = syl.start in sentence_starts or (i > 0 and syls[i - 1].text in "-–+•:") or _after_item_mark(text, syls, i)
        yield from agency_at(syls, i, initial)
        yield from company_at(syls, i)
        yield from project_at(text, syls, i, initial)
        yield from law_at(syls, i)
        yield from location_at(syls, i)
        yield from person_at(syls, i)


def _after_item_mark(text: str, syls: list[Syl], i: int) -> bool:
    """Does syllable i open a list item marked "a." / "b)" / "2." at its line's start? Then its
    capital says nothing, as at a sentence start."""
    if i < 2 or syls[i - 1].text not in ".)" or len(syls[i - 2].text) > 2 or not syls[i - 2].text.isalnum():
        return False
    return text[text.rfind("\n", 0, syls[i - 2].start) + 1:syls[i - 2].start].strip() == ""


_DOC_NUMBER = re.compile(r"\d+\s*[/-]\s*\w|\bs[ốô]\s*:?\s*\d")  # "1234/QĐ-UBND", "số 12"; not "lớp 4"


def headed(phrase: str, label: str) -> bool:
    """Does `phrase` open the way names of `label` open: a capital and a head word (an agency
    or project head, a document type with a number, an admin unit, site or known place)?
    The merge in `find_entities(ner="both")` accepts a model entity only when this holds."""
    syls = syllables_of(phrase, 0, len(phrase))
    if not syls or not syls[0].cap:
        return False
    if label == "AGENCY":
        return bool(match(syls, 0, AGENCY_HEADS) or match(syls, 0, AGENCY_NAMES))
    if label == "PROJECT":
        return bool(match(syls, 0, PROJECT_HEADS) or match(syls, 0, WORK_HEADS))
    if label == "LEGAL_DOC":  # a document carries its number or symbol ("lớp 4" is not one), a law its year
        return bool((match(syls, 0, DOC_TYPES) and _DOC_NUMBER.search(phrase))
                    or (match(syls, 0, LAW_HEADS) and any(c.isdigit() for c in phrase)))
    if label == "LOCATION":  # but "Phường" alone, a level in "Xã, Phường, Thị trấn", is no place
        return bool((match(syls, 0, ADMIN) and match(syls, 0, ADMIN) < len(syls))
                    or match(syls, 0, SITES) or match(syls, 0, PLACES))
    return False  # DATE and PERSON: the rules' patterns and underthesea's NER decide


def head_positions(text: str, start: int, end: int, reach: int = 12,
                   syllables: Syllables | None = None) -> Iterator[int]:
    """Offsets in text[start:end] where a `headed` LEGAL_DOC or LOCATION could begin: a capital
    opening a document type or law (with a number within `reach` syllables) or an admin unit,
    site or known place."""
    syls = syllables[(start, end)] if syllables and (start, end) in syllables else syllables_of(text, start, end)
    for i, syl in enumerate(syls):
        if not syl.cap:
            continue
        if match(syls, i, ADMIN) or match(syls, i, SITES) or match(syls, i, PLACES) or (
                (match(syls, i, DOC_TYPES) or match(syls, i, LAW_HEADS))
                and any(s.text[0].isdigit() for s in syls[i + 1:i + reach])):
            yield syl.start
