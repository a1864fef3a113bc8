"""Footnote links on the seed (26 footnotes) and on the edge-case fixture."""

import re

from nlp import load_report
from nlp.footnotes import claim_sentence
from nlp.types import Sentence
from tests.conftest import LAYOUTS


def test_seed_has_26_linked_footnotes_and_no_marker_left(seed, seed_raw):
    assert [f.id for f in seed.footnotes] == list(range(1, 27))
    assert not seed.warnings
    assert "[footnoteRef" not in seed.text and "[bookmark" not in seed.text
    assert not re.search(r"\[\d+:\s", seed.text)


def test_every_seed_claim_holds_its_marker_in_the_raw_file(seed, seed_raw):
    for note in seed.footnotes:
        raw_start, raw_end = seed.raw_span(note.claim.start, note.claim.end)
        assert f"[footnoteRef:{note.id}]" in seed_raw[raw_start:raw_end], note.id
        assert note.claim.start <= note.anchor <= note.claim.end
        assert note.claim.end <= seed.body_end <= note.body.start
        # the body is what the raw "[N:  …]" holds, trimmed
        raw_start, raw_end = seed.raw_span(note.body.start, note.body.end)
        assert seed_raw[:raw_start].rstrip().endswith(f"[{note.id}:")
        assert seed_raw[raw_end:].lstrip().startswith("]")


def test_seed_claims_read_by_hand(seed):
    notes = {f.id: f for f in seed.footnotes}
    assert notes[1].claim.text == (
        "Quý I/2023, chỉ số phát triển sản xuất công nghiệp ước tăng 3,73% so với cùng kỳ năm trước.")
    assert notes[1].body.text.startswith("Trong đó, ngành công nghiệp chế biến chế tạo tăng 3,32%")
    assert notes[3].claim.text == "Sản lượng thịt hơi các loại đạt 10.114 tấn."
    assert notes[3].body.text.startswith("Thịt gia súc 7.290 tấn")
    # marker after a bare number: "… với 173[footnoteRef:23] lượt khách nước ngoài."
    assert notes[23].claim.text.endswith("làm việc với 35 đoàn với 173 lượt khách nước ngoài.")
    assert seed.text[notes[23].anchor - 3:notes[23].anchor] == "173"
    assert notes[23].body.text.startswith("Đến từ các quốc gia: Nhật Bản, Hoa Kỳ")
    # footnote 12's body stands after the marker of 13 in the raw file
    assert notes[12].body.text.startswith("Sốt xuất huyết ghi nhận 295 trường hợp")
    assert notes[13].body.text.startswith("Tay chân miệng, cúm A (H5N1)")
    # the bullet label is not part of a sentence
    assert notes[5].claim.text.startswith("Hoạt động các khu công nghiệp: tháng 03/2023")


def test_edge_fixture_links():
    report = load_report(LAYOUTS / "footnotes-edge.txt")
    notes = {f.id: f for f in report.footnotes}
    assert sorted(notes) == list(range(1, 10))
    assert notes[2].claim == notes[3].claim  # two markers in one sentence
    assert notes[4].claim.text.startswith("Riêng Khu du lịch quốc gia Núi Sam đón 1.250 lượt khách")
    assert notes[6].body is None and notes[6].claim.text.startswith("Ban Tổ chức đã bố trí 1.200")
    assert notes[7].anchor is None and notes[7].claim is None
    assert notes[7].body.text.startswith("Bao gồm 18 buổi")
    assert notes[8].body.text == "Chi tiết danh sách các đơn vị tham gia (xem [phụ lục 2]) kèm theo báo cáo này."
    assert {w.code for w in report.warnings} == {"footnote-without-body", "footnote-without-marker"}


def test_claim_sentence_positions():
    text = "Tăng 4%.  Giảm 2%.\nMới."
    s1, s2, s3 = Sentence(0, 8, "Tăng 4%."), Sentence(10, 18, "Giảm 2%."), Sentence(19, 23, "Mới.")
    sentences = [s1, s2, s3]
    assert claim_sentence(text, sentences, 5) == s1    # inside: "Tăng 4[1]%."
    assert claim_sentence(text, sentences, 8) == s1    # right after the period
    assert claim_sentence(text, sentences, 10) == s1   # after trailing spaces, before the next
    assert claim_sentence(text, sentences, 18) == s2
    assert claim_sentence(text, sentences, 19) == s3   # opening a paragraph: backs what follows
    assert claim_sentence(text, [], 3) is None
