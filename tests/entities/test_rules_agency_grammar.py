"""AGENCY classes found on 8 more external dev documents (session 8), each fixed by a general
rule that follows the grammar of Vietnamese agency names, and checked here on sentences written
for these tests (not copied from any document). Spans are exact: `texts_of` checks
text[start:end] == span text."""

import pytest

from tests.entities.helpers import texts_of


def agencies(text):
    return texts_of(text, "AGENCY")


@pytest.mark.parametrize("text, expected", [
    # a member list: the name ends at the dash before the member's post
    ("1. Ông Lê Văn Tám, Phó Trưởng phòng Quản lý Đô thị - Thư ký.", ["phòng Quản lý Đô thị"]),
    ("3. Bà Hà Thị Mai, Thanh tra viên Thanh tra Sở - Trưởng đoàn.", ["Thanh tra Sở"]),
    ("4. Vụ trưởng Vụ Hợp tác quốc tế - Uỷ viên;", ["Vụ Hợp tác quốc tế"]),
])
def test_a_name_ends_at_the_post_after_a_dash(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the unit a post heads or serves in, written in lower case after the post
    ("Theo đề nghị của Trưởng phòng Kinh tế và Trưởng phòng Tư pháp huyện.", ["phòng Kinh tế", "phòng Tư pháp huyện"]),
    ("Ông Bình, Chuyên viên phòng Nếp sống Văn hoá, được cử làm thư ký.", ["phòng Nếp sống Văn hoá"]),
])
def test_the_unit_of_a_post_in_lower_case(text, expected):
    assert agencies(text) == expected


def test_a_post_before_a_person_is_no_unit():
    assert agencies("Trưởng phòng Nguyễn Văn An ký thay.") == []


@pytest.mark.parametrize("text, expected", [
    # a committee whose name holds its level takes the bare place after it
    ("Thực hiện Chỉ thị số 05-CT/TU của Tỉnh uỷ Quảng Ninh về an ninh.", ["Tỉnh uỷ Quảng Ninh"]),
    ("Kết luận của Thành ủy Đà Nẵng được phổ biến rộng rãi.", ["Thành ủy Đà Nẵng"]),
    ("Báo cáo gửi Thành uỷ và Hội đồng nhân dân thành phố.", ["Thành uỷ", "Hội đồng nhân dân thành phố"]),
])
def test_a_level_committee_takes_its_bare_place(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a body named by what it fights: the listed evils, then its owner
    ("Kiện toàn Ban Chỉ đạo phòng, chống tham nhũng, lãng phí của Sở Tài chính trong năm.",
     ["Ban Chỉ đạo phòng, chống tham nhũng, lãng phí của Sở Tài chính"]),
    ("Báo cáo Uỷ ban Quốc gia phòng, chống HIV và phòng, chống ma tuý theo định kỳ.",
     ["Uỷ ban Quốc gia phòng, chống HIV và phòng, chống ma tuý"]),
    ("Ban Chỉ đạo phòng chống dịch bệnh thành phố họp sáng nay.", ["Ban Chỉ đạo phòng chống dịch bệnh thành phố"]),
    # a team named by its owner alone
    ("Kết quả được báo cáo Ban Chỉ đạo của Bộ hằng quý.", ["Ban Chỉ đạo của Bộ"]),
])
def test_a_body_named_by_what_it_fights_and_its_owner(text, expected):
    assert agencies(text) == expected


def test_a_short_name_defined_as_the_common_name_and_not_its_post():
    text = ("Trung tâm Kiểm định chất lượng (sau đây gọi chung là Trung tâm) trực thuộc Sở Xây dựng. "
            "Trung tâm có Giám đốc. Việc bổ nhiệm Trung tâm trưởng do Sở quyết định.")
    assert agencies(text).count("Trung tâm") == 2


@pytest.mark.parametrize("text, expected", [
    # an item of a list opened by a dash runs to its closing mark
    ("Ban có 02 phòng:\n- Phòng Kiểm tra và Xử lý vi phạm;\n- Phòng Tổng hợp.",
     ["Phòng Kiểm tra và Xử lý vi phạm", "Phòng Tổng hợp"]),
])
def test_a_list_item_runs_to_its_mark(text, expected):
    assert agencies(text) == expected


def test_a_fought_field_ends_at_a_verb():
    assert agencies("Uỷ ban Quốc gia phòng, chống HIV chỉ đạo các tỉnh rà soát.") == [
        "Uỷ ban Quốc gia phòng, chống HIV"]


@pytest.mark.parametrize("text, expected", [
    # head + field + place: an association's field in lower case closed by its country
    ("Đại diện Hội nuôi ong Việt Nam, Sở Nông nghiệp tham dự.", ["Hội nuôi ong Việt Nam", "Sở Nông nghiệp"]),
])
def test_head_field_and_country(text, expected):
    assert agencies(text) == expected
    assert texts_of(text, "LOCATION") == []


@pytest.mark.parametrize("text, expected", [
    # levels joined by a dash after a council are levels, not its place
    ("Quy định về cơ quan chuyên môn thuộc Uỷ ban nhân dân quận - huyện;", ["Uỷ ban nhân dân"]),
])
def test_levels_joined_by_a_dash(text, expected):
    assert agencies(text) == expected


def test_a_lower_case_council_place_before_its_term():
    text = "Nghị quyết về thu phí\nHội đồng nhân dân tỉnh bình định khóa ix - kỳ họp thứ 4\nCăn cứ Luật Ngân sách."
    assert "Hội đồng nhân dân tỉnh bình định" in agencies(text)


@pytest.mark.parametrize("text, expected", [
    # an ordinance's title in lower case runs to a mark; it needs no date ("Pháp lệnh" is no other word)
    ("Nghị định quy định chi tiết thi hành Pháp lệnh thú y; Thông tư hướng dẫn.", ["Pháp lệnh thú y"]),
    ("Thực hiện Luật Quốc phòng, Pháp lệnh về lực lượng Dự bị động viên; các văn bản khác.",
     ["Luật Quốc phòng", "Pháp lệnh về lực lượng Dự bị động viên"]),
    ("Pháp lệnh này có hiệu lực từ ngày ký.", []),
])
def test_an_ordinance_titled_in_lower_case(text, expected):
    assert texts_of(text, "LEGAL_DOC") == expected


def test_places_listed_after_a_unit_and_a_colon():
    text = "Diễn tập tại các quận, huyện: Cầu Giấy, Thanh Trì, Gia Lâm."
    assert texts_of(text, "LOCATION") == ["Cầu Giấy", "Thanh Trì", "Gia Lâm"]


def test_an_admin_word_alone_is_no_place_the_model_may_add():
    from nlp.entities.rules import headed

    assert not headed("Phường", "LOCATION")
    assert headed("Phường Tân An", "LOCATION")


def projects(text):
    return texts_of(text, "PROJECT")


def test_a_title_in_sentence_case_runs_past_its_capitalised_first_word():
    text = "Bộ trình Đề án Nâng cao năng lực cho lao động nông thôn đến năm 2025."
    assert projects(text) == ["Đề án Nâng cao năng lực cho lao động nông thôn"]


def test_a_one_word_proper_name_still_ends_a_title():
    assert projects("Dự án Ecopark hoàn thành trong năm nay.") == ["Dự án Ecopark"]


def test_a_capitalised_head_referring_back_is_no_second_title():
    text = ("Tỉnh triển khai Đề án Phát triển du lịch cộng đồng đến năm 2030. "
            "Đây là Đề án quy mô lớn, cần bố trí kinh phí của Đề án đúng mục đích.")
    assert projects(text) == ["Đề án Phát triển du lịch cộng đồng"]


def test_a_short_form_of_the_earlier_name_stays():
    text = ("Thành lập Khu kinh tế cửa khẩu Tây Trang, tỉnh Điện Biên. "
            "Ranh giới Khu kinh tế cửa khẩu được xác định như sau.")
    assert projects(text) == ["Khu kinh tế cửa khẩu Tây Trang", "Khu kinh tế cửa khẩu"]


def test_a_numbered_part_after_a_named_project_stays():
    text = "Khởi công Dự án Cao tốc Bắc - Nam. Đẩy nhanh thi công Dự án thành phần 3, bảo đảm tiến độ."
    assert "Dự án thành phần 3" in projects(text)


@pytest.mark.parametrize("text, expected", [
    # a head followed by "trưởng" is the post heading that body
    ("Chi cục có Chi cục Trưởng và hai Phó Chi cục trưởng.", []),
    # "ngân sách Trung ương" is the central budget, a level
    ("Chi từ nguồn ngân sách Trung ương bổ sung cho tỉnh.", []),
])
def test_posts_and_levels_are_no_bodies(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "thuộc" chains written without the word: a union or school straight before its ministry
    ("Chủ tịch Công đoàn Bộ Tài chính dự họp.", ["Công đoàn Bộ Tài chính"]),
    ("Học viên Trường Chính trị Bộ Tư lệnh Biên phòng tham gia.", ["Trường Chính trị Bộ Tư lệnh Biên phòng"]),
    # "Trung ương" before a mass organisation is its central committee
    ("Đại diện Trung ương Hội Liên hiệp Phụ nữ Việt Nam phát biểu.", ["Trung ương Hội Liên hiệp Phụ nữ Việt Nam"]),
    # but a comma keeps them two
    ("Mời Công đoàn, Bộ Tài chính cùng dự.", ["Công đoàn", "Bộ Tài chính"]),
])
def test_a_unit_written_straight_before_its_body(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a force named with a capital after "lực lượng"
    ("Củng cố lực lượng Dân quân tự vệ nòng cốt ở các xã.", ["Dân quân tự vệ"]),
    ("Huy động lực lượng Thanh niên xung phong tham gia.", ["Thanh niên xung phong"]),
    ("Phát triển lực lượng lao động có kỹ năng.", []),
])
def test_a_force_after_luc_luong(text, expected):
    assert agencies(text) == expected


def test_a_full_name_written_once_spreads_in_the_document():
    text = ("Thành phần:\n1. Vụ trưởng Vụ Hợp tác quốc tế - Uỷ viên;\n"
            "Giao Vụ Hợp tác quốc tế, Văn phòng Bộ chuẩn bị nội dung.")
    assert agencies(text) == ["Vụ Hợp tác quốc tế", "Vụ Hợp tác quốc tế", "Văn phòng Bộ"]


@pytest.mark.parametrize("text, expected", [
    # titles and issuer lines lower-cased by the corpus
    ("Quyết định ban hành quy chế hoạt động của phòng tài chính - kế hoạch quận 3\nỦy ban nhân dân quận 3",
     ["phòng tài chính - kế hoạch quận 3", "Ủy ban nhân dân quận 3"]),
    ("Quyết định về việc quy định tổ chức chi cục kiểm lâm trực thuộc sở nông nghiệp tỉnh gia lai\nSở nội vụ tỉnh gia lai\nCăn cứ Luật Tổ chức Chính phủ.",
     ["sở nông nghiệp tỉnh gia lai", "Sở nội vụ tỉnh gia lai"]),
    ("Thông báo kết luận của thủ tướng chính phủ về tôm giống\nVăn phòng Chính phủ",
     ["thủ tướng chính phủ", "Văn phòng Chính phủ"]),
])
def test_lower_cased_titles_and_issuer_lines(text, expected):
    assert agencies(text) == expected


def test_a_title_opening_with_its_works_after_a_named_project_stays():
    text = "Khởi công Dự án Cao tốc Bắc - Nam. Giải phóng mặt bằng Dự án đường bộ ven biển; xong trong quý."
    assert "Dự án đường bộ ven biển" in projects(text)


@pytest.mark.parametrize("text, expected", [
    # a plural head before one capitalised field names the bodies of that field (not a list)
    ("Giao các Sở Công Thương phối hợp kiểm tra.", ["Sở Công Thương"]),
    ("Bổ sung nhiệm vụ cho các Trung tâm Giáo dục thường xuyên ở huyện.", ["Trung tâm Giáo dục thường xuyên"]),
    ("Lấy ý kiến các Bộ Tài chính, Nội vụ về dự thảo.", ["Bộ Tài chính", "Nội vụ"]),
])
def test_a_plural_head_with_one_field(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a field that opens with what the body does runs in lower case to the verb of its clause
    ("Giao Vụ Tổ chức cán bộ phối hợp với Văn phòng Bộ.", ["Vụ Tổ chức cán bộ", "Văn phòng Bộ"]),
    ("Trung tâm Kiểm định chất lượng công trình chủ trì thực hiện.", ["Trung tâm Kiểm định chất lượng công trình"]),
    # a complete field stops before a verb that is also a sector
    ("Sở Y tế kiểm tra các cơ sở.", ["Sở Y tế"]),
])
def test_an_open_field_ends_at_the_verb(text, expected):
    assert agencies(text) == expected
