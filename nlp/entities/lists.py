"""Bare names listed after a plural head: each item is a name of the head's kind.

"các khu công nghiệp: Phú Bài, Phong Điền và La Sơn" gives three PROJECTs; "các Bộ: Tài
chính, Nội vụ" two AGENCYs; "các Bộ Kế hoạch và Đầu tư, Tài chính" the first with its head
("Bộ Kế hoạch và Đầu tư") and the bare "Tài chính". Places listed after "các huyện" are in
`places`.
"""

from __future__ import annotations

from typing import Iterator

from nlp.entities.candidate import Candidate
from nlp.entities.names import complete_word, starts_other_name
from nlp.entities.phrases import ADMIN, CLAUSE_VERBS, SECTORS, STOP, TITLES, UNIT_NAMES
from nlp.entities.syllables import Phrases, Syl, dictionary, match

PLURALS = frozenset(["các", "những", "liên"])  # "liên" as in "liên bộ", "liên sở": ministries acting jointly
_PROJECT_KINDS = Phrases(["khu công nghiệp", "cụm công nghiệp", "khu kinh tế", "khu đô thị", "khu chế xuất",
                          "mỏ", "dự án", "nhà máy", "cảng", "khu du lịch", "khu dân cư", "kcn", "ccn"])
_AGENCY_KINDS = Phrases(["bộ", "sở", "vụ", "cục", "tổng cục", "ban", "viện", "trường"])
_JOINT_KINDS = Phrases(["bộ", "sở"])
_BARE_FORCES = Phrases(["công an"])  # a ministry named bare in a joint list by its force ("liên bộ …, Công an")


def listed_at(syls: list[Syl], i: int) -> Iterator[Candidate]:
    """Names listed after the plural word at i ("các", "những") and a head of works or bodies."""
    k = i + 1
    if syls[i].low == "liên":
        if match(syls, k, _JOINT_KINDS):
            yield from _joint_items(syls, k + match(syls, k, _JOINT_KINDS))
        return
    kind = match(syls, k, _PROJECT_KINDS)
    if kind:
        yield from _items(syls, k + kind, "PROJECT", _work_name)
        return
    kind = match(syls, k, _AGENCY_KINDS)
    if not kind:
        return
    j = k + kind
    if j < len(syls) and syls[j].text == ":":  # "các Cục: Đăng kiểm Việt Nam, …", "các sở: …" in any case
        yield from _items(syls, j, "AGENCY", _colon_item)
        return
    if not syls[k].cap:
        return
    first = _body_name(syls, j)
    if j < first < len(syls) - 1 and syls[first].text == "," and _body_name(syls, first + 1) > first + 1:
        yield Candidate("AGENCY", syls[k].start, syls[first - 1].end, "listed-agency")
        yield from _items(syls, first, "AGENCY", _body_name, after_first=True)


def _items(syls: list[Syl], k: int, label: str, name_end, after_first: bool = False) -> Iterator[Candidate]:
    """The names from k (after a ":" there), joined by "," and "và"; `after_first`: k is the
    separator after a first item."""
    if k < len(syls) and syls[k].text == ":":
        k += 1
    if after_first:
        k += 1 if k < len(syls) and (syls[k].text == "," or syls[k].low == "và") else len(syls)
    while k < len(syls):
        end = name_end(syls, k)
        if end == k:
            return
        joined = name_end(syls, end + 1) if end + 1 < len(syls) and syls[end].low == "và" else end
        if joined > end + 1 and joined < len(syls) and syls[joined].text == ",":
            end = joined  # "Tài nguyên Môi trường và Nhà đất, Bưu chính …": a comma after it, so "và" was inside
        yield Candidate(label, syls[k].start, syls[end - 1].end, f"listed-{label.lower()}")
        if end + 1 < len(syls) and (syls[end].text == "," or syls[end].low == "và"):
            k = end + 1
        elif end + 1 < len(syls) and syls[end].text == ";" and name_end is _colon_item:
            k = end + 1  # "các Sở: Tài chính; Xây dựng; Công Thương": a colon list set off by semicolons
        else:
            return


def _joint_items(syls: list[Syl], k: int) -> Iterator[Candidate]:
    """Bare fields after "liên bộ", "liên sở" ("liên bộ Bưu chính, Viễn thông, Văn hoá - Thông tin,
    Công an", "liên sở LĐTBXH - Tài chính"), each an AGENCY; "," "-" and "và" separate them, so a field
    with a comma or a dash inside is one only as a whole lexicon entry. A head ("liên Bộ Y tế - Bộ …")
    ends the list: those names are found with their heads."""
    k += k < len(syls) and syls[k].text == ":"
    while k < len(syls) and not syls[k].gap and syls[k].cap:
        end = k + (match(syls, k, SECTORS) or match(syls, k, _BARE_FORCES))
        if end == k and syls[k].text.isupper() and len(syls[k].text) > 1:
            end = k + 1  # a field in short: "LĐTBXH", "LĐTB&XH"
        if end == k or (end < len(syls) and syls[end].cap and syls[end].text.isalpha()):
            return  # not a bare field, or its name goes on ("Tài chính Hà Nội"): not this list
        yield Candidate("AGENCY", syls[k].start, syls[end - 1].end, "listed-joint")
        if end + 1 < len(syls) and (syls[end].text in ",-–" or syls[end].low == "và"):
            k = end + 1
        else:
            return


def _work_name(syls: list[Syl], j: int) -> int:
    """A bare name of a park, mine or plant: up to five capitals or numbers ("Phú Bài", "Trà Nóc 1")."""
    if j >= len(syls) or not syls[j].text[0].isalpha():
        return j  # "các khu công nghiệp 604,3 triệu USD": a figure, not a name
    end = j
    while end < len(syls) and end - j < 5 and syls[end].text.isalnum() and not syls[end].gap \
            and (syls[end].cap or (end > j and syls[end].text.isdigit())) and syls[end].low != "và":
        end += 1
    if end > j and (match(syls, j, ADMIN) or (starts_other_name(syls, j) and not match(syls, j, UNIT_NAMES))):
        return j
    return end


def _colon_item(syls: list[Syl], j: int) -> int:
    """A bare name announced by "các Cục:": sectors (`_body_name`) or a run of capitals with
    the lower-case syllables that finish their words ("Đăng kiểm Việt Nam"); j if none, or if
    another name opens there ("UBND tỉnh …" ends the list)."""
    if j >= len(syls) or not syls[j].cap or match(syls, j, TITLES) \
            or (starts_other_name(syls, j) and not match(syls, j, SECTORS)):
        return j  # "…, Giám đốc các sở: …": a position ends the list
    words = dictionary()
    end = j
    while end < len(syls) and not syls[end].gap and syls[end].cap and syls[end].text.isalnum():
        end = complete_word(syls, end, words)
        if match(syls, end, SECTORS) and not syls[end].cap:
            break
    return max(end, _lower_rest(syls, end, words), _body_name(syls, j))


def _lower_rest(syls: list[Syl], k: int, words: frozenset[str]) -> int:
    """End of the lower-case words after an item's capitals when they run to the next item's
    separator ("Kết cấu hạ tầng giao thông,"); k when a function word or verb comes first."""
    end = k
    while end < len(syls) and not syls[end].gap and syls[end].text.isalpha() and not syls[end].cap:
        if syls[end].low in STOP or match(syls, end, CLAUSE_VERBS) >= complete_word(syls, end, words) - end:
            return k
        end = complete_word(syls, end, words)
    return end if end < len(syls) and syls[end].text in ",;" else k  # the last item's rest may be the predicate


def _body_name(syls: list[Syl], j: int) -> int:
    """A body's bare name: sectors from a capital, joined by "và" or "-" ("Kế hoạch đầu tư",
    "Lao động - Thương binh và Xã hội"); j if none."""
    if j >= len(syls) or not syls[j].cap:
        return j
    end = j
    whole = False  # the last field was a whole joined one ("Kế hoạch và Đầu tư"): "và" after it separates
    while end < len(syls) and not syls[end].gap:
        n = match(syls, end, SECTORS)
        if n and not syls[end].cap and not (end + n < len(syls) and (syls[end + n].text in ",;"
                                                                     or syls[end + n].low == "và")):
            break  # "Tài chính | nghiên cứu đề xuất": a lower-case sector only ends an item
        if n:
            whole = any(s.low in ("và", "&", ",", "-", "–") for s in syls[end:end + n])
            end += n
        elif end > j and syls[end].low in ("và", "-", "–", "&") and match(syls, end + 1, SECTORS) and not whole:
            end += 1
        else:
            break
    return end


_BODY_NOUNS = Phrases(["cơ quan", "lực lượng", "tổ chức"])


def examples_at(syls: list[Syl], i: int) -> Iterator[Candidate]:
    """Bodies given as examples after "như" that follows a noun of bodies ("các cơ quan chức năng
    như Quân đội, Công an, Hải quan, …", "các lực lượng như Biên phòng và Cảnh sát biển"): each
    capitalised item is an AGENCY, with the lower-case rest of its word or field ("Quản lý thị trường")."""
    if not any(match(syls, k, _BODY_NOUNS) for k in range(max(0, i - 4), i)):
        return
    words = dictionary()
    k = i + 1
    while k < len(syls) and syls[k].cap and syls[k].text.isalpha() and not syls[k].gap:
        end = k
        while end < len(syls) and end - k < 6 and syls[end].text.isalpha() and not syls[end].gap and syls[end].cap:
            end = max(end + match(syls, end, SECTORS), complete_word(syls, end, words))
        if end == k:
            return
        yield Candidate("AGENCY", syls[k].start, syls[end - 1].end, "example-agency")
        if end + 1 < len(syls) and (syls[end].text == "," or syls[end].low == "và"):
            k = end + 1
        else:
            return

