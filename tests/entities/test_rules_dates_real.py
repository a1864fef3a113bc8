"""DATE as real documents write it (issue 15): a day and month without "ngày", weekdays,
hyphenated dates, five-year plans, lunar holidays named by their year. Sentences written for
these tests."""

import pytest

from tests.entities.helpers import texts_of


def dates(text):
    return texts_of(text, "DATE")


@pytest.mark.parametrize("text, expected", [
    ("Mít tinh hưởng ứng ngày hội 26 tháng 3 tại nhà văn hóa.", ["26 tháng 3"]),
    ("Cán bộ nghỉ ngày thứ hai 02/01/2023 và làm bù thứ bảy 14/01/2023.",
     ["ngày thứ hai 02/01/2023", "thứ bảy 14/01/2023"]),
    ("Ngày 7-8-2015, hội nghị được tổ chức.", ["Ngày 7-8-2015"]),
    ("Chương trình áp dụng từ tháng 9-2016 cho các lớp.", ["tháng 9-2016"]),
    ("Xây dựng kế hoạch 5 năm 2021-2025 của ngành.", ["5 năm 2021-2025"]),
    ("Chăm lo cho hộ nghèo đón Tết Quý Mão và Tết âm lịch 2024.", ["Tết Quý Mão", "Tết âm lịch 2024"]),
    ("Nhân dịp xuân Giáp Thìn năm 2024, tỉnh tặng quà.", ["xuân Giáp Thìn năm 2024"]),
    ("Trước 20 tháng Chạp, quà đã được trao.", ["20 tháng Chạp"]),
])
def test_dates_as_written(text, expected):
    assert dates(text) == expected


def test_a_duration_is_no_day_of_a_month():
    assert "6 tháng 10" not in dates("Thời gian thi công 6 tháng 10 ngày.")


def test_a_holiday_without_its_year_is_no_date():
    assert dates("Tết Nguyên đán sắp đến, các xã chuẩn bị quà.") == []


def test_months_so_far_before_a_count_are_no_day():
    assert "11 tháng 1" not in dates("Lũy kế 11 tháng 1.286 ca mắc.")


@pytest.mark.parametrize("text, expected", [
    ("Sáng 5/3, chiều 19/11/2010 và tối 31/12 có mưa; chiều 13/14 hộ được thăm.", ["5/3", "19/11/2010", "31/12"]),
    ("Đợt một từ 01/3 đến hết ngày 10/3/2010, đợt hai từ 2/4 đến 30/4/2010.",
     ["01/3", "ngày 10/3/2010", "2/4", "30/4/2010"]),
    ("Họp từ 01/3 đến 15/3; diện tích giảm từ 1/3 xuống 1/4, chiếm từ 1/3 đến 1/2 số hộ; đạt 370/373 cơ sở.", []),
])
def test_a_day_and_month_alone_after_a_time_of_day_or_opening_a_dated_span(text, expected):
    assert dates(text) == expected
