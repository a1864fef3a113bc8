"""The spaCy NER: tokenizer, serialization, a short training run, the manifest, scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nlp import read_report
from nlp.annotations import Annotated
from nlp.entities.model import UndertheseaTokenizer, blank, load_model, model_dir, read_manifest
from nlp.errors import InputError
from nlp.segment import split_sentences, tokenize_words
from nlp.train import paragraphs, score, train

SEED = Path(__file__).resolve().parents[2] / "corpus" / "742-BC-SKHDT-2023-03.txt"


@pytest.fixture(scope="module")
def seed_paragraphs():
    report = read_report(SEED)
    return [p.text for p in report.paragraphs][:60]


def test_tokens_are_the_pipeline_words(seed_paragraphs):
    nlp = blank()
    for text in seed_paragraphs:
        doc = nlp(text)
        assert doc.text == text
        words = tokenize_words(text, split_sentences(text, [(0, len(text))]))
        assert [(t.idx, t.idx + len(t)) for t in doc if not t.is_space] == [(w.start, w.end) for w in words]


def test_odd_whitespace_keeps_the_text():
    nlp = blank()
    for text in ("Sở  Y tế\t(UBND)   huyện", "  Cần Thơ ", "\u00a0Quý I/2023", ""):
        assert nlp(text).text == text
    # tokens are words, not syllables: a compound is one token
    assert "thành phố" in [t.text for t in nlp("Ủy ban nhân dân thành phố Cần Thơ")]


def test_tokenizer_serialization_round_trip(tmp_path):
    nlp = blank()
    data = nlp.tokenizer.to_bytes()
    assert isinstance(UndertheseaTokenizer(nlp.vocab).from_bytes(data), UndertheseaTokenizer)
    with pytest.raises(ValueError):
        UndertheseaTokenizer(nlp.vocab).from_bytes(b'{"name": "other"}')
    nlp.to_disk(tmp_path / "blank")
    import spacy

    again = spacy.load(tmp_path / "blank")
    text = "Sở Kế hoạch và Đầu tư thành phố Cần Thơ"
    assert [t.text for t in again(text)] == [t.text for t in nlp(text)]


TINY = [
    Annotated("Sở Y tế phối hợp với Công an tỉnh.\nỦy ban nhân dân huyện Phong Điền họp.",
              ((0, 7, "AGENCY"), (21, 33, "AGENCY"), (35, 67, "AGENCY"))),
    Annotated("Sở Tài chính trình Quyết định số 12/QĐ-UBND.", ((0, 12, "AGENCY"), (19, 43, "LEGAL_DOC"))),
]


def test_paragraph_examples_keep_their_spans():
    examples = paragraphs(TINY)
    assert [ex.text for ex in examples][:2] == ["Sở Y tế phối hợp với Công an tỉnh.",
                                                "Ủy ban nhân dân huyện Phong Điền họp."]
    for ex in examples:
        for s, e, _ in ex.spans:
            assert ex.text[s:e] in ("Sở Y tế", "Công an tỉnh", "Ủy ban nhân dân huyện Phong Điền",
                                    "Sở Tài chính", "Quyết định số 12/QĐ-UBND")


def test_short_training_run_writes_a_model_with_manifest(tmp_path):
    out = tmp_path / "tiny-ner"
    epochs = []
    manifest = train(TINY, out, epochs=3, dev=TINY, progress=lambda e, n, loss: epochs.append(e))
    assert epochs == [1, 2, 3]
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == manifest == read_manifest(out)
    assert manifest["name"] == "tiny-ner" and manifest["version"] == "1"
    assert set(manifest["labels"]) == {"AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "PERSON", "DATE"}
    assert manifest["metrics"]["per_label"]["AGENCY"]["support"] == 4
    assert manifest["metrics"]["per_label"]["LEGAL_DOC"]["support"] == 1
    # spaCy's own files (msgpack, JSON), no pickle anywhere
    for path in out.rglob("*"):
        if path.is_file():
            assert not _is_pickle(path.read_bytes()), path
    # continue training from it: the version goes up and the old directory is replaced whole
    again = train(TINY, out, base=out, epochs=1)
    assert again["version"] == "2" and again["base"] == str(out)
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())
    assert load_model(out)("Sở Y tế").text == "Sở Y tế"


def _is_pickle(data: bytes) -> bool:
    """Parse (never load) the bytes as a pickle stream: True only if it is a whole one."""
    import pickletools

    try:
        ops = list(pickletools.genops(data))
    except Exception:
        return False
    return bool(ops) and ops[-1][0].name == "STOP"


def test_pickle_detector_is_real():
    import pickle

    assert _is_pickle(pickle.dumps({"a": 1})) and not _is_pickle(b"\x80") and not _is_pickle(b'{"a": 1}')


def test_model_dir_refuses_what_is_not_a_model(tmp_path):
    with pytest.raises(InputError) as err:
        model_dir(tmp_path)
    assert err.value.cause == "not a vnreport model (no manifest.json or config.cfg)"


def test_score_counts_exact_spans_only():
    gold = [Annotated("x" * 40, ((0, 5, "AGENCY"), (10, 20, "PROJECT"), (30, 35, "DATE")))]
    predicted = [[(0, 5, "AGENCY"), (10, 19, "PROJECT"), (30, 35, "LOCATION")]]
    result = score(gold, predicted)
    assert result["per_label"]["AGENCY"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "support": 1, "predicted": 1}
    assert result["per_label"]["PROJECT"]["r"] == 0.0 and result["per_label"]["PROJECT"]["predicted"] == 1
    assert result["per_label"]["DATE"]["r"] == 0.0 and result["per_label"]["LOCATION"]["p"] == 0.0
    assert result["micro"]["p"] == pytest.approx(1 / 3, abs=1e-4) and result["micro"]["support"] == 3


@pytest.mark.parametrize("name", ["corpus/742-BC-SKHDT-2023-03.txt", "models/data/reports/dak-lak-2024-09.txt",
                                  "models/data/reports/quang-ninh-2024-06.txt"])
def test_both_runs_the_model_where_it_can_add_and_finds_what_the_full_run_finds(name):
    """`both` runs the model only on sentences with a free capital head of a document or place;
    the entities are those of a model run over every paragraph, merged the same way."""
    from nlp.entities import find_entities
    from nlp.entities.merge import fill_blocks, fill_gaps, rule_entities
    from nlp.entities.model import model_candidates
    from nlp.pipeline import load_report, stages_for

    root = Path(__file__).resolve().parents[2]
    report = load_report(root / name, stages_for("rules"))
    nlp = load_model()
    ruled = rule_entities(report)
    full = fill_gaps(ruled, model_candidates(report, nlp), report.text)
    assert [(e.start, e.end, e.label) for e in find_entities(report, ner="both")] == \
        [(c.start, c.end, c.label) for c in full]
    blocks = fill_blocks(report, ruled)
    share = sum(e - s for s, e in blocks) / len(report.text)
    assert share < 0.25, share  # the point of it: most of the text never reaches the model
    for start, end in blocks:
        assert any(p.start <= start and end <= p.end for p in report.paragraphs) or \
            any(f.body and f.body.start <= start and end <= f.body.end for f in report.footnotes)
