"""AGENCY (and LEGAL_DOC / PROJECT) classes found on 6 more external dev documents (session 8,
round 3), each fixed by a general rule on where a name starts and ends, checked on sentences
written for these tests (not copied from any document). Spans are exact: `texts_of` checks
text[start:end] == span text."""

import pytest

from tests.entities.helpers import texts_of


def agencies(text):
    return texts_of(text, "AGENCY")


@pytest.mark.parametrize("text, expected", [
    # a capitalised state head with its ministry's field in lower case is the body
    ("Căn cứ ý kiến của Sở tư pháp, ngày 5 tháng 3.", ["Sở tư pháp"]),
    ("Giao Cục hải quan chủ trì thực hiện.", ["Cục hải quan"]),
    ("Phó Cục trưởng Cục thuế tỉnh Sơn La ký.", ["Cục thuế tỉnh Sơn La"]),
    ("Báo cáo gửi Bộ ngoại giao và các cơ quan liên quan.", ["Bộ ngoại giao"]),
])
def test_a_state_head_with_a_lower_case_field(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a field that is also a verb or a generic activity says what is done, not which body
    ("Tham mưu giúp Cục xây dựng, trình Bộ trưởng phê duyệt.", []),
    ("Phòng quản lý, Sở đầu tư vào đâu cũng vậy.", []),
    # and a field left open (a longer lower-case phrase follows) is no name either
    ("Chi cục thuế nhà đất tăng lên.", []),
])
def test_a_verb_or_an_open_field_is_no_body(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a management board of the parks of a kind, named bare before a verb or a function word
    ("Ban Quản lý các khu công nghiệp có trách nhiệm hướng dẫn.", ["Ban Quản lý các khu công nghiệp"]),
    ("Ban Quản lý các khu kinh tế chủ trì, phối hợp với Sở Xây dựng.",
     ["Ban Quản lý các khu kinh tế", "Sở Xây dựng"]),
    # still closed by a mark or its place
    ("Trưởng ban Ban Quản lý các khu công nghiệp, Giám đốc Sở Tài chính.",
     ["Ban Quản lý các khu công nghiệp", "Sở Tài chính"]),
])
def test_a_board_of_a_kind_of_parks_before_a_verb(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # in a title lower-cased whole, a body after "tại" is one body when its place names it
    ("Quyết định ban hành quy chế phối hợp tại ban quản lý các khu kinh tế tỉnh quảng ngãi",
     ["ban quản lý các khu kinh tế tỉnh quảng ngãi"]),
    ("Quyết định về quy trình tiếp nhận hồ sơ tại sở tài nguyên và môi trường tỉnh lào cai",
     ["sở tài nguyên và môi trường tỉnh lào cai"]),
    # without a place it is any body of that kind
    ("Quyết định về lãi suất tiền gửi tại ngân hàng thương mại", []),
])
def test_a_body_after_tai_in_a_lower_cased_title(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a law named in full once (closed by its date) keeps that title at its other uses
    ("Căn cứ Luật Quản lý, bảo vệ công trình thuỷ lợi ngày 4 tháng 4 năm 2001; Nghị định hướng dẫn "
     "một số điều của Luật Quản lý, bảo vệ công trình thuỷ lợi;",
     ["Luật Quản lý, bảo vệ công trình thuỷ lợi", "Luật Quản lý, bảo vệ công trình thuỷ lợi"]),
    # a short form inside a title, lower-case words going on after it
    ("Căn cứ Luật Ban hành văn bản QPPL của HĐND và UBND ngày 03/12/2004;",
     ["Luật Ban hành văn bản QPPL của HĐND và UBND"]),
])
def test_a_law_title_named_the_same_way_and_with_a_short_form(text, expected):
    assert texts_of(text, "LEGAL_DOC") == expected


@pytest.mark.parametrize("text, expected", [
    # a numbered document is never part of a scheme's title
    ("Giao Sở Nội vụ thực hiện Đề án kèm theo Tờ trình số 12/TTr-SNV ngày 5/3/2009.", []),
    # "thuộc" and a place close a capitalised scheme's title, as "trên địa bàn" does
    ("Thông qua Đề án về hỗ trợ giáo viên, nhân viên mầm non thuộc tỉnh Kon Tum; cụ thể như sau.",
     ["Đề án về hỗ trợ giáo viên, nhân viên mầm non"]),
])
def test_a_scheme_title_ends_before_a_numbered_document_and_at_its_place(text, expected):
    assert texts_of(text, "PROJECT") == expected
