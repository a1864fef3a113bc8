"""Merge: entity candidates into flat entities, for the rules alone, the model alone or both.

`find_entities` is the entry point. `rule_entities` turns the rules' candidates into entities
(persons confirmed, agencies in capitals, units joined to their parent, short forms), and
`resolve_overlaps` keeps one span where several overlap: the longest, then the most specific
label. In "both", `fill_blocks` picks the sentences where the model may fill a gap and
`fill_gaps` adds its documents and places that open the way such names do.
"""

from __future__ import annotations

import bisect
from typing import Iterable, Sequence

from nlp.entities.agency_report import (
    abbreviation_uses, abbreviations, agencies_in_capitals, defined_names, extend_agency, join_parents, unit_uses,
)
from nlp.entities.candidate import Candidate
from nlp.entities.dates import months_so_far
from nlp.entities.legal import law_uses
from nlp.entities.modes import DEFAULT_NER, check_ner
from nlp.entities.persons import confirm_persons
from nlp.entities.places import place_uses
from nlp.entities.project_report import back_references
from nlp.entities.recurring import closed_names, recurring_names, spread_laws, spread_names
from nlp.entities.rules import find_candidates, head_positions, headed
from nlp.entities.syllables import Syllables, block_syllables, report_blocks
from nlp.types import Entity, Report

# More specific labels first: a document symbol beats the agency code inside it, etc.
LABEL_PRIORITY = ("LEGAL_DOC", "PROJECT", "AGENCY", "PERSON", "LOCATION", "DATE")


def resolve_overlaps(candidates: Iterable, priority: Sequence[str] = LABEL_PRIORITY) -> list:
    """Keep a flat, non-overlapping subset, in text order.

    ``resolve_overlaps([c("AGENCY", 0, 20), c("LOCATION", 10, 20)])`` keeps the AGENCY.
    Candidates need `label`, `start`, `end`.
    """
    rank = {label: i for i, label in enumerate(priority)}
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), rank.get(c.label, len(rank)), c.start))
    taken: list = []
    starts: list[int] = []  # the taken spans never overlap: sorted by start, ends are sorted too
    ends: list[int] = []
    for cand in ordered:
        k = bisect.bisect_left(starts, cand.end)  # spans at k and after start at or past cand's end
        if k > 0 and ends[k - 1] > cand.start:
            continue  # the last span starting before cand's end reaches into it
        taken.append(cand)
        k = bisect.bisect_left(starts, cand.start)
        starts.insert(k, cand.start)
        ends.insert(k, cand.end)
    return sorted(taken, key=lambda c: c.start)


_SOURCE = {"person-ner": "underthesea", "model": "model"}


def find_entities(report: Report, ner: str = DEFAULT_NER, model=None) -> list[Entity]:
    """AGENCY, PROJECT, LEGAL_DOC, LOCATION, PERSON and DATE spans of the report, non-overlapping.

    `ner` chooses who proposes them: "rules" (closed classes, patterns, underthesea for
    persons), "model" (the spaCy model `model`, a name or path; the shipped one by default) or
    "both": every rule entity, plus the model's LEGAL_DOC and LOCATION entities that overlap
    none of them and open the way such names do (`rules.headed`: a capital and a head word).
    The merge is conservative on purpose: in the rules' gaps the model adds more wrong
    agencies, projects and dates than right ones on real documents, while its documents and
    places help or do no harm on the seed, the written dev reports and the external dev
    documents (cross-validated); `scripts/eval_merge.py` re-checks it, models/data/README.md
    has the measurements.
    """
    check_ner(ner)
    syllables = block_syllables(report.text, report_blocks(report))
    if ner == "rules":
        kept = rule_entities(report, syllables)
    else:
        from nlp.entities.model import DEFAULT_MODEL, load_model, model_candidates

        nlp = load_model(model or DEFAULT_MODEL)
        if ner == "model":
            kept = model_candidates(report, nlp)
        else:
            ruled = rule_entities(report, syllables)
            proposed = model_candidates(report, nlp, fill_blocks(report, ruled, syllables))
            kept = fill_gaps(ruled, proposed, report.text)
    return [Entity(c.start, c.end, report.text[c.start:c.end], c.label, _SOURCE.get(c.rule, "rules"))
            for c in kept]


def rule_entities(report: Report, syllables: Syllables | None = None) -> list[Candidate]:
    """The rules' entities of the report, flat: candidates of every block, the header's number,
    persons confirmed, agencies in capitals, months so far, units joined to their parent, no
    project head that refers back (`back_references`), names that recur with the same lower-case
    rest (`recurring_names`) or run in lower case to a closing mark as a complement
    (`closed_names`), each full name at its other uses (`spread_names`, `spread_laws`, a law or a place in another case: `law_uses`, `place_uses`), and short forms with
    their uses. `syllables`: `block_syllables` of `report_blocks`, if known."""
    syllables = syllables if syllables is not None else block_syllables(report.text, report_blocks(report))
    blocks = list(syllables)
    starts = {s.start for s in report.sentences}
    candidates = find_candidates(report.text, blocks, starts, syllables)
    candidates += [Candidate("LEGAL_DOC", f.start, f.end, "header-number")
                   for f in report.header if f.name == "number"]
    candidates = confirm_persons(report, candidates)
    candidates += agencies_in_capitals(report)
    candidates += months_so_far(report, blocks)
    kept = back_references(report.text, join_parents(report.text, resolve_overlaps(candidates)))
    kept = [extend_agency(report.text, c) for c in kept]
    kept = spread_names(report.text, closed_names(report.text, recurring_names(report.text, kept)))
    kept = join_parents(report.text, kept)  # a unit completed in lower case ("Cục Thi hành án") and its ministry
    kept = resolve_overlaps(spread_laws(report.text, kept) + law_uses(report.text, blocks, kept)
                            + place_uses(report.text, syllables, kept)
                            + defined_names(report.text, blocks) + unit_uses(report.text, blocks, kept))
    short = abbreviations(report.text, kept)
    kept = resolve_overlaps(kept + short)
    return resolve_overlaps(kept + abbreviation_uses(report.text, blocks, short, kept))


_FILL_LABELS = ("LEGAL_DOC", "LOCATION")  # the labels the model may add in "both" (see find_entities)


def fill_gaps(rules: list[Candidate], proposed: list[Candidate], text: str) -> list[Candidate]:
    """The rule entities plus the proposed LEGAL_DOC and LOCATION entities that overlap none of
    them and are `rules.headed`, in text order."""
    extra = [c for c in proposed if c.label in _FILL_LABELS and not _overlaps(c, rules)
             and headed(text[c.start:c.end], c.label)]
    return sorted(rules + extra, key=lambda c: c.start)


def fill_blocks(report: Report, ruled: list[Candidate],
                syllables: Syllables | None = None) -> list[tuple[int, int]]:
    """The sentences where a model entity could fill a gap: those holding a capital head of a
    document (with a number after it) or a place outside every rule entity. Only there can a
    model entity pass `fill_gaps`; running the model on them alone (3 % of the seed) keeps
    `both` near the speed of the rules. Sentences are clipped to their paragraph or footnote."""
    syllables = syllables if syllables is not None else block_syllables(report.text, report_blocks(report))
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


def _overlaps(cand: Candidate, others: list[Candidate]) -> bool:
    return any(cand.start < o.end and o.start < cand.end for o in others)
