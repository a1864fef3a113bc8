"""Who finds entities: the one list of NER modes and the one default, for the library, the
index build, the CLI and the API alike."""

from __future__ import annotations

from nlp.errors import QueryError

NER_MODES = ("rules", "model", "both")
DEFAULT_NER = "both"  # rules, plus the shipped model's legal documents and places in their gaps


def check_ner(ner: str) -> str:
    """`ner` when it is a mode, else a QueryError naming the field "ner"."""
    if ner not in NER_MODES:
        raise QueryError("ner", ner, "invalid_ner", f"is not one of {', '.join(NER_MODES)}")
    return ner
