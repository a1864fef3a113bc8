"""How a name runs on after its head: the syllable rules that agencies, projects, places and
laws share.

A name after a head word ("Sở", "Dự án", "quận") runs over capitalised syllables; lower-case
syllables join it only when they finish a dictionary word begun by a capital ("Kế hoạch"),
form a known sector ("phát triển nông thôn"), or bridge to the next capital ("Viện Vệ sinh
dịch tễ Trung ương"). It stops at a function word, a column break, a count ("06 kỳ") or a
capital that opens another name.
"""

from __future__ import annotations

from nlp.entities import lexicon as lx
from nlp.entities.phrases import (
    ADMIN, AGENCY_HEADS, AGENCY_NAMES, CLAUSE_VERBS, DOC_TYPES, LAW_HEADS, PLACES, PROJECT_HEADS, SCHOOLS, SECTORS, SITES,
    STOP, STOP_PHRASES, SURNAMES, TITLES, UNIT_NAMES,
)
from nlp.entities.syllables import Phrases, Syl, dictionary, match

_COUNT_WORDS = Phrases(lx.COUNT_WORDS)
_NOT_BODIES = Phrases(["tổ quốc"])  # "Mặt trận Tổ quốc": the fatherland, not a "Tổ" (team)
_NEW_AGENCY = Phrases(["sở", "ban", "tổ", "đoàn", "phòng", "cục", "bộ", "ủy ban", "uỷ ban", "vụ"])


def stop_at(syls: list[Syl], k: int) -> bool:
    """Does a function word (or phrase: "ban hành", "phối hợp") start at syllable k?"""
    return syls[k].low in STOP or bool(match(syls, k, STOP_PHRASES))


def name_body(syls: list[Syl], i: int, stop_at_heads: bool = True) -> int:
    """Index after a proper name starting at `i` (i itself when there is none).

    Lower-case sectors ("phát triển nông thôn") join right after the head, a connector or
    another sector, never after a proper name ("Công ty Hồng Loan đầu tư" stops at "Loan").
    """
    words = dictionary()
    j = i
    while j < len(syls):
        syl = syls[j]
        if j > i and syl.gap:
            break  # names never cross a column break ("UBND TỈNH X\t\tCỘNG HÒA …")
        sector = match(syls, j, SECTORS)
        if sector and (syl.cap or j == i or syls[j - 1].low in ("và", "-", "–", "&", ",")):
            j += sector
            continue
        if stop_at_heads and j > i and _state_tail(syls, j):
            j += 2  # "Cục Văn thư và Lưu trữ nhà nước": "nhà nước" in lower case after the field
            continue
        if syl.cap and syl.text.replace("&", "").isalnum():  # "KH&ĐT", "TB&XH": sectors in short
            if j > i and ends_name(syls, j):
                break  # "Bộ Tài chính | Hướng dẫn …", "UBND tỉnh | Trần Văn A"
            if syl.text.isdigit() and j + 1 < len(syls) and (
                    syls[j + 1].text in "/%" or _decimal_at(syls, j + 1) or counts_something(syls, j)
                    or (syls[j + 1].text.isalpha() and not syls[j + 1].cap and not match(syls, j + 1, ADMIN)
                        and (stop_at_heads or syls[j + 1].low not in STOP))):
                break  # a date ("8/5") or a count ("06 kỳ"), not part of the name (but a programme's
                # number before a function word is: "chương trình 135 do …")
            if stop_at_heads and j > i and match(syls, j, _NEW_AGENCY) and not match(syls, j, SECTORS) \
                    and not inside_place(syls, i, j) and not match(syls, j, _NOT_BODIES):
                break  # "Đoàn kiểm tra Tổ Công tác": a second body begins (but "Hải Phòng" is a place)
            j = complete_word(syls, j, words)
            continue
        if syl.low in ("và", "-", "–", "&", ",") and j > i and j + 1 < len(syls) and syls[j + 1].cap:
            if syl.low == "," and (not _field_at(syls, j + 1) or not _fields_joined(syls, j + 1)):
                break  # "Cục Thuế, | Quản lý thị trường …": a list of bodies, not "Lao động, Thương binh và Xã hội"
            if syl.low == "và" and not stop_at_heads:
                break  # works and laws: "KCN VSIP II và Thành phố mới …" are two names
            if stop_at_heads and (starts_other_name(syls, j + 1) or match(syls, j + 1, TITLES)):
                break  # "Bộ Nội vụ và | Chủ tịch …", "Ban Chỉ đạo và | Nhóm giúp việc"
            if syl.low == "và" and i > 0 and syls[i - 1].low == "bộ" and match(syls, i, SECTORS) == j - i \
                    and not match(syls, j + 1, SECTORS) and not _second_field_short(syls, j + 1):
                break  # a ministry's field is a field: "Bộ Quốc phòng và | Thi hành án các Quân khu"
                # (but a second field in short form joins it: "Bộ Nông nghiệp và PTNT")
            j += 1 + (_field_at(syls, j + 1) if syl.low in ("và", ",") else 0)  # the field, even a verb's
            continue  # ("Tư vấn, | Thẩm định và …" would end the name at the verb)
        bridge = _bridge(syls, j, words) if j > i else 0
        if bridge:
            j += bridge
            continue
        break
    return j


_OPEN_FIELDS = Phrases(lx.OPEN_FIELDS)


def _field_at(syls: list[Syl], k: int) -> int:
    """Length of a field at k: a sector ("Kế hoạch") or, capitalised, what a body does ("Khai thác")."""
    return match(syls, k, SECTORS) or (match(syls, k, _OPEN_FIELDS) if syls[k].cap else 0)


def _fields_joined(syls: list[Syl], k: int) -> bool:
    """Do the fields from k on close an enumeration with "và" and a capital ("Kế hoạch | và Đầu
    tư", "Khai thác và Phát triển …"), so that the comma before k joins fields of one name?"""
    start = k
    while k < len(syls) and k - start <= 12:
        if syls[k].low == "và":
            return k + 1 < len(syls) and syls[k + 1].cap
        n = _field_at(syls, k)
        if n and any(s.low == "và" for s in syls[k:k + n]):
            return True  # a field that holds the "và" itself: "Kế hoạch và Đầu tư"
        if n or syls[k].text == "," or (syls[k].cap and syls[k].text.isalpha()):
            k += max(n, 1)
            continue
        return False
    return False


def _decimal_at(syls: list[Syl], k: int) -> bool:
    """Is syllable k a "." inside a number or date ("8.5"), not the full stop after a name?"""
    return syls[k].text == "." and k + 1 < len(syls) and syls[k + 1].text[0].isdigit() \
        and syls[k + 1].start == syls[k].end


def ends_name(syls: list[Syl], j: int) -> bool:
    """Does the capital at j end the name before it: a verb ("Hướng dẫn"), a position
    ("Phó Trưởng ban") or a person ("Trần Văn A", a surname that opens no unit of the gazetteer)?"""
    if match(syls, j, SECTORS):
        return False
    if match(syls, j, CLAUSE_VERBS) or match(syls, j, TITLES):
        return True
    return j > 0 and (not syls[j - 1].cap or _field_short_form(syls[j - 1])) and is_person_at(syls, j)
    # not "… Ánh Dương Việt Nam"; but "Thứ trưởng Bộ GTVT | Nguyễn Văn A": a short form closes the field


_COMPANY_FORMS = frozenset(["TNHH", "CP", "MTV", "DNTN", "TM", "DV", "XD", "SX", "XNK",
                            *(a.upper() for a in lx.SCHOOL_ABBREVIATIONS)])  # "Trường THPT Nguyễn Hữu Thọ"


def _field_short_form(syl: Syl) -> bool:
    """Is `syl` a field written as a short form ("GTVT", "KH&ĐT"), which a person's name does not
    continue, unlike a company's or a school's form ("Công ty TNHH Nguyễn Văn A", "Trường THPT Trần
    Phú" are named after a person)?"""
    return len(syl.text) > 1 and syl.text.isupper() and syl.text not in _COMPANY_FORMS


def _initials(phrase: str) -> str:
    """ "phát triển nông thôn" -> "PTNT", "thể thao và du lịch" -> "TT&DL": a field's short form."""
    return "".join("&" if w == "và" else w[0] for w in phrase.split()).upper().replace("Đ", "D")


_MULTI_SECTORS = [p for p in lx.SECTORS if " " in p]
_SECTOR_INITIALS = frozenset(x for p in _MULTI_SECTORS + [f"{a} và {b}" for a in _MULTI_SECTORS for b in _MULTI_SECTORS]
                             for x in (_initials(p), _initials(p).replace("&", "")))  # "TB&XH", "TBXH"


def _second_field_short(syls: list[Syl], j: int) -> bool:
    """Is the short form at j the second field of a ministry ("Bộ Nông nghiệp và PTNT"): the initials
    of a field, closed by a mark, a function word or a lower-case word? A body in short form ("và
    KBNN", "và UBND") is a body of its own."""
    return syls[j].text.replace("Đ", "D") in _SECTOR_INITIALS \
        and (j + 1 == len(syls) or not syls[j + 1].text.isalnum() or not syls[j + 1].cap)


def is_person_at(syls: list[Syl], j: int) -> bool:
    """A surname and two or more capitals that are no place name: "Trần Văn A" (not "Hồ Chí Minh")."""
    if syls[j].low not in SURNAMES or j + 2 >= len(syls):
        return False
    run = j
    while run < len(syls) and run - j < 4 and syls[run].cap and syls[run].text.isalpha() and not syls[run].gap:
        run += 1
    return run - j >= 3 and not match(syls, j, UNIT_NAMES) and not syls[j].text.isupper() \
        and not any(match(syls, k, PLACES) > (k > j) for k in range(j, run))
    # a one-syllable place inside the given names is a name ("Ngô Thịnh Đức"), not Germany


def inside_place(syls: list[Syl], i: int, j: int) -> bool:
    """Is syllable j the inside of a known place name that began after i ("Hải Phòng")?"""
    return any(match(syls, k, PLACES) > j - k for k in range(max(i, j - 3), j))


def starts_other_name(syls: list[Syl], j: int) -> bool:
    """A capital that opens another name: a head word, a document type, a school code."""
    if match(syls, j, SECTORS):
        return False
    return bool(match(syls, j, AGENCY_HEADS) or match(syls, j, AGENCY_NAMES)
                or match(syls, j, PROJECT_HEADS) or match(syls, j, DOC_TYPES) or match(syls, j, LAW_HEADS)
                or (match(syls, j, SCHOOLS) and syls[j].text.isupper()))


_NOT_INSIDE = frozenset("và của với tại cho theo là đã được".split())


def complete_word(syls: list[Syl], j: int, words: frozenset[str]) -> int:
    """After capital syllable j, take the lower-case syllables that finish a dictionary word."""
    best = j + 1
    for n in range(2, 5):
        part = syls[j:j + n]
        if len(part) < n or any(s.cap for s in part[1:]) or not all(s.text.isalpha() for s in part) \
                or any(s.low in _NOT_INSIDE for s in part[1:]):
            break  # the dictionary's "một và" must not join "Thủ Dầu Một và Trường …"
        if " ".join(s.low for s in part) in words:
            best = j + n
    return best


def _bridge(syls: list[Syl], j: int, words: frozenset[str]) -> int:
    """Up to two lower-case words that sit between capitals inside one name."""
    k = j
    for _ in range(2):
        if k >= len(syls) or syls[k].cap or not syls[k].text.isalpha() or stop_at(syls, k) \
                or match(syls, k, ADMIN) or match(syls, k, SITES) \
                or (match(syls, k, CLAUSE_VERBS) and not match(syls, k, SECTORS)):
            return 0  # nor across a verb: "Bộ Giáo dục và Đào tạo | chuẩn bị chu đáo Kỳ thi"
        start, k = k, complete_word(syls, k, words)
        if any(match(syls, x, SITES) or match(syls, x, ADMIN) for x in range(start + 1, k)):
            return 0  # the dictionary's "bắc qua sông" ends in a river, not inside a name
        if start == j and k == j + 1 and _finishes_word(syls, j, words) and k + 1 < len(syls) \
                and syls[k].low == "và" and syls[k + 1].cap and syls[k + 1].text.isalpha() \
                and not starts_other_name(syls, k + 1) and not syls[k + 1].gap:
            return k + 1 - j  # "Nông lâm sản | và Thuỷ sản": a word begun by a capital, then "và" a field
        if k < len(syls) and syls[k].cap and syls[k].text.isalnum() and not syls[k].gap \
                and (not starts_other_name(syls, k) or match(syls, k, PLACES)) \
                and (syls[k].text[0].isalpha() or (match(syls, j, SECTORS) == k - j and not any(
                    match(syls, b, SECTORS) == j - b or match(syls, b, AGENCY_NAMES) == j - b
                    for b in range(max(0, j - 4), j)))):
            # before a number only a sector bridges ("Chuyện văn hóa 06 kỳ"), never a verb
            # ("Sở Tư pháp thẩm định 45 …") nor a sector after a complete one ("Sở Giáo dục và
            # Đào tạo | khen thưởng 215 nhà giáo") or a complete body ("… Tỉnh ủy | kiểm tra 3 …")
            return k - j
    return 0


def _finishes_word(syls: list[Syl], j: int, words: frozenset[str]) -> bool:
    """Does the lower-case syllable j finish a word of a name begun by a capital ("Nông lâm | sản")?"""
    return j >= 2 and f"{syls[j - 1].low} {syls[j].low}" in words and (syls[j - 1].cap or syls[j - 2].cap)


# "Kho bạc nhà nước", "Tổ chức Thương mại thế giới", "Trung tâm Khí tượng Thuỷ văn quốc gia": the level in lower case
_STATE = Phrases(["nhà nước", "thế giới", "quốc gia"])


def _state_tail(syls: list[Syl], j: int) -> bool:
    """Is "nhà nước" written in lower case at j the last words of a body's field, right after a
    capitalised one ("Kho bạc | nhà nước", "Văn thư và Lưu trữ | nhà nước")?"""
    return not syls[j].cap and match(syls, j, _STATE) == 2 and syls[j - 1].text.isalpha() \
        and (syls[j - 1].cap or (j >= 2 and syls[j - 2].cap and f"{syls[j - 2].low} {syls[j - 1].low}" in dictionary()))


def counts_something(syls: list[Syl], k: int) -> bool:
    """Is the number at k followed by what it counts ("168 hộ", "11 tháng", "52,3 triệu")?"""
    nxt = syls[k + 1] if k + 1 < len(syls) else None
    if nxt is None:
        return False
    if nxt.text in ",." and k + 2 < len(syls) and syls[k + 2].text.isdigit() and syls[k + 2].start == nxt.end:
        return True  # a decimal or grouped number ("2,3"; "2, 3" is a list)
    if nxt.low == "tháng" and k + 2 < len(syls) and syls[k + 2].text.isdigit():
        return False  # "20 tháng 3" is a day of the year, as in "Ngày Quốc tế Hạnh phúc 20 tháng 3"
    return nxt.text == "%" or bool(match(syls, k + 1, _COUNT_WORDS))


_DEVELOPMENT_PROGRAMME = Phrases(["chương trình phát triển"])


def programme_not_body(syls: list[Syl], i: int) -> bool:
    """Is "Chương trình phát triển …" at i a programme, not the UN body? The body is named by a
    capitalised name after the head ("Chương trình Phát triển Liên Hợp Quốc"); a lower-case object
    makes a development programme ("Chương trình phát triển nhà ở tỉnh …", a PROJECT)."""
    n = match(syls, i, _DEVELOPMENT_PROGRAMME)
    return bool(n) and i + n < len(syls) and syls[i + n].text.isalpha() and not syls[i + n].cap
