"""The question's language picks the fusion weights: Vietnamese leans a little on the dense
side, unaccented Vietnamese on BM25's folded field, anything else on the multilingual
embedder. Names and acronyms are written alike in both languages, so they do not decide."""

import unicodedata

import pytest

from nlp.index.fusion import (WEIGHTS_FOREIGN, WEIGHTS_NO_DIACRITICS, WEIGHTS_VIETNAMESE, query_language,
                              query_weights)


@pytest.mark.parametrize("question, language", [
    ("Diện tích thả nuôi thủy sản quý I là bao nhiêu?", "vietnamese"),
    ("số lượng startup fintech thành lập mới", "vietnamese"),  # a few English loanwords
    ("Krông Pắc", "vietnamese"),  # marked, though no Viet74K syllable
    ("dien tich tha nuoi thuy san", "unaccented"),
    ("dien tap khu vuc phong thu quan Cai Rang", "unaccented"),
    ("von FDI va ODA nam 2023", "unaccented"),  # acronyms do not make it English
    ("tong thu ngan sach Q1", "unaccented"),
    ("TONG THU NGAN SACH", "unaccented"),
    ("aquaculture area stocked in the first quarter", "foreign"),
    ("container throughput at ICD Tan Cang Song Than and An Son port", "foreign"),  # names do not vote
    ("how many visitors came to Cần Thơ in March", "foreign"),  # a marked place name in English
    ("share of Korean visitors among international tourists to Đà Nẵng", "foreign"),
    ("", "vietnamese"),
])
def test_the_language_of_a_question(question, language):
    assert query_language(question) == language


def test_an_english_question_routes_to_the_dense_heavy_weights():
    for question in ("bad debt ratio of the banking system", "dengue fever cases in Bình Dương"):
        bm25, dense = query_weights(question)
        assert (bm25, dense) == WEIGHTS_FOREIGN and dense >= 5 * bm25
    assert query_weights("tỷ lệ nợ xấu của hệ thống ngân hàng") == WEIGHTS_VIETNAMESE
    assert query_weights("ty le no xau cua he thong ngan hang") == WEIGHTS_NO_DIACRITICS


def test_nfd_reads_as_nfc():
    question = "số ca tay chân miệng quý 1"
    assert query_language(unicodedata.normalize("NFD", question)) == query_language(question) == "vietnamese"
