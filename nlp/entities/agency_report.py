"""AGENCY read from the report around the names the syllable rules found (`agencies.agency_at`).

A unit joined to its parent ("Ban Chỉ đạo … của UBND thành phố"), "Thường trực …" and "… chi
nhánh tỉnh X", names in capitals in the header and the signature block, and a short form
defined once ("(TKV)") with its later uses.
"""

from __future__ import annotations

import re

from nlp.entities import lexicon as lx
from nlp.entities.agencies import starts_agency
from nlp.entities.agency_parts import POST_UNIT
from nlp.entities.candidate import Candidate
from nlp.types import Report

_OF = re.compile(r"\s+của\s+")
_SUBORDINATE = re.compile("(?:" + "|".join(re.escape(h.capitalize()) for h in lx.SUBORDINATE_HEADS) + r")\b")


_MEMBER = re.compile(r"(?:Công đoàn|Đoàn|Chi đoàn|Trường|Đảng [uủ][yỷ]|Chi bộ|Hội)\b")  # of a ministry or command
_OWNER = re.compile(r"Bộ\s")
_UNIT = re.compile(r"(?:[Pp]hòng|Vụ|Ban|[Vv]ăn phòng|Chi cục|Trung tâm)\s")  # a department of a body
_PARENT = re.compile(r"(?:Bộ|Cục|Tổng cục|Sở|UBND|Uỷ ban|Ủy ban)\s")
_OF_MINISTRY = re.compile(r"(?:Cục|Tổng cục|Vụ|Viện|Thanh tra)\s")  # "Cục Quân y Bộ Quốc phòng"
_MINISTRY = re.compile(r"Bộ\s")
_CENTRE = re.compile(r"(?:Trung ương|TW)$")
_CENTRAL_OF = re.compile(r"(?:Đoàn|Hội|Liên đoàn|Mặt trận|Đảng)\b")  # "Trung ương Đoàn", "Trung ương Hội Nông dân"


def _belongs(text: str, prev: Candidate, cand: Candidate) -> bool:
    """Is `prev` a unit of the body `cand` right after it: "… của UBND thành phố", a union or
    school written straight before its ministry or command ("Công đoàn Bộ Nội vụ", "Trường
    Quân sự Bộ Tư lệnh Thủ đô"), or "Trung ương" before a mass organisation ("Trung ương Đoàn …")?"""
    if prev.label != "AGENCY" or cand.label != "AGENCY":
        return False
    if _SUBORDINATE.match(text, prev.start) and _OF.fullmatch(text, prev.end, cand.start):
        return True
    if text[prev.end:cand.start] != " ":
        return False
    if _UNIT.match(text, prev.start) and _PARENT.match(text, cand.start) and not _PARENT.match(text, prev.start):
        return True  # "phòng Tổ chức - Cán bộ Cục Văn thư …": a unit written straight before its parent
    if _OF_MINISTRY.match(text, prev.start) and _MINISTRY.match(text, cand.start):
        return True  # "Cục Thi hành án Bộ Quốc phòng": a department of the ministry after it
    return bool((_MEMBER.match(text, prev.start) and _OWNER.match(text, cand.start))
                or (_CENTRE.fullmatch(text, prev.start, prev.end) and _CENTRAL_OF.match(text, cand.start)))


def join_parents(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "Ban Chỉ đạo … của UBND thành phố", "Công đoàn Bộ Nội vụ": a unit and the body it belongs
    to are one AGENCY."""
    out: list[Candidate] = []
    for cand in kept:
        prev = out[-1] if out else None
        if prev is not None and _belongs(text, prev, cand):
            out[-1] = Candidate("AGENCY", prev.start, cand.end, "agency-of")
        else:
            out.append(cand)
    return out


_STANDING = re.compile(r"(?:Thường trực|Ban Thường vụ)\s+$")
_POSITION = re.compile(r"(?:[Tt]ướng|[Cc]hủ tịch|[Bb]í thư|[Tt]rưởng|[Đđ]ốc)\s+$")  # "Phó Thủ tướng Thường trực"
_BRANCH = re.compile(r"\s*[-–]?\s*[Cc]hi nhánh\s+(?:(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|khu vực)\s+)?"
                     r"(?:[A-ZĐ]\w*|\d+)(?:\s+(?:[A-ZĐ]\w*|\d+))*")


def extend_agency(text: str, cand: Candidate) -> Candidate:
    """ "Thường trực HĐND tỉnh" and "Ngân hàng … chi nhánh tỉnh Quảng Ninh" are one AGENCY."""
    if cand.label != "AGENCY":
        return cand
    start, end = cand.start, cand.end
    before = _STANDING.search(text, max(0, start - 20), start)
    if before and before.end() == start and not _POSITION.search(text, max(0, before.start() - 12), before.start()):
        start = before.start()
    branch = _BRANCH.match(text, end)
    if branch and "\n" not in branch.group() and "\t" not in branch.group():
        end = branch.end()
    return cand if (start, end) == (cand.start, cand.end) else Candidate("AGENCY", start, end, cand.rule)


_CAPS_SEGMENT = re.compile(r"[^\t\n]+?(?=\t|\s{3,}|$)", re.MULTILINE)
_SIGNATURE_PREFIX = re.compile(r"(?:TM|KT|TL|TUQ|Q)\.\s*")


def agencies_in_capitals(report: Report) -> list[Candidate]:
    """Agency names written in capitals in the header and the signature block
    ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", "TM. ỦY BAN NHÂN DÂN"), each column of a line on its own."""
    out = []
    for par in report.paragraphs:
        if par.end > report.body_end or len(par.text) > 160:
            continue
        for m in _CAPS_SEGMENT.finditer(report.text, par.start, par.end):
            start, end = m.start(), m.end()
            prefix = _SIGNATURE_PREFIX.match(report.text, start, end)
            start = prefix.end() if prefix else start
            while start < end and report.text[start].isspace():
                start += 1
            segment = report.text[start:end].rstrip(" .:")
            letters = [ch for ch in segment if ch.isalpha()]
            if len(letters) >= 4 and all(ch.isupper() for ch in letters) and starts_agency(segment):
                out.append(Candidate("AGENCY", start, start + len(segment), "agency-capitals"))
    return out


_ABBREVIATION = re.compile(r"\s*\(([A-ZĐ][A-ZĐ0-9&]{1,9})\)")


def abbreviations(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "Khu công nghiệp Vĩnh Thạnh (VSIP)": a capitals-only short form right after a name."""
    found = []
    for cand in kept:
        if cand.label in ("AGENCY", "PROJECT"):
            match = _ABBREVIATION.match(text, cand.end)
            if match:
                found.append(Candidate("AGENCY", match.start(1), match.end(1), "abbreviation"))
    return found


def abbreviation_uses(text: str, blocks, defined: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    """A short form defined once ("… (TKV)") names the same body wherever it stands alone."""
    forms = {text[c.start:c.end] for c in defined}
    if not forms:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
                         + r")(?![\w-])")
    taken = [(c.start, c.end) for c in kept]
    out = []
    for start, end in blocks:
        for m in pattern.finditer(text, start, end):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(Candidate("AGENCY", m.start(), m.end(), "abbreviation-use"))
    return out


_DEFINED = re.compile(r"\((?:[Ss]au|[Dd]ưới) đây (?:được )?gọi (?:tắt |chung )?là:?\s*([^(),;\n]{2,80}?)\s*\)")
_POST_AFTER = r"(?!\s+[Tt]rưởng\b)"  # "Chi cục Trưởng", "Phó Chi cục trưởng": a post, not the body
_LEVEL_WORDS = re.compile(r"\b(?:cấp|các|những)\b")


def defined_names(text: str, blocks) -> list[Candidate]:
    """ "… (dưới đây gọi tắt là Ban Chỉ đạo Hội nghị X 2010)": a body's short name defined in the
    text is an AGENCY there and at each later use, whole ("… 2010" included). Only a name that
    opens with an agency head and is more than the head; not a level ("Uỷ ban nhân dân cấp tỉnh":
    there only "Uỷ ban nhân dân" is the AGENCY, docs/annotation.md)."""
    names = {}
    for start, end in blocks:
        for m in _DEFINED.finditer(text, start, end):
            name = m.group(1)
            if name[0].isupper() and len(name.split()) >= 2 and starts_agency(name) \
                    and not _LEVEL_WORDS.search(name):
                names.setdefault(name, m.start(1))
    if not names:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w-])" + _POST_AFTER)
    return [Candidate("AGENCY", m.start(), m.end(), "defined-name")
            for start, end in blocks for m in pattern.finditer(text, start, end) if m.start() >= names[m.group()]]


def unit_uses(text: str, blocks, kept: list[Candidate]) -> list[Candidate]:
    """Every use of a unit a post named with its lower-case field ("Trưởng Ban bảo vệ dân phố"):
    written the same way elsewhere in the document ("kinh phí cho Ban bảo vệ dân phố được …") it is
    the same body, though no post stands before it there."""
    names = {text[c.start:c.end] for c in kept if c.rule == POST_UNIT}
    if not names:
        return []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
                         + r")(?![\w-])")
    return [Candidate("AGENCY", m.start(), m.end(), "unit-use")
            for start, end in blocks for m in pattern.finditer(text, start, end)]
