"""PROJECT names as real documents write them (issue 15): road codes, weeks and days of action,
works heads that end another word, streets in an address, titles that stop before "thuộc",
"gồm", "lần thứ", "và các". Sentences written for these tests."""

import pytest

from tests.entities import helpers


def labelled(text, labels=("PROJECT", "LOCATION", "AGENCY")):
    return helpers.labelled(text, labels)


@pytest.mark.parametrize("text, expected", [
    ("Bàn giao QL.15, QL.1A cho tỉnh quản lý.", [("PROJECT", "QL.15"), ("PROJECT", "QL.1A")]),
    ("Về việc chuyển ql.8 về địa phương quản lý.", [("PROJECT", "ql.8")]),
    ("- Đoạn tuyến ĐT.741 từ Km5+00 đến Km9+00.", [("PROJECT", "ĐT.741")]),
])
def test_road_codes(text, expected):
    assert labelled(text, ("PROJECT",)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Các xã tổ chức Tuần lễ Quốc gia phòng chống thiên tai lần thứ 5 tại huyện.",
     [("PROJECT", "Tuần lễ Quốc gia phòng chống thiên tai")]),
    ("Mít tinh hưởng ứng Ngày Thế giới phòng chống bệnh lao 24 tháng 3.",
     [("PROJECT", "Ngày Thế giới phòng chống bệnh lao")]),
])
def test_weeks_and_days_of_action(text, expected):
    assert labelled(text, ("PROJECT",)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đóng mới tàu, yêu cầu Tổng công ty tính toán kỹ.", []),
    ("Hệ thống gồm nhiều tuyến đường bộ cao tốc Bắc - Nam.", [("PROJECT", "đường bộ cao tốc Bắc - Nam")]),
])
def test_a_works_head_that_ends_another_word(text, expected):
    assert labelled(text, ("PROJECT",)) == expected


def test_a_street_in_an_address_is_a_place():
    text = "Trụ sở đặt tại: 25, đường Trần Phú, quận Ba Đình."
    assert labelled(text) == [("LOCATION", "đường Trần Phú"), ("LOCATION", "quận Ba Đình")]


@pytest.mark.parametrize("text, expected", [
    ("Toàn Chương trình gồm 120 tiết học.", []),
    ("Áp dụng chính sách với Khu kinh tế cửa khẩu và các văn bản khác.", [("PROJECT", "Khu kinh tế cửa khẩu")]),
    ("Bổ sung vốn cho Dự án phòng chống sốt rét thuộc chương trình y tế.",
     [("PROJECT", "Dự án phòng chống sốt rét")]),
])
def test_a_title_stops_before_what_follows_it(text, expected):
    assert labelled(text, ("PROJECT",)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phát triển hệ thống cảng biển Việt Nam theo quy hoạch.", [("LOCATION", "Việt Nam")]),
    ("Khánh thành cầu Việt Nam - Lào tại cửa khẩu.", [("PROJECT", "cầu Việt Nam - Lào")]),
])
def test_a_works_head_before_a_country_alone_names_no_work(text, expected):
    assert labelled(text) == expected


def test_a_number_ending_a_name_opens_no_address():
    text = "Hoàn thành cầu Cửa Lục 3, đường bao biển Hạ Long - Cẩm Phả."
    assert labelled(text, ("LOCATION",)) == []


def test_a_board_managing_parks_keeps_them():
    text = "Trong 5 tháng, Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng cấp mới 5 dự án."
    assert labelled(text, ("AGENCY",)) == [("AGENCY", "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng")]


@pytest.mark.parametrize("text", [
    "Vốn thực hiện dự án 5 triệu ha rừng: 33 tỷ đồng.",
    "Còn 22 tàu trong chương trình 32 tàu chưa đóng.",
])
def test_a_lower_case_head_before_a_count_is_no_name_alone(text):
    assert labelled(text, ("PROJECT",)) == []


@pytest.mark.parametrize("text", [
    "Vốn các dự án ngoài khu công nghiệp 45,6 triệu USD.",
    "Số lao động làm việc ngoài khu công nghiệp 7.220 người.",
    "Hồ sơ tiếp nhận trực tuyến 89.240 hồ sơ.",
])
def test_a_figure_after_a_works_head_is_no_name(text):
    assert labelled(text, ("PROJECT",)) == []


def test_a_number_that_names_a_work_stays_in_its_name():
    assert labelled("Khởi công Quốc lộ 91 và cầu Rào 1.", ("PROJECT",)) == [
        ("PROJECT", "Quốc lộ 91"), ("PROJECT", "cầu Rào 1")]


@pytest.mark.parametrize("text, expected", [
    ("Sở triển khai Tháng hành động về an toàn, vệ sinh thực phẩm năm 2025 tại các chợ.",
     "Tháng hành động về an toàn, vệ sinh thực phẩm"),
    ("Trong đó có Dự án Khu phức hợp khách sạn, văn phòng và căn hộ Sông Hàn tại quận Hải Châu.",
     "Dự án Khu phức hợp khách sạn, văn phòng và căn hộ Sông Hàn"),
    ("Thực hiện Đề án số hóa hồ sơ hộ tịch, chứng thực và lý lịch tư pháp của tỉnh.",
     "Đề án số hóa hồ sơ hộ tịch, chứng thực và lý lịch tư pháp"),
    ("Triển khai Chương trình nông thôn mới, giảm nghèo và an sinh xã hội.", "Chương trình nông thôn mới"),
])
def test_a_coordination_inside_a_title_crosses_its_comma(text, expected):
    assert labelled(text, ("PROJECT",)) == [("PROJECT", expected)]


def test_a_title_may_open_with_a_verb_in_capitals():
    text = "Kế hoạch thực hiện Đề án Tăng cường công tác phổ biến pháp luật cho cán bộ."
    assert labelled(text, ("PROJECT",)) == [("PROJECT", "Đề án Tăng cường công tác phổ biến pháp luật")]
