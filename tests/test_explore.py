"""The figure explorer on the test series (tests/data/series, written for testing; its README
lists the planted checks, worked out by hand): full time series in period order with exact
citations, every planted mismatch found and no false one."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from nlp.explore import explore, indicator_counts
from tests.conftest import ROOT

SERIES = ROOT / "tests" / "data" / "series"


@pytest.fixture(scope="module")
def series_index(tmp_path_factory):
    from nlp.index.build import build_index
    from nlp.index.search import Index

    directory = tmp_path_factory.mktemp("series") / "index"
    build_index([SERIES], directory, embedder="hash")  # the explorer reads the store, not the vectors
    index = Index.open(directory)
    yield index
    index.close()


def test_a_full_time_series_in_period_order_with_exact_citations(series_index):
    found = explore(series_index, indicator="budget-revenue", report=None)
    levels = [r for r in found.figures if r.unit == "VND" and r.place == "Vĩnh Long"]
    assert [(r.period_start, r.period_end, r.value, r.number) for r in levels] == [
        ("2024-01-01", "2024-01-31", 520_400_000_000, "12/BC-SKHĐT"),
        ("2024-02-01", "2024-02-29", 480_600_000_000, "41/BC-SKHĐT"),
        ("2024-03-01", "2024-03-31", 610_200_000_000, "70/BC-SKHĐT"),
        ("2024-03-01", "2024-03-31", 615_200_000_000, "95/BC-SKHĐT"),  # March restated by the quarter's report
        ("2024-01-01", "2024-03-31", 1_611_200_000_000, "70/BC-SKHĐT"),
        ("2024-01-01", "2024-03-31", 1_611_200_000_000, "95/BC-SKHĐT")]
    for row in found.figures:
        text = json.loads(series_index.extract_json(row.report))["text"]
        assert text[row.start:row.end] == row.text
        assert text[row.sentence_start:row.sentence_end] == row.sentence and row.text in row.sentence


def test_indicator_by_text_and_filters(series_index):
    by_text = explore(series_index, indicator="kim ngạch xuất khẩu")
    assert by_text.figures and {r.indicator_id for r in by_text.figures} == {"exports"}
    march = explore(series_index, indicator="exports", period="2024-03")
    assert {r.period_end[:7] for r in march.figures} == {"2024-03"}
    one = explore(series_index, indicator="exports", report="73/BC-SKHĐT")
    assert {r.number for r in one.figures} == {"73/BC-SKHĐT"} and len(one.figures) == 2
    assert next(c for c in indicator_counts(series_index) if c["id"] == "exports")["figures"] == 8


def test_every_planted_mismatch_and_no_false_one(series_index):
    checks = explore(series_index).cross_checks
    mismatches = sorted((c["kind"], c["indicator_id"], c["period_start"], c["period_end"])
                        for c in checks if c["status"] == "mismatch")
    assert mismatches == [("cumulative", "exports", "2024-01-01", "2024-03-31"),
                          ("restated", "budget-revenue", "2024-03-01", "2024-03-31")]
    exports = next(c for c in checks if c["status"] == "mismatch" and c["kind"] == "cumulative")
    assert exports["value"] == 250_100_000 and exports["compared"] == 248_200_000
    assert [p["number"] for p in exports["parts"]] == ["12/BC-SKHĐT", "41/BC-SKHĐT", "70/BC-SKHĐT"]
    ok = {(c["kind"], c["indicator_id"], c["figure"]["number"]) for c in checks if c["status"] == "ok"}
    assert {("cumulative", "budget-revenue", "70/BC-SKHĐT"), ("cumulative", "new-enterprises", "70/BC-SKHĐT"),
            ("cumulative", "tourists", "70/BC-SKHĐT"), ("cumulative", "exports", "73/BC-SKHĐT")} <= ok


def test_the_cli_gives_rows_and_checks_as_json(series_index):
    result = subprocess.run([sys.executable, "-m", "nlp", "figures", "--index", str(series_index.directory),
                             "--indicator", "exports", "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert len(body["figures"]) == 8 and any(c["status"] == "mismatch" for c in body["cross_checks"])
