"""The indicator mapping against figures judged by reading (tests/data/indicators/README.md):
precision ≥ 0.95 where an id is given, on each sample. Reads ../shared at run time."""

import json

import pytest

from tests.conftest import ROOT

SAMPLES = ROOT / "tests" / "data" / "indicators"
DOCS = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"


@pytest.mark.slow
@pytest.mark.skipif(not DOCS.exists(), reason="../shared/external is not here")
@pytest.mark.parametrize("name, seed", [("a", 18), ("b", 19), ("c", 20)])
def test_precision_where_an_id_is_given(name, seed):
    from scripts.sample_indicators import draw

    judged = {(r["doc"], r["start"], r["end"]): r["true"]
              for r in map(json.loads, (SAMPLES / f"sample-{name}.jsonl").read_text().splitlines())}
    sample = draw(100, seed)
    assert {(doc, row.start, row.end) for doc, row in sample} == set(judged)  # the same figures drawn
    given = [(row.indicator_id, judged[(doc, row.start, row.end)]) for doc, row in sample if row.indicator_id]
    scored = [(g, t) for g, t in given if t != "?"]
    assert len(scored) == len(given), "a row given an id was never judged: judge it before trusting the score"
    assert len(given) >= 15 and sum(g == t for g, t in scored) / len(scored) >= 0.95, given
