"""Entity rules for the classes of error found on real reports (issue 15), on sentences written
for each class (none copied from the external documents)."""

import pytest

from nlp.entities import gazetteer
from nlp.entities.phrases import PLACES
from nlp.entities.syllables import match, syllables_of
from tests.entities.helpers import entities_of


def labelled(text):
    return [(e.label, e.text) for e in entities_of(text)]


def test_the_gazetteer_holds_units_before_and_after_the_merger():
    assert len(gazetteer.provinces()) >= 63
    assert {"tiên lãng", "ninh kiều", "quận 1"} <= gazetteer.districts()
    assert "thừa thiên huế" in gazetteer.provinces() and "huế" in gazetteer.provinces()
    assert gazetteer.is_unit_name("Khánh Hoà") and gazetteer.is_unit_name("KHÁNH HÒA")
    assert not gazetteer.is_unit_name("Bộ Tài chính")


@pytest.mark.parametrize("spelling", ["Khánh Hòa", "Khánh Hoà", "Hòa Bình", "Hoà Bình", "Thanh Hoá"])
def test_place_names_match_whatever_the_tone_placement(spelling):
    syls = syllables_of(spelling, 0, len(spelling))
    assert match(syls, 0, PLACES) == 2


@pytest.mark.parametrize("text, expected", [
    ("Mưa lớn gây ngập các huyện Tiên Lãng, Vĩnh Bảo và An Lão.",
     [("LOCATION", "Tiên Lãng"), ("LOCATION", "Vĩnh Bảo"), ("LOCATION", "An Lão")]),
    ("Thị xã gồm các phường: Sao Mai, Bình Minh và các xã: Lạc Long, Tân Hòa.",
     [("LOCATION", "Sao Mai"), ("LOCATION", "Bình Minh"), ("LOCATION", "Lạc Long"), ("LOCATION", "Tân Hòa")]),
    ("Quy hoạch chung thị xã kinh môn, tỉnh hải dương\nỦy ban nhân dân tỉnh",
     [("LOCATION", "thị xã kinh môn"), ("LOCATION", "tỉnh hải dương"), ("AGENCY", "Ủy ban nhân dân tỉnh")]),
    ("Lũ quét qua các thôn thuộc xã Phú Lộc, Khánh Hoà.",
     [("LOCATION", "xã Phú Lộc"), ("LOCATION", "Khánh Hoà")]),
])
def test_places_by_gazetteer(text, expected):
    assert labelled(text) == expected


def test_a_unit_named_like_a_work_is_no_work():
    assert labelled("Dân cư các quận: Cầu Giấy, Đống Đa tăng.") == [("LOCATION", "Cầu Giấy"), ("LOCATION", "Đống Đa")]


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Luật Bảo vệ môi trường và Bộ luật Lao động.",
     [("LEGAL_DOC", "Luật Bảo vệ môi trường"), ("LEGAL_DOC", "Bộ luật Lao động")]),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
     [("LEGAL_DOC", "Luật Tổ chức chính quyền địa phương"), ("DATE", "ngày 19 tháng 6 năm 2015")]),
    ("Căn cứ Luật Tổ chức HĐND và UBND năm 2003;", [("LEGAL_DOC", "Luật Tổ chức HĐND và UBND năm 2003")]),
    ("Căn cứ Luật Ngân sách Nhà nước ngày 25/6/2015;",
     [("LEGAL_DOC", "Luật Ngân sách Nhà nước"), ("DATE", "ngày 25/6/2015")]),
    ("Doanh nghiệp theo Luật Hóa chất phải lập kế hoạch ứng phó.", [("LEGAL_DOC", "Luật Hóa chất")]),
])
def test_law_titles_end_at_a_verb_date_or_function_word(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sở Tài chính hướng dẫn các đơn vị.", [("AGENCY", "Sở Tài chính")]),
    ("Bộ Tài chính Hướng dẫn thực hiện.", [("AGENCY", "Bộ Tài chính")]),
    ("Văn bản được Chủ tịch UBND tỉnh Trần Văn Lâm ký.", [("AGENCY", "UBND tỉnh"), ("PERSON", "Trần Văn Lâm")]),
    ("Xét đề nghị của Bộ trưởng Bộ Nội vụ và Chủ tịch Ủy ban nhân dân tỉnh Bến Tre,",
     [("AGENCY", "Bộ Nội vụ"), ("AGENCY", "Ủy ban nhân dân tỉnh Bến Tre")]),
    ("Thứ trưởng Bộ Xây dựng làm Phó Trưởng ban.", [("AGENCY", "Bộ Xây dựng")]),
])
def test_a_name_ends_at_a_verb_a_position_or_a_person(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Công ty TNHH MTV Cấp nước Bình Định tăng giá.", [("AGENCY", "Công ty TNHH MTV Cấp nước Bình Định")]),
    ("Hợp đồng với Công ty Cổ phần Xi măng Bút Sơn - Vicem đã ký.",
     [("AGENCY", "Công ty Cổ phần Xi măng Bút Sơn - Vicem")]),
    ("Công ty TNHH một thành viên Xổ số kiến thiết Bến Tre nộp ngân sách.",
     [("AGENCY", "Công ty TNHH một thành viên Xổ số kiến thiết Bến Tre")]),
    ("Tổng công ty Lương thực miền Nam và Hợp tác xã Nông nghiệp Tân Phước ký kết.",
     [("AGENCY", "Tổng công ty Lương thực miền Nam"), ("AGENCY", "Hợp tác xã Nông nghiệp Tân Phước")]),
    ("Phê chuẩn Hội đồng quản trị Công ty mẹ - Tập đoàn Dệt May Việt Nam.",
     [("AGENCY", "Hội đồng quản trị Công ty mẹ - Tập đoàn Dệt May Việt Nam")]),
])
def test_companies_by_legal_form(text, expected):
    assert labelled(text) == expected


def test_foreign_organizations_and_brands_in_latin_script():
    text = "Vốn vay World Bank và JICA; khách đặt phòng qua Booking.com, theo tin của VnExpress."
    assert labelled(text) == [("AGENCY", "World Bank"), ("AGENCY", "JICA"), ("AGENCY", "Booking.com"),
                              ("AGENCY", "VnExpress")]


@pytest.mark.parametrize("text, expected", [
    ("Thu hút đầu tư vào các khu công nghiệp: Tân Lập, Đông Sơn và Bắc Hà.",
     [("PROJECT", "Tân Lập"), ("PROJECT", "Đông Sơn"), ("PROJECT", "Bắc Hà")]),
    ("Hạ tầng các cụm công nghiệp Thanh Bình, Phú Xuân 2 được đầu tư.",
     [("PROJECT", "Thanh Bình"), ("PROJECT", "Phú Xuân 2")]),
    ("Giao các Bộ: Tài chính, Kế hoạch và Đầu tư nghiên cứu.",
     [("AGENCY", "Tài chính"), ("AGENCY", "Kế hoạch và Đầu tư")]),
    ("Các Bộ Công Thương, Tài chính, Nội vụ cho ý kiến.",
     [("AGENCY", "Bộ Công Thương"), ("AGENCY", "Tài chính"), ("AGENCY", "Nội vụ")]),
    # after a colon the items are names of any kind, the head in any case; a position ends the list
    ("Mời Cục trưởng các Cục: Hàng hải Việt Nam, Đường Bộ Việt Nam, Giám đốc Sở Xây dựng dự họp.",
     [("AGENCY", "Hàng hải Việt Nam"), ("AGENCY", "Đường Bộ Việt Nam"), ("AGENCY", "Sở Xây dựng")]),
    ("Giám đốc các sở: Giao thông Vận tải, Giao thông Công chính các tỉnh thi hành.",
     [("AGENCY", "Giao thông Vận tải"), ("AGENCY", "Giao thông Công chính")]),
    ("Vụ trưởng các Vụ: Tài chính, Kết cấu hạ tầng giao thông, Vận tải; Cục trưởng Cục Thuế thi hành.",
     [("AGENCY", "Tài chính"), ("AGENCY", "Kết cấu hạ tầng giao thông"), ("AGENCY", "Vận tải"), ("AGENCY", "Cục Thuế")]),
])
def test_bare_names_listed_after_a_plural_head(text, expected):
    assert labelled(text) == expected


def test_a_figure_after_a_plural_head_is_no_name():
    assert [e for e in entities_of("Vốn vào các khu công nghiệp 512,4 triệu USD.") if e.label == "PROJECT"] == []


@pytest.mark.parametrize("text, expected", [
    ("Khởi công đường cao tốc Cam Lộ - La Sơn.", [("PROJECT", "đường cao tốc Cam Lộ - La Sơn")]),
    ("Đóng điện Trạm biến áp 110kV Bản Lầu.", [("PROJECT", "Trạm biến áp 110kV Bản Lầu")]),
])
def test_works_named_with_a_place_inside_are_one_project(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Liên kết vùng Đồng bằng sông Hồng với Tây Nguyên.",
     [("LOCATION", "Đồng bằng sông Hồng"), ("LOCATION", "Tây Nguyên")]),
    ("Du khách đến Vườn quốc gia Bạch Mã tăng.", [("LOCATION", "Vườn quốc gia Bạch Mã")]),
    ("Hợp tác với tỉnh Champasak (Lào) và bang Victoria (Australia).",
     [("LOCATION", "tỉnh Champasak"), ("LOCATION", "Lào"), ("LOCATION", "bang Victoria"),
      ("LOCATION", "Australia")]),
    ("Xuất khẩu sang Tanzania và Nam Á tăng.", [("LOCATION", "Tanzania"), ("LOCATION", "Nam Á")]),
])
def test_regions_sites_and_foreign_places(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Theo Nghị định số 15/2020/NĐ - CP và Quyết định số 21/QĐ- UBND.",
     [("LEGAL_DOC", "Nghị định số 15/2020/NĐ - CP"), ("LEGAL_DOC", "Quyết định số 21/QĐ- UBND")]),
    ("Căn cứ Thông tư liên tịch số 07/TTLT / BTC-BNV;", [("LEGAL_DOC", "Thông tư liên tịch số 07/TTLT / BTC-BNV")]),
    ("Xét Tờ trình số 88/TTr. UBND của huyện.", [("LEGAL_DOC", "Tờ trình số 88/TTr. UBND")]),
])
def test_document_symbols_typed_with_spaces(text, expected):
    assert labelled(text) == expected


def test_the_blank_number_of_a_draft_is_no_agency():
    assert [e.text for e in entities_of("UBND TỈNH BẾN TRE\nSố: /BC-UBND\nBÁO CÁO\nTình hình\n")
            if e.label == "AGENCY"] == ["UBND TỈNH BẾN TRE"]


def test_a_programme_against_a_disease_and_an_abbreviated_kind_of_park():
    text = "Kinh phí cho dự án Phòng, chống bệnh sốt rét và dự án Phòng, chống lao; hỗ trợ KCN nhỏ ở miền núi."
    assert labelled(text) == [("PROJECT", "dự án Phòng, chống bệnh sốt rét"), ("PROJECT", "dự án Phòng, chống lao")]
