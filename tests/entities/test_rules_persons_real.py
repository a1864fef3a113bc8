"""PERSON after titles real documents use (issue 15): delegates, a title and its body before
the name, names listed after one title. Sentences written for these tests."""

import pytest

from tests.entities.helpers import texts_of


def persons(text):
    return texts_of(text, "PERSON")


@pytest.mark.parametrize("text, expected", [
    ("Các đại biểu Lê Thị Hằng, Phạm Quốc Bảo đề nghị bổ sung.", ["Lê Thị Hằng", "Phạm Quốc Bảo"]),
    ("Hội nghị do Phó Thủ tướng Chính phủ Đỗ Minh Khôi chủ trì.", ["Đỗ Minh Khôi"]),
    ("Chủ tịch UBND tỉnh Bùi Văn Tâm dự họp.", ["Bùi Văn Tâm"]),
])
def test_names_after_titles(text, expected):
    assert persons(text) == expected


def test_a_unit_after_a_title_and_body_is_no_person():
    assert persons("Chủ tịch Uỷ ban nhân dân các huyện Văn Yên, Trấn Yên chịu trách nhiệm.") == []


def test_the_thought_of_a_man_is_no_place():
    assert persons("Học tập và làm theo tư tưởng Hồ Chí Minh trong cán bộ.") == ["Hồ Chí Minh"]


@pytest.mark.parametrize("text, expected", [
    ("Đại biểu Trần Đắc Sửu cho biết thêm. Theo ông Sửu, dự án cần thêm vốn; bà Lan nói thêm.",
     ["Trần Đắc Sửu", "Sửu"]),
    ("Đồng chí Lê Văn Tám phát biểu; đồng chí Tám đề nghị; Tám người dự họp.", ["Lê Văn Tám", "Tám"]),
    ("kết luận của phó thủ tướng nguyễn tấn dũng về kế hoạch\nPhó Thủ tướng Nguyễn Tấn Dũng chủ trì.",
     ["nguyễn tấn dũng", "Nguyễn Tấn Dũng"]),
])
def test_a_person_named_again_by_the_given_name_or_in_lower_case(text, expected):
    assert persons(text) == expected


def test_an_untitled_district_name_is_no_person():
    assert persons("Số xã đạt chuẩn: Phù Ninh (05), Lâm Thao (06), Tam Nông (02); ông Lâm Thao dự họp.") == ["Lâm Thao"]


@pytest.mark.parametrize("text, expected", [
    ("Học tập và làm theo tấm gương đạo đức Bác Hồ và lời dạy của Bác Hồ Chí Minh.", ["Bác Hồ", "Hồ Chí Minh"]),
    ("Bác sĩ Hồ khám bệnh tại thành phố Hồ Chí Minh.", []),
])
def test_an_honorific_reference_used_as_a_name(text, expected):
    assert persons(text) == expected


def test_the_thinkers_an_ideology_is_named_after():
    assert persons("Học tập chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh và Chủ nghĩa Xã hội.") == [
        "Mác - Lênin", "Hồ Chí Minh"]
