"""TextBuilder / OffsetMap: NFC repair that keeps an exact map to the raw characters."""

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text import TextBuilder


def build(raw, pieces):
    builder = TextBuilder(raw)
    for start, end in pieces:
        builder.copy(start, end)
    return builder.build()


def test_nfd_is_composed_and_maps_to_all_its_raw_marks():
    raw = "Vie\u0323\u0302t Nam"  # "Việt" with the dot below and circumflex decomposed
    text, offsets, old_to_new = build(raw, [(0, len(raw))])
    assert text == "Việt Nam"
    assert offsets.to_raw(2, 3) == (2, 5)  # "ệ" came from e + two marks
    assert offsets.to_raw(0, 4) == (0, 6)
    assert old_to_new[5] == 3 and old_to_new[len(raw)] == len(text)


def test_removed_slices_leave_no_text_and_keep_positions():
    raw = "tăng 4%[footnoteRef:1]. Tiếp"
    cut = raw.index("[")
    text, offsets, _ = build(raw, [(0, cut), (raw.index("]") + 1, len(raw))])
    assert text == "tăng 4%. Tiếp"
    dot = text.index(".")
    assert raw[offsets.to_raw(dot, dot + 1)[0]] == "."
    # an empty span where the marker was points at the marker in the raw file
    assert offsets.to_raw(dot, dot)[0] == cut


def test_inserted_separator_maps_to_a_zero_width_raw_position():
    builder = TextBuilder("ab")
    builder.copy(0, 2)
    builder.insert("\n", 2)
    text, offsets, _ = builder.build()
    assert text == "ab\n" and offsets.to_raw(2, 3) == (2, 2)


marks = st.sampled_from(["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u0306", "\u031b"])
letters = st.sampled_from(list("aeiouyAEIOUdĐđ ,.\n") + ["ư", "ơ", "ệ", "[", "]"])
chunks = st.lists(st.tuples(letters, st.lists(marks, max_size=3)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(chunks, st.data())
def test_any_nfd_text_round_trips(chunks, data):
    raw = "".join(base + "".join(ms) for base, ms in chunks)
    cut = data.draw(st.integers(0, len(raw)))
    text, offsets, _ = build(raw, [(0, cut), (cut, len(raw))])
    assert text == unicodedata.normalize("NFC", raw)
    assert len(offsets) == len(text)
    for i, char in enumerate(text):
        start, end = offsets.to_raw(i, i + 1)
        assert char in unicodedata.normalize("NFC", raw[start:end])
    # prefixes that end on a character boundary map back to raw text with the same NFC form
    # (characters composed from one cluster, "à" + a stray grave, share the cluster's raw span)
    boundaries = [i for i in range(1, len(text) + 1)
                  if i == len(text) or offsets.raw_starts[i] != offsets.raw_starts[i - 1]]
    for i in boundaries:
        start, end = offsets.to_raw(0, i)
        assert unicodedata.normalize("NFC", raw[start:end]) == text[:i]
