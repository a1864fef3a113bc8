"""Entities: rule candidates (closed classes, patterns) plus underthesea for persons, merged flat."""

from __future__ import annotations

import re
from typing import Sequence

from nlp.entities.merge import resolve_overlaps
from nlp.entities.rules import Candidate, find_candidates
from nlp.types import Entity, Report, Sentence

__all__ = ["find_entities", "resolve_overlaps"]


def find_entities(report: Report) -> list[Entity]:
    """AGENCY, PROJECT, LEGAL_DOC, LOCATION, PERSON and DATE spans of the report, non-overlapping."""
    blocks = [(p.start, p.end) for p in report.paragraphs if p.end <= report.body_end]
    blocks += [(f.body.start, f.body.end) for f in report.footnotes if f.body]
    starts = {s.start for s in report.sentences}
    candidates = find_candidates(report.text, blocks, starts)
    candidates += [Candidate("LEGAL_DOC", f.start, f.end, "header-number")
                   for f in report.header if f.name == "number"]
    candidates = _confirm_persons(report, candidates)
    kept = _join_parents(report.text, resolve_overlaps(candidates))
    kept = resolve_overlaps(kept + _abbreviations(report.text, kept))
    return [
        Entity(c.start, c.end, report.text[c.start:c.end], c.label,
               "underthesea" if c.rule == "person-ner" else "rules")
        for c in kept
    ]


_OF = re.compile(r"\s+của\s+")
_ABBREVIATION = re.compile(r"\s*\(([A-ZĐ][A-ZĐ0-9&]{1,9})\)")
_SUBORDINATE = re.compile(r"(?:Ban|Tổ|Đoàn|Văn phòng|Phòng|Trung tâm|Hội đồng|Tiểu ban)\b")


def _join_parents(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "Ban Chỉ đạo … của UBND thành phố": a unit and the body it belongs to are one AGENCY."""
    out: list[Candidate] = []
    for cand in kept:
        prev = out[-1] if out else None
        if (prev is not None and prev.label == cand.label == "AGENCY"
                and _SUBORDINATE.match(text, prev.start) and _OF.fullmatch(text, prev.end, cand.start)):
            out[-1] = Candidate("AGENCY", prev.start, cand.end, "agency-of")
        else:
            out.append(cand)
    return out


def _abbreviations(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "Khu công nghiệp Vĩnh Thạnh (VSIP)": a capitals-only short form right after a name."""
    found = []
    for cand in kept:
        if cand.label in ("AGENCY", "PROJECT"):
            match = _ABBREVIATION.match(text, cand.end)
            if match:
                found.append(Candidate("AGENCY", match.start(1), match.end(1), "abbreviation"))
    return found


def _window(report: Report, start: int, end: int, margin: int = 40) -> Sentence:
    sentence = next((s for s in report.sentences if s.start <= start < s.end), None)
    low = max(sentence.start if sentence else 0, start - margin)
    high = min(sentence.end if sentence else len(report.text), end + margin)
    while low > 0 and report.text[low - 1].isalnum() and low > start - margin - 15:
        low -= 1
    while high < len(report.text) and report.text[high].isalnum():
        high += 1
    return Sentence(low, high, report.text[low:high])


def _confirm_persons(report: Report, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Surname-led candidates stay only when titled or when underthesea's NER tags them PER.

    NER costs ~10x word segmentation, so it runs only on the few sentences with a candidate.
    """
    others = [c for c in candidates if not c.rule.startswith("person")]
    unsure = [c for c in candidates if c.rule == "person-surname"
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
    return out
