"""AGENCY: organizations, read from syllables.

From syllables (`agency_at`): a head word and its name ("Sở Kế hoạch và Đầu tư"), a complete
name ("Ủy ban nhân dân") with the place it serves ("… thành phố Cần Thơ"), a body named by
its task ("Ban Chỉ đạo … trên địa bàn thành phố") or by what it fights, what a management
board manages, a force after "lực lượng", known and foreign organizations (patterns). How a
name runs past its head is in `agency_parts`; bodies written in lower case in `agency_lower`;
what the report around them adds is in `agency_report`.
"""

from __future__ import annotations

import re
from typing import Iterator

from nlp.entities import lexicon as lx
from nlp.entities.agency_lower import issuer_line, lower_body_at
from nlp.entities.agency_parts import (
    ADMIN_ALONE, PURPOSE_HEADS, closes, fight_field_end, front_with_unions, joint_office, managed_end, open_field_end,
    POST_UNIT, lower_field_end, managed_kind_end, place_suffix, subject_committee_end, post_unit_end, task_body, team_owner_end,
    works_field_end,
)
from nlp.entities.candidate import Candidate
from nlp.entities.names import complete_word, is_person_at, name_body, programme_not_body, stop_at
from nlp.entities.phrases import (
    ADMIN, AGENCY_HEADS, AGENCY_NAMES, CLAUSE_VERBS, DOC_TYPES, PLACES, SCHOOLS, SECTORS, TITLES, UNIT_NAMES,
)
from nlp.entities.places import place_name
from nlp.entities.syllables import Phrases, Syl, dictionary, match, syllables_of

_PLACE_BOUND = Phrases(lx.PLACE_BOUND_HEADS)
_COMPANIES = Phrases(["công ty", "tổng công ty"])
_LOWER_BODY_HEADS = Phrases(["công ty", "tổng công ty", "ngân hàng", "hợp tác xã", "quỹ", "cảnh sát"])
_PARTY_COMMITTEES = Phrases(["đảng ủy", "đảng uỷ", "chi bộ"])
_PLURAL = Phrases(["các"])
_OPEN_NAME_HEADS = Phrases(lx.OPEN_NAME_HEADS)
_LEVEL_COMMITTEES = Phrases(lx.LEVEL_COMMITTEES)
_PURPOSE_LEADS = frozenset(lx.PURPOSE_LEADS)
_EVENT_AFTER_HOI = frozenset(lx.EVENT_AFTER_HOI)
_SEASONS = Phrases(lx.SEASONS)
_CAPITAL_HEADS = frozenset(["ubnd", "hđnd", "tw", "ub", "ubmttq", "mttq", "bql"])  # short forms that open a name
_LATIN_WORD = r"[A-Z][A-Za-z]*(?:['’][a-z]+)?"
# Each pattern below first looks ahead for the character its names open with, so `re` skips other
# positions before trying the look-behind (the same matches; see tests/entities/test_pattern_openers.py).
FOREIGN_ORG_PATTERN = re.compile(rf"(?=[A-Z])(?<![\w’'])(?:{_LATIN_WORD}[ \t]+){{1,5}}(?:{'|'.join(lx.FOREIGN_ORG_HEADS)})(?![\w’'])")
KNOWN_ORG_OPENS = "".join(sorted({n[0] for n in lx.KNOWN_ORGANIZATIONS}))
KNOWN_ORG_PATTERN = re.compile(rf"(?=[{re.escape(KNOWN_ORG_OPENS)}])(?<![\w.+-])(?:" + "|".join(
    re.escape(n) for n in sorted(lx.KNOWN_ORGANIZATIONS, key=len, reverse=True)) + r")(?![\w+]|\.\w)")


def starts_agency(phrase: str) -> bool:
    """Does `phrase` (any case) begin with an agency head or a complete agency name?"""
    syls = syllables_of(phrase, 0, len(phrase))
    return bool(syls) and not match(syls, 0, DOC_TYPES) \
        and bool(match(syls, 0, AGENCY_NAMES) or match(syls, 0, AGENCY_HEADS))


def agency_at(syls, i, initial) -> Iterator[Candidate]:
    """AGENCY candidates starting at syllable i; `initial`: i opens a sentence or list item."""
    name = match(syls, i, AGENCY_NAMES)
    if i > 0 and syls[i - 1].text in "/-" and syls[i - 1].end == syls[i].start and syls[i].text.isupper():
        return  # the issuer's code inside a document symbol, even a draft's blank one ("Số: /BC-UBND")
    if not syls[i].cap:
        yield from lower_body_at(syls, i, name)
        return
    issuer = issuer_line(syls, i)
    if issuer:
        yield Candidate("AGENCY", syls[i].start, syls[issuer - 1].end, "agency-issuer-line")
        return
    if name and syls[i].low in ("trung", "tw") and not _central_government(syls, i, name):
        name = 0
    if name and _dropped_syllable(syls, i, name):
        name = 0  # "Uỷ ban nhân quyền": "nhân" begins another word, no "dân" was dropped
    if name and i > 0 and syls[i - 1].low == "phó" and syls[i].low in ("thủ", "chủ"):
        name = 0  # "Phó Thủ tướng [Chính phủ]", "Phó Chủ tịch nước": a position, not the authority
    if name and _is_head(syls, i, name) and not (syls[i].low == "tw" and not syls[i].text.isupper()):
        end = place_suffix(syls, i + name)
        if end == i + name and match(syls, i, _LEVEL_COMMITTEES) == name:
            end = _unit_named(syls, end)  # "Thành uỷ Hà Nội": the level is in the name, the place follows bare
        yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "agency-name")
    subject = subject_committee_end(syls, i)
    if subject:
        yield Candidate("AGENCY", syls[i].start, syls[subject - 1].end, "agency-subject")
        return
    office = joint_office(syls, i)
    if office:
        yield Candidate("AGENCY", syls[i].start, syls[office - 1].end, "agency-joint-office")
        return
    school = match(syls, i, SCHOOLS)
    if school and syls[i].text.isupper() and i + school < len(syls) and syls[i + school].cap:
        end = name_body(syls, i + school)
        yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "school")
    head = match(syls, i, AGENCY_HEADS) if not programme_not_body(syls, i) else 0
    bound = match(syls, i, _PLACE_BOUND)
    if head and bound > head and not _is_head(syls, i, head) and _is_head(syls, i, bound):
        head = bound  # "Đoàn thể thao thành phố": a delegation, not "đoàn thể" (mass organizations)
    if not head or not _is_head(syls, i, head):
        return
    if i + head < len(syls) and syls[i + head].low == "trưởng":
        return  # "Chi cục Trưởng", "Vụ Trưởng": the post heading the body, not the body
    if _agency_kind(syls, i, head):
        return  # "Cơ quan Tài chính là …": the kind of body of a sector, as "cơ quan thuế" (no name)
    task = task_body(syls, i)
    if task:
        yield Candidate("AGENCY", syls[i].start, syls[task - 1].end, "agency-task")
        return
    if front_with_unions(syls, i, head):
        yield Candidate("AGENCY", syls[i].start, syls[i + head - 1].end, "agency-front")
        return
    if i > 0 and syls[i - 1].cap and match(syls, i - 1, PLACES) > 1:
        return  # "Tây Ban Nha": the head word is inside a country's name
    if " ".join(x.low for x in syls[i:i + 3]) == "ban quản lý" and (syls[i + 1].cap or match(syls, i + 3, _PLURAL)):
        managed = managed_end(syls, i + 3)  # "Ban quản lý các khu công nghiệp" in lower case too
        if managed > i + 3:
            yield Candidate("AGENCY", syls[i].start, syls[managed - 1].end, "agency-board")
            return
    if " ".join(x.low for x in syls[i:i + 5]) == "ban quản lý dự án" and _kind_closed(syls, i + 5):
        yield Candidate("AGENCY", syls[i].start, syls[i + 4].end, "agency-board")  # "các Ban quản lý dự án và …"
        return
    board = 3 if " ".join(x.low for x in syls[i:i + 3]) == "ban quản lý" else int(syls[i].text == "BQL")
    if board and (works := works_field_end(syls, i + board)):  # "Ban Quản lý đầu tư xây dựng công trình quận 5"
        yield Candidate("AGENCY", syls[i].start, syls[works - 1].end, "agency-board")
        return
    if board and (kind := managed_kind_end(syls, i + board)):  # "Ban quản lý chợ", "các BQL rừng:"
        yield Candidate("AGENCY", syls[i].start, syls[kind - 1].end, "agency-board")  # "Ban quản lý chợ ("
        return
    if syls[i].low == "tổ" and head == 2 and (initial or i == 0 or not syls[i - 1].text.isalpha()
                                              or syls[i - 1].cap):
        return  # "Tổ chức Hội nghị …" opening a clause is the verb; "và Tổ chức Xúc tiến …" a body
    if i > 0 and syls[i - 1].low in ("các", "những", "mọi") and not _plural_field(syls, i + head):
        return  # "các Sở ban ngành": a class of bodies; but "các Sở Công Thương" names them by field
    if i + head < len(syls) and not syls[i + head].cap and not match(syls, i, _LOWER_BODY_HEADS) \
            and not match(syls, i + head, ADMIN_ALONE):
        # "Hội đồng tư vấn", "Đoàn kiểm tra" are common nouns, unless a place or a short form
        # makes them one body: "Trung tâm điều hành thông minh thành phố Cần Thơ", "… (SOC)"
        described = _described_body(syls, i + head)
        field = lower_field_end(syls, i)
        if field and not described:
            yield Candidate("AGENCY", syls[i].start, syls[field - 1].end, "agency-lower-field")
        elif described:
            yield Candidate("AGENCY", syls[i].start, syls[described - 1].end, "agency-described")
        elif post := post_unit_end(syls, i, head):
            yield Candidate("AGENCY", syls[i].start, syls[post - 1].end, POST_UNIT)
        return
    fund = _fund_name(syls, i, head) if not initial else 0
    if fund:
        quoted = i > 0 and fund < len(syls) and syls[i - 1].text in "“\"" and syls[fund].text in "”\""
        first, last = (syls[i - 1], syls[fund]) if quoted else (syls[i], syls[fund - 1])  # quoted in full
        yield Candidate("AGENCY", first.start, last.end, "agency-fund")
        return
    body = name_body(syls, i + head)
    if match(syls, i, _COMPANIES) == head and not any(s.cap for s in syls[i + head:body]):
        return  # "Công ty cổ phần", "Công ty tài chính": a kind of company, not one
    if body == i + head:
        end = place_suffix(syls, i + max(bound, head)) if (bound or not initial) else body
        if end > i + head:
            end = _purpose_tail(syls, i, end)
            yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "agency-place")
        return
    yield Candidate("AGENCY", syls[i].start, syls[_named_end(syls, i, head, body) - 1].end, "agency-head")


_DROPPED = Phrases(["ủy ban nhân", "uỷ ban nhân"])


def _dropped_syllable(syls: list[Syl], i: int, name: int) -> bool:
    """Is the name at i "Uỷ ban nhân" (a committee written with "dân" dropped) followed by anything
    but its level or place ("các", an admin unit) or a mark, so that it is no such committee?"""
    if match(syls, i, _DROPPED) != name:
        return False
    k = i + name
    return not (closes(syls, k) or syls[k].low == "các" or match(syls, k, ADMIN))


def _plural_field(syls: list[Syl], k: int) -> bool:
    """Does one capitalised field follow a plural head at k ("các Sở Công Thương", "các Trung tâm
    Giáo dục thường xuyên": the bodies of that field, decision 5 of the external gold), not a
    list of fields ("các Bộ Kế hoạch và Đầu tư, Tài chính": `lists.listed_at` reads those)?"""
    if k < len(syls) and _sector_short_form(syls[k]) and (k + 1 >= len(syls) or not syls[k + 1].cap):
        return True  # "các Sở GTVT", "các Sở KH&ĐT": the field in short form
    generic = " ".join(s.low for s in syls[max(0, k - 2):k]) == "tổ chức"  # "các Tổ chức Quốc tế": organizations at large
    if k >= len(syls) or not syls[k].cap or match(syls, k, PLACES) or not (
            match(syls, k, SECTORS) or (complete_word(syls, k, dictionary()) > k + 1 and not generic)):
        return False  # a field, or a capitalised word of what the body does: "các Đài Khí tượng …"
    body = name_body(syls, k)
    return not any(s.text == "," for s in syls[k:body])


def _kind_closed(syls: list[Syl], k: int) -> bool:
    """Does a body named by its kind ("Ban quản lý dự án") end before k: a mark, a function word or a verb?"""
    return closes(syls, k) or stop_at(syls, k) or bool(match(syls, k, CLAUSE_VERBS))


def _sector_short_form(syl: Syl) -> bool:
    """A ministry's field in capitals ("GTVT", "TN&MT", "KH&ĐT"): three or more letters, none lower case."""
    letters = syl.text.replace("&", "")
    return len(letters) >= 3 and letters.isalpha() and letters.isupper()


def force_after(syls: list[Syl], k: int) -> Iterator[Candidate]:
    """A force named with a capital after "lực lượng" ("lực lượng Dân quân tự vệ", "lực lượng
    Thanh niên xung phong"): an AGENCY (decision 5 of the external gold: forces named bare) of
    one dictionary word, or of two when the second closes the phrase ("Dân quân thường trực ở …");
    "nòng cốt" in "Dân quân tự vệ nòng cốt đạt …" is the sentence's."""
    if k >= len(syls) or not syls[k].cap or not syls[k].text.isalpha() or syls[k].text.isupper() \
            or match(syls, k, ADMIN) or is_person_at(syls, k):
        return
    words = dictionary()
    end = complete_word(syls, k, words)
    if end - k < 2:
        return  # "lực lượng Hà …": a capital that opens no word of a force
    nxt = complete_word(syls, end, words) if end < len(syls) and syls[end].text.isalpha() \
        and not syls[end].cap and not stop_at(syls, end) and not match(syls, end, CLAUSE_VERBS) else end
    if end - k == 2 and nxt - end >= 2 and (nxt >= len(syls) or not syls[nxt].text.isalpha() or syls[nxt].gap
                                           or stop_at(syls, nxt)):
        end = nxt
    yield Candidate("AGENCY", syls[k].start, syls[end - 1].end, "force")


_BODY_KIND = Phrases(["cơ quan"])


def _agency_kind(syls: list[Syl], i: int, head: int) -> bool:
    """Is "Cơ quan" at i followed by a sector alone ("Cơ quan Tài chính", "Cơ quan Thuế"), a kind of
    body named by what it manages, with no place, parent or further name to make it one body?"""
    if match(syls, i, _BODY_KIND) != head:
        return False
    field = match(syls, i + head, SECTORS)
    k = i + head + field
    return bool(field) and (k >= len(syls) or not (syls[k].cap or match(syls, k, ADMIN) or syls[k].text == "("))


def _unit_named(syls: list[Syl], k: int) -> int:
    """Index after a province or district named bare and capitalised at k ("Hà Nội", "Nghệ An"),
    k if none: a committee whose name holds its level ("Thành uỷ", "Tỉnh đoàn") takes it."""
    n = match(syls, k, UNIT_NAMES)
    if not n or not all(s.cap for s in syls[k:k + n]) or syls[k].gap:
        return k
    nxt = k + n
    return k if nxt < len(syls) and syls[nxt].cap and syls[nxt].text.isalpha() and not syls[nxt].gap else nxt


def _fund_name(syls: list[Syl], i: int, head: int) -> int:
    """End of a fund named by its purpose in lower case mid-sentence ("từ nguồn Quỹ khuyến
    công", "vay vốn từ Quỹ hỗ trợ phát triển và …"): the capital "Quỹ" makes it a name
    (docs/annotation.md), the purpose runs to a function word, a verb, a place or a mark; 0 if none."""
    if syls[i].low != "quỹ" or head != 1 or i + 1 >= len(syls) or syls[i + 1].cap \
            or (i > 0 and (syls[i - 1].text[0].isdigit() or syls[i - 1].low in ("các", "những", "mỗi"))):
        return 0  # "07 Quỹ tín dụng nhân dân": counted, a kind of fund
    words = dictionary()
    k = last = i + 1
    while k < len(syls) and k - i <= 8 and not syls[k].gap and syls[k].text.isalpha() and not syls[k].cap \
            and not match(syls, k, CLAUSE_VERBS) and not match(syls, k, ADMIN):
        field = match(syls, last, SECTORS)  # "khoa học và công nghệ" may be one entry or two
        if stop_at(syls, k) and not (syls[k].low == "và" and (field > k - last or (
                field == k - last and match(syls, k + 1, SECTORS)))):
            break  # but "Quỹ phát triển khoa học và công nghệ"
        last, k = k, complete_word(syls, k, words)
        against = any(s.low == "chống" for s in syls[i + 1:k + 2])
        if k + 1 < len(syls) and syls[k].text == "," and against and not syls[k + 1].cap:
            k += 1  # "Quỹ phòng, chống lụt, bão": what it fights is listed
    if k == i + 1 or (k < len(syls) and syls[k].text.isalpha() and not (stop_at(syls, k) or match(syls, k, ADMIN))):
        return 0  # nothing, or it ran into a capital or a long description: not a short purpose
    return place_suffix(syls, k)


def _named_end(syls: list[Syl], i: int, head: int, body: int) -> int:
    """Index after the agency at i whose head (`head` syllables) has a proper name ending at
    `body`: then come the place it serves, a short lower-case rest of the name, a consulate's
    city, or its task (`_purpose_tail`); or what it fights, or its owner ("Ban Chỉ đạo của Bộ")."""
    owned = max(fight_field_end(syls, i, body), team_owner_end(syls, i, body))
    if owned > body:
        return owned
    end = body if syls[body - 1].text[0].isdigit() else place_suffix(syls, body)
    if end == body and match(syls, i, _OPEN_NAME_HEADS) >= head and end < len(syls) and not syls[end].cap:
        described = _described_body(syls, end, limit=6, abbr_limit=6)
        if described and not any(match(syls, k, CLAUSE_VERBS) for k in range(end, described)):
            end = described  # "Trung tâm Kiểm soát bệnh tật tỉnh"
    if end == body and end > i + head:
        end = open_field_end(syls, i + head, end)
    if syls[i + head - 1].low == "quán" and end < len(syls) and syls[end].low == "tại":
        end = max(end, place_name(syls, end + 1 + match(syls, end + 1, ADMIN)))  # consulate in a city
    return _purpose_tail(syls, i, end)


def _is_head(syls: list[Syl], i: int, n: int) -> bool:
    """Is the head phrase syls[i:i+n] a head here, not the start of another word?

    "Tổ chức", "Hội nghị", "Ban hành", "Trường hợp", "Báo cáo" start with a head syllable but
    are dictionary words of their own; "vụ Đông Xuân" is a season; "Đài Loan" a country.
    """
    head = syls[i:i + n]
    if not head[0].cap or (head[0].text.isupper() and len(head[0].text) > 1 and head[0].low not in _CAPITAL_HEADS):
        return False
    if match(syls, i, PLACES) > n or match(syls, i, TITLES) > n:
        return False  # "Đài Loan" is a country, "Bộ Trưởng" a position
    if head[0].low == "vụ" and match(syls, i + n, _SEASONS):
        return False
    if head[0].low == "hội" and n == 1 and i + 1 < len(syls) and syls[i + 1].low in _EVENT_AFTER_HOI:
        return False  # "Hội Báo Xuân", "Hội sách": a fair or contest, not an association
    if i > 0 and syls[i - 1].low == "hội" and head[0].low in _EVENT_AFTER_HOI:
        return False  # nor is its "Báo" a newspaper
    if i > 0 and syls[i - 1].low == "giỗ":  # "Giỗ Tổ Hùng Vương"
        return False
    longer = " ".join(s.low for s in syls[i:i + n + 1])
    if i + n < len(syls) and not syls[i + n].cap and longer in dictionary():
        return False
    return True


def _described_body(syls: list[Syl], j: int, limit: int = 10, abbr_limit: int = 16) -> int:
    """End of a lower-case description closed by a place suffix or a "(ABBR)" (0 if neither);
    a short form closes a longer one ("Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC)")."""
    k = j
    if j < len(syls) and ((syls[j].text == "," and match(syls, j + 1, ADMIN)) or match(syls, j, ADMIN)):
        return 0  # "Ban Chỉ đạo TGNN Thành phố | , quận huyện", "… | quận, huyện": levels follow
    while k < len(syls) and k - j < abbr_limit:
        parent = max(match(syls, k, AGENCY_NAMES), match(syls, k, _PARTY_COMMITTEES)) if syls[k].cap else 0
        if parent and 0 < k - j <= 4 and all(s.text.isalpha() for s in syls[j:k]):
            return place_suffix(syls, k + parent)  # "Ủy ban kiểm tra Đảng ủy": a body described, then its parent
        if syls[k].low == "cấp" and match(syls, k + 1, ADMIN):
            while k > j and (stop_at(syls, k - 1) or syls[k - 1].low == "ở"):
                k -= 1  # "Hội Nông dân Việt Nam | ở cấp xã"
            return k if k > j else 0  # "Chi cục Thi hành án dân sự | cấp huyện", "UBND | cấp tỉnh": a level
        if match(syls, k, ADMIN_ALONE) and k > j and not match(syls, k - 1, ADMIN):  # not "quận huyện"
            if k - j >= limit:
                return 0
            end = place_suffix(syls, k)
            return end if end > k else (k if _levels(syls, k) else 0)
        if syls[k].text == "(" and k > j and k + 2 < len(syls) and syls[k + 1].text.isupper() \
                and syls[k + 2].text == ")":
            return k
        syl = syls[k]
        country = match(syls, k, PLACES) if syl.cap and k > j else 0
        if country and closes(syls, k + country):
            return k + country  # "Hiệp hội làng nghề Việt Nam,": a field, then the place it serves
        dash = syl.text in ("-", "–") and k > j and not match(syls, k + 1, ADMIN)  # not "kinh tế - xã hội"
        where = syl.low == "ở" and f"{syls[k - 1].low} ở" not in dictionary()  # but "nhà ở" is a word
        if stop_at(syls, k) or where or syl.cap or not (syl.text.isalpha() or syl.text == "," or dash):
            return 0  # "-" joins two fields: "Hội đồng thi đua - khen thưởng tỉnh"; "ở huyện" is where it is
        k += 1
    return 0


def _levels(syls: list[Syl], k: int) -> bool:
    """Are levels written at k ("xã phường", "xã, phường", "xã / phường"), not one place? The body
    before them is one of that level's bodies: "Ban giảm nghèo | xã phường" (docs/annotation.md)."""
    nxt = k + match(syls, k, ADMIN_ALONE)
    nxt += nxt < len(syls) and syls[nxt].text in ",/"
    return nxt > k and bool(match(syls, nxt, ADMIN_ALONE))



_TAIL_STOPS = frozenset("đã được đang sẽ là tại nhằm để từ đến về".split())


def _purpose_tail(syls: list[Syl], i: int, end: int, limit: int = 25) -> int:
    """Where a body named by its task ends: "[Ban Chỉ đạo thành phố] triển khai … trên địa bàn
    thành phố." runs to a place that closes the phrase (punctuation or "năm 2023" after it).
    Only as a complement ("kết luận của Ban Chỉ đạo …"); as a subject the task is the predicate."""
    if i == 0 or syls[i - 1].low not in _PURPOSE_LEADS or not match(syls, i, PURPOSE_HEADS):
        return end
    k = end
    while k < len(syls) and k - end < limit:
        syl = syls[k]
        if syl.gap or not syl.text.isalnum() or syl.low in _TAIL_STOPS:
            return end
        if " ".join(s.low for s in syls[k:k + 3]) == "trên địa bàn":
            k += 3
            continue
        if match(syls, k, ADMIN):
            place = place_suffix(syls, k)
            if place > k and closes(syls, place):
                return place
        k += 1
    return end


_CENTRAL_ACTS = frozenset(["hỗ trợ", "đầu tư", "phân bổ", "cấp phát"])  # what the centre does with funds


def _central_government(syls: list[Syl], i: int, n: int) -> bool:
    """ "của Trung ương", "dự toán TW giao": the central government acting, not the adjective
    of "báo chí Trung ương", "ngân sách trung ương"."""
    before = syls[i - 1] if i > 0 else None
    after = syls[i + n].low if i + n < len(syls) else ""
    if after in ("đoàn", "hội", "đảng") and i + n < len(syls) and syls[i + n].cap:
        return True  # "Trung ương Đoàn …", "Trung ương Hội …": the central committee of a mass organisation
    if before is not None and before.low == "sách" and i > 1 and syls[i - 2].low == "ngân":
        return False  # "ngân sách Trung ương bổ sung": the central budget, a level (docs/annotation.md)
    # "Vốn Trung ương hỗ trợ", "dự án Trung ương đầu tư"; not "ngân sách Trung ương hỗ trợ"
    acts = " ".join(s.low for s in syls[i + n:i + n + 2]) in _CENTRAL_ACTS and before is not None \
        and before.low != "sách"
    if before is not None and before.low == "và" and i > 1 and match(syls, i - 2, ADMIN) == 1:
        return False  # "đơn vị thuộc tỉnh và Trung ương": two levels
    if after == "và" and i + n + 1 < len(syls) and (match(syls, i + n + 1, AGENCY_NAMES)
                                                    or match(syls, i + n + 1, AGENCY_HEADS)):
        return True  # "dự toán TW và HĐND thành phố giao": coordinated with another body
    return (before is None or not before.text.isalpha() or before.low in ("của", "và", "với", "theo", "từ", "cho", "do")
            or after in ("giao", "bổ") or acts or (before.low == "toán" and i > 1 and syls[i - 2].low == "dự"))
