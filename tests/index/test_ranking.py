"""Ranking on the seed, read from real text: folding of the question, a strong lexical match
kept on top, the relevance floor, snippets and answers as exact spans, paging."""

import json

import pytest

from nlp.index.fusion import fuse, rrf
from nlp.index.search import Page, embedding_query
from nlp.index.snippets import asks_quantity, sentence_spans
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # the session's seed index takes ~35 s to build

QUESTIONS = [json.loads(line)["question"] for line in
             (ROOT / "tests" / "data" / "questions.dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def ids(hits):
    return [h.passage_id for h in hits]


def test_case_and_tone_marks_do_not_change_the_ranking(seed_index):
    assert embedding_query("NGÂN SÁCH Nhà Nước, HOÀ") == embedding_query("ngân sách nhà nước, hòa")
    upper = seed_index.search("THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN", k=10)
    lower = seed_index.search("thu ngân sách nhà nước trên địa bàn", k=10)
    assert ids(upper) == ids(lower) and [h.score for h in upper] == [h.score for h in lower]
    assert ids(seed_index.search("hoà giải cơ sở", k=10)) == ids(seed_index.search("hòa giải cơ sở", k=10))


def test_a_strong_lexical_match_keeps_the_top(seed_index):
    # issue 16: BM25's rank 1, absent from the dense list, used to end at rank 13
    hits = seed_index.search("giai quyet viec lam cho bao nhieu lao dong", k=10)
    assert "giải quyết việc làm cho 5.263 lao động" in hits[0].text
    assert hits[0].ranks["bm25"] == 1


def test_a_lone_top_bm25_row_beats_small_ranks_in_both_lists():
    lexical = [(7, 30.0), (1, 12.0), (2, 11.0)]  # row 7 stands far above its runner-up
    dense = [(row, 0.86 - 0.003 * n) for n, row in enumerate([10, 11, 12, 13, 1, 2, 14, 15, 16, 17])]
    for weights in ((1.0, 1.0), (1.0, 0.3)):  # Vietnamese, and without diacritics as in issue 16
        plain = [row for row, _, _ in rrf(lexical, dense, weights)]
        fused = [row for row, _, _ in fuse(lexical, dense, weights)]
        assert plain.index(7) > plain.index(1) and plain.index(7) > plain.index(2)  # plain RRF loses it
        assert fused.index(7) < fused.index(1) and fused.index(7) < fused.index(2)
    assert fused[0] == 7


def test_a_nonsense_question_has_no_hits(seed_index):
    assert seed_index.search_page("xyzzyqwerty", k=10) == Page([], 0)
    assert seed_index.search("xyzzyqwerty") == []


@pytest.mark.parametrize("question", QUESTIONS[::5])
def test_snippets_are_exact_spans_inside_their_hit(seed_index, seed, question):
    for hit in seed_index.search(question, k=5):
        snippet = hit.snippet
        assert seed.text[snippet.start:snippet.end] == snippet.text
        assert hit.start <= snippet.start < snippet.end <= hit.end
        assert hit.to_dict()["snippet"] == {"start": snippet.start, "end": snippet.end, "text": snippet.text}


def test_the_snippet_is_the_sentence_that_matches():
    text = "Chỉ số giá tiêu dùng tăng 0,21%. Tổng thu ngân sách nhà nước trên địa bàn ước đạt 3.000 tỷ đồng, đạt 25% dự toán."
    assert [text[s:e] for s, e in sentence_spans(text)][1].startswith("Tổng thu ngân sách")


def test_a_quantity_question_gets_its_figure(seed_index, seed):
    question = "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ quý I/2023 đạt bao nhiêu"
    assert asks_quantity(question) and asks_quantity("how many workers") and not asks_quantity("nông thôn mới")
    hit = seed_index.search(question, k=3)[0]
    answer = hit.answer
    assert answer["text"] == "28.684,031 tỷ đồng" and answer["unit"] == "VND"
    assert answer["value"] == pytest.approx(28_684_031_000_000)
    assert seed.text[answer["start"]:answer["end"]] == answer["text"]
    assert hit.snippet.start <= answer["start"] < answer["end"] <= hit.snippet.end
    assert hit.to_dict()["answer"] == answer
    assert all(h.answer is None for h in seed_index.search("tổng mức bán lẻ hàng hóa quý I/2023", k=3))


def test_pages_follow_one_ranking_and_share_the_total(seed_index):
    question = "giải ngân vốn đầu tư công"
    first, second = seed_index.search_page(question, k=5), seed_index.search_page(question, k=5, offset=5)
    assert ids(first.hits) + ids(second.hits) == ids(seed_index.search(question, k=10))
    assert first.total == second.total >= 10
    beyond = seed_index.search_page(question, k=5, offset=first.total)
    assert beyond == Page([], first.total)
    assert len(seed_index.search_page(question, k=first.total + 5).hits) == first.total


def test_an_unaccented_question_is_embedded_as_the_report_spells_it(seed_index):
    # the embedder reads "don khieu nai" poorly; respelled from the passages BM25 finds, the
    # dense side ranks the answer as it does for the question typed with its diacritics
    plain = seed_index.search("tiep nhan don khieu nai to cao phan anh kien nghi", k=5)
    accented = seed_index.search("tiếp nhận đơn khiếu nại tố cáo phản ánh kiến nghị", k=5)
    assert "Tiếp nhận 349 đơn khiếu nại" in plain[0].text
    assert plain[0].ranks["dense"] == accented[0].ranks["dense"] == 1
