"""Property tests: offsets survive every text repair, and the number grammar round-trips."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures import format_number, parse_number
from nlp.ingest.segmented import read_segmented
from nlp.ingest.txt import parse_word_export

SYLLABLES = ["Sở", "Tài", "chính", "tỉnh", "Cần", "Thơ", "tăng", "giảm", "đạt", "hòa", "thuỷ", "Ủy", "ban",
             "nhân", "dân", "dự", "án", "Việt", "Nam", "lúa", "2.412", "ha", "29%", "KH", "(UBND)", "-", ",", "."]
nfd_or_nfc = st.sampled_from(["NFC", "NFD"])


@st.composite
def word_export(draw):
    """A Word .txt export: paragraphs of Vietnamese words (NFC or NFD), footnote markers in
    the text, their bodies at the paragraph's end, bookmarks, CRLF or LF line ends."""
    lines, number = [], 0
    for _ in range(draw(st.integers(1, 5))):
        words = draw(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=12))
        bodies = []
        for k in sorted(draw(st.sets(st.integers(0, len(words)), max_size=3)), reverse=True):
            number += 1
            words.insert(k, f"[footnoteRef:{number}]")
            body = " ".join(draw(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=6)))
            bodies.append(f"[{number}:  {body}]")
        if draw(st.booleans()):
            words.insert(0, "[bookmark: _Toc1]")
        line = " ".join(words) + " " + " ".join(bodies)
        lines.append(unicodedata.normalize(draw(nfd_or_nfc), line))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines)


@settings(max_examples=150, deadline=None)
@given(word_export())
def test_word_export_offsets_round_trip(raw):
    ing = parse_word_export(raw)
    assert unicodedata.is_normalized("NFC", ing.text)
    for i, char in enumerate(ing.text):
        start, end = ing.offsets.to_raw(i, i + 1)
        if start == end:
            assert char == "\n"  # only inserted separators map to a point
            continue
        piece = raw[start:end]
        assert char in unicodedata.normalize("NFC", piece), (i, char, piece)
        assert "[" not in piece or char == "["  # no character comes from a marker
    for note in ing.footnotes:
        body = ing.text[note.body[0]:note.body[1]]
        start, end = ing.offsets.to_raw(*note.body)
        assert unicodedata.normalize("NFC", raw[start:end]) == body


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SYLLABLES), min_size=1, max_size=10), min_size=1, max_size=4))
def test_segmented_offsets_round_trip(sentences):
    raw = "\n".join(" ".join(w.replace(" ", "_") for w in words) for words in sentences)
    ing = read_segmented(raw)
    for i, char in enumerate(ing.text):
        start, end = ing.offsets.to_raw(i, i + 1)
        if start < end:
            assert raw[start:end] == char or (char == " " and raw[start:end] in ("_", " "))


amounts = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False,
                      allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(amounts)
def test_numbers_parse_what_they_print(value):
    written = format_number(value)
    assert "," not in written or written.count(",") == 1
    assert Decimal(str(parse_number(written.lstrip("-")))) == abs(value).normalize() or \
        abs(parse_number(written.lstrip("-")) - float(abs(value))) < 1e-6


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("999999.999"), places=3),
       st.sampled_from([("tỷ đồng", 10**9, "VND"), ("triệu USD", 10**6, "USD"), ("nghìn tấn", 10**3, "tấn"),
                        ("%", 1, "%"), ("ha", 1, "ha")]))
def test_figures_read_what_we_write(value, unit):
    from nlp.pipeline import DEFAULT_STAGES, report_from_text

    words, scale, expected_unit = unit
    sep = "" if words == "%" else " "
    report = report_from_text(f"Tổng vốn đạt {format_number(value)}{sep}{words} trong quý I.\n",
                              stages=DEFAULT_STAGES[:6])
    (figure,) = [f for f in report.figures if f.kind != "ratio"]
    assert figure.unit == expected_unit
    assert abs(Decimal(str(figure.value)) - value * scale) <= Decimal("0.0001") * scale


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789.,/%- ") + ["tỷ", "triệu", " đồng", "KH", "ha", "hơn "]),
                max_size=30).map("".join))
def test_number_grammar_never_crashes(noise):
    from nlp.pipeline import DEFAULT_STAGES, report_from_text

    report = report_from_text(f"Đạt {noise} so với cùng kỳ.\n", stages=DEFAULT_STAGES[:6])
    for figure in report.figures:
        assert report.text[figure.start:figure.end] == figure.text


_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 15), st.sampled_from(["AGENCY", "DATE", "PROJECT"])),
                  max_size=40)


@given(_SPANS)
@settings(max_examples=300, deadline=None)
def test_overlap_resolution_keeps_a_flat_set_chosen_longest_first(raw):
    """The merge keeps non-overlapping spans; every dropped span overlaps a kept one at least as
    long; and it agrees with the plain quadratic greedy it replaced."""
    from nlp.entities import Candidate, resolve_overlaps
    from nlp.entities.merge import LABEL_PRIORITY

    cands = [Candidate(label, start, start + length, "t") for start, length, label in raw]
    kept = resolve_overlaps(cands)
    assert all(a.end <= b.start for a, b in zip(kept, kept[1:]))
    for c in cands:
        if c not in kept:
            assert any(k.start < c.end and c.start < k.end and k.end - k.start >= c.end - c.start for k in kept)
    rank = {label: i for i, label in enumerate(LABEL_PRIORITY)}
    greedy: list = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), rank[c.label], c.start)):
        if not any(c.start < g.end and g.start < c.end for g in greedy):
            greedy.append(c)
    assert kept == sorted(greedy, key=lambda c: c.start)
