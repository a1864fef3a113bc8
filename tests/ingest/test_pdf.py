"""PDF text layers: the typeset seed report reads back as its .txt; margins, footnotes, pages, errors.

Fixtures come from scripts/make_pdf_fixtures.py; pages.json says on which page each paragraph's
first line and each footnote's first line was put.
"""

import bisect
import json
import re
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.ingest import read_document
from nlp.ingest.pdf import Char, linear_text
from nlp.ingest.txt import parse_word_export
from nlp.pipeline import parse_structure, read_report
from tests.conftest import SEED, assert_spans_exact

PDF = Path(__file__).resolve().parent.parent / "data" / "pdf"
PLACED = json.loads((PDF / "pages.json").read_text(encoding="utf-8"))


def norm(text: str) -> str:
    return " ".join(text.split())


def page_of(ing, start: int, end: int) -> int:
    """Page holding the raw start of final-text span [start, end)."""
    raw = ing.offsets.to_raw(start, end)[0]
    starts = [s for s, _, _ in ing.pages]
    s, e, page = ing.pages[bisect.bisect_right(starts, raw) - 1]
    assert s <= raw < e
    return page


@pytest.fixture(scope="module")
def txt_report():
    return read_report(SEED)


@pytest.fixture(scope="module")
def pdf_report():
    return read_report(PDF / "742.pdf")


@pytest.fixture(scope="module")
def pdf_ingested():
    return read_document(PDF / "742.pdf")[1]


def test_742_reads_back_as_its_txt(txt_report, pdf_report):
    assert norm(pdf_report.text) == norm(txt_report.text)
    assert [norm(p.text) for p in pdf_report.paragraphs] == [norm(p.text) for p in txt_report.paragraphs]
    assert pdf_report.warnings == ()


def test_742_footnotes_have_the_txt_numbers_bodies_and_anchors(txt_report, pdf_report):
    assert len(pdf_report.footnotes) == 26
    assert [f.id for f in pdf_report.footnotes] == [f.id for f in txt_report.footnotes]
    for pdf_note, txt_note in zip(pdf_report.footnotes, txt_report.footnotes):
        assert norm(pdf_note.body.text) == norm(txt_note.body.text), pdf_note.id
        for report, note in ((pdf_report, pdf_note), (txt_report, txt_note)):
            assert note.anchor < report.body_end
        before = [norm(r.text[max(0, n.anchor - 80):n.anchor])[-40:]
                  for r, n in ((pdf_report, pdf_note), (txt_report, txt_note))]
        after = [norm(r.text[n.anchor:n.anchor + 40])[:12]
                 for r, n in ((pdf_report, pdf_note), (txt_report, txt_note))]
        assert before[0] == before[1] and after[0] == after[1], pdf_note.id


def test_742_running_header_footer_and_page_numbers_are_gone(pdf_report):
    assert "Báo cáo số 742" not in pdf_report.text
    assert not [p for p in pdf_report.paragraphs if re.fullmatch(r"-?\s*\d+\s*-?", p.text)]
    # the footers were "- N -" lines; none is left glued to a paragraph either
    assert not re.search(r"(?:^|\s)- \d{1,2} -(?:\s|$)", pdf_report.text)


def test_742_paragraphs_and_footnotes_map_to_the_page_they_were_put_on(pdf_report, pdf_ingested):
    placed = PLACED["742.pdf"]
    by_prefix = {norm(p.text)[:60]: p for p in pdf_report.paragraphs}
    assert len(placed["paragraphs"]) == len(pdf_report.paragraphs)
    for prefix, page in placed["paragraphs"]:
        par = by_prefix[prefix]
        assert page_of(pdf_ingested, par.start, par.end) == page, prefix
    pages = {f.id: page_of(pdf_ingested, f.body.start, f.body.end) for f in pdf_report.footnotes}
    assert pages == {int(n): page for n, page in placed["footnotes"].items()}
    assert max(page for _, _, page in pdf_ingested.pages) == 20


def test_page_map_covers_the_raw_text_without_gaps(pdf_ingested):
    pages = pdf_ingested.pages
    assert pages[0][0] == 0 and pages[-1][1] == pdf_ingested.offsets.raw_length
    assert all(a[1] == b[0] and a[2] != b[2] for a, b in zip(pages, pages[1:]))
    assert {page for _, _, page in pages} == set(range(1, 21))


def test_742_every_span_is_exact_after_the_whole_pipeline():
    from nlp.pipeline import load_report

    report = load_report(PDF / "742.pdf")
    kinds = assert_spans_exact(report)
    assert {"paragraph", "sentence", "token", "heading", "body", "claim", "entity", "figure"} <= kinds
    assert report.number == "742/BC-SKHĐT" and report.date == "2023-03-28"
    assert len(report.tasks) == 12


def test_short_report_outline_header_and_split_footnote():
    report = parse_structure(read_report(PDF / "short.pdf"))
    outline = [(s.level, s.label, s.heading.text) for s in report.sections]
    assert outline == [
        (1, "I.", "KẾT QUẢ ĐẠT ĐƯỢC"),
        (2, "1.", "Về kinh tế"),
        (3, "a)", "Sản xuất nông nghiệp"),
        (4, "-", "Lúa"),
        (4, "-", "Rau màu và cây ăn trái"),
        (5, "+", "Rau ăn lá"),
        (5, "+", "Cây ăn trái"),
        (3, "b)", "Thương mại, dịch vụ"),
        (2, "2.", "ĐẦU TƯ CÔNG"),
        (1, "II.", "TỒN TẠI, HẠN CHẾ"),
        (1, "III.", "NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM"),
        (2, "1.", "Tập trung giải ngân vốn đầu tư công, phấn đấu đến ngày 31/01/2025 đạt 100% kế hoạch"),
        (2, "2.", "Đẩy mạnh xúc tiến thương mại, mở rộng thị trường tiêu thụ nông sản"),
    ]
    assert (report.number, report.place, report.date) == ("15/BC-UBND", "An Giang", "2024-07-10")
    assert report.title == "BÁO CÁO Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024"
    # the top-of-page number "2" on page 2 is dropped
    assert "2" not in [p.text for p in report.paragraphs]
    (note,) = report.footnotes
    assert report.text[:note.anchor].endswith("so với cùng kỳ năm trước")
    assert note.body.text.startswith("Gồm: lúa Đông Xuân") and note.body.text.endswith("trong năm 2024.")
    ing = read_document(PDF / "short.pdf")[1]
    # the body starts at page 1's foot and ends at page 2's
    assert page_of(ing, note.body.start, note.body.start + 1) == 1
    assert page_of(ing, note.body.end - 1, note.body.end) == 2


def test_chromium_print_reads_back_without_its_header_and_footer(txt_report):
    """A second producer: justified lines, 0.83-size <sup>, Chromium's date/title/URL/"n/3" margins."""
    report = read_report(PDF / "chromium.pdf")
    expected = []
    for par in txt_report.paragraphs:
        if par.text.startswith("3. Tài chính"):
            break
        text = par.text
        for note in sorted(txt_report.footnotes, key=lambda f: -f.anchor):
            if par.start <= note.anchor <= par.end:  # no footnote bodies printed: the marker stays a digit
                text = text[:note.anchor - par.start] + str(note.id) + text[note.anchor - par.start:]
        expected.append(norm(text))
    assert [norm(p.text) for p in report.paragraphs] == expected
    assert report.footnotes == ()
    assert "Báo cáo 742" not in report.text and "file:" not in report.text
    assert not re.search(r"\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}", report.text)


def test_diacritics_survive():
    report = read_report(PDF / "short.pdf")
    assert report.text.count("Ủy ban") == 3
    assert "ĐẦU TƯ CÔNG" in report.text and report.text.count("tỷ đồng") == 4


def line(text, x, base, size=12.0, advance=6.0, width=None):
    """Glyphs of one line; with `width`, spread to fill it (a justified line)."""
    advance = width / len(text) if width else advance
    return [Char(ch, x + i * advance, x + (i + 1) * advance, base, size) for i, ch in enumerate(text)]


PARAGRAPHS = [("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ ước đạt 52.300 tỷ đồng,", "tăng 9,8% so với cùng kỳ."),
              ("Ủy ban nhân dân tỉnh đã phân bổ chi tiết 4.250 tỷ đồng vốn đầu tư công;", "giải ngân đạt 36%."),
              ("Tiến độ giải phóng mặt bằng một số dự án trọng điểm còn chậm; giá vật liệu", "xây dựng tăng.")]


def three_pages(footer):
    pages = []
    for n in (1, 2, 3):
        chars = line(PARAGRAPHS[n - 1][0], 85, 760, width=425)
        chars += line(PARAGRAPHS[n - 1][1], 85, 744)
        chars += line(footer.format(n=n), 280, 30, size=10, advance=5)
        pages.append(chars)
    return pages


@pytest.mark.parametrize("footer", ["{n}", "- {n} -", "Trang {n}", "{n}/3", "Trang {n}/3"])
def test_page_number_forms_are_dropped(footer):
    raw, pages, _ = linear_text(three_pages(footer))
    assert raw.splitlines() == [" ".join(lines) for lines in PARAGRAPHS]
    assert [p for _, _, p in pages] == [1, 2, 3]


def test_superscript_without_a_footnote_body_stays_text():
    chars = line("Diện tích 120 m", 85, 760)
    chars += [Char("2", 85 + 15 * 6, 85 + 15 * 6 + 4, 764, 8.0)]
    chars += line(" đất.", 85 + 15 * 6 + 4, 760)
    raw, _, _ = linear_text([chars])
    assert raw == "Diện tích 120 m2 đất.\n"
    assert parse_word_export(raw).footnotes == ()


def test_page_without_text_is_a_warning_when_others_have_text(tmp_path):
    pages = three_pages("- {n} -")
    pages[1] = []
    raw, mapped, warnings = linear_text(pages)
    assert [w.code for w in warnings] == ["pdf-page-without-text"] and "page 2" in warnings[0].message
    assert {p for _, _, p in mapped} == {1, 3}


def test_footnote_from_glyphs_around_a_scanned_page():
    marked = line("Sản lượng thịt hơi đạt 10.114 tấn", 85, 760)
    marked += [Char("3", 85 + 33 * 6, 85 + 33 * 6 + 4, 764, 8.0)] + line(".", 85 + 33 * 6 + 4, 760)
    foot = [Char("3", 85, 89, 83, 6.0)] + line(" Thịt gia súc 7.290 tấn", 89, 80, size=9, advance=4.5)
    raw, mapped, warnings = linear_text([marked + foot, [], line("Trang sau.", 85, 760)])
    assert raw == "Sản lượng thịt hơi đạt 10.114 tấn[footnoteRef:3]. [3:  Thịt gia súc 7.290 tấn]\nTrang sau.\n"
    assert [w.code for w in warnings] == ["pdf-page-without-text"]
    ing = parse_word_export(raw)
    (note,) = ing.footnotes
    assert ing.text[note.body[0]:note.body[1]] == "Thịt gia súc 7.290 tấn"


def write(tmp_path, data: bytes, name="report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def zero_page_pdf() -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 3\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref


def short_bytes() -> bytes:
    return (PDF / "short.pdf").read_bytes()


@pytest.mark.parametrize("make, message", [
    (lambda: (PDF / "scanned.pdf").read_bytes(), "no text layer; OCR it first"),
    (lambda: (PDF / "encrypted.pdf").read_bytes(), "encrypted PDF; remove the password first"),
    (lambda: short_bytes()[:len(short_bytes()) // 2], "corrupt PDF: truncated (no %%EOF at the end)"),
    (lambda: short_bytes()[:400] + bytes(len(short_bytes()) - 800) + short_bytes()[-400:],
     "corrupt PDF: data format error"),
    (lambda: "Báo cáo số 742\n".encode() * 50, "corrupt PDF: not a PDF file (no %PDF- header)"),
    (lambda: b"", "corrupt PDF: not a PDF file (no %PDF- header)"),
    (zero_page_pdf, "empty PDF"),
], ids=["scanned", "encrypted", "truncated", "corrupt", "not-pdf", "empty-file", "zero-pages"])
def test_unreadable_pdfs_say_why(tmp_path, make, message):
    path = write(tmp_path, make())
    with pytest.raises(InputError) as err:
        read_document(path)
    assert str(err.value) == f"{path}: {message}"
