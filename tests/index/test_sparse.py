"""Lexical index on real Vietnamese text, tokenized by real underthesea (no mocks)."""

import json

import numpy as np
import pytest

from nlp.errors import VnreportError
from nlp.index.sparse import MANIFEST, LexicalIndex, fold, lexical_tokens, query_tokens

# One topic each; "tỉnh" (doc 3) and "Đền ơn đáp nghĩa" (doc 0) share folded syllables with the
# test query "nha tinh nghia", so the query has to win on all three syllables, not on one.
DOCS = [
    "Nhân dịp kỷ niệm ngày Thương binh - Liệt sĩ, huyện đã bàn giao 12 căn nhà tình nghĩa cho các gia "
    "đình chính sách. Mỗi căn nhà được hỗ trợ 60 triệu đồng từ Quỹ Đền ơn đáp nghĩa.",
    "Sở Kế hoạch và Đầu tư đã thẩm định 5 dự án đầu tư có vốn nước ngoài. Các dự án được hưởng ưu đãi "
    "về thuế thu nhập doanh nghiệp và tiền thuê đất.",
    "Diện tích thả nuôi cá tra trong quý I ước đạt 1.250 ha, tăng 3,5% so với cùng kỳ. Giá cá tra "
    "nguyên liệu giảm nhẹ do nhu cầu xuất khẩu chậm lại.",
    "Toàn tỉnh có 98% trường tiểu học dạy học 2 buổi/ngày. Ngành giáo dục tiếp tục sửa chữa cơ sở vật "
    "chất, bổ sung phòng học và thiết bị dạy học.",
    "Trung tâm Kiểm soát bệnh tật tổ chức tiêm vắc xin phòng sởi cho trẻ em dưới 5 tuổi. Không ghi "
    "nhận trường hợp tử vong do sốt xuất huyết trong tháng.",
    "Lực lượng cảnh sát giao thông đã xử lý 1.320 trường hợp vi phạm nồng độ cồn. Tai nạn giao thông "
    "giảm cả ba tiêu chí so với cùng kỳ năm trước.",
]


@pytest.fixture(scope="module")
def docs_tokens():
    from underthesea import word_tokenize

    return [lexical_tokens(word_tokenize(d, use_token_normalize=False)) for d in DOCS]


@pytest.fixture(scope="module")
def index(docs_tokens):
    return LexicalIndex.build(docs_tokens)


def top_rows(index, text, k=10, allowed=None):
    return [row for row, _ in index.search(query_tokens(text), k, allowed)]


def test_fold_strips_tones_and_marks_and_maps_d():
    assert fold("Nhà Tình Nghĩa") == "nha tinh nghia"
    assert fold("ĐẦU TƯ đường Đồng") == "dau tu duong dong"
    assert fold("ưu đãi, cơ sở, Ơn, Ưng") == "uu dai, co so, on, ung"
    assert fold("hoà hòa HOÀ") == "hoa hoa hoa"               # both tone placements fold alike
    assert fold("tăng 12,5% (IIP)") == "tang 12,5% (iip)"      # digits and punctuation untouched
    assert fold("Nha\u0300") == "nha"                          # decomposed input (NFD) folds too


def test_lexical_tokens_keep_vietnamese_words_and_add_folded_syllables():
    tokens = lexical_tokens(["Đầu tư", "ưu đãi", "cơ sở", ",", "12,5", "%", "Thả nuôi"])
    assert tokens == ["đầu_tư", "~dau", "~tu", "ưu_đãi", "~uu", "~dai", "cơ_sở", "~co", "~so",
                      "12,5", "~12,5", "thả_nuôi", "~tha", "~nuoi"]
    # đ/ư/ơ survive in the word tokens (an ASCII-only \w tokenizer would cut "đầu" to "u")
    assert {"đ", "ư", "ơ"} <= set("".join(t for t in tokens if not t.startswith("~")))
    assert lexical_tokens([]) == [] and lexical_tokens([".", "...", " ", "-"]) == []


def test_query_tokens_from_real_underthesea():
    tokens = query_tokens("Chính sách ưu đãi đầu tư tại các cơ sở sản xuất")
    assert {"ưu_đãi", "đầu_tư", "cơ_sở", "chính_sách"} <= set(tokens)
    assert {"~uu", "~dai", "~dau", "~tu", "~co", "~so"} <= set(tokens)
    assert {"~nha", "~tinh", "~nghia"} <= set(query_tokens("nha tinh nghia"))
    assert query_tokens("") == [] and query_tokens("   \n") == [] and query_tokens("... !") == []


def test_query_without_diacritics_finds_the_document(index):
    assert top_rows(index, "nha tinh nghia")[0] == 0
    assert top_rows(index, "nhà tình nghĩa")[0] == 0
    assert top_rows(index, "uu dai dau tu")[0] == 1
    assert top_rows(index, "tha nuoi ca tra")[0] == 2
    assert top_rows(index, "Tiêm vắc xin phòng sởi")[0] == 4


def test_exact_spelling_scores_above_folded(index):
    exact = dict(index.search(query_tokens("nhà tình nghĩa"), 3))
    folded = dict(index.search(query_tokens("nha tinh nghia"), 3))
    assert exact[0] > folded[0] > 0


def test_results_are_sorted_positive_and_unknown_tokens_ignored(index):
    hits = index.search(query_tokens("giảm so với cùng kỳ"), 10)
    scores = [score for _, score in hits]
    assert len(hits) >= 2 and scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)
    assert index.search(["không_có_trong_chỉ_mục", "~zzz"], 5) == []


def test_allowed_mask_is_respected(index):
    allowed = np.ones(len(index), dtype=bool)
    allowed[0] = False
    rows = top_rows(index, "nhà tình nghĩa", allowed=allowed)
    assert 0 not in rows and all(allowed[r] for r in rows)
    only_fish = np.zeros(len(index), dtype=bool)
    only_fish[2] = True
    assert top_rows(index, "so với cùng kỳ", allowed=only_fish) == [2]
    assert index.search(query_tokens("cá tra"), 5, np.zeros(len(index), dtype=bool)) == []
    with pytest.raises(VnreportError, match="mask"):
        index.search(query_tokens("cá tra"), 5, np.ones(len(index) + 1, dtype=bool))
    with pytest.raises(VnreportError, match="mask"):
        index.search(query_tokens("cá tra"), 5, np.ones(len(index), dtype=np.int64))


def test_k_larger_than_the_index_and_k_zero(index):
    hits = index.search(query_tokens("trường hợp so với cùng kỳ năm trước"), 1000)
    assert 2 <= len(hits) <= len(index) == len(DOCS)
    assert len({row for row, _ in hits}) == len(hits)
    assert index.search(query_tokens("cá tra"), 0) == []


def test_ties_go_to_the_lower_row_even_at_the_cut(docs_tokens):
    copies = LexicalIndex.build([docs_tokens[2]] * 5 + [docs_tokens[0]])
    assert [row for row, _ in copies.search(query_tokens("cá tra"), 3)] == [0, 1, 2]


def test_save_load_round_trip_gives_identical_results(index, tmp_path):
    index.save(tmp_path)
    loaded = LexicalIndex.load(tmp_path)
    assert len(loaded) == len(index)
    mask = np.array([i % 2 == 0 for i in range(len(index))])
    for text in ("nha tinh nghia", "ưu đãi đầu tư", "giảm so với cùng kỳ", "cơ sở vật chất"):
        tokens = query_tokens(text)
        assert loaded.search(tokens, 10) == index.search(tokens, 10)
        assert loaded.search(tokens, 10, mask) == index.search(tokens, 10, mask)
    # plain files only: JSON and .npy arrays that load without pickle
    for path in tmp_path.iterdir():
        assert path.suffix in {".json", ".npy"}, path
        if path.suffix == ".npy":
            np.load(path, allow_pickle=False)
        else:
            json.loads(path.read_text(encoding="utf-8"))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_bm25s_reads_the_saved_files_and_scores_alike(index, tmp_path):
    import bm25s

    index.save(tmp_path)
    theirs = bm25s.BM25.load(tmp_path, load_corpus=False, allow_pickle=False)
    tokens = query_tokens("ưu đãi đầu tư cho cơ sở giáo dục")
    scores = theirs.get_scores_from_ids([theirs.vocab_dict[t] for t in tokens if t in theirs.vocab_dict])
    hits = index.search(tokens, 10)
    assert len(hits) >= 2
    for row, score in hits:
        assert score == pytest.approx(float(scores[row]), rel=1e-6)
    assert np.count_nonzero(scores > 0) == len(hits)


def test_save_replaces_an_index_and_load_rejects_tampering(index, docs_tokens, tmp_path):
    index.save(tmp_path)
    LexicalIndex.build(docs_tokens[:2]).save(tmp_path)
    assert len(LexicalIndex.load(tmp_path)) == 2
    vocab = next(p for p in tmp_path.iterdir() if p.name.startswith("vocab"))
    vocab.write_text("{}", encoding="utf-8")
    with pytest.raises(VnreportError, match="does not match"):
        LexicalIndex.load(tmp_path)
    with pytest.raises(VnreportError, match="no manifest.json"):
        LexicalIndex.load(tmp_path / "missing")
    (tmp_path / MANIFEST).write_text('{"format": "other"}', encoding="utf-8")
    with pytest.raises(VnreportError, match="format"):
        LexicalIndex.load(tmp_path)


def test_empty_index_and_empty_query(index, tmp_path):
    for empty in (LexicalIndex.build([]), LexicalIndex.build([[], []])):
        assert empty.search(query_tokens("nhà tình nghĩa"), 5) == []
        assert empty.search([], 5) == []
        empty.save(tmp_path / str(len(empty)))
        assert len(LexicalIndex.load(tmp_path / str(len(empty)))) == len(empty)
    assert len(LexicalIndex.build([])) == 0
    assert index.search([], 5) == [] and index.search(query_tokens(""), 5) == []
    with pytest.raises(VnreportError, match="string"):
        index.search("nhà tình nghĩa", 5)


def test_old_and_new_tone_placement_give_the_same_tokens():
    from nlp.index.sparse import lexical_tokens, query_tokens

    assert lexical_tokens(["Hoà Bình"]) == lexical_tokens(["Hòa Bình"]) == ["hòa_bình", "~hoa", "~binh"]
    # a document's words come from its own segmentation; the folded syllables always meet
    assert lexical_tokens(["hoà"])[-1] == lexical_tokens(["hòa"])[-1] == "~hoa"
    assert lexical_tokens(["thuỷ lợi"]) == lexical_tokens(["thủy lợi"])
    assert lexical_tokens(["khoẻ"]) == lexical_tokens(["khỏe"])
    assert query_tokens("kinh tế hoà bình") == query_tokens("kinh tế hòa bình")


def test_an_unaccented_question_takes_the_spelling_of_its_passages():
    from nlp.index.sparse import restore_diacritics

    texts = ["Số ca sốt xuất huyết trong tháng là 45 ca, tăng 12 ca so với tháng trước.",
             "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 3.000 tỷ đồng."]
    assert restore_diacritics("so ca sot xuat huyet", texts) == "số ca sốt xuất huyết"
    assert restore_diacritics("Tong thu ngan sach bao nhieu", texts) == "tổng thu ngân sách bao nhiêu"
    assert restore_diacritics("so ca xyzzy", texts) == "số ca xyzzy"  # a syllable never seen stays
    assert restore_diacritics("so ca", []) == "so ca"


def test_a_longer_run_and_a_better_passage_decide_the_spelling():
    from nlp.index.sparse import restore_diacritics

    # "thu" alone is mostly "thụ" here, but the run "tong thu" is spelled "tổng thu"
    texts = ["Người thụ hưởng; thụ động; thụ lý hồ sơ.", "Tổng thu ngân sách tăng."]
    assert restore_diacritics("tong thu", texts) == "tổng thu"
    assert restore_diacritics("thu", texts) == "thụ"
    # one spelling each: the passage BM25 ranked first wins
    assert restore_diacritics("cai rang", ["quận Cái Răng", "cái răng"]) == "cái răng"
    assert restore_diacritics("ban giao", ["bàn giao nhà", "ban giáo dục"]) == "bàn giao"
    assert restore_diacritics("ban giao", ["ban giáo dục", "bàn giao nhà"]) == "ban giáo"
