"""Word-segmented corpus files (.ws): "_" joins syllables, punctuation stands apart."""

from __future__ import annotations

from nlp.ingest import read_document
from nlp.ingest.segmented import read_segmented

RAW = ('Ngày 7-8-2015 , Học_viện Chính_trị quốc_gia Hồ_Chí_Minh tổ_chức Hội_nghị " Sơ_kết một năm " '
       '( Hà_Nội ) .\nGS,TS_Tạ_Ngọc_Tấn , Uỷ_viên Ban Chấp_hành Trung_ương Đảng dự .\n')


def test_segmented_text_reads_as_ordinary_text():
    ing = read_segmented(RAW)
    assert ing.text == ('Ngày 7-8-2015, Học viện Chính trị quốc gia Hồ Chí Minh tổ chức Hội nghị "Sơ kết một năm" '
                        '(Hà Nội).\nGS,TS Tạ Ngọc Tấn, Uỷ viên Ban Chấp hành Trung ương Đảng dự.\n')
    assert [ing.text[s:e] for s, e, _ in ing.paragraphs][1].startswith("GS,TS Tạ Ngọc Tấn")
    assert [line for _, _, line in ing.paragraphs] == [1, 2]


def test_every_character_maps_back_to_the_file():
    ing = read_segmented(RAW)
    for i, ch in enumerate(ing.text):
        raw_start, raw_end = ing.offsets.to_raw(i, i + 1)
        if ch == "\n":
            continue
        piece = RAW[raw_start:raw_end]
        assert piece == ch or (ch == " " and piece in ("_", " ")), (i, ch, piece)
    start = ing.text.index("Hồ Chí Minh")
    assert ing.offsets.to_raw(start, start + len("Hồ Chí Minh")) == (RAW.index("Hồ_Chí_Minh"),
                                                                     RAW.index("Hồ_Chí_Minh") + 11)


def test_ws_files_go_through_read_document(tmp_path):
    path = tmp_path / "00040676.txt.ws"
    path.write_bytes(RAW.encode("utf-8"))
    _, ing = read_document(path)
    assert ing.text.startswith("Ngày 7-8-2015, Học viện")
