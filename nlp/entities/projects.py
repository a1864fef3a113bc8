"""PROJECT: programmes, projects, works and campaigns.

A capitalised head ("Dự án", "Chương trình", "Đề án") takes a descriptive title to the end of
its clause ("Dự án nhà ở xã hội cho công nhân KCN …"); a works head ("cầu", "đường", "KCN")
takes the proper name after it ("cầu Rào 1", "đường Võ Văn Kiệt"); quoted titles and named
months of action ("Tháng Thanh niên") are projects too.
"""

from __future__ import annotations

import re
from typing import Iterator

from nlp.entities import lexicon as lx
from nlp.entities.candidate import Candidate
from nlp.entities.names import counts_something, inside_place, name_body, programme_not_body, starts_other_name, stop_at
from nlp.entities.phrases import (
    ADMIN, AGENCY_HEADS, AGENCY_NAMES, CLAUSE_VERBS, DOC_TYPES, LAW_HEADS, PROJECT_HEADS, SECTORS, STOP, UNIT_NAMES,
    WORK_HEADS,
)
from nlp.entities.project_titles import (KNOWN_BODIES, TITLE_JOINS, kind_of_plan, lower_title_scheme, lower_zone_name,
                                        name_closed_before_word, quoted_whole, title_closure)
from nlp.entities.syllables import Phrases, Syl, dictionary, match

_MONTH_NAMES = frozenset(lx.MONTH_NAMES)
_COUNTRIES = Phrases(lx.COUNTRIES)
_BENEFICIARIES = frozenset(["công nhân", "người lao", "người có", "người thu", "học sinh", "trẻ em", "lao động"])
_KIND_CODES = frozenset("FDI ODA PPP BOT BT BOO BTO DDI EPC NGO".split())
_NAME_STOPS = frozenset("của do đã được đang nhằm theo tại từ đến cho là ở đạt ước tăng giảm dịp vào gồm thuộc".split())
_NAME_STOP_PAIRS = frozenset(["giai đoạn", "trên địa", "thời kỳ", "năm học", "đoạn qua", "bắc qua", "đi qua",
                              "đoạn từ", "với tổng", "với quy", "lần thứ", "kèm theo", "trên cơ", "như sau"])
# ("Đề án | kèm theo Tờ trình", "Đề án | trên cơ sở …", "… | như sau:" close a title)
# Coordinated verbs that open a works project's title: "Dự án cải tạo, nâng cấp …".
_TITLE_VERB_PAIRS = frozenset(["cải tạo", "nâng cấp", "mở rộng", "xây dựng", "tu bổ", "tôn tạo", "bảo tồn",
                               "phục hồi", "sửa chữa", "chỉnh trang", "nạo vét", "gia cố", "kè", "sản xuất",
                               "chế biến", "tiêu thụ", "đầu tư", "kinh doanh", "quản lý", "khai thác"])


# Road codes written alone: "QL.32", "ql.21", "ĐT.741", "TL.8B" (national, provincial roads)
ROAD_CODE_PATTERN = re.compile(r"(?=[QqĐđTt])(?<![\w.])(?:QL|ql|ĐT|đt|TL|tl|ĐH)\.\d+[A-Z]?(?![\w/.])")


_ALONG = frozenset({"dọc", "ven", "trên", "qua", "theo", "cạnh"})  # "dọc đường", "trên đường": words, but before a name a place
_CLASSIFIERS = frozenset(["con", "cây", "chiếc", "tuyến", "các", "những"])  # "con đường", "cây cầu"


def campaign_at(syls: list[Syl], i: int) -> Iterator[Candidate]:
    """ "Tháng Nhân đạo", "Tháng Thanh niên": a named month of action, not a month ("Tháng Giêng")."""
    j = i + 1
    if j < len(syls) and syls[j].cap and syls[j].text.isalpha() and not syls[j].text.isupper() \
            and syls[j].low not in _MONTH_NAMES and not syls[j].gap:
        end = name_body(syls, j)
        yield Candidate("PROJECT", syls[i].start, syls[end - 1].end, "project-campaign")


def project_at(text, syls, i, initial) -> Iterator[Candidate]:
    """PROJECT candidates starting at syllable i; `initial`: i opens a sentence or list item."""
    head = match(syls, i, PROJECT_HEADS)
    work = match(syls, i, WORK_HEADS)
    n = max(work, head)
    work = work if work == n else 0  # "nhà máy nhiệt điện Ô Môn": the longest head decides
    if not n or n >= len(syls) - i:
        return
    quoted = quoted_whole(text, syls, i)
    if quoted is not None and head:
        yield Candidate("PROJECT", syls[i - 1].start, syls[quoted].end, "project-quoted-whole")
        return
    if i > 0 and syls[i - 1].low in ("các", "những", "nhiều"):
        if head and not syls[i].cap:
            yield from _plural_titles(syls, i + n)
        return
    if match(syls, i, _POWER_COMPLEX) and syls[i + 2].cap:
        return  # "Trung tâm Điện lực …" with its field capitalised is a body; "Trung tâm điện lực …" a complex of plants
    if match(syls, i, AGENCY_HEADS) > n and not programme_not_body(syls, i) or match(syls, i, KNOWN_BODIES) > n:
        return  # "Cảng vụ …" is an authority, not a port; "Liên hợp quốc" a known body, not a complex
    if work == 1 and i > 0 and not syls[i].cap and f"{syls[i - 1].low} {syls[i].low}" in dictionary() \
            and not match(syls, i - 1, WORK_HEADS) and syls[i - 1].low not in _CLASSIFIERS \
            and syls[i - 1].low not in _ALONG:
        return  # "yêu cầu Thủ trưởng", "nhu cầu": the head closes a word begun before it, no bridge
        # (but "tuyến đường bộ cao tốc …", "con đường …", "dọc đường Lê Lợi" name the work)
    if work and _no_work(syls, i, n):
        yield from _street(syls, i, n)
        return
    unit = match(syls, i, UNIT_NAMES)
    if unit > n and syls[i].cap and all(s.cap for s in syls[i:i + unit]) and not (
            i + unit < len(syls) and syls[i + unit].cap and syls[i + unit].text.isalpha()):
        return  # "Cầu Giấy", "Trạm Tấu", "Kênh Giang": a unit's name, not a bridge or a canal
    nxt = syls[i + n]
    if nxt.text in "“\"":
        close = next((k for k in range(i + n + 1, len(syls)) if syls[k].text in "”\""), None)
        if close is not None:
            yield Candidate("PROJECT", syls[i].start, syls[close].end, "project-quoted")
        return
    numbered = nxt.low == "số" and i + n + 1 < len(syls) and (syls[i + n + 1].text[0].isdigit()
                                                              or syls[i + n + 1].text in ":/")
    if numbered or (nxt.text.isdigit() and i + n + 1 < len(syls) and syls[i + n + 1].text in "/-"):
        return  # "Kế hoạch số 44/KH-UBND" is a legal document (not "Đề án số hóa …")
    if match(syls, i + n, LAW_HEADS) and nxt.cap:
        return  # "dự án Bộ luật Hàng hải": the draft of a law is the law (LEGAL_DOC)
    if nxt.cap and nxt.text.isalnum():
        if work:
            proper, body = _proper_run(syls, i + n), name_body(syls, i + n, stop_at_heads=False)
            if any(syls[k].cap and (match(syls, k, WORK_HEADS) or match(syls, k, PROJECT_HEADS)) for k in range(proper, body)):
                body = proper  # "khu kinh tế Vân Phong | thành Khu kinh tế …": a word completed across a second head
            end = _numbered(syls, max(proper, body))
            if match(syls, i + n, WORK_HEADS) == end - (i + n):
                return  # "bãi cảng ICD", "cảng KCN": the "name" is another kind of works
            if " ".join(s.low for s in syls[end:end + 2]) == "nối dài":
                end += 2
        elif syls[i].cap:
            end = _without_date(syls, i, _free_name(syls, i + n, item=_list_item(syls, i), closable=True))
        elif " ".join(s.low for s in syls[i + n:i + n + 3]) == "phòng , chống":  # "dự án Phòng, chống …"
            end = _free_name(syls, i + n, limit=15)
        else:  # "chương trình Chuyện văn hóa": a lower-case head takes only the proper name
            end = _numbered(syls, name_body(syls, i + n, stop_at_heads=False))
            if end == i + n + 1 and nxt.text in _KIND_CODES:
                return  # "dự án FDI", "dự án ODA": a kind of project, not a name
        if end == i + n:
            return  # a count follows the head, no name: "dự án 5 triệu ha", "khu công nghiệp 7.220 lao động"
        yield Candidate("PROJECT", syls[i].start, syls[end - 1].end, "project-proper")
    elif head and syls[i].cap and not syls[i].text.isupper():  # "KCN nhỏ" is a kind of park, not one
        end = _without_date(syls, i, _free_name(syls, i + n, item=_list_item(syls, i), closable=True))
        # at a sentence start the capital says nothing: then a proper noun or number must follow
        # (a number names right after the head or closing the title, "Đề án 06", "Dự án thành phần 3";
        # inside it counts: "Quy hoạch thành 5 vùng …"),
        # or the title be one of the national programmes ("Chương trình mục tiêu quốc gia …")
        named = not initial or any(syls[k].cap and (not syls[k].text.isdigit() or k in (i + n, end - 1))
                                   for k in range(i + n, end)) \
            or " ".join(s.low for s in syls[i + n:i + n + 3]) == "mục tiêu quốc"
        if end > i + n and named and not kind_of_plan(syls, i, n, end):
            yield Candidate("PROJECT", syls[i].start, syls[end - 1].end, "project-capitalised")
    elif work and (zone := lower_zone_name(syls, i, n)):
        yield Candidate("PROJECT", syls[i].start, syls[zone - 1].end, "project-lower-zone")
    elif head and (scheme := lower_title_scheme(syls, i, n)):
        yield Candidate("PROJECT", syls[i].start, syls[scheme - 1].end, "project-title-line")
    elif head == 2 and syls[i].low == "dự" and nxt.text.isalpha():
        yield from _described_project(syls, i, n)


_POWER_COMPLEX = Phrases(["trung tâm điện lực"])
def _without_date(syls: list[Syl], i: int, end: int) -> int:
    """ "Ngày Thế giới không thuốc lá | 31 tháng 5": a day of action leaves its date outside
    (a scheme named after the day keeps it: "Đề án Ngày Quốc tế Hạnh phúc 20 tháng 3")."""
    if syls[i].low != "ngày":
        return end
    return next((k for k in range(i + 1, end) if syls[k].text.isdigit() and syls[k + 1].low == "tháng"), end)


def _no_work(syls: list[Syl], i: int, n: int) -> bool:
    """Does the works head at i (`n` syllables) name no work of its own? A body after it ("yêu
    cầu Tổng công ty": the head ends another word), a country alone ("hệ thống cảng biển Việt
    Nam", "Đường Bộ Việt Nam"), a street in an address ("108, đường Lê Duẩn"), a road code ("tuyến QL.32")."""
    if _road_code(syls, i + n):
        return True  # the code is the road's name (ROAD_CODE_PATTERN)
    if " ".join(s.low for s in syls[i:i + n + 1]) in dictionary() and _country_alone(syls, i + n + 1):
        return True  # "(Cục) Đường Bộ Việt Nam": a common word ("đường bộ") and the country, no work
    if syls[i].cap:
        return False
    return bool(match(syls, i + n, AGENCY_HEADS) or match(syls, i + n, AGENCY_NAMES)) \
        or _country_alone(syls, i + n) or _address(syls, i)


def _street(syls: list[Syl], i: int, n: int) -> Iterator[Candidate]:
    """ "108, đường Lê Duẩn, quận Đống Đa": a street in an address is a place."""
    if not syls[i].cap and _address(syls, i):
        end = _proper_run(syls, i + n)
        if end > i + n:
            yield Candidate("LOCATION", syls[i].start, syls[end - 1].end, "address-street")


def _country_alone(syls: list[Syl], k: int) -> bool:
    """Is a country's name at k, and no more ("Việt Nam", not "Việt Nam - Nhật Bản")?"""
    n = match(syls, k, _COUNTRIES)
    return bool(n) and not (k + n < len(syls) and (syls[k + n].text in "-–" or syls[k + n].cap))


def _road_code(syls: list[Syl], k: int) -> bool:
    return k + 2 < len(syls) and syls[k].low in ("ql", "đt", "tl", "đh") and _code_dot(syls, k + 1)


def _address(syls: list[Syl], i: int) -> bool:
    """Is the street head at i part of an address: after a house number ("108, đường …", "số 5 đường …")?"""
    if i < 2 or syls[i].low not in ("đường", "phố"):
        return False
    if syls[i - 1].text[0].isdigit():
        return syls[i - 2].low == "số"  # "số 5 đường …"
    house = syls[i - 1].text == "," and syls[i - 2].text[0].isdigit() and syls[i - 2].text.isalnum()
    # the number opens the address ("Trụ sở: 108, đường …"), it does not end a name ("cầu Cửa Lục 3, đường …")
    return house and (i < 3 or syls[i - 2].gap or syls[i - 3].text in ":;" or syls[i - 3].low in ("số", "tại"))


def _described_project(syls: list[Syl], i: int, n: int) -> Iterator[Candidate]:
    """ "dự án đường ống dẫn khí về trung tâm nhiệt điện Ô Môn": a lower-case "dự án" (`n`
    syllables at i) names one project when its description ends in a proper name."""
    end = _free_name(syls, i + n, limit=15)
    last = syls[end - 1]
    works_inside = " ".join(s.low for s in syls[i + n:i + n + 2]) in _TITLE_VERB_PAIRS and any(
        match(syls, k, WORK_HEADS) for k in range(i + n + 2, end))
    if end > i + n and _ends_proper(syls, i + n, end) and last.text.isalpha() and not last.text.isupper() \
            and not works_inside:  # "dự án cải tạo nút giao Sóng Thần": the works is the name
        yield Candidate("PROJECT", syls[i].start, last.end, "project-described")


def _plural_titles(syls: list[Syl], k: int) -> Iterator[Candidate]:
    """ "nhiều chương trình, hoạt động nghệ thuật Chào năm mới 2023 và “Mừng Đảng …”": after a
    plural head the titles themselves are the names, when quoted or closed by a year."""
    start = k
    while k < len(syls) and k - start < 6 and not syls[k].gap and (
            syls[k].text == "," or (syls[k].text.isalpha() and not syls[k].cap)):
        if stop_at(syls, k) or match(syls, k, CLAUSE_VERBS):
            return
        k += 1
    while k < len(syls):
        if syls[k].text == "“":
            close = _closing_quote(syls, k)
            if close is None:
                return
            yield Candidate("PROJECT", syls[k].start, syls[close].end, "project-title")
            k = close + 1
        elif syls[k].cap and syls[k].text.isalpha():
            end = k
            while end < len(syls) and end - k < 10 and syls[end].text.isalnum() and syls[end].low != "và" \
                    and not syls[end].gap:
                end += 1
            if not re.fullmatch(r"(?:19|20)\d{2}", syls[end - 1].text):
                return
            yield Candidate("PROJECT", syls[k].start, syls[end - 1].end, "project-title")
            k = end
        else:
            return
        if k < len(syls) and syls[k].low in ("và", ","):
            k += 1
        else:
            return


def _closing_quote(syls: list[Syl], k: int, reach: int = 40) -> int | None:
    """Index of the ” that closes the “ at k, within `reach` syllables (None if there is none)."""
    return next((c for c in range(k + 1, min(len(syls), k + reach)) if syls[c].text == "”"), None)


def _numbered(syls: list[Syl], end: int) -> int:
    """ "nhà máy nhiệt điện Ô Môn 2, 3, 4": units numbered after a works name join it."""
    k = end
    while syls[k - 1].text.isdigit() and k + 1 < len(syls) and (syls[k].text == "," or syls[k].low == "và") \
            and syls[k + 1].text.isdigit() and len(syls[k + 1].text) <= 2 and syls[k + 1].start > syls[k].end \
            and not counts_something(syls, k + 1):
        k += 2
    return k


def _list_item(syls: list[Syl], i: int) -> bool:
    """Is the name at i an item of a ";" list, alone between ";" (or ":", a line start) and ";"
    (or the line end)? Inside such an item commas belong to the title."""
    if i > 0 and syls[i - 1].text not in ";:-–+•" and not syls[i].gap:
        return False
    for k in range(i + 1, len(syls)):
        if syls[k].gap:
            return True
        if syls[k].text in ";":
            return True
        if syls[k].text in ".!?:" and not (0 < k < len(syls) - 1 and syls[k - 1].text.isdigit()
                                           and syls[k + 1].text.isdigit()):
            return False
    return True


def _proper_run(syls: list[Syl], j: int) -> int:
    """ "Võ Văn Kiệt", "Châu Đốc - Cần Thơ - Sóc Trăng", "91": the name of a road or bridge."""
    end = j
    while end < len(syls):
        syl = syls[end]
        if end > j and syl.gap:
            break
        if syl.text.isdigit() and counts_something(syls, end):
            break  # "Cảng Hải Phòng 11 tháng", "ngoài khu công nghiệp 7.220 lao động": a figure
        if syl.text.isalnum() and (syl.cap or syl.text.isdigit()):
            end += 1
        elif _code_dot(syls, end):
            end += 2
        elif syl.text in "-–" and end + 1 < len(syls) and syls[end + 1].cap and end > j:
            end += 1
        else:
            break
    return end


def _code_dot(syls: list[Syl], k: int) -> bool:
    """Is syllable k the dot inside a road code ("ĐT.746", "QL.1A"), written without spaces?"""
    return (0 < k < len(syls) - 1 and syls[k].text == "." and syls[k - 1].text.isupper()
            and syls[k + 1].text[0].isdigit() and syls[k - 1].end == syls[k].start and syls[k].end == syls[k + 1].start)


def _free_name(syls: list[Syl], j: int, limit: int | None = None, item: bool = False, closable: bool = False) -> int:
    """A descriptive name runs to the end of its clause: punctuation, "giai đoạn", "trên địa
    bàn", "năm 2023", "của …", or "và" + a verb that starts the next clause. In a list item
    (`item`) commas between lower-case parts stay inside: "Đề án thu Lệ phí cấp phép đào
    đường, vỉa hè, lắp đặt hạ tầng ngầm"; such a title may run longer (45 syllables, not 30)."""
    limit = limit if limit is not None else (45 if item else 30)
    end = j
    while end < len(syls) and end - j < limit:
        syl = syls[end]
        if end > j and syl.gap:
            break
        if syl.text == "/" and end > j and syls[end - 1].text.isdigit() and end + 1 < len(syls) \
                and syls[end + 1].text.isdigit():
            end += 1  # "tỷ lệ 1/5000"
            continue
        if syl.text == "," and end + 1 < len(syls) and (syls[end + 1].low == "chống" or _listed(syls, j, end)
                                                        or _coordinated(syls, end + 1)
                                                        or (item and _title_part(syls, end + 1))):
            end += 1  # "phòng, chống …", "xóa nhà tạm, nhà dột nát", "cải tạo, nâng cấp …"
            continue
        if _code_dot(syls, end):
            end += 2  # "ĐT.746"
            continue
        if syl.text == "“" and end > j:
            close = _closing_quote(syls, end)
            if close is not None:  # "Chương trình kích cầu du lịch “Quảng Ninh - Điểm đến bốn mùa”"
                end = close + 1
            break
        if not syl.text.isalnum() and syl.text not in "-–&":
            break
        low2 = " ".join(s.low for s in syls[end:end + 2])
        joined = end > j and f"{syls[end - 1].low} {syl.low}" in dictionary()  # "nhà ở", "đến từ"
        if syl.low == "cho" and " ".join(s.low for s in syls[end + 1:end + 3]) in _BENEFICIARIES:
            end += 3  # "Dự án nhà ở xã hội cho công nhân KCN …": whom it houses is in the title
            continue
        if syl.low in _NAME_STOPS and (owner := _generic_owner(syls, end)):
            end = owner  # "Chương trình hỗ trợ … của doanh nghiệp;": whose, in the title
            break
        disease = syl.low in ("tăng", "giảm") and end > j and syls[end - 1].low in ("bệnh", "chứng") \
            and end + 1 < len(syls) and syls[end + 1].text.isalpha()  # "bệnh tăng huyết áp" is a name
        if (syl.low in _NAME_STOPS and not joined and not disease and not (end == j and syl.cap)) \
                or low2 in _NAME_STOP_PAIRS \
                or " ".join(s.low for s in syls[end:end + 3]) == "trong khuôn khổ":
            break
        if syl.low == "năm" and end + 1 < len(syls) and syls[end + 1].text.isdigit():
            break
        kind = max(match(syls, end + 2, PROJECT_HEADS), match(syls, end + 2, WORK_HEADS))
        if syl.low == "và" and end + 2 < len(syls) and syls[end + 1].low in ("các", "những") \
                and not (kind and end + 2 + kind < len(syls) and syls[end + 2 + kind].cap):
            break  # "Khu kinh tế cửa khẩu | và các văn bản …", "| và các dự án khác" (but "… và các khu công nghiệp Đà Nẵng")
        if syl.low == "và" and (match(syls, end + 1, CLAUSE_VERBS) or (
                end + 1 < len(syls) and match(syls, end + 1, PROJECT_HEADS)
                and (syls[end + 1].cap or syls[end + 1].low in ("dự", "đề", "chương")))):
            break  # "… và yêu cầu …"; "Chương trình … và Chương trình …" are two names
        if syl.low == "và" and end + 3 < len(syls) and f"{syls[end + 1].low} {syls[end + 2].low}" in dictionary() \
                and not syls[end + 1].cap and match(syls, end + 3, CLAUSE_VERBS):
            break  # "Quy hoạch … chợ | và nhiệm vụ giao tại …": a noun and its verb, a clause of its own
        if _other_name_at(syls, j, end) or _proper_name_ended(syls, j, end) or _numbered_document(syls, end):
            break
        if syl.text.isdigit() and end > j and counts_something(syls, end):
            break
        end += 1
    cut = end - 1 if end > j + 1 and syls[end - 1].low in TITLE_JOINS else end
    if closable and j < cut < len(syls) and syls[cut].low in TITLE_JOINS and syls[cut - 1].text.isalpha() \
            and not syls[cut - 1].cap:  # not after a number or proper name: "Chương trình 135, hỗ trợ …"
        end = title_closure(syls, cut) or end  # "Chương trình phổ biến, giáo dục pháp luật | từ năm …"
    while end > j and syls[end - 1].low in ("và", "-", "–", "&", ","):
        end -= 1
    return end


def _generic_owner(syls: list[Syl], k: int) -> int:
    """End of "của" + up to three lower-case words closing the clause ("… của doanh nghiệp;"):
    whom a programme is for, part of its title; 0 when a body or a place is the owner ("của
    Công ty …", "của tỉnh") or the clause goes on."""
    if syls[k].low != "của":
        return 0
    m = k + 1
    while m < len(syls) and m - k <= 3 and syls[m].text.isalpha() and not syls[m].cap and not syls[m].gap \
            and not stop_at(syls, m) and not match(syls, m, AGENCY_HEADS) and not match(syls, m, ADMIN):
        m += 1
    closed = m >= len(syls) or syls[m].gap or syls[m].text in ";.)"
    return m if m > k + 1 and closed and (m >= len(syls) or not syls[m].text.isalpha()) else 0


def _numbered_document(syls: list[Syl], k: int) -> bool:
    """Does a document with its number open at k ("Đề án kèm theo | Tờ trình số 12/TTr-UBND")? A
    numbered document is a LEGAL_DOC of its own, never part of a title."""
    n = match(syls, k, DOC_TYPES)
    return bool(n) and syls[k].cap and k + n < len(syls) and (
        syls[k + n].low == "số" or syls[k + n].text[0].isdigit())


def _other_name_at(syls: list[Syl], j: int, end: int) -> bool:
    """Does another name open at `end`, after a capital in the description begun at j? Not a
    place ("Hải Phòng") nor a works head inside the title ("đường nối với Cầu …", "KCN Nam Cầu
    Kiền"); a description all in lower case takes the name in ("Dự án xây dựng Trường Tiểu học
    Hòa Lợi")."""
    return end > j and starts_other_name(syls, end) and syls[end].cap and not match(syls, end, SECTORS) \
        and not inside_place(syls, j, end) and any(s.cap for s in syls[j:end]) \
        and not (match(syls, end, WORK_HEADS) and syls[end - 1].low in ("nối", "với")
                 or (syls[end - 1].cap and match(syls, end, WORK_HEADS) > 1)
                 or (syls[end - 1].cap and end + 1 < len(syls) and syls[end + 1].cap
                     and match(syls, end, PROJECT_HEADS) == 1))


def _proper_name_ended(syls: list[Syl], j: int, end: int) -> bool:
    """Did the description begun at j end with its proper name before `end`? "Liên hợp lọc hóa
    dầu Nghi Sơn | và than", "Nhà máy xử lý nước thải Thuận An | hoàn thành"; a numbered part
    ("số 2", "khu A") or a sector goes on."""
    if end <= j:
        return False
    syl = syls[end]
    if syl.low == "và":
        return end + 1 < len(syls) and syls[end + 1].text.isalpha() and not syls[end + 1].cap \
            and _ends_proper(syls, j, end)
    if not syl.text.isalpha() or syl.cap or match(syls, end, SECTORS):
        return False
    numbered = end + 1 < len(syls) and syl.low in ("số", "khu", "lô", "phân", "block", "tòa", "toà") and (
        syls[end + 1].text.isdigit() or (syls[end + 1].text.isupper() and len(syls[end + 1].text) <= 3))
    return not numbered and _ends_proper(syls, j, end)


def _coordinated(syls: list[Syl], k: int, reach: int = 4) -> bool:
    """Is the comma part at k the middle of a coordination inside the title: a few lower-case
    words and then "và" ("Khu phức hợp thương mại, dịch vụ và căn hộ …", "dữ liệu về dân cư,
    định danh và xác thực điện tử"), or the last item right before the title's period
    ("Tháng hành động về an toàn, vệ sinh lao động năm 2024", "…, cao đẳng giai đoạn 2006 - 2020")?"""
    m = k
    while m < len(syls) and m - k < reach and syls[m].text.isalpha() and not syls[m].cap and not syls[m].gap \
            and not match(syls, m, CLAUSE_VERBS) and not match(syls, m, PROJECT_HEADS) \
            and " ".join(s.low for s in syls[m:m + 2]) not in _NAME_STOP_PAIRS \
            and syls[m].low not in _NAME_STOPS and not (syls[m].low in STOP and syls[m].low != "và"):
        if syls[m].low == "và":
            return m > k
        m += 1
    if m == k or m >= len(syls):
        return False
    nxt = " ".join(s.low for s in syls[m:m + 2])
    return nxt == "giai đoạn" or (syls[m].low == "năm" and m + 1 < len(syls) and syls[m + 1].text.isdigit())


def _title_part(syls: list[Syl], k: int) -> bool:
    """Is the comma part starting at k lower-case words of a title (no new clause or name)?"""
    if not syls[k].text.isalpha() or syls[k].cap or stop_at(syls, k) or match(syls, k, CLAUSE_VERBS) \
            or match(syls, k, PROJECT_HEADS) or match(syls, k, WORK_HEADS):
        return False
    for syl in syls[k:]:
        if syl.gap or syl.text in ",;.:":
            return True
        if syl.cap:
            return False
    return True


def _listed(syls: list[Syl], j: int, comma: int) -> bool:
    """Does the comma at `comma` join two items of one title? The item after it repeats the
    first syllable of one before it ("nhà tạm, nhà dột nát", "hạ tầng giao thông, hạ tầng kỹ
    thuật"), or both sides are title verbs ("cải tạo, nâng cấp")."""
    if comma + 1 >= len(syls) or syls[comma + 1].cap or not syls[comma + 1].text.isalpha():
        return False
    after = syls[comma + 1].low
    before = {s.low for s in syls[j:comma]}
    if after in before and not stop_at(syls, comma + 1) and comma - j <= 12:
        return True
    left = " ".join(s.low for s in syls[comma - 2:comma])
    right = " ".join(s.low for s in syls[comma + 1:comma + 3])
    return left in _TITLE_VERB_PAIRS and right in _TITLE_VERB_PAIRS


def _ends_proper(syls: list[Syl], j: int, end: int) -> bool:
    """Is syls[end - 1] the end of a proper name (a capital or a number after one) inside the
    description that began at j? The head's own first word does not count."""
    prev = syls[end - 1]
    if prev.text.isdigit():
        return end - 2 >= j and syls[end - 2].cap and syls[end - 2].text[0].isalpha()
    words = dictionary()
    if not name_closed_before_word(syls, j, end - 1) and any(" ".join(x.low for x in syls[end - 1:end - 1 + n]) in words for n in (2, 3, 4)):
        return False  # "Nhà máy", "Trung tâm", "Trạm biến áp": the capital starts a word
    if max(match(syls, end - 1, WORK_HEADS), match(syls, end - 1, PROJECT_HEADS)) > 1:
        return False  # "Khu dân cư Phong Bắc", "Trạm biến áp 220kV": a head inside the title
    if end - 1 == j and _title_initial(prev):
        return False  # "Đề án Dạy | nghề cho …": a title in sentence case, its first word capitalised
    return prev.cap and prev.text[0].isalpha() and end - 1 >= j


def _title_initial(syl: Syl) -> bool:
    """Is a capitalised Vietnamese syllable ("Dạy", "Phát") right after the head the first word of
    a title in sentence case, not a one-word proper name ("Ecopark", "Formosa")? Vietnamese
    proper names after a head run over two capitals or more ("Nghi Sơn", "Đình Vũ")."""
    return syl.cap and not syl.text.isupper() and any(ord(ch) > 127 for ch in syl.text)
