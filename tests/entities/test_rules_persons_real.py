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
