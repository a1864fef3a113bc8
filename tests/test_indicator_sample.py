"""Samples judged by reading still describe the output: the indicator mapping (tests/data/indicators/
README.md), precision ≥ 0.95 where an id is given, on each sample; the last dev reading of figures
(tests/data/figures/README.md) draws the same figures and indicator spans. Reads ../shared at run time."""

import json

import pytest

from tests.conftest import ROOT

SAMPLES = ROOT / "tests" / "data" / "indicators"
DOCS = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"


@pytest.mark.slow
@pytest.mark.skipif(not DOCS.exists(), reason="../shared/external is not here")
@pytest.mark.parametrize("name", ["a", "b", "c"])
def test_precision_where_an_id_is_given(name):
    """The judged figures are looked up among today's (a figure dropped elsewhere shifts a fresh draw,
    "dự án 5 triệu ha rừng" in round 5): each is still found, and the ids given to them are scored."""
    from scripts.sample_indicators import pool

    rows = [json.loads(line) for line in (SAMPLES / f"sample-{name}.jsonl").read_text().splitlines()]
    current = {(doc, row.start, row.end): row for doc, row in pool()}
    gone = [r for r in rows if (r["doc"], r["start"], r["end"]) not in current]
    # every judged figure is still found, ending where it ended, but one judged to measure no
    # indicator may have left (round 5: "dự án 5 triệu ha rừng" names a programme)
    assert all(r["true"] is None for r in gone) and len(gone) <= 2, gone
    judged = {(r["doc"], r["start"], r["end"]): r["true"] for r in rows if r not in gone}
    given = [(current[k].indicator_id, truth) for k, truth in judged.items() if current[k].indicator_id]
    scored = [(g, t) for g, t in given if t != "?"]
    assert len(scored) == len(given), "a row given an id was never judged: judge it before trusting the score"
    assert len(given) >= 15 and sum(g == t for g, t in scored) / len(scored) >= 0.95, given


FIGURE_SAMPLES = ROOT / "tests" / "data" / "figures"


# The dev sample read last: its file and seed. From dev-sample-707 on a reading draws only figures
# no earlier dev-sample*.jsonl holds (`--unread`), so it is drawn again without them.
LAST_READING, LAST_SEED = "dev-sample-1010.jsonl", 1010
# While a round changes the rules read on LAST_READING its verdicts no longer hold; the round ends
# by reading a new unread sample and naming it above (a reason here skips the test until then).
IN_A_ROUND = ""


@pytest.mark.slow
@pytest.mark.skipif(not DOCS.exists(), reason="../shared/external is not here")
@pytest.mark.skipif(bool(IN_A_ROUND), reason=IN_A_ROUND)
def test_the_last_dev_figure_reading_still_describes_the_output():
    """The dev sample read last (tests/data/figures/README.md) is drawn again: the same figures,
    ending where they ended and with the indicator spans the reader judged. When the extraction
    changes them the verdicts no longer hold: draw a new unread dev sample and read it."""
    from scripts.sample_figures import draw, judged_span, read_before

    rows = [json.loads(line) for line in (FIGURE_SAMPLES / LAST_READING).read_text().splitlines()]
    sample = draw("dev", 100, LAST_SEED, read_before({LAST_READING}))
    assert [(doc, f.start, f.end, judged_span(f)) for doc, _, f in sample] == [
        (r["doc"], r["start"], r["end"], r["indicator_span"]) for r in rows]
