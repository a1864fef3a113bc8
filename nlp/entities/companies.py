"""AGENCY: companies by their legal form, company boards, and brands written in Latin script.

"Công ty TNHH một thành viên Xổ số kiến thiết Quảng Nam", "Công ty Cổ phần Xi măng Hà Tiên 1 -
Vicem", "Công ty mẹ - Tập đoàn Hoá chất Việt Nam", "Hội đồng quản trị Tổng công ty Hoá chất
Việt Nam", "Booking.com", "VnExpress". The legal form ("TNHH", "cổ phần", "MTV", "mẹ") is
skipped in any case before the name; a board takes the company it governs.
"""

from __future__ import annotations

import re
from typing import Iterator

from nlp.entities.candidate import Candidate
from nlp.entities.names import name_body
from nlp.entities.syllables import Phrases, Syl, match

_COMPANY_HEADS = Phrases(["công ty", "tổng công ty", "tập đoàn", "hợp tác xã", "liên hiệp hợp tác xã", "ngân hàng"])
_LEGAL_FORMS = Phrases(["tnhh", "mtv", "một thành viên", "hai thành viên trở lên", "trách nhiệm hữu hạn",
                        "cổ phần", "cp", "mẹ", "liên doanh", "hợp danh", "tư nhân", "nhà nước", "thương mại cổ phần",
                        "tmcp", "jsc"])
_BOARDS = Phrases(["hội đồng quản trị", "hội đồng thành viên", "ban kiểm soát", "ban giám đốc", "ban điều hành"])
# CamelCase brands ("VnExpress", "VietinBank") and web names ("Booking.com", "Tiki.vn")
BRAND_PATTERN = re.compile(r"(?=[A-Z])(?<![\w.@/])(?:[A-Z][a-z]+(?:[A-Z][a-z]+)+"
                           r"|[A-Z][A-Za-z0-9]+\.(?:com|net|org|vn|com\.vn))(?![\w@]|\.\w)")


def company_end(syls: list[Syl], i: int, form_needed: bool = True) -> int:
    """Index after a company whose head is at i (i if none): the head, its legal forms, the
    proper name ("Công ty mẹ - Tập đoàn …" runs on to the group's name). Without a legal form
    (`form_needed`) `agencies.agency_at` reads the name."""
    head = match(syls, i, _COMPANY_HEADS)
    if not head or not syls[i].cap:
        return i
    k = i + head
    while k < len(syls) and not syls[k].gap and match(syls, k, _LEGAL_FORMS):
        k += match(syls, k, _LEGAL_FORMS)
    if k == i + head and form_needed:
        return i
    if syls[k - 1].low == "mẹ" and k + 1 < len(syls) and syls[k].text in "-–":
        parent = company_end(syls, k + 1, form_needed=False)
        return parent if parent > k + 1 else i
    if k >= len(syls) or not syls[k].cap or syls[k].gap:
        return i
    end = name_body(syls, k)
    return end if end > k else i


def company_at(syls: list[Syl], i: int) -> Iterator[Candidate]:
    """A company by its legal form at i, or a board ("Hội đồng quản trị") and its company."""
    end = company_end(syls, i)
    if end > i:
        yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "company")
        return
    board = match(syls, i, _BOARDS)
    if not board or not syls[i].cap:
        return
    k = i + board
    owned = company_end(syls, k, form_needed=False) if k < len(syls) else k
    if owned <= k and k < len(syls) and syls[k].cap and match(syls, k, _COMPANY_HEADS):
        owned = k + match(syls, k, _COMPANY_HEADS)  # "Hội đồng quản trị Tổng công ty" (named before)
    yield Candidate("AGENCY", syls[i].start, syls[max(owned, k) - 1].end, "company-board")
