"""LEGAL_DOC: documents by type and symbol ("Quyết định số 1234/QĐ-UBND") and laws by name
("Luật Đất đai số 31/2024/QH15", "Luật Kinh doanh bất động sản 2023", "Hiến pháp")."""

from __future__ import annotations

import re
from typing import Iterator

from nlp.entities import lexicon as lx
from nlp.entities.candidate import Candidate
from nlp.entities.names import complete_word, stop_at
from nlp.entities.phrases import (
    AGENCY_NAMES, CLAUSE_VERBS, DOC_TYPES, LAW_HEADS, PLACES, PROJECT_HEADS, SECTORS, STOP, STOP_PHRASES_LIST,
)
from nlp.entities.syllables import Phrases, Syl, dictionary, match

# a law by its number is typed like any document: "Luật số 45/2005/QH11"
# and in the older spelling "qui" ("Qui định số 06/2008/QĐ-UBND")
_TYPES = [*lx.DOC_TYPES, *lx.LAW_HEADS]
_DOC_TYPE = "|".join(sorted((re.escape(t) for t in {*_TYPES, *(t.replace("quy ", "qui ") for t in _TYPES)}),
                            key=len, reverse=True))
# "1234/QĐ-UBND", never ending with a full stop; typed with spaces too: "15/2020/NĐ - CP",
# "14/TTLT / BTC-BTNMT", "3954/TTr. UBND", "247 / TT.HĐND" (a space only before an issuer's code in capitals)
# (and "1676/QĐ - TTg", "39 / 2008/TT-BTC", the typo "126/2004 / / NĐ-CP"; a code may end in
# lower case after two capitals: "TTg", "TTr")
_CODE = r"[A-ZĐ](?:[A-ZĐ0-9&]+[a-zđ]{0,2})?(?:[-.][A-ZĐ0-9&]+)*\b"
_YEAR = r"(?:[ \t]?/[ \t]?\d{4})?"
_SYMBOL = (rf"\d+[\w.]*{_YEAR}(?:/[A-ZĐ]+[a-zđ]+\.[ ][A-ZĐ]{{2,}}\b|[/-][\wĐđ&]+(?:\.[\wĐđ&]+)*"
           rf"|[ \t]?[/-](?:[ \t]?/)?[ \t]?{_CODE})+")
_SHORT_TYPE = r"(?:QĐ|NQ|KH|CV|TB|CT|TTr|NĐ)"  # "KH 77/KH-LT", "QĐ số 12/QĐ-UB"
_LOWER_WORD = "[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]+"
# "Kế hoạch liên tịch số 77/KH-LT", "Báo cáo thẩm tra số 48/BC-BKTNS": a kind between type and "số"
_KIND = rf"(?:[ \t]+(?!số\b){_LOWER_WORD}){{1,3}}(?=[ \t]+số\b)"
# "các Nghị định của Chính phủ số 181/2004/NĐ-CP", "… và chở người số 110/2002/NĐ-CP": the type
# is far or dropped, and "số" with a symbol that carries an issuer's code is the document (not
# the header's "Số: 1147/BC-SKHĐT", whose number alone is the document: `header-number`)
_CODED = rf"(?=\d+[\w.]*{_YEAR}[ \t]?[/-][ \t]?[A-ZĐ])"
# "Nghị quyết số 49 của Bộ Chính trị": a capitalised main type with "số" and a bare number
_NUMBERED = r"(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Công văn|Tờ trình)[ \t]+số[ \t]+\d+(?!\w|[ \t]*[/-]|[.,]\d)"
# Every alternative opens with a document type's first letter or "số" (the short types and the
# numbered main types are capitalised document types): looking ahead for one of those letters lets
# `re` skip every other position at once instead of trying each alternative there (2.4x faster on
# the whole corpus, the same matches).
_OPENS = "".join(sorted({c for t in _TYPES for c in (t[0], t[0].upper())} | {"s"}))
LEGAL_BODY = (rf"(?:(?i:{_DOC_TYPE})(?:{_KIND})?|{_SHORT_TYPE}(?=[ \t]+(?:số[ \t]+)?\d))(?:\s+(?:số|sô))?\s*:?\s*{_SYMBOL}"
              rf"|{_NUMBERED}|(?<!\w)số[ \t]+{_CODED}{_SYMBOL}")
LEGAL_PATTERN = re.compile(rf"(?=[{_OPENS}])(?:{LEGAL_BODY})")
# Standards by number: "TCVN 5507: 2002", "QCVN 01:2009/BYT", "TCVN 7957-2008"
STANDARD_PATTERN = re.compile(r"(?=[TQ])(?<![\w.])(?:TCVN|QCVN|TCXDVN)[ \t]*\d+(?:[-:.][ \t]?\d+)*(?:/[A-ZĐ]+)?(?![\w/])")
_LAW_NUMBER = re.compile(rf"[ \t]+số[ \t]+{_SYMBOL}")  # "Luật Đất đai số 31/2024/QH15"


def with_law_number(text: str, cand: Candidate, end: int) -> Candidate:
    """A law with the number written after its name, within text[:end] ("… số 31/2024/QH15")."""
    number = _LAW_NUMBER.match(text, cand.end, end)
    return Candidate(cand.label, cand.start, number.end(), cand.rule) if number else cand


def law_at(syls, i) -> Iterator[Candidate]:
    """A law named at syllable i: its head ("Luật", "Bộ luật") and title; "Hiến pháp" alone."""
    head = match(syls, i, LAW_HEADS)
    if not head or i + head > len(syls) or not (syls[i].cap or _lower_law_named(syls, i, head)):
        return
    if syls[i].low == "hiến" and syls[i + 1].low == "pháp":  # "Hiến pháp" is complete, with its year
        yield Candidate("LEGAL_DOC", syls[i].start, syls[_law_year(syls, i + head) - 1].end, "law")
        return
    if match(syls, i + head, _AMENDS):  # "Luật sửa đổi, bổ sung …", "Luật Sửa đổi, bổ sung …"
        end = _amending(syls, i + head)
    elif i + head < len(syls) and (syls[i + head].cap and syls[i + head].text.isalpha() or _organizes(syls, i + head)
                                   or match(syls, i + head, SECTORS)):  # "Luật thuế giá trị gia tăng"
        end = _law_name(syls, i + head)
    else:  # "Pháp lệnh phí và lệ phí số 38/2001/…"
        end = _dated_lower_title(syls, i + head) or _ordinance_title(syls, i, head)
    end = next((k for k in range(i + head, end) if syls[k].low == "và" and match(syls, k + 1, LAW_HEADS)), end)
    if end > i + head:  # "luật A | và luật B": two laws
        yield Candidate("LEGAL_DOC", syls[i].start, syls[end - 1].end, "law")


def _lower_law_named(syls: list[Syl], i: int, head: int) -> bool:
    """ "theo quy định của luật Thi đua khen thưởng": a law head in lower case with its title
    capitalised names the law, as "Luật Thi đua khen thưởng" does; not "pháp luật Việt Nam",
    "dự luật", nor a place after it."""
    nxt = i + head
    return syls[i].low == "luật" and nxt < len(syls) and syls[nxt].cap and syls[nxt].text.isalpha() \
        and not syls[nxt].text.isupper() and not match(syls, nxt, PLACES) and not syls[nxt].gap \
        and (i == 0 or syls[i - 1].low not in ("pháp", "dự", "bộ"))


_LAW_STOPS = frozenset("số năm ngày phải cần".split()) | STOP
# phrases, not their syllables: "quy định" ends a title, "quy phạm pháp luật" does not
_LAW_STOP_PHRASES = Phrases(["quy định", "hướng dẫn", "sửa đổi", "bổ sung", *STOP_PHRASES_LIST])
_ORGANIZATION_LAW = Phrases(["tổ chức"])  # "Luật Tổ chức Chính phủ", "Luật Tổ chức HĐND và UBND"
_AGAINST = Phrases(["phòng , chống"])  # "Luật Phòng, chống tham nhũng": the comma is the title's
_TITLE_NAMES = Phrases(["nhà nước", "việt nam", "chính quyền địa phương"])
_LAW_YEAR = re.compile(r"(?:19|20)\d{2}")


def _law_name(syls: list[Syl], j: int) -> int:
    """ "Luật Kinh doanh bất động sản 2023", "Luật Bảo vệ môi trường", "Luật Khoa học và Công
    nghệ": the title from the capital at j (`_title_words`) and the fields coordinated with it;
    a law on the organization of a body takes its name ("Luật Tổ chức Chính phủ", "… HĐND và
    UBND"); a year right after it ("2023", "năm 2003") belongs to the title."""
    words = dictionary()
    if _organizes(syls, j):
        return _law_year(syls, _bodies(syls, j + 2))
    end = _coordinated(syls, _lower_conjunct(syls, _title_words(syls, j, words), words), words)
    return _law_year(syls, _issuers(syls, _comma_part(syls, _with_place(syls, end), words)))


def _with_place(syls: list[Syl], end: int) -> int:
    """ "Pháp lệnh Thủ đô Hà Nội": a known place right after the title words is the title's
    when the phrase closes after it (its date, number or punctuation)."""
    n = match(syls, end, PLACES)
    return end + n if n and not syls[end].gap and syls[end].cap and _closes(syls, end + n, ").;,:") else end


def _dated_lower_title(syls: list[Syl], j: int) -> int:
    """Index after a title written in lower case after the head at j - 1 ("Pháp lệnh giá",
    "Luật thuế thu nhập doanh nghiệp", "Pháp lệnh phí và lệ phí"), taken only when its number,
    year or date follows ("… ngày 26/4/2002"): "Luật hiện hành", "Luật sư" are no titles
    (0 if none)."""
    words = dictionary()
    if j >= len(syls) or syls[j].cap or not syls[j].text.isalpha() or syls[j].low in _LAW_STOPS \
            or f"{syls[j - 1].low} {syls[j].low}" in words:
        return 0
    end = _lower_conjunct(syls, _title_words(syls, j, words), words)
    return _law_year(syls, end) if end > j and _dated(syls, end) else 0


_ORDINANCE = Phrases(["pháp lệnh"])


def _ordinance_title(syls: list[Syl], i: int, head: int) -> int:
    """Index after an ordinance's lower-case title that runs straight to a mark ("thi hành Pháp
    lệnh phí và lệ phí;", "Pháp lệnh về lực lượng Dự bị động viên;"): unlike "Luật" ("Luật sư"),
    "Pháp lệnh" opens no other word, so the title needs no date; 0 if none."""
    j = i + head
    if match(syls, i, _ORDINANCE) != head or j >= len(syls) or syls[j].cap:
        return 0
    k = start = j + (syls[j].low == "về")
    while k < len(syls) and k - start < 10 and not syls[k].gap and syls[k].text.isalpha() \
            and (syls[k].low == "và" or not (stop_at(syls, k) or match(syls, k, _LAW_STOP_PHRASES))):
        k += 1
    return k if k > start + 1 and syls[k - 1].low != "và" and _closes(syls, k, ").;,:") else 0


def _lower_conjunct(syls: list[Syl], end: int, words: frozenset[str]) -> int:
    """ "Luật Phòng cháy và chữa cháy", "Pháp lệnh khai thác và bảo vệ công trình thuỷ lợi ngày …":
    lower-case words after "và" finish the title when its date or number follows, or when they
    are short (six syllables) and the phrase closes ("Luật Đấu thầu và lựa chọn nhà thầu theo …",
    "Luật Đầu tư và các văn bản …" not)."""
    if end + 1 >= len(syls) or syls[end].low != "và" or syls[end + 1].cap or not syls[end + 1].text.isalpha() \
            or syls[end + 1].low in _LAW_STOPS or match(syls, end + 1, _LAW_STOP_PHRASES):
        return end
    k = _title_words(syls, end + 1, words)
    while k < len(syls) and syls[k].cap and syls[k].text.isalpha() and not syls[k].gap \
            and not any(match(syls, k, t) for t in _NOT_FIELDS):  # "… và bảo vệ công trình Thuỷ lợi"
        k = _title_words(syls, k, words, limit=4)
    return k if _dated(syls, k) or (k - end - 1 <= 6 and _closes(syls, k, ").;,:")) else end


def _dated(syls: list[Syl], k: int) -> bool:
    """Does a number, year or date follow at syllable k ("số 38/…", "năm 2002", "ngày 26/4/2002")?"""
    return k + 1 < len(syls) and syls[k].low in ("số", "năm", "ngày") and syls[k + 1].text[0].isdigit()


def _title_words(syls: list[Syl], j: int, words: frozenset[str], limit: int = 8) -> int:
    """Index after a title opened by the capital at j: the lower-case words that follow, up to a
    function word, a verb or punctuation ("Tổ chức chính quyền địa phương", "Ngân sách Nhà
    nước"); "Phòng, chống" keeps its comma ("Phòng, chống tham nhũng")."""
    end = j + 3 if match(syls, j, _AGAINST) else complete_word(syls, j, words)
    if syls[j].low == "các" and end == j + 1 and end < len(syls) and syls[end].text.isalpha() and not syls[end].gap:
        end = complete_word(syls, end, words)  # "Luật Các tổ chức tín dụng": a plural names a noun, not a verb
    while end < len(syls) and end - j < limit:
        syl = syls[end]
        named = match(syls, end, _TITLE_NAMES)
        if named and not syl.gap:  # "Luật Ngân sách Nhà nước", "Bộ luật Hàng hải Việt Nam"
            end += named
            continue
        if _inner_abbreviation(syls, end):  # "Luật Ban hành văn bản QPPL luật của …": a short form inside
            end += 1
            continue
        if syl.gap or not syl.text.isalpha() or syl.cap or syl.low in _LAW_STOPS \
                or match(syls, end, _LAW_STOP_PHRASES) or (match(syls, end, CLAUSE_VERBS) and not match(syls, end, SECTORS)):
            break
        end = complete_word(syls, end, words)
    return end


def _inner_abbreviation(syls: list[Syl], k: int) -> bool:
    """Is syllable k a short form of title words ("QPPL") inside a title, lower-case words or the
    bodies it is about ("của HĐND và UBND") going on after it? Not a body or a place ("… UBND",
    "… Việt Nam"), which end or name the title."""
    return k + 1 < len(syls) and syls[k].text.isalpha() and syls[k].text.isupper() and len(syls[k].text) > 1 \
        and not syls[k].gap and not match(syls, k, AGENCY_NAMES) and not match(syls, k, PLACES) \
        and not syls[k + 1].gap and syls[k + 1].text.isalpha() and not syls[k + 1].cap \
        and (syls[k + 1].low == "của" or syls[k + 1].low not in _LAW_STOPS and not match(syls, k + 1, _LAW_STOP_PHRASES))


def _coordinated(syls: list[Syl], end: int, words: frozenset[str]) -> int:
    """ "Luật Khoa học và Công nghệ", "Pháp lệnh Bưu chính, Viễn thông": capitalised fields
    joined by "và" or a comma belong to the title when the phrase closes after them; a field is
    no body, document, work or place ("Luật Đất đai và Luật Nhà ở", "…, Chính phủ"), and a head
    with a name after it does not close ("…, Sở Tài chính")."""
    k, best = end, end
    while k + 1 < len(syls) and syls[k].low in ("và", ",") and syls[k + 1].cap and syls[k + 1].text.isalpha() \
            and not syls[k + 1].gap and not any(match(syls, k + 1, t) for t in _NOT_FIELDS):
        k = _title_words(syls, k + 1, words, limit=4)
        if _closes(syls, k, ").;,:("):
            best = k
    return best


_NOT_FIELDS = (AGENCY_NAMES, DOC_TYPES, LAW_HEADS, PROJECT_HEADS, PLACES)


def _closes(syls: list[Syl], k: int, marks: str) -> bool:
    """Does a title end at syllable k: the block's end, a layout break, one of `marks`, or its
    number, year or date ("số …", "năm 2007", "ngày 3/4/2005")?"""
    return k >= len(syls) or syls[k].gap or syls[k].text in marks or _dated(syls, k)


def _organizes(syls: list[Syl], j: int) -> bool:
    """Does a law's title at j organize bodies: "Tổ chức Chính phủ", "tổ chức HĐND và UBND"
    (written in lower case too, as the body names make it a title)?"""
    return match(syls, j, _ORGANIZATION_LAW) == 2 and _bodies(syls, j + 2) > j + 2


def _comma_part(syls: list[Syl], end: int, words: frozenset[str]) -> int:
    """ "Luật Chất lượng sản phẩm, hàng hóa": one lower-case word after a comma is the title's
    when the phrase closes right after it (")", ";", ".", the line end, "số …", "năm 2007");
    more words only when the law's number or date follows them ("Luật thuế xuất khẩu, thuế nhập
    khẩu số 45/2005/QH11"; not "Luật Đất đai, nhà nước thu hồi …")."""
    if end + 1 >= len(syls) or syls[end].text != "," or syls[end + 1].cap or not syls[end + 1].text.isalpha() \
            or syls[end + 1].low in _LAW_STOPS:
        return end
    longer = _title_words(syls, end + 1, words, limit=6)
    if _dated(syls, longer):
        return longer
    after = complete_word(syls, end + 1, words)
    if after == end + 2 and syls[end + 1].low not in words:
        return end
    return after if _closes(syls, after, ").;") else end


_AMENDS = Phrases(["sửa đổi , bổ sung", "sửa đổi", "bổ sung"])
_ARTICLES_OF = Phrases(["một số điều của", "một số điều", "điều của", "của"])
_ALL_LAWS = Phrases(["các luật", "các bộ luật"])
_DATING = frozenset("số ngày năm".split())


def _amending(syls: list[Syl], k: int) -> int:
    """After "Luật" at k-1, an amending law's title: "sửa đổi, bổ sung một số điều của Luật Đất
    đai", "… của các luật liên quan đến đầu tư xây dựng cơ bản" (k if it names no law)."""
    j = k + match(syls, k, _AMENDS)
    j += match(syls, j, _ARTICLES_OF)
    head = match(syls, j, LAW_HEADS)
    if head and syls[j].cap and j + head < len(syls) and syls[j + head].cap:
        return _law_name(syls, j + head)
    if not match(syls, j, _ALL_LAWS):
        return k
    end = j + match(syls, j, _ALL_LAWS)
    while end < len(syls) and end - j < 14 and not syls[end].gap and syls[end].text.isalpha() \
            and not syls[end].cap and syls[end].low not in _DATING:
        end += 1
    return end


def _issuers(syls: list[Syl], end: int) -> int:
    """ "… của Hội đồng nhân dân, Uỷ ban nhân dân": the bodies a law's title is about (not the
    Quốc hội that passed it) belong to the title."""
    if end + 1 >= len(syls) or syls[end].low != "của" or syls[end + 1].low == "quốc":
        return end
    bodies = _bodies(syls, end + 1)
    return bodies if bodies > end + 1 else end


def _bodies(syls: list[Syl], k: int) -> int:
    """Index after the bodies a law organizes, from k: "Chính phủ", "HĐND và UBND",
    "Hội đồng nhân dân và Uỷ ban nhân dân", "chính quyền địa phương" (k if none)."""
    end = k
    while end < len(syls):
        body = match(syls, end, AGENCY_NAMES) or match(syls, end, _TITLE_NAMES) or _joined_bodies(syls[end])
        if not body or syls[end].gap:
            break
        end += body
        if end + 1 < len(syls) and syls[end].low in ("và", ",", "-") and (
                match(syls, end + 1, AGENCY_NAMES) or match(syls, end + 1, _TITLE_NAMES)):
            end += 1
        else:
            break
    return end


def _joined_bodies(syl: Syl) -> int:
    """1 if the syllable is bodies glued by "&" ("HĐND&UBND"), else 0."""
    parts = syl.low.split("&")
    return int(len(parts) > 1 and all((p,) in AGENCY_NAMES for p in parts))


def _law_year(syls: list[Syl], end: int) -> int:
    """After a law's title, its year: "2023" or "năm 2003" (not a date "2023/..." nor "2003-2010")."""
    k = end + (end + 1 < len(syls) and syls[end].low == "năm")
    if k < len(syls) and _LAW_YEAR.fullmatch(syls[k].text) and not syls[k].gap \
            and not (k + 1 < len(syls) and syls[k + 1].text in "/-"):
        return k + 1
    return end


_LAW_TAIL = re.compile(r"\s+(?:năm\s+)?\d{4}$|\s+số\s+\S+$")  # "… năm 2003", "… số 61/2005/QH11"


def law_uses(text: str, blocks, kept: list[Candidate]) -> list[Candidate]:
    """A law named once with a capitalised title ("Luật Đất đai năm 2003") at its other uses
    written in another case ("… thi hành Luật đất đai"): a law is the same law however its title is
    cased. The head keeps its capital ("pháp luật đất đai" is no law)."""
    titles = {_LAW_TAIL.sub("", text[c.start:c.end]) for c in kept if c.label == "LEGAL_DOC" and c.rule == "law"}
    titles = {t for t in titles if t.startswith(("Luật ", "Bộ luật ")) and len(t.split()) >= 3}
    out = []
    for title in titles:
        pattern = re.compile(rf"(?<!\w){re.escape(title[0])}(?i:{re.escape(title[1:])})(?!\w)")
        out += [Candidate("LEGAL_DOC", m.start(), m.end(), "law-use") for start, end in blocks
                for m in pattern.finditer(text, start, end) if m.group() != title]
    return out
