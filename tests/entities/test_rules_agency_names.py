"""AGENCY names that real administrative documents write in ways the first rules missed
(issue 15): the Fatherland Front and its short forms, ... Sentences written for these tests."""

import pytest

from tests.entities.helpers import texts_of


def agencies(text):
    return texts_of(text, "AGENCY")


@pytest.mark.parametrize("text, expected", [
    ("Kế hoạch được thống nhất với Ủy ban Mặt trận Tổ quốc tỉnh trước khi ban hành.",
     ["Ủy ban Mặt trận Tổ quốc tỉnh"]),
    ("Đề nghị Uỷ ban Mặt trận Tổ quốc Việt Nam huyện vận động nhân dân.",
     ["Uỷ ban Mặt trận Tổ quốc Việt Nam huyện"]),
    ("UBND và UB MTTQ Thành phố đã trao 120 căn nhà.", ["UBND", "UB MTTQ Thành phố"]),
    ("UBMTTQ xã phối hợp kiểm tra.", ["UBMTTQ xã"]),
    ("Mặt trận Tổ quốc tỉnh giám sát việc bầu cử.", ["Mặt trận Tổ quốc tỉnh"]),
])
def test_fatherland_front(text, expected):
    assert agencies(text) == expected


def test_ub_alone_opens_no_agency():
    assert agencies("Tổng số UB đã kiểm tra là 12.") == []


@pytest.mark.parametrize("text, expected", [
    ("Nghị quyết này đã được Hội đồng nhân dân tỉnh Bình Định khóa XII, kỳ họp thứ 9 thông qua.",
     ["Hội đồng nhân dân tỉnh Bình Định"]),
    ("Nghị quyết đã được HĐND huyện khoá X thông qua.", ["HĐND huyện"]),
    ("Luật được Quốc hội khóa XIV thông qua.", ["Quốc hội khóa XIV"]),
])
def test_a_local_council_leaves_its_term_outside(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện ý kiến của Phó Thủ tướng Thường trực Chính phủ về việc này.", ["Chính phủ"]),
    ("Hội nghị do Phó Thủ tướng Chính phủ Lê Văn Bình chủ trì.", ["Chính phủ"]),
    ("Theo chỉ đạo của Thủ tướng Chính phủ, các địa phương rà soát.", ["Thủ tướng Chính phủ"]),
    ("Quà của Chủ tịch nước được trao trước Tết.", ["Chủ tịch nước"]),
    ("Ý kiến của Thường trực HĐND tỉnh đã được tiếp thu.", ["Thường trực HĐND tỉnh"]),
])
def test_a_position_is_not_the_authority_it_serves(text, expected):
    assert agencies(text) == expected


def test_a_level_is_no_place_of_the_committee():
    # docs/annotation.md: "UBND cấp huyện" gives only "UBND"
    assert agencies("Các bộ và Ủy ban nhân dân cấp tỉnh trong phạm vi quản lý.") == ["Ủy ban nhân dân"]


def test_a_name_that_recurs_with_the_same_lower_case_rest_takes_it():
    name = "Công ty Dịch vụ môi trường, cây xanh và chiếu sáng"
    text = (f"Chuyển {name} thành công ty cổ phần.\n"
            f"Giá trị của {name} được xác định lại.\n"
            f"Giám đốc {name} chịu trách nhiệm thi hành.\n")
    assert agencies(text) == [name] * 3


def test_a_name_followed_by_different_words_keeps_its_end():
    text = ("Sở Tài chính hướng dẫn các đơn vị.\nSở Tài chính thẩm định dự toán.\n"
            "Sở Tài chính cùng các sở rà soát.\n")
    assert agencies(text) == ["Sở Tài chính"] * 3


def test_two_uses_are_not_enough_to_extend_a_name():
    text = "Công ty Phát triển nhà ở cho thuê.\nCông ty Phát triển nhà ở cho thuê.\n"
    assert "Công ty Phát triển nhà ở" not in agencies(text)


@pytest.mark.parametrize("text, expected", [
    ("Kết quả được Ban Chỉ đạo giảm nghèo Thành phố, quận huyện kiểm tra.", ["Ban Chỉ đạo giảm nghèo Thành phố"]),
    ("Hồ sơ được UBND quận huyện phê duyệt.", ["UBND"]),
    ("Danh sách do UBND xã phường lập.", ["UBND"]),
    ("Hồ sơ được UBND xã Tân Phú phê duyệt.", ["UBND xã Tân Phú"]),
    ("Danh sách được Ban vận động người cao tuổi xã phường xác nhận.", ["Ban vận động người cao tuổi"]),
    ("Đặc biệt Ban phòng chống thiên tai xã, thị trấn đã chủ động.", ["Ban phòng chống thiên tai"]),
    ("Hội đồng tư vấn làm việc.", []),  # no place and no level: a common noun
])
def test_levels_after_a_body_are_no_place(text, expected):
    # docs/annotation.md: "UBND các huyện, thị xã, thành phố", "UBND cấp huyện": only "UBND"
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phối hợp với Sở Lao động TB&XH phân bổ kinh phí.", ["Sở Lao động TB&XH"]),
    ("Hồ sơ gửi Sở KH&ĐT thẩm định.", ["Sở KH&ĐT"]),
    ("Báo cáo được chuyển lên Văn phòng Đề án 1677.", ["Văn phòng Đề án 1677"]),
    ("Theo văn bản của Bộ Trưởng Bộ Tài chính về giá.", ["Bộ Tài chính"]),
])
def test_short_sectors_numbers_and_positions(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chuyển doanh nghiệp nhà nước thành Công ty cổ phần;", []),
    ("Đồng ý thành lập Công ty tài chính theo quy định.", []),
    ("Điều 3. Công ty kinh doanh các ngành nghề sau.", []),
    ("Giao Công ty cổ phần Xi măng Hà Tiên thực hiện.", ["Công ty cổ phần Xi măng Hà Tiên"]),
    ("Trong năm, Hội đồng quản trị Tổng công ty cần có kế hoạch.", ["Hội đồng quản trị Tổng công ty"]),
])
def test_a_kind_of_company_is_not_a_company(text, expected):
    assert agencies(text) == expected


def test_a_capitalised_term_after_the_place_stays_outside():
    text = "Nghị quyết đã được Hội đồng nhân dân tỉnh Hà Giang Khoá XVIII kỳ họp thứ 7 thông qua."
    assert agencies(text) == ["Hội đồng nhân dân tỉnh Hà Giang"]


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch ủy ban nhân dân tỉnh quảng nam\n", ["ủy ban nhân dân tỉnh quảng nam"]),
    ("Bộ trưởng bộ nông nghiệp và phát triển nông thôn\n", ["bộ nông nghiệp và phát triển nông thôn"]),
    ("Phối hợp với phòng Giáo dục và Đào tạo tổ chức hội thi.", ["phòng Giáo dục và Đào tạo"]),
    ("Các phòng Y tế quận rà soát.", []),
    ("Mỗi phòng họp có 20 ghế.", []),
    # a title lower-cased whole: the short form and its place
    ("Quyết định sửa đổi quyết định số 12/qđ-ub của ubnd tỉnh nam định\n", ["ubnd tỉnh nam định"]),
])
def test_bodies_written_in_lower_case(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Chi cục Thi hành án dân sự cấp huyện thực hiện.", ["Chi cục Thi hành án dân sự"]),
    ("Quỹ Phòng, chống thiên tai tỉnh đã chi 2 tỷ đồng.", ["Quỹ Phòng, chống thiên tai tỉnh"]),
    ("Ý kiến của cán bộ Tuyên giáo được tiếp thu.", []),
])
def test_a_level_ends_a_described_body(text, expected):
    assert agencies(text) == expected


def test_a_name_ending_in_its_place_does_not_take_the_verb_after_it():
    text = "UBND tỉnh quy định mức thu.\nUBND tỉnh quy định mức chi.\nUBND tỉnh quy định thời hạn.\n"
    assert agencies(text) == ["UBND tỉnh"] * 3


def test_a_recurring_rest_is_taken_word_by_word():
    name = "Ban Quản lý đầu tư xây dựng công trình"
    text = f"Giao {name} quận 5.\nĐề nghị {name} tại văn bản trên.\nGiám đốc {name} quận chịu trách nhiệm.\n"
    # "công trình" whole, though "trình" alone is a verb; the place or level after it belongs to the
    # board (docs/annotation.md: "an administrative place written right after the name belongs to it")
    assert agencies(text) == [f"{name} quận 5", name, f"{name} quận"]


@pytest.mark.parametrize("text, expected", [
    ("Ý kiến của Vụ trưởng Vụ Quản lý hoạt động xây dựng, Cục trưởng Cục Thuế đã được tiếp thu.",
     ["Vụ Quản lý hoạt động xây dựng", "Cục Thuế"]),
    ("Đối với Trung tâm Tư vấn pháp luật phụ nữ: bố trí kinh phí.", ["Trung tâm Tư vấn pháp luật phụ nữ"]),
    ("Đoàn Thanh niên, Hiệp hội Doanh nghiệp nhỏ và vừa, Liên minh Hợp tác xã phối hợp.",
     ["Đoàn Thanh niên", "Hiệp hội Doanh nghiệp nhỏ và vừa", "Liên minh Hợp tác xã"]),
    ("Chủ tịch UBND các quận, Đội Kiểm tra quy tắc đô thị các quận, huyện thi hành.",
     ["UBND", "Đội Kiểm tra quy tắc đô thị"]),
    ("Giám đốc Sở Tài chính, Giám đốc Công ty Phát triển nhà ở chịu trách nhiệm thi hành Quyết định này.",
     ["Sở Tài chính", "Công ty Phát triển nhà ở"]),  # the closing article's predicate ends the list
])
def test_a_complement_runs_in_lower_case_to_its_closing_mark(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tham dự có Sở Tài chính, Sở Y tế kiểm tra.", ["Sở Tài chính", "Sở Y tế"]),  # sectors only: complete
    ("Đề nghị của Bộ Công Thương chỉ thị.", ["Bộ Công Thương"]),
    ("Theo ý kiến của Bộ Ngoại giao và địa phương.", ["Bộ Ngoại giao"]),
    ("Giao cho Công ty Điện lực Hà Nam thuê lại mặt bằng.", ["Công ty Điện lực Hà Nam"]),  # ends in a place
    ("Hồ sơ gửi cho Ban Chỉ đạo kiểm tra.", ["Ban Chỉ đạo"]),  # a verb right after the name
    ("Công ty Sông Đà xây dựng nhà máy.", ["Công ty Sông Đà"]),  # a subject: its predicate follows
])
def test_a_complete_name_or_a_subject_does_not_take_the_words_after_it(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Vốn Trung ương hỗ trợ đầu tư: 133 tỷ đồng.", ["Trung ương"]),
    ("Ưu tiên các dự án Trung ương đầu tư trên địa bàn.", ["Trung ương"]),
    ("Nguồn vốn ngân sách Trung ương hỗ trợ đầu tư theo hướng dẫn.", []),  # the central budget: a level
    ("Thủ trưởng các đơn vị thuộc tỉnh và Trung ương đóng trên địa bàn thi hành.", []),  # two levels
    ("Các cơ quan báo chí Trung ương đưa tin.", []),
])
def test_the_centre_acts_on_funds_but_a_level_is_no_body(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ngân sách tỉnh hỗ trợ từ nguồn Quỹ khuyến nông.", ["Quỹ khuyến nông"]),
    ("Được vay vốn từ Quỹ bảo vệ môi trường và kéo dài thời hạn trả nợ.", ["Quỹ bảo vệ môi trường"]),
    ("Trích lập Quỹ phát triển khoa học và công nghệ theo quy định.", ["Quỹ phát triển khoa học và công nghệ"]),
    ('Hỗ trợ 2 tỷ đồng từ “Quỹ vì trẻ em nghèo” cho các xã.', ["“Quỹ vì trẻ em nghèo”"]),  # quoted in full
    ("Huyện có 05 Quỹ tín dụng nhân dân hoạt động.", []),  # counted: a kind of fund
    ("Quỹ được lập theo quyết định.", []),
])
def test_a_fund_named_by_its_purpose(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Theo đề nghị của Ban Đổi mới quản lý doanh nghiệp Bộ Xây dựng và Vụ trưởng Vụ Tổ chức cán bộ.",
     ["Ban Đổi mới quản lý doanh nghiệp Bộ Xây dựng", "Vụ Tổ chức cán bộ"]),
    ("Đối với Công ty Xuất nhập khẩu thủy sản miền Trung: giải thể.", ["Công ty Xuất nhập khẩu thủy sản miền Trung"]),
    ("Mời Cục trưởng Cục Đường bộ thi hành.", ["Cục Đường bộ"]),
])
def test_a_unit_runs_into_its_parent_and_an_activity_takes_its_object(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Quyết định về việc thành lập trường cao đẳng nghề du lịch thành phố đà nẵng\n",
     ["trường cao đẳng nghề du lịch thành phố đà nẵng"]),
    ("Quyết định về việc chuyển công ty vận tải biển miền trung thành công ty cổ phần vận tải biển miền trung\n",
     ["công ty vận tải biển miền trung", "công ty cổ phần vận tải biển miền trung"]),
    ("Quyết định thành lập ban chỉ đạo phòng chống dịch cúm gia cầm tại tỉnh nam định năm 2009\n",
     ["ban chỉ đạo phòng chống dịch cúm gia cầm"]),
    ("Quyết định về việc giao đất cho công ty lâm nghiệp\n", []),  # not what a title does to a body
])
def test_the_body_a_lower_cased_title_is_about(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phó Chủ nhiệm Uỷ ban kiểm tra Đảng uỷ xã, phường được hưởng phụ cấp.", ["Uỷ ban kiểm tra Đảng uỷ"]),
    ("Ý kiến của Ủy ban kiểm tra Tỉnh ủy đã được tiếp thu.", ["Ủy ban kiểm tra Tỉnh ủy"]),
    ("Hội Nông dân, Hội liên hiệp Phụ nữ phối hợp.", ["Hội Nông dân", "Hội liên hiệp Phụ nữ"]),
    ("Các Ông Chánh văn phòng Bộ, Vụ trưởng Vụ Pháp chế thi hành.", ["văn phòng Bộ", "Vụ Pháp chế"]),
    ("Chánh văn phòng Bộ Tài chính ký.", ["văn phòng Bộ Tài chính"]),
    ("Chánh văn phòng UBND tỉnh thi hành.", ["văn phòng UBND tỉnh"]),
])
def test_a_body_described_or_an_office_in_lower_case_takes_its_parent(text, expected):
    assert agencies(text) == expected


def test_a_short_form_of_a_known_lender():
    assert agencies("Đối ứng vốn ODA, vốn WB, ADB và vốn khác.") == ["WB", "ADB"]


@pytest.mark.parametrize("text, expected", [
    ("Thống đốc ngân hàng nhà nước\nCăn cứ Luật các tổ chức tín dụng;", ["ngân hàng nhà nước"]),
    ("Tổng cục trưởng tổng cục hải quan\nCăn cứ Luật Hải quan;", ["tổng cục hải quan"]),
    ("Chánh án tòa án nhân dân tối cao\nCăn cứ Luật Tổ chức Toà án nhân dân;", ["tòa án nhân dân tối cao"]),
    ("Theo đề nghị của Viện kiểm sát nhân dân tối cao, Chính phủ quyết định.",
     ["Viện kiểm sát nhân dân tối cao", "Chính phủ"]),
])
def test_a_signature_line_in_lower_case_names_the_body_its_post_heads(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Cục Quản lý cạnh tranh thuộc Bộ Công Thương có nhiệm vụ.", ["Cục Quản lý cạnh tranh", "Bộ Công Thương"]),
    ("Trung tâm Tư vấn pháp lý trực thuộc Sở Tư pháp hoạt động.", ["Trung tâm Tư vấn pháp lý", "Sở Tư pháp"]),
    ("Sở Tài chính thuộc UBND tỉnh.", ["Sở Tài chính", "UBND tỉnh"]),
])
def test_a_unit_is_named_in_full_before_the_body_it_belongs_to(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Quy định quản lý, sử dụng Quỹ phòng, chống lụt, bão thành phố và quận.", ["Quỹ phòng, chống lụt, bão thành phố"]),
    ("Giám đốc các Sở: Tài chính, Tài nguyên Môi trường và Nhà đất, Bưu chính Viễn thông thi hành.",
     ["Tài chính", "Tài nguyên Môi trường và Nhà đất", "Bưu chính Viễn thông"]),
])
def test_commas_and_and_inside_one_name(text, expected):
    assert agencies(text) == expected
