"""The local backend: one generation of an index directory — the SQLite store, the FAISS
vectors, the bm25s files and the position → row maps — behind the `Backend` contract."""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from nlp.errors import VnreportError
from nlp.index.filters import Filters
from nlp.index.manifest import require_manifest
from nlp.index.store import ReportStore
from nlp.types import Hit


class LocalBackend:
    """Search one generation on this machine; ranks and hits are keyed by the store's row."""

    def __init__(self, manifest: dict, store: ReportStore, dense, lexical, rows: np.ndarray,
                 vector_rows: np.ndarray) -> None:
        self.manifest = manifest
        self.store = store
        self._dense = dense
        self._lexical = lexical
        self._rows = rows  # BM25 position -> passage row
        self._vector_rows = vector_rows  # FAISS position -> passage row (a passage's own vector and its sentences')

    @classmethod
    def open(cls, directory: str | Path) -> "LocalBackend":
        """The generation `directory`'s manifest names as current."""
        from nlp.index.dense import DenseIndex
        from nlp.index.sparse import LexicalIndex

        manifest = require_manifest(directory)
        gen = Path(directory) / manifest["generation"]
        try:
            rows = np.load(gen / "rows.npy", allow_pickle=False)
            vector_rows = np.load(gen / "vector_rows.npy", allow_pickle=False)
            dense = DenseIndex.load(gen / "dense.faiss")
            lexical = LexicalIndex.load(gen / "lexical")
            store = ReportStore(gen / "store.sqlite")
        except (OSError, RuntimeError, ValueError) as err:
            raise VnreportError(gen, f"index files unreadable ({err})", "rebuild the index") from None
        return cls(manifest, store, dense, lexical, rows, vector_rows)

    @property
    def embedder_info(self) -> dict:
        return self.manifest["embedder"]

    def counts(self) -> dict:
        return {"reports": self.manifest["counts"]["reports"], "passages": len(self._rows)}

    def retrieve(self, tokens: Sequence[str], vector: Optional[np.ndarray], size: int,
                 filters: Filters) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """The top `size` (row, score) of BM25 and of the dense index (none without a vector),
        best first; a passage's dense score is the best cosine of its vectors."""
        from nlp.index.dense import top_rows

        allowed, vector_allowed = self._allowed(filters)
        if allowed is not None and not allowed.any():
            return [], []
        rows, vector_rows = self._rows, self._vector_rows
        lexical = [(int(rows[p]), s) for p, s in self._lexical.search(tokens, size, allowed)]
        if vector is None:
            return lexical, []
        dense = top_rows(lambda k: [(int(vector_rows[p]), s) for p, s in self._dense.search(vector, k, vector_allowed)],
                         size)
        return lexical, dense

    def _allowed(self, filters: Filters) -> tuple[Optional[np.ndarray], Optional[np.ndarray]]:
        """Masks of the BM25 and the FAISS positions whose passage passes `filters` (None: all)."""
        if not filters:
            return None, None
        kept = np.asarray(self.store.rows(filters), dtype=np.int64)
        return np.isin(self._rows, kept), np.isin(self._vector_rows, kept)

    def hits(self, fused: Sequence[tuple[int, float, dict]]) -> list[Hit]:
        return [self.store.hit(row, score, ranks) for row, score, ranks in fused]

    def figures(self, hits: Sequence[Hit]) -> dict[str, list[dict]]:
        return {h.passage_id: self.store.figures_in(h.report, h.start, h.end) for h in hits}

    def close(self) -> None:
        self.store.close()
