"""Names that go on in lower case, read from their repetition in one document or from their
place in the sentence.

A name cut short by the capital rules ("[Công ty Phát triển] tin học, công nghệ và môi
trường") is written the same way at every use, while what follows a complete name changes
from use to use ("Sở Tài chính hướng dẫn …", "Sở Tài chính đã …"). When every one of three or
more uses of a candidate is followed by the same lower-case words, those words finish the
name. They stop before a function word (but "và" between words), a clause verb, an admin
unit, a number or a capital.

A name used once is finished by its place: as a complement (after a position, "của", "theo",
"đối với", or a list comma) a name that runs in lower-case words straight to a closing mark
("Vụ trưởng Vụ Kết cấu hạ tầng giao thông,") ends there, since no predicate follows it; one
that runs straight into its parent body takes it ("Ban Đổi mới quản lý doanh nghiệp Bộ Công nghiệp").
Anywhere, a unit ends before "thuộc" and the body it belongs to ("Cục Quản lý cạnh tranh thuộc Bộ …").
"""

from __future__ import annotations

import re

from nlp.entities.candidate import Candidate
from nlp.entities.names import complete_word
from nlp.entities.phrases import (
    ADMIN, AGENCY_HEADS, AGENCY_NAMES, CLAUSE_VERBS, PLACES, SECTORS, STOP, STOP_PHRASES, TITLES, UNIT_NAMES,
)
from nlp.entities.syllables import Phrases, Syl, dictionary, match, syllables_of

_MIN_USES = 3
_IN_FULL = ("agency-subject",)  # rules whose names end where they found them: nothing runs on
_REACH = 160  # characters after a name to look at
_LABELS = ("AGENCY",)
_VERBS = Phrases(["quy định", "cấp", "ký", "gửi", "nhận", "có", "cần", "phải", "thi hành", "chịu", "căn cứ",
                  "xem xét", "tổng hợp", "giải quyết", "tiếp nhận", "duyệt", "xác nhận"])  # after a subject


def _tail(text: str, end: int) -> list[Syl]:
    """The lower-case words (and commas) right after a name, to the first other syllable."""
    stop = text.find("\n", end, end + _REACH)
    syls = syllables_of(text, end, stop if stop >= 0 else min(len(text), end + _REACH))
    out: list[Syl] = []
    for k, syl in enumerate(syls):
        if syl.gap or syl.cap or not (syl.text.isalpha() or syl.text == ","):
            break
        if k == 0 and syl.start != end + 1:
            break  # the name must go on after one space, not after a comma or a hyphen
        out.append(syl)
    return out


def _usable(tail: list[Syl]) -> int:
    """How many of the tail's syllables may belong to a name (a prefix), word by word: a
    function word, clause verb or admin unit ends it ("công trình" is a word, not "trình")."""
    words = dictionary()
    n = 0
    while n < len(tail):
        syl = tail[n]
        if syl.low == "và" or syl.text == ",":
            n += 1
            continue
        word = complete_word(tail, n, words) - n
        stop = max(match(tail, n, STOP_PHRASES), match(tail, n, CLAUSE_VERBS), match(tail, n, _VERBS))
        if (syl.low in STOP and word == 1) or match(tail, n, ADMIN) or (stop >= word and not match(tail, n, SECTORS)):
            break
        n += word
    while n and (tail[n - 1].low == "và" or tail[n - 1].text == ","):
        n -= 1
    return n


def _complete(text: str, cand: Candidate) -> bool:
    """Does the name end in its place ("UBND tỉnh")? Then what follows is the clause."""
    syls = syllables_of(text, cand.start, cand.end)
    return bool(syls) and any(match(syls, k, ADMIN) == len(syls) - k for k in range(len(syls)))


def _runs_on(text: str, tail: list[Syl], n: int) -> bool:
    """Does the name go on past the common words in capitals ("… phòng, chống | AIDS")?"""
    if n < len(tail):
        return False
    nxt = syllables_of(text, tail[n - 1].end, min(len(text), tail[n - 1].end + 20))
    return bool(nxt) and nxt[0].cap and nxt[0].text.isalnum() and not nxt[0].gap


def recurring_names(text: str, kept: list[Candidate]) -> list[Candidate]:
    """`kept` with each name that three or more times runs on in the same lower-case words
    taken to the end of those words (the spans may then overlap others: resolve them after)."""
    groups: dict[tuple[str, str], list[int]] = {}
    for k, cand in enumerate(kept):
        if cand.label in _LABELS and cand.rule not in _IN_FULL:
            groups.setdefault((cand.label, text[cand.start:cand.end]), []).append(k)
    out = list(kept)
    for members in groups.values():
        if len(members) < _MIN_USES:
            continue
        tails = [_tail(text, kept[k].end) for k in members]
        common = 0
        while all(common < len(t) for t in tails) and len({t[common].low for t in tails}) == 1:
            common += 1
        n = _usable(tails[0][:common])
        if n < 2 or _complete(text, kept[members[0]]) or any(_runs_on(text, t, n) for t in tails):
            continue
        for k, tail in zip(members, tails):
            cand = kept[k]
            out[k] = Candidate(cand.label, cand.start, tail[n - 1].end, "recurring-name")
    return out


# Sectors that take an object, so a name ending in one goes on: "Vụ Quản lý | hoạt động xây dựng".
_OPEN_SECTORS = frozenset(["quản lý", "phát triển", "xúc tiến", "bảo vệ", "tư vấn", "nghiên cứu", "kiểm tra",
                           "chỉ đạo", "sản xuất", "kinh doanh", "chăm sóc sức khỏe", "xuất nhập khẩu",
                           "tổ chức"])
# A complement follows them; not "với", "cho": "phối hợp với Sở X | phân bổ …" goes on with a verb.
_LEADS = frozenset(["của", "theo", ",", "chánh"])  # "Chánh | Văn phòng Cục …": the post's office follows
_CLOSERS = frozenset(",;:.)")
_ITEM_MARK = re.compile(r"(?:[-+•*]|\d{1,2}[.)]|[a-zđ]\))\s")  # what opens a list item on its line
# The closing article's predicate after the bodies it names: "…, Cục Quản lý chất lượng công trình | chịu trách nhiệm thi hành".
_EXECUTION = Phrases(["chịu trách nhiệm thi hành", "có trách nhiệm thi hành", "căn cứ quyết định thi hành"])


def _complement(text: str, start: int) -> bool:
    """Is the name at `start` a complement: after a position ("Vụ trưởng"), a preposition or
    a list comma, on the same line?"""
    line = text.rfind("\n", 0, start) + 1
    before = syllables_of(text, max(line, start - 40), start)
    if not before:
        return False
    if _ITEM_MARK.fullmatch(text[line:start].strip() + " "):
        return True  # it opens a list item ("- Phòng Đăng ký và Chứng nhận sản phẩm;"): no predicate follows
    return before[-1].low in _LEADS or [s.low for s in before[-2:]] == ["đối", "với"] \
        or any(match(before, k, TITLES) == len(before) - k for k in range(len(before)))


def _closed(text: str, tail: list[Syl]) -> bool:
    """Does the lower-case tail end the phrase: a closing mark or the end of the line after it,
    a level ("các quận, huyện") that is no part of a name, or the closing article's "chịu trách
    nhiệm thi hành"?"""
    rest = syllables_of(text, tail[-1].end, min(len(text), tail[-1].end + 30))
    if not rest or rest[0].gap:
        return True
    return rest[0].text in _CLOSERS or (rest[0].low in ("các", "cấp") and bool(match(rest, 1, ADMIN))) \
        or bool(match(rest, 0, _EXECUTION)) or (rest[0].text in "-–" and bool(match(rest, 1, TITLES)))
    # "Vụ trưởng Vụ Tổ chức cán bộ - Phó Trưởng ban": a member list gives the post after a dash


def _verb_free(tail: list[Syl]) -> bool:
    """No clause verb begins the tail, not even a sector ("kiểm tra" right after a name is its
    predicate: "…, Ban Chỉ đạo kiểm tra."); later in it, a sector is a noun ("… hoạt động xây dựng")."""
    word = complete_word(tail, 0, dictionary())
    return max(match(tail, 0, STOP_PHRASES), match(tail, 0, CLAUSE_VERBS), match(tail, 0, _VERBS)) < word


def _proper_end(syls: list[Syl]) -> bool:
    """Does the name end in a proper name ("Vườn quốc gia Cát Tiên", "Công ty Hồng Loan"), not in
    a common word in capitals ("Hiệp hội Doanh nghiệp")? Lower-case words never go on after one."""
    last = syls[-2:]
    if len(last) < 2 or not all(s.cap and s.text.isalpha() for s in last):
        return False
    return bool(match(last, 0, UNIT_NAMES)) or " ".join(s.low for s in last) not in dictionary()


def _named_in_full(text: str, cand: Candidate) -> bool:
    """Is the candidate a name that needs nothing more: a complete name ("Chính phủ"), a short
    form in capitals ("UBND"), a head and sectors only ("Bộ Công Thương", "Sở Kế hoạch và Đầu
    tư"), a name ending in a known place ("Tổng công ty Hàng hải Việt Nam") or a proper name?"""
    syls = syllables_of(text, cand.start, cand.end)
    if match(syls, 0, AGENCY_NAMES) == len(syls) or all(s.text.isupper() for s in syls):
        return True
    if any(match(syls, k, PLACES) == len(syls) - k for k in range(1, len(syls))) or _proper_end(syls):
        return True
    k, last = match(syls, 0, AGENCY_HEADS), ""
    while k < len(syls):  # from the head, or from the start of a bare listed name ("Tài chính")
        n = match(syls, k, SECTORS) or int(syls[k].text.isupper())  # "TB&XH": sectors in short
        if n:
            last = " ".join(s.low for s in syls[k:k + n])
        k += n or (syls[k].low in ("và", "-", "–", "&", ",") and 1) or len(syls) + 1
    return k == len(syls) and last not in _OPEN_SECTORS


def closed_names(text: str, kept: list[Candidate]) -> list[Candidate]:
    """`kept` with each AGENCY used as a complement whose lower-case rest runs straight to a
    closing mark taken to that mark: "Đối với [Công ty Xuất nhập khẩu vật tư đường biển]:"."""
    parents = {c.start: c for c in kept if c.label == "AGENCY"}
    out = []
    for cand in kept:
        if cand.label in _LABELS and cand.rule not in ("recurring-name", "agency-of", *_IN_FULL) \
                and not _complete(text, cand) and not _named_in_full(text, cand):
            tail = _name_tail(text, cand.end)
            complement = _complement(text, cand.start)
            parent = _parent_after(text, tail, parents) if tail and complement else None
            if parent is not None:  # "của Ban Đổi mới quản lý doanh nghiệp Bộ Công nghiệp": the unit and its ministry
                cand = Candidate(cand.label, cand.start, parent.end, "closed-name")
            elif tail and ((complement and _closed(text, tail)) or _under(text, tail, parents)):
                cand = Candidate(cand.label, cand.start, tail[-1].end, "closed-name")
        out.append(cand)
    return out


def _name_tail(text: str, end: int) -> list[Syl]:
    """The lower-case words after a name that may belong to it: to a comma or "trực thuộc",
    word by word (`_usable`), and none if a function word or a verb comes first."""
    tail = _tail(text, end)
    tail = tail[:next((k for k, s in enumerate(tail) if s.text == "," or (
        s.low == "trực" and k + 1 < len(tail) and tail[k + 1].low == "thuộc")), len(tail))]
    tail = tail[:_usable(tail)] if tail and tail[0].low not in STOP else []
    return tail if tail and _verb_free(tail) else []


def _under(text: str, tail: list[Syl], parents: dict[int, Candidate]) -> bool:
    """Is the tail followed by "thuộc" / "trực thuộc" and a body ("Cục Quản lý cạnh tranh thuộc Bộ
    Công Thương")? A unit is named in full before the body it belongs to, wherever it stands."""
    rest = syllables_of(text, tail[-1].end, min(len(text), tail[-1].end + 20))
    k = 1 if rest and rest[0].low == "trực" else 0
    return len(rest) > k + 1 and rest[k].low == "thuộc" and rest[k + 1].start in parents


def _parent_after(text: str, tail: list[Syl], parents: dict[int, Candidate]) -> Candidate | None:
    """The agency that begins one space after the tail, if any: the body the unit belongs to."""
    return parents.get(tail[-1].end + 1) if text[tail[-1].end:tail[-1].end + 1] == " " else None


_TAILED = frozenset(["closed-name", "recurring-name"])


def spread_names(text: str, kept: list[Candidate]) -> list[Candidate]:
    """`kept` with each AGENCY cut short where the same document wrote its full name once
    (found closed or recurring, "Vụ trưởng Vụ Tổ chức cán bộ - Phó Trưởng ban") taken to that
    full name wherever the same words follow ("Giao Vụ Tổ chức cán bộ, Bộ Nội vụ …"): a body
    is named the same way throughout one document."""
    full = sorted({text[c.start:c.end] for c in kept if c.label in _LABELS and c.rule in _TAILED}, key=len)
    if not full:
        return kept
    out = []
    for cand in kept:
        own = text[cand.start:cand.end]
        if cand.label in _LABELS and cand.rule not in _TAILED:
            end = _full_end(text, cand.start, own, full, spaced=True)
            cand = Candidate(cand.label, cand.start, end, "spread-name") if end else cand
        out.append(cand)
    return out


def spread_laws(text: str, kept: list[Candidate]) -> list[Candidate]:
    """`kept` with each law cut short where the same document wrote its title in full once (closed
    by its date or number: "Luật Quản lý, sử dụng tài sản Nhà nước ngày …") taken to that title
    wherever the same words follow ("… một số điều của Luật Quản lý, sử dụng tài sản Nhà nước;"):
    a law is named the same way throughout one document."""
    full = sorted({text[c.start:c.end] for c in kept if c.label == "LEGAL_DOC" and c.rule == "law"}, key=len,
                  reverse=True)
    out = []
    for cand in kept:
        own = text[cand.start:cand.end]
        if cand.label == "LEGAL_DOC" and cand.rule == "law":
            end = _full_end(text, cand.start, own, full)
            cand = Candidate(cand.label, cand.start, end, "law") if end else cand
        out.append(cand)
    return out


def _full_end(text: str, start: int, own: str, full: list[str], spaced: bool = False) -> int:
    """End of the first of the `full` names that is longer than `own`, begins with it (then a
    space if `spaced`, else any non-letter: "Luật Quản lý, …") and is written at `start` to a
    word's end; 0 if none."""
    for name in full:
        end = start + len(name)
        if len(name) > len(own) and name.startswith(own) \
                and (name[len(own)] == " " if spaced else not name[len(own)].isalnum()) \
                and text.startswith(name, start) and (end >= len(text) or not text[end].isalnum()):
            return end
    return 0
