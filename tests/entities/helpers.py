from nlp.pipeline import report_from_text, stages_for

RULES = stages_for("rules")  # these tests are about the rules; the model has tests of its own


def report_of(text: str):
    """A fully analysed report of a short text (no file needed), entities by the rules."""
    return report_from_text(text + "\n", stages=RULES)


def entities_of(text: str):
    return report_of(text).entities
