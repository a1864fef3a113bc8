"""Figures: Vietnamese number grammar → value in base units, unit, kind, direction, basis.

"9.239,42 tỷ đồng" → 9239420000000 VND; "1,105 tỷ USD" → 1105000000 USD; "29%KH" → 29 % (plan);
"1.535,68 nghìn hành khách" → 1535680 "hành khách"; "370/373 cơ sở" → ratio 370 of 373.
"." groups thousands, "," marks decimals, leading zeros do not count. Numbers inside names,
dates and document symbols (the entities) are not figures, nor are durations in time units.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Optional, Sequence

from nlp.entities.syllables import dictionary
from nlp.numeric import tidy_number
from nlp.types import Entity, Figure, Sentence, Token

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_SCALES = {"nghìn tỷ": 10**12, "ngàn tỷ": 10**12, "nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6,
           "tỷ": 10**9, "tỉ": 10**9}
_SCALE = r"(?:nghìn tỷ|ngàn tỷ|nghìn|ngàn|triệu|tỷ|tỉ)"
_MONEY = {"đồng": "VND", "vnđ": "VND", "vnd": "VND", "usd": "USD", "đô la mỹ": "USD", "đô la": "USD",
          "euro": "EUR", "eur": "EUR"}
_MEASURES = ["tấn", "kg", "ha", "hécta", "héc-ta", "km2", "km", "m2", "m²", "m3", "m³", "m", "lít",
             "mw", "kw", "kwh", "mwh", "gwh", "liều", "tạ", "ml", "cm", "mm"]
_TIME_UNITS = frozenset("ngày tháng năm quý giờ phút giây tuần thập kỷ tuổi".split())
# Words that cannot be a counted noun: "12 đến 17 tuổi", "203 lượt với 204 người".
_FUNCTION_WORDS = frozenset(
    "và với của cho đến để từ tại trên trong theo là có được đã đang sẽ thì mà nên hoặc hay "
    "so như này đó các những một đủ về do bị vào ra".split())
# "lần thứ 2", "giai đoạn 2", "khóa 15", "mũi 3", "lớp 4": ordinals and identifiers.
_NOT_BEFORE = frozenset("thứ số lần giai khóa khoá mũi lớp lô cấp mức độ vòng đợt tuổi nhóm".split())
_QUALIFIERS = ("hơn", "gần", "khoảng", "trên", "dưới", "xấp xỉ", "gần như", "tối thiểu", "tối đa")
_FIGURE = re.compile(
    rf"(?P<num>{_NUM})(?:\s*/\s*(?P<den>{_NUM}))?"
    rf"(?:(?P<pct>\s?%)|(?P<glued>[A-ZĐ][A-ZĐ]+)\b|\s+(?P<scale>{_SCALE})\b)?"
)
_PLAN_WORDS = frozenset(["dự toán", "kế hoạch", "kh"])
_WORD = re.compile(r"[^\W\d_]+(?:[&+][^\W\d_]+)?")
_UP = ("tăng", "vượt", "cao hơn", "tăng thêm")
_DOWN = ("giảm", "thấp hơn", "giảm thêm")
_NEUTRAL = ("đạt", "ước đạt", "ước thực hiện", "thực hiện", "chiếm", "bằng", "có", "là", "tương đương")
_BASES = [
    ("same_period", r"so\s+(?:với\s+)?(?:bình quân\s+)?cùng kỳ"),
    ("previous_month", r"so\s+(?:với\s+)?tháng trước"),
    ("start_of_month", r"so\s+(?:với\s+)?đầu tháng"),
    ("start_of_year", r"so\s+(?:với\s+)?đầu năm"),
    ("previous_year", r"so\s+(?:với\s+)?năm trước"),
    ("plan", r"(?:\s*%?\s*)KH\b|(?:so\s+(?:với\s+)?)?kế hoạch|(?:so\s+(?:với\s+)?)?dự toán"),
]


def parse_number(text: str) -> float:
    """``parse_number("9.239,42") == 9239.42``; ``parse_number("09") == 9``."""
    return float(_decimal(text))


def format_number(value: Decimal | int | float | str) -> str:
    """Write a number the Vietnamese way, the inverse of `parse_number`:
    ``format_number("9239.42") == "9.239,42"``, ``format_number(1105) == "1.105"``."""
    number = Decimal(str(value))
    sign = "-" if number < 0 else ""
    whole, _, fraction = format(abs(number), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(".", "").replace(",", "."))


def find_figures(text: str, sentences: Sequence[Sentence], entities: Sequence[Entity],
                 tokens: Sequence[Token] = ()) -> list[Figure]:
    """Every figure in the sentences, outside entity spans (dates, names, symbols).

    `tokens` (underthesea words) give the counted noun its word boundary ("07 giải thể thao"
    counts "giải", not "giải thể").
    """
    taken = sorted((e.start, e.end) for e in entities)
    dates = [e for e in entities if e.label == "DATE"]
    words = {t.start: t.text for t in tokens}
    figures: list[Figure] = []
    for sentence in sentences:
        previous_indicator = ""
        for match in _FIGURE.finditer(text, sentence.start, sentence.end):
            figure = _read(text, match, sentence, taken, words)
            if figure is None:
                continue
            indicator = _indicator(text, sentence.start, figure.start) or previous_indicator
            previous_indicator = indicator
            period = _period(dates, sentence, figure.start)
            figures.append(_with(figure, indicator=indicator, period=period))
    return figures


def _read(text: str, m: re.Match, sentence: Sentence, taken, words: dict[int, str]) -> Optional[Figure]:
    start, end = m.start(), m.end()
    if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "/.,-")) or _inside(taken, start, end):
        return None
    if end < len(text) and (text[end:end + 1].isdigit() or (text[end:end + 1] in "/" and not m.group("den"))):
        return None
    before = _words_before(text, sentence.start, start, 2)
    if before and before[-1] in _NOT_BEFORE:
        return None
    number = _decimal(m.group("num"))
    total = _decimal(m.group("den")) if m.group("den") else None
    if m.group("pct"):
        return _figure(text, start, end, number, "%", "percent", 1, total, sentence)
    if m.group("glued"):
        return _figure(text, start, end, number, m.group("glued").lower(), "count", 1, total, sentence)
    scale = _SCALES[m.group("scale")] if m.group("scale") else 1
    unit, unit_end, kind = _unit(text, end, sentence.end, words)
    if unit is None:
        return None
    if unit in _PLAN_WORDS and not m.group("scale") and _direction(text, sentence.start, start) == "none":
        # "đạt 20,89 dự toán": a share of the plan whose "%" was dropped
        return _figure(text, start, end, number, "%", "percent", 1, total, sentence)
    return _figure(text, start, unit_end, number * scale, unit, kind, scale,
                   total * scale if total is not None else None, sentence)


def _figure(text, start, end, value, unit, kind, scale, total, sentence) -> Figure:
    if total is not None:
        kind = "ratio"
    before = " ".join(_words_before(text, sentence.start, start, 2))
    qualifier = next((q for q in _QUALIFIERS if before.endswith(q)), None)
    return Figure(
        start, end, text[start:end], value=tidy_number(value), unit=unit, kind=kind, scale=scale,
        direction=_direction(text, sentence.start, start), basis=_basis(text, end, sentence.end),
        indicator="", period=None, qualifier=qualifier, total=tidy_number(total) if total is not None else None,
    )


def _unit(text: str, pos: int, limit: int, words: dict[int, str]) -> tuple[Optional[str], int, str]:
    """The unit after a number: money, a measure, or the counted noun ("lượt khách", "dự án")."""
    rest = text[pos:min(limit, pos + 40)]
    stripped = rest.lstrip()
    if not stripped or len(rest) - len(stripped) > 1 or not rest[:1].isspace():
        return None, pos, ""
    at = pos + len(rest) - len(stripped)
    low = stripped.lower()
    for word, code in sorted(_MONEY.items(), key=lambda kv: -len(kv[0])):
        if low.startswith(word) and not low[len(word):len(word) + 1].isalnum():
            return code, at + len(word), "money"
    for word in _MEASURES:
        if low.startswith(word) and not low[len(word):len(word) + 1].isalnum():
            return word if word != "hécta" else "ha", at + len(word), "measure"
    first = _WORD.match(stripped)
    if first is None:
        return None, pos, ""
    noun = words.get(at, "")
    if not noun or not all(_WORD.fullmatch(part) for part in noun.split()):
        noun = first.group()
    head = noun.split()[0].lower()
    if head in _TIME_UNITS or head in _FUNCTION_WORDS:
        return None, pos, ""
    if noun.isupper() and len(noun) > 1:
        return noun.lower(), at + len(noun), "count"
    if not (noun.islower() or (noun[:1].isupper() and noun[1:].islower())):
        return None, pos, ""
    end = at + len(noun)
    if noun.islower() and text[end:end + 1] == " ":  # "giấy" + "chứng nhận" is one dictionary word
        nxt = words.get(end + 1, "")
        if nxt.islower() and f"{noun} {nxt}" in dictionary():
            end += 1 + len(nxt)
    if noun.lower() == "lượt" and text[end:end + 1] == " ":
        nxt = _WORD.match(text, end + 1)
        if nxt and nxt.group().lower() not in _FUNCTION_WORDS and (nxt.group().islower() or nxt.group().isupper()):
            following = words.get(nxt.start(), nxt.group())
            end = nxt.start() + len(following)
    return text[at:end].lower(), end, "count"


def _words_before(text: str, floor: int, pos: int, n: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[max(floor, pos - 40):pos])][-n:]


def _clause_before(text: str, floor: int, pos: int) -> str:
    """Text from the last clause boundary (, ; : ( .) to `pos`, lower-cased."""
    chunk = text[max(floor, pos - 80):pos]
    cut = max(chunk.rfind(c) for c in ",;:(")
    return chunk[cut + 1:].lower()


def _direction(text: str, floor: int, pos: int) -> str:
    clause = _clause_before(text, floor, pos)
    best, where = "none", -1
    for words, label in ((_UP, "increase"), (_DOWN, "decrease"), (_NEUTRAL, "none")):
        for word in words:
            at = _last_word(clause, word)
            if at > where:
                best, where = label, at
    return best


def _last_word(clause: str, word: str) -> int:
    found = -1
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", clause):
        found = m.start()
    return found


def _basis(text: str, pos: int, limit: int) -> Optional[str]:
    after = text[pos:min(limit, pos + 60)]
    boundary = re.search(r"[;,.(]|\d", after)
    window = after[: boundary.start()] if boundary else after
    for label, pattern in _BASES:
        if re.match(rf"\s*(?:{pattern})", window if label != "plan" else after[:12], re.IGNORECASE):
            return label
        if label != "plan" and re.search(pattern, window, re.IGNORECASE):
            return label
    return None


_VERBS_BEFORE = re.compile(
    r"(?:\s+(?:ước thực hiện|ước đạt|ước tính|ước khoảng|ước|đạt|tăng|giảm|vượt|chiếm|có|là|được|với|"
    r"gồm|khoảng|hơn|gần|trên|dưới|bằng|xuống giống|thu hoạch|gieo trồng|đã|ghi nhận|tiếp nhận|"
    r"phục vụ|thực hiện|giải quyết|ban hành|cấp|so|của|tổng cộng|lên|còn|là|mới))+\s*$",
    re.IGNORECASE,
)
_TIME_WORDS = re.compile(
    r"\b(?:trong\s+)?(?:tháng|quý|qu[ií]|năm|ngày)\s+[\dIVX]+(?:\s*/\s*\d{2,4}){0,2}(?:\s+năm\s+\d{4})?"
    r"|\b\d{1,2}\s+tháng(?:\s*/\s*\d{4}|\s+(?:đầu|cuối)\s+năm)?|\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\b",
    re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")
_NEXT_CLAUSE = re.compile(r"[,;:]|\s+và\s+(?=(?:tăng|giảm|đạt|vượt|chiếm|ước)\b)", re.IGNORECASE)


def _indicator(text: str, floor: int, pos: int) -> str:
    """The noun phrase measured: the clause before the figure without time words and verbs.

    "Chỉ số … công nghiệp (IIP) tháng 03/2023 ước tăng 12,12%" → "Chỉ số … công nghiệp";
    an empty clause ("…, tăng 8,92%") returns "" so the caller keeps the previous indicator.
    """
    chunk = _TIME_WORDS.sub(" ", _PARENTHESES.sub(" ", text[max(floor, pos - 200):pos]))
    chunk = re.split(r"\d+(?:[.,]\d+)*(?:\s*%)?", chunk)[-1]  # after the previous figure
    clause = _NEXT_CLAUSE.split(chunk)[-1]
    clause = _VERBS_BEFORE.sub("", " " + clause.strip()).strip(" ,.-–:")
    clause = re.sub(r"^(?:[-–+•]\s*)?(?:trong đó|tính chung|lũy kế|đến nay|hiện|toàn thành phố)\b\s*,?\s*",
                    "", clause, flags=re.IGNORECASE)
    words = clause.split()
    return " ".join(words) if len(words) >= 2 or (words and words[0][:1].isupper()) else ""


def _period(dates: Sequence[Entity], sentence: Sentence, pos: int) -> Optional[str]:
    before = [d for d in dates if sentence.start <= d.start and d.end <= pos]
    return before[-1].text if before else None


def _inside(spans, start: int, end: int) -> bool:
    from bisect import bisect_right

    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start < spans[i][1]


def _with(figure: Figure, **changes) -> Figure:
    from dataclasses import replace

    return replace(figure, **changes)
