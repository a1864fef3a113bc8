"""Sentence vectors: besides its own vector, each passage has one per sentence (index format 2);
a passage's dense score is the best cosine of its vectors, in the local index and in Milvus."""

import json

import numpy as np
import pytest

from nlp.errors import VnreportError
from nlp.index.build import build_index
from nlp.index.dense import DenseIndex, best_per_row, top_rows
from nlp.index.filters import Filters
from nlp.index.manifest import FORMAT_VERSION
from nlp.index.prepare import SENTENCE_MIN_WORDS, SENTENCES_PER_PASSAGE
from nlp.index.search import Index, embedding_query
from nlp.index.store import connect
from tests.conftest import LAYOUTS


def _generation(index_dir):
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    return index_dir / manifest["generation"]


def test_top_rows_keeps_each_rows_best_vector_and_asks_for_more():
    vectors = [(5, 0.9), (5, 0.89), (5, 0.88), (5, 0.87), (2, 0.86), (9, 0.80), (2, 0.1)]
    asked = []

    def search(k):
        asked.append(k)
        return vectors[:k]

    assert top_rows(search, 2) == [(5, 0.9), (2, 0.86)]
    assert asked == [8]  # 2 rows × 4 vectors were enough
    asked.clear()
    assert top_rows(search, 1) == [(5, 0.9)] and asked == [4]
    assert top_rows(lambda k: vectors[:k], 5) == [(5, 0.9), (2, 0.86), (9, 0.80)]  # every vector seen: 3 rows
    assert best_per_row([(1, 0.5), (0, 0.5), (1, 0.7)]) == [(1, 0.7), (0, 0.5)]


@pytest.mark.slow
def test_every_vector_maps_to_an_existing_passage(seed_index_dir):
    gen = _generation(seed_index_dir)
    rows, vector_rows = np.load(gen / "rows.npy"), np.load(gen / "vector_rows.npy")
    assert len(vector_rows) == len(DenseIndex.load(gen / "dense.faiss"))
    assert list(vector_rows[:len(rows)]) == list(rows)  # each passage's own vector first, in row order
    assert set(vector_rows) == set(rows)  # no vector of a passage that is not there
    conn = connect(gen / "store.sqlite", readonly=True)
    sentences = conn.execute("SELECT s.passage, s.text, p.text AS passage_text FROM sentences s "
                             "JOIN passages p ON p.row = s.passage ORDER BY s.passage, s.row").fetchall()
    assert len(vector_rows) - len(rows) == len(sentences) > len(rows)  # most passages hold several sentences
    assert list(vector_rows[len(rows):]) == [s["passage"] for s in sentences]
    for s in sentences:
        assert s["text"] in s["passage_text"] and s["text"] != s["passage_text"].strip()
        assert len(s["text"].split()) >= SENTENCE_MIN_WORDS
    per_passage = np.bincount(vector_rows[len(rows):])
    assert per_passage.max() <= SENTENCES_PER_PASSAGE


@pytest.mark.slow
@pytest.mark.parametrize("question", ["Diện tích thả nuôi thủy sản", "tourist arrivals", "giải ngân vốn đầu tư công"])
def test_a_passages_dense_score_is_its_best_vector(seed_index, seed_index_dir, question):
    """The dense list equals brute force over every stored vector: max cosine per passage."""
    gen = _generation(seed_index_dir)
    vector_rows = np.load(gen / "vector_rows.npy")
    dense = DenseIndex.load(gen / "dense.faiss")._index
    matrix = dense.reconstruct_n(0, dense.ntotal)
    query = seed_index.embedder.embed_queries([embedding_query(question)])[0]
    cosines = matrix @ query
    best = {}
    for row, cosine in zip(vector_rows, cosines):
        best[int(row)] = max(best.get(int(row), -1.0), float(cosine))
    expected = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:20]
    found = seed_index.backend.retrieve([], query, 20, Filters())[1]
    assert [row for row, _ in found] == [row for row, _ in expected]
    assert np.allclose([s for _, s in found], [s for _, s in expected], atol=1e-5)


def test_an_old_index_is_refused_in_one_line_and_rebuilt_by_a_build(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "edge.txt").write_text((LAYOUTS / "footnotes-edge.txt").read_text(encoding="utf-8"), encoding="utf-8")
    index_dir = tmp_path / "idx"
    build_index([corpus], index_dir, embedder="hash")
    path = index_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format_version"] = 1  # as written before sentence vectors
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(VnreportError) as err:
        Index.open(index_dir)
    assert str(err.value) == (f"{path}: index format 1 is not this vnreport's ({FORMAT_VERSION}); "
                              "rebuild it (vnreport build)")
    again = build_index([corpus], index_dir, embedder="hash")
    assert len(again.added) == 1 and not again.unchanged  # extracted and embedded afresh, not reused
    index = Index.open(index_dir)
    try:
        assert index.search("khách tham quan", k=1)
    finally:
        index.close()


@pytest.mark.slow
def test_one_sentence_deep_in_a_long_passage_ranks_it_first_by_the_dense_list_alone(seed_index, seed_index_dir):
    """"Thực hiện hồ sơ khoa học của 57 hiện vật" is the 6th of 9 sentences of a 982-character
    passage on culture; by its own vector the passage ranks 2nd for the question, by its best
    (that sentence's) 1st."""
    question, needle = "hồ sơ khoa học của hiện vật bảo tàng", "hồ sơ khoa học của 57 hiện vật"
    hits = seed_index.search(question, k=5, weights=(0.0, 1.0))
    assert needle in hits[0].text and hits[0].text.index(needle) > 500 and len(hits[0].text) > 900
    gen = _generation(seed_index_dir)
    rows = np.load(gen / "rows.npy")
    dense = DenseIndex.load(gen / "dense.faiss")._index
    own = dense.reconstruct_n(0, len(rows)) @ seed_index.embedder.embed_queries([embedding_query(question)])[0]
    by_own = [int(rows[p]) for p in np.argsort(-own)]
    top_row = seed_index.backend.retrieve([], seed_index.embedder.embed_queries([embedding_query(question)])[0], 1,
                                          Filters())[1][0][0]
    assert by_own.index(top_row) > 0  # its passage vector alone would not put it first
    assert seed_index.search(question, k=1)[0].text == hits[0].text  # and the fused ranking keeps it


def test_one_near_verbatim_sentence_does_not_narrow_the_relevance_floor():
    from nlp.index.fusion import DENSE_BAND, fuse

    # a sentence far above the rest ("Diện tích thả nuôi thủy sản": 0.925, then 0.845, 0.844, ...)
    dense = [(1, 0.925), (2, 0.845), (3, 0.844), (4, 0.845 - DENSE_BAND + 1e-7), (5, 0.80), (6, 0.78)]
    kept = [row for row, _, _ in fuse([], dense, (0.0, 1.0))]
    assert kept == [1, 2, 3, 4]  # within the band of the runner-up; 4 sits on the floor (float noise kept out)
