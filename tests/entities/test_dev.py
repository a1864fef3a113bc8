"""The shipped NER against the held-out dev reports (models/data/ner/dev, annotated by reading).

Acceptance of the training issue: the model alone keeps recall >= 0.80 for AGENCY, PROJECT and
LEGAL_DOC, and "both" (the default) is not worse than the rules alone on any label. The same
held for the real seed (model retrained without it) and four real external documents when the
merge was chosen; those measurements are in models/data/README.md.
"""

from __future__ import annotations

import pytest

from nlp.annotations import read_annotations
from nlp.train import predict, score
from tests.conftest import ROOT

DEV = ROOT / "models" / "data" / "ner" / "dev"


@pytest.fixture(scope="module")
def scores():
    items = read_annotations(DEV)
    return {mode: score(items, predict(items, mode)) for mode in ("rules", "model", "both")}


@pytest.mark.slow
@pytest.mark.parametrize("label", ["AGENCY", "PROJECT", "LEGAL_DOC"])
def test_model_alone_keeps_recall(scores, label):
    assert scores["model"]["per_label"][label]["r"] >= 0.80, scores["model"]["per_label"][label]


@pytest.mark.slow
@pytest.mark.parametrize("label", ["AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "PERSON", "DATE"])
def test_both_is_not_worse_than_rules(scores, label):
    both, rules = scores["both"]["per_label"][label], scores["rules"]["per_label"][label]
    assert both["f1"] >= rules["f1"], (label, both, rules)


@pytest.mark.slow
def test_dev_set_is_what_the_split_says(scores):
    items = read_annotations(DEV)
    assert sorted(i.meta["report"].rsplit("/", 1)[-1] for i in items) == ["dak-lak-2024-09.txt", "long-an-2024-10.txt"]
    assert scores["rules"]["micro"]["support"] == sum(len(i.spans) for i in items) == 845
