"""LOCATION classes of error found on the real external dev documents (issue 15): titles copied
in lower case, languages, classes of communes, islands and river mouths. Sentences written for
these tests."""

import pytest

from tests.entities.helpers import texts_of


def places(text):
    return texts_of(text, "LOCATION")


@pytest.mark.parametrize("text, expected", [
    ("Quy định hỗ trợ doanh nghiệp tỉnh bình phước giai đoạn 2009 - 2010", ["tỉnh bình phước"]),
    ("Chuyển ql.32 trên địa bàn thành phố hà nội về địa phương quản lý", ["thành phố hà nội"]),
    ("Hội nghị diễn đàn kinh tế tại việt nam năm 2010", ["việt nam"]),
    ("Người dân ở hà nội, tại thái bình; tại ý kiến; ở mỹ quan đô thị.", ["hà nội", "thái bình"]),
])
def test_places_in_a_title_copied_in_lower_case(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tên gọi bằng tiếng Việt Nam và tiếng Anh, tiếng Pháp; hợp tác với Pháp.", ["Pháp"]),
    ("Các xã khu vực I và khu vực II được hỗ trợ; khu vực Đình Vũ phát triển.", ["Đình Vũ"]),
])
def test_a_language_and_a_class_of_communes_are_no_places(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tàu ra vào cảng từ Cửa Lục ra Hòn Một, qua Hòn Gai và Mũi Né.", ["Cửa Lục", "Hòn Một", "Hòn Gai", "Mũi Né"]),
    ("Thị xã Cửa Lò mở thêm cửa hàng tại Hòn Ngư.", ["Thị xã Cửa Lò", "Hòn Ngư"]),
])
def test_islands_and_river_mouths(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Các trường ở huyện Thới lai; thành phố Hà nội, tỉnh Bình thuận đã hoàn thành.",
     ["huyện Thới lai", "thành phố Hà nội", "tỉnh Bình thuận"]),
    ("Xã Tân phát triển mạnh; huyện Phong Điền có mưa.", ["Xã Tân", "huyện Phong Điền"]),
])
def test_a_known_unit_with_a_syllable_left_in_lower_case(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chính sách đất đai ở khu vực Nhà Rồng - Khánh Hội, bán nhà xưởng cũ.", ["Nhà Rồng - Khánh Hội"]),
    ("Khu vực Tây Nguyên - nơi có nhiều đồng bào; khu vực Đình Vũ - Cát Hải phát triển.", ["Tây Nguyên", "Đình Vũ"]),
])
def test_an_area_named_by_two_places_joined_by_a_dash(text, expected):
    assert places(text) == expected


def test_an_area_word_closing_a_paragraph():
    assert places("Tăng cường quản lý trong khu vực\nCác xã khu vực") == []


def test_a_body_after_a_unit_is_not_its_name():
    assert places("Đưa vào Nghị quyết Đại hội tỉnh Đảng bộ nhiệm kỳ mới; tỉnh Quảng Nam hoàn thành.") == ["tỉnh Quảng Nam"]


@pytest.mark.parametrize("text, expected", [
    ("Hoạt động tại thôn Đông Xá, xóm Bãi, khu phố Tân Lập, tổ dân phố số 5 và thủ đô Viêng Chăn.",
     ["thôn Đông Xá", "xóm Bãi", "khu phố Tân Lập", "thủ đô Viêng Chăn"]),
    ("Xây dựng nông thôn mới ở Hà Nội; các thôn, xóm đều tham gia.", ["Hà Nội"]),
])
def test_hamlets_below_a_commune_and_a_capital_city(text, expected):
    assert places(text) == expected


def test_a_site_named_by_a_unit_whose_first_word_opens_other_names():
    assert places("Ngư dân khai thác hải sản ở quần đảo Trường Sa.") == ["quần đảo Trường Sa"]
