"""PROJECT read from the report around the names the syllable rules found (`projects.project_at`):
a capitalised head that refers back to a project named earlier in the same document is no
second name.
"""

from __future__ import annotations

from nlp.entities.candidate import Candidate
from nlp.entities.phrases import PROJECT_HEADS, WORK_HEADS
from nlp.entities.syllables import match, syllables_of


_BACK_REFERENCE_WORDS = 4  # "Đề án quy mô lớn", "Đề án một cách hiệu quả": a few plain words, no title


def back_references(text: str, kept: list[Candidate]) -> list[Candidate]:
    """`kept` without the capitalised heads that refer back to a project named earlier in the
    document ("Đề án Dạy nghề …" then "là Đề án quy mô lớn", "kinh phí của Đề án đúng mục
    đích"): a bare "Đề án" referring back is no name (docs/annotation.md), and the few plain
    words after it are the sentence, not a second title. A short form of the earlier name stays
    ("Khu kinh tế cửa khẩu" after "Khu kinh tế cửa khẩu Long An"), and so does a title that is
    numbered or opens with its works ("Dự án thành phần 3", "Dự án đường bộ ven biển"). A capitalised
    works or zone head with only lower-case words after it, where the document names such a work by
    its proper name, is no name either ("Khu kinh tế Định An" … "là Khu kinh tế tổng hợp", "của Khu
    kinh tế đảm bảo …"), unless it is a short form of a name given in the document."""
    named: dict[str, list[str]] = {}
    works_named = _works_named(text, kept)
    out = []
    for cand in kept:
        if cand.label == "PROJECT":
            syls = syllables_of(text, cand.start, cand.end)
            n = match(syls, 0, PROJECT_HEADS)
            head = " ".join(s.low for s in syls[:n])
            rest = [s for s in syls[n:] if s.text.isalpha()]
            numbered = any(s.text[0].isdigit() for s in syls[n:])  # "Dự án thành phần 3" is a name
            works = bool(match(syls, n, WORK_HEADS))  # "Dự án đường bộ ven biển": a title naming its works
            own = text[cand.start:cand.end].lower()
            if cand.rule == "project-capitalised" and head in named and len(rest) <= _BACK_REFERENCE_WORDS \
                    and not any(s.cap for s in rest) and not numbered and not works and not any(name.startswith(own) for name in named[head]):
                continue
            if cand.rule == "project-capitalised" and head in works_named and match(syls, 0, WORK_HEADS) == n \
                    and not numbered and not any(s.cap for s in rest) \
                    and not any(own.startswith(name) or name.startswith(own) for names in named.values() for name in names):
                continue  # "Khu kinh tế tổng hợp đa ngành", "Khu kinh tế đảm bảo …" beside "Khu kinh tế Định An"
            if n and any(s.cap for s in rest):
                named.setdefault(head, []).append(own)
        out.append(cand)
    return out


def _works_named(text: str, kept: list[Candidate]) -> set[str]:
    """Heads of the works and zones the document names by a proper name ("khu kinh tế" for
    "Khu kinh tế Định An")."""
    heads = set()
    for cand in kept:
        if cand.label == "PROJECT":
            syls = syllables_of(text, cand.start, cand.end)
            n = match(syls, 0, WORK_HEADS)
            if n and any(s.cap and s.text.isalpha() for s in syls[n:]):
                heads.add(" ".join(s.low for s in syls[:n]))
    return heads
