"""Classes found on 6 more external dev documents (round 6: plans, programmes, schemes and an
economic zone; issue 15's weak PROJECT label), each fixed by a general rule, checked on sentences
written for these tests (not copied from any document). Spans are exact: `labelled` checks
text[start:end] == span text."""

import pytest

from tests.entities.helpers import labelled, texts_of

LABELS = ("AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "DATE")


@pytest.mark.parametrize("text, expected", [
    # a title quoted whole with its head keeps the quotes and the years inside them
    ('Điều 1. Phê duyệt " Đề án phát triển du lịch biển đến năm 2025 " (sau đây gọi tắt là Đề án).',
     [("PROJECT", '" Đề án phát triển du lịch biển đến năm 2025 "')]),
    ('Quyết định phê duyệt " chương trình nâng cao chất lượng nước sạch đến năm 2030 "',
     [("PROJECT", '" chương trình nâng cao chất lượng nước sạch đến năm 2030 "')]),
    ("Thực hiện “Chiến lược bảo vệ rừng đầu nguồn đến năm 2030 và tầm nhìn đến năm 2045”;",
     [("PROJECT", "“Chiến lược bảo vệ rừng đầu nguồn đến năm 2030 và tầm nhìn đến năm 2045”")]),
    # a quote after the head is the head's quoted name, as before; a closing quote opens nothing
    ('Thực hiện Đề án " Cử cán bộ chuyên môn luân phiên " trong năm 2020.',
     [("PROJECT", 'Đề án " Cử cán bộ chuyên môn luân phiên "'), ("DATE", "năm 2020")]),
    ('Khẩu hiệu " vì môi trường " Chương trình phát triển nông thôn tỉnh Hà Nam được triển khai.',
     [("PROJECT", "Chương trình phát triển nông thôn tỉnh Hà Nam")]),
])
def test_a_title_quoted_whole(text, expected):
    assert labelled(text, LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    # in a title line lower-cased whole: a plan or programme after "về" or what the title does to it
    ("Nghị quyết về quy hoạch phát triển du lịch tỉnh hà giang đến năm 2025",
     [("PROJECT", "quy hoạch phát triển du lịch tỉnh hà giang"), ("DATE", "năm 2025")]),
    ("Nghị quyết thông qua quy hoạch thăm dò, khai thác cát sỏi trên địa bàn tỉnh yên bái",
     [("PROJECT", "quy hoạch thăm dò, khai thác cát sỏi"), ("LOCATION", "tỉnh yên bái")]),
    ("Nghị quyết về chương trình phát triển cây chè trên địa bàn tỉnh thái nguyên",
     [("PROJECT", "chương trình phát triển cây chè"), ("LOCATION", "tỉnh thái nguyên")]),
    # a word or two between the act and the plan; a comma and a unit close the plan
    ("Quyết định phê duyệt nhiệm vụ quy hoạch chung xây dựng khu kinh tế vân phong, tỉnh khánh hoà đến năm 2030",
     [("PROJECT", "quy hoạch chung xây dựng khu kinh tế vân phong"), ("LOCATION", "tỉnh khánh hoà"),
      ("DATE", "năm 2030")]),
    # a sentence lower-cased whole is no title line: planning is an activity there
    ("các huyện cùng với việc triển khai quy hoạch, kế hoạch xây dựng các công trình khác của địa phương", []),
    ("qua 2 năm triển khai, chương trình cũng còn một số hạn chế cần khắc phục thêm", []),
])
def test_a_plan_in_a_lower_cased_title_line(text, expected):
    assert labelled(text, LABELS) == expected


@pytest.mark.parametrize("text, expected", [
    # where the document names a zone by its proper name, a capitalised zone head with only lower-case
    # words after it describes or refers back to it: no second name
    ("Phát triển Khu kinh tế Vân Phong. Đây là Khu kinh tế tổng hợp đa ngành, đa lĩnh vực của vùng. "
     "Đất của Khu kinh tế đảm bảo phù hợp với quy chuẩn.", [("PROJECT", "Khu kinh tế Vân Phong")]),
    # with no zone named, the capitalised kind stays a name (the guideline's capitalisation test)
    ("Áp dụng chính sách với Khu kinh tế cửa khẩu và các văn bản khác.", [("PROJECT", "Khu kinh tế cửa khẩu")]),
    # a short form of a zone named in the document stays
    ("Thành lập Khu kinh tế cửa khẩu Hà Tiên. Ranh giới Khu kinh tế cửa khẩu được xác định như sau.",
     [("PROJECT", "Khu kinh tế cửa khẩu Hà Tiên"), ("PROJECT", "Khu kinh tế cửa khẩu")]),
    # the zone's proper name ends before a second head ("thành" completed no word across it)
    ("Phát triển khu kinh tế Vân Phong thành Khu kinh tế tổng hợp.", [("PROJECT", "khu kinh tế Vân Phong")]),
    ("Khu công nghiệp Cầu Nghìn đã có 5 dự án.", [("PROJECT", "Khu công nghiệp Cầu Nghìn")]),
])
def test_a_zone_is_named_by_its_proper_name(text, expected):
    assert labelled(text, ("PROJECT",)) == expected


@pytest.mark.parametrize("text, expected", [
    # heads in the older spelling: the tone on the other vowel, "qui" for "quy"
    ("Bảo vệ các công trình như thuỷ điện Sơn La.", [("PROJECT", "thuỷ điện Sơn La")]),
    ("Sắp xếp dân cư theo Qui hoạch phát triển cây chè của tỉnh.", [("PROJECT", "Qui hoạch phát triển cây chè")]),
    # "và" and a second capitalised head: two titles, also where a closing phrase follows
    ("Sắp xếp dân cư trên cơ sở Qui hoạch phát triển kinh tế - xã hội và Qui hoạch phát triển cây chè trên địa bàn tỉnh.",
     [("PROJECT", "Qui hoạch phát triển kinh tế - xã hội"), ("PROJECT", "Qui hoạch phát triển cây chè")]),
])
def test_heads_in_the_older_spelling(text, expected):
    assert labelled(text, ("PROJECT",)) == expected


@pytest.mark.parametrize("text, expected", [
    # "trên cơ sở" closes a title as "trên địa bàn" does
    ("Kinh phí thực hiện Đề án trên cơ sở từng dự án thành phần cụ thể được phê duyệt.", []),
    ("Tỉnh xây dựng Chương trình phát triển chè an toàn trên cơ sở quy hoạch vùng.",
     ["Chương trình phát triển chè an toàn"]),
    # after an item mark ("a.", "b)") at a line start the capital says nothing, as at a sentence start
    ("Nhiệm vụ:\na. Qui hoạch vùng trồng chè như sau:", []),
    ("Nhiệm vụ:\nb) Chương trình đào tạo nghề cho nông dân.", []),
    # a number inside a title counts; it names right after the head or closing the title
    ("Nhiệm vụ:\na. Qui hoạch thành 3 vùng trồng chè như sau:", []),
    ("- Dự án thành phần 3 đã hoàn thành.", ["Dự án thành phần 3"]),
    ("Đề án 06 được triển khai.", ["Đề án 06"]),
])
def test_where_a_title_says_nothing(text, expected):
    assert texts_of(text, "PROJECT") == expected


@pytest.mark.parametrize("text, expected", [
    # a plan head with a few lower-case words is a kind of plan, not one plan
    ("Căn cứ Nghị định số 8/2005/NĐ-CP của Chính phủ về Quy hoạch xây dựng;", []),
    ("Phạm vi lập Quy hoạch chung xây dựng như sau, được xác định trong Đồ án quy hoạch.", []),
    # a plan named by what it plans is one
    ("Dân cư được bố trí theo Quy hoạch phát triển cây chè.", ["Quy hoạch phát triển cây chè"]),
    # "như sau" closes a title
    ("Nội dung Chương trình phát triển cây chè như sau:", ["Chương trình phát triển cây chè"]),
])
def test_a_kind_of_plan_is_no_plan(text, expected):
    assert texts_of(text, "PROJECT") == expected


@pytest.mark.parametrize("text, expected", [
    # a programme's number before a function word belongs to it
    ("Các xã thuộc chương trình 135 do tỉnh hỗ trợ.", [("PROJECT", "chương trình 135")]),
    # (a body's number before one is left as it was)
    ("Phòng 2 của Sở Tài chính họp.", [("AGENCY", "Sở Tài chính")]),
    # a works head whose "name" is another kind of works names nothing
    ("Xây dựng các bãi cảng ICD tại khu công nghiệp.", []),
    ("Cảng ICD Tân Cảng Long Bình mở rộng.", [("PROJECT", "Cảng ICD Tân Cảng Long Bình")]),
])
def test_numbers_and_kinds_after_a_head(text, expected):
    assert labelled(text, ("AGENCY", "PROJECT")) == expected


@pytest.mark.parametrize("text, expected", [
    # a lower-case "thế giới" closes an organisation's name, as "nhà nước" closes a field
    ("Theo các quy định của Tổ chức Y tế thế giới (WHO) về dịch bệnh.", ["Tổ chức Y tế thế giới", "WHO"]),
    ("Kho bạc nhà nước tỉnh đã chi.", ["Kho bạc nhà nước tỉnh"]),
    # a post ends a list of bare bodies
    ("Giám đốc các Sở: Tài chính, Xây dựng, Thủ trưởng các ngành cấp tỉnh chịu trách nhiệm thi hành.",
     ["Tài chính", "Xây dựng"]),
    ("Thủ trưởng cơ quan thuộc Chính phủ chịu trách nhiệm.", ["Chính phủ"]),
])
def test_organisation_tails_and_posts(text, expected):
    assert texts_of(text, "AGENCY") == expected


@pytest.mark.parametrize("text, expected", [
    # "và", a noun and its verb open a clause of their own after a title
    ("Các sở căn cứ nội dung Quy hoạch phát triển mạng lưới trường học và nhiệm vụ giao tại mục V của đề án, "
     "tổ chức thực hiện.", [("PROJECT", "Quy hoạch phát triển mạng lưới trường học")]),
    ("Tỉnh triển khai Chương trình bảo vệ và phát triển rừng bền vững.",
     [("PROJECT", "Chương trình bảo vệ và phát triển rừng bền vững")]),
    # a complex of power plants is a work; with its field capitalised, the centre is a body
    ("Hạ tầng đang được đầu tư (Trung tâm điện lực Vĩnh Tân, khu cảng) được kết nối.",
     [("PROJECT", "Trung tâm điện lực Vĩnh Tân")]),
    ("Trung tâm Điện lực Miền Nam có văn bản.", [("AGENCY", "Trung tâm Điện lực Miền Nam")]),
])
def test_clauses_after_titles_and_power_complexes(text, expected):
    assert labelled(text, ("AGENCY", "PROJECT")) == expected
