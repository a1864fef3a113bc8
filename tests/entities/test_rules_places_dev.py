"""LOCATION classes of error found on the written dev reports (issue 15). Sentences written
for these tests."""

import pytest

from tests.entities.helpers import texts_of


def places(text):
    return texts_of(text, "LOCATION")


@pytest.mark.parametrize("text, expected", [
    ("Đoàn kiểm tra làm việc tại huyện Cư M'gar trong hai ngày.", ["huyện Cư M'gar"]),
    ("Mưa lớn gây ngập 40 ha lúa ở xã Ea H'đing.", ["xã Ea H'đing"]),
    ("Huyện Ea H'leo 120 ha; huyện Krông Năng 80 ha.", ["Huyện Ea H'leo", "huyện Krông Năng"]),
    ("Giao thông tại huyện M\u2019Drắk bị chia cắt.", ["huyện M\u2019Drắk"]),
])
def test_apostrophe_glues_a_name(text, expected):
    assert places(text) == expected


def test_apostrophe_names_keep_a_list_going():
    assert places("Nắng hạn kéo dài ở huyện Lắk, M'Drắk và Krông Bông.") == [
        "huyện Lắk", "M'Drắk", "Krông Bông"]


def test_spaced_quote_is_not_glued():
    assert places("Nhân dân huyện Ea Kar ' hưởng ứng phong trào.") == ["huyện Ea Kar"]


@pytest.mark.parametrize("text, expected", [
    ("Xuất khẩu sang Ý tăng 5%; sang Pháp tăng 3%.", ["Ý", "Pháp"]),
    ("Ý kiến của cử tri đã được tổng hợp.", []),
    ("Ý thức chấp hành pháp luật được nâng lên.", []),
])
def test_one_letter_country(text, expected):
    assert places(text) == expected


def test_kingdom_is_one_place():
    assert places("Đoàn công tác hội đàm với tỉnh Stung Treng (Vương quốc Campuchia) về biên giới.") == [
        "tỉnh Stung Treng", "Vương quốc Campuchia"]


@pytest.mark.parametrize("text, expected", [
    ("Du khách đến Khu di tích lịch sử Ngã Ba Đồng Lộc và Làng nổi Tân Lập.",
     ["Khu di tích lịch sử Ngã Ba Đồng Lộc", "Làng nổi Tân Lập"]),
    ("Đoàn khảo sát Khu bảo tồn đất ngập nước Vân Long.", ["Khu bảo tồn đất ngập nước Vân Long"]),
    ("Công tác tu bổ di tích lịch sử được quan tâm.", []),
])
def test_site_heads(text, expected):
    assert places(text) == expected


def test_board_word_inside_a_country_name():
    text = "Hàng xuất sang Nhật Bản, Tây Ban Nha và Ý; Ban Quản lý dự án tỉnh theo dõi."
    assert places(text) == ["Nhật Bản", "Tây Ban Nha", "Ý"]
    assert texts_of(text, "AGENCY") == ["Ban Quản lý dự án tỉnh"]


@pytest.mark.parametrize("text, expected", [
    ("Giá cà phê tại Buôn Ma Thuột tăng nhẹ.", ["Buôn Ma Thuột"]),
    ("Ngày hội văn hóa Thủ Dầu Một thu hút du khách.", ["Thủ Dầu Một"]),
    ("Người dân Phan Rang - Tháp Chàm đón Tết.", ["Phan Rang - Tháp Chàm"]),
    ("Đồng chí Trần Văn Thời phát biểu tại hội nghị.", []),
    ("Cảng hàng không Buôn Ma Thuột đón 5.000 lượt khách.", []),
])
def test_long_district_name_without_unit(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Du khách đến hồ Tuyền Lâm, Đơn Dương và thác Pongour.", ["hồ Tuyền Lâm", "Đơn Dương", "thác Pongour"]),
    ("Khách tham quan vịnh Hạ Long, Sở Du lịch cho biết.", ["vịnh Hạ Long"]),
    ("Ô nhiễm ở sông Tô Lịch, Nhà máy nước phải dừng.", ["sông Tô Lịch"]),
])
def test_units_listed_after_a_site(text, expected):
    assert places(text) == expected


def test_site_name_going_on_in_lower_case_is_left_out():
    assert places("Tỉnh tu bổ Khu di tích lịch sử Địa đạo Tam giác sắt.") == []


def test_national_park_named_as_a_partner_is_an_agency():
    text = "Chi cục Kiểm lâm phối hợp với Vườn quốc gia Bạch Mã, Vườn quốc gia Cát Tiên tuần tra."
    assert texts_of(text, "AGENCY") == ["Chi cục Kiểm lâm", "Vườn quốc gia Bạch Mã", "Vườn quốc gia Cát Tiên"]
    assert places(text) == []
    assert places("Du khách đến Vườn quốc gia Cúc Phương.") == ["Vườn quốc gia Cúc Phương"]
