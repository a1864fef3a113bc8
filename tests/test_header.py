"""Header fields and the period a report covers."""

import pytest

from nlp.header import parse_period


def test_seed_header(seed):
    assert seed.number == "742/BC-SKHĐT"
    assert seed.place == "Cần Thơ"
    assert seed.date == "2023-03-28"
    assert seed.issuer == "Sở Kế hoạch và Đầu tư"
    assert seed.title == ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI THÁNG 3, QUÝ I VÀ "
                          "CÁC CÔNG TÁC TRỌNG TÂM THÁNG 4 NĂM 2023")
    fields = {f.name: f for f in seed.header}
    # each value is read from a span of the text; the number span keeps its odd spacing
    assert fields["number"].text == "742  /BC-SKHĐT"
    assert fields["date"].text == "ngày  28   tháng  3  năm 2023"
    # no agency line in this header: the issuer comes from "… Sở Kế hoạch và Đầu tư kính báo cáo"
    assert seed.text[fields["issuer"].end:].startswith(" kính báo cáo")


def test_seed_period(seed):
    p = seed.period
    assert (p.year, p.month, p.quarter, p.half) == (2023, 3, 1, None)
    assert (p.start, p.end, p.text) == ("2023-01-01", "2023-03-31", "tháng 3, quý I năm 2023")


@pytest.mark.parametrize("title, expected", [
    ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2024", (2024, None, None, 1, "2024-01-01", "2024-06-30")),
    ("BÁO CÁO KẾT QUẢ QUÝ II NĂM 2024 VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2024",
     (2024, None, 2, None, "2024-04-01", "2024-06-30")),
    ("Tình hình sản xuất tháng 9 và nhiệm vụ trọng tâm tháng 10 năm 2022",
     (2022, 9, None, None, "2022-09-01", "2022-09-30")),
    ("BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2023", (2023, None, None, None, "2023-01-01", "2023-09-30")),
    ("BÁO CÁO TỔNG KẾT NĂM 2022", (2022, None, None, None, "2022-01-01", "2022-12-31")),
    ("BÁO CÁO TÌNH HÌNH 6 THÁNG CUỐI NĂM 2021", (2021, None, None, 2, "2021-07-01", "2021-12-31")),
])
def test_period_forms(title, expected):
    p = parse_period(title)
    assert (p.year, p.month, p.quarter, p.half, p.start, p.end) == expected


def test_no_year_no_period():
    assert parse_period("BÁO CÁO TÌNH HÌNH KINH TẾ") is None
