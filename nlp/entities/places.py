"""LOCATION: admin units and their names ("quận Ninh Kiều"), known places, sites ("vịnh Hạ
Long", "sông Cấm"), the country's full name, and bare names listed after a unit ("huyện Tiên
Lãng, Vĩnh Bảo và An Lão")."""

from __future__ import annotations

import re
from typing import Iterator

from nlp.entities import gazetteer, lexicon as lx
from nlp.entities.candidate import Candidate
from nlp.entities.names import counts_something, is_person_at, starts_other_name, stop_at
from nlp.entities.phrases import ADMIN, AGENCY_NAMES, LARGE_UNIT_NAMES, PLACES, SITES, STOP, UNIT_NAMES
from nlp.entities.syllables import Phrases, Syllables, dictionary, lower_case_line, match

_REGIONS = Phrases(lx.REGIONS)
_ROMAN = re.compile(r"[IVX]+")
# district-level names of three syllables or more: distinct enough to be places without a unit
_LONG_DISTRICTS = Phrases([d for d in gazetteer.districts() if len(d.split()) >= 3 and "(" not in d],
                          fold=gazetteer.fold)
# the country's full name, or a kingdom's: "Vương quốc Campuchia", "Vương quốc Anh"
_COUNTRY_FULL = Phrases([*lx.COUNTRY_FULL_NAMES, *(f"vương quốc {c}" for c in lx.COUNTRIES)])


def is_place_start(syls, i) -> bool:
    """Could a place begin at syllable i: an admin unit, a known place, a site, the country?"""
    return bool(match(syls, i, ADMIN) or match(syls, i, PLACES) or match(syls, i, SITES)
                or match(syls, i, _COUNTRY_FULL) or match(syls, i, _LONG_DISTRICTS))


def place_name(syls, j) -> int:
    """Index after a place name at j: a known place (any case if one syllable is a capital,
    "cần Thơ") or capitalised syllables ("Ninh Kiều", "5"); abbreviations like "HS" are not."""
    known = match(syls, j, PLACES)
    if known and any(s.cap for s in syls[j:j + known]):
        nxt = syls[j + known] if j + known < len(syls) else None
        if not (nxt and nxt.cap and nxt.text.isalpha() and not nxt.text.isupper() and not nxt.gap
                and not starts_other_name(syls, j + known) and not match(syls, j + known, PLACES)):
            return j + known  # otherwise the known name is the start of a longer one: "huyện Nga Sơn"
    if j < len(syls) and not syls[j].cap:
        return lower_unit_name(syls, j)
    typo = match(syls, j, LARGE_UNIT_NAMES)
    if typo > 1 and not syls[j + typo - 1].cap and _closes_lower(syls, j + typo):
        return j + typo  # "huyện Thới lai": a province or district with a syllable left in lower case
    if j < len(syls) and (is_person_at(syls, j) or match(syls, j, AGENCY_NAMES)):
        return j  # "tỉnh Trần Văn A", "tỉnh Đảng bộ": a person or a body after the unit, not its name
    end = j
    while end < len(syls) and syls[end].text.isalnum() and not (end > j and syls[end].gap) and (
            (syls[end].cap and not syls[end].text[0].isdigit()
             and not (syls[end].text.isupper() and len(syls[end].text) > 1 and syls[end].text.isalpha()))
            or (syls[end].text.isdigit() and end == j and not counts_something(syls, end))):
        end += 1
    return glued_end(syls, end) if end > j else end


def _paired(syls, end: int) -> int:
    """Index after an area named by two places joined by a dash ("khu vực Nhà Rồng - Khánh
    Hội"): the second capitalised name, when the phrase closes after it; else `end`."""
    if end + 1 >= len(syls) or syls[end].text not in "-–" or not syls[end + 1].cap or syls[end + 1].gap:
        return end
    after = place_name(syls, end + 1)
    return after if after > end + 1 and _closes_lower(syls, after) else end


def glued_end(syls, end: int) -> int:
    """Index after the parts an apostrophe glues to the name ending before `end`, with no space
    around it: "Cư M'gar", "Ea H'leo", "M'Drắk" are one name, not "Cư M"."""
    while end + 1 < len(syls) and syls[end].text in ("'", "’") and syls[end].start == syls[end - 1].end \
            and syls[end + 1].start == syls[end].end and syls[end + 1].text.isalpha():
        end += 2
    return end


def lower_unit_name(syls, j) -> int:
    """Index after a province or district written in lower case after its unit and closing the
    phrase ("tỉnh nghệ an", "thị xã chí linh,", "tỉnh bình phước giai đoạn …", "thành phố hà
    nội về …"), as in titles copied in lower case; j if none."""
    n = match(syls, j, LARGE_UNIT_NAMES)
    if n and " ".join(s.low for s in syls[j:j + n]) in dictionary() \
            and any(s.text[0].isupper() for s in syls[j + n:]):
        return j  # "UBND tỉnh thống nhất với …" is a verb (and "Thống Nhất" a district): only a lower-case line
    return j + n if n and _closes_lower(syls, j + n) else j


def _closes_lower(syls, end: int) -> bool:
    """Does a name written in lower case end before syllable `end`: the block's end, a layout
    break, punctuation, another unit or a function word ("về", "tại", "năm", "giai đoạn")?"""
    return end >= len(syls) or syls[end].gap or syls[end].text in ",;:.)" or bool(match(syls, end, ADMIN)) \
        or stop_at(syls, end) or syls[end].low in ("khóa", "khoá")  # "… tỉnh tiền giang | khóa vii"


def lower_place_at(syls, i) -> Iterator[Candidate]:
    """A known place of two syllables or more in lower case after "tại" or "ở" ("hội nghị … tại
    việt nam năm 2010"), as in titles copied in lower case; one-syllable names are common words
    ("ý", "anh", "mỹ")."""
    n = match(syls, i, PLACES)
    if n >= 2 and i > 0 and syls[i - 1].low in ("tại", "ở") and not any(s.cap for s in syls[i:i + n]) \
            and _closes_lower(syls, i + n):
        yield Candidate("LOCATION", syls[i].start, syls[i + n - 1].end, "lower-place")


def location_at(syls, i) -> Iterator[Candidate]:
    """LOCATION candidates starting at syllable i (the country, a site, a unit and its name,
    the names listed after it, a known place); none after "tiếng": "tiếng Anh" is a language."""
    if i > 0 and syls[i - 1].low == "tiếng":
        return
    full = match(syls, i, _COUNTRY_FULL)
    if full and syls[i + full - 1].cap:
        yield Candidate("LOCATION", syls[i].start, syls[i + full - 1].end, "country-name")
    site = match(syls, i, SITES)
    if site and i > 0 and f"{syls[i - 1].low} {syls[i].low}" in dictionary() \
            and syls[i - 1].low not in ("qua", "ven", "dọc", "trên"):
        site = 0  # "hoạt động", "bán đảo": the head is the end of another word (not "qua sông Cấm")
    if site and i > 0 and syls[i - 1].low in ("miền", "vùng") and not syls[i].cap:
        # "huyện miền núi Khánh Sơn, Khánh Vĩnh", "vùng núi Tây Bắc": the terrain of an area, no named
        # mountain; the units named after it are places of their own
        yield from _listed_places(syls, i + site, first=True, known=True)
        site = 0
    if site and i + site < len(syls) and syls[i + site].cap and syls[i + site].text[0].isalpha() \
            and (not starts_other_name(syls, i + site) or _known_unit(syls, i + site)) \
            and not (i > 0 and syls[i - 1].low in ("các", "những")):
        end = place_name(syls, i + site)
        if end < len(syls) and not syls[end].cap and f"{syls[end - 1].low} {syls[end].low}" in dictionary():
            end = i + site  # "Khu di tích lịch sử Địa đạo …": the name goes on in lower case; unsure where it ends
        if end > i + site and _park_acting(syls, i, site):
            yield Candidate("AGENCY", syls[i].start, syls[end - 1].end, "park-acting")
        elif end > i + site:
            yield Candidate("LOCATION", syls[i].start, syls[end - 1].end, "site")
            yield from _listed_places(syls, end, known=True)  # "hồ Lắk, Buôn Đôn": units after a site
    admin = match(syls, i, ADMIN)
    if admin and match(syls, i + admin, _REGIONS):
        admin = 0  # "các tỉnh Đồng bằng sông Cửu Long": the region is the place
    colon = admin and i + admin < len(syls) and syls[i + admin].text == ":"  # "quận, huyện, thị xã: Hoàn Kiếm, …"
    if admin and (colon or (i > 0 and syls[i - 1].low in ("các", "những"))):  # "các huyện: Kinh Môn, Kim Thành"
        yield from _listed_places(syls, i + admin + (i + admin < len(syls) and syls[i + admin].text == ":"),
                                  first=True)
    elif admin and not (syls[i].text.isupper() and syls[i].low != "tp"):
        end = place_name(syls, i + admin)
        area = " ".join(x.low for x in syls[i:i + admin]) == "khu vực"
        if area and end > i + admin:  # "các xã khu vực I, II": a class of communes, not an area
            end = i + admin if _ROMAN.fullmatch(syls[i + admin].text) else _paired(syls, end)
        if end > i + admin:  # "khu vực Đình Vũ": an area word, not an admin unit; the name is the place
            yield Candidate("LOCATION", syls[i + admin if area else i].start, syls[end - 1].end, "admin-place")
            yield from _listed_places(syls, end)
    yield from bare_district_at(syls, i)
    yield from lower_place_at(syls, i)
    place = match(syls, i, PLACES)
    if place and i + place < len(syls) and not syls[i + place].cap \
            and " ".join(s.low for s in syls[i:i + place + 1]) in dictionary():
        place = 0  # "Pháp lệnh" is an ordinance, not France
    if place == 1 and i > 0 and syls[i - 1].cap and syls[i - 1].text.isalpha() and syls[i - 1].low not in STOP \
            and not syls[i].gap:
        place = 0  # "Văn Đức", "Bắc An": the end of another name, not Germany
    if place and any(s.cap for s in syls[i:i + place]) and not (syls[i].text.isupper() and len(syls[i].text) > 1) \
            and (i + place >= len(syls) or not syls[i + place].cap or not syls[i + place].text.isalpha()):
        yield Candidate("LOCATION", syls[i].start, syls[i + place - 1].end, "place-name")


def _known_unit(syls, j) -> bool:
    """Is a unit of the gazetteer written in capitals at j, though its first word opens other
    names: "quần đảo Trường Sa" (not a school), "đảo Cồn Cỏ"?"""
    n = match(syls, j, UNIT_NAMES)
    return n >= 2 and all(s.cap for s in syls[j:j + n])


def _park_acting(syls, i, site) -> bool:
    """Is the national park at i one "với" names as a partner ("phối hợp với Vườn quốc gia A,
    Vườn quốc gia B"): a body that acts, an AGENCY (docs/annotation.md, Decisions)?"""
    if " ".join(s.low for s in syls[i:i + site]) != "vườn quốc gia":
        return False
    k = i - 1
    while k >= 0 and (syls[k].cap or syls[k].text == "," or syls[k].low in ("và", "quốc", "gia")):
        k -= 1
    return k >= 0 and syls[k].low == "với"


def bare_district_at(syls, i) -> Iterator[Candidate]:
    """A long district-level name with no unit word ("tại Buôn Ma Thuột"): capitalised, alone
    (no capitalised word glued before or after) and not a person's name ("Trần Văn Thời")."""
    n = match(syls, i, _LONG_DISTRICTS)
    if not n or not all(s.cap or s.text == "-" for s in syls[i:i + n]) or is_person_at(syls, i):
        return
    if i > 0 and syls[i - 1].cap and syls[i - 1].text.isalpha() and syls[i - 1].low not in STOP:
        return
    if i + n < len(syls) and syls[i + n].cap and syls[i + n].text.isalpha():
        return
    yield Candidate("LOCATION", syls[i].start, syls[i + n - 1].end, "bare-district")


def _listed_places(syls, end: int, first: bool = False, known: bool = False) -> Iterator[Candidate]:
    """The bare names listed after an admin unit: "huyện Tiên Lãng, Vĩnh Bảo và An Lão";
    `known`: only units of the gazetteer (after a site, whose list may go on with other things)."""
    k = end
    while k < len(syls):
        sep = syls[k]
        if not (first or sep.text == "," or sep.low == "và") or k + 1 >= len(syls):
            return
        nxt = k if first else k + 1
        first = False
        if nxt >= len(syls) or not syls[nxt].cap or not syls[nxt].text[0].isalpha() or match(syls, nxt, ADMIN):
            return
        stop = _listed_name(syls, nxt)
        if stop == nxt or (known and match(syls, nxt, UNIT_NAMES) != stop - nxt):
            return
        yield Candidate("LOCATION", syls[nxt].start, syls[stop - 1].end, "listed-place")
        k = stop


def _listed_name(syls, j) -> int:
    """Index after a bare place name listed at j (j if it is none): a unit of the gazetteer
    ("Kênh Giang", "Bến Tắm", "Bình Tây 1"), else a short capitalised name that neither opens
    another name nor a common noun ("và Khu đất …", "và Hệ thống …")."""
    known = match(syls, j, UNIT_NAMES)
    if known and all(s.cap for s in syls[j:j + known]) and not (
            j + known < len(syls) and syls[j + known].cap and syls[j + known].text.isalpha()):
        stop = j + known
    elif starts_other_name(syls, j):
        return j
    else:
        stop = place_name(syls, j)
        if stop == j or stop - j > 4:
            return j
        if stop < len(syls) and not syls[stop].cap and syls[stop].text.isalpha() and (
                f"{syls[stop - 1].low} {syls[stop].low}" in dictionary()
                or (stop - j == 1 and not stop_at(syls, stop))):
            return j
    if stop < len(syls) and syls[stop].text.isdigit() and len(syls[stop].text) <= 2 \
            and not counts_something(syls, stop):
        stop += 1  # "ấp Bình Tây 1"
    return stop


def place_uses(text: str, syllables: Syllables, kept: list[Candidate]) -> list[Candidate]:
    """A place named with its admin word and a capitalised name ("thành phố Pleiku") at its uses
    written all in lower case ("… trên địa bàn thành phố pleiku", a title the corpus lower-cased):
    the name the gazetteer does not know is known from the body. `syllables`: the blocks searched,
    with their syllables (`block_syllables`)."""
    names = {text[c.start:c.end] for c in kept if c.label == "LOCATION"}
    bare = {n for n in names if " " in n and all(w[0].isupper() for w in n.split())}
    names = {n for n in names if " " in n and n[0].islower() and any(ch.isupper() for ch in n)}
    return _bare_uses(text, syllables, bare) + _lower_uses(text, list(syllables), names)


def _bare_uses(text: str, syllables: Syllables, names: set[str]) -> list[Candidate]:
    """A place named bare and capitalised in the body ("Tân Hiệp") at its uses in a line the corpus
    lower-cased whole ("… thuộc các huyện: tân hiệp, …"), where no capital can mark it; only there,
    since in a line written in mixed case a lower-case use is a common word."""
    lowered = [n.lower() for n in names if n.lower() in text]  # the usual case: none, and no block is read
    lines = [(start, end) for start, end in syllables
             if lowered and any(n in text[start:end] for n in lowered) and lower_case_line(syllables[(start, end)])]
    return _lower_uses(text, lines, names)


def _lower_uses(text: str, spans, names: set[str]) -> list[Candidate]:
    """LOCATION candidates at every whole-word use of each name, written in lower case, inside `spans`."""
    out = []
    for name in names:
        if name.lower() not in text:
            continue  # the usual case: no use in lower case at all (one scan of the text, not one per span)
        pattern = re.compile(rf"(?<!\w){re.escape(name.lower())}(?!\w)")
        out += [Candidate("LOCATION", m.start(), m.end(), "place-use") for start, end in spans
                for m in pattern.finditer(text, start, end)]
    return out
