"""Word .docx reader: real footnotes/endnotes, list numbering, tables, and refused inputs.

The fixtures in tests/data/docx/ are written by scripts/make_docx_fixtures.py.
"""

import re
import time
import zipfile
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.ingest import read_document
from nlp.ingest.docx import read_docx
from nlp.pipeline import load_report, parse_structure, read_report, report_from_text
from tests.conftest import ROOT, SEED, assert_spans_exact

DOCX = ROOT / "tests" / "data" / "docx"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def ingest(name: str):
    return read_document(DOCX / name)[1]


def notes_by_number(report):
    return {f.id: f for f in report.footnotes}


@pytest.fixture(scope="module")
def docx_742():
    return load_report(DOCX / "742.docx")


# --- 742: the same report as .txt export and as .docx -----------------------------------

def test_742_fixture_uses_word_ids_not_display_numbers():
    # Guards the comparison below: the reader must renumber, not copy w:id.
    with zipfile.ZipFile(DOCX / "742.docx") as archive:
        notes = archive.read("word/footnotes.xml").decode()
        body = archive.read("word/document.xml").decode()
    ids = [int(i) for i in re.findall(r'<w:footnote (?:w:type="\w+" )?w:id="(-?\d+)"', notes)]
    assert ids[:2] == [-1, 0]  # separator and continuation separator
    assert sorted(ids[2:]) == list(range(41, 67))
    refs = [int(i) for i in re.findall(r'footnoteReference w:id="(\d+)"', body)]
    assert refs == list(range(41, 67))
    assert body.count("<w:r>") > 3 * body.count("<w:p>")  # runs are split mid-paragraph


def test_742_docx_and_txt_give_the_same_text_and_footnotes(docx_742, seed):
    # The fixture keeps every character outside the [N: …] bodies and the reader appends bodies
    # at the paragraph end with no separator, so even the whitespace is the same.
    assert docx_742.text == seed.text
    assert docx_742.body_end == seed.body_end
    assert [f.id for f in docx_742.footnotes] == list(range(1, 27)) == [f.id for f in seed.footnotes]
    assert [f.body.text for f in docx_742.footnotes] == [f.body.text for f in seed.footnotes]
    assert [f.anchor for f in docx_742.footnotes] == [f.anchor for f in seed.footnotes]
    assert [(p.start, p.end, p.line) for p in docx_742.paragraphs] == \
           [(p.start, p.end, p.line) for p in seed.paragraphs]
    assert not docx_742.warnings


def test_742_footnote_anchors_and_bodies_by_hand(docx_742):
    notes = notes_by_number(docx_742)
    text = docx_742.text
    assert text[:notes[1].anchor].endswith("tăng 3,73% so với cùng kỳ năm trước")
    assert text[:notes[23].anchor].endswith("làm việc với 35 đoàn với 173")
    assert notes[4].body.text == "Dự án D2A Cần Thơ, 100% Singapore"
    # footnote 10 is stored as two paragraphs; joined with one space it equals the .txt body
    assert notes[10].body.text.startswith("Tiếp tục thực hiện")


def test_742_claim_links_match_after_the_full_pipeline(docx_742, seed):
    docx_claims = [(f.id, f.claim.text if f.claim else None) for f in docx_742.footnotes]
    txt_claims = [(f.id, f.claim.text if f.claim else None) for f in seed.footnotes]
    assert docx_claims == txt_claims
    assert all(claim is not None for _, claim in docx_claims)  # every one of the 26 is linked
    assert docx_claims[0][1].endswith("ước tăng 3,73% so với cùng kỳ năm trước.")


def test_742_every_span_is_exact(docx_742):
    kinds = assert_spans_exact(docx_742)
    assert {"paragraph", "body", "claim", "sentence", "heading"} <= kinds


def test_raw_of_a_docx_is_the_linear_export_text():
    ing = ingest("endnotes.docx")
    line = ("Doanh thu dịch vụ tăng 5%[footnoteRef:1]. Xuất khẩu đạt 181 triệu USD[footnoteRef:3]."
            "[1:  Trong đó du lịch tăng 8%.][3:  Số liệu sơ bộ của Cục Hải quan.]")
    raw_length = len("BÁO CÁO NHANH\n") + len(line) + len("\nNhập khẩu tăng 2,11%[footnoteRef:2]."
                                                           "[2:  Chủ yếu là máy móc, thiết bị.]")
    assert ing.offsets.raw_length == raw_length
    start, end = ing.offsets.to_raw(*ing.footnotes[2].body)
    assert end - start == len("Số liệu sơ bộ của Cục Hải quan.")


# --- endnotes ---------------------------------------------------------------------------

def test_endnotes_are_numbered_after_the_footnotes():
    report = read_report(DOCX / "endnotes.docx")
    notes = notes_by_number(report)
    assert sorted(notes) == [1, 2, 3]
    assert notes[1].body.text == "Trong đó du lịch tăng 8%."  # w:id 7, referenced first
    assert notes[2].body.text == "Chủ yếu là máy móc, thiết bị."  # w:id 2
    assert notes[3].body.text == "Số liệu sơ bộ của Cục Hải quan."  # the endnote
    # the endnote is referenced before footnote 2 in the text, yet numbered after it
    assert notes[1].anchor < notes[3].anchor < notes[2].anchor
    assert report.text[:notes[3].anchor].endswith("181 triệu USD")
    assert_spans_exact(report)


# --- lists ------------------------------------------------------------------------------

LISTS_OUTLINE = [
    ("I.", 1, "Kết quả thực hiện nhiệm vụ quý I"),
    ("1.", 2, "Về kinh tế"),
    ("a)", 3, "Lĩnh vực công nghiệp"),
    ("-", 4, "Chỉ số sản xuất công nghiệp tăng 3,73%"),
    ("+", 5, "Ngành chế biến chế tạo tăng 3,32%"),
    ("b)", 3, "Thương mại - dịch vụ"),
    ("2.", 2, "Về văn hóa - xã hội"),
    ("a)", 3, "Giáo dục"),
    ("II.", 1, "Nhiệm vụ trọng tâm tháng 4"),
    ("1.", 2, "Đẩy mạnh giải ngân vốn đầu tư công"),
    ("2.", 2, "Tăng cường công tác phòng cháy, chữa cháy"),
    ("III.", 1, "Kiến nghị"),
]


def test_list_labels_come_from_numbering_xml():
    report = read_report(DOCX / "lists.docx")
    lines = [p.text for p in report.paragraphs]
    assert "BÁO CÁO" in lines and "1. Về kinh tế" in lines
    assert "III. Kiến nghị" in lines  # a second list over the same levels, startOverride 3
    assert lines[-6:] == ["A. Phụ lục số liệu", "A.1. Công nghiệp", "(i) Sản xuất điện",
                          "(ii) Sản xuất nước", "A.2. Nông nghiệp", "Ghi chú không đánh số"]


def test_lists_docx_gives_the_section_outline_of_its_labels():
    report = parse_structure(read_report(DOCX / "lists.docx"))
    outline = [(s.label, s.level, s.heading.text) for s in report.sections]
    assert outline == LISTS_OUTLINE
    # and the same outline as the .txt a Word export of it would be
    as_txt = "\n".join(p.text for p in report.paragraphs)
    txt = report_from_text(as_txt, stages=(parse_structure,))
    assert [(s.label, s.level, s.heading.text) for s in txt.sections] == LISTS_OUTLINE
    assert_spans_exact(report)


# --- tables -----------------------------------------------------------------------------

def test_table_rows_are_lines_with_merged_cells_once():
    ing = ingest("table.docx")
    assert len(ing.tables) == 1
    start, end = ing.tables[0]
    assert ing.text[start:end] == (
        "Chỉ tiêu | Quý I/2023\n"  # gridSpan=2 cell once
        "Kế hoạch | Thực hiện\n"  # the vMerge continuation of "Chỉ tiêu" is skipped
        "Tổng mức bán lẻ (tỷ đồng) | 125.760 | 28.684\n"
        "Kim ngạch xuất khẩu (triệu USD) | 2.120 | 534,007\n"  # two cell paragraphs, one space
        "Số liệu ước tính Nguồn Cục Thống kê | x"  # nested table flattened into its cell
    )
    assert ing.text[:start].endswith("Bảng 1. Kết quả quý I/2023\n")
    assert ing.text[end:].startswith("\nNguồn: Cục Thống kê thành phố.")


def test_footnote_inside_a_table_cell():
    report = read_report(DOCX / "table.docx")
    (note,) = report.footnotes
    assert report.text[:note.anchor].endswith("| 534,007")
    assert note.body.text == "Gồm hàng hóa và dịch vụ."
    assert_spans_exact(report)


# --- runs -------------------------------------------------------------------------------

def test_run_level_markup():
    lines = ingest("runs.docx").text.split("\n")
    assert lines[:5] == [
        # hyperlink, smartTag, w:ins kept; w:del, field code, comment dropped; soft hyphen gone
        "Theo Nghị quyết số 01/NQ-CP ngày 05/01/2023, tỉnh đã hoàn thành 7 chỉ tiêu phát triển.",
        "Kính gửi: Ủy ban nhân dân thành phố",  # block-level w:sdt
        "Cột A\tCột B dòng 2 dòng 3– hết",  # tab, br, cr; Symbol-font sym dropped, U+2013 kept
        "mới",  # moveFrom dropped, moveTo kept
        "Ảnh minh họa",  # text box inside a drawing not read
    ]


# --- refused inputs ---------------------------------------------------------------------

def minimal_docx(path: Path, document: str, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return path


def document_xml(body: str) -> str:
    return f'<?xml version="1.0"?>\n<w:document {W_NS}>\n<w:body>{body}</w:body></w:document>'


def cause_of(path: Path, **kwargs) -> InputError:
    with pytest.raises(InputError) as info:
        if kwargs:
            read_docx(path, path.read_bytes(), **kwargs)
        else:
            read_document(path)
    return info.value


def test_not_a_zip(tmp_path):
    path = tmp_path / "report.docx"
    path.write_text("Báo cáo tình hình kinh tế - xã hội", encoding="utf-8")
    assert cause_of(path).cause == "not a .docx file (not a ZIP archive)"


def test_encrypted_word_file_is_ole2(tmp_path):
    path = tmp_path / "locked.docx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    err = cause_of(path)
    assert (err.cause, err.hint) == ("encrypted or legacy .doc file, not .docx", "save it as .docx in Word")


def test_truncated_docx(tmp_path):
    data = (DOCX / "742.docx").read_bytes()
    path = tmp_path / "half.docx"
    path.write_bytes(data[:len(data) // 2])
    assert cause_of(path).cause == "corrupt .docx: truncated or damaged ZIP archive"


def test_zip_without_document_xml(tmp_path):
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/styles.xml", "<w:styles/>")
    assert cause_of(path).cause == "corrupt .docx: no word/document.xml"


def test_invalid_xml_names_the_line(tmp_path):
    path = minimal_docx(tmp_path / "bad.docx", document_xml("\n<w:p><w:r><w:t>Văn bản</w:r>\n</w:p>"))
    assert cause_of(path).cause == "corrupt .docx: word/document.xml is not valid XML (line 4)"


def test_bad_crc(tmp_path):
    path = minimal_docx(tmp_path / "crc.docx", document_xml("<w:p><w:r><w:t>Noi dung</w:t></w:r></w:p>"),
                        zipfile.ZIP_STORED)
    data = path.read_bytes()
    assert data.count(b"Noi dung") == 1
    path.write_bytes(data.replace(b"Noi dung", b"Noi dunG"))
    assert cause_of(path).cause == "corrupt .docx: bad CRC in word/document.xml"


def test_empty_document(tmp_path):
    path = minimal_docx(tmp_path / "empty.docx", document_xml("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"))
    assert cause_of(path).cause == "empty document"


def test_zip_bomb_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w") as member:
            zeros = bytes(1 << 20)
            for _ in range(300):
                member.write(zeros)
    assert path.stat().st_size < 1_000_000
    started = time.perf_counter()
    assert cause_of(path).cause == "refused: word/document.xml expands over 200:1 (zip bomb?)"
    assert time.perf_counter() - started < 5  # stopped after ~10 MB, not 300 MB


def test_total_uncompressed_limit(tmp_path):
    err = cause_of(DOCX / "742.docx", max_uncompressed=100 * 1024)
    assert err.cause == "refused: uncompressed content over 102,400 bytes (zip bomb?)"
    # the default limit reads it
    assert read_docx(DOCX / "742.docx", (DOCX / "742.docx").read_bytes()).footnotes


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-VALUE")
    document = (f'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
                f"<w:document {W_NS}><w:body><w:p><w:r><w:t>Văn bản &x; hết</w:t></w:r></w:p>"
                "</w:body></w:document>")
    path = minimal_docx(tmp_path / "xxe.docx", document)
    text = read_document(path)[1].text
    assert "SECRET" not in text
    assert text == "Văn bản  hết\n"  # the unresolved entity is dropped, the text around it kept


def test_billion_laughs_is_refused_quickly(tmp_path):
    entities = '<!ENTITY a "lollollollollollollollollollol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    document = (f'<?xml version="1.0"?>\n<!DOCTYPE w:document [{entities}]>\n'
                f"<w:document {W_NS}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")
    path = minimal_docx(tmp_path / "lol.docx", document)
    started = time.perf_counter()
    # libxml2 stops at its entity amplification limit, which is a parse error for us
    assert cause_of(path).cause.startswith("corrupt .docx: word/document.xml is not valid XML")
    assert time.perf_counter() - started < 2


def test_document_xml_that_is_not_wordprocessingml(tmp_path):
    strict = '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body/></w:document>'
    path = minimal_docx(tmp_path / "strict.docx", strict)
    assert cause_of(path).cause == \
        "unsupported .docx: word/document.xml is not WordprocessingML (Strict Open XML?)"
