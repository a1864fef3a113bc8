"""Fusing the lexical and the dense ranking into one: weighted reciprocal rank fusion, with
weights that follow the language the question is written in."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

POOL = 100  # candidates taken from each retriever before fusion
RRF_K = 60

WEIGHTS_VIETNAMESE = (1.0, 1.0)
WEIGHTS_NO_DIACRITICS = (1.0, 0.3)  # the embedder reads unaccented Vietnamese poorly
WEIGHTS_FOREIGN = (0.2, 1.0)  # BM25 has no words in common with an English question

Ranked = Sequence[tuple[int, float]]  # (row, score), best first


def query_weights(question: str) -> tuple[float, float]:
    """(bm25, dense) fusion weights for a question, by what it is written in.

    Vietnamese with diacritics: equal. Without diacritics (its words are all Vietnamese
    syllables once folded: "nha tinh nghia"): lean on BM25's folded field. Another language
    ("aquaculture area stocked"): lean on the multilingual embedder.
    """
    words = re.findall(r"[^\W\d_]+", question.lower())
    if not words or any(not w.isascii() for w in words):
        return WEIGHTS_VIETNAMESE
    known = sum(w in _vietnamese_syllables() for w in words)
    return WEIGHTS_NO_DIACRITICS if known >= 0.7 * len(words) else WEIGHTS_FOREIGN


@lru_cache(maxsize=1)
def _vietnamese_syllables() -> frozenset[str]:
    """Every syllable of underthesea's Viet74K word list, folded ("nghĩa" → "nghia")."""
    from nlp.index.sparse import fold
    from nlp.segment import vietnamese_words

    return frozenset(fold(" ".join(vietnamese_words())).split())


def fuse(lexical: Ranked, dense: Ranked, weights: tuple[float, float]) -> list[tuple[int, float, dict]]:
    """Reciprocal rank fusion: score = Σ weight / (RRF_K + rank); ranks are 1-based; equal
    scores in row order. Returns (row, score, {"bm25": rank or None, "dense": rank or None})."""
    scores: dict[int, float] = {}
    ranks: dict[int, dict] = {}
    for name, hits, weight in (("bm25", lexical, weights[0]), ("dense", dense, weights[1])):
        for rank, (pos, _) in enumerate(hits, start=1):
            scores[pos] = scores.get(pos, 0.0) + weight / (RRF_K + rank)
            ranks.setdefault(pos, {"bm25": None, "dense": None})[name] = rank
    ordered = sorted(scores, key=lambda p: (-scores[p], p))
    return [(pos, scores[pos], ranks[pos]) for pos in ordered]
