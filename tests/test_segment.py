"""Sentences and words with offsets, whatever underthesea does to whitespace."""

from nlp.segment import split_sentences, tokenize_words


def test_sentences_keep_offsets_and_never_cross_blocks():
    text = "Tăng 4%. Giảm 2%.\nQuý I/2023, đạt 29% KH."
    sentences = split_sentences(text, [(0, 17), (18, len(text))])
    assert [s.text for s in sentences] == ["Tăng 4%.", "Giảm 2%.", "Quý I/2023, đạt 29% KH."]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_abbreviation_does_not_end_a_sentence():
    text = "Đoàn công tác làm việc tại TP. Cần Thơ vào ngày 10. Kết quả tốt."
    sentences = split_sentences(text, [(0, len(text))])
    assert sentences[0].text == "Đoàn công tác làm việc tại TP. Cần Thơ vào ngày 10."


def test_words_are_aligned_across_irregular_spaces_and_keep_spelling():
    text = "Sở Kế  hoạch và Đầu tư hoà giải mục\ttiêu."
    sentences = split_sentences(text, [(0, len(text))])
    tokens = tokenize_words(text, sentences)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    words = [t.text for t in tokens]
    assert "Kế  hoạch" in words                      # one word across two spaces
    assert any("hoà" in w for w in words)            # no "hoà" -> "hòa" normalization
    assert "hòa" not in text
    # tokens are in order and do not overlap
    assert all(a.end <= b.start for a, b in zip(tokens, tokens[1:]))


def test_seed_words_cover_the_letters(seed):
    covered = set()
    for t in seed.tokens:
        covered.update(range(t.start, t.end))
    letters = [i for i in range(seed.body_end) if seed.text[i].isalpha()]
    assert sum(i in covered for i in letters) / len(letters) > 0.99


def test_person_spans_survive_underthesea_rewriting_a_word():
    """underthesea's NER writes "hoà" as "hòa"; the tags after it must stay on their words."""
    from nlp.segment import person_spans
    from nlp.types import Sentence

    for text in ("Buổi hoà nhạc do ông Trần Văn Nam chủ trì.",
                 "Đêm hoà nhạc và lễ hội do ông Trần Văn Nam chủ trì tổ chức."):
        spans = person_spans(text, Sentence(0, len(text), text))
        assert [text[a:b] for a, b in spans] == ["Trần Văn Nam"], text


def test_pos_tags_of_words_already_segmented():
    from nlp.segment import pos_tags

    tags = pos_tags(["Sở", "Tài chính", "đã", "ban hành", "hướng dẫn"])
    assert len(tags) == 5 and tags[2] == "R" and tags[3] == "V"
