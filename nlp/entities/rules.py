"""Pattern rules for AGENCY, PROJECT, LEGAL_DOC, LOCATION, DATE and PERSON candidates.

Rules read syllables (not underthesea words, whose joins such as "và Phát triển nông thôn"
cut across names). A name after a head word ("Sở", "Dự án", "quận") runs over capitalised
syllables; lower-case syllables join it only when they finish a dictionary word begun by a
capital ("Kế hoạch"), form a known sector ("phát triển nông thôn"), or bridge to the next
capital ("Viện Vệ sinh dịch tễ Trung ương"). Candidates may overlap; `merge` resolves them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional, Sequence

from nlp.entities import lexicon as lx

_SYLLABLE = re.compile(r"\w+(?:[&+]\w+)*|[^\w\s]")
# Function words that end a name; multi-syllable ones only as whole phrases ("ban hành" stops
# a name, "hành" alone does not: "Trung tâm điều hành …", "hành chính công").
_STOP = frozenset(
    "của cho với tại trên về trong theo đến từ do đã được đang sẽ là và để nhằm như có các những "
    "một số này đó khi thì mà nên thuộc gồm kính năm tháng ngày quý".split()
)
_STOP_PHRASES_LIST = ["báo cáo", "chủ trì", "phối hợp", "tổ chức", "thực hiện", "triển khai", "ban hành",
                      "tham gia", "chỉ đạo", "đề nghị", "giai đoạn"]


@dataclass(frozen=True, slots=True)
class Candidate:
    label: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True, slots=True)
class _Syl:
    text: str
    low: str
    start: int
    end: int
    cap: bool  # starts with an upper-case letter or a digit ("Kế", "UBND", "D2A", "1")
    gap: bool = False  # a tab, a line break or a run of spaces before it: a column or layout break


_HARD_GAP = re.compile(r"\t|\n|   ")


def _syllables(text: str, start: int, end: int) -> list[_Syl]:
    out = []
    prev = start
    for m in _SYLLABLE.finditer(text, start, end):
        word = m.group()
        at = m.start()
        gap = bool(out) and at > prev and (at - prev > 1 or text[prev] != " ") \
            and _HARD_GAP.search(text, prev, at) is not None  # most syllables follow one space or none
        out.append(_Syl(word, word.lower(), at, m.end(), word[0].isupper() or word[0].isdigit(), gap))
        prev = m.end()
    return out


Syllables = dict  # (start, end) of a block -> its syllables; computed once per report


def block_syllables(text: str, blocks: Sequence[tuple[int, int]]) -> Syllables:
    """The syllables of each block, for `find_candidates` and `head_positions` to share."""
    return {(start, end): _syllables(text, start, end) for start, end in blocks}


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """The multi-syllable words of underthesea's Viet74K list ("kế hoạch", "nhà ở")."""
    from nlp.segment import compound_words

    return compound_words()


class _Phrases(dict):
    """Phrases as syllable tuples, with their first syllables and length for a quick reject."""

    def __init__(self, entries: Sequence[str]) -> None:
        super().__init__((tuple(_SYLLABLE.findall(e)), len(_SYLLABLE.findall(e))) for e in entries)
        self.firsts = frozenset(k[0] for k in self)
        self.longest = max(self.values(), default=0)


_phrases = _Phrases


_AGENCY_HEADS = _phrases(lx.AGENCY_HEADS)
_AGENCY_NAMES = _phrases(lx.AGENCY_NAMES)
_SCHOOLS = _phrases(lx.SCHOOL_ABBREVIATIONS)
_SECTORS = _phrases(lx.SECTORS)
_ADMIN = _phrases(lx.ADMIN_UNITS)
_ADMIN_ALONE = _phrases(lx.PLACE_SUFFIX_ALONE)
_PROJECT_HEADS = _phrases(lx.PROJECT_HEADS)
_WORK_HEADS = _phrases(lx.WORK_HEADS)
_LAW_HEADS = _phrases(lx.LAW_HEADS)
_PLACES = _phrases(lx.PROVINCES + lx.REGIONS + lx.COUNTRIES)
_SITES = _phrases(lx.SITE_HEADS)
_STOP_PHRASES = _phrases(_STOP_PHRASES_LIST)
_COUNT_WORDS = _phrases(lx.COUNT_WORDS)
_REGIONS = _phrases(lx.REGIONS)
_COUNTRY_FULL = _phrases(lx.COUNTRY_FULL_NAMES)
_SURNAMES = frozenset(lx.SURNAMES)
_TITLES = _phrases(lx.PERSON_TITLES)
_PLACE_BOUND = _phrases(lx.PLACE_BOUND_HEADS)
_LOWER_BODY_HEADS = _phrases(["công ty", "tổng công ty", "ngân hàng", "hợp tác xã", "quỹ"])
_NEW_AGENCY = _phrases(["sở", "ban", "tổ", "đoàn", "phòng", "cục", "bộ", "ủy ban", "uỷ ban", "vụ"])
_SUBORDINATE = _phrases(lx.SUBORDINATE_HEADS)
_LOWER_PLACE_BODIES = _phrases(lx.LOWER_PLACE_BODIES)
_PURPOSE_HEADS = _phrases(lx.PURPOSE_HEADS)
_OPEN_NAME_HEADS = _phrases(lx.OPEN_NAME_HEADS)
_PLACE_BOUND_WORKS = _phrases(["khu bảo tồn thiên nhiên", "khu bảo tồn", "vườn quốc gia", "khu di tích",
                               "khu công nghệ cao", "khu công nghiệp", "khu kinh tế"])
_PURPOSE_LEADS = frozenset(lx.PURPOSE_LEADS)
_EVENT_AFTER_HOI = frozenset(lx.EVENT_AFTER_HOI)
_MONTH_NAMES = frozenset(lx.MONTH_NAMES)
_SEASONS = _phrases(lx.SEASONS)
_DOC_TYPES = _phrases(lx.DOC_TYPES)
_HEAD_STARTS = frozenset(k[0] for k in (*_AGENCY_HEADS, *_AGENCY_NAMES, *_PROJECT_HEADS, *_LAW_HEADS, *_WORK_HEADS))

_DOC_TYPE = "|".join(sorted((re.escape(t) for t in lx.DOC_TYPES), key=len, reverse=True))
_SYMBOL = r"\d+[\w.]*(?:/\d{4})?(?:[/-][\wĐđ&]+(?:\.[\wĐđ&]+)*)+"  # never ends with a full stop
_LEGAL = re.compile(rf"(?i:{_DOC_TYPE})(?:\s+(?:số|sô))?\s*:?\s*{_SYMBOL}")
_CAN_CHI = (r"(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý)\s+"
            r"(?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)")
_DMY = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
_DATE = re.compile(
    "|".join([
        rf"{_DMY}\s*[-–]\s*{_DMY}",
        r"ngày\s+\d{1,2}\s*(?:/\s*\d{1,2}(?:\s*/\s*\d{4})?|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)",
        _DMY,
        r"(?<=\()\d{1,2}/\d{1,2}(?=\))|\d{1,2}/\d{1,2}(?=\s*[-–]\s*\d{1,2}/\d{1,2}/\d{4})",
        r"\d{1,2}\s+tháng\s+(?:đầu\s+|cuối\s+)?năm(?:\s+\d{4})?|\d{1,2}\s+tháng\s*/\s*\d{4}",
        r"tháng\s+\d{1,2}(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?",
        r"qu[ýí]\s+(?:IV|III|II|I|[1-4])\b(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?",
        r"(?:giai đoạn|thời kỳ|năm học|niên độ)\s+\d{4}\s*[-–]\s*\d{4}",
        r"năm\s+\d{4}(?:\s*[-–]\s*\d{4})?",
        rf"Tết (?:Nguyên [đĐ]án|Dương lịch)(?:\s+{_CAN_CHI})?\s+\d{{4}}|Xuân\s+{_CAN_CHI}\s+\d{{4}}",
        r"(?<=tầm nhìn )\d{4}|(?<=tầm nhìn đến )\d{4}",
        r"\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b",
    ]),
    re.IGNORECASE,
)


_LATIN_WORD = r"[A-Z][A-Za-z]*(?:['’][a-z]+)?"
_FOREIGN_ORG = re.compile(rf"(?<![\w’'])(?:{_LATIN_WORD}[ \t]+){{1,5}}(?:{'|'.join(lx.FOREIGN_ORG_HEADS)})(?![\w’'])")
_KNOWN_ORG = re.compile(r"(?<![\w.+-])(?:" + "|".join(
    re.escape(n) for n in sorted(lx.KNOWN_ORGANIZATIONS, key=len, reverse=True)) + r")(?![\w+]|\.\w)")


def find_candidates(text: str, blocks: Sequence[tuple[int, int]], sentence_starts: set[int],
                    syllables: Syllables | None = None) -> list[Candidate]:
    """All rule candidates inside the (start, end) blocks; they may overlap."""
    syllables = syllables if syllables is not None else block_syllables(text, blocks)
    found: list[Candidate] = []
    for start, end in blocks:
        for pattern, label, rule in ((_LEGAL, "LEGAL_DOC", "legal-symbol"), (_DATE, "DATE", "date"),
                                     (_KNOWN_ORG, "AGENCY", "known-organization"),
                                     (_FOREIGN_ORG, "AGENCY", "foreign-organization")):
            found += [Candidate(label, m.start(), m.end(), rule) for m in pattern.finditer(text, start, end)]
        syls = syllables[(start, end)]
        for cand in _scan_names(text, syls, sentence_starts):
            number = _LAW_NUMBER.match(text, cand.end, end) if cand.rule == "law" else None
            found.append(Candidate(cand.label, cand.start, number.end(), cand.rule) if number else cand)
    return found


_DOC_NUMBER = re.compile(r"\d+\s*[/-]\s*\w|\bs[ốô]\s*:?\s*\d")  # "1234/QĐ-UBND", "số 12"; not "lớp 4"
_LAW_NUMBER = re.compile(rf"[ \t]+số[ \t]+{_SYMBOL}")  # "Luật Đất đai số 31/2024/QH15"


def headed(phrase: str, label: str) -> bool:
    """Does `phrase` open the way names of `label` open: a capital and a head word (an agency
    or project head, a document type with a number, an admin unit, site or known place)?
    The merge in `find_entities(ner="both")` accepts a model entity only when this holds."""
    syls = _syllables(phrase, 0, len(phrase))
    if not syls or not syls[0].cap:
        return False
    if label == "AGENCY":
        return bool(_match(syls, 0, _AGENCY_HEADS) or _match(syls, 0, _AGENCY_NAMES))
    if label == "PROJECT":
        return bool(_match(syls, 0, _PROJECT_HEADS) or _match(syls, 0, _WORK_HEADS))
    if label == "LEGAL_DOC":  # a document carries its number or symbol ("lớp 4" is not one), a law its year
        return bool((_match(syls, 0, _DOC_TYPES) and _DOC_NUMBER.search(phrase))
                    or (_match(syls, 0, _LAW_HEADS) and any(c.isdigit() for c in phrase)))
    if label == "LOCATION":
        return bool(_match(syls, 0, _ADMIN) or _match(syls, 0, _SITES) or _match(syls, 0, _PLACES))
    return False  # DATE and PERSON: the rules' patterns and underthesea's NER decide


def head_positions(text: str, start: int, end: int, reach: int = 12,
                   syllables: Syllables | None = None) -> Iterator[int]:
    """Offsets in text[start:end] where a `headed` LEGAL_DOC or LOCATION could begin: a capital
    opening a document type or law (with a number within `reach` syllables) or an admin unit,
    site or known place."""
    syls = syllables[(start, end)] if syllables and (start, end) in syllables else _syllables(text, start, end)
    for i, syl in enumerate(syls):
        if not syl.cap:
            continue
        if _match(syls, i, _ADMIN) or _match(syls, i, _SITES) or _match(syls, i, _PLACES) or (
                (_match(syls, i, _DOC_TYPES) or _match(syls, i, _LAW_HEADS))
                and any(s.text[0].isdigit() for s in syls[i + 1:i + reach])):
            yield syl.start


def starts_agency(phrase: str) -> bool:
    """Does `phrase` (any case) begin with an agency head or a complete agency name?"""
    syls = _syllables(phrase, 0, len(phrase))
    return bool(syls) and not _match(syls, 0, _DOC_TYPES) \
        and bool(_match(syls, 0, _AGENCY_NAMES) or _match(syls, 0, _AGENCY_HEADS))


def _scan_names(text: str, syls: list[_Syl], sentence_starts: set[int]) -> Iterator[Candidate]:
    for i, syl in enumerate(syls):
        if syl.text == "Tháng":
            yield from _campaign_at(syls, i)
        if syl.low not in _HEAD_STARTS and syl.low not in _SURNAMES and not _is_place_start(syls, i):
            if not (syl.low in ("th", "thcs", "thpt", "mn", "mg") and syl.text.isupper()):
                continue
        initial = syl.start in sentence_starts or (i > 0 and syls[i - 1].text in "-–+•:")
        yield from _agency_at(syls, i, initial)
        yield from _project_at(text, syls, i, initial)
        yield from _law_at(syls, i)
        yield from _location_at(syls, i)
        yield from _person_at(syls, i)


def _campaign_at(syls: list[_Syl], i: int) -> Iterator[Candidate]:
    """ "Tháng Nhân đạo", "Tháng Thanh niên": a named month of action, not a month ("Tháng Giêng")."""
    j = i + 1
    if j < len(syls) and syls[j].cap and syls[j].text.isalpha() and not syls[j].text.isupper() \
            and syls[j].low not in _MONTH_NAMES and not syls[j].gap:
        end = _name_body(syls, j)
        yield Candidate("PROJECT", syls[i].start, syls[end - 1].end, "project-campaign")


def _stop_at(syls: list[_Syl], k: int) -> bool:
    """Does a function word (or phrase: "ban hành", "phối hợp") start at syllable k?"""
    return syls[k].low in _STOP or bool(_match(syls, k, _STOP_PHRASES))


def _match(syls: list[_Syl], i: int, table: _Phrases) -> int:
    """Length in syllables of the longest table phrase at `i` (0 if none)."""
    if i >= len(syls) or syls[i].low not in table.firsts:
        return 0
    best = 0
    for n in range(1, table.longest + 1):
        key = tuple(s.low for s in syls[i:i + n])
        if len(key) < n:
            break
        if key in table:
            best = n
    return best


def _name_body(syls: list[_Syl], i: int, stop_at_heads: bool = True) -> int:
    """Index after a proper name starting at `i` (i itself when there is none).

    Lower-case sectors ("phát triển nông thôn") join right after the head, a connector or
    another sector, never after a proper name ("Công ty Hồng Loan đầu tư" stops at "Loan").
    """
    words = _dictionary()
    j = i
    while j < len(syls):
        syl = syls[j]
        if j > i and syl.gap:
            break  # names never cross a column break ("UBND TỈNH X\t\tCỘNG HÒA …")
        sector = _match(syls, j, _SECTORS)
        if sector and (syl.cap or j == i or syls[j - 1].low in ("và", "-", "–", "&", ",")):
            j += sector
            continue
        if syl.cap and syl.text.isalnum():
            if syl.text.isdigit() and j + 1 < len(syls) and (
                    syls[j + 1].text in "/.%" or _counts_something(syls, j)
                    or (syls[j + 1].text.isalpha() and not syls[j + 1].cap and not _match(syls, j + 1, _ADMIN))):
                break  # a date ("8/5") or a count ("06 kỳ"), not part of the name
            if stop_at_heads and j > i and _match(syls, j, _NEW_AGENCY) and not _match(syls, j, _SECTORS) \
                    and not _inside_place(syls, i, j):
                break  # "Đoàn kiểm tra Tổ Công tác": a second body begins (but "Hải Phòng" is a place)
            j = _complete_word(syls, j, words)
            continue
        if syl.low in ("và", "-", "–", "&", ",") and j > i and j + 1 < len(syls) and syls[j + 1].cap:
            if syl.low == "," and not _match(syls, j + 1, _SECTORS):
                break
            if syl.low == "và" and not stop_at_heads:
                break  # works and laws: "KCN VSIP II và Thành phố mới …" are two names
            if stop_at_heads and _starts_other_name(syls, j + 1):
                break
            j += 1
            continue
        bridge = _bridge(syls, j, words) if j > i else 0
        if bridge:
            j += bridge
            continue
        break
    return j


def _inside_place(syls: list[_Syl], i: int, j: int) -> bool:
    """Is syllable j the inside of a known place name that began after i ("Hải Phòng")?"""
    return any(_match(syls, k, _PLACES) > j - k for k in range(max(i, j - 3), j))


def _starts_other_name(syls: list[_Syl], j: int) -> bool:
    """A capital that opens another name: a head word, a document type, a school code."""
    if _match(syls, j, _SECTORS):
        return False
    return bool(_match(syls, j, _AGENCY_HEADS) or _match(syls, j, _AGENCY_NAMES)
                or _match(syls, j, _PROJECT_HEADS) or _match(syls, j, _DOC_TYPES)
                or (_match(syls, j, _SCHOOLS) and syls[j].text.isupper()))


_NOT_INSIDE = frozenset("và của với tại cho theo là đã được".split())


def _complete_word(syls: list[_Syl], j: int, words: frozenset[str]) -> int:
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


def _bridge(syls: list[_Syl], j: int, words: frozenset[str]) -> int:
    """Up to two lower-case words that sit between capitals inside one name."""
    k = j
    for _ in range(2):
        if k >= len(syls) or syls[k].cap or not syls[k].text.isalpha() or _stop_at(syls, k) \
                or _match(syls, k, _ADMIN) or _match(syls, k, _SITES) \
                or (_match(syls, k, _CLAUSE_VERBS) and not _match(syls, k, _SECTORS)):
            return 0  # nor across a verb: "Bộ Giáo dục và Đào tạo | chuẩn bị chu đáo Kỳ thi"
        start, k = k, _complete_word(syls, k, words)
        if any(_match(syls, x, _SITES) or _match(syls, x, _ADMIN) for x in range(start + 1, k)):
            return 0  # the dictionary's "bắc qua sông" ends in a river, not inside a name
        if k < len(syls) and syls[k].cap and syls[k].text.isalnum() and not syls[k].gap \
                and not _starts_other_name(syls, k) \
                and (syls[k].text[0].isalpha() or (_match(syls, j, _SECTORS) == k - j and not any(
                    _match(syls, b, _SECTORS) == j - b for b in range(max(0, j - 4), j)))):
            # before a number only a sector bridges ("Chuyện văn hóa 06 kỳ"), never a verb
            # ("Sở Tư pháp thẩm định 45 …") nor a sector after a complete one ("Sở Giáo dục và
            # Đào tạo | khen thưởng 215 nhà giáo")
            return k - j
    return 0


def _described_body(syls: list[_Syl], j: int, limit: int = 10, abbr_limit: int = 16) -> int:
    """End of a lower-case description closed by a place suffix or a "(ABBR)" (0 if neither);
    a short form closes a longer one ("Trung tâm giám sát, điều hành an toàn, an ninh mạng (SOC)")."""
    k = j
    while k < len(syls) and k - j < abbr_limit:
        if _match(syls, k, _ADMIN_ALONE) and k > j:
            if k - j >= limit:
                return 0
            end = _place_suffix(syls, k)
            return end if end > k else 0
        if syls[k].text == "(" and k > j and k + 2 < len(syls) and syls[k + 1].text.isupper() \
                and syls[k + 2].text == ")":
            return k
        syl = syls[k]
        if _stop_at(syls, k) or syl.cap or not (syl.text.isalpha() or syl.text == ","):
            return 0
        k += 1
    return 0


def _place_suffix(syls: list[_Syl], j: int) -> int:
    """Index after "thành phố", "quận Ninh Kiều" … following an agency name."""
    n = _match(syls, j, _ADMIN)
    if not n or (j < len(syls) and syls[j].gap):
        return _term_suffix(syls, j)
    end = j + n
    while end < len(syls) and syls[end].cap and syls[end].text.isalnum() and not syls[end].gap:
        end += 1
    if end == j + n:
        plural = end + 1 < len(syls) and syls[end].text in ",/" and _match(syls, end + 1, _ADMIN)
        if plural or not _match(syls, j, _ADMIN_ALONE) or (syls[j].low == "tp" and not syls[j].text.isupper()):
            return j
    return _term_suffix(syls, end)


def _term_suffix(syls: list[_Syl], j: int) -> int:
    """ "khóa XV" after a council or assembly."""
    if j + 1 < len(syls) and syls[j].low in ("khóa", "khoá") and syls[j + 1].text.isupper():
        return j + 2
    return j


def _is_head(syls: list[_Syl], i: int, n: int) -> bool:
    """Is the head phrase syls[i:i+n] a head here, not the start of another word?

    "Tổ chức", "Hội nghị", "Ban hành", "Trường hợp", "Báo cáo" start with a head syllable but
    are dictionary words of their own; "vụ Đông Xuân" is a season; "Đài Loan" a country.
    """
    head = syls[i:i + n]
    if not head[0].cap or (head[0].text.isupper() and len(head[0].text) > 1 and head[0].low not in ("ubnd", "hđnd", "tw")):
        return False
    if _match(syls, i, _PLACES) > n:
        return False
    if head[0].low == "vụ" and _match(syls, i + n, _SEASONS):
        return False
    if head[0].low == "hội" and n == 1 and i + 1 < len(syls) and syls[i + 1].low in _EVENT_AFTER_HOI:
        return False  # "Hội Báo Xuân", "Hội sách": a fair or contest, not an association
    if i > 0 and syls[i - 1].low == "hội" and head[0].low in _EVENT_AFTER_HOI:
        return False  # nor is its "Báo" a newspaper
    if i > 0 and syls[i - 1].low == "giỗ":  # "Giỗ Tổ Hùng Vương"
        return False
    longer = " ".join(s.low for s in syls[i:i + n + 1])
    if i + n < len(syls) and not syls[i + n].cap and longer in _dictionary():
        return False
    return True


def _agency_at(syls, i, initial) -> Iterator[Candidate]:
    name = _match(syls, i, _AGENCY_NAMES)
    if not syls[i].cap:
        yield from _lower_body_at(syls, i, name)
        return
    if name and syls[i].low in ("trung", "tw") and not _central_government(syls, i, name):
        name = 0
    if name and _is_head(syls, i, name) and not (syls[i].low == "tw" and not syls[i].text.isupper()):
        end = _place_suffix(syls, i + name)
        yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "agency-name")
    school = _match(syls, i, _SCHOOLS)
    if school and syls[i].text.isupper() and i + school < len(syls) and syls[i + school].cap:
        end = _name_body(syls, i + school)
        yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "school")
    head = _match(syls, i, _AGENCY_HEADS)
    bound = _match(syls, i, _PLACE_BOUND)
    if head and bound > head and not _is_head(syls, i, head) and _is_head(syls, i, bound):
        head = bound  # "Đoàn thể thao thành phố": a delegation, not "đoàn thể" (mass organizations)
    if not head or not _is_head(syls, i, head):
        return
    if " ".join(x.low for x in syls[i:i + 3]) == "ban quản lý" and syls[i + 1].cap:
        managed = _managed(syls, i + 3)
        if managed > i + 3:
            yield Candidate("AGENCY", syls[i].start, syls[managed - 1].end, "agency-board")
            return
    if syls[i].low == "tổ" and head == 2 and (initial or i == 0 or not syls[i - 1].text.isalpha()
                                              or syls[i - 1].cap):
        return  # "Tổ chức Hội nghị …" opening a clause is the verb; "và Tổ chức Xúc tiến …" a body
    if i > 0 and syls[i - 1].low in ("các", "những", "mọi"):
        return  # "các Sở Giáo dục và Đào tạo": a class of bodies, not one
    if i + head < len(syls) and not syls[i + head].cap and not _match(syls, i, _LOWER_BODY_HEADS) \
            and not _match(syls, i + head, _ADMIN_ALONE):
        # "Hội đồng tư vấn", "Đoàn kiểm tra" are common nouns, unless a place or a short form
        # makes them one body: "Trung tâm điều hành thông minh thành phố Cần Thơ", "… (SOC)"
        described = _described_body(syls, i + head)
        if described:
            yield Candidate("AGENCY", syls[i].start, syls[described - 1].end, "agency-described")
        return
    body = _name_body(syls, i + head)
    if body == i + head:
        end = _place_suffix(syls, i + max(bound, head)) if (bound or not initial) else body
        if end > i + head:
            end = _purpose_tail(syls, i, end)
            yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "agency-place")
        return
    end = body if syls[body - 1].text[0].isdigit() else _place_suffix(syls, body)
    if end == body and _match(syls, i, _OPEN_NAME_HEADS) >= head and end < len(syls) and not syls[end].cap:
        described = _described_body(syls, end, limit=6, abbr_limit=6)
        if described and not any(_match(syls, k, _CLAUSE_VERBS) for k in range(end, described)):
            end = described  # "Trung tâm Kiểm soát bệnh tật tỉnh"
    if syls[i + head - 1].low == "quán" and end < len(syls) and syls[end].low == "tại":
        end = max(end, _place_name(syls, end + 1 + _match(syls, end + 1, _ADMIN)))  # consulate in a city
    yield Candidate("AGENCY", syls[i].start, syls[_purpose_tail(syls, i, end) - 1].end, "agency-head")


def _managed(syls: list[_Syl], k: int) -> int:
    """End of what a management board manages, after "Ban Quản lý" (k itself if nothing):
    "dự án đầu tư xây dựng các công trình giao thông tỉnh", "dự án 2", "các khu công nghiệp
    Bình Dương", "vịnh Hạ Long", "Khu kinh tế Nghi Sơn và các khu công nghiệp"."""
    j = k + (k < len(syls) and syls[k].low == "các")
    if " ".join(x.low for x in syls[j:j + 2]) == "dự án":
        if j + 2 < len(syls) and syls[j + 2].text.isdigit() and not _counts_something(syls, j + 2):
            return j + 3  # "Ban Quản lý dự án 2"
        m = j + 2
        while m < len(syls) and m - j < 16 and not syls[m].gap and syls[m].text.isalpha() and not syls[m].cap:
            if _match(syls, m, _ADMIN):
                place = _place_suffix(syls, m)
                return place if place > m else k
            if syls[m].low not in ("các", "và") and _stop_at(syls, m):
                return k
            m += 1
        return k
    head = max(_match(syls, j, _PROJECT_HEADS), _match(syls, j, _WORK_HEADS), _match(syls, j, _SITES),
               _match(syls, j, _PLACE_BOUND_WORKS))
    if not head or j + head >= len(syls):
        return k
    end = _place_name(syls, j + head) if syls[j + head].cap else j + head
    if end == j + head and syls[j].low != "các":
        return k  # a proper name must follow, unless it is "các khu công nghiệp …"
    if syls[j].low == "các" and end == j + head:
        end = _place_name(syls, end) if end < len(syls) and syls[end].cap else end
        if end == j + head:
            return k
    tail = " ".join(x.low for x in syls[end:end + 5])
    if tail.startswith("và các khu công nghiệp"):
        end += 5
        if end < len(syls) and syls[end].cap:
            end = _place_name(syls, end)
    return end


def _lower_body_at(syls, i, name) -> Iterator[Candidate]:
    """Bodies written in lower case: "của chính phủ", "bảo hiểm xã hội thành phố"."""
    before = syls[i - 1].low if i > 0 else ""
    if name and syls[i].low == "chính" and before in ("của", "theo") \
            and (i + name >= len(syls) or syls[i + name].low not in ("điện", "số")):
        yield Candidate("AGENCY", syls[i].start, syls[i + name - 1].end, "agency-lowercase")
    body = _match(syls, i, _LOWER_PLACE_BODIES)
    if body and before not in ("các", "những") and _match(syls, i + body, _ADMIN):
        end = _place_suffix(syls, i + body)
        if end > i + body:
            yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "agency-lowercase")


_TAIL_STOPS = frozenset("đã được đang sẽ là tại nhằm để từ đến về".split())


def _purpose_tail(syls: list[_Syl], i: int, end: int, limit: int = 25) -> int:
    """Where a body named by its task ends: "[Ban Chỉ đạo thành phố] triển khai … trên địa bàn
    thành phố." runs to a place that closes the phrase (punctuation or "năm 2023" after it).
    Only as a complement ("kết luận của Ban Chỉ đạo …"); as a subject the task is the predicate."""
    if i == 0 or syls[i - 1].low not in _PURPOSE_LEADS or not _match(syls, i, _PURPOSE_HEADS):
        return end
    k = end
    while k < len(syls) and k - end < limit:
        syl = syls[k]
        if syl.gap or not syl.text.isalnum() or syl.low in _TAIL_STOPS:
            return end
        if " ".join(s.low for s in syls[k:k + 3]) == "trên địa bàn":
            k += 3
            continue
        if _match(syls, k, _ADMIN):
            place = _place_suffix(syls, k)
            if place > k and _closes(syls, place):
                return place
        k += 1
    return end


def _closes(syls: list[_Syl], k: int) -> bool:
    """Does a phrase end before syllable k: the end, punctuation or a year ("năm 2023")?"""
    return k >= len(syls) or syls[k].gap or syls[k].text in ".;,:)" or (
        syls[k].low == "năm" and k + 1 < len(syls) and len(syls[k + 1].text) == 4 and syls[k + 1].text.isdigit())


def _central_government(syls: list[_Syl], i: int, n: int) -> bool:
    """ "của Trung ương", "dự toán TW giao": the central government acting, not the adjective
    of "báo chí Trung ương", "ngân sách trung ương"."""
    before = syls[i - 1] if i > 0 else None
    after = syls[i + n].low if i + n < len(syls) else ""
    if after == "và" and i + n + 1 < len(syls) and (_match(syls, i + n + 1, _AGENCY_NAMES)
                                                    or _match(syls, i + n + 1, _AGENCY_HEADS)):
        return True  # "dự toán TW và HĐND thành phố giao": coordinated with another body
    return (before is None or not before.text.isalpha() or before.low in ("của", "và", "với", "theo", "từ", "cho", "do")
            or after in ("giao", "bổ") or (before.low == "toán" and i > 1 and syls[i - 2].low == "dự"))


def _project_at(text, syls, i, initial) -> Iterator[Candidate]:
    head = _match(syls, i, _PROJECT_HEADS)
    work = _match(syls, i, _WORK_HEADS)
    n = max(work, head)
    work = work if work == n else 0  # "nhà máy nhiệt điện Ô Môn": the longest head decides
    if not n or n >= len(syls) - i:
        return
    if i > 0 and syls[i - 1].low in ("các", "những", "nhiều"):
        if head and not syls[i].cap:
            yield from _plural_titles(syls, i + n)
        return
    if _match(syls, i, _AGENCY_HEADS) > n:
        return  # "Cảng vụ …" is an authority, not a port
    nxt = syls[i + n]
    if nxt.text in "“\"":
        close = next((k for k in range(i + n + 1, len(syls)) if syls[k].text in "”\""), None)
        if close is not None:
            yield Candidate("PROJECT", syls[i].start, syls[close].end, "project-quoted")
        return
    if nxt.low == "số" or (nxt.text.isdigit() and i + n + 1 < len(syls) and syls[i + n + 1].text in "/-"):
        return  # "Kế hoạch số 44/KH-UBND" is a legal document
    if nxt.cap and nxt.text.isalnum():
        if work:
            end = _numbered(syls, max(_proper_run(syls, i + n), _name_body(syls, i + n, stop_at_heads=False)))
            if " ".join(s.low for s in syls[end:end + 2]) == "nối dài":
                end += 2
        elif syls[i].cap:
            end = _free_name(syls, i + n, item=_list_item(syls, i))
        else:  # "chương trình Chuyện văn hóa": a lower-case head takes only the proper name
            end = _numbered(syls, _name_body(syls, i + n, stop_at_heads=False))
            if end == i + n + 1 and nxt.text in _KIND_CODES:
                return  # "dự án FDI", "dự án ODA": a kind of project, not a name
        yield Candidate("PROJECT", syls[i].start, syls[end - 1].end, "project-proper")
    elif head and syls[i].cap:
        end = _free_name(syls, i + n, item=_list_item(syls, i))
        # at a sentence start the capital says nothing: then a proper noun or number must follow,
        # or the title be one of the national programmes ("Chương trình mục tiêu quốc gia …")
        named = not initial or any(s.cap for s in syls[i + n:end]) \
            or " ".join(s.low for s in syls[i + n:i + n + 3]) == "mục tiêu quốc"
        if end > i + n and named:
            yield Candidate("PROJECT", syls[i].start, syls[end - 1].end, "project-capitalised")
    elif head == 2 and syls[i].low == "dự" and nxt.text.isalpha():
        # "dự án đường ống dẫn khí về trung tâm nhiệt điện Ô Môn": a lower-case "dự án" names
        # one project when its description ends in a proper name
        end = _free_name(syls, i + n, limit=15)
        last = syls[end - 1]
        works_inside = " ".join(s.low for s in syls[i + n:i + n + 2]) in _TITLE_VERB_PAIRS and any(
            _match(syls, k, _WORK_HEADS) for k in range(i + n + 2, end))
        if end > i + n and _ends_proper(syls, i + n, end) and last.text.isalpha() and not last.text.isupper() \
                and not works_inside:  # "dự án cải tạo nút giao Sóng Thần": the works is the name
            yield Candidate("PROJECT", syls[i].start, last.end, "project-described")


def _plural_titles(syls: list[_Syl], k: int) -> Iterator[Candidate]:
    """ "nhiều chương trình, hoạt động nghệ thuật Chào năm mới 2023 và “Mừng Đảng …”": after a
    plural head the titles themselves are the names, when quoted or closed by a year."""
    start = k
    while k < len(syls) and k - start < 6 and not syls[k].gap and (
            syls[k].text == "," or (syls[k].text.isalpha() and not syls[k].cap)):
        if _stop_at(syls, k) or _match(syls, k, _CLAUSE_VERBS):
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


def _closing_quote(syls: list[_Syl], k: int, reach: int = 40) -> int | None:
    """Index of the ” that closes the “ at k, within `reach` syllables (None if there is none)."""
    return next((c for c in range(k + 1, min(len(syls), k + reach)) if syls[c].text == "”"), None)


def _numbered(syls: list[_Syl], end: int) -> int:
    """ "nhà máy nhiệt điện Ô Môn 2, 3, 4": units numbered after a works name join it."""
    k = end
    while syls[k - 1].text.isdigit() and k + 1 < len(syls) and (syls[k].text == "," or syls[k].low == "và") \
            and syls[k + 1].text.isdigit() and len(syls[k + 1].text) <= 2 and syls[k + 1].start > syls[k].end \
            and not _counts_something(syls, k + 1):
        k += 2
    return k


def _list_item(syls: list[_Syl], i: int) -> bool:
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


def _counts_something(syls: list[_Syl], k: int) -> bool:
    """Is the number at k followed by what it counts ("168 hộ", "11 tháng", "52,3 triệu")?"""
    nxt = syls[k + 1] if k + 1 < len(syls) else None
    if nxt is None:
        return False
    if nxt.text in ",." and k + 2 < len(syls) and syls[k + 2].text.isdigit() and syls[k + 2].start == nxt.end:
        return True  # a decimal or grouped number ("2,3"; "2, 3" is a list)
    if nxt.low == "tháng" and k + 2 < len(syls) and syls[k + 2].text.isdigit():
        return False  # "20 tháng 3" is a day of the year, as in "Ngày Quốc tế Hạnh phúc 20 tháng 3"
    return nxt.text == "%" or bool(_match(syls, k + 1, _COUNT_WORDS))


def _proper_run(syls: list[_Syl], j: int) -> int:
    """ "Võ Văn Kiệt", "Châu Đốc - Cần Thơ - Sóc Trăng", "91": the name of a road or bridge."""
    end = j
    while end < len(syls):
        syl = syls[end]
        if end > j and syl.gap:
            break
        if syl.text.isdigit() and end > j and _counts_something(syls, end):
            break  # "Cảng Hải Phòng 11 tháng": the number starts a figure
        if syl.text.isalnum() and (syl.cap or syl.text.isdigit()):
            end += 1
        elif _code_dot(syls, end):
            end += 2
        elif syl.text in "-–" and end + 1 < len(syls) and syls[end + 1].cap and end > j:
            end += 1
        else:
            break
    return end


_BENEFICIARIES = frozenset(["công nhân", "người lao", "người có", "người thu", "học sinh", "trẻ em"])
_KIND_CODES = frozenset("FDI ODA PPP BOT BT BOO BTO DDI EPC NGO".split())
_NAME_STOPS = frozenset("của do đã được đang nhằm theo tại từ đến cho là ở đạt ước tăng giảm dịp vào".split())
_NAME_STOP_PAIRS = frozenset(["giai đoạn", "trên địa", "thời kỳ", "năm học", "đoạn qua", "bắc qua", "đi qua",
                              "đoạn từ", "với tổng", "với quy"])
# Coordinated verbs that open a works project's title: "Dự án cải tạo, nâng cấp …".
_TITLE_VERB_PAIRS = frozenset(["cải tạo", "nâng cấp", "mở rộng", "xây dựng", "tu bổ", "tôn tạo", "bảo tồn",
                               "phục hồi", "sửa chữa", "chỉnh trang", "nạo vét", "gia cố", "kè", "sản xuất",
                               "chế biến", "tiêu thụ", "đầu tư", "kinh doanh", "quản lý", "khai thác"])
_CLAUSE_VERBS = _phrases([
    "yêu cầu", "trình", "đề nghị", "giao", "tặng", "trao tặng", "ký kết", "phê duyệt", "công nhận", "tổ chức", "phối hợp", "triển khai", "thực hiện", "chỉ đạo", "đôn đốc", "kiểm tra", "hướng dẫn",
    "tiếp tục", "tăng cường", "đẩy mạnh", "ban hành", "tham mưu", "rà soát", "theo dõi", "đề xuất",
    "báo cáo", "hoàn thành", "chuẩn bị", "vận động", "tuyên truyền", "xây dựng",
])


def _code_dot(syls: list[_Syl], k: int) -> bool:
    """Is syllable k the dot inside a road code ("ĐT.746", "QL.1A"), written without spaces?"""
    return (0 < k < len(syls) - 1 and syls[k].text == "." and syls[k - 1].text.isupper()
            and syls[k + 1].text[0].isdigit() and syls[k - 1].end == syls[k].start and syls[k].end == syls[k + 1].start)


def _free_name(syls: list[_Syl], j: int, limit: int | None = None, item: bool = False) -> int:
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
        joined = end > j and f"{syls[end - 1].low} {syl.low}" in _dictionary()  # "nhà ở", "đến từ"
        if syl.low == "cho" and " ".join(s.low for s in syls[end + 1:end + 3]) in _BENEFICIARIES:
            end += 3  # "Dự án nhà ở xã hội cho công nhân KCN …": whom it houses is in the title
            continue
        if (syl.low in _NAME_STOPS and not joined) or low2 in _NAME_STOP_PAIRS \
                or " ".join(s.low for s in syls[end:end + 3]) == "trong khuôn khổ":
            break
        if syl.low == "năm" and end + 1 < len(syls) and syls[end + 1].text.isdigit():
            break
        if syl.low == "và" and (_match(syls, end + 1, _CLAUSE_VERBS) or (
                end + 1 < len(syls) and syls[end + 1].cap and _match(syls, end + 1, _PROJECT_HEADS))):
            break  # "… và yêu cầu …"; "Chương trình … và Chương trình …" are two names
        if end > j and _starts_other_name(syls, end) and syl.cap and not _match(syls, end, _SECTORS) \
                and not _inside_place(syls, j, end) and any(s.cap for s in syls[j:end]) \
                and not (_match(syls, end, _WORK_HEADS) and syls[end - 1].low in ("nối", "với")
                         or (syls[end - 1].cap and _match(syls, end, _WORK_HEADS) > 1)
                         or (syls[end - 1].cap and end + 1 < len(syls) and syls[end + 1].cap
                             and _match(syls, end, _PROJECT_HEADS) == 1)):  # "KCN Nam Cầu Kiền"
            break  # ("Dự án xây dựng Trường Tiểu học Hòa Lợi": a lower-case description takes the name in)
        numbered = end + 1 < len(syls) and syl.low in ("số", "khu", "lô", "phân", "block", "tòa", "toà") and (
            syls[end + 1].text.isdigit() or (syls[end + 1].text.isupper() and len(syls[end + 1].text) <= 3))
        if syl.low == "và" and end > j and _ends_proper(syls, j, end) and end + 1 < len(syls) \
                and syls[end + 1].text.isalpha() and not syls[end + 1].cap:
            break  # "Liên hợp lọc hóa dầu Nghi Sơn | và than": the name ended
        if end > j and syl.text.isalpha() and not syl.cap and _ends_proper(syls, j, end) and not numbered \
                and syl.low not in ("và", "-", "–", "&") and not _match(syls, end, _SECTORS):
            break  # "Nhà máy xử lý nước thải Thuận An | hoàn thành": a name ends with its proper part
        if syl.text.isdigit() and end > j and _counts_something(syls, end):
            break
        end += 1
    while end > j and syls[end - 1].low in ("và", "-", "–", "&"):
        end -= 1
    return end


def _title_part(syls: list[_Syl], k: int) -> bool:
    """Is the comma part starting at k lower-case words of a title (no new clause or name)?"""
    if not syls[k].text.isalpha() or syls[k].cap or _stop_at(syls, k) or _match(syls, k, _CLAUSE_VERBS) \
            or _match(syls, k, _PROJECT_HEADS) or _match(syls, k, _WORK_HEADS):
        return False
    for syl in syls[k:]:
        if syl.gap or syl.text in ",;.:":
            return True
        if syl.cap:
            return False
    return True


def _listed(syls: list[_Syl], j: int, comma: int) -> bool:
    """Does the comma at `comma` join two items of one title? The item after it repeats the
    first syllable of one before it ("nhà tạm, nhà dột nát", "hạ tầng giao thông, hạ tầng kỹ
    thuật"), or both sides are title verbs ("cải tạo, nâng cấp")."""
    if comma + 1 >= len(syls) or syls[comma + 1].cap or not syls[comma + 1].text.isalpha():
        return False
    after = syls[comma + 1].low
    before = {s.low for s in syls[j:comma]}
    if after in before and not _stop_at(syls, comma + 1) and comma - j <= 12:
        return True
    left = " ".join(s.low for s in syls[comma - 2:comma])
    right = " ".join(s.low for s in syls[comma + 1:comma + 3])
    return left in _TITLE_VERB_PAIRS and right in _TITLE_VERB_PAIRS


def _ends_proper(syls: list[_Syl], j: int, end: int) -> bool:
    """Is syls[end - 1] the end of a proper name (a capital or a number after one) inside the
    description that began at j? The head's own first word does not count."""
    prev = syls[end - 1]
    if prev.text.isdigit():
        return end - 2 >= j and syls[end - 2].cap and syls[end - 2].text[0].isalpha()
    words = _dictionary()
    if any(" ".join(x.low for x in syls[end - 1:end - 1 + n]) in words for n in (2, 3, 4)):
        return False  # "Nhà máy", "Trung tâm", "Trạm biến áp": the capital starts a word
    if max(_match(syls, end - 1, _WORK_HEADS), _match(syls, end - 1, _PROJECT_HEADS)) > 1:
        return False  # "Khu dân cư Phong Bắc", "Trạm biến áp 220kV": a head inside the title
    return prev.cap and prev.text[0].isalpha() and end - 1 >= j


def _law_at(syls, i) -> Iterator[Candidate]:
    head = _match(syls, i, _LAW_HEADS)
    if not head or not syls[i].cap or i + head > len(syls):
        return
    if syls[i].low == "hiến":  # "Hiến pháp" is complete
        yield Candidate("LEGAL_DOC", syls[i].start, syls[i + head - 1].end, "law")
        return
    if i + head < len(syls) and syls[i + head].cap and syls[i + head].text.isalpha():
        end = _law_name(syls, i + head)
    else:
        end = i + head + _match(syls, i + head, _SECTORS)  # "Luật quy hoạch"
    if end > i + head:
        yield Candidate("LEGAL_DOC", syls[i].start, syls[end - 1].end, "law")


_LAW_STOPS = frozenset("số năm ngày quy định hướng dẫn sửa đổi bổ sung".split()) | _STOP | frozenset(
    w for phrase in _STOP_PHRASES_LIST for w in phrase.split())


def _law_name(syls: list[_Syl], j: int, limit: int = 8) -> int:
    """ "Luật Kinh doanh bất động sản 2023", "Luật Đầu tư công": a capital, the lower-case words
    of the title up to a function word or punctuation, and a year written right after it."""
    words = _dictionary()
    end = _complete_word(syls, j, words)
    while end < len(syls) and end - j < limit:
        syl = syls[end]
        if syl.gap or not syl.text.isalpha() or syl.cap or syl.low in _LAW_STOPS:
            break
        end = _complete_word(syls, end, words)
    if end < len(syls) and re.fullmatch(r"(?:19|20)\d{2}", syls[end].text) and not syls[end].gap \
            and not (end + 1 < len(syls) and syls[end + 1].text in "/-"):
        end += 1
    return end


def _is_place_start(syls, i) -> bool:
    return bool(_match(syls, i, _ADMIN) or _match(syls, i, _PLACES) or _match(syls, i, _SITES)
                or _match(syls, i, _COUNTRY_FULL))


def _place_name(syls, j) -> int:
    """Index after a place name at j: a known place (any case if one syllable is a capital,
    "cần Thơ") or capitalised syllables ("Ninh Kiều", "5"); abbreviations like "HS" are not."""
    known = _match(syls, j, _PLACES)
    if known and any(s.cap for s in syls[j:j + known]):
        nxt = syls[j + known] if j + known < len(syls) else None
        if not (nxt and nxt.cap and nxt.text.isalpha() and not nxt.text.isupper() and not nxt.gap
                and not _starts_other_name(syls, j + known) and not _match(syls, j + known, _PLACES)):
            return j + known  # otherwise the known name is the start of a longer one: "huyện Nga Sơn"
    end = j
    while end < len(syls) and syls[end].text.isalnum() and not (end > j and syls[end].gap) and (
            (syls[end].cap and not syls[end].text[0].isdigit()
             and not (syls[end].text.isupper() and len(syls[end].text) > 1 and syls[end].text.isalpha()))
            or (syls[end].text.isdigit() and end == j and not _counts_something(syls, end))):
        end += 1
    return end


def _location_at(syls, i) -> Iterator[Candidate]:
    full = _match(syls, i, _COUNTRY_FULL)
    if full:
        yield Candidate("LOCATION", syls[i].start, syls[i + full - 1].end, "country-name")
    site = _match(syls, i, _SITES)
    if site and i > 0 and f"{syls[i - 1].low} {syls[i].low}" in _dictionary() \
            and syls[i - 1].low not in ("qua", "ven", "dọc", "trên"):
        site = 0  # "hoạt động", "bán đảo": the head is the end of another word (not "qua sông Cấm")
    if site and i + site < len(syls) and syls[i + site].cap and syls[i + site].text[0].isalpha() \
            and not _starts_other_name(syls, i + site) and not (i > 0 and syls[i - 1].low in ("các", "những")):
        end = _place_name(syls, i + site)
        if end > i + site:
            yield Candidate("LOCATION", syls[i].start, syls[end - 1].end, "site")
    admin = _match(syls, i, _ADMIN)
    if admin and _match(syls, i + admin, _REGIONS):
        admin = 0  # "các tỉnh Đồng bằng sông Cửu Long": the region is the place
    if admin and not (syls[i].text.isupper() and syls[i].low != "tp"):
        end = _place_name(syls, i + admin)
        area = " ".join(x.low for x in syls[i:i + admin]) == "khu vực"
        if end > i + admin:  # "khu vực Đình Vũ": an area word, not an admin unit; the name is the place
            yield Candidate("LOCATION", syls[i + admin if area else i].start, syls[end - 1].end, "admin-place")
            yield from _listed_places(syls, end)
        elif i > 0 and syls[i - 1].low in ("các", "những"):  # "các quận Lê Chân, Hải An"
            yield from _listed_places(syls, i + admin, first=True)
    place = _match(syls, i, _PLACES)
    if place and i + place < len(syls) and not syls[i + place].cap \
            and " ".join(s.low for s in syls[i:i + place + 1]) in _dictionary():
        place = 0  # "Pháp lệnh" is an ordinance, not France
    if place and any(s.cap for s in syls[i:i + place]) and not syls[i].text.isupper() \
            and (i + place >= len(syls) or not syls[i + place].cap or not syls[i + place].text.isalpha()):
        yield Candidate("LOCATION", syls[i].start, syls[i + place - 1].end, "place-name")


def _listed_places(syls, end: int, first: bool = False) -> Iterator[Candidate]:
    """The bare names listed after an admin unit: "huyện Tiên Lãng, Vĩnh Bảo và An Lão"."""
    k = end
    while k < len(syls):
        sep = syls[k]
        if not (first or sep.text == "," or sep.low == "và") or k + 1 >= len(syls):
            return
        nxt = k if first else k + 1
        first = False
        if not syls[nxt].cap or not syls[nxt].text[0].isalpha() or _starts_other_name(syls, nxt) \
                or _match(syls, nxt, _ADMIN):
            return
        stop = _place_name(syls, nxt)
        if stop == nxt or stop - nxt > 4:
            return
        if stop < len(syls) and not syls[stop].cap and syls[stop].text.isalpha() and (
                f"{syls[stop - 1].low} {syls[stop].low}" in _dictionary()
                or (stop - nxt == 1 and not _stop_at(syls, stop))):
            return  # "và Khu đất …", "và Hệ thống …": a common noun, not a place
        yield Candidate("LOCATION", syls[nxt].start, syls[stop - 1].end, "listed-place")
        k = stop


def _person_at(syls, i) -> Iterator[Candidate]:
    if syls[i].low not in _SURNAMES or not syls[i].cap:
        return
    end = i + 1
    while end < len(syls) and end - i < 4 and syls[end].cap and syls[end].text.isalpha() \
            and not syls[end].text.isupper():
        end += 1
    if end - i < 2:
        return
    titled = any(_match(syls, k, _TITLES) == i - k for k in range(max(0, i - 3), i))
    yield Candidate("PERSON", syls[i].start, syls[end - 1].end, "person-titled" if titled else "person-surname")
