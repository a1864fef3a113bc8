"""PROJECT classes found on the external dev documents (issue 15, session 7), each fixed by a
general rule and checked on sentences written for these tests. Spans are exact (`texts_of`
checks text[start:end] == span text)."""

import pytest

from tests.entities.helpers import texts_of


def projects(text):
    return texts_of(text, "PROJECT")


@pytest.mark.parametrize("text, expected", [
    # the last lower-case item of a listed title before "giai đoạn …" stays inside the title
    ("Căn cứ Quyết định phê duyệt Quy hoạch phát triển mạng lưới chợ, siêu thị giai đoạn 2010 - 2015;",
     ["Quy hoạch phát triển mạng lưới chợ, siêu thị"]),
    # whom a programme is for ("của" + a generic noun closing the clause) is part of its title
    ("Căn cứ Quyết định về việc phê duyệt Chương trình hỗ trợ đổi mới công nghệ của doanh nghiệp;",
     ["Chương trình hỗ trợ đổi mới công nghệ của doanh nghiệp"]),
    # a disease named with "tăng"/"giảm" is not a figure's verb
    ("Bổ sung kinh phí cho dự án Phòng, chống bệnh tăng huyết áp và các dự án khác.",
     ["dự án Phòng, chống bệnh tăng huyết áp"]),
])
def test_project_titles_run_to_their_clause_end(text, expected):
    assert projects(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Dự án Nhà máy nước Sông Hậu của Công ty cổ phần Cấp nước đã khởi công.", ["Dự án Nhà máy nước Sông Hậu"]),
    ("Triển khai Chương trình 135 của tỉnh.", ["Chương trình 135"]),
])
def test_an_owner_stays_outside(text, expected):
    assert projects(text) == expected


def test_and_other_projects_ends_a_title():
    assert projects("Đã giải ngân cho Dự án nâng cấp đê biển Tây và các dự án khác.") == ["Dự án nâng cấp đê biển Tây"]
