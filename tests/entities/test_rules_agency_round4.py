"""AGENCY (and PERSON / PROJECT) classes found on the prefixes of 4 more external dev documents
(session 8, round 4: meeting conclusions, a directive, a guidance), each fixed by a general rule,
checked on sentences written for these tests (not copied from any document). Spans are exact:
`texts_of` checks text[start:end] == span text."""

import pytest

from tests.entities.helpers import labelled, texts_of


def agencies(text):
    return texts_of(text, "AGENCY")


@pytest.mark.parametrize("text, expected", [
    # in a title lower-cased whole, a ministry or department with its field, wherever it stands
    ("Thông báo kết luận của lãnh đạo bộ tài chính tại hội nghị sơ kết năm 2011", ["bộ tài chính"]),
    ("Thông báo ý kiến của phó thủ tướng về đề nghị của bộ công thương", ["bộ công thương"]),
    ("Quyết định về việc giao chỉ tiêu cho sở y tế tỉnh hà tĩnh năm 2011", ["sở y tế tỉnh hà tĩnh"]),
    # an officer is no ministry
    ("Quyết định về chế độ cho cán bộ tư pháp xã", []),
])
def test_a_ministry_in_a_lower_cased_title(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a field written as a short form closes the name: the person after it is a person
    ("Báo cáo do Thứ trưởng Bộ LĐTBXH Lê Văn Bình trình bày.",
     [("AGENCY", "Bộ LĐTBXH"), ("PERSON", "Lê Văn Bình")]),
    # a one-syllable place among the given names does not make the name a place
    ("Ý kiến của Thứ trưởng thường trực Bộ GTVT Phạm Quang Đức được ghi nhận.",
     [("AGENCY", "Bộ GTVT"), ("PERSON", "Phạm Quang Đức")]),
    # companies and schools are named after people
    ("Giám đốc Công ty TNHH Trần Văn Hoà ký.", [("AGENCY", "Công ty TNHH Trần Văn Hoà")]),
    ("Học sinh Trường THPT Lê Hồng Phong đạt giải.", [("AGENCY", "Trường THPT Lê Hồng Phong")]),
])
def test_a_person_after_a_field_in_short_form(text, expected):
    assert labelled(text, ("AGENCY", "PERSON")) == expected


@pytest.mark.parametrize("text, expected", [
    # plural heads with a field in short form name the bodies of that field (decision 5)
    ("- Các Sở TN&MT rà soát quy hoạch của địa phương.", ["Sở TN&MT"]),
    ("Đề nghị các Sở KH&ĐT, Sở Tài chính phối hợp.", ["Sở KH&ĐT", "Sở Tài chính"]),
    # boards named by their kind, in lower case or in a short form
    ("Các chủ đầu tư, các Ban quản lý dự án và nhà thầu phải cam kết tiến độ.", ["Ban quản lý dự án"]),
    ("Phân cấp mạnh cho các ban QLDA; đồng thời tăng cường kiểm tra.", ["ban QLDA"]),
])
def test_bodies_of_a_field_in_short_form_or_of_a_kind(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a department written straight before its ministry is one body
    ("Lãnh đạo Cục Quân y Bộ Quốc phòng và Sở Y tế dự họp.", ["Cục Quân y Bộ Quốc phòng", "Sở Y tế"]),
    # a ministry's field is a field: "và" and a capital that is no field do not continue it
    ("Đại diện Cục Kế hoạch Bộ Quốc phòng và Quân chủng Hải quân dự họp.", ["Cục Kế hoạch Bộ Quốc phòng"]),
    ("Bộ Kế hoạch và Đầu tư, Bộ Nông nghiệp và Phát triển nông thôn thống nhất.",
     ["Bộ Kế hoạch và Đầu tư", "Bộ Nông nghiệp và Phát triển nông thôn"]),
    # a comma keeps them apart
    ("Giao Cục Hải quan, Bộ Tài chính thực hiện.", ["Cục Hải quan", "Bộ Tài chính"]),
])
def test_a_department_before_its_ministry(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the office after the post "Chánh" runs in lower case to a closing mark or a level
    ("Phó Cục trưởng, Chánh Văn phòng Cục Quản lý giá cả các tỉnh được mời.",
     ["Văn phòng Cục Quản lý giá cả"]),
    # "Trung ương Đảng" acts as one body, as "Trung ương Đoàn" does
    ("Uỷ viên Trung ương Đảng, Bí thư Tỉnh uỷ phát biểu.", ["Trung ương Đảng", "Tỉnh uỷ"]),
])
def test_an_office_after_its_post_and_the_party_centre(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a bridge head that closes a word begun before it is no bridge
    ("Sở Xây dựng yêu cầu Chủ đầu tư khẩn trương hoàn thành.", []),
    ("Đáp ứng nhu cầu Người dân trong mùa lũ.", []),
    # but a classifier or another work head before it names the work
    ("Khởi công tuyến đường bộ cao tốc Bắc Giang - Lạng Sơn.", ["đường bộ cao tốc Bắc Giang - Lạng Sơn"]),
    # and a word of place before it ("dọc đường", "ven đường") leaves the street its name
    ("Đã lắp xong tuyến cống thoát nước dọc đường Lê Thánh Tông.", ["đường Lê Thánh Tông"]),
])
def test_a_bridge_head_inside_a_word(text, expected):
    assert texts_of(text, "PROJECT") == expected
