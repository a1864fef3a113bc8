"""Entities: rule candidates (closed classes, patterns) plus underthesea for persons, merged flat.

``find_entities(report, ner="both")`` gives the report's AGENCY, PROJECT, LEGAL_DOC, LOCATION,
PERSON and DATE spans. Inside: `rules` (the entry to the per-label finders: `agencies`,
`projects`, `legal`, `places`, `persons`, `dates`, over `names`, `phrases` and `syllables`),
`model` (the spaCy NER) and `merge` (rules and model into one flat list).
"""

from nlp.entities.candidate import Candidate
from nlp.entities.merge import find_entities, resolve_overlaps
from nlp.entities.modes import DEFAULT_NER, NER_MODES

__all__ = ["Candidate", "DEFAULT_NER", "NER_MODES", "find_entities", "resolve_overlaps"]
