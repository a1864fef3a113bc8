from nlp.pipeline import DEFAULT_STAGES, report_from_text


def report_of(text: str):
    """A fully analysed report of a short text (no file needed)."""
    return report_from_text(text + "\n", stages=DEFAULT_STAGES)


def entities_of(text: str):
    return report_of(text).entities
