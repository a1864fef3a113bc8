"""What the clause around a counted figure or a share says names it, when the noun after the number
does not: the verbs that open the clause ("Xây dựng mới 06 chợ"), the class a bound belongs to
("xe chở người từ 16 chỗ trở lên"), the figure before that a "về X" qualifies ("đạt 81,05% về việc
(vượt 6,05% …)"). Read by nlp/figures/indicator.py."""

from __future__ import annotations

import re
from typing import Sequence

from nlp.figures.labels import names_a_thing
from nlp.figures.vocabulary import (
    key, tag, tags, BOUNDARY, DANGLING, GENERIC, MEASURE_HEADS, MODAL, NAMES_A_MEASURE, PASSIVE, PUNCT, QUALIFIER,
    SHARE_HEADS,
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
