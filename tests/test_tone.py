"""Tone placement: "hoà" and "hòa" meet; nothing else moves; length and case never change."""

import doctest
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import tone
from nlp.index.sparse import fold
from nlp.tone import VIETNAMESE_LETTERS, is_syllable, modern_tone
from tests.conftest import SEED

TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"


@pytest.mark.parametrize("new, old", [
    ("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("tuỳ", "tùy"), ("uỷ", "ủy"),
    ("thuý", "thúy"), ("hoá", "hóa"), ("toà", "tòa"), ("xoè", "xòe"), ("hoạ", "họa"),
    ("luỹ", "lũy"), ("khoá", "khóa"), ("thoả", "thỏa"), ("huỷ", "hủy"),
])
def test_both_placements_meet(new, old):
    assert modern_tone(new) == modern_tone(old) == old
    for variant in (str.upper, str.title):
        assert modern_tone(variant(new)) == modern_tone(variant(old)) == variant(old)


@pytest.mark.parametrize("word", [
    # a final consonant: the last vowel
    "hoàn", "toán", "hoạch", "huỳnh", "khoản", "quýt",
    # ă â ê ô ơ ư carry the tone (ơ of ươ)
    "khuyến", "người", "được", "tuần", "thuở", "rượu", "cuối", "nghiêng", "Việt", "hữu", "mưa",
    # qu and gi are the onset
    "quá", "quả", "quý", "quỹ", "giữ", "già", "giỏi", "giếng", "giường", "gì", "gìn",
    # other two-vowel clusters: the first; three without marks: the middle
    "hài", "cháo", "tàu", "này", "kéo", "mía", "dìu", "hói", "mùa", "túi", "ngoài", "xoáy", "khuỷu",
    # one vowel, no tone, not Vietnamese
    "là", "ý", "hoa", "UBND", "2023", "Café", "José", "résumé", "",
])
def test_what_has_its_place_already_stays(word):
    assert modern_tone(word) == word


@pytest.mark.parametrize("wrong, right", [("qúy", "quý"), ("qùa", "quà"), ("gịa", "giạ"), ("tòan", "toàn"),
                                          ("cuả", "của"), ("điạ", "địa"), ("ngòai", "ngoài")])
def test_misplaced_tones_are_put_right(wrong, right):
    assert modern_tone(wrong) == right


def test_case_of_every_letter_is_kept():
    assert modern_tone("HOÀ") == "HÒA"
    assert modern_tone("Hoà") == "Hòa"
    assert modern_tone("hOÀ") == "hÒA"
    assert modern_tone("UỶ BAN") == "ỦY BAN"


def test_text_between_words_is_left_alone():
    text = "Uỷ ban (UBND) tỉnh: hoà_bình, sức khoẻ… 12,5% “thuỷ lợi”\n\t~hoa"
    assert modern_tone(text) == "Ủy ban (UBND) tỉnh: hòa_bình, sức khỏe… 12,5% “thủy lợi”\n\t~hoa"


def test_is_syllable():
    assert all(map(is_syllable, ["nghiêng", "Quốc", "giữa", "hoà", "hòa", "ủy", "khuỷu", "a"]))
    assert not any(map(is_syllable, ["Vieọt", "caùc", "préfet", "hoàà", "ăn̉", "UBND", "tiê", "saun"]))


def test_seed_report_keeps_length_and_search_key():
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    start = time.perf_counter()
    out = modern_tone(text)
    assert time.perf_counter() - start < 1.0  # ~5 ms measured; a loose bound for a busy machine
    assert len(out) == len(text) and fold(out) == fold(text)
    assert out.count("thủy") == text.count("thủy") + text.count("thuỷ")


def test_module_examples():
    assert doctest.testmod(tone).failed == 0


# Vietnamese-like text: random letters (toned or not, both cases), consonant clusters,
# punctuation; and random syllables with the tone on any vowel, which move often.
_PIECES = sorted(VIETNAMESE_LETTERS) + list("aeiouyAEIOUY") + [
    "ng", "ngh", "nh", "qu", "gi", "th", "tr", "ch", "kh", "Qu", "GI", "c", "t", "n", "m", "p", "h", "b", "đ",
    " ", " ", " ", "_", ",", ".", "\n", "1", "-",
]
_CLUSTERS = ["a", "ơ", "oa", "oe", "uy", "ai", "ua", "ưa", "uô", "ươ", "iê", "oai", "uyê", "ươi", "uya"]


@st.composite
def _syllable(draw):
    cluster = draw(st.sampled_from(_CLUSTERS))
    at = draw(st.integers(0, len(cluster) - 1))
    toned = cluster[:at + 1] + draw(st.sampled_from([*TONE_MARKS, ""])) + cluster[at + 1:]
    word = draw(st.sampled_from(["", "h", "qu", "gi", "ngh", "th", "đ"])) + toned
    word += draw(st.sampled_from(["", "", "n", "ng", "ch", "t"]))
    return draw(st.sampled_from([str.lower, str.upper, str.title]))(unicodedata.normalize("NFC", word))


vietnamese_like = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.lists(st.tuples(_syllable(), st.sampled_from([" ", ", ", "_", "\n"])), max_size=12).map(
        lambda pairs: "".join(a + b for a, b in pairs)),
)


@settings(max_examples=500, deadline=None)
@given(vietnamese_like)
def test_property_length_idempotence_and_only_tones_move(text):
    out = modern_tone(text)
    assert len(out) == len(text)
    assert modern_tone(out) == out
    assert fold(out) == fold(text)
    assert [ch.isupper() for ch in out] == [ch.isupper() for ch in text]
    assert sorted(_tones(out)) == sorted(_tones(text))


_ONSETS = ["", "h", "kh", "th", "t", "l", "x", "ng", "ch", "Th", "H"]  # qu, gi + oa: no syllable


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_ONSETS), st.sampled_from(["oa", "oe", "uy"]), st.sampled_from(TONE_MARKS),
       st.sampled_from([str.lower, str.upper, str.title]))
def test_property_open_oa_oe_uy_meet_whichever_vowel_has_the_tone(onset, cluster, mark, case):
    first = unicodedata.normalize("NFC", onset + cluster[0] + mark + cluster[1])
    second = unicodedata.normalize("NFC", onset + cluster + mark)
    assert modern_tone(case(first)) == modern_tone(case(second))


def _tones(text):
    return [m for ch in text for m in unicodedata.normalize("NFD", ch) if m in TONE_MARKS]
