"""FAISS behind a small adapter: inner product on L2-normalised vectors.

Exact search (IndexFlatIP) up to `HNSW_FROM` vectors; HNSW above it, where a flat scan of
384-d float32 stops fitting the latency target (see scripts/bench_search.py for the numbers).
Positions are 0..n-1 in the order vectors were added; the caller keeps the position → row map.
An index holds several vectors per passage (its own and its sentences'); a passage's dense
score is its best vector's cosine (`best_per_row`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Sequence

import numpy as np

HNSW_FROM = 200_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 128
VECTORS_PER_ROW = 4  # vectors fetched per passage wanted, before asking for more (a passage has ~1-7)


def best_per_row(hits: Sequence[tuple[int, float]]) -> list[tuple[int, float]]:
    """(row, best score) once per row, best first, equal scores in row order.

    >>> best_per_row([(3, 0.9), (1, 0.8), (3, 0.7), (2, 0.8)])
    [(3, 0.9), (1, 0.8), (2, 0.8)]
    """
    best: dict[int, float] = {}
    for row, score in hits:
        if score > best.get(row, -np.inf):
            best[row] = score
    return sorted(best.items(), key=lambda item: (-item[1], item[0]))


def top_rows(search: Callable[[int], list[tuple[int, float]]], size: int) -> list[tuple[int, float]]:
    """The `size` best rows by their best vector, from `search(k)` = the k best (row, score)
    vectors; asks for more vectors until `size` distinct rows or no more vectors. Exact: a row
    missing from the k best vectors scores at most the k-th, below every row found."""
    k = max(1, size) * VECTORS_PER_ROW
    while True:
        found = search(k)
        rows = best_per_row(found)
        if len(rows) >= size or len(found) < k:
            return rows[:size]
        k *= 2


class DenseIndex:
    def __init__(self, index) -> None:
        self._index = index

    @classmethod
    def build(cls, vectors: np.ndarray, dimension: int) -> "DenseIndex":
        import faiss

        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dimension)
        if len(vectors) >= HNSW_FROM:
            index = faiss.IndexHNSWFlat(dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = 80
        else:
            index = faiss.IndexFlatIP(dimension)
        if len(vectors):
            index.add(vectors)
        return cls(index)

    def __len__(self) -> int:
        return self._index.ntotal

    def search(self, query: np.ndarray, k: int, allowed: Optional[np.ndarray] = None) -> list[tuple[int, float]]:
        """Top-k (position, cosine) for one query vector; `allowed` is a boolean mask of positions."""
        import faiss

        n = len(self)
        if n == 0 or k <= 0:
            return []
        params = None
        if allowed is not None:
            ids = np.flatnonzero(allowed).astype(np.int64)
            if len(ids) == 0:
                return []
            selector = faiss.IDSelectorBatch(ids)
            params = (faiss.SearchParametersHNSW(sel=selector, efSearch=max(HNSW_EF_SEARCH, k))
                      if isinstance(self._index, faiss.IndexHNSW) else faiss.SearchParameters(sel=selector))
            k = min(k, len(ids))
        elif isinstance(self._index, faiss.IndexHNSW):
            params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))
        k = min(k, n)
        scores, positions = self._index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k, params=params)
        return [(int(p), float(s)) for p, s in zip(positions[0], scores[0]) if p >= 0]

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        import faiss

        return cls(faiss.read_index(str(path)))
