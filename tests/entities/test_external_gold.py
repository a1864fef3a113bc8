"""The gold entities of real external documents (models/data/external) are well formed.

Offsets only are committed; the text is read from ../shared, so the test skips without it.
"""
from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("check_external_gold", ROOT / "scripts" / "check_external_gold.py")
check_external_gold = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_external_gold)

pytestmark = pytest.mark.skipif(not check_external_gold.DATA.exists(), reason="../shared/external is missing")


@pytest.fixture(scope="module")
def result():
    return check_external_gold.check()


def test_spans_are_well_formed(result):
    errors, _ = result
    assert errors == []


def test_documents_split_and_labels(result):
    _, counts = result
    # dev grows as helpers annotate more documents; test stays the 10 measured once
    assert counts["dev"]["documents"] >= 20 and counts["test"]["documents"] == 10
    for split in ("dev", "test"):
        assert all(k in check_external_gold.LABELS or k == "documents" for k in counts[split])


def test_no_text_is_committed():
    for split in ("dev", "test"):
        for rec in check_external_gold.load(split):
            assert set(rec) == {"doc", "split", "sha256", "spans"}
            assert all(len(s) == 3 and isinstance(s[0], int) and isinstance(s[1], int) for s in rec["spans"])
