"""Lexical (BM25) search over Vietnamese word tokens, diacritic-insensitive through folded syllables.

A document is indexed as its underthesea words, lower-cased with spaces -> "_" ("đầu_tư"), plus
each syllable folded and marked with "~" ("~dau", "~tu"). A query typed with diacritics matches
both kinds and ranks exact spellings first; a query typed without them ("nha tinh nghia") still
matches through the "~" syllables.

>>> lexical_tokens(["Đầu tư", "nhà", ","])
['đầu_tư', '~dau', '~tu', 'nhà', '~nha']
>>> index = LexicalIndex.build([lexical_tokens(["nhà", "tình nghĩa"]), lexical_tokens(["cá"])])
>>> [row for row, _ in index.search(query_tokens("nha tinh nghia"), k=5)]  # doctest: +SKIP
[0]

Engine: bm25s (eager BM25, "lucene" variant, k1=1.5, b=0.75), chosen by measurement against
SQLite 3.40 FTS5 fed the same tokens (contentless table, unicode61 with remove_diacritics 0 and
tokenchars for "_~" and in-number punctuation; its vocabulary was checked equal to ours).
scripts/bench_lexical.py, 8,237 paragraphs (seed report + 183 admin documents, ~56 tokens each)
replicated; 200 sampled sentences as queries (~45 tokens), k=10, 2 CPUs; build includes save:

    engine  docs  build s  disk MB  p50/p95 ms   10% mask p50/p95  4-word folded p50/p95
    bm25s   10k     0.5      4.0     0.2/0.7        0.2/0.6           0.1/0.1
    fts5    10k     0.2      3.6    19.2/80.2      18.1/63.8          4.3/8.5
    bm25s   100k    4.2     36.5     1.4/3.9        0.9/3.7           0.4/0.7
    fts5    100k    1.6     21.2   188/803        174/624            42/70

FTS5 builds faster and is ~40% smaller, but answers 40-200x slower: it scores every matching row
in SQL (a sentence query OR's ~45 tokens; 80% of rows match at 100k), and a mask in SQL ("rowid IN
...") took ~2 s a query, so masking means fetching every match into Python. The top-1 paragraph
agreed on 100% of sentence queries and 95-100% of masked / short ones (FTS5 gives ~zero IDF to
tokens in over half the rows and uses k1=1.2).

Scores are BM25 sums over query tokens (repeated query tokens count again): positive, unbounded,
comparable only within one query on one index. A search only reads the arrays, so one index may
serve many threads; it allocates one float32 per row per query. Resident size is ~8 bytes per
(row, distinct token) pair plus the vocabulary (~45 MB at 100k rows); building 100k rows peaks at
~280 MB of Python objects. Saved files are bm25s's own (npy without pickle, JSON) plus a manifest;
loading needs only numpy and json.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from nlp.errors import VnreportError
from nlp.fileio import atomic_write_bytes

FORMAT = "vnreport.lexical/1"
MANIFEST = "manifest.json"
# bm25s's own file names, so `bm25s.BM25.load` reads what we write (with allow_pickle=False).
_FILES = {
    "data": "data.csc.index.npy",
    "indices": "indices.csc.index.npy",
    "indptr": "indptr.csc.index.npy",
    "vocab": "vocab.index.json",
    "params": "params.index.json",
}
_BM25_PARAMS = {"k1": 1.5, "b": 0.75, "method": "lucene"}
_PARAM_KEYS = ("k1", "b", "delta", "method", "idf_method", "dtype", "int_dtype")  # bm25s's params file
_FOLD_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})


LEXICAL_VERSION = 2  # bump when lexical_tokens changes: a build then re-tokenizes every report


def fold(text: str) -> str:
    """Lower-case, drop Vietnamese diacritics, map đ -> d.

    >>> fold("Nhà Tình Nghĩa, ĐẦU TƯ ưu đãi")
    'nha tinh nghia, dau tu uu dai'
    """
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_FOLD_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)
def _word_token(word: str) -> tuple[str, ...]:
    """One underthesea word -> its lexical tokens (cached: a corpus repeats few distinct words)."""
    from nlp.tone import matching_form

    # one tone placement for both spellings: "hoà" and "hòa" are the same token
    syllables = matching_form(word).split()
    if not any(ch.isalnum() for syllable in syllables for ch in syllable):
        return ()  # punctuation only (or blank)
    folded = ["~" + fold(s) for s in syllables if any(ch.isalnum() for ch in s)]
    return ("_".join(syllables), *folded)


def lexical_tokens(words: Sequence[str]) -> list[str]:
    """Index tokens for a text's underthesea words (as written; multi-syllable words hold spaces).

    Each word gives itself lower-cased (NFC, tone marks placed one way: "hoà" -> "hòa") with
    spaces -> "_", then each of its syllables
    folded and prefixed with "~". Punctuation-only words are dropped; numbers stay as written.

    >>> lexical_tokens(["Thả nuôi", "1.234,5", "tấn", "(", "cơ sở"])
    ['thả_nuôi', '~tha', '~nuoi', '1.234,5', '~1.234,5', 'tấn', '~tan', 'cơ_sở', '~co', '~so']
    """
    tokens: list[str] = []
    for word in words:
        tokens.extend(_word_token(word))
    return tokens


@lru_cache(maxsize=1)
def _word_tokenize():
    from nlp.segment import underthesea  # loads its CRF model: only when a query needs it

    return underthesea().word_tokenize


def query_tokens(text: str) -> list[str]:
    """Tokens of a search query, made exactly like a document's (``lexical_tokens``).

    >>> query_tokens("nha tinh nghia")  # doctest: +SKIP
    ['nha', '~nha', 'tinh_nghia', '~tinh', '~nghia']
    """
    if not text or not text.strip():
        return []
    from nlp.tone import modern_tone

    # segment the query with one tone placement so "hoà bình" and "hòa bình" give one word list
    return lexical_tokens(_word_tokenize()(modern_tone(unicodedata.normalize("NFC", text)),
                                           use_token_normalize=False))


RESTORE_SPAN = 4  # the longest run of query syllables looked up at once
# question words a report seldom writes, so its text cannot restore them
_QUESTION_WORDS = {("bao", "nhieu"): "bao nhiêu", ("nao",): "nào", ("gi",): "gì"}
_SYLLABLE = re.compile(r"\w+")


def restore_diacritics(question: str, texts: Sequence[str]) -> str:
    """An unaccented question respelled as `texts` (the passages BM25 found for it, best
    first) spell it: each run of its syllables, longest first, takes the spelling that run
    has most often in the texts (a text counts 1 / its rank); a syllable never seen stays.
    The embedder reads "tong thu ngan sach" poorly and "tổng thu ngân sách" well.

    >>> restore_diacritics("tong thu ngan sach bao nhieu", ["Tổng thu ngân sách nhà nước đạt 5 tỷ; thu hút đầu tư"])
    'tổng thu ngân sách bao nhiêu'
    """
    from nlp.tone import modern_tone

    spellings: dict[tuple[str, ...], dict[str, float]] = {}
    for rank, text in enumerate(texts, start=1):
        syllables = _SYLLABLE.findall(modern_tone(unicodedata.normalize("NFC", text)).lower())
        folded = [fold(w) for w in syllables]
        for n in range(1, RESTORE_SPAN + 1):
            for i in range(len(syllables) - n + 1):
                forms = spellings.setdefault(tuple(folded[i:i + n]), {})
                form = " ".join(syllables[i:i + n])
                forms[form] = forms.get(form, 0.0) + 1.0 / rank
    asked = _SYLLABLE.findall(fold(unicodedata.normalize("NFC", question)))
    out, i = [], 0
    while i < len(asked):
        for n in range(min(RESTORE_SPAN, len(asked) - i), 0, -1):
            run = tuple(asked[i:i + n])
            forms = spellings.get(run)
            if run in _QUESTION_WORDS or forms:
                out.append(_QUESTION_WORDS.get(run) or max(forms.items(), key=lambda kv: (kv[1], kv[0]))[0])
                i += n
                break
        else:
            out.append(asked[i])
            i += 1
    return " ".join(out)


class LexicalIndex:
    """BM25 over token lists; row i is the i-th list given to ``build``.

    bm25s builds the eager score matrix (CSC: one column of precomputed BM25 terms per token);
    a query sums its tokens' columns with ``np.add.at``, as bm25s's numpy backend does. Immutable
    once built; ``search`` only reads the arrays, so it is safe from several threads.
    """

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, vocab: dict[str, int],
                 n_docs: int, params: dict) -> None:
        self._data, self._indices, self._indptr = data, indices, indptr
        self._vocab = {token: i for token, i in vocab.items() if token}  # bm25s adds a "" slot past the end
        self._n_docs = n_docs
        self._params = params  # bm25s's params.index.json, written back on save

    @classmethod
    def build(cls, token_lists: Sequence[Sequence[str]]) -> "LexicalIndex":
        """Index each token list as one row: ``LexicalIndex.build([["nhà", "~nha"], []])``."""
        docs = [list(tokens) for tokens in token_lists]
        bm25s = _bm25s()
        bm25 = bm25s.BM25(**_BM25_PARAMS)
        if any(docs):
            bm25.index(docs, show_progress=False)
            arrays, vocab = [bm25.scores[key] for key in ("data", "indices", "indptr")], bm25.vocab_dict
        else:  # bm25s cannot index a corpus without tokens
            arrays, vocab = [np.zeros(0, np.float32), np.zeros(0, np.int32), np.zeros(1, np.int64)], {}
        params = {key: getattr(bm25, key) for key in _PARAM_KEYS}
        params |= {"num_docs": len(docs), "version": getattr(bm25s, "__version__", None), "backend": "numpy"}
        return cls(*arrays, vocab, len(docs), params)

    def __len__(self) -> int:
        return self._n_docs

    def search(self, tokens: Sequence[str], k: int, allowed: "np.ndarray | None" = None) -> list[tuple[int, float]]:
        """Top-`k` ``(row, score)`` best first, only rows with score > 0 (and inside `allowed`).

        `allowed` is a boolean mask with one entry per row. Ties go to the lower row. Tokens
        unknown to the index are ignored; ``k`` may exceed ``len(self)``.
        """
        if isinstance(tokens, str):
            raise VnreportError("lexical index", "search got a string, not tokens",
                                "pass query_tokens(text)")
        if allowed is not None:
            allowed = self._check_mask(allowed)
        ids = [self._vocab[t] for t in tokens if t in self._vocab]
        if k <= 0 or not ids:
            return []
        scores = np.zeros(self._n_docs, dtype=np.float32)
        for token_id in ids:  # a repeated query token counts again, as in bm25s
            start, end = self._indptr[token_id], self._indptr[token_id + 1]
            np.add.at(scores, self._indices[start:end], self._data[start:end])
        rows = _top_rows(scores, k, allowed)
        return [(int(row), float(scores[row])) for row in rows]

    def _check_mask(self, allowed) -> np.ndarray:
        mask = np.asarray(allowed)
        if mask.dtype != np.bool_ or mask.shape != (self._n_docs,):
            raise VnreportError(
                "lexical index",
                f"allowed mask is {mask.dtype} of shape {mask.shape}, the index has {self._n_docs} rows",
                "pass a boolean numpy array with one entry per row",
            )
        return mask

    def save(self, directory: Path) -> None:
        """Write bm25s's plain files (npy without pickle, JSON), then ``manifest.json`` with their sha256.

        Each file is replaced atomically and ``load`` checks every hash on the bytes it parses: a
        reader gets the index of one ``save`` or a VnreportError, never a mix of two.
        ``bm25s.BM25.load(directory, load_corpus=False)`` reads the same files.
        """
        directory = Path(directory)
        blobs = {_FILES[key]: _npy_bytes(array) for key, array in
                 (("data", self._data), ("indices", self._indices), ("indptr", self._indptr))}
        vocab = {token: int(i) for token, i in self._vocab.items()}
        blobs[_FILES["vocab"]] = json.dumps(vocab, ensure_ascii=False).encode("utf-8")
        blobs[_FILES["params"]] = json.dumps(self._params, indent=2).encode("utf-8")
        for name, blob in blobs.items():
            atomic_write_bytes(directory / name, blob)
        manifest = {
            "format": FORMAT, "engine": "bm25s", "params": _BM25_PARAMS, "n_docs": self._n_docs,
            "n_tokens": len(self._vocab), "files": {name: _sha256(blob) for name, blob in blobs.items()},
        }
        atomic_write_bytes(directory / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))

    @classmethod
    def load(cls, directory: Path) -> "LexicalIndex":
        """Read an index ``save`` wrote; raises VnreportError if it is missing, foreign or torn."""
        directory = Path(directory)
        manifest = _read_manifest(directory)
        blobs = {}
        for key, name in _FILES.items():
            try:
                blobs[key] = (directory / name).read_bytes()
            except OSError:
                blobs[key] = None
            if blobs[key] is None or _sha256(blobs[key]) != manifest["files"].get(name):
                raise VnreportError(directory, f"{name} is missing or does not match {MANIFEST}",
                                    "the index was changed after it was saved; rebuild it")
        arrays = [np.load(io.BytesIO(blobs[key]), allow_pickle=False) for key in ("data", "indices", "indptr")]
        vocab = json.loads(blobs["vocab"])
        params = json.loads(blobs["params"])
        return cls(*arrays, vocab, manifest["n_docs"], params)


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def _sha256(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def _top_rows(scores: np.ndarray, k: int, allowed: np.ndarray | None) -> np.ndarray:
    """Rows of the `k` best positive allowed scores, best first, ties to the lower row (also at the cut)."""
    positive = scores > 0
    if allowed is not None:
        positive &= allowed
    rows = np.flatnonzero(positive)  # partitioning only these: np.partition crawls over many equal zeros
    if len(rows) > k:
        values = scores[rows]
        kth = np.partition(values, len(values) - k)[len(values) - k]
        above = values > kth
        rows = np.concatenate([rows[above], rows[values == kth][: k - np.count_nonzero(above)]])
    return rows[np.lexsort((rows, -scores[rows]))]


def _read_manifest(directory: Path) -> dict:
    try:
        manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VnreportError(directory, f"no {MANIFEST}", "build the lexical index first") from None
    except (OSError, ValueError) as err:
        raise VnreportError(directory, f"unreadable {MANIFEST} ({err})", "rebuild the lexical index") from None
    if (not isinstance(manifest, dict) or manifest.get("format") != FORMAT
            or not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("n_docs"), int)):
        raise VnreportError(directory, f"not a lexical index of format {FORMAT}",
                            "rebuild it with this version of vnreport")
    return manifest


@lru_cache(maxsize=1)
def _bm25s():
    import logging

    import bm25s

    # bm25s sets its logger to DEBUG on import; with underthesea's root handler that prints on every build
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s
