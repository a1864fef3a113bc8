"""The DATE and LEGAL_DOC patterns look ahead for the letter (or digit) their alternatives open
with, so `re` skips every other position at once. That is only a speed-up while every match of
every alternative opens with one of those characters: checked here on the real seed, the written
reports, and sentences with each kind of date and document written out, upper- and lower-cased."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nlp.entities.dates import _OPENS as DATE_OPENS, DATE_ALTERNATIVES, DATE_PATTERN
from nlp.entities.legal import _OPENS as LEGAL_OPENS, LEGAL_BODY, LEGAL_PATTERN
from nlp.pipeline import read_report

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = (
    "Ngày 15/3/2023 đến 20/3/2023, ngày thứ sáu 19/02/2010, Ngày 7-8-2015, 31 tháng 5, 23 tháng Chạp, "
    "ngày 12 tháng 4 năm 2023, (15/3), 10/3 - 12/3/2023, chiều 19/11, từ 01/3 đến hết ngày 10/3/2010, "
    "3 tháng đầu năm 2023, 6 tháng/2023, tháng 3/2023, quý I/2023, quí 2 năm 2022, giai đoạn 2021-2025, "
    "thời kỳ 2021 - 2030, năm học 2023-2024, niên độ 2022-2023, kế hoạch 5 năm 2006-2010, năm 2025, "
    "Tết Nguyên đán Quý Mão 2023, Xuân Giáp Thìn, tầm nhìn đến 2050, 2021-2025.\n"
    "Quyết định số 1234/QĐ-UBND, Nghị định 15/2020/NĐ - CP, Thông tư liên tịch số 14/TTLT / BTC-BTNMT, "
    "Kế hoạch liên tịch số 77/KH-LT, QĐ số 12/QĐ-UB, KH 77/KH-LT, Nghị quyết số 49 của Bộ Chính trị, "
    "các Nghị định của Chính phủ số 181/2004/NĐ-CP, Luật số 45/2005/QH11, Tờ trình số 3954/TTr. UBND, "
    "Công văn 247 / TT.HĐND, Qui định số 06/2008/QĐ-UBND, điều lệ số 5/ĐL-HTX."
)


def _texts() -> list[str]:
    reports = [ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt", *sorted((ROOT / "models/data/reports").glob("*.txt"))]
    texts = [read_report(p).text for p in reports] + [WRITTEN]
    return texts + [t.upper() for t in texts] + [t.lower() for t in texts]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_every_date_alternative_opens_as_the_lookahead_says(texts):
    opens = re.compile(DATE_OPENS, re.IGNORECASE)
    seen = 0
    for alternative in DATE_ALTERNATIVES:
        for text in texts:
            for m in re.finditer(alternative, text, re.IGNORECASE):
                assert opens.match(text, m.start()), (alternative, m.group())
                seen += 1
    assert seen > 1000  # the check ran on real dates, not on nothing


def test_every_legal_match_opens_as_the_lookahead_says(texts):
    seen = 0
    for text in texts:
        for m in re.finditer(LEGAL_BODY, text):
            assert text[m.start()] in LEGAL_OPENS, m.group()
            seen += 1
    assert seen > 100


def test_the_fast_patterns_find_what_the_plain_ones_find(texts):
    plain_date = re.compile("|".join(DATE_ALTERNATIVES), re.IGNORECASE)
    plain_legal = re.compile(LEGAL_BODY)
    for text in texts:
        assert [m.span() for m in DATE_PATTERN.finditer(text)] == [m.span() for m in plain_date.finditer(text)]
        assert [m.span() for m in LEGAL_PATTERN.finditer(text)] == [m.span() for m in plain_legal.finditer(text)]


def test_the_written_sentences_hold_each_kind():
    found = {m.group() for m in DATE_PATTERN.finditer(WRITTEN)}
    assert {"quý I/2023", "Tết Nguyên đán Quý Mão 2023", "Xuân Giáp Thìn", "19/11", "niên độ 2022-2023"} <= found
    docs = {m.group() for m in LEGAL_PATTERN.finditer(WRITTEN)}
    assert {"Quyết định số 1234/QĐ-UBND", "Nghị quyết số 49", "Luật số 45/2005/QH11", "KH 77/KH-LT"} <= docs


LOOKAHEAD = re.compile(r"^\(\?=\[[^\]]+\]\)")
NAMES = ("Hiệp hội Vietnam Airlines, World Bank, Save the Children Fund, VnExpress và Booking.com; "
         "TCVN 5507: 2002, QCVN 01:2009/BYT; tuyến QL.1A, ĐT.743; Liên hợp quốc, Vietcombank.")


@pytest.mark.parametrize("name", ["FOREIGN_ORG_PATTERN", "KNOWN_ORG_PATTERN", "BRAND_PATTERN",
                                  "STANDARD_PATTERN", "ROAD_CODE_PATTERN"])
def test_the_other_patterns_find_what_they_found_without_their_lookahead(texts, name):
    from nlp.entities import rules

    fast = getattr(rules, name)
    assert LOOKAHEAD.match(fast.pattern), "the speed-up this test guards is gone"
    plain = re.compile(LOOKAHEAD.sub("", fast.pattern), fast.flags)
    found = 0
    for text in [*texts, NAMES]:
        spans = [m.span() for m in fast.finditer(text)]
        assert spans == [m.span() for m in plain.finditer(text)]
        found += len(spans)
    assert found >= 2  # the names line holds two of each kind at least
