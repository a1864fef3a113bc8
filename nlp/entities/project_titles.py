"""Where a programme's long title ends: a capitalised one past its items, whom it serves and
where, at the phrase that closes titles (`title_closure`; `projects._free_name` asks it where the
syllable rules cut such a title at a comma, "và", "cho" or "ở"), and a scheme in a title line a
corpus lower-cased whole (`lower_title_scheme`), a title quoted whole with its head (`quoted_whole`), a
kind of plan that names no plan (`kind_of_plan`) and a zone named under a lower-case head and its kind
(`lower_zone_name`), and where a zone's two-capital name ends before a lower-case word
(`name_closed_before_word`)."""

from __future__ import annotations

from nlp.entities import lexicon as lx
from nlp.entities.names import starts_other_name
from nlp.entities.phrases import ADMIN, CLAUSE_VERBS, DOC_TYPES, PROJECT_HEADS, STOP, WORK_HEADS, spelling_fold
from nlp.entities.syllables import Phrases, Syl, dictionary, lower_case_line, match

# Known bodies whose name begins with a works head: "Liên hợp quốc" is the UN, not a complex ("liên hợp")
KNOWN_BODIES = Phrases([n.lower() for n in lx.KNOWN_ORGANIZATIONS if " " in n])
TITLE_JOINS = frozenset([",", "và", "cho", "ở"])  # where a long title goes on: items, whom, where
_TITLE_OPEN_WORDS = TITLE_JOINS | {"về", "với"}
_TITLE_REACH = 24
_CLAUSE_LINKS = Phrases(["đồng thời", "sau đó", "nhưng", "song", "tuy nhiên", "báo cáo"])  # a new clause, not the title


def title_closure(syls: list[Syl], k: int) -> int:
    """Index where a capitalised programme's title that the syllable rules cut at k (a comma,
    "và", "cho", "ở") really ends: the phrase that closes titles ("trên địa bàn", "giai đoạn",
    "từ năm", "đến năm", "năm 2005") within reach, over words, commas and capitals that open no
    other name; 0 if something else comes first (a mark, a number, a clause word)."""
    m = k
    while m < len(syls) and m - k < _TITLE_REACH and not syls[m].gap:
        syl = syls[m]
        pair = " ".join(s.low for s in syls[m:m + 2])
        if m > k + 1 and (pair in ("trên địa", "giai đoạn", "từ năm", "đến năm") or _of_place(syls, m) or (
                syl.low == "năm" and m + 1 < len(syls) and syls[m + 1].text.isdigit())):
            return m
        if syl.text == ",":
            m += 1
            continue
        if syls[m - 1].low == "và" and syl.cap and match(syls, m, PROJECT_HEADS):
            return 0  # "Quy hoạch A và | Quy hoạch B …": two titles
        joined = m > k and f"{syls[m - 1].low} {syl.low}" in dictionary()  # "thiểu số", "nhà ở"
        if not syl.text.isalpha() or (syl.low in STOP and syl.low not in _TITLE_OPEN_WORDS and not joined) \
                or match(syls, m, CLAUSE_VERBS) or match(syls, m, _CLAUSE_LINKS) \
                or (syl.cap and starts_other_name(syls, m) and not match(syls, m, PROJECT_HEADS)):
            return 0
        m += 1
    return 0


def _of_place(syls: list[Syl], m: int) -> bool:
    """Does "thuộc" and an administrative unit close a title at m ("… huấn luyện viên thể thao |
    thuộc tỉnh Lâm Đồng"), as "trên địa bàn" does?"""
    return syls[m].low == "thuộc" and bool(match(syls, m + 1, ADMIN)) and m + 2 < len(syls) and syls[m + 2].cap


_SCHEMES = Phrases(["đề án", "chương trình", "chiến lược", "quy hoạch"], fold=spelling_fold)
_TITLE_ACTS = Phrases(["phê duyệt", "thực hiện", "triển khai", "ban hành", "điều chỉnh", "sửa đổi", "thông qua"])
_NEAR_ACTS = Phrases(["bổ sung"])  # adds to many things ("bổ sung chỉ tiêu chương trình …"): the scheme only right after it
_PLANS = Phrases(["quy hoạch"], fold=spelling_fold)
_ACT_REACH = 4  # "phê duyệt | nhiệm vụ | quy hoạch …": what the title does, a word or two before the scheme


def _title_subject(syls: list[Syl], i: int) -> bool:
    """Is the scheme at i what a title line is about: right after what the title does to it
    ("phê duyệt đề án …"), or, in a line that opens with its document type, a few words after it
    ("Quyết định phê duyệt nhiệm vụ quy hoạch …") or straight after the type and "về" ("Nghị
    quyết về quy hoạch …")? A plan ("quy hoạch") counts only in such a line: in a sentence lower-
    cased whole it is mostly the activity ("triển khai quy hoạch, kế hoạch …")."""
    titled = match(syls, 0, DOC_TYPES) > 0
    if not titled:
        return match(syls, i, _PLANS) == 0 and any(match(syls, k, _TITLE_ACTS) == i - k for k in range(max(0, i - 2), i))
    if i > 0 and syls[i - 1].low == "về" and match(syls, 0, DOC_TYPES) == i - 1:
        return True
    if any(match(syls, k, _NEAR_ACTS) == i - k for k in range(max(0, i - 2), i)):
        return True  # "Quyết định về việc bổ sung quy hoạch …"
    return any((n := match(syls, k, _TITLE_ACTS)) and k + n <= i for k in range(max(0, i - _ACT_REACH), i))


def lower_title_scheme(syls: list[Syl], i: int, n: int) -> int:
    """End of a scheme named in a title line lower-cased whole ("Quyết định phê duyệt đề án phát
    triển dịch vụ môi trường trên địa bàn tỉnh …"): after what the title does to it, the scheme
    runs to the phrase that closes titles or the end of the line, as its capitalised form does in
    the body (decision 13 of the external gold); 0 otherwise."""
    if match(syls, i, _SCHEMES) != n or syls[i].cap or not lower_case_line(syls) \
            or not _title_subject(syls, i):
        return 0
    m = i + n
    while m < len(syls) and not syls[m].gap and (syls[m].text.isalpha() or syls[m].text == ","):
        pair = " ".join(s.low for s in syls[m:m + 2])
        if pair in ("trên địa", "giai đoạn", "từ năm", "đến năm") or (syls[m].text == "," and match(syls, m + 1, ADMIN)) or (
                syls[m].low == "năm" and m + 1 < len(syls) and syls[m + 1].text.isdigit()):
            break
        m += 1
    while m > i + n and not syls[m - 1].text.isalpha():
        m -= 1
    return m if m - (i + n) >= 2 else 0


_PLAN_HEADS = Phrases(["quy hoạch", "đồ án"], fold=spelling_fold)
_WORK_PROGRAMMES = Phrases(["chương trình công tác", "chương trình làm việc"])
_PLAN_KIND_WORDS = 3  # "Quy hoạch xây dựng", "Quy hoạch chung xây dựng", "Đồ án quy hoạch": kinds of plans


def kind_of_plan(syls: list[Syl], i: int, n: int, end: int) -> bool:
    """Is the capitalised plan at i..end a kind of plan, not one plan: a plan head and at most a
    few lower-case words ("về Quy hoạch xây dựng", "lập Quy hoạch chung xây dựng")? A plan is
    named by what it plans and where ("Quy hoạch phát triển cây chè", "… tỉnh Phú Thọ")."""
    rest = [s for s in syls[i + n:end] if s.text.isalnum()]
    if match(syls, i, _WORK_PROGRAMMES) and not any(s.cap for s in syls[i + 2:end]):
        return True  # "Chương trình công tác (trọng tâm)": a body's work programme, a document, not a programme
    return match(syls, i, _PLAN_HEADS) == n and len(rest) <= _PLAN_KIND_WORDS and not any(s.cap for s in rest)


def quoted_whole(text: str, syls: list[Syl], i: int, reach: int = 40) -> int | None:
    """Index of the quote that closes a title quoted whole with its head (`phê duyệt " Đề án … đến
    năm 2020 "`): the quote before i opens one (an even count of quotes before it on its line) and
    its partner follows on the same clause; the quoted years then belong to the name (the
    guideline keeps what is inside the quotes). None otherwise."""
    if i == 0 or syls[i - 1].text not in "\"“":
        return None
    opening = syls[i - 1]
    line_start = text.rfind("\n", 0, opening.start) + 1
    if opening.text == '"' and text.count('"', line_start, opening.start) % 2:
        return None  # this quote closes an earlier one
    for c in range(i + 1, min(len(syls), i + reach)):
        if syls[c].text in "\"”":
            return c if c > i + 2 else None
        if syls[c].gap or syls[c].text in ".;:!?" or "\n" in text[syls[c - 1].end:syls[c].start]:
            return None
    return None


_ZONE_KIND_WORDS = 4  # "khu kinh tế | cửa khẩu quốc tế | Bờ Y", "khu kinh tế | - thương mại đặc biệt | Lao Bảo"


def lower_zone_name(syls: list[Syl], i: int, n: int) -> int:
    """End of a zone written with a lower-case head ("khu …"), its kind in a few lower-case words
    and then its proper name: "khu kinh tế cửa khẩu Hòa Bình", "khu kinh tế - thương mại đặc biệt
    Hòa Bình" (decision 9: a lower-case head with a capitalised name); 0 when no proper name
    follows the kind, or a unit ("tỉnh …"), a stop word or a clause verb comes first."""
    if syls[i].cap or syls[i].low != "khu":
        return 0
    m, words = i + n, 0
    while m < len(syls) and not syls[m].gap and not syls[m].cap:
        if syls[m].text in "-–" and m + 1 < len(syls) and syls[m + 1].text.isalpha() and not syls[m + 1].cap:
            m += 1
            continue
        if not syls[m].text.isalpha() or syls[m].low in STOP or match(syls, m, ADMIN) \
                or match(syls, m, CLAUSE_VERBS) or words == _ZONE_KIND_WORDS:
            return 0
        words, m = words + 1, m + 1
    end = m
    while end < len(syls) and not syls[end].gap and (syls[end].cap and syls[end].text.isalpha() or (
            end > m and syls[end].text in "-–" and end + 1 < len(syls) and syls[end + 1].cap)):
        end += 1
    return end if words and end > m and not match(syls, m, ADMIN) else 0


def name_closed_before_word(syls: list[Syl], j: int, k: int) -> bool:
    """Does the capital at k close a proper name of two capitals inside the description begun at j,
    the lower-case syllable after it making a word with the next one rather than with it ("… Hòa
    Bình | lưu hành", not "bình lưu")? Not "Ngày Quốc tế Hạnh phúc", where "tế" joins nothing after."""
    prev = syls[k - 1] if k > j else None
    return prev is not None and prev.cap and prev.text.isalpha() and not prev.text.isupper() \
        and k + 2 < len(syls) and not syls[k + 2].cap and f"{syls[k + 1].low} {syls[k + 2].low}" in dictionary() \
        and not max(match(syls, k - 1, WORK_HEADS), match(syls, k - 1, PROJECT_HEADS))
