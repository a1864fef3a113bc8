"""One number match → one `Figure` (value in base units, unit, kind, direction, basis), or None
when the number is not a figure: an article, clause or appendix number ("Điều 27", "khoản 3",
"Phụ lục 02"), an ordinal ("lần thứ 2"), a document number ("số 15/2020/NĐ-CP"), a year or a
day ("năm 2009", "ngày 15"), a standard's code ("22 TCN 265-06") or a duration ("03 tháng")."""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from dataclasses import replace
from typing import Optional

from nlp.figures import trend
from nlp.figures.numbers import FIGURE, SCALES, decimal
from nlp.figures.units import money_context, measure_name, rate_after_noun, rate_suffix, read_unit
from nlp.numeric import tidy_number
from nlp.types import Figure, Sentence

# "lần thứ 2", "giai đoạn 2", "khóa 15", "mũi 3", "lớp 4", "Điều 27", "khoản 3": identifiers.
_NOT_BEFORE = frozenset("thứ số lần giai đoạn khóa khoá mũi lớp lô mức vòng đợt tuổi nhóm "
                        "điều khoản điểm mục chương tiết phần biểu mẫu bảng hình trang quyển tập bậc".split())
# "khu phố 12 phường 6", "ấp 3", "tổ 5", "quận 5", "hạng 3", "loại 2": names and classes (but "phường 40%").
# "khu phố 12", "phường 6", "loại 2": a number that names a unit or a class — a small whole number, and
# not "thành phố 126.480 hồ sơ" (a level, then a count) or "phân hạng 52 sản phẩm" (classify 52 of them).
_NAME_BEFORE = re.compile(r"(?<!\w)(?<!thành )(?<!phân )(?:phố|ấp|thôn|xóm|tổ|quận|phường|khu|đội|hạng|loại)[ \t]+$",
                          re.IGNORECASE)
_NAME_NUMBER = re.compile(r"\d{1,3}")
# "Điều 29, 30 và 33 Luật …": the later numbers of a list of articles or clauses.
_LISTED = re.compile(r"(?:điều|khoản|điểm|mục|chương|phụ lục|đối tượng)\s+\d+(?:\s*(?:,|và|hoặc|đến)\s*\d+)*"
                     r"\s*(?:,|và|hoặc|đến)\s*$", re.IGNORECASE)
_DENOMINATOR = re.compile(r"/[ \t]*$")
# A programme, then what it does, right before a figure; words that make the figure its amount, not its name:
# "dự án có 5 triệu …", "đạt 2 triệu".
_NOT_A_NAME = frozenset("có là đạt gồm với bằng chiếm tổng khoảng được còn tăng giảm vượt".split())
_PROGRAMME_BEFORE = re.compile(r"(?<![^\W\d_])(?:dự[ \t]+án|chương[ \t]+trình|đề[ \t]+án)((?:[ \t]+[^\W\d_]+){0,3})[ \t]+$",
                               re.IGNORECASE)
# "vị trí 1 đường …", "bậc 2": the position or tier a land-price table or a tariff names a row by.
_NOT_BEFORE_PAIRS = frozenset(["phụ lục", "phụ biểu", "tờ bản", "bản đồ", "thửa đất", "cấp độ", "mức độ", "vị trí"])
_COUNTS_BEFORE = frozenset(["dân số", "tổng số"])  # "dân số 1,2 triệu người" counts
# "năm 2009", "tháng 3", "ngày 15", "quý 2": a time, not a quantity.
_TIME_BEFORE = {"năm": (1900, 2100), "tháng": (1, 12), "ngày": (1, 31), "quý": (1, 4)}
# The serial and year after a standard's letters: "… tcvn 183-88".
_CODE_TAIL = re.compile(r"[ \t]?\d+[-–]\d{2}\b")
_PLAN_WORDS = frozenset(["dự toán", "kế hoạch", "kh"])
_REFERENCE_UNITS = frozenset(["điều", "khoản", "điểm", "chương", "mục", "phần", "phụ lục", "nghị định", "quyết định",
                              "thông tư", "luật", "pháp lệnh", "quy chế", "điều lệ", "chỉ thị", "nghị quyết", "tcn",
                              "tcvn", "qcvn"])


def read_figure(text: str, m: re.Match, sentence: Sentence, taken, words: dict[int, str]) -> Optional[Figure]:
    """The figure a `numbers.FIGURE` match starts, or None (see the module docstring)."""
    start, end = m.start(), m.end()
    if _is_identifier(text, m, sentence, taken):
        return None
    number, high = decimal(m.group("num")), m.group("high")
    total = decimal(m.group("den")) if m.group("den") else None
    if high is not None and (decimal(high) <= number or m.group("lowpct") and not m.group("pct")):
        return None  # "340 - 250": arithmetic, not a range
    rate, rate_end = rate_suffix(text, end, sentence.end, words)
    if m.group("pct"):
        return _figure(text, (start, rate_end), sentence, number, "%" + rate, "percent", 1, total, high)
    if m.group("gmeasure"):
        if not rate:
            rate, rate_end = rate_after_noun(text, end, sentence.end, words)
        return _figure(text, (start, rate_end), sentence, number, measure_name(m.group("gmeasure")) + rate,
                       "measure", 1, total, high)
    if m.group("glued"):
        if re.match(r"\s?\d", text[end:end + 2]):
            return None  # "22TCN 265": a standard's code
        return _figure(text, (start, end), sentence, number, m.group("glued").lower(), "count", 1, total, high)
    return _spelled_unit(text, m, sentence, words, number, total)


# "từ 0,5m3 đến dưới 1m3/giây", "từ 20 tỷ đồng đến 50 tỷ đồng": a range written with its unit twice.
_RANGE_LINK = re.compile(r"[ \t]*(?:[-–]|đến|tới)[ \t]+(?:dưới[ \t]+|trên[ \t]+)?")


def join_range(text: str, figure: Figure, sentence: Sentence, taken, words: dict[int, str]) -> Figure:
    """`figure` widened to the range it opens when its upper end repeats the unit; else `figure`."""
    link = _RANGE_LINK.match(text, figure.end, sentence.end)
    if figure.high is not None or figure.total is not None or link is None:
        return figure
    m = FIGURE.match(text, link.end(), sentence.end)
    upper = read_figure(text, m, sentence, taken, words) if m else None
    if upper is None or upper.kind != figure.kind or upper.total is not None or upper.value <= figure.value \
            or not (upper.unit == figure.unit or upper.unit.startswith(figure.unit + "/")):
        return figure
    return replace(figure, end=upper.end, text=text[figure.start:upper.end], unit=upper.unit, high=upper.value,
                   basis=figure.basis or upper.basis)


# "hơn 6, 7 triệu đoàn viên", "dài 0, 5 km": a decimal comma that a text conversion gave a space.
_SPACED_WHOLE = re.compile(r"(?<![\d.,/])(\d{1,3}), $")
_SPACED_FRACTION = re.compile(r"\d{1,2}")


def join_spaced_decimal(text: str, figure: Figure, sentence: Sentence) -> Figure:
    """`figure` with the whole part a space cut off ("6, " + "7 triệu" → 6,7 triệu) when its
    number is one or two bare digits with a scale word or a unit after; else `figure`."""
    whole = _SPACED_WHOLE.search(text, max(sentence.start, figure.start - 5), figure.start)
    digits = re.match(r"\d+", figure.text).group()
    if whole is None or not _SPACED_FRACTION.fullmatch(digits) or figure.high is not None or figure.total is not None \
            or figure.kind in ("count", "ratio") and figure.scale == 1:
        return figure  # "Điều 5, 6 và 7", "các khoản 1, 2 xã": a list, not a decimal
    number = decimal(f"{whole.group(1)},{digits}")
    return replace(figure, start=whole.start(), text=text[whole.start():figure.end],
                   value=tidy_number(number * figure.scale))


def _spelled_unit(text, m, sentence, words, number, total) -> Optional[Figure]:
    start, end, high = m.start(), m.end(), m.group("high")
    scale = SCALES[m.group("scale")] if m.group("scale") else 1
    unit, unit_end, kind = read_unit(text, end, sentence.end, words)
    if unit is None and scale >= 10**6 and money_context(trend.clause_before(text, sentence.start, start)):
        unit, unit_end, kind = "VND", end, "money"  # "tổng vốn 1.200 tỷ"
    if unit is None:
        return None
    if kind == "count" and unit.isalpha() and (unit.upper() == text[end + 1:unit_end] and re.match(
            r"\s?\d", text[unit_end:unit_end + 2]) or _CODE_TAIL.match(text, unit_end)):
        return None  # "22 TCN 265-06", and "53 tvc 183-88" where the text lost its capitals
    if kind == "count" and (_is_reference(text, m, unit, unit_end) or _names_a_kind(text, start, unit, unit_end)):
        return None
    if scale > 1 and kind != "money" and _names_a_programme(text, sentence.start, start):
        return None  # "dự án (trồng mới) 5 triệu ha rừng": a programme named by its round target ("chương trình 32 tàu" counts)
    if unit in _PLAN_WORDS and not m.group("scale") and trend.direction(text, sentence.start, start) == "none":
        # "đạt 20,89 dự toán": a share of the plan whose "%" was dropped
        return _figure(text, (start, end), sentence, number, "%", "percent", 1, total, high)
    rate, rate_end = rate_suffix(text, unit_end, sentence.end, words)
    if not rate and kind in ("measure", "money"):
        rate, rate_end = rate_after_noun(text, unit_end, sentence.end, words)  # "450 kg thóc/năm"
    return _figure(text, (start, rate_end), sentence, number * scale, unit + rate, kind, scale,
                   total * scale if total is not None else None, high, scale)


# "làm việc 8 tiếng", "8 tiếng đồng hồ": hours ("3 tiếng dân tộc" counts languages).
_HOURS_AFTER = re.compile(r"\s*(?:[^\w\s]|$|đồng hồ\b|(?:mỗi|một|trong|trên|liên tục|và|hoặc)\b)")
# "mã 16 bit", "phân nhóm 6 số hoặc 8 số": the width of a code, a kind of code rather than a quantity.
_WIDTHS = frozenset(["bit", "byte", "số", "chữ số", "ký tự", "kí tự"])
_DIGITS = frozenset(["chữ số", "ký tự", "kí tự"])
_CODE_BEFORE = re.compile(r"\b(?:mã|nhóm|dãy|ký tự|kí tự)\b(?:\s+\S+){0,5}\s*$", re.IGNORECASE)


def _names_a_kind(text: str, start: int, unit: str, unit_end: int) -> bool:
    """A count that is no quantity: a duration in hours ("làm việc 8 tiếng") or the width of a code
    ("Bộ mã ký tự 16 bit", "phân nhóm 8 số")."""
    if unit in ("tiếng", "tiếng đồng hồ"):
        return unit != "tiếng" or _HOURS_AFTER.match(text, unit_end) is not None
    if unit in _DIGITS:
        return True  # "ngày, tháng dùng 2 chữ số": a field's width, wherever it is written
    return unit in _WIDTHS and _CODE_BEFORE.search(text[max(0, start - 60):start]) is not None


def _is_reference(text: str, m: re.Match, unit: str, unit_end: int) -> bool:
    """ "khoản 1, 2 và 5 Điều 50", "Điều 2 Nghị định số 78", "năm 2009 Doanh nghiệp": a reference
    or a year, not a count (Vietnamese writes a count of 2.008 with its dot)."""
    if re.fullmatch(r"(?:19|20)\d\d", m.group(0).strip()):
        return True
    return unit in _REFERENCE_UNITS and re.match(r"\s*(?:\d|số\b|này\b)", text[unit_end:unit_end + 6]) is not None


def _figure(text, span, sentence, value, unit, kind, scale, total, high, high_scale=1) -> Figure:
    start, end = span
    if total is not None:
        kind = "ratio"
    return Figure(
        start, end, text[start:end], value=tidy_number(value), unit=unit, kind=kind, scale=scale,
        direction=trend.direction(text, sentence.start, start), basis=trend.basis(text, end, sentence.end),
        qualifier=trend.qualifier(text, sentence.start, start),
        total=tidy_number(total) if total is not None else None,
        high=tidy_number(decimal(high) * high_scale) if high is not None else None,
    )


def _is_identifier(text: str, m: re.Match, sentence: Sentence, taken) -> bool:
    start, end = m.start(), m.end()
    if (start > 0 and (text[start - 1].isalnum() or text[start - 1] in "/.,-")) or _inside(taken, start, end):
        return True
    if end < len(text) and (text[end:end + 1].isdigit() or (text[end:end + 1] in "/" and not m.group("den")
                                                           and not m.group("pct") and not m.group("gmeasure"))):
        return True
    if text[end:end + 1] in "./" and text[end + 1:end + 2].isdigit():
        return True  # "2.1.3", "12/2023" cut short
    if _DENOMINATOR.search(text, max(sentence.start, start - 3), start):
        return True  # "1.000.000 đồng / 1 lao động": the denominator of a rate, not a count of its own
    if _LISTED.search(text, max(sentence.start, start - 60), start):
        return True
    before = trend.words_before(text, sentence.start, start, 2)
    if before and (before[-1] in _NOT_BEFORE and " ".join(before) not in _COUNTS_BEFORE
                   or " ".join(before) in _NOT_BEFORE_PAIRS):
        return True
    if (_NAME_BEFORE.search(text[max(sentence.start, start - 12):start]) and _NAME_NUMBER.fullmatch(m.group("num"))
            and not (m.group("pct") or m.group("gmeasure"))):
        return True
    if before and before[-1] in _TIME_BEFORE and not m.group("high"):
        low, high = _TIME_BEFORE[before[-1]]
        return low <= Decimal(decimal(m.group("num"))) <= high and "," not in m.group("num")
    return False


def _inside(spans, start: int, end: int) -> bool:
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start < spans[i][1]


def _names_a_programme(text: str, floor: int, pos: int) -> bool:
    """Do the words right before a scaled target name a programme by it: "dự án 5 triệu …", "dự án trồng mới
    5 triệu …" (a programme, then at most three syllables of what it does, no sign or number between), not
    "dự án có 5 triệu …", "Đề án 06, cấp 1,28 triệu thẻ"?"""
    m = _PROGRAMME_BEFORE.search(text, max(floor, pos - 60), pos)
    return m is not None and not _NOT_A_NAME & set(m.group(1).lower().split())
