"""What the clause around a counted figure or a share says names it, when the noun after the number
does not: the verbs that open the clause ("Xây dựng mới 06 chợ"), the class a bound belongs to
("xe chở người từ 16 chỗ trở lên"), the figure before that a "về X" qualifies ("đạt 81,05% về việc
(vượt 6,05% …)"). Read by nlp/figures/indicator.py."""

from __future__ import annotations

import re
from typing import Sequence

from nlp.figures.labels import names_a_thing
from nlp.figures.vocabulary import (
    key, tag, tags, BOUNDARY, DANGLING, GENERIC, MEASURE_HEADS, MODAL, NAMES_A_MEASURE, NAMING, NUMBERISH, PASSIVE, PLACES,
    PUNCT, QUALIFIER, RECEIVE, SHARE_HEADS, STOP_AFTER, TIME_OPENERS,
)
from nlp.types import Figure, Token

# Tags of a word that cannot open or end a noun phrase: adjective, adverb, preposition, conjunction,
# particle, unknown (as in nlp/figures/indicator.py), and a verb.
NOT_A_NOUN_END = frozenset("A R E C CC T I X V".split())
AND_MORE_AFTER = re.compile(r"\s+trở\s+(?:lên|xuống)\b")  # "từ 16 chỗ trở lên"


def of_the_figure_before(text: str, before: list[Token], left: list[Token], floor: int) -> bool:
    """Is `left` the "về X" right after the figure before, the side of that share it was counted on
    ("đạt 81,05% về việc (vượt 6,05% …)", "80% về số vụ và 60% về giá trị"), not this figure's name?"""
    return len(before) >= 2 and key(before[0]) == "về" and not text[floor:before[0].start].strip() \
        and left[0].start >= before[1].start and left[-1].end <= before[1].end


def done_before(text: str, words: Sequence[Token], left: list[Token], link: str, figure: Figure) -> list[Token]:
    """A bare count right after the verb phrase that opens its clause is named by what is done to the
    things counted: "Xây dựng mới 06 chợ", "…; cải tạo, nâng cấp 12 trường" → the verbs; [] else
    ("được giao 01 lô", "Cần khẩn trương thực hiện 22 tàu": a passive or a modal is no such name)."""
    if not left or len(left) > 5 or link not in ("", "other") or key(left[0]) in MODAL \
            or any(key(w) in PASSIVE | DANGLING for w in left):
        return []
    if any(w not in ("được",) for w in text[left[-1].end:figure.start].lower().split()):
        return []  # "khởi công được 40 dự án" only: "tiếp tục thực hiện 22 tàu" has verbs of its own between
    i = next((j for j, w in enumerate(words) if w.start == left[0].start), 0)
    opener = key(words[i - 1]) if i > 0 else ""
    if opener and opener not in PUNCT | BOUNDARY | {"đó", "trong_đó"}:
        return []  # "Trong đó giữ nguyên 54 chợ", "…, xây dựng mới 151 chợ", "hoặc sử dụng thường xuyên 300 lao động"
    if tag(left[0]) != "V" and tags([*left, *(w for w in words if left[-1].end <= w.start < figure.end)])[0] != "V":
        return []  # the word alone, else in its clause ("lắp đặt" alone is no verb to underthesea, before "20 trạm" it is)
    while i >= 2 and key(words[i - 1]) == "," and tag(words[i - 2]) == "V":
        i -= 2  # "cải tạo, nâng cấp, mở rộng 8 trường": the list of what is done, whole
    return [w for w in words if words[i].start <= w.start and w.end <= left[-1].end]


def threshold_of_class(text: str, left: list[Token], figure: Figure) -> list[Token]:
    """The class of things a count bounds, the noun phrase right before it, after its last preposition
    ("… đối với ô tô dưới 9 chỗ ngồi", "xe chở khách từ 30 chỗ trở lên" → "ô tô", "xe chở khách");
    [] when more than a bound ("dưới", "không quá", "từ … trở lên") stands between them."""
    between = "_".join(text[left[-1].end:figure.start].lower().split())
    if not (between in QUALIFIER or between == "từ" and AND_MORE_AFTER.match(text, figure.end)):
        return []
    cut = max((j for j, w in enumerate(left) if key(w) in DANGLING or tag(w) == "E"), default=-1)
    phrase = left[cut + 1:]
    if not phrase or key(phrase[0]) in GENERIC | MEASURE_HEADS | NAMES_A_MEASURE | SHARE_HEADS \
            or not names_a_thing(text, phrase):
        return []
    read = tags(phrase)  # together: "bố trí" alone may read as a noun, after "khu phố" it is the verb
    return [] if read[0] in NOT_A_NOUN_END or read[-1] in NOT_A_NOUN_END else phrase



# What opens a clause that says which of the things counted are meant: a passive or a perfect ("68 nhà đã
# được cấp kinh phí"), a purpose ("22 biểu mẫu để thực hiện …"), a result ("100 sản phẩm đạt giải"), the rest.
SAID_OPENERS = frozenset("được đã để đạt đến còn_lại".split())
# Where such a clause ends: a preposition or conjunction that opens a new one, or a time of its own.
SAID_ENDS = frozenset("và hoặc nhưng thì mà nên so với cho tại trong theo từ đến khi nếu do vì như này đó "
                      "trở_lên trở_xuống năm tháng ngày quý nhằm để đã".split())
MAX_SAID = 7
# After "đến", a time or a bound, not where the people counted went ("62 lượt người đến trụ sở …").
NOT_A_NAME_AFTER = frozenset("nay hết hạn cuối ngày tháng năm quý".split())


def said_after(text: str, words: Sequence[Token], figure: Figure, bare: list[Token]) -> list[Token]:
    """A bare counted noun and the clause right after it that says which are meant: "68 nhà đã được cấp
    kinh phí", "100 sản phẩm đạt giải", "22 biểu mẫu để thực hiện các thủ tục hành chính" → the noun with
    it; [] when no such clause follows, when its verb governs a figure ("100 xã được bố trí 3 người", "đạt
    doanh thu 5 tỷ") or when a place acts ("11 phường để triển khai")."""
    after = [w for w in words if w.start >= bare[-1].end][:MAX_SAID + 1]
    if len(after) < 2 or text[bare[-1].end:after[0].start].strip() or key(after[0]) not in SAID_OPENERS:
        return []
    first, second = key(after[0]), key(after[1])
    if first == "đã" and second != "được" and tag(after[1]) != "V" \
            or first == "để" and (key(bare[0]) in PLACES or tag(after[1]) != "V") \
            or first in ("đạt", "đến") and (not tag(after[1]).startswith("N") or second in TIME_OPENERS | NOT_A_NAME_AFTER) \
            or first == "được" and second in STOP_AFTER - RECEIVE:
        return []
    clause = [after[0]]
    for w in after[1:]:
        if key(w) in PUNCT or key(w) in SAID_ENDS or NUMBERISH.match(key(w)):
            break
        clause.append(w)
    stop = after[len(clause)] if len(clause) < len(after) else None
    if stop is not None and key(stop)[:1].isdigit() or len(clause) < 2 and first != "còn_lại" \
            or len(clause) > 1 and key(clause[1]) in DANGLING:
        return []  # the verb of a figure that follows, not what is said of this one
    while key(clause[-1]) in DANGLING:
        clause.pop()  # "để thực hiện các": no "các" at the end
    return [*bare, *clause]


def numbers_a_name(after: list[Token], j: int, phrase: list[Token]) -> bool:
    """Is the number at `after[j]` part of a name the counted noun's phrase ends on ("15 phường quận 5",
    "các xã khu vực 2"): a small whole number right after a noun that names places or classes by number?"""
    return len(phrase) >= 2 and key(phrase[-1]) in NAMING and phrase[-1] is after[j - 1] \
        and re.fullmatch(r"\d{1,3}", after[j].text) is not None


def lists_a_verb(after: list[Token], j: int, phrase: list[Token]) -> bool:
    """Does the "," at `after[j]` join a second verb to the one the counted noun's phrase ends on ("2 cơ sở
    công nghiệp khai thác, chế biến sâu quặng vàng", "50 hộ sản xuất, kinh doanh"), not a clause of its
    own ("135 cửa hàng, giải toả 02 cửa hàng": no verb ends the phrase; a figure follows; ", gồm"), nor a list
    after a passive, which the phrase is cut at ("100% cán bộ được đào tạo, bồi dưỡng …")?"""
    return key(after[j]) == "," and len(phrase) >= 2 and j + 1 < len(after) and tag(phrase[-1]) == "V" \
        and tag(after[j + 1]) == "V" and key(after[j + 1]) not in STOP_AFTER | BOUNDARY \
        and not any(key(w) in PASSIVE for w in phrase) and not any(key(w)[:1].isdigit() for w in after[j + 1:j + 5])
