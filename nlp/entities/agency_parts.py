"""How an AGENCY name runs past its head and proper name: the place it serves ("… thành phố
Cần Thơ", "… khóa XV"), what a management board manages, a field that opens with what the body
does ("Văn phòng Đăng ký quyền sử dụng đất"), a unit named by its programme and parent, one
office of two councils, the Front beside the unions. `agencies.agency_at` reads these.
"""

from __future__ import annotations

from nlp.entities import gazetteer, lexicon as lx
from nlp.entities.names import complete_word, counts_something, ends_name, name_body, stop_at
from nlp.entities.phrases import (
    ADMIN, AGENCY_HEADS, AGENCY_NAMES, CLAUSE_VERBS, PLACES, PROJECT_HEADS, SECTORS, SITES, STOP_PHRASES, WORK_HEADS,
)
from nlp.entities.places import lower_unit_name, place_name
from nlp.entities.syllables import Phrases, Syl, dictionary, match

ADMIN_ALONE = Phrases(lx.PLACE_SUFFIX_ALONE)  # units that may follow a body without a name
PURPOSE_HEADS = Phrases(lx.PURPOSE_HEADS)
_PLACE_BOUND_WORKS = Phrases(["khu bảo tồn thiên nhiên", "khu bảo tồn", "vườn quốc gia", "khu di tích",
                               "khu công nghệ cao", "khu công nghiệp", "khu kinh tế"])


_OFFICE = Phrases(["văn phòng"])
_COUNCILS = Phrases(["hội đồng nhân dân", "ủy ban nhân dân", "uỷ ban nhân dân", "hđnd", "ubnd",
                     "đoàn đại biểu quốc hội", "đoàn đbqh"])


def joint_office(syls: list[Syl], i: int) -> int:
    """End of one office serving two or three bodies of a place ("Văn phòng HĐND và UBND tỉnh",
    "Văn phòng Đoàn ĐBQH, HĐND và UBND thành phố"); 0 if the office at i serves one."""
    k = i + match(syls, i, _OFFICE)
    if k == i or not syls[i].cap:
        return 0
    bodies = 0
    while match(syls, k, _COUNCILS) and syls[k].cap:
        k += match(syls, k, _COUNCILS)
        bodies += 1
        joined = k + 1 < len(syls) and syls[k].low in (",", "và") and syls[k + 1].cap
        if not (joined and match(syls, k + 1, _COUNCILS)):
            break
        k += 1
    return place_suffix(syls, k) if bodies >= 2 else 0


_FRONT = Phrases(["mặt trận"])
_UNIONS_AFTER = frozenset(["đoàn thể", "các đoàn thể", "các tổ chức đoàn thể", "các tổ chức chính trị"])


def front_with_unions(syls: list[Syl], i: int, head: int) -> bool:
    """ "Mặt trận và các đoàn thể", "Mặt trận, đoàn thể": the Front named bare beside the mass
    organisations is the body (docs/annotation.md, decision 5 of the external gold)."""
    if match(syls, i, _FRONT) != head or i + head >= len(syls) or syls[i + head].low not in (",", "và"):
        return False
    after = [s.low for s in syls[i + head + 1:i + head + 6]]
    return any(" ".join(after[:n]) in _UNIONS_AFTER for n in range(2, 6))


_TASKS = Phrases(["thực hiện", "triển khai"])
_PARENTS = Phrases(["bộ", "sở", "ban"])  # the body issuing the text, named bare as a parent: "… của Bộ"


def task_body(syls: list[Syl], i: int) -> int:
    """End of a body named by the programme it carries out, with its parent if one follows
    ("Tổ công tác thực hiện Đề án 30 của Bộ", "Ban Chỉ đạo triển khai Chương trình 135 của UBND
    tỉnh"): one AGENCY (docs/annotation.md: a unit ends at its parent); 0 if the task is not a
    named programme."""
    k = i + match(syls, i, PURPOSE_HEADS)
    task = match(syls, k, _TASKS)
    if k == i or not task:
        return 0
    k += task
    head = match(syls, k, PROJECT_HEADS)
    if not head or not syls[k].cap or k + head >= len(syls) or not syls[k + head].cap:
        return 0
    end = k + head + 1
    while end < len(syls) and syls[end].cap and syls[end].text.isalnum() and not syls[end].gap \
            and not match(syls, end, AGENCY_HEADS):
        end += 1
    if end + 1 < len(syls) and syls[end].low == "của" and syls[end + 1].cap:
        parent = match(syls, end + 1, AGENCY_NAMES) or match(syls, end + 1, _PARENTS)
        if parent:
            return place_suffix(syls, end + 1 + parent)
    return place_suffix(syls, end)  # "… Đề án 30 tỉnh Lâm Đồng": the place after the name


_OPEN_FIELDS = Phrases(lx.OPEN_FIELDS)
_FIELD_CLOSERS = frozenset(",;.:)") | {"thuộc", "trực"}


def open_field_end(syls: list[Syl], name: int, end: int) -> int:
    """End of a field that opens with a capitalised verb of what the body does and goes on in
    lower case with its object ("Trung tâm Kiểm định kỹ thuật an toàn,", "Chi cục Bảo vệ môi
    trường;", "Hội đồng Thẩm định giá đất tỉnh"): up to six plain syllables, taken only when a
    mark, "(trực) thuộc", the end or a place closes them; `end` (unchanged) otherwise."""
    if end >= len(syls) or syls[end].cap or not any(match(syls, b, _OPEN_FIELDS) == end - b for b in range(name, end)):
        return end
    words = dictionary()
    k = end
    while k < len(syls) and k - end <= 6 and not syls[k].gap and syls[k].text.isalpha() and not syls[k].cap:
        if stop_at(syls, k) or match(syls, k, CLAUSE_VERBS) or match(syls, k, ADMIN):
            break
        nxt = complete_word(syls, k, words) if k > end else k + 1
        k = k + 1 if any(match(syls, x, ADMIN) for x in range(k + 1, nxt)) else nxt  # not "an toàn khu | vực I"
    if k == end or k - end > 6:
        return end
    if k >= len(syls) or syls[k].gap:
        return k
    listed = syls[k].text == "," and k + 1 < len(syls) and syls[k + 1].text.isalpha() and not syls[k + 1].cap
    if syls[k].text in _FIELD_CLOSERS and not listed:  # not "Công ty Phát triển tin học, công nghệ và …"
        return k
    if k > end + 1 and (match(syls, k, CLAUSE_VERBS) or match(syls, k, STOP_PHRASES)) and not match(syls, k, SECTORS):
        return k  # "Vụ Tổ chức cán bộ | phối hợp …": the name ends at the verb of its clause (not "… xây dựng")
    if k > end + 1 and syls[k].low == "và" and match(syls, k + 1, CLAUSE_VERBS) and not match(syls, k + 1, SECTORS):
        return k  # "Trung tâm … Phát triển quỹ đất | và hướng dẫn …": "và" joins the clause's next verb
    place = place_suffix(syls, k) if match(syls, k, ADMIN) else k
    return place if place > k else end


def place_suffix(syls: list[Syl], j: int) -> int:
    """Index after "thành phố", "quận Ninh Kiều" … following an agency name."""
    n = match(syls, j, ADMIN)
    if not n or (j < len(syls) and syls[j].gap):
        return _term_suffix(syls, j)
    end = j + n
    while end < len(syls) and syls[end].cap and syls[end].text.isalnum() and not syls[end].gap \
            and not ends_name(syls, end) and syls[end].low not in ("khóa", "khoá") \
            and not _letter_abbreviation(syls, end) and not _function_word_opens(syls, end, j + n):
        end += 1  # "… Nghệ An | Khoá XV", "UBND tỉnh | V/v …", "UBND tỉnh Nghệ An | Về việc …"
    # "quận, huyện", "xã phường", "quận/huyện": levels, not a place
    plural = end == j + n and end + 1 < len(syls) and (
        (syls[end].text in ",/-–" and match(syls, end + 1, ADMIN)) or match(syls, end, ADMIN_ALONE))
    if end == j + n and end < len(syls) and not syls[end].gap and not plural:
        end = lower_unit_name(syls, end)  # "Hội đồng nhân dân tỉnh nghệ an", a title in lower case
    if end == j + n:
        if _regional(syls, j, end):
            return end  # "Chi cục Thuế khu vực;", "các Đài … khu vực để …": the body's regional kind
        if plural or not match(syls, j, ADMIN_ALONE) or (syls[j].low == "tp" and not syls[j].text.isupper()):
            return j
    return end  # a local council's term is outside: "HĐND tỉnh Nghệ An | khóa XV" (docs/annotation.md)


def _regional(syls: list[Syl], j: int, end: int) -> bool:
    """Is "khu vực" at j..end written bare right after a body's name and closed there (a mark, a
    function word, a verb): the body's regional kind ("Chi cục Thuế khu vực"), with no place named?"""
    return " ".join(s.low for s in syls[j:end]) == "khu vực" and (
        closes(syls, end) or stop_at(syls, end) or syls[end].low == "hoặc" or bool(match(syls, end, CLAUSE_VERBS)))


def _function_word_opens(syls: list[Syl], k: int, place: int) -> bool:
    """Is the capital at k a function word opening a phrase in lower case ("Về việc", "Của")? A
    place's name is capitalised syllable by syllable, so it cannot go on into lower case, unless
    the gazetteer's name begun at `place` holds it ("thành phố Thủ Dầu Một | tổ chức")."""
    if not stop_at(syls, k):
        return False
    return not gazetteer.is_unit_name(" ".join(s.text for s in syls[place:k + 1])) and k + 1 < len(syls) and syls[k + 1].text.isalpha() and not syls[k + 1].cap


def _letter_abbreviation(syls: list[Syl], k: int) -> bool:
    """Is syllable k the first letter of a slashed abbreviation ("V/v" về việc, "K/g" kính gửi)?"""
    return len(syls[k].text) == 1 and k + 2 < len(syls) and syls[k + 1].text == "/" and syls[k + 2].text.isalpha()


def _term_suffix(syls: list[Syl], j: int) -> int:
    """ "khóa XV" right after an assembly's name ("Quốc hội khóa XV")."""
    if j + 1 < len(syls) and syls[j].low in ("khóa", "khoá") and syls[j + 1].text.isupper():
        return j + 2
    return j


def managed_end(syls: list[Syl], k: int) -> int:
    """End of what a management board manages, after "Ban Quản lý" (k itself if nothing):
    "dự án đầu tư xây dựng các công trình giao thông tỉnh", "dự án 2", "các khu công nghiệp
    Bình Dương", "vịnh Hạ Long", "Khu kinh tế Nghi Sơn và các khu công nghiệp"."""
    j = k + (k < len(syls) and syls[k].low == "các")
    if " ".join(x.low for x in syls[j:j + 2]) == "dự án":
        if j + 2 < len(syls) and syls[j + 2].text.isdigit() and not counts_something(syls, j + 2):
            return j + 3  # "Ban Quản lý dự án 2"
        m = j + 2
        while m < len(syls) and m - j < 16 and not syls[m].gap and syls[m].text.isalpha() and not syls[m].cap:
            if match(syls, m, ADMIN):
                place = place_suffix(syls, m)
                return place if place > m else k
            if syls[m].low not in ("các", "và") and stop_at(syls, m):
                return k
            m += 1
        plural_kind = j > k and m - j <= 5 and (m >= len(syls) or syls[m].text in ",;.)")
        return m if plural_kind else k  # "Ban quản lý các dự án đô thị,": a kind of projects, to a mark
    head = max(match(syls, j, PROJECT_HEADS), match(syls, j, WORK_HEADS), match(syls, j, SITES),
               match(syls, j, _PLACE_BOUND_WORKS))
    if not head or j + head >= len(syls):
        return k
    end = place_name(syls, j + head) if syls[j + head].cap else j + head
    parks = " ".join(x.low for x in syls[end:end + 5]) == "và các khu công nghiệp"
    if end == j + head and j == k and not parks:
        return k  # a proper name must follow, unless it is "(Khu công nghệ cao và) các khu công nghiệp …"
    if j > k and end == j + head:  # "các …"
        end = place_name(syls, end) if end < len(syls) and syls[end].cap else place_suffix(syls, end)
        if end == j + head and not closes(syls, end) and not stop_at(syls, end) \
                and not match(syls, end, CLAUSE_VERBS):
            return k  # but "Ban Quản lý các khu công nghiệp(, | tỉnh | có trách nhiệm)": the parks it serves
    tail = " ".join(x.low for x in syls[end:end + 5])
    if tail.startswith("và các khu công nghiệp"):
        end += 5
        if end < len(syls) and syls[end].cap:
            end = place_name(syls, end)
    return end


def closes(syls: list[Syl], k: int) -> bool:
    """Does a phrase end before syllable k: the end, punctuation or a year ("năm 2023")?"""
    return k >= len(syls) or syls[k].gap or syls[k].text in ".;,:)" or (
        syls[k].low == "năm" and k + 1 < len(syls) and len(syls[k + 1].text) == 4 and syls[k + 1].text.isdigit())


_FIGHTS = Phrases(["phòng, chống", "phòng chống", "phòng ngừa", "chống"])
_FIGHT_BODIES = Phrases(["ban chỉ đạo", "ban", "ủy ban", "uỷ ban", "hội đồng", "tiểu ban", "phân ban", "tổ công tác", "quỹ",
                         "trung tâm", "đội"])
_PARENT_OF_TEAM = Phrases(["ban chỉ đạo", "tổ công tác", "tiểu ban", "ban tổ chức"])
_FIGHT_REACH = 20


def fight_field_end(syls: list[Syl], i: int, k: int) -> int:
    """End of a body named by what it fights ("Ban Chỉ đạo phòng, chống AIDS và phòng, chống tệ
    nạn ma tuý, mại dâm của Bộ Nội vụ", "Uỷ ban Quốc gia phòng, chống …"), where its head at i
    ends (or its proper name, "Quốc gia", ends) at k: the listed evils run in lower case, short
    forms, commas and "và" to a function word, a verb or a mark; a place or "của" and a body
    after them belong to it. k if no such field follows."""
    if not match(syls, i, _FIGHT_BODIES) or not match(syls, k, _FIGHTS):
        return k
    j = last = k + match(syls, k, _FIGHTS)
    while j < len(syls) and j - k < _FIGHT_REACH and not syls[j].gap:
        syl = syls[j]
        fight = match(syls, j, _FIGHTS)
        if syl.text in (",", "và") and j + 1 < len(syls) and _evil(syls, j + 1):
            j += 1  # "ma tuý, mại dâm", "AIDS và phòng, chống …"
        elif fight:
            j += fight
        elif _evil(syls, j) and not _scope_after(syls, j):  # not "… thiên tai | miền Bắc"
            j += 1
            last = j
        else:
            break
    if last == k + match(syls, k, _FIGHTS):
        return k
    scope = _scope_after(syls, last)
    if not _field_closed(syls, last + scope):
        return k  # "… ma tuý | định kỳ": what follows is no mark, function word or verb, so unclear
    return last + scope if scope else _owner_after(syls, last)


_REGIONS = Phrases(lx.REGIONS)


def _scope_after(syls: list[Syl], k: int) -> int:
    """Length of the scope a body named by what it fights serves, written after its field: the
    central level or a region ("Ban Chỉ đạo phòng, chống thiên tai | Trung ương", "Phân ban …
    | miền Bắc"); 0 if none. Its provinces and districts are read by `place_suffix`."""
    if k + 1 >= len(syls) or syls[k + 1].gap:
        return 0
    if syls[k].cap and f"{syls[k].low} {syls[k + 1].low}" == "trung ương":
        return 2
    region = match(syls, k, _REGIONS)
    return region if region and syls[k + region - 1].cap else 0


def _field_closed(syls: list[Syl], k: int) -> bool:
    """Does a lower-case field end before k: the end, a mark, a function word, a verb or a place?"""
    return k >= len(syls) or syls[k].gap or not syls[k].text.isalnum() or stop_at(syls, k) \
        or bool(match(syls, k, CLAUSE_VERBS) or match(syls, k, ADMIN))


def _evil(syls: list[Syl], j: int) -> bool:
    """Can syllable j be part of what a body fights: a plain lower-case word or a short form
    ("AIDS", "HIV"), not a function word, verb or admin unit?"""
    syl = syls[j]
    if not syl.text.isalpha() or (syl.cap and not syl.text.isupper()):
        return False
    return syl.text.isupper() or not (stop_at(syls, j) or match(syls, j, CLAUSE_VERBS) or match(syls, j, ADMIN))


def _owner_after(syls: list[Syl], k: int, places: bool = True) -> int:
    """Index after the place (if `places`) or the owner ("của Bộ Nội vụ", "của UBND tỉnh") that
    closes a body's name at k; k if neither follows."""
    if places and match(syls, k, ADMIN):
        return place_suffix(syls, k)
    if k + 1 >= len(syls) or syls[k].low != "của" or not syls[k + 1].cap:
        return k
    parent = match(syls, k + 1, AGENCY_NAMES)
    if parent:
        return place_suffix(syls, k + 1 + parent)
    head = match(syls, k + 1, AGENCY_HEADS)
    if head and syls[k + 1].low in ("bộ", "sở"):
        return name_body(syls, k + 1 + head)  # "… của Bộ", "… của Bộ Nội vụ"
    return k


def team_owner_end(syls: list[Syl], i: int, k: int) -> int:
    """ "Ban Chỉ đạo của Bộ", "Tổ công tác của UBND tỉnh": a team named by its owner alone is one
    AGENCY with it (docs/annotation.md); k if the head at i is no team or no owner follows."""
    return _owner_after(syls, k, places=False) if match(syls, i, _PARENT_OF_TEAM) == k - i else k



POST_UNIT = "agency-post-unit"  # the rule name of a unit named after a post (`post_unit_end`)
_POSTS_BEFORE = frozenset(["trưởng", "phó", "viên"])  # "Trưởng", "Tổ phó", "Uỷ viên", "Tổ viên" + the unit
_UNIT_HEADS = Phrases(["ban", "tổ", "đội", "phòng", "hội đồng", "tiểu ban"])
_UNIT_CLOSERS = frozenset(",;.:)(") | {"thuộc", "trực"}


def post_unit_end(syls: list[Syl], i: int, head: int) -> int:
    """End of the unit a post names, its field in lower case ("Trưởng Ban bảo vệ dân phố:",
    "Tổ trưởng Tổ hoà giải cơ sở,"): after a post the unit is one body, not a common noun (as
    "Trưởng phòng Quản lý Văn hoá"); its field runs over plain words to a mark, the end or
    "(trực) thuộc"; 0 if no post comes before or nothing closes the field."""
    if i == 0 or syls[i - 1].low not in _POSTS_BEFORE or match(syls, i, _UNIT_HEADS) != head:
        return 0
    k = i + head
    while k < len(syls) and k - (i + head) < 6 and not syls[k].gap and syls[k].text.isalpha() \
            and not syls[k].cap and not stop_at(syls, k) and not match(syls, k, ADMIN):
        k += 1
    if k == i + head or k - (i + head) >= 6:
        return 0
    if match(syls, k, ADMIN):
        place = place_suffix(syls, k)
        return place if place > k else 0
    return k if k >= len(syls) or syls[k].gap or syls[k].text in _UNIT_CLOSERS else 0


def managed_kind_end(syls: list[Syl], k: int) -> int:
    """End of what a management board manages, named by its kind in lower case after "Ban quản
    lý" ("Ban quản lý chợ (", "Ban quản lý các bến xe phối hợp", "… chợ thuộc huyện"): the boards
    of that kind are bodies (decision 5 of the external gold: generic bodies with their field).
    One word (after "các"), closed by a mark, a function word or a verb; 0 otherwise, and for
    projects, which `managed_end` reads."""
    j = k + (k < len(syls) and syls[k].low == "các")
    if j >= len(syls) or syls[j].cap or not syls[j].text.isalpha() or stop_at(syls, j) \
            or " ".join(x.low for x in syls[j:j + 2]) == "dự án" or match(syls, j, ADMIN):
        return 0
    end = complete_word(syls, j, dictionary()) if j + 1 < len(syls) and not syls[j + 1].cap else j + 1
    if end - j > 2:
        return 0
    closed = end >= len(syls) or syls[end].gap or syls[end].text in ",;.:()" or stop_at(syls, end) \
        or syls[end].low in ("trực", "thuộc") or bool(match(syls, end, CLAUSE_VERBS))
    return end if closed else 0


# A board of public works named by its field, a sector that reads as a verb ("xây dựng"), so the
# kind-of-board reading would stop before it: "Ban Quản lý đầu tư xây dựng công trình quận 5".
_WORKS_FIELDS = Phrases(["đầu tư xây dựng công trình", "đầu tư xây dựng các công trình", "đầu tư xây dựng",
                         "đầu tư và xây dựng"])


def works_field_end(syls: list[Syl], k: int) -> int:
    """End of a management board's field of public works at k, after "Ban Quản lý", with the
    place (or bare level) written after it ("… công trình quận 5", "… công trình quận,"); 0 when
    no such field opens at k or it is capitalised (a proper name, which `managed_end` reads)."""
    n = match(syls, k, _WORKS_FIELDS)
    if not n or any(s.cap for s in syls[k:k + n]):
        return 0
    end = k + n
    if end < len(syls) and not syls[end].gap and match(syls, end, ADMIN):
        place = place_suffix(syls, end)
        return place if place > end else end
    return end


_STATE_HEADS = Phrases(["sở", "cục", "tổng cục", "chi cục", "bộ"])
# Fields that name a ministry's or department's line of work on their own; the generic ones of
# SECTORS ("quản lý", "phát triển", "kiểm tra") and those that are verbs too ("giúp Cục xây dựng,
# trình …", "Bộ đầu tư") also describe what a body does, so they do not.
_STATE_FIELDS = Phrases([f for f in lx.SECTORS if f not in (
    "quản lý", "phát triển", "công tác", "tổ chức", "kiểm tra", "nhân dân", "nhà nước", "cổ phần", "một thành viên",
    "trách nhiệm hữu hạn", "liên doanh", "chỉ đạo", "dịch vụ", "bảo vệ", "sản xuất", "kinh doanh", "nghiên cứu",
    "đầu tư xây dựng", "quản lý dự án", "kinh tế", "công nghiệp", "thương mại", "phát thanh", "tư vấn",
    "xây dựng", "đầu tư", "kế hoạch", "quy hoạch", "xúc tiến", "thi đua", "khen thưởng", "hướng nghiệp", "đào tạo",
    "giới thiệu việc làm", "cải cách hành chính", "chuyển đổi số", "phòng, chống tham nhũng", "tổ chức")])


def lower_field_end(syls: list[Syl], i: int) -> int:
    """End of a state body whose head is capitalised and whose field runs in lower case ("Sở tư
    pháp,", "Cục thuế tỉnh", "Bộ tài chính và …"): the head and one field of a ministry, closed
    by a mark, the end, a function word, a verb or its place; 0 otherwise."""
    head = match(syls, i, _STATE_HEADS)
    if not head or not syls[i].cap or i + head >= len(syls) or syls[i + head].cap:
        return 0
    field = match(syls, i + head, _STATE_FIELDS)
    if not field:
        return 0
    end = i + head + field
    if match(syls, end, ADMIN):
        place = place_suffix(syls, end)
        return place if place > end else 0
    known = match(syls, end, PLACES)  # "Cục thuế Nghệ An": a province named bare after the field
    if known and syls[end].cap and not syls[end].gap and not (
            end + known < len(syls) and syls[end + known].cap and syls[end + known].text.isalpha()):
        return end + known
    closed = closes(syls, end) or stop_at(syls, end) or bool(match(syls, end, CLAUSE_VERBS))
    return end if closed else 0


_COMMITTEES = Phrases(["ủy ban", "uỷ ban"])
_LEVELS_OF_STATE = Phrases(["nhà nước", "quốc gia", "liên chính phủ"])


def subject_committee_end(syls: list[Syl], i: int) -> int:
    """End of a committee named by its subject after "về" ("Uỷ ban nhà nước về Thuốc thú y
    Ucraina", "Ủy ban Quốc gia về Thanh niên Việt Nam"): the level, "về", the capitalised subject
    and the country after it are one name; 0 if the committee at i is not named that way."""
    k = i + match(syls, i, _COMMITTEES)
    if k == i or not syls[i].cap:
        return 0
    k += match(syls, k, _LEVELS_OF_STATE)
    if k + 1 >= len(syls) or syls[k].low != "về" or not syls[k + 1].cap or syls[k + 1].gap:
        return 0
    end, words = k + 1, dictionary()
    while end < len(syls) and end - k <= 8 and not syls[end].gap and syls[end].text.isalpha():
        country = match(syls, end, PLACES) if syls[end].cap and end > k + 1 else 0
        if country:
            end += country  # the country closes it: "… Ucraina", "… Việt Nam"
            break
        if syls[end].cap:
            end = complete_word(syls, end, words)  # "Thuốc", "Thanh niên"
        elif match(syls, end, SECTORS) and end == complete_word(syls, k + 1, words) and not stop_at(syls, end):
            end += match(syls, end, SECTORS)  # "Thuốc | thú y": a field right after the subject's first word
        else:
            break
    return end if end > k + 1 else 0
