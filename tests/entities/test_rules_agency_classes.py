"""AGENCY classes found on the external dev documents (issue 15, session 7), each fixed by a
general rule and checked here on sentences written for these tests (not copied from any
document). Spans are exact: `texts_of` checks text[start:end] == span text."""

import pytest

from tests.entities.helpers import texts_of


def agencies(text):
    return texts_of(text, "AGENCY")


@pytest.mark.parametrize("text, expected", [
    # a ministry's field written with a comma, a dash or "&" inside is one field
    ("Thông tư của Bộ Bưu chính, Viễn thông quy định về giá cước.", ["Bộ Bưu chính, Viễn thông"]),
    ("Giao Sở Văn hóa, Thể thao và Du lịch chủ trì thẩm định.", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Lấy ý kiến các Sở: Nội vụ, Văn hoá, Thể thao và Du lịch, Tài nguyên & Môi trường.",
     ["Nội vụ", "Văn hoá, Thể thao và Du lịch", "Tài nguyên & Môi trường"]),
    ("Đã gửi các Sở: Xây dựng, Lao động Thương binh & Xã hội và Tư pháp.",
     ["Xây dựng", "Lao động Thương binh & Xã hội", "Tư pháp"]),
])
def test_a_field_with_a_comma_or_ampersand_is_one(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "liên bộ", "liên sở": the ministries acting jointly, each field bare
    ("Thực hiện Thông tư của liên bộ Tư pháp, Nội vụ, Văn hóa - Thông tin về công chứng.",
     ["Tư pháp", "Nội vụ", "Văn hóa - Thông tin"]),
    ("Chi theo hướng dẫn của liên sở LĐTBXH - Tài chính năm nay.", ["LĐTBXH", "Tài chính"]),
    ("Căn cứ hướng dẫn của liên Bộ: Công an, Khoa học và Công nghệ về thiết bị.",
     ["Công an", "Khoa học và Công nghệ"]),
])
def test_fields_listed_after_lien_bo(text, expected):
    assert agencies(text) == expected


def test_joint_list_with_heads_keeps_each_head():
    assert agencies("Theo hướng dẫn của liên Bộ Y tế - Bộ Tài chính năm nay.") == ["Bộ Y tế", "Bộ Tài chính"]


@pytest.mark.parametrize("text, expected", [
    # the place after a council ends before a slashed abbreviation or a verb that is also a place name
    ("Quyết định số 12/QĐ-UB của UBND tỉnh V/v thành lập trạm kiểm dịch.", ["UBND tỉnh"]),
    ("Quyết định số 7/QĐ-UB của UBND tỉnh V / v giao đất.", ["UBND tỉnh"]),
    ("Giao cho Uỷ ban nhân dân tỉnh thống nhất với Sở Tài chính về mức chi.",
     ["Uỷ ban nhân dân tỉnh", "Sở Tài chính"]),
])
def test_a_place_suffix_is_a_name(text, expected):
    assert agencies(text) == expected


def test_a_lower_case_title_keeps_its_lower_case_place():
    assert agencies("quyết định về việc giao chỉ tiêu cho uỷ ban nhân dân tỉnh hải dương năm 2009") \
        == ["uỷ ban nhân dân tỉnh hải dương"]


@pytest.mark.parametrize("text, expected", [
    # one office serving the council and the committee of a place is one AGENCY
    ("Chánh Văn phòng HĐND và UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành.",
     ["Văn phòng HĐND và UBND tỉnh", "Sở Nội vụ"]),
    ("Giao Văn phòng Đoàn ĐBQH, HĐND và UBND huyện Tam Nông lập dự toán.",
     ["Văn phòng Đoàn ĐBQH, HĐND và UBND huyện Tam Nông"]),
    ("Kinh phí của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố được bổ sung.",
     ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố"]),
])
def test_a_joint_office(text, expected):
    assert agencies(text) == expected


def test_an_office_of_one_council_stays_one():
    assert agencies("Văn phòng HĐND tỉnh và UBND huyện cùng kiểm tra.") == ["Văn phòng HĐND tỉnh", "UBND huyện"]


@pytest.mark.parametrize("text, expected", [
    # lower-case words bridge two capitals of one name, never a name and a count after the verb
    ("Ủy ban Kiểm tra Tỉnh ủy kiểm tra 3 tổ chức đảng.", ["Ủy ban Kiểm tra Tỉnh ủy"]),
    ("Ban Tuyên giáo Huyện ủy tuyên truyền 12 buổi.", ["Ban Tuyên giáo Huyện ủy"]),
])
def test_a_bridge_that_leads_nowhere_is_not_taken(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a management board of a kind of works ("các khu công nghiệp", "các dự án …"), in any case
    ("Ban Quản lý các khu công nghiệp tỉnh cấp phép cho 5 dự án.", ["Ban Quản lý các khu công nghiệp tỉnh"]),
    ("Ý kiến của Sở Xây dựng, Ban quản lý các khu công nghiệp.", ["Sở Xây dựng", "Ban quản lý các khu công nghiệp"]),
    ("Trưởng Ban Quản lý các Khu công nghiệp; Giám đốc Sở Xây dựng chịu trách nhiệm.",
     ["Ban Quản lý các Khu công nghiệp", "Sở Xây dựng"]),
    ("Phối hợp với các Ban quản lý các dự án giao thông, các chủ đầu tư.", ["Ban quản lý các dự án giao thông"]),
])
def test_a_board_of_a_kind_of_works(text, expected):
    assert agencies(text) == expected


def test_a_board_of_a_kind_of_works_needs_a_place_or_a_mark():
    # without them "các khu công nghiệp" may be what the board manages in the clause
    assert agencies("Ban Quản lý các khu công nghiệp thu hút 5 dự án.") == ["Ban Quản lý"]


@pytest.mark.parametrize("text, expected", [
    # party organisations of a level, forces by their field, the Front named bare beside the unions
    ("Đảng bộ tỉnh lãnh đạo thực hiện nhiệm vụ năm nay.", ["Đảng bộ tỉnh"]),
    ("Lực lượng Cảnh sát giao thông và Cảnh sát môi trường tuần tra.", ["Cảnh sát giao thông", "Cảnh sát môi trường"]),
    ("Mặt trận và các đoàn thể vận động nhân dân.", ["Mặt trận"]),
    ("UBND xã, Mặt trận, đoàn thể tổ chức ra quân.", ["UBND xã", "Mặt trận"]),
])
def test_party_forces_and_the_front(text, expected):
    assert agencies(text) == expected


def test_the_front_alone_as_a_word_is_not_a_body():
    assert agencies("Ông đã chiến đấu ở Mặt trận phía Nam.") == []


@pytest.mark.parametrize("text, expected", [
    # a field opening with what the body does, its object in lower case, closed by a mark or a place
    ("Trung tâm Kiểm định chất lượng công trình, Sở Xây dựng tham gia.",
     ["Trung tâm Kiểm định chất lượng công trình", "Sở Xây dựng"]),
    ("Các đơn vị trực thuộc:\n- Chi cục Bảo vệ nguồn lợi thủy sản;\n- Văn phòng Đăng ký đất đai.",
     ["Chi cục Bảo vệ nguồn lợi thủy sản", "Văn phòng Đăng ký đất đai"]),
    ("Hội đồng Thẩm định giá đất tỉnh họp ngày 5/3/2009.", ["Hội đồng Thẩm định giá đất tỉnh"]),
    # a dictionary word ending in an area word ("an toàn khu") does not hide the area after it
    ("Trung tâm Hỗ trợ vận hành an toàn khu vực II tiếp nhận hồ sơ.",
     ["Trung tâm Hỗ trợ vận hành an toàn khu vực II"]),
])
def test_an_open_field_runs_to_a_mark_or_a_place(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, verb", [
    # not across a verb or a function word: the object then belongs to the clause
    ("Trung tâm Kiểm định phối hợp kiểm tra các công trình.", "phối hợp"),
    ("Trung tâm Tư vấn pháp luật cho người nghèo hoạt động từ năm 2005.", "cho"),
])
def test_an_open_field_needs_a_clear_end(text, verb):
    assert agencies(text) and not any(verb in a for a in agencies(text))


def test_a_short_name_defined_in_the_text_is_an_agency_at_every_use():
    text = ("Điều 1. Thành lập Ban Chỉ đạo tổ chức Hội chợ nông sản vùng Tây Bắc (sau đây gọi tắt là Ban Chỉ đạo "
            "Hội chợ Tây Bắc 2011).\nĐiều 2. Ban Chỉ đạo Hội chợ Tây Bắc 2011 có nhiệm vụ điều phối các sở.")
    assert agencies(text).count("Ban Chỉ đạo Hội chợ Tây Bắc 2011") == 2


@pytest.mark.parametrize("text", [
    "Giao Uỷ ban nhân dân tỉnh, thành phố (sau đây gọi là Uỷ ban nhân dân cấp tỉnh) hướng dẫn.",
    "Quy chế này (sau đây gọi tắt là Quy chế) áp dụng cho các sở.",
])
def test_a_defined_level_or_document_is_no_new_agency(text):
    assert all("cấp tỉnh" not in a and "Quy chế" not in a for a in agencies(text))


@pytest.mark.parametrize("text, expected", [
    # a unit named by the programme it carries out ends at its parent or its place
    ("Hồ sơ gửi về Tổ công tác thực hiện Đề án 25 của Bộ để thẩm định.", ["Tổ công tác thực hiện Đề án 25 của Bộ"]),
    ("Kinh phí của Ban Chỉ đạo triển khai Chương trình 135 tỉnh Sơn La được bổ sung.",
     ["Ban Chỉ đạo triển khai Chương trình 135 tỉnh Sơn La"]),
])
def test_a_unit_named_by_its_programme(text, expected):
    assert agencies(text) == expected
    assert texts_of(text, "PROJECT") == []


def test_a_team_doing_an_unnamed_task_is_no_agency():
    assert agencies("Tổ công tác thực hiện kiểm tra 5 doanh nghiệp.") == []


@pytest.mark.parametrize("text, expected", [
    # two lower-case fields joined by a dash, closed by the place; an official field with "và"
    ("Hội đồng thi đua - khen thưởng tỉnh xét duyệt hồ sơ.", ["Hội đồng thi đua - khen thưởng tỉnh"]),
    ("Quyết định đổi tên Ban Dân tộc và miền núi thành Ban Dân tộc.", ["Ban Dân tộc và miền núi", "Ban Dân tộc"]),
])
def test_dashed_and_official_fields(text, expected):
    assert agencies(text) == expected


def test_a_dash_before_an_admin_word_is_no_field():
    assert all("xã" not in a for a in agencies("Mục tiêu của Chương trình phát triển kinh tế - xã hội vùng cao đã đạt."))
