"""Entities: rule candidates (closed classes, patterns) plus underthesea for persons, merged flat."""

from __future__ import annotations

import re
from typing import Sequence

from nlp.entities.merge import resolve_overlaps
from nlp.entities.rules import Candidate, block_syllables, find_candidates
from nlp.types import Entity, Report, Sentence

__all__ = ["find_entities", "resolve_overlaps", "NER_MODES"]


NER_MODES = ("rules", "model", "both")
_SOURCE = {"person-ner": "underthesea", "model": "model"}


def find_entities(report: Report, ner: str = "rules", model=None) -> list[Entity]:
    """AGENCY, PROJECT, LEGAL_DOC, LOCATION, PERSON and DATE spans of the report, non-overlapping.

    `ner` chooses who proposes them: "rules" (closed classes, patterns, underthesea for
    persons), "model" (the spaCy model `model`, a name or path; the shipped one by default) or
    "both": every rule entity, plus the model's LEGAL_DOC and LOCATION entities that overlap
    none of them and open the way such names do (`rules.headed`: a capital and a head word).
    The merge is conservative on purpose: on real reports the model, trained on few reports,
    adds more wrong agencies and projects than right ones, while its documents and places help
    or do no harm on all three test sets (models/data/README.md has the measurements).
    """
    if ner not in NER_MODES:
        raise ValueError(f"ner must be one of {', '.join(NER_MODES)}, not {ner!r}")
    syllables = block_syllables(report.text, _blocks(report))
    if ner == "rules":
        kept = _rule_entities(report, syllables)
    else:
        from nlp.entities.model import DEFAULT_MODEL, load_model, model_candidates

        nlp = load_model(model or DEFAULT_MODEL)
        if ner == "model":
            kept = model_candidates(report, nlp)
        else:
            ruled = _rule_entities(report, syllables)
            proposed = model_candidates(report, nlp, _fill_blocks(report, ruled, syllables))
            kept = _fill_gaps(ruled, proposed, report.text)
    return [Entity(c.start, c.end, report.text[c.start:c.end], c.label, _SOURCE.get(c.rule, "rules"))
            for c in kept]


_FILL_LABELS = ("LEGAL_DOC", "LOCATION")  # the labels the model may add in "both" (see find_entities)


def _fill_gaps(rules: list[Candidate], proposed: list[Candidate], text: str) -> list[Candidate]:
    from nlp.entities.rules import headed

    extra = [c for c in proposed if c.label in _FILL_LABELS and not _overlaps(c, rules)
             and headed(text[c.start:c.end], c.label)]
    return sorted(rules + extra, key=lambda c: c.start)


def _fill_blocks(report: Report, ruled: list[Candidate], syllables=None) -> list[tuple[int, int]]:
    """The sentences where a model entity could fill a gap: those holding a capital head of a
    document (with a number after it) or a place outside every rule entity. Only there can a
    model entity pass `_fill_gaps`; running the model on them alone (3 % of the seed) keeps
    `both` near the speed of the rules. Sentences are clipped to their paragraph or footnote."""
    import bisect

    from nlp.entities.rules import head_positions

    syllables = syllables if syllables is not None else block_syllables(report.text, _blocks(report))
    taken = sorted((c.start, c.end) for c in ruled)
    starts = [s.start for s in report.sentences]
    chosen: set[tuple[int, int]] = set()
    for start, end in syllables:  # the blocks, in order
        for pos in head_positions(report.text, start, end, syllables=syllables):
            k = bisect.bisect_right(taken, (pos, len(report.text))) - 1
            if k >= 0 and taken[k][0] <= pos < taken[k][1]:
                continue
            n = bisect.bisect_right(starts, pos) - 1
            sentence = report.sentences[n] if n >= 0 else None
            if sentence is None or not sentence.start <= pos < sentence.end:
                chosen.add((start, end))
            else:
                chosen.add((max(start, sentence.start), min(end, sentence.end)))
    return sorted(chosen)


def _blocks(report: Report) -> list[tuple[int, int]]:
    """Paragraphs of the body and footnote bodies: where entities are looked for (by the rules
    and, by default, the model: `model.model_candidates`)."""
    blocks = [(p.start, p.end) for p in report.paragraphs if p.end <= report.body_end]
    return blocks + [(f.body.start, f.body.end) for f in report.footnotes if f.body]


def _overlaps(cand: Candidate, others: list[Candidate]) -> bool:
    return any(cand.start < o.end and o.start < cand.end for o in others)


def _rule_entities(report: Report, syllables=None) -> list[Candidate]:
    syllables = syllables if syllables is not None else block_syllables(report.text, _blocks(report))
    blocks = list(syllables)
    starts = {s.start for s in report.sentences}
    candidates = find_candidates(report.text, blocks, starts, syllables)
    candidates += [Candidate("LEGAL_DOC", f.start, f.end, "header-number")
                   for f in report.header if f.name == "number"]
    candidates = _confirm_persons(report, candidates)
    candidates += _capitals_lines(report)
    candidates += _months_so_far(report, blocks)
    kept = _join_parents(report.text, resolve_overlaps(candidates))
    kept = [_extend(report.text, c) for c in kept]
    short = _abbreviations(report.text, kept)
    kept = resolve_overlaps(kept + short)
    return resolve_overlaps(kept + _abbreviation_uses(report.text, blocks, short, kept))


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


_STANDING = re.compile(r"(?:Thường trực|Ban Thường vụ)\s+$")
_BRANCH = re.compile(r"\s*[-–]?\s*[Cc]hi nhánh\s+(?:(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|khu vực)\s+)?"
                     r"(?:[A-ZĐ]\w*|\d+)(?:\s+(?:[A-ZĐ]\w*|\d+))*")


def _extend(text: str, cand: Candidate) -> Candidate:
    """ "Thường trực HĐND tỉnh" and "Ngân hàng … chi nhánh tỉnh Quảng Ninh" are one AGENCY."""
    if cand.label != "AGENCY":
        return cand
    start, end = cand.start, cand.end
    before = _STANDING.search(text, max(0, start - 20), start)
    if before and before.end() == start:
        start = before.start()
    branch = _BRANCH.match(text, end)
    if branch and "\n" not in branch.group() and "\t" not in branch.group():
        end = branch.end()
    return cand if (start, end) == (cand.start, cand.end) else Candidate("AGENCY", start, end, cand.rule)


_CAPS_SEGMENT = re.compile(r"[^\t\n]+?(?=\t|\s{3,}|$)", re.MULTILINE)
_SIGNATURE_PREFIX = re.compile(r"(?:TM|KT|TL|TUQ|Q)\.\s*")


def _capitals_lines(report: Report) -> list[Candidate]:
    """Agency names written in capitals in the header and the signature block
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "TM. ỦY BAN NHÂN DÂN"), each column of a line on its own."""
    from nlp.entities.rules import starts_agency

    out = []
    for par in report.paragraphs:
        if par.end > report.body_end or len(par.text) > 160:
            continue
        for m in _CAPS_SEGMENT.finditer(report.text, par.start, par.end):
            start, end = m.start(), m.end()
            prefix = _SIGNATURE_PREFIX.match(report.text, start, end)
            start = prefix.end() if prefix else start
            while start < end and report.text[start].isspace():
                start += 1
            segment = report.text[start:end].rstrip(" .:")
            letters = [ch for ch in segment if ch.isalpha()]
            if len(letters) >= 4 and all(ch.isupper() for ch in letters) and starts_agency(segment):
                out.append(Candidate("AGENCY", start, start + len(segment), "agency-capitals"))
    return out


def _months_so_far(report: Report, blocks) -> list[Candidate]:
    """ "11 tháng" in a report on November: the months of the year so far, the report's own
    cumulative period (a duration such as "thời hạn 6 tháng" has another number)."""
    month = report.period.month if report.period else None
    if not month or month < 2:
        return []
    pattern = re.compile(rf"(?<![\d/.,])0?{month}\s+tháng(?!\s*/|\s+\d)")
    return [Candidate("DATE", m.start(), m.end(), "months-so-far")
            for start, end in blocks for m in pattern.finditer(report.text, start, end)]


def _abbreviation_uses(text: str, blocks, defined: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    """A short form defined once ("… (TKV)") names the same body wherever it stands alone."""
    forms = {text[c.start:c.end] for c in defined}
    if not forms:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
                         + r")(?![\w-])")
    taken = [(c.start, c.end) for c in kept]
    out = []
    for start, end in blocks:
        for m in pattern.finditer(text, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(Candidate("AGENCY", m.start(), m.end(), "abbreviation-use"))
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
