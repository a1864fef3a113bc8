"""Fusing the lexical and the dense ranking into one.

`fuse` (the default search) is normalized-score fusion: each candidate's BM25 score as a share
of the question's best BM25 score, plus its cosine min-max scaled over the dense pool, weighted
by the language the question is written in. Plain RRF counts only ranks, so one small dense
rank outweighed a BM25 top-1 that stood far above its runner-up ("giai quyet viec lam cho bao
nhieu lao dong": BM25 rank 1, absent from the dense list, fused rank 13); here that top-1 keeps
its whole lexical share. Chosen on the tune half of the questions (scripts/eval_search.py,
132 questions): hit@1 0.73, MRR@10 0.81, against 0.65 / 0.73 for plain RRF; weighted RRF (the
previous default), RRF with a score-confidence term, and a bonus for a lone BM25 top-1 all
measured lower on the tune half. With an unaccented question respelled before it is embedded
(`search.Index`): 0.75 / 0.82. Measured and left out (tune half, same index): other weights per
language, relevance floors from 0 to 0.4 of BM25's best and dense bands 0.03-1.0 (no change in
any top 10), dense strength as a fixed band below the best cosine, Rocchio feedback on the
dense side (lower), English place names respelled (lower), headings as BM25 words (no gain).

Session 7, with sentence vectors (a passage's cosine is its best vector's, `dense.top_rows`),
re-tuned on the tune half (132 questions, scripts/eval_search.py --split tune): the same
weights went 0.75 / 0.91 / 0.82 -> 0.79 / 0.94 / 0.85 (hit@1 / hit@5 / MRR@10); Vietnamese dense
weight 1.3 and unaccented dense weight 0.5 -> 0.82 / 0.94 / 0.87. Vietnamese dense weights
1.15-1.4 tie (1.0: 0.79, 1.5: 0.80), unaccented 0.5-1.3 tie (0.3: 0.81); foreign BM25 weights 0.1-0.3
tie; dense bands 0.03-1.0 change no top 10; a penalty on sentence cosines (0.005-0.03) lowers
hit@1 (0.80-0.76), a bonus (0.01) too (0.78).

Session 8, tune half only: the language is read from the words that vote (`query_language`:
acronyms and names do not; a question with diacritics is foreign when most of its words are
not Vietnamese), which routes all 132 tune questions as before and takes the 9 tune English
questions with a place name, the name typed with diacritics ("Cần Thơ"), from MRR@10 0.79 to
0.94 (they had the Vietnamese weights). English questions are bound by the embedder: their
fused rank is their dense rank within two, and measured and left out were BM25 weights
0-0.7 for foreign questions (0.2-0.3 tie), BM25 on their names, acronyms and numbers only
(same), a passage's cosine as the mean of its own and its best sentence's (dense alone +0.5
question), Rocchio feedback and embedding the question as typed or as a passage (lower), and
for unaccented questions BM25 on the respelled question (lower).

Session 8, English vocabulary (tune half): a foreign question's BM25 tokens also carry the
Vietnamese of the English report terms it uses (`search.lexical_query`,
`english.vietnamese_terms`: the taxonomy's English names and a glossary of sectors, agencies,
periods and report nouns, written from the genre, not from the questions). English (21 q) hit@1
/ hit@5 / MRR@10 0.71 / 0.86 / 0.760 -> 0.76 / 0.86 / 0.809, every other kind unchanged; all
132: 0.83 / 0.95 / 0.876 -> 0.83 / 0.95 / 0.884 (English ranks 4 -> 1, 5 -> 2, 6 -> 5, 7 -> 6, 5
-> 8). With the expansion, foreign BM25 weight 0.3 / 0.5 / 1.0 gives English MRR@10 0.816 /
0.804 / 0.786 (hit@1 0.76 / 0.71 / 0.67): 0.2 stays.

A candidate counts (toward the hits and their total) when it clears the relevance floor of a
list: BM25 at least LEXICAL_FLOOR of the best, or a cosine within DENSE_BAND of the second best
(session 7: with sentence vectors the best is often one near-verbatim sentence far above the
rest, and a band from it kept 4 passages for "Diện tích thả nuôi thủy sản", 8 for "lúa gạo").
Anchored at the runner-up, 0.04 keeps the seed's 76 dev questions' totals near what the
passage vectors gave with 0.05 from the best (median 70 / 48; under 10: 4 / 8 questions).

`rrf` is plain weighted RRF, the baseline scripts/eval_search.py compares against.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Sequence

from nlp.tone import VIETNAMESE_LETTERS

POOL = 100  # candidates taken from each retriever before fusion
RRF_K = 60

WEIGHTS_VIETNAMESE = (1.0, 1.3)  # sentence vectors made the dense side sharper (session 7)
WEIGHTS_NO_DIACRITICS = (1.0, 0.5)  # the embedder reads unaccented Vietnamese poorly, even respelled
WEIGHTS_FOREIGN = (0.2, 1.0)  # BM25 has no words in common with an English question

UNACCENTED_SHARE = 0.7  # plain words that must be Vietnamese syllables for an unaccented question
FOREIGN_MARKED = 0.5  # with diacritics, the share of Vietnamese words below which the question is foreign

LEXICAL_FLOOR = 0.2  # a BM25 score below this share of the question's best is noise
DENSE_BAND = 0.04  # cosines lower than the runner-up's by more than this are noise
DIGITS = 6  # strengths are rounded so the backends' float noise cannot reorder equal candidates

Ranked = Sequence[tuple[int, float]]  # (row, score), best first
Fused = list[tuple[int, float, dict]]  # (row, fused score, {"bm25": rank or None, "dense": rank or None})


def query_weights(question: str) -> tuple[float, float]:
    """(bm25, dense) fusion weights for a question, by what it is written in
    (`query_language`): Vietnamese with diacritics: lean a little on the dense side. Without them: lean on BM25's
    folded field. Another language: lean on the multilingual embedder."""
    return {"vietnamese": WEIGHTS_VIETNAMESE, "unaccented": WEIGHTS_NO_DIACRITICS,
            "foreign": WEIGHTS_FOREIGN}[query_language(question)]


def query_language(question: str) -> str:
    """"vietnamese", "unaccented" (Vietnamese typed without diacritics: "nha tinh nghia") or
    "foreign" ("aquaculture area stocked"), by the words that vote: every word but acronyms
    ("FDI", the "Q" of "Q1") and names (capitalised after the first word: "Tan Cang", "Cần Thơ"),
    which both languages write alike. A word reads as Vietnamese
    when it has a Vietnamese letter ("Cần", "Krông") or, typed plain, is a Vietnamese syllable
    once folded ("nha", but also "to", "can"). With a Vietnamese letter the question is
    Vietnamese unless fewer than half its voting words read so (English naming a place:
    "visitors to Cần Thơ"); plain, it is unaccented when at least 70 % do, else foreign.

    >>> [query_language(q) for q in ("nhà tình nghĩa", "nha tinh nghia", "rice area", "von FDI nam 2023",
    ...                               "how many visitors came to cần thơ")]
    ['vietnamese', 'unaccented', 'foreign', 'unaccented', 'foreign']
    """
    words = re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", question))  # NFD marks are not letters
    voting = [w for n, w in enumerate(words) if not (w.isascii() and w.isupper() or n and w[0].isupper())] or words
    if not voting:
        return "vietnamese"
    marked = [not w.isascii() and all(ch in VIETNAMESE_LETTERS or ch.isascii() for ch in w) for w in voting]
    known = sum(m or w.lower() in _vietnamese_syllables() for w, m in zip(voting, marked))
    if any(not w.isascii() for w in voting):
        return "vietnamese" if known >= FOREIGN_MARKED * len(voting) else "foreign"
    return "unaccented" if known >= UNACCENTED_SHARE * len(voting) else "foreign"


@lru_cache(maxsize=1)
def _vietnamese_syllables() -> frozenset[str]:
    """Every syllable of underthesea's Viet74K word list, folded ("nghĩa" → "nghia")."""
    from nlp.index.sparse import fold
    from nlp.segment import vietnamese_words

    return frozenset(fold(" ".join(vietnamese_words())).split())


def rrf(lexical: Ranked, dense: Ranked, weights: tuple[float, float]) -> Fused:
    """Reciprocal rank fusion: score = Σ weight / (RRF_K + rank); ranks are 1-based; equal
    scores in row order; no floor."""
    scores: dict[int, float] = {}
    ranks: dict[int, dict] = {}
    for name, hits, weight in (("bm25", lexical, weights[0]), ("dense", dense, weights[1])):
        for rank, (row, _) in enumerate(hits, start=1):
            scores[row] = scores.get(row, 0.0) + weight / (RRF_K + rank)
            ranks.setdefault(row, {"bm25": None, "dense": None})[name] = rank
    ordered = sorted(scores, key=lambda row: (-scores[row], row))
    return [(row, scores[row], ranks[row]) for row in ordered]


def fuse(lexical: Ranked, dense: Ranked, weights: tuple[float, float]) -> Fused:
    """Normalized-score fusion above the relevance floor: score = weight_bm25 × bm25 / best
    bm25 + weight_dense × (cosine − lowest) / (best − lowest), over each list's pool.

    >>> lexical = [(7, 30.0), (1, 12.0), (2, 11.0)]  # row 7 stands far above its runner-up
    >>> dense = [(1, 0.86), (2, 0.85), (3, 0.84), (4, 0.83)]
    >>> [row for row, _, _ in fuse(lexical, dense, (1.0, 0.3))], [row for row, _, _ in rrf(lexical, dense, (1.0, 0.3))]
    ([7, 1, 2, 3, 4], [1, 2, 7, 3, 4])
    """
    lex, den = strengths(lexical, dense)
    scores: dict[int, float] = {}
    ranks: dict[int, dict] = {}
    for name, hits, weight, strength in (("bm25", lexical, weights[0], lex), ("dense", dense, weights[1], den)):
        for rank, (row, _) in enumerate(hits, start=1):
            scores[row] = scores.get(row, 0.0) + weight * strength[row]
            ranks.setdefault(row, {"bm25": None, "dense": None})[name] = rank
    kept = relevant(lexical, dense, lex)
    ordered = sorted(kept, key=lambda row: (-round(scores[row], DIGITS), row))
    return [(row, scores[row], ranks[row]) for row in ordered]


def strengths(lexical: Ranked, dense: Ranked) -> tuple[dict[int, float], dict[int, float]]:
    """Each candidate's score strength in [0, 1] per list: BM25 score / best score (so the
    same in both backends, whose BM25 scales differ); cosine min-max scaled over the pool."""
    best = lexical[0][1] if lexical else 0.0
    lex = {row: round(score / best, DIGITS) if best > 0 else 0.0 for row, score in lexical}
    top, low = (dense[0][1], dense[-1][1]) if dense else (0.0, 0.0)
    span = top - low
    den = {row: round((score - low) / span, DIGITS) if span > 1e-9 else 1.0 for row, score in dense}
    return lex, den


def relevant(lexical: Ranked, dense: Ranked, lex: dict[int, float]) -> set[int]:
    """The candidates above the relevance floor of either list."""
    kept = {row for row, _ in lexical if lex[row] >= LEXICAL_FLOOR}
    if dense:
        # from the runner-up: one sentence matching the question almost word for word (0.93 where
        # the rest sit near 0.84) must not leave its passage alone above the floor
        anchor = dense[min(1, len(dense) - 1)][1]
        # rounded: the backends' float noise (~1e-7) must not move a cosine across the floor
        kept.update(row for row, score in dense if round(score - anchor + DENSE_BAND, DIGITS) >= 0)
    return kept
