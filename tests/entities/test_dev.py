"""The shipped NER against the held-out dev reports (models/data/ner/dev, annotated by reading).

Acceptance of the training issue: the model alone keeps F1 >= 0.80 for AGENCY, PROJECT and
LEGAL_DOC (recall until issue 15: the retrained model trades PROJECT recall 0.82 -> 0.76 for
precision 0.80 -> 0.85, F1 0.809 -> 0.805), and "both" (the default) is not worse than the rules alone on any label. The same
holds on the seed and, with the model cross-validated by document, on the 20 annotated external
dev documents the shipped model is trained on (`scripts/eval_merge.py`; the figures are in
models/data/README.md). The model was trained on exactly the committed training reports and
the external dev records rebuilt from their offsets and ../shared's text.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from nlp.annotations import read_annotations
from nlp.entities.model import read_manifest
from nlp.train import predict, score
from tests.conftest import ROOT

DEV = ROOT / "models" / "data" / "ner" / "dev"
TRAIN = ROOT / "models" / "data" / "ner" / "train"
EXTERNAL_GOLD = ROOT / "models" / "data" / "external" / "dev.jsonl"
SHARED = ROOT.parent / "shared" / "external" / "vn_readability_admin_docs"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _external_gold() -> list[dict]:
    return [json.loads(line) for line in EXTERNAL_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_shipped_model_trained_on_the_training_split_only():
    manifest = read_manifest("vnreport-ner")
    trained = {Path(d["path"]).name: d for d in manifest["training_data"]}
    reports = sorted(p.name for p in TRAIN.glob("*.jsonl"))
    external = {f"{rec['doc']}.jsonl" for rec in _external_gold()}
    # the first 20 annotated documents; documents annotated since wait for the next retraining
    trained_external = set(trained) - set(reports)
    assert set(reports) <= set(trained) and trained_external <= external and len(trained_external) == 20
    assert sorted(Path(d["path"]).name for d in manifest["dev_data"]) == sorted(p.name for p in DEV.glob("*.jsonl"))
    assert manifest["seed"] == 0 and manifest["misaligned_spans"] < 0.01 * manifest["spans"]
    for name in reports:  # the committed training records are the ones it learnt from
        assert _sha256(TRAIN / name) == trained[name]["sha256"], name


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/external is missing")
def test_external_training_records_rebuild_from_offsets(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("make_ner_data", ROOT / "scripts" / "make_ner_data.py")
    make_ner_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_ner_data)
    make_ner_data.write_external(tmp_path)
    gold = {rec["doc"]: rec for rec in _external_gold()}
    items = read_annotations(tmp_path)
    assert sorted(i.meta["doc"] for i in items) == sorted(gold)
    for item in items:
        rec = gold[item.meta["doc"]]
        assert hashlib.sha256(item.text.encode("utf-8")).hexdigest() == rec["sha256"]
        assert [list(s) for s in item.spans] == sorted(rec["spans"])
        assert all(item.text[s:e].strip() == item.text[s:e] != "" for s, e, _ in item.spans)
    trained = {Path(d["path"]).name: d["sha256"] for d in read_manifest("vnreport-ner")["training_data"]}
    for path in tmp_path.glob("*.jsonl"):  # byte for byte what the shipped model was trained on
        if path.name in trained:
            assert _sha256(path) == trained[path.name], path.name


@pytest.fixture(scope="module")
def scores():
    items = read_annotations(DEV)
    return {mode: score(items, predict(items, mode)) for mode in ("rules", "model", "both")}


@pytest.mark.slow
@pytest.mark.parametrize("label", ["AGENCY", "PROJECT", "LEGAL_DOC"])
def test_model_alone_keeps_f1(scores, label):
    assert scores["model"]["per_label"][label]["f1"] >= 0.80, scores["model"]["per_label"][label]


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
