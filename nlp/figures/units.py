"""What a number counts: money, a measure, the counted noun, and a per-unit rate after it.

"342.000 lượt khách" counts "lượt khách"; "45 giấy chứng nhận" counts "giấy chứng nhận" (one
dictionary word over two underthesea words); "6,5%/năm" and "tỷ đồng/ha" are rates whose unit
keeps the denominator ("%/năm", "VND/ha").
"""

from __future__ import annotations

import re
from typing import Optional

from nlp.entities.syllables import dictionary

MONEY = {"đồng": "VND", "vnđ": "VND", "vnd": "VND", "đ": "VND", "usd": "USD", "đô la mỹ": "USD", "đô la": "USD",
         "euro": "EUR", "eur": "EUR"}
_MONEY_LONGEST = sorted(MONEY.items(), key=lambda kv: -len(kv[0]))
MEASURES = ["mét vuông", "mét khối", "mét", "tấn", "kg", "ha", "hécta", "héc-ta", "km2", "km²", "km", "m2", "m²",
            "m3", "m³", "m", "lít", "mw", "kw", "kwh", "mwh", "gwh", "liều", "tạ", "ml", "cm", "mm", "sào", "mẫu",
            "dwt", "teu", "mb", "gb"]
_MEASURE_NAMES = {"mét vuông": "m2", "mét khối": "m3", "mét": "m", "hécta": "ha", "héc-ta": "ha", "km²": "km2",
                  "m²": "m2", "m³": "m3"}
_NOT_MONEY = frozenset(["đồng chí", "đồng bào", "đồng bằng", "đồng nghiệp", "đồng thời", "đồng ý", "đồng hồ",
                        "đồng loạt", "đồng bộ", "đồng đội", "đồng tâm", "đồng hương", "đồng minh"])
MEASURE_UNITS = frozenset(_MEASURE_NAMES.get(m, m) for m in MEASURES)  # the names a measure's unit takes
TIME_UNITS = frozenset("ngày tháng năm quý giờ phút giây tuần thập kỷ tuổi".split())
# Words that cannot be a counted noun: "12 đến 17 tuổi", "203 lượt với 204 người".
FUNCTION_WORDS = frozenset(
    "và với của cho đến để từ tại trên trong theo là có được đã đang sẽ thì mà nên hoặc hay "
    "so như này đó các những một đủ về do bị vào ra tới nhưng phải cần sẽ tăng giảm đạt chiếm vượt còn".split())
# A counted noun does not end with these, though underthesea may join them to it ("nhà ngoài", "số là").
_NOT_LAST = FUNCTION_WORDS | {"ngoài"}
WORD = re.compile(r"[^\W\d_]+(?:[&+][^\W\d_]+)?")
_RATE = re.compile(r"\s?/\s?(?:(?:0?1|một|mỗi)\s+)?((?:km2|km²|m2|m²|m3|m³)(?![^\W\d_])|[^\W\d_]+)")
# "tỷ"/"triệu" without "đồng" is money when the clause speaks of money ("tổng vốn 1.200 tỷ").
_MONEY_WORDS = re.compile(
    r"\b(?:vốn|kinh phí|ngân sách|nsnn|thu|chi|nộp|thuế|phí|lệ phí|doanh thu|doanh số|giá trị|giá|tiền|"
    r"giải ngân|dự toán|tổng mức|đầu tư|tín dụng|dư nợ|cho vay|huy động|lợi nhuận|lương|thu nhập|"
    r"kim ngạch|trị giá|hỗ trợ|bồi thường|chi phí|mức|đồng)\b", re.IGNORECASE)


def read_unit(text: str, pos: int, limit: int, words: dict[int, str]) -> tuple[Optional[str], int, str]:
    """The unit after a number at `pos` as (unit, end, kind); (None, pos, "") when no unit."""
    rest = text[pos:min(limit, pos + 40)]
    stripped = rest.lstrip()
    if not stripped or len(rest) - len(stripped) > 1 or not rest[:1].isspace():
        return None, pos, ""
    at = pos + len(rest) - len(stripped)
    low = stripped.lower()
    token = words.get(at, "").lower()
    for word, code in _MONEY_LONGEST:
        if low.startswith(word) and not low[len(word):len(word) + 1].isalnum() and \
                token not in _NOT_MONEY:  # "80 đồng chí" counts comrades
            return code, at + len(word), "money"
    for word in MEASURES:
        if low.startswith(word) and not low[len(word):len(word) + 1].isalnum():
            return _MEASURE_NAMES.get(word, word), at + len(word), "measure"
    return _counted(text, at, words)


def measure_name(written: str) -> str:
    """``measure_name("MW") == "mw"``, ``measure_name("m²") == "m2"``."""
    low = written.lower()
    return _MEASURE_NAMES.get(low, low)


def _counted(text: str, at: int, words: dict[int, str]) -> tuple[Optional[str], int, str]:
    first = WORD.match(text, at)
    if first is None:
        return None, at, ""
    noun = words.get(at, "")
    if not noun or not all(WORD.fullmatch(part) for part in noun.split()):
        noun = first.group()
    while " " in noun and noun.rsplit(" ", 1)[1].lower() in _NOT_LAST:
        noun = noun.rsplit(" ", 1)[0]  # "169 nhà ngoài chỉ tiêu", "8 số là": the word runs on into the clause
    head = noun.split()[0].lower()
    if head in TIME_UNITS or head in FUNCTION_WORDS:
        return None, at, ""
    if noun.isupper() and len(noun) > 1:
        return noun.lower(), at + len(noun), "count"
    if not (noun.islower() or (noun[:1].isupper() and noun[1:].islower())):
        return None, at, ""
    end = at + len(noun)
    if noun == "số" and text[end:end + 1] == " " and re.search(r"\d\s?/\s?[\d.,]+\s$", text[max(0, at - 16):at]):
        # "2/3 số thành viên" counts the members
        counted = _counted(text, end + 1, words)
        if counted[0] is not None:
            return counted
    if noun.islower() and text[end:end + 1] == " ":  # "giấy" + "chứng nhận" is one dictionary word
        nxt = words.get(end + 1, "")
        if nxt.islower() and nxt not in _NOT_LAST and f"{noun} {nxt}" in dictionary():
            end += 1 + len(nxt)
    if noun.lower() == "lượt" and text[end:end + 1] == " ":
        nxt = WORD.match(text, end + 1)
        if nxt and nxt.group().lower() not in FUNCTION_WORDS and (nxt.group().islower() or nxt.group().isupper()):
            following = words.get(nxt.start(), nxt.group())
            end = nxt.start() + len(following)
    return text[at:end].lower(), end, "count"


# Measures written with a capital after "/": "1.678 đồng/kWh", "đồng/MW".
_RATE_MEASURES = frozenset(["kwh", "mwh", "gwh", "kw", "mw"])


def rate_suffix(text: str, pos: int, limit: int, words: dict[int, str]) -> tuple[str, int]:
    """The "/năm", "/người/tháng" after a unit: ("/người/tháng", end); ("", pos) when none.
    A "/" before a digit or a capital is a document symbol, not a rate."""
    suffix, end = "", pos
    for _ in range(3):
        m = _RATE.match(text, end, limit)
        if m is None or not (m.group(1).islower() or m.group(1).lower() in _RATE_MEASURES or _is_acronym_unit(text, m)):
            break
        word = words.get(m.start(1), "")
        unit = word if word.islower() and word.startswith(m.group(1)) and WORD.fullmatch(word.replace(" ", "")) else m.group(1)
        suffix += "/" + measure_name(unit)
        end = m.start(1) + len(unit)
        joined = _JOINED.match(text, end, limit)
        if joined and joined.group(1).islower():  # "3,5 tấn/ha-vụ": per hectare and crop
            suffix, end = suffix + joined.group(), joined.end()
    per = _PER_TIME.match(text, end, limit) if suffix and "/" + suffix.rsplit("/", 1)[-1] not in _TIMES else None
    if per:  # "800 kWh / người năm": per person and year
        suffix, end = suffix + "/" + per.group(1), per.end(1)
    return suffix, end


_JOINED = re.compile(r"-([^\W\d_]+)(?![\w-])")
_PER_TIME = re.compile(r"[ \t](năm|tháng|ngày)(?![^\W\d_])(?![ \t]*[\d(])")
_TIMES = frozenset(["/năm", "/tháng", "/ngày"])


def _is_acronym_unit(text: str, m: re.Match) -> bool:
    """A short capitalised abbreviation after "/" that ends there: "3 tỷ đồng / KCN nhỏ" is per
    industrial park, while "/QĐ-UBND", "/2023" or "/KH" (the plan) are not rates."""
    word = m.group(1)
    return word.isupper() and 2 <= len(word) <= 5 and word not in ("KH", "NSNN") and \
        re.match(r"[\w\-/.]", text[m.end(1):m.end(1) + 1]) is None


_NOUN_THEN_RATE = re.compile(r"((?:[ \t][^\W\d_]+){1,4})(?=[ \t]?/[ \t]?[^\W\d_])")


def rate_after_noun(text: str, pos: int, limit: int, words: dict[int, str]) -> tuple[str, int]:
    """The rate after the nouns that name what is measured: "450 kg thóc/năm", "80.000 tấn quặng
    nguyên khai / năm" → ("/năm", end);
    ("", pos) when none."""
    m = _NOUN_THEN_RATE.match(text, pos, limit)
    nouns = m.group(1).split() if m else []
    if m is None or not all(n.islower() and n not in FUNCTION_WORDS and n not in TIME_UNITS for n in nouns):
        return "", pos
    suffix, end = rate_suffix(text, m.end(), limit, words)
    return (suffix, end) if suffix else ("", pos)


def money_context(clause: str) -> bool:
    """Does the clause before a bare "tỷ"/"triệu" speak of money?"""
    return _MONEY_WORDS.search(clause) is not None
