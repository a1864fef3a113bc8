from nlp.pipeline import report_from_text, stages_for

RULES = stages_for("rules")  # these tests are about the rules; the model has tests of its own


def report_of(text: str):
    """A fully analysed report of a short text (no file needed), entities by the rules."""
    return report_from_text(text + "\n", stages=RULES)


def entities_of(text: str):
    return report_of(text).entities


def labelled(text: str, labels=("AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "PERSON", "DATE")):
    """(label, text) of the rules' entities with a label in `labels`, each span checked against the text."""
    found = entities_of(text)
    for e in found:
        assert text[e.start:e.end] == e.text
    return [(e.label, e.text) for e in found if e.label in labels]


def texts_of(text: str, label: str) -> list[str]:
    """The texts of the rules' entities labelled `label` (spans checked)."""
    return [t for _, t in labelled(text, (label,))]
