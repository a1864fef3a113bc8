"""Classes found on 6 more external dev documents (round 7: issue 15's PROJECT label; a mineral plan,
border economic zones, irrigation and cooperative decisions), each fixed by a general rule, checked
on sentences written for these tests (not copied from any document). Spans are exact: `labelled`
checks text[start:end] == span text."""

import pytest

from tests.entities.helpers import labelled

LABELS = ("AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "DATE")


@pytest.mark.parametrize("text, expected", [
    # in a title line lower-cased whole, "bổ sung" right before a plan acts on it, as "điều chỉnh" does
    ("Quyết định về việc bổ sung quy hoạch phát triển vùng nguyên liệu chè, mía giai đoạn 2011 - 2015",
     [("PROJECT", "quy hoạch phát triển vùng nguyên liệu chè, mía"), ("DATE", "giai đoạn 2011 - 2015")]),
    ("Quyết định bổ sung quy hoạch khai thác cát xây dựng đến năm 2020",
     [("PROJECT", "quy hoạch khai thác cát xây dựng"), ("DATE", "năm 2020")]),
    # but it adds to many things: a programme after "bổ sung" and another noun is not its object
    ("Nghị quyết về việc điều chỉnh, bổ sung chỉ tiêu chương trình mục tiêu quốc gia trên địa bàn thành phố năm 2012",
     [("DATE", "năm 2012")]),
])
def test_a_plan_the_title_adds_to(text, expected):
    assert labelled(text, LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    # a lower-case zone head, its kind in lower-case words, then its proper name (decision 9)
    ("Hàng hoá đưa vào khu kinh tế cửa khẩu Vĩnh Xương được miễn thuế.",
     [("PROJECT", "khu kinh tế cửa khẩu Vĩnh Xương")]),
    ("Bãi bỏ Điều 9 Quy chế khu kinh tế - thương mại đặc biệt Hòa Bình, tỉnh Gia Lai.",
     [("PROJECT", "khu kinh tế - thương mại đặc biệt Hòa Bình"), ("LOCATION", "tỉnh Gia Lai")]),
    ("Các dự án trong khu công nghiệp sạch Hòa Bình đã đi vào hoạt động.",
     [("PROJECT", "khu công nghiệp sạch Hòa Bình")]),
    # a unit after the kind, or no proper name at all, is no zone's name
    ("Các doanh nghiệp trong khu kinh tế tỉnh Gia Lai được miễn thuế.", [("LOCATION", "tỉnh Gia Lai")]),
    ("Các doanh nghiệp trong khu kinh tế cửa khẩu được miễn thuế.", []),
])
def test_a_zone_under_a_lower_case_head(text, expected):
    assert labelled(text, LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    # a zone's two-capital name ends where the lower-case syllable after it makes a word with the next
    # ("Hòa Bình | lưu hành", not "bình lưu"; "Vĩnh Xương | bảo lưu")
    ("Ô tô mang biển số Khu kinh tế - thương mại Hòa Bình lưu hành trái phép ngoài phạm vi Khu kinh tế - thương mại Hòa Bình bị xử lý.",
     [("PROJECT", "Khu kinh tế - thương mại Hòa Bình"), ("PROJECT", "Khu kinh tế - thương mại Hòa Bình")]),
    ("Xe của Khu kinh tế cửa khẩu Vĩnh Xương lưu hành trong nội địa phải nộp thuế.",
     [("PROJECT", "Khu kinh tế cửa khẩu Vĩnh Xương")]),
    # a capital that starts a word with the syllable after it stays inside the title
    ("Tổ chức kỷ niệm 5 năm thực hiện Đề án Ngày Quốc tế Hạnh phúc 20 tháng 3.",
     [("PROJECT", "Đề án Ngày Quốc tế Hạnh phúc 20 tháng 3")]),
])
def test_a_zone_name_ends_before_a_lower_case_word(text, expected):
    assert labelled(text, LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    # "miền núi", "vùng núi" after a unit: the area's terrain, no mountain; the units after it are places
    ("Tại 2 huyện miền núi Khánh Sơn, Khánh Vĩnh, nhân dân được hỗ trợ giống.",
     [("LOCATION", "Khánh Sơn"), ("LOCATION", "Khánh Vĩnh")]),
    ("Đồng bào ở huyện miền núi Bá Thước được cấp gạo.", [("LOCATION", "Bá Thước")]),
    # a named mountain keeps its head
    ("Tuyến cáp treo đi qua núi Bà Đen.", [("LOCATION", "núi Bà Đen")]),
])
def test_terrain_of_an_area_is_no_mountain(text, expected):
    assert labelled(text, LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    # bare bodies after "các Sở:" set off by semicolons, as by commas; a post ends the list
    ("Giám đốc các Sở: Tài chính; Xây dựng; Công Thương; Cục trưởng Cục Hải quan tỉnh Lạng Sơn chịu trách nhiệm thi hành.",
     [("AGENCY", "Tài chính"), ("AGENCY", "Xây dựng"), ("AGENCY", "Công Thương"),
      ("AGENCY", "Cục Hải quan tỉnh Lạng Sơn")]),
    ("Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND huyện Lộc Bình chịu trách nhiệm.",
     [("AGENCY", "Tài chính"), ("AGENCY", "Xây dựng"), ("AGENCY", "UBND huyện Lộc Bình")]),
])
def test_a_colon_list_of_bodies_with_semicolons(text, expected):
    assert labelled(text, LABELS) == expected
