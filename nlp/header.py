"""Header fields of a Vietnamese administrative report: number, issuer, place, date, title, period.

The national layout (Nghị định 30/2020/NĐ-CP) puts the issuing agency top left, the motto
top right, then "Số: N/BC-XX" and "<place>, ngày d tháng m năm y", then the title in
capitals. Word's .txt export flattens the two columns into one line separated by runs of
spaces, so columns are split on 2+ spaces or tabs.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional, Sequence

from nlp.entities.agencies import starts_agency
from nlp.entities.lexicon import ISSUER_HEADS
from nlp.types import HeaderField, Paragraph, Period

_NUMBER = re.compile(r"\bSố\s*[:.]?\s*(\d+\s*(?:/\s*[0-9A-Za-zĐđ\-]+)+)")
_DATE_WORDS = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_DIGITS = re.compile(r"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
_PLACE = re.compile(r"((?:[^\s,\d][^\s,]*)(?: [^\s,]+)*)\s*,\s*$")
_COLUMN_BREAK = re.compile(r"\s{2,}|\t")
_MOTTO = re.compile(r"CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|^[-_=–—.\s]+$")
_DOC_TYPE = re.compile(
    r"(BÁO CÁO|KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|THÔNG TƯ|THÔNG BÁO|TỜ TRÌNH|"
    r"CÔNG VĂN|CHƯƠNG TRÌNH|ĐỀ ÁN|HƯỚNG DẪN|NGHỊ ĐỊNH|LUẬT)\b")
_NOT_TITLE = re.compile(r"(Kính gửi|Căn cứ|Thực hiện|\(|[-–+*•]|[IVX]+\.|\d+\.)")
_CLOSING_ISSUER = re.compile(
    "((?:UBND|" + "|".join(re.escape(h[:1].upper() + h[1:]) for h in ISSUER_HEADS) + r")\b[^,;.]*?)"
    r"\s+(?:xin\s+|trân trọng\s+|kính\s+)?báo cáo")
# Issuer codes in document symbols (BC-SKHĐT): a closed list of common provincial bodies.
_SYMBOL_ISSUERS = {
    "SKHĐT": "Sở Kế hoạch và Đầu tư", "STC": "Sở Tài chính", "SCT": "Sở Công Thương",
    "SNNPTNT": "Sở Nông nghiệp và Phát triển nông thôn", "SNN": "Sở Nông nghiệp và Phát triển nông thôn",
    "SYT": "Sở Y tế", "SGDĐT": "Sở Giáo dục và Đào tạo", "STNMT": "Sở Tài nguyên và Môi trường",
    "SXD": "Sở Xây dựng", "SGTVT": "Sở Giao thông vận tải", "SNV": "Sở Nội vụ", "STP": "Sở Tư pháp",
    "SLĐTBXH": "Sở Lao động - Thương binh và Xã hội", "STTTT": "Sở Thông tin và Truyền thông",
    "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch", "SKHCN": "Sở Khoa học và Công nghệ",
    "UBND": "Ủy ban nhân dân", "CTK": "Cục Thống kê",
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
# Where a title turns to the plan ("… VÀ PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III"): not the period covered.
_FORWARD_LOOKING = re.compile(
    r"\bvà\s+(?:các\s+)?(?:phương hướng|nhiệm vụ|kế hoạch|công tác|giải pháp|mục tiêu)"
    r"|\bphương hướng", re.IGNORECASE)


def parse_header(
    text: str, header: Sequence[Paragraph], closing: Sequence[Paragraph]
) -> list[HeaderField]:
    """Header fields found in the paragraphs before the first section (and the closing lines)."""
    fields: list[HeaderField] = []
    number_par = None
    for i, par in enumerate(header):
        match = _NUMBER.search(par.text)
        if match and not any(f.name == "number" for f in fields):
            value = re.sub(r"\s+", "", match.group(1))
            fields.append(_field(text, par, match.span(1), "number", value))
            number_par = i
        date = _date_field(text, par)
        if date and not any(f.name == "date" for f in fields):
            fields.extend(date)
            number_par = i if number_par is None else number_par
    title = _title(text, header, number_par)
    if title:
        fields.append(title)
        period = parse_period(title.value)
        if period:
            fields.append(HeaderField(title.start, title.end, title.text, "period", period.text))
    issuer = _issuer(text, header[: number_par or 0], closing, fields)
    if issuer:
        fields.append(issuer)
    return fields


def _field(text: str, par: Paragraph, span: tuple[int, int], name: str, value: str) -> HeaderField:
    start, end = par.start + span[0], par.start + span[1]
    return HeaderField(start, end, text[start:end], name, value)


def _date_field(text: str, par: Paragraph) -> list[HeaderField]:
    match = _DATE_WORDS.search(par.text) or _DATE_DIGITS.search(par.text)
    if not match:
        return []
    day, month, year = (int(g) for g in match.groups())
    try:
        value = dt.date(year, month, day).isoformat()
    except ValueError:
        return []
    found = [_field(text, par, match.span(), "date", value)]
    before = par.text[: match.start()]
    column = _COLUMN_BREAK.split(before)[-1] if before.strip() else ""
    place = _PLACE.search(column)
    if place and not _NUMBER.search(column):
        offset = len(before) - len(column)
        span = (offset + place.start(1), offset + place.end(1))
        found.append(_field(text, par, span, "place", place.group(1)))
    return found


def _title(text: str, header: Sequence[Paragraph], after: Optional[int]) -> Optional[HeaderField]:
    """The lines from a document type ("BÁO CÁO") to the first blank line, marker or "Kính gửi".

    A bare type line is followed by its subject, in capitals or (bold, in Word) sentence case.
    """
    start_at = 0 if after is None else after + 1
    lines: list[Paragraph] = []
    for par in header[start_at:]:
        if not lines:
            if _DOC_TYPE.match(par.text) or (start_at and _is_capitals(par.text)):
                lines.append(par)
            continue
        if par.line != lines[-1].line + 1 or _MOTTO.search(par.text) or _NOT_TITLE.match(par.text):
            break
        if _is_capitals(par.text) or len(lines) == 1 or par.text[:1].islower():
            lines.append(par)
        else:
            break
    if not lines:
        return None
    start, end = lines[0].start, lines[-1].end
    value = " ".join(" ".join(p.text for p in lines).split())
    return HeaderField(start, end, text[start:end], "title", value)


def _is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _issuer(text, top: Sequence[Paragraph], closing: Sequence[Paragraph], fields) -> Optional[HeaderField]:
    """Top-left agency lines, else "<agency> kính báo cáo" at the end, else the symbol code."""
    found = _issuer_from_top(text, top)
    if found:
        return found
    for par in closing:
        match = _CLOSING_ISSUER.search(par.text)
        if match:
            return _field(text, par, match.span(1), "issuer", match.group(1))
    number = next((f for f in fields if f.name == "number"), None)
    if number:
        for code, name in _SYMBOL_ISSUERS.items():
            at = number.text.find(code)
            if at >= 0 and number.text[at + len(code):at + len(code) + 1] in ("", "-", "/"):
                return HeaderField(number.start + at, number.start + at + len(code), code, "issuer", name)
    return None


def _issuer_from_top(text: str, top: Sequence[Paragraph]) -> Optional[HeaderField]:
    """The left column's last agency block ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN" + "NÔNG THÔN").

    The value takes the casing the body uses for the same name ("Sở Nông nghiệp và Phát
    triển nông thôn"), pointing at that mention; else the first header line as written.
    """
    columns = []
    for par in top:
        column = _COLUMN_BREAK.split(par.text.strip())[0]
        if column and not _MOTTO.search(column) and _is_capitals(column):
            columns.append((par, column))
    # a block opens with the lexicon's agency head or name, read as the entity rules read it
    heads = [i for i, (_, column) in enumerate(columns) if starts_agency(column)]
    if not columns:
        return None
    block = columns[heads[-1] if heads else -1:]
    name = " ".join(column for _, column in block)
    pattern = r"\s+".join(re.escape(word) for word in name.split())
    mention = re.compile(pattern, re.IGNORECASE).search(text, block[-1][0].end)
    if mention:
        return HeaderField(mention.start(), mention.end(), mention.group(), "issuer", mention.group())
    par, column = block[0]
    start = par.start + par.text.index(column)
    return HeaderField(start, start + len(column), column, "issuer", name)


def parse_period(title: str) -> Optional[Period]:
    """``parse_period("… THÁNG 3, QUÝ I VÀ … THÁNG 4 NĂM 2023")`` → month 3, quarter 1, 2023."""
    lowered = title.lower()
    cut = _FORWARD_LOOKING.search(lowered)
    covered = lowered[: cut.start()] if cut and cut.start() > 0 else lowered
    years = re.findall(r"(?:năm|/)\s*(\d{4})\b", covered) or re.findall(r"\b((?:19|20)\d{2})\b", lowered)
    if not years:
        return None
    year = int(years[0])
    months = re.search(r"\b(\d{1,2})\s+tháng\s+(đầu|cuối)?", covered)
    month = re.search(r"tháng\s+(\d{1,2})\b", covered)
    quarter = re.search(r"quý\s+(iv|iii|ii|i|[1-4])\b", covered)
    q = None
    if quarter:
        q = _ROMAN.get(quarter.group(1)) or int(quarter.group(1))
    m = int(month.group(1)) if month and 1 <= int(month.group(1)) <= 12 else None
    half = None
    first, last = 1, 12
    if q:
        first, last = 3 * q - 2, 3 * q
    elif months and months.group(2) == "cuối" and months.group(1) == "6":
        half, first, last = 2, 7, 12
    elif months and 1 <= int(months.group(1)) <= 12:
        last = int(months.group(1))
        half = 1 if last == 6 else None
    if m and not q and not months:
        first = last = m
    return Period(
        year=year, month=m, quarter=q, half=half,
        start=dt.date(year, first, 1).isoformat(),
        end=dt.date(year, last, calendar.monthrange(year, last)[1]).isoformat(),
        text=_period_label(year, m, q, half),
    )


def _period_label(year: int, month, quarter, half) -> str:
    parts = []
    if month:
        parts.append(f"tháng {month}")
    if quarter:
        parts.append(f"quý {['I', 'II', 'III', 'IV'][quarter - 1]}")
    if half:
        parts.append(f"6 tháng {'đầu' if half == 1 else 'cuối'} năm")
    return (", ".join(parts) + f" năm {year}").strip()
