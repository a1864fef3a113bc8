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
    # dev grows as helpers annotate more documents; test is the 10 measured first plus the 10
    # added blind in session 9 (chosen by a rule written before annotating), and stays at 20
    assert counts["dev"]["documents"] >= 20 and counts["test"]["documents"] == 20
    for split in ("dev", "test"):
        assert all(k in check_external_gold.LABELS or k == "documents" for k in counts[split])


def test_no_text_is_committed():
    for split in ("dev", "test"):
        for rec in check_external_gold.load(split):
            assert set(rec) - {"upto"} == {"doc", "split", "sha256", "spans"}
            assert isinstance(rec.get("upto", 0), int)
            assert all(len(s) == 3 and isinstance(s[0], int) and isinstance(s[1], int) for s in rec["spans"])


def _eval_external():
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        spec = importlib.util.spec_from_file_location("eval_external", ROOT / "scripts" / "eval_external.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return module


def test_a_prefix_record_scores_only_its_prefix():
    from nlp.annotations import Annotated
    from nlp.train import score

    ev = _eval_external()
    text = "Sở Tài chính họp.\nSở Y tế họp."
    item = Annotated(text, tuple(ev.within_prefix([(0, 12, "AGENCY"), (18, 24, "AGENCY")], 17)), {"upto": 17})
    assert item.spans == ((0, 12, "AGENCY"),)
    # a prediction beyond the prefix is neither a false positive nor, missed there, a false negative
    preds = ev.predictions_in_prefix([item], [[(0, 12, "AGENCY"), (18, 24, "AGENCY"), (20, 24, "LOCATION")]])
    assert preds == [[(0, 12, "AGENCY")]]
    assert score([item], preds)["micro"]["f1"] == 1.0
    # no upto: everything is scored
    assert ev.within_prefix([(18, 24, "AGENCY")], None) == [(18, 24, "AGENCY")]


def test_check_flags_spans_past_upto():
    text = "Sở Tài chính họp.\nSở Y tế họp."
    import hashlib

    rec = {"doc": "x", "split": "dev", "sha256": hashlib.sha256(text.encode()).hexdigest(),
           "upto": 17, "spans": [[0, 12, "AGENCY"], [18, 24, "AGENCY"]]}
    out = check_external_gold.problems(rec, text, {"x": "dev"})
    assert len(out) == 1 and "upto" in out[0]
    rec["upto"] = 5
    assert any("line end" in e for e in check_external_gold.problems(rec, text, {"x": "dev"}))
