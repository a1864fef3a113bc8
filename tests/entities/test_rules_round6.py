"""Classes found on 6 more external dev documents (round 6: plans, programmes, schemes and an
economic zone; issue 15's weak PROJECT label), each fixed by a general rule, checked on sentences
written for these tests (not copied from any document). Spans are exact: `labelled` checks
text[start:end] == span text."""

import pytest

from tests.entities.helpers import labelled, texts_of

LABELS = ("AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "DATE")


@pytest.mark.parametrize("text, expected", [
    # a title quoted whole with its head keeps the quotes and the years inside them
    ('Điều 1. Phê duyệt " Đề án phát triển du lịch biển đến năm 2025 " (sau đây gọi tắt là Đề án).',
     [("PROJECT", '" Đề án phát triển du lịch biển đến năm 2025 "')]),
    ('Quyết định phê duyệt " chương trình nâng cao chất lượng nước sạch đến năm 2030 "',
     [("PROJECT", '" chương trình nâng cao chất lượng nước sạch đến năm 2030 "')]),
    ("Thực hiện “Chiến lược bảo vệ rừng đầu nguồn đến năm 2030 và tầm nhìn đến năm 2045”;",
     [("PROJECT", "“Chiến lược bảo vệ rừng đầu nguồn đến năm 2030 và tầm nhìn đến năm 2045”")]),
    # a quote after the head is the head's quoted name, as before; a closing quote opens nothing
    ('Thực hiện Đề án " Cử cán bộ chuyên môn luân phiên " trong năm 2020.',
     [("PROJECT", 'Đề án " Cử cán bộ chuyên môn luân phiên "'), ("DATE", "năm 2020")]),
    ('Khẩu hiệu " vì môi trường " Chương trình phát triển nông thôn tỉnh Hà Nam được triển khai.',
     [("PROJECT", "Chương trình phát triển nông thôn tỉnh Hà Nam")]),
])
def test_a_title_quoted_whole(text, expected):
    assert labelled(text, LABELS) == expected
