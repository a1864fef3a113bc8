"""`Index`: the one face of a search index, whichever backend holds it.

The facade does, once per question, what does not depend on where the index lives: the
query's lexical tokens, its embedding, the filters parsed into one value, and the fusion of
the two rankings. A `Backend` (the local directory, or its Milvus mirror) only retrieves
ranked rows under those filters and turns rows into hits.

>>> index = Index.open(".vnreport/index")                      # doctest: +SKIP
>>> index.search("Diện tích thả nuôi thủy sản", k=3)[0].text   # doctest: +SKIP
>>> Index.open(backend="milvus", milvus_uri="./milvus.db")      # doctest: +SKIP
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Optional, Protocol, Sequence

import numpy as np

from nlp.errors import QueryError, VnreportError
from nlp.index.filters import Filters
from nlp.index.fusion import POOL, fuse, query_weights
from nlp.index.manifest import read_manifest
from nlp.types import Hit

__all__ = ["Index", "Hit", "Backend", "BACKENDS"]


class Backend(Protocol):
    """Where the passages live. Rows are the local store's passage rows in both backends."""

    @property
    def embedder_info(self) -> dict: ...  # {"spec", "name", "dimension"} the vectors came from

    def counts(self) -> dict: ...  # {"reports": n, "passages": n}

    def retrieve(self, tokens: Sequence[str], vector: np.ndarray, size: int,
                 filters: Filters) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]: ...

    def hits(self, fused: Sequence[tuple[int, float, dict]]) -> list[Hit]: ...

    def close(self) -> None: ...


def _open_local(directory: Optional[Path], **_) -> Backend:
    from nlp.index.local import LocalBackend

    if directory is None:
        raise QueryError("index", None, "missing_index", "the local backend needs an index directory")
    return LocalBackend.open(directory)


def _open_milvus(directory: Optional[Path], milvus_uri: Optional[str] = None, milvus_collection: str = "vnreport",
                 milvus_token: Optional[str] = None, **_) -> Backend:
    from nlp.index.milvus import MilvusBackend

    if not milvus_uri:
        raise QueryError("milvus_uri", None, "missing_uri", "the Milvus backend needs a server or .db file")
    return MilvusBackend.open(milvus_uri, milvus_collection, milvus_token)


BACKENDS: dict[str, Callable[..., Backend]] = {"local": _open_local, "milvus": _open_milvus}


class Index:
    """Search, list and read the reports of one index. Thread-safe for searching."""

    def __init__(self, backend: Backend, directory: Optional[Path] = None, store=None,
                 options: Optional[dict] = None, embedder=None) -> None:
        self.backend = backend
        self.directory = directory
        self._store = store  # the local store, for the reports and their extracts
        self._generation = (read_manifest(directory) or {}).get("generation") if directory else None
        self._options = options or {}
        self._embedder = embedder
        self._lock = threading.Lock()

    @classmethod
    def open(cls, directory: str | Path | None = None, *, backend: str = "local", embedder: Optional[str] = None,
             **options) -> "Index":
        """Open an index. `directory`: the local index (for the Milvus backend, optional: it
        serves the reports' pages). `backend`: "local" or "milvus" (options `milvus_uri`,
        `milvus_collection`, `milvus_token`). `embedder` (a spec) must match the index's."""
        if backend not in BACKENDS:
            raise QueryError("backend", backend, "invalid_backend", f"is not one of {', '.join(BACKENDS)}")
        directory = Path(directory) if directory is not None else None
        opened = BACKENDS[backend](directory, **options)
        try:
            _check_embedder_spec(opened.embedder_info, embedder)
            store = getattr(opened, "store", None) or (_local_store(directory) if directory else None)
        except BaseException:
            opened.close()
            raise
        return cls(opened, directory, store, {"backend": backend, **options})

    @property
    def embedder(self):
        """The query embedder, loaded on first use and checked against the index's vectors."""
        if self._embedder is None:
            from nlp.index.embedders import get_embedder

            built_with = self.backend.embedder_info
            model = get_embedder(built_with["spec"])
            if model.name != built_with["name"]:
                raise VnreportError(self.directory or "index", "the embedder installed now is not the one "
                                    "the index was built with", "rebuild the index")
            self._embedder = model
        return self._embedder

    @property
    def embedder_info(self) -> dict:
        return self.backend.embedder_info

    def counts(self) -> dict:
        return self.backend.counts()

    def __len__(self) -> int:
        return self.backend.counts()["passages"]

    def search(self, question: str, k: int = 10, report: Optional[str] = None, section: Optional[str] = None,
               kind: Optional[str] = None, entity: Optional[str] = None, period: Optional[str] = None,
               weights: Optional[tuple[float, float]] = None, pool: int = POOL) -> list[Hit]:
        """Top-k hits for `question`. Filters: report (id, source or number), section (path
        prefix "I./1."), kind (passage | task | footnote | table), entity ("AGENCY:Sở Y tế"),
        period ("2023", "2023-03", "2023-Q1"). `weights` = (bm25, dense) in the fusion; by
        default they follow the query's language (`fusion.query_weights`)."""
        from nlp.index.sparse import query_tokens

        question = question.strip()
        filters = Filters.parse(report, section, kind, entity, period)
        if not question or k <= 0:
            return []
        vector = self.embedder.embed_queries([question])[0]
        lexical, dense = self.backend.retrieve(query_tokens(question), vector, max(pool, k), filters)
        return self.backend.hits(fuse(lexical, dense, weights or query_weights(question))[:k])

    def reports(self) -> list[dict]:
        """Every report: id, source, number, issuer, place, date, title, period, passages."""
        return self._local().reports()

    def extract_json(self, report_id: str) -> str:
        """The extract JSON of one report, as `vnreport extract` writes it."""
        return self._local().extract_json(report_id)

    def _local(self):
        if self._store is None:
            raise QueryError("index", None, "missing_index", "reading reports needs the local index directory")
        return self._store

    def refreshed(self) -> "Index":
        """This index, or a new one on the generation a build has since swapped in (the
        loaded embedder carried over). For servers that outlive builds."""
        if self.directory is None:
            return self
        with self._lock:
            manifest = read_manifest(self.directory)
            if manifest is None or manifest["generation"] == self._generation:
                return self
            fresh = Index.open(self.directory, **self._options)
            fresh._embedder = self._embedder
            return fresh

    def close(self) -> None:
        self.backend.close()
        if self._store is not None and self._store is not getattr(self.backend, "store", None):
            self._store.close()

    def facets(self):
        """The filter values of this index and their check (`nlp.index.facets.Facets`)."""
        from nlp.index.facets import Facets

        return Facets(self._local())


def _check_embedder_spec(built_with: dict, spec: Optional[str]) -> None:
    """A query embedder spec other than the build's must at least name the same model."""
    if spec is None or spec == built_with["spec"]:
        return
    from nlp.index.embedders import get_embedder

    if get_embedder(spec).name != built_with["name"]:
        raise QueryError("embedder", spec, "embedder_mismatch",
                         f"is not the embedder the index was built with ({built_with['name']})",
                         f"query with {built_with['spec']}")


def _local_store(directory: Path):
    from nlp.index.manifest import require_manifest
    from nlp.index.store import ReportStore

    return ReportStore(directory / require_manifest(directory)["generation"] / "store.sqlite")
