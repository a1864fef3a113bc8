"""The Vietnamese number grammar, on sentences written for each form in docs/annotation.md."""

import pytest

from nlp.figures import parse_number
from tests.entities.helpers import report_of


def figures(text):
    return [(f.text, f.value, f.unit, f.kind) for f in report_of(text).figures]


@pytest.mark.parametrize("written, value", [
    ("9.239,42", 9239.42), ("1,105", 1.105), ("23.698.900", 23698900), ("09", 9), ("0,08", 0.08), ("1.501,80", 1501.8),
])
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("text, expected", [
    ("Tổng mức bán lẻ ước thực hiện 9.239,42 tỷ đồng.", [("9.239,42 tỷ đồng", 9239420000000, "VND", "money")]),
    ("Vốn thực hiện 1,105 tỷ USD.", [("1,105 tỷ USD", 1105000000, "USD", "money")]),
    ("Thu ngân sách 5.931,053 tỷ đồng.", [("5.931,053 tỷ đồng", 5931053000000, "VND", "money")]),
    ("Kim ngạch đạt 181,526 triệu USD.", [("181,526 triệu USD", 181526000, "USD", "money")]),
    ("Đàn gia cầm 3,5 triệu con.", [("3,5 triệu con", 3500000, "con", "count")]),
    ("Vận chuyển 1.535,68 nghìn hành khách.", [("1.535,68 nghìn hành khách", 1535680, "hành khách", "count")]),
    ("Thả nuôi 2.412 ha và thu hoạch 37.759 tấn.", [("2.412 ha", 2412, "ha", "measure"),
                                                  ("37.759 tấn", 37759, "tấn", "measure")]),
    ("Đón 342.000 lượt khách.", [("342.000 lượt khách", 342000, "lượt khách", "count")]),
    ("Có 258 dự án còn hiệu lực.", [("258 dự án", 258, "dự án", "count")]),
    ("Kinh phí hơn 09 tỷ đồng.", [("09 tỷ đồng", 9000000000, "VND", "money")]),
])
def test_amounts_in_base_units(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text", ["Diện tích đạt 29%KH.", "Diện tích đạt 29 % KH.", "Diện tích đạt 29% KH."])
def test_percent_glued_or_spaced_with_plan_basis(text):
    (figure,) = report_of(text).figures
    assert (figure.value, figure.unit, figure.kind, figure.basis) == (29, "%", "percent", "plan")
    assert figure.text.rstrip(" %") == "29" and "KH" not in figure.text


def test_ratios_keep_both_parts_in_base_units():
    (a,) = report_of("Kết quả có 370/373 cơ sở đạt.").figures
    assert (a.kind, a.value, a.total, a.unit) == ("ratio", 370, 373, "cơ sở")
    (b,) = report_of("Giải ngân 1.079,093/6.554,808 tỷ đồng.").figures
    assert (b.kind, b.value, b.total, b.unit) == ("ratio", 1079093000000, 6554808000000, "VND")


def test_a_tally_is_three_figures():
    found = figures("Đạt 42 huy chương các loại: 11HCV - 08 HCB - 23 HCĐ.")
    assert found == [("42 huy chương", 42, "huy chương", "count"), ("11HCV", 11, "hcv", "count"),
                     ("08 HCB", 8, "hcb", "count"), ("23 HCĐ", 23, "hcđ", "count")]


def test_direction_basis_qualifier_indicator_and_period():
    report = report_of("Chỉ số sản xuất công nghiệp (IIP) tháng 03/2023 ước tăng 12,12% so với tháng trước "
                       "và giảm 1,5% so với cùng kỳ; vụ Hè Thu xuống giống khoảng 32.120 ha, vượt 1,13% KH.")
    up, down, area, over = report.figures
    assert (up.direction, up.basis, up.indicator, up.period) == (
        "increase", "previous_month", "Chỉ số sản xuất công nghiệp", "tháng 03/2023")
    assert (down.direction, down.basis, down.indicator) == ("decrease", "same_period", "Chỉ số sản xuất công nghiệp")
    assert (area.direction, area.qualifier, area.indicator) == ("none", "khoảng", "vụ Hè Thu")
    assert (over.direction, over.basis) == ("increase", "plan")


@pytest.mark.parametrize("text", [
    "Tổ chức lần thứ 2 trong năm 2023.",
    "Phòng, chống dịch COVID-19 và cúm A (H5N1).",
    "Nâng cấp Quốc lộ 91 theo Quyết định số 12/QĐ-UBND.",
    "Kỷ niệm 93 năm ngày thành lập, kéo dài 03 tháng.",
    "Trẻ từ 12 đến 17 tuổi được tiêm mũi 3.",
    "Báo cáo ngày 28/3/2023 giai đoạn 2021-2025.",
])
def test_dates_names_ordinals_and_durations_are_not_figures(text):
    assert figures(text) == []


def test_figure_spans_are_exact():
    report = report_of("Tổng vốn 1.868 tỷ USD, đạt 59% KH; 370/373 cơ sở; 11HCV.")
    assert report.figures and all(report.text[f.start:f.end] == f.text for f in report.figures)
