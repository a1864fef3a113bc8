"""The noun phrase a figure measures, as a span of the report text, head noun first.

"… tổng thu ngân sách nhà nước trên địa bàn ước đạt 1.573,1 tỷ đồng" → "tổng thu ngân sách
nhà nước trên địa bàn": from the figure back over the verbs, qualifiers, times and brackets
that stand before it, then over the phrase to the clause boundary or a verb that starts it.
A counted figure's phrase is the counted noun and what follows ("cấp 45 giấy chứng nhận
quyền sử dụng đất" → "giấy chứng nhận quyền sử dụng đất") unless a linking verb ("đạt", "là")
names the subject; a share "hỗ trợ 100% lãi suất vay" measures "lãi suất vay".
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from nlp.figures.clauses import done_before, lists_a_verb, numbers_a_name, of_the_figure_before, said_after, threshold_of_class
from nlp.figures.units import MEASURE_UNITS, TIME_UNITS
from nlp.figures.labels import (
    before_list, colon_after, label_before, label_between, label_start, labels_an_item, names_a_thing, names_nothing,
)
from nlp.figures.vocabulary import (
    key, tag, tags,
    ACTIONS, AND_MORE, BOUNDARY, CLASSIFIERS, CUT, DANGLING, FREQUENCY, PLACES,
    GENERIC, LEAD, LINK, LIST_INTROS, MAX_WORDS, MEASURE_HEADS,
    MODAL, NAMED_PAIRS, NAMES_A_MEASURE, NAMING, NEUTRAL, NORMS,
    NOT_AFTER_PERCENT, NOT_COUNTED, NUMBERISH, OF_LINKS, PASSIVE,
    PLACE_AFTER, PLURAL, POINTERS, PUNCT, QUALIFIER, REACHED,
    RECEIVE, REFERENCE_HEADS, RETAIN, ROW_OPENERS, SHARE_HEADS, SOFT_TAIL,
    SPELLED, STOP_AFTER, TAIL, TAIL_SYLLABLES, TIME_OPENERS, WHEN,
)
from nlp.types import Figure, Span, Token

# Tags of a word that cannot open the noun phrase after a figure: adjective, adverb, preposition,
# conjunction, particle, unknown ("6.000 ha chủ yếu tập trung tại …").
NOT_NOUNISH = frozenset("A R E C CC T I X".split())
# "4 xã thuộc khu vực …": verbs that place a counted place, not what it does.
RELATIONS = frozenset("thuộc trực_thuộc nằm giáp ven".split())
# The link `_left` gives a row's label that a generic measure pointed back to: it names the figure, as
# a subject before "là" does ("Nhà ở nông thôn: mức thu 0,05% chi phí xây dựng").
LABEL = ":label"
NAMED = LINK | {LABEL}


def indicator_of(text: str, words: Sequence[Token], figure: Figure, number_end: int, floor: int,
                 times: Sequence[Span]) -> Optional[Span]:
    """The phrase `figure` measures. `words` are the sentence's words, `number_end` where the
    number (and its scale word) ends, `floor` where the phrase may start (after the previous
    figure), `times` the date spans in the sentence (skipped at both ends of the phrase)."""
    before = _words_before(text, words, figure, floor)
    first = (not words or floor <= words[0].start) and figure.kind == "percent"
    left, link = _left(before, times, comma_subject=first)
    if left and of_the_figure_before(text, before, left, floor):
        left = []  # "đạt 81,05% về việc (vượt 6,05% …)": "về việc" qualifies 81,05%, the share's name carries on
    pointed = left and (_is_reference(left) or " ".join(map(key, left)) in LIST_INTROS)
    counted = _counted(figure)
    right = _right(_words_from(words, number_end if counted else figure.end, text), figure, text, counted,
                   after_a_figure=bool(words) and floor > words[0].start)
    # "… quy định tại Điều 1 Quyết định này tối đa bằng 95% …", "… như sau: 100 xã": no name before
    chosen = _choose(text, words, figure, [] if pointed else left, link, right, counted) or \
        (_before_pointer(before, times) if pointed else []) or _row_after(_words_from(words, figure.end, text))
    if chosen and counted and chosen[0].start >= figure.start and chosen[-1].end <= figure.end:
        chosen = _named_earlier(text, words, figure, times) or done_before(text, words, left, link, figure) \
            or said_after(text, words, figure, chosen) or chosen
        # "tổng số cửa hàng xăng dầu … 215 cửa hàng"; else "Xây dựng mới 06 chợ": the chợ built, named by what is done
    if chosen and key(chosen[-1]) in MEASURE_HEADS | NAMES_A_MEASURE and (len(chosen) == 1 or key(chosen[-2]) == "với"):
        chosen = _label_opening(text, words, chosen[-1]) or chosen  # "Khu A: khoảng 10 tỷ đồng, diện tích 2 ha"
    if chosen and words and names_nothing(chosen) and _after_colon(text, words[0].start):
        return _label_across(text, words[0].start) or Span(chosen[0].start, chosen[-1].end, text[chosen[0].start:chosen[-1].end])
    if not chosen:
        return None
    return Span(chosen[0].start, chosen[-1].end, text[chosen[0].start:chosen[-1].end])


def _choose(text: str, words: Sequence[Token], figure: Figure, left: list[Token], link: str, right: list[Token],
            counted: bool) -> list[Token]:
    """The phrase before the figure or the one after it: a counted noun names what it counts unless
    a linking verb names the subject, or the phrase right before it is a list item's label
    ("(đường bộ 09 vụ, đường thủy 01 vụ)"); a share measures what it is a share of unless
    its phrase names a share or keeps it."""
    bare_unit = counted and right and right[-1].end <= figure.end
    if bare_unit and left and not link and labels_an_item(text, words, left):
        return left
    if bare_unit and figure.unit in FREQUENCY and left and link not in NAMED:
        adverb = max((j for j, w in enumerate(left[:-1]) if key(w) in NEUTRAL | QUALIFIER), default=-1)
        return left[adverb + 1:]  # "mỗi đoàn chỉ chi xem biểu diễn nghệ thuật dân tộc 1 lần": how often it is done
    if bare_unit and figure.unit in CLASSIFIERS and not (left and names_a_thing(text, left)):
        return []  # "32 tàu … (có 8 chiếc đang thi công": the ships counted before, not "chiếc"
    named = threshold_of_class(text, left, figure) if counted and left else []
    if named:
        return named  # "xe chở khách từ 30 chỗ trở lên", "ô tô dưới 9 chỗ ngồi của hộ kinh doanh": the class, not its seats
    per_unit = counted and "/" in figure.unit  # "tiêu chuẩn 2 người/phòng"
    labelled = bool(left) and label_between(text[left[-1].end:figure.start])
    if counted and right and not per_unit and not (left and (link in NAMED or bare_unit and link in QUALIFIER)) \
            and not (left and bare_unit and (labelled or figure.unit in CLASSIFIERS and names_a_thing(text, left))):
        return right  # but "Tổng số chợ nâng cấp: 401 chợ", "Hồ sơ gồm 02 bộ" name it before
    keeps = left and key(left[-1]) in RETAIN and not all(key(w) in RETAIN for w in left)
    if not counted and figure.kind != "ratio" and right and (not left or link not in NAMED) and \
            tag(right[0]) not in NOT_NOUNISH and \
            not (figure.kind == "percent" and left and (key(left[0]) in SHARE_HEADS or keeps)):
        return right
    return left or right


def _label_opening(text: str, words: Sequence[Token], measure: Token) -> list[Token]:
    """The label that opens the sentence, before its first colon, for a bare measure that opens a clause of
    its own after it: "Khu A: khoảng 10 tỷ đồng, diện tích 2 ha" → "Khu A" (the area of the zone, as the
    amount before it is the zone's); [] when the measure has a subject ("…: bến có công suất 5.000 tấn")."""
    i = next((j for j, w in enumerate(words) if w.start == measure.start), 0)
    colon = next((j for j in range(i) if key(words[j]) == ":"), None)
    if colon is None or colon == 0 or key(words[i - 1]) not in (",", "với", ":") \
            or any(key(w) == ";" for w in words[colon + 1:i]):
        return []
    label = _trim(list(words[label_start(words, colon - 1) + 1:colon]), label=True)
    while label and (key(label[0]) in PUNCT or key(label[0]) in LEAD):
        label = label[1:]
    if not label or not names_a_thing(text, label) or " ".join(map(key, label)) in LIST_INTROS \
            or key(label[-1]) in ("gồm", "bao_gồm") or len(label) > MAX_WORDS:
        return []
    return label


def _after_colon(text: str, at: int) -> bool:
    """Is the last character before `at` that is not a space a colon (the sentence before ends
    in one)? Looks back over the spaces only, not the text so far."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and text[at - 1] == ":"


def _label_across(text: str, start: int) -> Optional[Span]:
    """The label a sentence split at its colon left in the sentence before: "… dưới 100m3 / ngày đêm: mức thu
    300.000 đồng" → "… dưới 100m3 / ngày đêm"; None when it is too long for a label."""
    colon = text.rfind(":", 0, start)
    begin = max(text.rfind(c, 0, colon) for c in ".;\n:") + 1
    label = text[begin:colon].strip(" -+•\t")
    if not label or len(label.split()) > 2 * MAX_WORDS or "_".join(label.lower().split()) in LEAD | LIST_INTROS:
        return None
    at = text.index(label, begin)
    return Span(at, at + len(label), label)


def _named_earlier(text: str, words: Sequence[Token], figure: Figure, times: Sequence[Span]) -> list[Token]:
    """The fuller phrase the sentence gave a bare counted noun before it: "Số phòng tối thiểu mỗi căn hộ:
    4 phòng … và 3 phòng" → "Số phòng tối thiểu mỗi căn hộ"; [] when the noun heads no longer phrase
    earlier (its own count "135 cửa hàng, … 02 cửa hàng" is no name)."""
    head = figure.unit.split("/")[0].replace(" ", "_")
    earlier = [w for w in words if w.end <= figure.start]
    for j in range(len(earlier) - 1, -1, -1):
        if key(earlier[j]) != head or j > 0 and NUMBERISH.match(key(earlier[j - 1])):
            continue
        phrase = _right(_words_from(words, earlier[j].start, text), figure, text, True)
        if len(phrase) < 2 or phrase[-1].end > figure.start or any(w.text[:1].isupper() for w in phrase):
            continue  # "Dự án nhà ở xã hội Phước Long" names one project, not the kind counted
        label = text[phrase[-1].end:figure.start].lstrip().startswith(":")
        if label and j > 0 and key(earlier[j - 1]) in ("số", "tổng_số", "số_lượng"):
            phrase = [earlier[j - 1], *phrase]
            if j > 1 and key(earlier[j - 2]) == "tổng":
                phrase = [earlier[j - 2], *phrase]
        return phrase
    return []


def _before_pointer(before: list[Token], times: Sequence[Span]) -> list[Token]:
    """What the words before a pointer into the text name: "các loại giấy tờ có giá quy định tại
    điểm 1.4 … Quyết định này là 20%" → "loại giấy tờ có giá"; [] when there is no pointer."""
    cut = next((j for j in range(len(before) - 1, 0, -1) if key(before[j]) in POINTERS), None)
    while cut and cut > 1 and key(before[cut - 1]) in POINTERS:
        cut -= 1  # "quy định tại"
    return _without_plural(_left(before[:cut], times)[0]) if cut else []


def _row_after(after: list[Token]) -> list[Token]:
    """The row a figure with no name before it gives after it: "120 triệu đồng đối với KCN nhỏ ở
    các huyện miền núi", "tối đa 600.000 đồng/người cho các quan chức Ban thư ký"."""
    if not after or key(after[0]) not in ROW_OPENERS:
        return []
    phrase = []
    for word in after[1:11]:
        k = key(word)
        if k in STOP_AFTER and k not in ROW_OPENERS or k in PUNCT or NUMBERISH.match(k):
            break
        phrase.append(word)
    return _trim(_without_plural(phrase))


def _without_plural(phrase: list[Token]) -> list[Token]:
    return phrase[1:] if phrase and key(phrase[0]) in PLURAL else phrase


def _words_before(text: str, words: Sequence[Token], figure: Figure, floor: int) -> list[Token]:
    """The words the phrase may come from: after `floor`, or from the sentence start when the
    figure follows a label that holds the figure before it ("Tinh quặng đồng 20-25% Cu: đạt …",
    "Trả nợ vốn vay (32,44%): …"); a number spelled out before its bracket is dropped."""
    colon = text.rfind(":", floor, figure.start)
    # "…: mức thu 300.000 đồng": a generic measure (no colon: nothing to read, not the text so far)
    between = text[colon + 1:figure.start].lower().split() if colon >= 0 else []
    if colon >= 0 and words and (all(w in TAIL_SYLLABLES for w in between) or "_".join(between) in GENERIC) and \
            not re.search(r"[,;]|như sau\s*$|sau đây\s*$", text[floor:colon]):
        floor = words[0].start
    before = [w for w in words if floor <= w.start and w.end <= figure.start]
    if before and key(before[-1]) == "(":
        k = len(before) - 1
        while k > 0 and all(part in SPELLED for part in key(before[k - 1]).split("_")):
            k -= 1
        before = before[:k] if k < len(before) - 1 else before
    return before


def _counted(figure: Figure) -> bool:
    """A count, or a ratio of counted things ("15/15 xã đạt chuẩn nông thôn mới")."""
    if figure.kind == "count":
        return True
    unit = figure.unit.split("/")[0]
    return figure.kind == "ratio" and unit not in NOT_COUNTED and unit not in MEASURE_UNITS


def _is_reference(phrase: list[Token]) -> bool:
    """ "Quyết định này", "khoản 1 Điều 1": a pointer into a legal text, not a quantity's name."""
    return key(phrase[-1]) == "này" or key(phrase[0]) in REFERENCE_HEADS and len(phrase) > 1 and \
        bool(NUMBERISH.match(key(phrase[1])))


def _left(before: list[Token], times: Sequence[Span], comma_subject: bool = False) -> tuple[list[Token], str]:
    """The phrase that ends before the figure's verbs and qualifiers, and the verb that links them;
    `comma_subject`: a share "đạt" after a comma may reach back over it ("Tỷ lệ … khá cao, đạt 81%")."""
    i, link = len(before) - 1, ""
    while i >= 0:  # the verbs, times and brackets right before the figure
        k = key(before[i])
        if k == ")":
            while i >= 0 and key(before[i]) != "(":
                i -= 1
        elif not (_is_tail(before, i) or _in_time(before[i], times)):
            break
        if link == "action" or k in NEUTRAL:
            pass  # "còn được hỗ trợ 50% giá đất ở": the nearest action decides; "không quá" is a qualifier
        elif k in ACTIONS and link in ("", *QUALIFIER):
            link = "action"
        elif k in LINK or not link and k in QUALIFIER:
            link = link if link in LINK else k
        elif k not in PUNCT and not _in_time(before[i], times):
            link = link if link in LINK else "other"
        i -= 1
    end = i + 1
    i = _phrase_start(before, i)
    phrase = before[i + 1:end]
    if i >= 0 and key(before[i]) in (":", ")") and names_nothing(phrase):
        # "Trưởng đoàn: Mức tối đa …", "Khách mời khác (…) Mức tối đa: …", "Gia hạn: Thu bằng 50% …": the label says what of
        label = label_before(before, i)
        phrase = label or before[label_start(before, i - 1) + 1:end]
        link = LABEL
    elif colon_after(before, end):
        i = label_start(before, i)  # "Đội tuyển trẻ cấp tỉnh, ngành: 45.000 đồng": a label keeps its commas
        phrase = before_list(before, i) or before[i + 1:end]
    elif not phrase and i > 0 and key(before[i]) in (",", "nhưng") and (link not in LINK or comma_subject and link in REACHED):
        j = i - 1  # "Mức chi nước uống, hoa quả, tối đa 220.000 đồng", "Tỷ lệ … khá cao, đạt 81%"
        while j >= 0 and _is_tail(before, j):
            j -= 1
        start = _phrase_start(before, j)
        start = label_start(before, start) if start >= 0 and key(before[start]) == "," else start
        phrase = before[start + 1:j + 1]
    elif phrase and i > 0 and (key(before[i]) == "và" and link in LINK or key(before[i]) == "," and len(phrase) <= 2) \
            and _opens_measure(before, i - 1):
        phrase = before[_phrase_start(before, i - 1) + 1:end]  # "Mức thuế suất … để tính và kê khai … là 25%"
    elif phrase and i > 0 and key(before[i]) in ("và", "hoặc") and _pairs_a_subject(before, i, phrase):
        phrase = before[_phrase_start(before, i - 1) + 1:end]  # "Phó đoàn và đoàn viên 3 người / một xe"
    elif len(phrase) == 1 and i > 0 and key(before[i]) in (",", "và") and tag(phrase[0]) == "V" == tag(before[i - 1]):
        phrase = before[_phrase_start(before, i - 1) + 1:end]  # "Ngân sách chi cho đào tạo, bồi dưỡng đạt 15%"
    elif len(phrase) == 1 and i > 0 and key(before[i]) == "với" and key(phrase[0]) not in GENERIC and _owner(before, i - 1):
        phrase = [*_owner(before, i - 1), before[i], *phrase]  # "để phát điện với công suất dưới 50 kW"
    elif phrase and key(phrase[-1]) not in DANGLING and _listed(before, i):  # "ngành sản xuất giường, tủ, bàn, ghế tăng 14,2%",
        phrase = before[_list_start(before, i) + 1:end]  # "vốn … thăm dò, khai thác, chế biến khoáng sản: …"
    elif phrase and (len(phrase) == 1 or key(phrase[-1]) in GENERIC) and end < len(before) and _acts(before[end]):
        phrase = before[i + 1:end + 1]  # "tỉnh hỗ trợ 30%": the subject alone says nothing; "… mức hỗ trợ"
    while phrase and (key(phrase[0]) in LEAD or key(phrase[0]) in PUNCT or NUMBERISH.match(key(phrase[0]))
                      or _in_time(phrase[0], times) or key(phrase[0]) in NEUTRAL and len(phrase) > 1
                      and key(phrase[1]) not in PASSIVE):
        phrase = phrase[1:]  # "(thì) chỉ hưởng phụ cấp kiêm nhiệm": the adverb and the verb are no part
        # (but "đã được X phê duyệt" stays a verb phrase, which names nothing)
    return _trim(_for_whom(_from_measure(phrase)) if link != LABEL and not colon_after(before, end) else
                 _from_measure(phrase), label=link == LABEL), link


def _owner(before: list[Token], i: int) -> list[Token]:
    """The common noun phrase of four words at most that ends at `before[i]`, before "với" and a measure
    ("phát điện với công suất", "các mục đích khác với lưu lượng" → "mục đích khác"); [] when it
    is a name ("…, Nậm Dôn với công suất": one of a list of places) or there is none."""
    j = i
    while j >= 0 and i - j < 4 and not _ends_phrase(before[j]) and key(before[j]) not in DANGLING | {"để"}:
        j -= 1
    owner = before[j + 1:i + 1]
    if not owner or j >= 0 and i - j >= 4 and not _ends_phrase(before[j]) and key(before[j]) not in DANGLING | {"để"}:
        return []
    return owner if all(w.text[:1].islower() and key(w) not in TIME_UNITS for w in owner) else []


def _for_whom(phrase: list[Token]) -> list[Token]:
    """A verb phrase past the word limit in running text ends on what the figure is for: "Đồng ý … nạo
    vét luồng … bảo đảm cho tàu 40.000 DWT" → "tàu" ("Tổng số cổ phần bán … cho người lao động …" stays)."""
    if len(phrase) <= MAX_WORDS or tags(phrase)[0] != "V":
        return phrase
    j = next((j for j in range(len(phrase) - 2, 0, -1) if key(phrase[j]) == "cho"), None)
    return phrase[j + 1:] if j is not None and not any(key(w) in PUNCT for w in phrase[j + 1:]) else phrase


def _pairs_a_subject(before: list[Token], i: int, phrase: list[Token]) -> bool:
    """Is the "và" at `before[i]` between two nouns that open a clause together ("Tổng mức lưu chuyển … và
    doanh thu dịch vụ xã hội tăng 21%"), the first right after a label's mark or the sentence start?"""
    start = _phrase_start(before, i - 1)
    first = before[start + 1:i]
    return bool(first) and (start < 0 or key(before[start]) in (":", ";", "(", "-", "–", "+", ".")
                            or _closes_a_time_opener(before, start)) \
        and tag(first[0]) not in NOT_NOUNISH | {"V"} and tag(phrase[0]) not in NOT_NOUNISH | {"V"} \
        and key(first[0]) not in LEAD and len(first) <= 5 and len(phrase) <= 5


def _closes_a_time_opener(before: list[Token], i: int) -> bool:
    """Is the comma at `before[i]` the end of a time phrase that opens the clause ("Quý I/2023, tổng
    mức bán lẻ … và doanh thu dịch vụ ước đạt …", "Tháng 3/2024, …")?"""
    head = before[:i]
    return key(before[i]) == "," and 1 <= len(head) <= 4 and key(head[0]) in TIME_OPENERS \
        and any(ch.isdigit() for w in head for ch in w.text)


def _listed(before: list[Token], i: int) -> bool:
    """Does the comma at `before[i]` close a list of one-word items, two commas at least
    ("giường, tủ, bàn, ghế", "xã, phường, thị trấn")?"""
    commas = 0
    while i >= 1 and key(before[i]) == ",":
        commas += 1
        if i < 2 or key(before[i - 2]) != ",":
            break
        i -= 2
    return commas >= 2 and not _ends_phrase(before[i - 1])


def _list_start(before: list[Token], i: int) -> int:
    """Index of the word before the list whose last comma is `before[i]`: its first item keeps the
    words of its phrase ("ngành sản xuất giường")."""
    while i >= 2 and key(before[i - 2]) == ",":
        i -= 2
    return _phrase_start(before, i - 1)


def _opens_measure(before: list[Token], i: int) -> bool:
    """Does the phrase that ends at `before[i]` open with a measure's name ("Mức thuế suất …")?"""
    start = _phrase_start(before, i) + 1
    return start <= i and key(before[start]) in MEASURE_HEADS | SHARE_HEADS | NAMES_A_MEASURE


def _from_measure(phrase: list[Token]) -> list[Token]:
    """A topic, then the measure it has: "(Đối với) một số ngôn ngữ không phổ thông mức chi biên
    dịch" → "mức chi biên dịch"; not after "có", "của" ("bến bãi có diện tích" stays whole)."""
    if not phrase or key(phrase[0]) in MEASURE_HEADS | SHARE_HEADS:
        return phrase
    j = next((j for j in range(1, len(phrase)) if key(phrase[j]) in MEASURE_HEADS
              and key(phrase[j - 1]) not in OF_LINKS), None)
    if j is None or " " not in " ".join(w.text for w in phrase[j:]):
        return phrase
    return phrase[j:]


def _is_tail(before: list[Token], i: int) -> bool:
    """ "trồng mới", "chi thường xuyên bình quân": "mới", "thêm", "bình quân" belong to the phrase
    unless a verb of the tail stands before them ("tăng thêm", "tăng bình quân")."""
    k = key(before[i])
    if k in SOFT_TAIL:
        return i == 0 or key(before[i - 1]) in TAIL
    following = key(before[i + 1]) if i + 1 < len(before) else ""
    if (k, following) in (("hoặc", "bằng"), ("lớn", "hơn"), ("nhỏ", "hơn"), ("trở", "lên"), ("trở", "xuống")):
        return True  # "bề sâu lớn hơn hoặc bằng 05 mét"
    if k == "có" and i > 0 and key(before[i - 1]).split("_")[-1] == "tự":
        return False  # "nguồn vốn tự có: 6 triệu đồng"
    return k in TAIL


def _acts(word: Token) -> bool:
    k = key(word)
    return k in TAIL and k not in LINK and k not in QUALIFIER and k not in PUNCT and k in ACTIONS


def _phrase_start(before: list[Token], i: int) -> int:
    """Index of the word before the phrase that ends at `before[i]`; a one-word phrase after "có"
    runs on over it ("tổng trọng lượng có tải trên 5 tấn")."""
    end = i
    while i >= 0 and (not _ends_phrase(before[i]) or _named_number(before, i) or _joins_a_name(before, i)
                      or key(before[i]) in ("-", "–") and i > 0 and _named_number(before, i - 1)):
        i -= 1
    if end - i == 1 and i > 0 and key(before[i]) == "có" and not _ends_phrase(before[i - 1]):
        j = i - 1
        while j >= 0 and not _ends_phrase(before[j]):
            j -= 1
        subject = before[j + 1:i]  # a short subject only, no verb in it: "tổng trọng lượng có tải"
        i = j if len(subject) <= 3 and not any(key(w) in MODAL for w in subject) else i
    return i


def _named_number(before: list[Token], i: int) -> bool:
    """A number that names a thing with the word before it: "xăng RON 92", "tiêu chuẩn Euro 4",
    "khu vực 3", "tiêm mũi 3", "(vốn đầu tư công) năm 2024"; or an age or a term inside the phrase: "trẻ từ 12 đến 17 tuổi",
    "vốn huy động dưới 12 tháng"."""
    word = key(before[i])
    if not (NUMBERISH.match(word) and word[:1].isdigit()):
        return False
    after = [key(w) for w in before[i + 1:i + 4]]
    if after[:1] and after[0] in TIME_UNITS or len(after) == 3 and after[0] in ("đến", "-", "–") and \
            after[2] in TIME_UNITS:
        return True
    return i > 0 and (before[i - 1].text[:1].isupper() and before[i - 1].text[:1].isalpha()
                      or key(before[i - 1]) in NAMING and re.fullmatch(r"\d{1,3}(?:,\d{1,2})*", word) is not None
                      or key(before[i - 1]) == "năm" and re.fullmatch(r"(?:19|20)\d\d", word) is not None
                      and i > 1 and key(before[i - 2]) not in WHEN and not _ends_phrase(before[i - 2]))


def _ends_phrase(word: Token) -> bool:
    k = key(word)
    return k in BOUNDARY or k in PUNCT or bool(NUMBERISH.match(k))


def _joins_a_name(before: list[Token], i: int) -> bool:
    """Is the "và" at `before[i]` inside a fixed name ("doanh nghiệp nhỏ và vừa")?"""
    return 0 < i < len(before) - 1 and (key(before[i - 1]), key(before[i + 1])) in NAMED_PAIRS


def _trim(phrase: list[Token], passive_ok: bool = False, label: bool = False) -> list[Token]:
    """Cut at a passive or a purpose ("… được trích lại", "… để tính …"); no verb or "các" at the end.
    `passive_ok`: the phrase follows its figure, where a passive describes the thing counted."""
    by = next((j for j in range(len(phrase) - 1) if key(phrase[j]) == "theo" and key(phrase[j + 1]) in NORMS), None)
    if by is not None and len(phrase) - by - 1 <= 4:
        phrase = phrase[by + 1:]  # "được thuê phòng theo tiêu chuẩn 2 người/phòng" measures the norm
    basis = next((j for j in range(len(phrase) - 2, 1, -1) if key(phrase[j]) in ("trên", "theo")
                  and key(phrase[j - 2]) == "được" and tag(phrase[j - 1]) == "V"), None)
    if basis is not None and not passive_ok and len(phrase) - basis - 1 <= 4:
        phrase = phrase[basis + 1:]  # "Phí … được tính trên sản lượng bình quân là 2 tấn/ha": the basis it is reckoned on
    passive = next((j for j in range(1, len(phrase)) if key(phrase[j]) in PASSIVE and not passive_ok), len(phrase))
    if 2 <= passive < len(phrase) - 1 and key(phrase[0]) in MEASURE_HEADS | NAMES_A_MEASURE and key(phrase[passive]) == "được" \
            and all(key(w) in QUALIFIER for w in phrase[1:passive]) and key(phrase[passive + 1]) not in RECEIVE:
        passive = len(phrase)  # "diện tích tối thiểu được tách thửa": the qualified measure is defined by its verb
    if all(key(w) in RETAIN for w in phrase[passive + 1:]) and passive + 1 < len(phrase):
        passive = len(phrase)  # "đơn vị tổ chức thu được để lại": the share kept
    phrase = _after_passive(phrase, passive) or phrase[:passive]
    agent = next((j for j in range(2, len(phrase)) if key(phrase[j]) == "do"), None)
    phrase = phrase[:agent]  # "Các khoản thuế do đơn vị (được uỷ nhiệm thu)": what the agent does is no part
    if len(phrase) > MAX_WORDS // 2:
        cut = next((j for j in range(2, len(phrase)) if key(phrase[j]) in CUT), len(phrase))
        phrase = phrase[:cut]
    if len(phrase) > MAX_WORDS and any(key(w) == "(" for w in phrase[1:]):
        phrase = phrase[:next(j for j in range(1, len(phrase)) if key(phrase[j]) == "(")]
    if len(phrase) > MAX_WORDS:  # "Khu vực đất thuộc hải đảo, các huyện núi cao, xã núi cao, …": at an item's end
        comma = next((j for j in range(MAX_WORDS, 2, -1) if key(phrase[j]) == ","), MAX_WORDS)
        phrase = phrase[:comma]
    while phrase and (key(phrase[-1]) in _NO_END
                      or key(phrase[-1])[:1].isdigit() and len(phrase) > 1 and key(phrase[-2]) in TAIL
                      or key(phrase[-1]) in MEASURE_UNITS and len(phrase) > 1 and key(phrase[-2])[:1].isdigit()
                      and not label):  # a label keeps its tier: "hồ sơ có diện tích dưới 500m2: mức thu …"
        phrase = phrase[:-1]
    return phrase


# A phrase never ends with a verb, a qualifier, a sign, "đã", a preposition or "trở lên".
_NO_END = LINK | QUALIFIER | PUNCT | NEUTRAL | DANGLING | AND_MORE


def _after_passive(phrase: list[Token], j: int) -> list[Token]:
    """What is received after "được hưởng", "được hỗ trợ": "Trưởng ấp được hưởng phụ cấp" measures
    "phụ cấp"; [] when the passive ends the phrase ("… được trích lại")."""
    if j >= len(phrase):
        return []
    if key(phrase[j]) == "được_hưởng":
        return phrase[j + 1:]
    if key(phrase[j]) == "được" and j + 1 < len(phrase) and key(phrase[j + 1]) in RECEIVE:
        return phrase[j + 2:]
    return []


def _right(after: list[Token], figure: Figure, text: str, counted: bool, after_a_figure: bool = False) -> list[Token]:
    """The counted noun and its modifiers after the number, or what a share is a share of; none
    after a rate ("300.000 đồng/01 lần đề án": the words go on naming the unit) or before a verb
    ("… không quá 500 triệu đồng không thuộc …")."""
    if not after or not counted and (text[figure.end:after[0].start].strip() or "/" in figure.unit):
        return []
    first = key(after[0])
    if first in NOT_AFTER_PERCENT or first in STOP_AFTER or first in MODAL or first in PLACE_AFTER \
            or not after[0].text[:1].isalpha():
        return []
    phrase = []
    for j, word in enumerate(after[:8]):
        k = key(word)
        standard = k == "đạt" and j + 1 < len(after) and key(after[j + 1]) in ("chuẩn", "tiêu_chuẩn")
        noun = j == 1 and first in PLURAL  # "30% các quy định hiện hành": a noun after "các"
        rest = k == "còn" and j + 1 < len(after) and key(after[j + 1]) == "lại"  # "phần tiền phí 5% còn lại"
        passive = _describes(after, j) or j > 0 and _describes(after, j - 1)  # "12.000 ha cao su được khai thác"
        of = k in ("cho", "của") and phrase and all(key(w) in GENERIC | MEASURE_HEADS for w in phrase)
        if j > 0 and numbers_a_name(after, j, phrase):
            phrase.append(word)  # "15 phường quận 5": the name ends at its number
            break
        if j > 0 and (_listed_after(after, j, phrase) or lists_a_verb(after, j, phrase)):
            phrase.append(word)  # "100 xã, phường, thị trấn trọng điểm", "8 huyện, thị xã"
            continue
        if (k in STOP_AFTER and not standard and not noun and not passive and not of) or rest or k in PUNCT \
                or NUMBERISH.match(k) or j > 0 and first in PLACES and len(phrase) == 1 and tag(word) == "V" \
                and k not in RELATIONS and not standard:
            break  # "11 phường xây dựng kế hoạch": the wards act
        phrase.append(word)
    if first == "về" and len(phrase) == 2 and figure.kind == "percent" and after_a_figure:
        return []  # "57,64% về tiền": the side a share was counted on; its name stands before
    return _trim(phrase[1:] if phrase and first == "về" else phrase, passive_ok=True)  # "tăng 9,4% về số doanh nghiệp"


def _listed_after(after: list[Token], j: int, phrase: list[Token]) -> bool:
    """Does the "," or "và" at `after[j]` join one more noun to a list of nouns the figure counts
    ("xã, phường, thị trấn"), not a clause ("135 cửa hàng, giải toả 02 cửa hàng")?"""
    if key(after[j]) not in (",", "và", "hoặc") or j + 1 >= len(after) or len(phrase) > (4 if key(after[j]) == "," else 1):
        return False
    item = after[j + 1]
    return item.text[:1].isalpha() and item.text.islower() and key(item) not in STOP_AFTER | LEAD \
        and tag(item).startswith("N") and all(tag(w).startswith("N") or key(w) in (",", "và", "hoặc") for w in phrase) \
        and not any(key(w)[:1].isdigit() for w in after[j + 1:j + 4])


def _describes(after: list[Token], j: int) -> bool:
    """Is `after[j]` a "được" that opens what is said of the noun before it ("45 hộ được hỗ trợ"), not
    the verb of a figure that follows ("100 xã được bố trí 3 người")?"""
    return 0 < j < len(after) - 1 and key(after[j]) == "được" and after[j + 1].text[:1].isalpha() \
        and key(after[j + 1]) not in STOP_AFTER - RECEIVE \
        and not any(key(w)[:1].isdigit() for w in after[j + 1:j + 4])


def _words_from(words: Sequence[Token], pos: int, text: str) -> list[Token]:
    """The words from `pos` on; a word across `pos` ("đồng tiền" after "100 tỷ đồng") gives its rest."""
    out = []
    for w in words:
        if w.start >= pos:
            out.append(w)
        elif w.end > pos and text[pos:w.end].strip():
            start = pos + len(text[pos:w.end]) - len(text[pos:w.end].lstrip())
            out.append(Token(start, w.end, text[start:w.end]))
    return out


def _in_time(word: Token, times: Sequence[Span]) -> bool:
    return any(t.start <= word.start < t.end for t in times)
