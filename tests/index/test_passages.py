"""`make_passages` directly, on a short report written for this test and on the seed: passages
follow the structure, never cross a section, respect the size limit by cutting at sentence
ends, carry their headings and footnotes, and every span indexes the report's text."""

from __future__ import annotations

import pytest

from nlp.index.passages import make_passages
from nlp.pipeline import report_from_text, stages_for

LONG = " ".join(f"Câu thứ {n} nói về sản lượng lúa vụ đông xuân của xã {n} đạt {n},5 tấn/ha." for n in range(1, 13))
TEXT = f"""UBND TỈNH HẬU GIANG
SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN
Số: 12/BC-SNN                                  Hậu Giang, ngày 30 tháng 3 năm 2024
BÁO CÁO
Tình hình sản xuất nông nghiệp tháng 3 năm 2024
I. KẾT QUẢ THỰC HIỆN
1. Về trồng trọt
Diện tích gieo trồng đạt 2.412 ha[footnoteRef:1]. Năng suất bình quân tăng 4% so với cùng kỳ. [1:  Trong đó lúa 2.000 ha, rau màu 412 ha.]
{LONG}
2. Về thủy sản
Diện tích thả nuôi thủy sản đạt 1.105 ha, đạt 29% kế hoạch.
II. NHIỆM VỤ THÁNG 4 NĂM 2024
1. Tiếp tục theo dõi tình hình sâu bệnh trên lúa.
2. Hướng dẫn nông dân thả nuôi thủy sản đúng lịch thời vụ.
"""


@pytest.fixture(scope="module")
def report():
    return report_from_text(TEXT, "hau-giang.txt", stages=stages_for("rules"))


def test_spans_index_the_text_and_ids_are_stable(report):
    passages = make_passages(report, max_chars=300)
    assert all(report.text[p.start:p.end] == p.text for p in passages)
    assert len({p.id for p in passages}) == len(passages)
    assert [p.id for p in make_passages(report, max_chars=300)] == [p.id for p in passages]


def test_passages_follow_the_sections_and_the_size_limit(report):
    passages = make_passages(report, max_chars=300)
    sections = {"/".join(s.path): s for s in report.sections}
    first = min(s.start for s in report.sections)
    for p in passages:
        if p.kind in ("passage", "task") and not p.section:
            assert p.end <= first  # the header, before any section
        elif p.kind in ("passage", "task"):
            owner = sections[p.section]
            assert owner.start <= p.start and p.end <= owner.end, (p.section, p.text[:40])
        assert len(p.text) <= 300
    long_parts = [p for p in passages if "Câu thứ" in p.text]
    assert len(long_parts) >= 3  # the 12-sentence paragraph is cut ...
    assert all(p.text.endswith("tấn/ha.") for p in long_parts)  # ... at sentence ends
    assert " ".join(p.text for p in long_parts) == LONG  # and nothing is lost


def test_headings_footnotes_and_kinds(report):
    passages = make_passages(report)
    crop = next(p for p in passages if "Diện tích gieo trồng" in p.text)
    assert crop.section == "I./1." and crop.headings == ("KẾT QUẢ THỰC HIỆN", "Về trồng trọt")
    assert crop.footnotes == (1,) and crop.kind == "passage"
    note = next(p for p in passages if p.kind == "footnote")
    assert note.text == "Trong đó lúa 2.000 ha, rau màu 412 ha." and note.footnote == 1
    assert note.claim == "Diện tích gieo trồng đạt 2.412 ha."
    tasks = [p for p in passages if p.kind == "task"]
    assert tasks and all(p.section.startswith("II.") for p in tasks)
    assert any("sâu bệnh" in p.text for p in tasks)
    assert not any(p.text.startswith("I. KẾT QUẢ") for p in passages)  # a bare heading is context only


def test_the_seed_is_covered_once(seed):
    passages = make_passages(seed)
    body = [p for p in passages if p.kind != "footnote"]
    assert all(p.end <= seed.body_end for p in body)
    ordered = sorted((p.start, p.end) for p in body)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(ordered, ordered[1:]))  # no overlap
    assert sum(p.kind == "footnote" for p in passages) == sum(n.body is not None for n in seed.footnotes) == 26


def test_a_heading_that_states_a_figure_is_a_passage():
    # the total is written only in the heading; its children carry the heading as context only
    text = """UBND TỈNH TIỀN GIANG
Số: 7/NQ-HĐND                                  Tiền Giang, ngày 10 tháng 12 năm 2005
NGHỊ QUYẾT
Về dự toán ngân sách nhà nước năm 2006
I. Tổng thu ngân sách nhà nước năm 2006
1. Thu nội địa: 1.256 tỷ đồng.
2. Thuế xuất nhập khẩu: 4,5 tỷ đồng.
II. Tổng chi ngân sách địa phương năm 2006 là 1.617,352 tỷ đồng, trong đó:
1. Chi đầu tư phát triển: 533,5 tỷ đồng.
2. Chi thường xuyên: 1.046 tỷ đồng.
"""
    report = report_from_text(text, "tien-giang.txt", stages=stages_for("rules"))
    passages = make_passages(report)
    total = [p for p in passages if "1.617,352 tỷ đồng" in p.text]
    assert len(total) == 1 and total[0].section == "II." and total[0].text.startswith("II. Tổng chi")
    assert not any(p.text.startswith("I. Tổng thu") for p in passages)  # a bare heading without a figure
    assert all(report.text[p.start:p.end] == p.text for p in passages)
