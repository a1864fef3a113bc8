"""LEGAL_DOC titles that real documents write long (issue 15): amending laws, laws about the
bodies they organize, a kind between the type and its number, drafts of a law, charters.
Sentences written for these tests."""

import pytest

from tests.entities import helpers


def labelled(text):
    return helpers.labelled(text, ("LEGAL_DOC", "AGENCY", "PROJECT"))


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai ngày 5 tháng 6 năm 2020;",
     [("LEGAL_DOC", "Luật sửa đổi, bổ sung một số điều của Luật Đất đai")]),
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của các luật liên quan đến quy hoạch số 35/2018/QH14;",
     [("LEGAL_DOC", "Luật sửa đổi, bổ sung một số điều của các luật liên quan đến quy hoạch số 35/2018/QH14")]),
    ("Luật sửa đổi cần được Chính phủ trình sớm.", [("AGENCY", "Chính phủ")]),
])
def test_an_amending_law_is_one_document(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân;",
     [("LEGAL_DOC", "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân")]),
    ("Luật Đất đai của Quốc hội có hiệu lực.", [("LEGAL_DOC", "Luật Đất đai"), ("AGENCY", "Quốc hội")]),
])
def test_the_bodies_a_law_is_about_belong_to_its_title(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Kế hoạch liên tịch số 12/KH-LT ngày 3/6/2021 về hỗ trợ.", [("LEGAL_DOC", "Kế hoạch liên tịch số 12/KH-LT")]),
    ("Theo Báo cáo thẩm tra số 48/BC-HĐND của Ban.", [("LEGAL_DOC", "Báo cáo thẩm tra số 48/BC-HĐND")]),
])
def test_a_kind_between_the_type_and_its_number(text, expected):
    assert labelled(text)[0] == expected[0]


@pytest.mark.parametrize("text, expected", [
    ("Đại biểu thảo luận về dự án Bộ luật Lao động sửa đổi.", [("LEGAL_DOC", "Bộ luật Lao động")]),
    ("Hai nước hợp tác theo Hiến chương ASEAN và Hiến pháp năm 2013.",
     [("LEGAL_DOC", "Hiến chương ASEAN"), ("LEGAL_DOC", "Hiến pháp năm 2013")]),
    ("Theo Điều lệ của Công ty cổ phần Sông Hồng và Luật Doanh nghiệp.",
     [("AGENCY", "Công ty cổ phần Sông Hồng"), ("LEGAL_DOC", "Luật Doanh nghiệp")]),
])
def test_drafts_charters_and_a_law_after_a_company(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Hàng hóa nhóm 2 (theo Luật Chất lượng sản phẩm, hàng hoá) phải công bố hợp quy.",
     [("LEGAL_DOC", "Luật Chất lượng sản phẩm, hàng hoá")]),
    ("Căn cứ Luật Đất đai, cơ quan thực hiện thu hồi.", [("LEGAL_DOC", "Luật Đất đai")]),
    ("Căn cứ Luật Quảng cáo, Luật Đầu tư;", [("LEGAL_DOC", "Luật Quảng cáo"), ("LEGAL_DOC", "Luật Đầu tư")]),
])
def test_a_lower_case_word_after_a_comma_closes_a_law_title(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nước thải đạt TCVN 5945: 2005 trước khi xả.", [("LEGAL_DOC", "TCVN 5945: 2005")]),
    ("Áp dụng QCVN 02:2019/BYT tại nơi làm việc.", [("LEGAL_DOC", "QCVN 02:2019/BYT")]),
])
def test_standards_by_number(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật tổ chức HĐND và UBND ngày 10/11/2005;", [("LEGAL_DOC", "Luật tổ chức HĐND và UBND")]),
    ("Căn cứ Luật Tổ chức HĐND - UBND ngày 10 tháng 11 năm 2005;", [("LEGAL_DOC", "Luật Tổ chức HĐND - UBND")]),
    ("Căn cứ Luật tổ chức Hội đồng nhân dân và Uỷ ban nhân dân ngày 1/2/2003;",
     [("LEGAL_DOC", "Luật tổ chức Hội đồng nhân dân và Uỷ ban nhân dân")]),
    ("Hội thảo bàn về luật tổ chức lại doanh nghiệp.", []),
])
def test_a_law_on_bodies_written_in_lower_case_or_with_a_dash(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật Khoa học và Công nghệ, Luật Phòng, chống tham nhũng ngày 3/4/2005;",
     [("LEGAL_DOC", "Luật Khoa học và Công nghệ"), ("LEGAL_DOC", "Luật Phòng, chống tham nhũng")]),
    ("Căn cứ Pháp lệnh Bưu chính, Viễn thông ngày 4 tháng 5 năm 2002;", [("LEGAL_DOC", "Pháp lệnh Bưu chính, Viễn thông")]),
    ("Thực hiện Luật Đất đai và Luật Nhà ở, Sở Tài chính hướng dẫn.",
     [("LEGAL_DOC", "Luật Đất đai"), ("LEGAL_DOC", "Luật Nhà ở"), ("AGENCY", "Sở Tài chính")]),
    ("Theo Luật Đầu tư, Chính phủ đã ban hành hướng dẫn.", [("LEGAL_DOC", "Luật Đầu tư"), ("AGENCY", "Chính phủ")]),
    ("Theo Luật Giáo dục và Đào tạo nghề của nước ta, việc học là quyền.", [("LEGAL_DOC", "Luật Giáo dục")]),
])
def test_fields_coordinated_in_a_title_and_named_ordinances(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Theo Công văn số 88 / TT.HĐND ngày 2/3/2009 của Thường trực HĐND tỉnh.",
     [("LEGAL_DOC", "Công văn số 88 / TT.HĐND"), ("AGENCY", "Thường trực HĐND tỉnh")]),
    ("Theo các Nghị định của Chính phủ số 181/2004/NĐ-CP và số 17/2006/NĐ-CP.",
     [("AGENCY", "Chính phủ"), ("LEGAL_DOC", "số 181/2004/NĐ-CP"), ("LEGAL_DOC", "số 17/2006/NĐ-CP")]),
    ("Có 370/373 xã đạt chuẩn, số 12/15 xã hoàn thành; số 3/2020 hộ.", []),
])
def test_a_dotted_code_and_a_number_whose_type_is_far(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật số 45/2005/QH11 và Bộ luật số 10/2012/QH13 đã ban hành.",
     [("LEGAL_DOC", "Luật số 45/2005/QH11"), ("LEGAL_DOC", "Bộ luật số 10/2012/QH13")]),
    ("Thực hiện QĐ số 12/QĐ-UB ngày 3/3/2005 và KH 77/KH-LT.",
     [("LEGAL_DOC", "QĐ số 12/QĐ-UB"), ("LEGAL_DOC", "KH 77/KH-LT")]),
])
def test_a_law_by_its_number_and_a_short_type_with_so(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Pháp lệnh phí và lệ phí số 38/2001/PL-UBTVQH10 ngày 28/8/2001;",
     [("LEGAL_DOC", "Pháp lệnh phí và lệ phí số 38/2001/PL-UBTVQH10")]),
    ("Căn cứ Pháp lệnh giá ngày 26 tháng 4 năm 2002 và Luật thuế thu nhập doanh nghiệp ngày 17/6/2003;",
     [("LEGAL_DOC", "Pháp lệnh giá"), ("LEGAL_DOC", "Luật thuế thu nhập doanh nghiệp")]),
    ("Căn cứ Pháp lệnh khai thác và bảo vệ công trình thuỷ lợi năm 2001;",
     [("LEGAL_DOC", "Pháp lệnh khai thác và bảo vệ công trình thuỷ lợi năm 2001")]),
    ("Luật sư làm việc cho hội; Luật hiện hành chưa quy định; Luật này có hiệu lực.", []),
])
def test_a_title_in_lower_case_when_its_number_or_date_follows(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Theo Quyết định số 210/2006/QĐ - TTg ngày 5/5/2006 và Thông tư số 39 / 2008/TT-BTC ngày 3/3/2008.",
     [("LEGAL_DOC", "Quyết định số 210/2006/QĐ - TTg"), ("LEGAL_DOC", "Thông tư số 39 / 2008/TT-BTC")]),
    ("Căn cứ Nghị định số 126/2004 / / NĐ-CP ngày 26/5/2004; Tờ trình số 1959 / TTr-LT ngày 3/4/2009.",
     [("LEGAL_DOC", "Nghị định số 126/2004 / / NĐ-CP"), ("LEGAL_DOC", "Tờ trình số 1959 / TTr-LT")]),
    ("Theo Công văn số 88 / Tháng 3, diện tích tăng.", []),
])
def test_spaced_symbols_with_a_code_ending_in_lower_case_or_a_doubled_slash(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Sau 03 năm thực hiện Nghị quyết số 49, thực hiện Chỉ thị số 32 của Ban Bí thư.",
     [("LEGAL_DOC", "Nghị quyết số 49"), ("LEGAL_DOC", "Chỉ thị số 32"), ("AGENCY", "Ban Bí thư")]),
    ("Hồ sơ số 10 thuộc Mục lục số 1, ghi theo mẫu số 4 tại Phụ lục số 02.", []),
])
def test_a_main_document_type_with_a_bare_number(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Luật Sửa đổi, bổ sung một số điều của Luật Thuế thu nhập doanh nghiệp ngày 17/6/2003;",
     [("LEGAL_DOC", "Luật Sửa đổi, bổ sung một số điều của Luật Thuế thu nhập doanh nghiệp")]),
    ("Thuế tính theo Luật thuế giá trị gia tăng, Luật quy hoạch đô thị.",
     [("LEGAL_DOC", "Luật thuế giá trị gia tăng"), ("LEGAL_DOC", "Luật quy hoạch đô thị")]),
    ("Một số điều của Luật Phòng cháy và chữa cháy; Pháp lệnh Khai thác và bảo vệ công trình thuỷ lợi;",
     [("LEGAL_DOC", "Luật Phòng cháy và chữa cháy"), ("LEGAL_DOC", "Pháp lệnh Khai thác và bảo vệ công trình thuỷ lợi")]),
    ("Căn cứ Pháp lệnh Khai thác và bảo vệ công trình Thuỷ lợi năm 2001;",
     [("LEGAL_DOC", "Pháp lệnh Khai thác và bảo vệ công trình Thuỷ lợi năm 2001")]),
    ("Hồ sơ theo Luật Đấu thầu và lựa chọn nhà thầu xây dựng theo Luật Xây dựng.",
     [("LEGAL_DOC", "Luật Đấu thầu"), ("LEGAL_DOC", "Luật Xây dựng")]),
    ("Căn cứ Luật Đất đai và các văn bản hướng dẫn; Luật tổ chức HĐND&UBND năm 2003;",
     [("LEGAL_DOC", "Luật Đất đai"), ("LEGAL_DOC", "Luật tổ chức HĐND&UBND năm 2003")]),
])
def test_amending_sector_and_conjoined_titles(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Theo Luật thuế xuất khẩu, thuế nhập khẩu số 45/2005/QH11 ngày 14/6/2005 và Qui định số 06/2008/QĐ-UBND.",
     [("LEGAL_DOC", "Luật thuế xuất khẩu, thuế nhập khẩu số 45/2005/QH11"), ("LEGAL_DOC", "Qui định số 06/2008/QĐ-UBND")]),
    ("Căn cứ Luật Quản lý, sử dụng tài sản nhà nước ngày 03/6/2008;",
     [("LEGAL_DOC", "Luật Quản lý, sử dụng tài sản nhà nước")]),
    ("Theo Luật Đất đai, nhà nước thu hồi đất.", [("LEGAL_DOC", "Luật Đất đai")]),
])
def test_words_after_a_comma_when_the_number_follows_and_the_older_spelling(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Căn cứ Pháp lệnh Thủ đô Hà Nội ngày 28/12/2000; Luật Xây dựng Hà Nội đã triển khai.",
     [("LEGAL_DOC", "Pháp lệnh Thủ đô Hà Nội"), ("LEGAL_DOC", "Luật Xây dựng"), ("LOCATION", "Hà Nội")]),
])
def test_a_place_inside_a_title_when_the_phrase_closes(text, expected):
    assert helpers.labelled(text, ("LEGAL_DOC", "LOCATION")) == expected


def test_the_header_number_keeps_its_own_span():
    assert labelled("Số: 1147/BC-SKHĐT\nBÁO CÁO") == [("LEGAL_DOC", "1147/BC-SKHĐT")]
