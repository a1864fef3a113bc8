"""Classes found on the prefixes of 6 more external dev documents (round 5: two department
charters, a forest-allocation scheme, two land-compensation decisions, a housing programme),
each fixed by a general rule, checked on sentences written for these tests (not copied from any
document). Spans are exact: `labelled` checks text[start:end] == span text."""

import pytest

from tests.entities.helpers import labelled, texts_of


@pytest.mark.parametrize("text, expected", [
    # a development programme with a lower-case object is a programme, not the UN body
    ("Sở Xây dựng trình Chương trình phát triển đô thị tỉnh Hà Nam đến năm 2015.",
     [("AGENCY", "Sở Xây dựng"), ("PROJECT", "Chương trình phát triển đô thị tỉnh Hà Nam"), ("DATE", "năm 2015")]),
    ("Quyết định phê duyệt chương trình phát triển giao thông nông thôn tỉnh bình định",
     [("PROJECT", "chương trình phát triển giao thông nông thôn tỉnh bình định")]),
    # the UN body keeps its capitalised name
    ("Đoàn công tác của Chương trình Phát triển Liên Hợp Quốc đã làm việc với tỉnh.",
     [("AGENCY", "Chương trình Phát triển Liên Hợp Quốc")]),
])
def test_a_development_programme_is_no_body(text, expected):
    assert labelled(text, ("AGENCY", "PROJECT", "DATE")) == expected


@pytest.mark.parametrize("text, expected", [
    # a ministry's second field in short form (the initials of a field) belongs to it
    ("Theo hướng dẫn của Bộ Nông nghiệp và PTNT về trồng rừng.", ["Bộ Nông nghiệp và PTNT"]),
    ("Bộ Lao động và TBXH đã có ý kiến.", ["Bộ Lao động và TBXH"]),
    # a body in short form after "và" is a body of its own
    ("Bộ Tài chính và KBNN phối hợp thực hiện.", ["Bộ Tài chính"]),
])
def test_a_ministry_field_in_short_form_after_va(text, expected):
    assert texts_of(text, "AGENCY") == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised verb opening the document's subject ends its issuer's name
    ("Căn cứ Thông tư số 7/2011/TT-BYT của Bộ Y tế Quy định về khám sức khoẻ;", ["Bộ Y tế"]),
    ("Căn cứ Thông tư số 9/2011/TT-BCT của Bộ Công Thương Sửa đổi Thông tư số 2/2010/TT-BCT;", ["Bộ Công Thương"]),
])
def test_a_subject_verb_ends_the_issuer(text, expected):
    assert texts_of(text, "AGENCY") == expected


@pytest.mark.parametrize("text, expected", [
    # a comma joins fields of one name only when "và" and a capital close the enumeration
    ("Thanh tra phối hợp với Cục Thuế, Quản lý thị trường kiểm tra hàng hoá.", ["Cục Thuế"]),
    ("Sở Tài chính, Kế hoạch và Đầu tư tổng hợp dự toán.", ["Sở Tài chính, Kế hoạch và Đầu tư"]),
    # fields that say what a body does join the same way, then its lower-case object
    ("Giao Trung tâm Tư vấn, Thẩm định và Phát triển quỹ nhà tỉnh thực hiện.",
     ["Trung tâm Tư vấn, Thẩm định và Phát triển quỹ nhà tỉnh"]),
    # "và" and a verb after the object go on with the clause
    ("Sở chỉ đạo Trung tâm Bảo tồn đa dạng sinh học và theo dõi việc thực hiện.",
     ["Trung tâm Bảo tồn đa dạng sinh học"]),
])
def test_fields_enumerated_in_one_name(text, expected):
    assert texts_of(text, "AGENCY") == expected


@pytest.mark.parametrize("text, expected", [
    # a second year joined by "và" to a year with "năm" is a date of its own
    ("Quy hoạch mạng lưới chợ đến năm 2015 và 2025 được rà soát.", ["năm 2015", "2025"]),
    # not a count that follows
    ("Số hộ năm 2012 và 2013 người.", ["năm 2012"]),
])
def test_a_second_year_after_va(text, expected):
    assert texts_of(text, "DATE") == expected


@pytest.mark.parametrize("text, expected", [
    # a law named once with a capitalised title is the same law at a use in another case
    ("Căn cứ Luật Bảo vệ môi trường năm 2005; Nghị định hướng dẫn Luật bảo vệ môi trường đã ban hành.",
     ["Luật Bảo vệ môi trường năm 2005", "Luật bảo vệ môi trường"]),
    # "pháp luật" is no law
    ("Căn cứ Luật Bảo vệ môi trường năm 2005; chấp hành pháp luật bảo vệ môi trường.",
     ["Luật Bảo vệ môi trường năm 2005"]),
])
def test_a_law_at_a_use_in_another_case(text, expected):
    assert texts_of(text, "LEGAL_DOC") == expected


@pytest.mark.parametrize("text, expected", [
    # "Cơ quan" with a sector alone is a kind of body, as "cơ quan thuế"
    ("2. Cơ quan Tài chính là đơn vị thẩm định dự toán.", []),
    # with its place it is one body
    ("Hồ sơ gửi Cơ quan Thuế tỉnh Bình Định.", ["Cơ quan Thuế tỉnh Bình Định"]),
])
def test_a_body_kind_by_its_sector(text, expected):
    assert texts_of(text, "AGENCY") == expected


def test_a_place_in_a_lower_cased_title_known_from_the_body():
    text = ("Quyết định về giá đất trên địa bàn thị xã ayun pa\n"
            "Căn cứ đề nghị của Uỷ ban nhân dân thị xã Ayun Pa về giá đất trên địa bàn thị xã Ayun Pa;")
    assert texts_of(text, "LOCATION")[0] == "thị xã ayun pa"


@pytest.mark.parametrize("text, expected", [
    # bodies given as examples after a noun of bodies and "như", each named bare
    ("Sở phối hợp với các cơ quan như Biên phòng, Hải quan, Quản lý thị trường kiểm tra hàng hoá.",
     ["Biên phòng", "Hải quan", "Quản lý thị trường"]),
    ("Huy động các tổ chức như Hội Phụ nữ và Đoàn Thanh niên tham gia.", ["Hội Phụ nữ", "Đoàn Thanh niên"]),
    # not after other nouns
    ("Trồng các loại cây như Keo, Bạch đàn trên đất trống.", []),
])
def test_bodies_given_as_examples(text, expected):
    assert texts_of(text, "AGENCY") == expected


@pytest.mark.parametrize("text, expected", [
    # "BQL" is "Ban quản lý" in short: with the kind it manages, the boards of that kind
    ("+ Các BQL chợ: 120 triệu đồng", ["BQL chợ"]),
    ("Giao BQL dự án đầu tư xây dựng huyện lập hồ sơ.", ["BQL dự án đầu tư xây dựng huyện"]),
])
def test_a_board_in_short_form(text, expected):
    assert texts_of(text, "AGENCY") == expected
