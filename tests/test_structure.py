"""Section tree and tasks: the seed, and layouts written by hand with hand-made outlines."""

import json

import pytest

from nlp import load_report
from nlp.structure import parse_sections
from nlp.types import Paragraph
from tests.conftest import LAYOUTS


def test_seed_top_level_sections(seed):
    top = [s for s in seed.sections if s.level == 1]
    assert [s.label for s in top] == ["I.", "II.", "III."]
    assert [s.heading.text for s in top] == [
        "Tình hình kinh tế - xã hội tháng 03, quý I năm 2023",
        "Đánh giá chung",
        "Một số nhiệm vụ trọng tâm tháng 4 năm 2023",
    ]
    # top-level sections tile the body from "I." to the closing "Trên đây là …"
    assert top[0].end <= top[1].start and top[1].end <= top[2].start
    assert seed.text[top[2].end:].lstrip().startswith("Trên đây là nội dung tổng hợp")


def test_seed_nesting(seed):
    by_id = {s.id: s for s in seed.sections}
    agri = next(s for s in seed.sections if s.heading.text == "Lĩnh vực nông nghiệp")
    assert (agri.label, agri.level, agri.path) == ("c.", 3, ("I.", "1.", "c."))
    assert by_id[agri.parent].heading.text == "Về kinh tế"
    dash = next(s for s in seed.sections if s.heading.text == "Xuất, nhập khẩu")
    assert (dash.label, dash.level, by_id[dash.parent].label) == ("-", 4, "b.")
    # "a. Đầu tư … đến ngày 28/3/2023: Kết quả …" — the heading stops at the colon
    assert any(s.heading.text == "Đầu tư xây dựng cơ bản đến ngày 28/3/2023" for s in seed.sections)
    for section in seed.sections:
        assert seed.text[section.start:section.end].startswith(section.label)
        if section.parent:
            parent = by_id[section.parent]
            assert parent.start < section.start and section.end <= parent.end
            assert section.level == parent.level + 1


def test_seed_tasks(seed):
    assert [t.label for t in seed.tasks] == [f"{i}." for i in range(1, 13)]
    assert seed.tasks[0].text.startswith("1. Tiếp tục thực hiện đồng bộ, quyết liệt, hiệu quả")
    assert seed.tasks[1].text.startswith("2. Tập trung, tăng cường triển khai thực hiện hiệu quả Nghị quyết số 59-NQ/TW")
    last = seed.tasks[-1]
    assert last.heading.text == "Tập trung phát triển ngành, lĩnh vực"
    # task 12 carries its sub-items a.–e. down to "Quốc phòng - an ninh"
    assert "e. Đối ngoại, Quốc phòng - an ninh:" in last.text
    assert "Trên đây là" not in last.text


def _outline(report):
    by_id = {s.id: s for s in report.sections}
    return [(s.label, s.level, [by_id[p].label for p in _ancestors(s, by_id)]) for s in report.sections]


def _ancestors(section, by_id):
    chain = []
    while section.parent:
        section = by_id[section.parent]
        chain.insert(0, section.id)
    return chain


@pytest.mark.parametrize("name", ["abc-roman", "no-footnotes", "footnotes-edge"])
def test_layouts_match_hand_written_outlines(name):
    report = load_report(LAYOUTS / f"{name}.txt")
    expected = json.loads((LAYOUTS / f"{name}.expected.json").read_text(encoding="utf-8"))
    assert _outline(report) == [
        (e["label"], e["level"], e["parent_label_path"]) for e in expected["sections"]]
    for section, e in zip(report.sections, expected["sections"]):
        # the outlines give whole lines for headings without a colon; ours stop at a sentence end
        assert e["heading"].strip().startswith(section.heading.text), (section.heading.text, e["heading"])
    assert [t.label for t in report.tasks] == [t["label"] for t in expected["tasks"]]
    for task, e in zip(report.tasks, expected["tasks"]):
        assert task.text[len(task.label):].lstrip().startswith(e["first_words"])
    header = expected["header"]
    for key in ("number", "place", "date", "title"):
        assert getattr(report, key) == header[key], key
    assert report.issuer.lower() == header["issuer"].lower()
    period = header["period"]
    assert (report.period.year, report.period.quarter, report.period.month) == (
        period["year"], period["quarter"], period["month"])


def _paragraphs(lines):
    text, pars, pos = "\n".join(lines), [], 0
    for n, line in enumerate(lines, 1):
        pars.append(Paragraph(pos, pos + len(line), line, n))
        pos += len(line) + 1
    return text, pars


def test_numbers_and_text_are_not_markers():
    text, pars = _paragraphs([
        "I. Nông nghiệp", "1.250 hộ nuôi tôm đạt lợi nhuận.", "2023 là năm bản lề.",
        "- - - - -", "a. Thủy sản", "ĐT.845 được nâng cấp.",
    ])
    sections, _ = parse_sections(text, pars, "h", len(text))
    assert [s.label for s in sections] == ["I.", "a."]


def test_bullets_before_the_first_heading_do_not_swallow_it():
    text, pars = _paragraphs(["- Căn cứ Kế hoạch số 12/KH-UBND;", "I. Kết quả", "1. Thu ngân sách"])
    sections, _ = parse_sections(text, pars, "h", len(text))
    assert [(s.label, s.level) for s in sections] == [("I.", 1), ("1.", 2)]


def test_roman_and_letters_are_read_by_the_sequence_they_continue():
    text, pars = _paragraphs([
        "A. KẾT QUẢ", "I. Thu", "II. Chi", "III. Giá", "IV. Huyện", "V. Thanh tra",
        "B. NHIỆM VỤ", "I. Thu", "C. KIẾN NGHỊ", "I. Bộ Tài chính",
    ])
    sections, _ = parse_sections(text, pars, "h", len(text))
    assert [(s.label, s.level) for s in sections] == [
        ("A.", 1), ("I.", 2), ("II.", 2), ("III.", 2), ("IV.", 2), ("V.", 2),
        ("B.", 1), ("I.", 2), ("C.", 1), ("I.", 2)]


def test_signature_block_bullets_are_not_sections():
    text, pars = _paragraphs(["I. Kết quả", "- Thu đạt 5 tỷ đồng.", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."])
    sections, closing = parse_sections(text, pars, "h", len(text))
    assert [s.label for s in sections] == ["I.", "-"]
    assert text[closing:].startswith("Nơi nhận:")
    assert sections[0].end <= closing


def test_markers_alone_on_their_line_take_the_next_paragraph_as_heading():
    # PDF text layers often put the list number on a line of its own
    text, pars = _paragraphs([
        "A.", "KẾT QUẢ THỰC HIỆN THÁNG 02", "I.", "Công tác xây dựng văn bản",
        "1.", "Văn bản trình Ủy ban nhân dân tỉnh: 03 dự thảo.", "Trong tháng đã trình 03 dự thảo.",
        "2.", "3.", "Văn bản hướng dẫn", "B.", "NHIỆM VỤ THÁNG 03", "1.", "Hoàn thành đề án.",
    ])
    sections, _ = parse_sections(text, pars, "h", len(text))
    assert [(s.label, s.level, s.heading.text) for s in sections] == [
        ("A.", 1, "KẾT QUẢ THỰC HIỆN THÁNG 02"), ("I.", 2, "Công tác xây dựng văn bản"),
        ("1.", 3, "Văn bản trình Ủy ban nhân dân tỉnh"), ("2.", 3, ""), ("3.", 3, "Văn bản hướng dẫn"),
        ("B.", 1, "NHIỆM VỤ THÁNG 03"), ("1.", 2, "Hoàn thành đề án"),
    ]
    for s in sections:
        assert text[s.start:s.end].startswith(s.label) and text[s.heading.start:s.heading.end] == s.heading.text
