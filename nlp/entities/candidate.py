"""The span every finder proposes: rules, the model and the merge all speak in candidates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Candidate:
    """A labelled span of the report's text and the rule (or "model") that proposed it;
    candidates may overlap until `merge.resolve_overlaps` flattens them."""

    label: str
    start: int
    end: int
    rule: str
