"""AGENCY bodies written in lower case: after "của" ("của chính phủ"), after a post ("Trưởng
phòng Quản lý Văn hoá", "Chánh văn phòng UBND tỉnh"), with their place ("bảo hiểm xã hội thành
phố"), and in a title or issuer line a corpus lower-cased whole ("… thành lập trường đại học …",
"Sở văn hóa, thể thao và du lịch hà nội"). `agencies.agency_at` reads these.
"""

from __future__ import annotations

from typing import Iterator

from nlp.entities import lexicon as lx
from nlp.entities.agency_parts import place_suffix
from nlp.entities.candidate import Candidate
from nlp.entities.names import ends_name, name_body
from nlp.entities.phrases import ADMIN, AGENCY_NAMES, SECTORS
from nlp.entities.places import lower_unit_name
from nlp.entities.syllables import Phrases, Syl, dictionary, lower_case_line, match

_LOWER_PLACE_BODIES = Phrases([*lx.LOWER_PLACE_BODIES, "ubnd", "hđnd"])  # "của ubnd tỉnh khánh hòa"
_LOWER_SECTOR_HEADS = Phrases([*lx.LOWER_SECTOR_HEADS, "tổng cục"])  # "Tổng cục trưởng tổng cục hải quan"
# Posts that head a state body, written before its name on a signature line: "Thống đốc ngân hàng nhà nước".
_HEADS_OF = Phrases(["thống đốc", "tổng kiểm toán", "chánh án", "viện trưởng", "chủ nhiệm", "tổng cục trưởng",
                     "bộ trưởng", "chủ tịch", "trưởng ban"])


def lower_body_at(syls, i, name) -> Iterator[Candidate]:
    """Bodies written in lower case: "của chính phủ", "bảo hiểm xã hội thành phố"."""
    before = syls[i - 1].low if i > 0 else ""
    if name and (syls[i].low == "chính" or lower_case_line(syls)) and before in ("của", "theo") \
            and (i + name >= len(syls) or syls[i + name].low not in ("điện", "số")):  # "… của thủ tướng chính phủ"
        yield Candidate("AGENCY", syls[i].start, syls[i + name - 1].end, "agency-lowercase")
    elif name and any(match(syls, k, _HEADS_OF) == i - k for k in range(max(0, i - 3), i)) \
            and not match(syls, i, _LOWER_PLACE_BODIES):  # those take their place below
        yield Candidate("AGENCY", syls[i].start, syls[place_suffix(syls, i + name) - 1].end, "agency-lowercase")
    short = _board_short_form(syls, i)
    if short:
        yield Candidate("AGENCY", syls[i].start, syls[short - 1].end, "agency-lowercase")  # "các ban QLDA;"
        return
    if before in ("các", "những", "mọi"):
        return
    signer = _signer_line(syls, i)
    if signer:
        yield Candidate("AGENCY", syls[i].start, syls[signer - 1].end, "agency-signer-line")
        return
    office = _chief_office(syls, i, before)
    if office:
        yield Candidate("AGENCY", syls[i].start, syls[office - 1].end, "agency-office")
        return
    titled = _title_object(syls, i)
    if titled:
        yield Candidate("AGENCY", syls[i].start, syls[titled - 1].end, "agency-title")
        return
    body = match(syls, i, _LOWER_PLACE_BODIES)
    if body and syls[i].low in ("ubnd", "hđnd") and lower_case_line(syls) and i + body < len(syls) \
            and syls[i + body].low == "các" and match(syls, i + body + 1, ADMIN):
        yield Candidate("AGENCY", syls[i].start, syls[i].end, "agency-lowercase")  # "cho ubnd | các phường, xã"
        return
    if body and match(syls, i + body, ADMIN):
        end = place_suffix(syls, i + body)
        if end > i + body:
            yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "agency-lowercase")
    head = match(syls, i, _LOWER_SECTOR_HEADS)
    post = before in _POST_ENDS and head and i + head < len(syls) and syls[i + head].cap \
        and not ends_name(syls, i + head)  # "Trưởng phòng Quản lý Văn hoá": the post's unit, named
    if head and i > 0 and f"{before} {syls[i].low}" in dictionary() and not post:
        return  # "cán bộ Tuyên giáo": an officer, not a ministry
    if head and i + head < len(syls) and syls[i + head].cap and (post or match(syls, i + head, SECTORS)):
        end = name_body(syls, i + head)  # "phòng Y tế", "sở Tài chính tỉnh"
        yield Candidate("AGENCY", syls[i].start, syls[place_suffix(syls, end) - 1].end, "agency-lowercase")
    elif head and (before == "trưởng" or lower_case_line(syls)) and match(syls, i + head, SECTORS):
        end = i + head  # a title in lower case: "Bộ trưởng bộ giao thông vận tải", "… của bộ tư pháp"
        while match(syls, end, SECTORS) or (end < len(syls) and syls[end].low in ("và", ",", "-", "–")
                                            and match(syls, end + 1, SECTORS)):
            end += match(syls, end, SECTORS) or 1
        if before != "trưởng":
            end = place_suffix(syls, end)  # "… của sở y tế tỉnh nghệ an"
        yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "agency-lowercase")


def _board_short_form(syls: list[Syl], i: int) -> int:
    """End of a board written "ban" in lower case with its field as a short form in capitals ("ban
    QLDA", "ban ATGT"), closed by a mark: the boards of that field (decision 5); 0 otherwise."""
    k = i + 1
    if syls[i].low != "ban" or k >= len(syls) or syls[k].start != syls[i].end + 1:
        return 0
    letters = syls[k].text.replace("&", "")
    if len(letters) < 3 or not (letters.isalpha() and letters.isupper()):
        return 0
    return k + 1 if k + 1 >= len(syls) or syls[k + 1].text in ",;.:)" else 0


_OFFICES = Phrases(["văn phòng", "thanh tra"])
# Last syllables of posts written before the unit they head or serve in: "Trưởng phòng",
# "Phó Trưởng phòng", "Chuyên viên phòng", "Thanh tra viên phòng".
_POST_ENDS = frozenset(["trưởng", "viên"])


def _chief_office(syls: list[Syl], i: int, before: str) -> int:
    """End of "văn phòng Bộ", "thanh tra UBND tỉnh" after the post "Chánh" (its head written in
    lower case): the office of the body named after it; 0 if none."""
    n = match(syls, i, _OFFICES)
    if before != "chánh" or not n or i + n >= len(syls) or not syls[i + n].cap:
        return 0
    parent = match(syls, i + n, AGENCY_NAMES)
    if parent:
        return place_suffix(syls, i + n + parent)
    return name_body(syls, i + n + 1) if syls[i + n].low in ("bộ", "sở") else 0  # "… Bộ", "… Bộ Tài chính"


_TITLE_ACTS = Phrases(["thành lập", "giải thể", "chuyển", "đổi tên", "sáp nhập", "tổ chức lại", "kiện toàn",
                       "thành viên", "của", "thành", "thuộc"])  # what a title does to a body, or whose it is
_TITLE_OBJECTS = Phrases(["trường", "đại học", "học viện", "viện", "bệnh viện", "công ty", "tổng công ty", "tập đoàn",
                          "ngân hàng", "ban chỉ đạo", "ban quản lý", "hội đồng quản trị", "trung tâm", "hợp tác xã",
                          "quỹ", "tổng cục", "chi cục", "phòng", "sở", "thanh tra"])
_TITLE_ENDS = frozenset(["thành", "tại", "năm", "trực", "thuộc", "theo", "giai"])


def _title_object(syls: list[Syl], i: int) -> int:
    """End of the body a title lower-cased whole is about ("Quyết định về việc thành lập trường
    đại học công nghiệp thực phẩm thành phố hồ chí minh", "chuyển công ty … thành công ty cổ
    phần …"): after what the title does to it, to the end of the line or to "thành", "tại",
    "năm", "thuộc"; 0 if the block is not such a title."""
    at = i > 0 and syls[i - 1].low == "tại"  # "… một cửa tại ban quản lý các khu công nghiệp tỉnh thái bình"
    if not match(syls, i, _TITLE_OBJECTS) or not lower_case_line(syls) or not (
            at or any(match(syls, k, _TITLE_ACTS) == i - k for k in range(max(0, i - 3), i))):
        return 0
    end = i + match(syls, i, _TITLE_OBJECTS)
    while end < len(syls) and not syls[end].gap and (syls[end].low not in _TITLE_ENDS or match(syls, end, ADMIN)):
        end += 1  # "… thành phố hồ chí minh" is its place, "… thành công ty cổ phần" what it becomes
    while end > i and not syls[end - 1].text.isalnum():
        end -= 1
    if at and not any(match(syls, k, ADMIN) for k in range(i + 1, end)):
        return 0  # where something happens is one body only when its place names it ("tại ngân hàng" is any bank)
    return end if end > i + match(syls, i, _TITLE_OBJECTS) else 0


def issuer_line(syls: list[Syl], i: int) -> int:
    """End of a department named alone on its line in lower case after its head, as a corpus
    lower-cases the issuer line ("Sở văn hóa, thể thao và du lịch hà nội"): the head, its sectors
    and its place fill the line; 0 otherwise."""
    head = match(syls, i, _LOWER_SECTOR_HEADS)
    if i != 0 or not head or not lower_case_line(syls):
        return 0
    end = i + head
    while match(syls, end, SECTORS) or (end + 1 < len(syls) and syls[end].low in ("và", ",", "-", "–")
                                        and match(syls, end + 1, SECTORS)):
        end += match(syls, end, SECTORS) or 1
    if end == i + head:
        return 0
    end = max(end, lower_unit_name(syls, end), place_suffix(syls, end))
    return end if end == len(syls) or all(not s.text.isalnum() for s in syls[end:]) else 0



_SIGNER_POSTS = Phrases(["cục trưởng", "tổng cục trưởng", "vụ trưởng", "viện trưởng", "giám đốc", "chánh thanh tra",
                         "trưởng ban", "chủ nhiệm", "bộ trưởng", "thống đốc", "chủ tịch"])


def _signer_line(syls: list[Syl], i: int) -> int:
    """End of the body on a signer line a corpus lower-cased whole ("Cục trưởng cục văn thư và lưu
    trữ nhà nước"): a post opens the line, the body's head follows it and its name fills the rest
    of the line, whatever its words; 0 otherwise."""
    post = match(syls, 0, _SIGNER_POSTS)
    if not post or post != i or not match(syls, i, _LOWER_SECTOR_HEADS) or len(syls) > 16 \
            or not lower_case_line(syls) or not all(s.text.isalpha() or s.text in "-–," for s in syls[i:]):
        return 0
    return len(syls)
