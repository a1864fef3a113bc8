"""Entity rules on small sentences written for the guideline's cases (docs/annotation.md)."""

import pytest

from nlp.entities import Candidate, resolve_overlaps
from tests.entities.helpers import entities_of


def labelled(text):
    return [(e.label, e.text) for e in entities_of(text)]


@pytest.mark.parametrize("text, expected", [
    ("Sở Kế hoạch và Đầu tư kính báo cáo.", [("AGENCY", "Sở Kế hoạch và Đầu tư")]),
    ("Phối hợp Sở Nông nghiệp và Phát triển nông thôn triển khai.",
     [("AGENCY", "Sở Nông nghiệp và Phát triển nông thôn")]),
    ("Sở Lao động - Thương binh và Xã hội chủ trì.", [("AGENCY", "Sở Lao động - Thương binh và Xã hội")]),
    ("Giao Ủy ban nhân dân thành phố Cần Thơ chỉ đạo.", [("AGENCY", "Ủy ban nhân dân thành phố Cần Thơ")]),
    ("Báo cáo UBND quận Ninh Kiều.", [("AGENCY", "UBND quận Ninh Kiều")]),
    ("Đề nghị Công ty TNHH Amicogen Nam Việt bổ sung hồ sơ.", [("AGENCY", "Công ty TNHH Amicogen Nam Việt")]),
    ("Đoàn công tác đến Bệnh viện Đa khoa Trung ương Cần Thơ.",
     [("AGENCY", "Bệnh viện Đa khoa Trung ương Cần Thơ")]),
    ("Mời Viện Vệ sinh dịch tễ Trung ương tham dự.", [("AGENCY", "Viện Vệ sinh dịch tễ Trung ương")]),
])
def test_agencies(text, expected):
    assert labelled(text) == expected


def test_a_unit_and_its_parent_are_one_agency():
    text = "Theo kết luận của Ban Chỉ đạo Cải cách hành chính của Chính phủ về việc này."
    assert labelled(text) == [("AGENCY", "Ban Chỉ đạo Cải cách hành chính của Chính phủ")]


@pytest.mark.parametrize("text", [
    "Các sở, ban, ngành và các cơ quan liên quan tổ chức thực hiện.",
    "Tổ chức Hội nghị sơ kết công tác quý I.",
    "Ban hành kế hoạch và giao các đơn vị thực hiện.",
    "Vụ Đông Xuân xuống giống đạt kế hoạch.",
    "Hội đồng tư vấn đã họp.",
])
def test_common_nouns_and_words_that_start_like_heads_are_not_agencies(text):
    assert [label for label, _ in labelled(text) if label == "AGENCY"] == []


@pytest.mark.parametrize("text, expected", [
    ("Thực hiện Quyết định số 1234/QĐ-UBND ngày 05 tháng 3 năm 2023 của UBND tỉnh.",
     [("LEGAL_DOC", "Quyết định số 1234/QĐ-UBND"), ("DATE", "ngày 05 tháng 3 năm 2023"), ("AGENCY", "UBND tỉnh")]),
    ("Triển khai Nghị quyết số 59-NQ/TW của Bộ Chính trị.",
     [("LEGAL_DOC", "Nghị quyết số 59-NQ/TW"), ("AGENCY", "Bộ Chính trị")]),
    ("Theo Nghị định 15/2021/NĐ-CP và Luật Đầu tư.",
     [("LEGAL_DOC", "Nghị định 15/2021/NĐ-CP"), ("LEGAL_DOC", "Luật Đầu tư")]),
])
def test_legal_documents_leave_date_and_issuer_outside(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Triển khai Đề án “Mỗi xã một sản phẩm” trên địa bàn thành phố giai đoạn 2023-2025.",
     [("PROJECT", "Đề án “Mỗi xã một sản phẩm”"), ("DATE", "giai đoạn 2023-2025")]),
    ("Thực hiện tốt Đề án 06 của Chính phủ.", [("PROJECT", "Đề án 06"), ("AGENCY", "Chính phủ")]),
    ("Đẩy nhanh tiến độ cao tốc Châu Đốc - Cần Thơ - Sóc Trăng.",
     [("PROJECT", "cao tốc Châu Đốc - Cần Thơ - Sóc Trăng")]),
    ("Nâng cấp Quốc lộ 91 đoạn qua quận Thốt Nốt.",
     [("PROJECT", "Quốc lộ 91"), ("LOCATION", "quận Thốt Nốt")]),
])
def test_projects(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Đoàn khách đến từ Nhật Bản, Hoa Kỳ và Đồng bằng sông Cửu Long.",
     [("LOCATION", "Nhật Bản"), ("LOCATION", "Hoa Kỳ"), ("LOCATION", "Đồng bằng sông Cửu Long")]),
    ("Kiểm tra tại xã Trường Xuân, huyện Thới Lai.", [("LOCATION", "xã Trường Xuân"), ("LOCATION", "huyện Thới Lai")]),
    ("Tổ chức trên địa bàn thành phố.", []),
])
def test_locations(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Quý I/2023 tăng so với tháng 03/2023 và năm 2022.",
     [("DATE", "Quý I/2023"), ("DATE", "tháng 03/2023"), ("DATE", "năm 2022")]),
    ("Đến ngày 28/3/2023, trong 03 tháng/2023 và giai đoạn 2021 - 2025.",
     [("DATE", "ngày 28/3/2023"), ("DATE", "03 tháng/2023"), ("DATE", "giai đoạn 2021 - 2025")]),
    ("Số liệu so với tháng trước và cùng kỳ.", []),
])
def test_dates(text, expected):
    assert labelled(text) == expected


def test_titled_person_without_the_title():
    assert labelled("Ông Nguyễn Văn Hùng, Phó Chủ tịch, chủ trì hội nghị.") == [("PERSON", "Nguyễn Văn Hùng")]


def test_overlaps_resolve_to_the_longest_then_the_most_specific_label():
    cands = [Candidate("LOCATION", 10, 20, "r"), Candidate("AGENCY", 0, 20, "r"), Candidate("DATE", 25, 30, "r"),
             Candidate("PROJECT", 25, 30, "r"), Candidate("LOCATION", 40, 45, "r")]
    kept = resolve_overlaps(cands)
    assert [(c.label, c.start, c.end) for c in kept] == [("AGENCY", 0, 20), ("PROJECT", 25, 30), ("LOCATION", 40, 45)]


@pytest.mark.parametrize("text, expected", [
    # a body named by its task runs to the place that closes it, when it is a complement
    ("Thực hiện theo kết luận của Ban Chỉ đạo tỉnh triển khai các dự án trọng điểm trên địa bàn tỉnh.",
     [("AGENCY", "Ban Chỉ đạo tỉnh triển khai các dự án trọng điểm trên địa bàn tỉnh")]),
    ("Kế hoạch hoạt động của Đoàn Kiểm tra công vụ tỉnh Long An năm 2024; thay đổi lịch.",
     [("AGENCY", "Đoàn Kiểm tra công vụ tỉnh Long An"), ("DATE", "năm 2024")]),
    # a lower-case body with its place; the government after "của"
    ("Phối hợp với bảo hiểm xã hội tỉnh công bố danh sách.", [("AGENCY", "bảo hiểm xã hội tỉnh")]),
    ("Triển khai Đề án 06 của chính phủ về dữ liệu dân cư.",
     [("PROJECT", "Đề án 06"), ("AGENCY", "chính phủ")]),
    # a sports delegation is not "đoàn thể" (mass organizations)
    ("Tổng kết Đoàn thể thao tỉnh Đắk Lắk tham dự Đại hội.", [("AGENCY", "Đoàn thể thao tỉnh Đắk Lắk")]),
    # a long description closed by its short form
    ("Nâng cấp Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC) của tỉnh.",
     [("AGENCY", "Trung tâm giám sát, điều hành an toàn, an ninh mạng"), ("AGENCY", "SOC")]),
    # a foreign organization written in English
    ("Dự án do tổ chức Plan International tài trợ.", [("AGENCY", "Plan International")]),
    # "TW" coordinated with a council, or after "dự toán": the central government
    ("Thu ngân sách đạt 25% dự toán TW và HĐND tỉnh giao.",
     [("AGENCY", "TW"), ("AGENCY", "HĐND tỉnh")]),
])
def test_bodies_named_in_running_text(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text", [
    # as a subject, the task is the predicate, not part of the name
    "Đồng thời Ban Chỉ đạo tỉnh đã kiểm tra tình hình trên địa bàn tỉnh.",
    "Đồng thời Ban Chỉ đạo tỉnh kiểm tra tình hình trên địa bàn tỉnh.",
    # "chính phủ số", "chính phủ điện tử" are ways of governing, not the government
    "Xây dựng chính quyền số, chính phủ điện tử của tỉnh.",
    # the service, not the body, without a place
    "Tỷ lệ tham gia bảo hiểm xã hội đạt 40%.",
])
def test_no_body_in_these(text):
    assert not [e for e in entities_of(text) if e.label == "AGENCY" and e.text != "Ban Chỉ đạo tỉnh"]


def test_fairs_and_contests_are_not_associations():
    found = labelled("Tổ chức Hội Báo Xuân và Hội sách tỉnh Long An; Hội Nông dân tỉnh tham gia.")
    assert ("AGENCY", "Hội Nông dân tỉnh") in found
    assert not [t for label, t in found if label == "AGENCY" and ("Báo" in t or "sách" in t)]


@pytest.mark.parametrize("text, expected", [
    # commas inside a title that is one item of a ";" list
    ("Ban hành Phương án giá; Đề án thu phí sử dụng vỉa hè, lòng đường trên địa bàn tỉnh;",
     [("PROJECT", "Đề án thu phí sử dụng vỉa hè, lòng đường")]),
    # a lower-case "dự án" whose description ends in a proper name
    ("Hỗ trợ chủ đầu tư dự án đường ống dẫn nước về khu vực Tân Hiệp, đồng thời kiểm tra.",
     [("PROJECT", "dự án đường ống dẫn nước về khu vực Tân Hiệp")]),
    # … but when it upgrades a named works, the works is the name
    ("Đang lập dự án cải tạo nút giao Ngã Tư Ga để trình duyệt.", [("PROJECT", "nút giao Ngã Tư Ga")]),
    # a kind of project is not a name
    ("Thu hút 12 dự án FDI mới.", []),
    # units numbered after a works name ("2, 3" with spaces is a list, "2,3" a decimal)
    ("Hỗ trợ nhà máy thủy điện Sông Bung 2, 4 để triển khai.",
     [("PROJECT", "nhà máy thủy điện Sông Bung 2, 4")]),
    # a named month of action, not a month
    ("Lễ phát động Tháng Thanh niên năm 2024 tại tỉnh.",
     [("PROJECT", "Tháng Thanh niên"), ("DATE", "năm 2024")]),
    # titles after a plural head: quoted, or closed by a year
    ("Diễn ra nhiều chương trình nghệ thuật Mừng xuân 2024 và “Sắc màu quê hương”, rất sôi nổi.",
     [("PROJECT", "Mừng xuân 2024"), ("PROJECT", "“Sắc màu quê hương”")]),
])
def test_projects_in_lists_and_descriptions(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phối hợp Trung tâm Kiểm soát bệnh tật tỉnh giám sát dịch.", [("AGENCY", "Trung tâm Kiểm soát bệnh tật tỉnh")]),
    ("Vận động ủng hộ Quỹ Vì người nghèo thành phố.", [("AGENCY", "Quỹ Vì người nghèo thành phố")]),
    # two bodies joined by "và" stay two ("một và" is a dictionary word, not part of a name)
    ("Năm học mới. Trường Đại học Thủ Dầu Một và Trường Đại học Việt Đức ký kết hợp tác.",
     [("AGENCY", "Trường Đại học Thủ Dầu Một"), ("AGENCY", "Trường Đại học Việt Đức")]),
    # a complete name stops before the verb
    ("Ngày 20/11; Sở Giáo dục và Đào tạo khen thưởng 215 nhà giáo.",
     [("DATE", "Ngày 20/11"), ("AGENCY", "Sở Giáo dục và Đào tạo")]),
    ("Phối hợp với Bộ Giáo dục và Đào tạo chuẩn bị chu đáo Kỳ thi.", [("AGENCY", "Bộ Giáo dục và Đào tạo")]),
    # "Tổ chức" opening a clause is the verb; after a word it can be a body
    ("Tổ chức Hội nghị tổng kết năm.", []),
    ("Hợp tác với Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO).",
     [("AGENCY", "Tổ chức Xúc tiến Thương mại Nhật Bản"), ("AGENCY", "JETRO")]),
])
def test_agency_name_boundaries(text, expected):
    assert labelled(text) == expected


def test_a_month_is_not_a_campaign():
    assert not [e for e in entities_of("Tháng Giêng có nhiều lễ hội.") if e.label == "PROJECT"]


@pytest.mark.parametrize("text, expected", [
    # "khu vực" is an area word: the name alone is the place
    ("Sản lượng qua khu vực Đình Vũ tăng.", [("LOCATION", "Đình Vũ")]),
    # a known country name at the start of a longer place name
    ("Huyện Hà Trung và huyện Nga Sơn đạt chuẩn.", [("LOCATION", "Huyện Hà Trung"), ("LOCATION", "huyện Nga Sơn")]),
    # a quoted title closes a programme's description
    ("Triển khai Chương trình kích cầu du lịch “Biển gọi - Hè về” trong tháng.",
     [("PROJECT", "Chương trình kích cầu du lịch “Biển gọi - Hè về”")]),
    # works with a lower-case kind: fishing port, rest stop, riverside road
    ("Tàu cá cập cảng cá Lạch Bạng và trạm dừng nghỉ Hà Trung.",
     [("PROJECT", "cảng cá Lạch Bạng"), ("PROJECT", "trạm dừng nghỉ Hà Trung")]),
    # whom the housing is for belongs to its title
    ("Khởi công Dự án nhà ở xã hội cho công nhân KCN Nam Cầu Kiền.",
     [("PROJECT", "Dự án nhà ở xã hội cho công nhân KCN Nam Cầu Kiền")]),
    # a bridge's name does not run across "bắc qua" into the river
    ("Cầu Nguyễn Trãi bắc qua sông Cấm đã hợp long.",
     [("PROJECT", "Cầu Nguyễn Trãi"), ("LOCATION", "sông Cấm")]),
    # a name ends before "và" + a common noun
    ("Nhập khẩu dầu thô cho Liên hợp lọc hóa dầu Nghi Sơn và than đá.",
     [("PROJECT", "Liên hợp lọc hóa dầu Nghi Sơn")]),
])
def test_places_and_works(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Giao Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh triển khai.",
     [("AGENCY", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh")]),
    ("Giao Ban Quản lý dự án 2 khởi công.", [("AGENCY", "Ban Quản lý dự án 2")]),
    ("Phối hợp với Ban Quản lý vịnh Hạ Long kiểm tra.", [("AGENCY", "Ban Quản lý vịnh Hạ Long")]),
    ("Theo Ban Quản lý các khu công nghiệp Long An, vốn tăng.",
     [("AGENCY", "Ban Quản lý các khu công nghiệp Long An")]),
    ("Theo Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp, vốn tăng.",
     [("AGENCY", "Ban Quản lý Khu kinh tế Vân Phong và các khu công nghiệp")]),
])
def test_a_management_board_is_named_by_what_it_manages(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize("phrase, label, expected", [
    ("Quyết định số 12/QĐ-UBND", "LEGAL_DOC", True),
    ("Nghị quyết 15-NQ/TW", "LEGAL_DOC", True),
    ("Luật Đất đai 2024", "LEGAL_DOC", True),
    ("Quyết định danh mục SGK lớp 4", "LEGAL_DOC", False),  # a grade, not a document number
    ("Luật Đầu tư", "LEGAL_DOC", False),  # the model may add a law only with its year
    ("huyện Cờ Đỏ", "LOCATION", False),  # lower-case: the rules' own pattern finds it
    ("Huyện Cờ Đỏ", "LOCATION", True),
    ("Sông Hậu", "LOCATION", True),
    ("Cờ Đỏ", "LOCATION", False),
])
def test_what_the_model_may_add_in_the_gaps(phrase, label, expected):
    """`both` keeps a model entity in a gap only when it opens the way such names do."""
    from nlp.entities.rules import headed

    assert headed(phrase, label) is expected
