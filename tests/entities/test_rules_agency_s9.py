"""AGENCY and PROJECT classes found on 6 more external dev documents (session 8, round 2), each fixed by
a general rule on where a name starts and ends, checked on sentences written for these tests
(not copied from any document). Spans are exact: `texts_of` checks text[start:end] == span text."""

import pytest

from tests.entities.helpers import texts_of


def agencies(text):
    return texts_of(text, "AGENCY")


@pytest.mark.parametrize("text, expected", [
    # a place is capitalised syllable by syllable: a capitalised function word opening a lower-case
    # phrase ("Về việc …") is no part of it
    ("Căn cứ Quyết định số 12/2008/QĐ-UB của UBND tỉnh Hà Tĩnh Về việc ban hành quy chế.", ["UBND tỉnh Hà Tĩnh"]),
    ("Theo Công văn của Sở Xây dựng thành phố Đà Nẵng Về việc cấp phép.", ["Sở Xây dựng thành phố Đà Nẵng"]),
    # unless the gazetteer's unit name holds that word: "Một" ends "Thủ Dầu Một"
    ("UBND thành phố Thủ Dầu Một tổ chức hội nghị tổng kết.", ["UBND thành phố Thủ Dầu Một"]),
])
def test_a_place_ends_before_a_capitalised_function_word(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "và" joins a second field to a word the capitals began ("Nông lâm | sản")
    ("Theo đề nghị của Cục trưởng Cục Chế biến Nông lâm sản và Muối.", ["Cục Chế biến Nông lâm sản và Muối"]),
    # "nhà nước" in lower case closes a field begun by a capital
    ("Cục Dự trữ Quốc gia và Lưu trữ nhà nước chịu trách nhiệm.", ["Cục Dự trữ Quốc gia và Lưu trữ nhà nước"]),
    ("Giao Cục Văn thư và Lưu trữ nhà nước hướng dẫn.", ["Cục Văn thư và Lưu trữ nhà nước"]),
    # but two bodies joined by "và" stay two
    ("Sở Tư pháp và Sở Tài chính phối hợp.", ["Sở Tư pháp", "Sở Tài chính"]),
])
def test_a_field_runs_over_and_and_a_lower_case_state(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after a post the unit is one body, its field in lower case up to a mark
    ("a) Trưởng Ban bảo vệ dân phố: 200.000 đồng / tháng.", ["Ban bảo vệ dân phố"]),
    ("c) Tổ trưởng Tổ hoà giải cơ sở: 100.000 đồng.", ["Tổ hoà giải cơ sở"]),
    ("Ông Minh, Uỷ viên Hội đồng tư vấn thuộc Sở Tư pháp.", ["Hội đồng tư vấn", "Sở Tư pháp"]),
    # without a post the head and a lower-case noun stay a common noun; a verb closes nothing
    ("Thành lập Tổ công tác liên ngành để kiểm tra.", []),
    ("Trưởng Ban tổ chức thực hiện kế hoạch này.", []),
])
def test_the_unit_a_post_names_in_lower_case(text, expected):
    assert agencies(text) == expected


def test_a_unit_named_after_a_post_is_the_same_body_at_its_other_uses():
    text = ("a) Trưởng Ban hoà giải khu phố: 150.000 đồng.\n"
            "b) Kinh phí cho Ban hoà giải khu phố do ngân sách phường bảo đảm.")
    assert agencies(text) == ["Ban hoà giải khu phố", "Ban hoà giải khu phố"]


def projects(text):
    return texts_of(text, "PROJECT")


@pytest.mark.parametrize("text, expected", [
    # a capitalised programme's title runs over its items, whom it serves and where, to the phrase
    # that closes titles ("trên địa bàn", "giai đoạn", "từ năm", "đến năm", "năm 2005")
    ("Căn cứ Chương trình phổ biến, giáo dục pháp luật từ năm 2003 đến năm 2007 của Chính phủ.",
     ["Chương trình phổ biến, giáo dục pháp luật"]),
    ("Ban hành Đề án Nâng cao năng lực quản lý, điều hành cho cán bộ, công chức dân tộc thiểu số và miền núi"
     " trên địa bàn tỉnh.", ["Đề án Nâng cao năng lực quản lý, điều hành cho cán bộ, công chức dân tộc thiểu số và miền núi"]),
    ("Thực hiện Chiến lược quốc gia phòng, chống và giảm nhẹ thiên tai đến năm 2020.",
     ["Chiến lược quốc gia phòng, chống và giảm nhẹ thiên tai"]),
    # nothing closes the title: it ends where it did
    ("Các sở thực hiện Đề án Phát triển du lịch, sau đó báo cáo kết quả trên địa bàn tỉnh.",
     ["Đề án Phát triển du lịch"]),
])
def test_a_programme_title_runs_to_the_phrase_that_closes_titles(text, expected):
    assert projects(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "thuộc" chains without "thuộc": a department written straight before its parent is one body
    ("Theo đề nghị của Trưởng phòng Kế hoạch - Tài chính Cục Quản lý Giá.", ["phòng Kế hoạch - Tài chính Cục Quản lý Giá"]),
    ("Theo đề nghị của Vụ trưởng Vụ Pháp chế Bộ Tư pháp và Sở Nội vụ.", ["Vụ Pháp chế Bộ Tư pháp", "Sở Nội vụ"]),
    # a list keeps them apart
    ("Giao Vụ Pháp chế, Bộ Tư pháp hướng dẫn.", ["Vụ Pháp chế", "Bộ Tư pháp"]),
])
def test_a_unit_written_straight_before_its_parent(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a management board named by the kind of thing it manages, in lower case, closed by a mark,
    # "thuộc" or a verb: the boards of that kind (generic bodies with their field)
    ("Giao Ban quản lý chợ (theo danh sách kèm theo) thu thuế.", ["Ban quản lý chợ"]),
    ("Các tổ chức và Ban quản lý chợ thuộc huyện được hưởng 8%.", ["Ban quản lý chợ"]),
    ("Ban quản lý các bến xe phối hợp thực hiện.", ["Ban quản lý các bến xe"]),
    # a longer description is no kind: left as it was
    ("Ban quản lý chợ đầu mối nông sản thành lập năm 2005.", []),
])
def test_a_board_named_by_what_it_manages_in_lower_case(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a committee named by its subject after "về": level, subject and country are one name
    ("Đề nghị Uỷ ban nhà nước về Thuốc thú y Ba Lan kiểm tra các cơ sở.", ["Uỷ ban nhà nước về Thuốc thú y Ba Lan"]),
    ("Ủy ban quốc gia về Thanh niên Việt Nam chủ trì.", ["Ủy ban quốc gia về Thanh niên Việt Nam"]),
    # the subject ends where the verb of the clause begins, at every use
    ("Đề nghị Uỷ ban nhà nước về Thuốc thú y Ucraina kiểm tra; chưa được Uỷ ban nhà nước về Thuốc thú y Ucraina"
     " kiểm tra; trước khi Uỷ ban nhà nước về Thuốc thú y Ucraina kiểm tra.",
     ["Uỷ ban nhà nước về Thuốc thú y Ucraina"] * 3),
])
def test_a_committee_named_by_its_subject(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a signer line lower-cased whole: after the post the body fills the line
    ("Quyết định về việc ban hành quy chế\nCục trưởng cục văn thư và lưu trữ nhà nước\nCăn cứ Luật Thanh tra.",
     ["cục văn thư và lưu trữ nhà nước"]),
    ("Quyết định về việc ban hành quy chế\nBộ trưởng bộ giao thông vận tải\nCăn cứ Luật Thanh tra.",
     ["bộ giao thông vận tải"]),
])
def test_the_body_on_a_lower_cased_signer_line(text, expected):
    assert agencies(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a law head in lower case with its title capitalised names the law; two laws stay two
    ("Thực hiện theo luật Thi đua khen thưởng và luật Ngân sách nhà nước.",
     ["luật Thi đua khen thưởng", "luật Ngân sách nhà nước"]),
    ("Tuân thủ pháp luật Việt Nam.", []),
])
def test_a_law_named_after_a_lower_case_head(text, expected):
    assert texts_of(text, "LEGAL_DOC") == expected


@pytest.mark.parametrize("text, expected", [
    # a title line lower-cased whole: the scheme after what the title does to it, to the phrase
    # that closes titles or the line's end
    ("Quyết định phê duyệt đề án phát triển làng nghề truyền thống trên địa bàn tỉnh hà nam năm 2008",
     ["đề án phát triển làng nghề truyền thống"]),
    ("Quyết định ban hành kế hoạch thực hiện chương trình hỗ trợ hộ nghèo về nhà ở",
     ["chương trình hỗ trợ hộ nghèo về nhà ở"]),
    # not in a body sentence, where the lower-case head is a common noun
    ("Sở Tài chính thực hiện đề án tinh giản biên chế của ngành.", []),
])
def test_a_scheme_in_a_lower_cased_title_line(text, expected):
    assert projects(text) == expected


@pytest.mark.parametrize("text, expected", [
    # bodies in a title line lower-cased whole: an inspectorate whose charter the title gives, and
    # "ubnd" before a plural of levels (as "UBND các huyện" gives "UBND")
    ("Quyết định quy định chức năng, nhiệm vụ, quyền hạn của thanh tra sở xây dựng", ["thanh tra sở xây dựng"]),
    ("Quyết định về việc uỷ nhiệm thu cho ubnd các phường, xã, thị trấn trên địa bàn", ["ubnd"]),
])
def test_bodies_in_a_lower_cased_title_line(text, expected):
    assert agencies(text) == expected
