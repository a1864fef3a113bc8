"""Word .txt export markers: footnote refs, bodies, bookmarks; NFD; raw offsets."""

import unicodedata

import pytest

from nlp.errors import InputError
from nlp.ingest import read_document
from nlp.ingest.txt import parse_word_export


def body_text(ing, number):
    note = next(f for f in ing.footnotes if f.number == number)
    return None if note.body is None else ing.text[note.body[0]:note.body[1]]


def main(ing):
    return ing.text[:ing.body_end]


def test_marker_and_trailing_body_leave_clean_text():
    raw = "Sản lượng đạt 10.114 tấn[footnoteRef:3]. Tiếp tục.  [3:  Thịt gia súc 7.290 tấn] \n"
    ing = parse_word_export(raw)
    # whitespace around the removed body stays (paragraph spans are stripped of it)
    assert main(ing) == "Sản lượng đạt 10.114 tấn. Tiếp tục.   \n"
    assert body_text(ing, 3) == "Thịt gia súc 7.290 tấn"
    note = ing.footnotes[0]
    assert ing.text[:note.anchor].endswith("10.114 tấn")
    assert not ing.warnings


def test_several_bodies_in_a_row_out_of_order_and_without_spaces():
    raw = "A tăng 1%[footnoteRef:1]; B tăng 2%[footnoteRef:2]. [2:  hai][1:  một] \n"
    ing = parse_word_export(raw)
    assert main(ing) == "A tăng 1%; B tăng 2%.  \n"
    assert (body_text(ing, 1), body_text(ing, 2)) == ("một", "hai")
    # bodies are appended after the main body in number order
    assert ing.text[ing.body_end:] == "một\nhai\n"


def test_marker_after_a_bare_number():
    raw = "Làm việc với 35 đoàn với 173[footnoteRef:23] lượt khách. [23: Đến từ Nhật Bản]\n"
    ing = parse_word_export(raw)
    assert main(ing).startswith("Làm việc với 35 đoàn với 173 lượt khách.")
    note = ing.footnotes[0]
    assert ing.text[note.anchor - 3:note.anchor] == "173"
    assert body_text(ing, 23) == "Đến từ Nhật Bản"


def test_body_in_the_middle_of_a_paragraph_is_moved_out():
    raw = "Có 32 hoạt động[footnoteRef:5]. [5:  Gồm 08 nghi lễ.] Ban Tổ chức bố trí lực lượng.\n"
    ing = parse_word_export(raw)
    assert main(ing) == "Có 32 hoạt động.  Ban Tổ chức bố trí lực lượng.\n"
    assert body_text(ing, 5) == "Gồm 08 nghi lễ."


def test_nested_brackets_stay_inside_the_body():
    raw = "Giải việt dã[footnoteRef:8]. [8:  Danh sách (xem [phụ lục 2]) kèm theo.]\n"
    ing = parse_word_export(raw)
    assert body_text(ing, 8) == "Danh sách (xem [phụ lục 2]) kèm theo."


def test_bookmarks_are_removed_everywhere():
    raw = "[bookmark: _Hlk135482917]-  Thư viện luân chuyển [bookmark: _Hlk123]14.200 bản sách.\n"
    ing = parse_word_export(raw)
    assert main(ing) == "-  Thư viện luân chuyển 14.200 bản sách.\n"


def test_missing_body_and_missing_marker_are_warnings_with_number_and_line():
    raw = "Dòng một.\nKhông xảy ra chèo kéo[footnoteRef:6].\nNghệ thuật. [7:  Bao gồm 18 buổi.]\n"
    ing = parse_word_export(raw)
    by_code = {w.code: w for w in ing.warnings}
    assert by_code["footnote-without-body"].line == 2
    assert "footnote 6" in by_code["footnote-without-body"].message
    assert by_code["footnote-without-marker"].line == 3
    assert "footnote 7" in by_code["footnote-without-marker"].message
    six, seven = ing.footnotes
    assert six.body is None and six.anchor is not None
    assert seven.anchor is None and body_text(ing, 7) == "Bao gồm 18 buổi."


def test_duplicate_marker_keeps_the_first_and_warns():
    raw = "Một[footnoteRef:1]. Hai[footnoteRef:1]. [1:  thân]\n"
    ing = parse_word_export(raw)
    assert [w.code for w in ing.warnings] == ["duplicate-footnote-marker"]
    assert ing.text[:ing.footnotes[0].anchor] == "Một"


def test_unclosed_body_is_left_as_text_not_lost():
    raw = "Tăng 5%[footnoteRef:2]. [2:  không đóng ngoặc\n"
    ing = parse_word_export(raw)
    assert "[2:  không đóng ngoặc" in main(ing)
    assert [w.code for w in ing.warnings] == ["footnote-without-body"]


def test_nfd_input_gives_the_same_text_as_nfc_input():
    nfc = "Tổng mức bán lẻ hàng hóa tăng 8,92%[footnoteRef:1]. [1:  Trong đó thương nghiệp]\n"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    a, b = parse_word_export(nfc), parse_word_export(nfd)
    assert a.text == b.text
    assert [(f.anchor, f.body) for f in a.footnotes] == [(f.anchor, f.body) for f in b.footnotes]
    # raw offsets of the NFD text point at the decomposed characters
    hoa = b.text.index("hóa")
    start, end = b.offsets.to_raw(hoa, hoa + 3)
    assert unicodedata.normalize("NFC", nfd[start:end]) == "hóa" and end - start == 4


def test_crlf_line_ends_are_not_text():
    ing = parse_word_export("I. Một\r\nHai[footnoteRef:1].\r\n[1:  ba]\r\n")
    assert [ing.text[s:e] for s, e, _ in ing.paragraphs] == ["I. Một", "Hai."]
    assert body_text(ing, 1) == "ba"


def test_raw_offsets_of_the_seed_point_at_the_same_text(seed_raw):
    ing = parse_word_export(seed_raw)
    assert unicodedata.is_normalized("NFC", ing.text)
    for start, end, line in ing.paragraphs:
        raw_start, raw_end = ing.offsets.to_raw(start, end)
        assert seed_raw.count("\n", 0, raw_start) + 1 == line
        raw_piece = seed_raw[raw_start:raw_end]
        assert unicodedata.normalize("NFC", raw_piece).startswith(ing.text[start:start + 5])


@pytest.mark.parametrize("content, cause", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"Le pr\xe9fet", "not UTF-8"),  # French in cp1252; Vietnamese cp1258 is read (test_encoding.py)
])
def test_unreadable_files_raise_one_line_errors(tmp_path, content, cause):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert cause in str(err.value) and str(path) in str(err.value)
    assert "\n" not in str(err.value)


def test_utf8_bom_and_utf16_are_read(tmp_path):
    text = "Số: 1/BC-UBND\nI. Tình hình\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    for name in ("bom.txt", "u16.txt"):
        _, ing = read_document(tmp_path / name)
        assert ing.text.startswith("Số: 1/BC-UBND\n")


def test_unsupported_suffix_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unsupported format"):
        read_document(tmp_path / "report.doc")
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        (tmp_path / "dir.txt").mkdir()
        read_document(tmp_path / "dir.txt")
