"""Phrase tables that several finders read, built once from the lexicon, and the stop words.

A table only one finder reads lives in that finder's module; these are read by two or more of
agencies, projects, places, legal, names and rules. ``match(syls, i, AGENCY_HEADS)`` is the
length of the agency head at syllable i.
"""

from __future__ import annotations

from functools import lru_cache

from nlp.entities import gazetteer, lexicon as lx
from nlp.entities.syllables import Phrases

# Function words that end a name; multi-syllable ones only as whole phrases ("ban hành" stops
# a name, "hành" alone does not: "Trung tâm điều hành …", "hành chính công").
STOP = frozenset(
    "của cho với tại trên về trong theo đến từ do đã được đang sẽ là và để nhằm như có các những "
    "một số này đó khi thì mà nên thuộc gồm kính năm tháng ngày quý".split()
)
STOP_PHRASES_LIST = ["báo cáo", "chủ trì", "phối hợp", "tổ chức", "thực hiện", "triển khai", "ban hành",
                     "tham gia", "chỉ đạo", "đề nghị", "giai đoạn", "đối với"]
STOP_PHRASES = Phrases(STOP_PHRASES_LIST)

AGENCY_HEADS = Phrases(lx.AGENCY_HEADS)
AGENCY_NAMES = Phrases(lx.AGENCY_NAMES)
SCHOOLS = Phrases(lx.SCHOOL_ABBREVIATIONS)
SECTORS = Phrases(lx.SECTORS)
ADMIN = Phrases(lx.ADMIN_UNITS)
_OLD_QU = {"qui": "quy", "quí": "quý", "quì": "quỳ", "quỉ": "quỷ", "quĩ": "quỹ", "quị": "quỵ"}


@lru_cache(maxsize=65536)  # called on every syllable of a report: a bounded vocabulary
def spelling_fold(text: str) -> str:
    """`text` lower case in one spelling: tones placed one way and the older "qui" written "quy"
    ("Thuỷ điện" and "thủy điện", "Qui hoạch" and "quy hoạch" agree); same length."""
    return " ".join(_OLD_QU.get(w, w) for w in gazetteer.fold(text).split(" "))


PROJECT_HEADS = Phrases(lx.PROJECT_HEADS, fold=spelling_fold)
WORK_HEADS = Phrases(lx.WORK_HEADS, fold=spelling_fold)
LAW_HEADS = Phrases(lx.LAW_HEADS)
DOC_TYPES = Phrases(lx.DOC_TYPES)
PLACES = Phrases([*gazetteer.provinces(), *lx.REGIONS, *lx.COUNTRIES], fold=gazetteer.fold)
SITES = Phrases(lx.SITE_HEADS)
# Every unit name of the gazetteer (provinces, old districts, wards of both tables), folded.
UNIT_NAMES = Phrases([*gazetteer.provinces(), *gazetteer.districts(), *gazetteer.wards()], fold=gazetteer.fold)
# Provinces and old districts, for names written in lower case after their unit ("tỉnh nghệ an").
LARGE_UNIT_NAMES = Phrases([*gazetteer.provinces(), *gazetteer.districts()], fold=gazetteer.fold)
SURNAMES = frozenset(lx.SURNAMES)
# Verbs that open a clause: a name does not run across them ("… và yêu cầu …").
CLAUSE_VERBS = Phrases([
    "yêu cầu", "trình", "đề nghị", "giao", "tặng", "trao tặng", "ký kết", "phê duyệt", "công nhận", "tổ chức",
    "phối hợp", "triển khai", "thực hiện", "chỉ đạo", "đôn đốc", "kiểm tra", "hướng dẫn",
    "tiếp tục", "tăng cường", "đẩy mạnh", "ban hành", "tham mưu", "rà soát", "theo dõi", "đề xuất",
    "báo cáo", "hoàn thành", "chuẩn bị", "vận động", "tuyên truyền", "xây dựng",
    "làm", "giữ", "kiêm", "thẩm định", "bổ nhiệm", "quyết định", "chịu trách nhiệm", "có trách nhiệm",
    "quy định", "sửa đổi", "bãi bỏ",  # a document's subject after its issuer: "của Bộ Y tế | Quy định về …"
])
# Positions and titles: a name stops before them ("Bộ Nội vụ và | Chủ tịch UBND tỉnh …").
TITLES = Phrases(lx.PERSON_TITLES + ["trưởng", "phó trưởng", "trưởng nhóm", "uỷ viên", "ủy viên", "thành viên",
                                     "tổng giám đốc", "vụ trưởng", "cục trưởng", "nhóm",
                                     # a team's posts in a member list: "… Sở - Thư ký", "… - Trưởng đoàn"
                                     "thư ký", "trưởng đoàn", "phó trưởng đoàn", "chuyên viên", "thủ trưởng"])
