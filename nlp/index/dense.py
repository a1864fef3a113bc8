"""FAISS behind a small adapter: inner product on L2-normalised vectors.

Exact search (IndexFlatIP) up to `HNSW_FROM` vectors; HNSW above it, where a flat scan of
384-d float32 stops fitting the latency target (see scripts/bench_search.py for the numbers).
Positions are 0..n-1 in the order vectors were added; the caller keeps the position → row map.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import numpy as np

HNSW_FROM = 200_000
HNSW_NEIGHBOURS = 32
HNSW_EF_SEARCH = 128


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
