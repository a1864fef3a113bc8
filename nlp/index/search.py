"""`Index`: open an index directory and search it — BM25 and dense retrieval fused by
reciprocal rank fusion, with filters and citations.

>>> index = Index.open(".vnreport/index")                      # doctest: +SKIP
>>> index.search("Diện tích thả nuôi thủy sản", k=3)[0].text   # doctest: +SKIP
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from nlp.errors import VnreportError
from nlp.index.build import read_manifest

POOL = 100  # candidates taken from each retriever before fusion
RRF_K = 60


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: where it is (report, source, section, start/end into that report's text),
    why it came up (fused score and each retriever's rank), and its footnote links."""

    report: str
    source: str
    passage_id: str
    kind: str
    text: str
    start: int
    end: int
    section: str
    headings: tuple[str, ...]
    score: float
    ranks: dict
    footnotes: tuple[dict, ...] = ()
    claim: Optional[dict] = None
    title: Optional[str] = None
    date: Optional[str] = None

    def to_dict(self) -> dict:
        return {"report": self.report, "source": self.source, "passage_id": self.passage_id,
                "kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "section": self.section, "headings": list(self.headings), "score": round(self.score, 6),
                "ranks": self.ranks, "footnotes": list(self.footnotes), "claim": self.claim,
                "title": self.title, "date": self.date}


@dataclass
class Index:
    directory: Path
    manifest: dict
    _conn: object = field(repr=False)
    _dense: object = field(repr=False)
    _lexical: object = field(repr=False)
    _rows: np.ndarray = field(repr=False)
    _embedder: object = field(default=None, repr=False)

    @classmethod
    def open(cls, directory: str | Path, embedder: Optional[str] = None) -> "Index":
        """Open the current generation; `embedder` (a spec) must match the one it was built with."""
        from nlp.index.dense import DenseIndex
        from nlp.index.sparse import LexicalIndex
        from nlp.index.store import connect

        directory = Path(directory)
        manifest = read_manifest(directory)
        if manifest is None:
            raise VnreportError(directory, "no index here", "build one: vnreport build PATH --index DIR")
        built_with = manifest["embedder"]
        if embedder is not None and embedder != built_with["spec"]:
            from nlp.index.embedders import get_embedder

            if get_embedder(embedder).name != built_with["name"]:
                raise VnreportError(directory, f"index was built with embedder {built_with['name']}, "
                                    f"not {embedder}", f"query with --embedder {built_with['spec']}")
        gen = directory / manifest["generation"]
        try:
            rows = np.load(gen / "rows.npy", allow_pickle=False)
            dense = DenseIndex.load(gen / "dense.faiss")
            lexical = LexicalIndex.load(gen / "lexical")
            conn = connect(gen / "store.sqlite", readonly=True)
        except (OSError, RuntimeError, ValueError) as err:
            raise VnreportError(gen, f"index files unreadable ({err})", "rebuild the index") from None
        return cls(directory, manifest, conn, dense, lexical, rows)

    @property
    def embedder(self):
        if self._embedder is None:
            from nlp.index.embedders import get_embedder

            self._embedder = get_embedder(self.manifest["embedder"]["spec"])
            if self._embedder.name != self.manifest["embedder"]["name"]:
                raise VnreportError(self.directory, "the embedder installed now is not the one the index "
                                    "was built with", "rebuild the index")
        return self._embedder

    def __len__(self) -> int:
        return len(self._rows)

    def search(self, question: str, k: int = 10, report: Optional[str] = None, section: Optional[str] = None,
               kind: Optional[str] = None, entity: Optional[str] = None, period: Optional[str] = None,
               weights: Optional[tuple[float, float]] = None, pool: int = POOL) -> list[Hit]:
        """Top-k hits for `question`. Filters: report (id, source or number), section (path
        prefix "I./1."), kind (passage | task | footnote), entity ("AGENCY:Sở Y tế"), period
        ("2023", "2023-03", "2023-Q1"). `weights` = (bm25, dense) in the fusion; by default they
        follow the query's language (see `query_weights`)."""
        from nlp.index.sparse import query_tokens

        question = question.strip()
        if not question or k <= 0:
            return []
        allowed = self._allowed(report, section, kind, entity, period)
        if allowed is not None and not allowed.any():
            return []
        lexical = self._lexical.search(query_tokens(question), max(pool, k), allowed)
        vector = self.embedder.embed_queries([question])[0]
        dense = self._dense.search(vector, max(pool, k), allowed)
        fused = _fuse(lexical, dense, weights or query_weights(question))
        return [self._hit(pos, score, ranks) for pos, score, ranks in fused[:k]]

    def _allowed(self, report, section, kind, entity, period) -> Optional[np.ndarray]:
        from nlp.index.store import filtered_rows

        if not any((report, section, kind, entity, period)):
            return None
        entity_filter = None
        if entity:
            label, _, name = entity.partition(":")
            if not name:
                raise VnreportError("--entity", f"'{entity}' is not LABEL:TEXT", 'e.g. "AGENCY:Sở Y tế"')
            entity_filter = (label.upper(), name)
        rows = filtered_rows(self._conn, report, section, kind, entity_filter, _period_range(period) if period else None)
        return np.isin(self._rows, np.asarray(rows, dtype=np.int64))

    def _hit(self, position: int, score: float, ranks: dict) -> Hit:
        row = self._conn.execute(
            'SELECT p.*, r.source, r.title, r.date FROM passages p JOIN reports r ON r.id = p.report '
            "WHERE p.row = ?", (int(self._rows[position]),)).fetchone()
        carried = json.loads(row["footnotes"])
        notes = ()
        if carried:
            marks = ",".join("?" * len(carried))
            notes = tuple({"id": n["id"], "body": n["body"]} for n in self._conn.execute(
                f"SELECT id, body FROM footnotes WHERE report = ? AND id IN ({marks}) ORDER BY id",
                (row["report"], *carried)))
        claim = {"footnote": row["footnote"], "text": row["claim"]} if row["footnote"] is not None else None
        return Hit(row["report"], row["source"], row["id"], row["kind"], row["text"], row["start"], row["end"],
                   row["section"], tuple(json.loads(row["headings"])), score, ranks, notes, claim,
                   row["title"], row["date"])

    def close(self) -> None:
        self._conn.close()


WEIGHTS_VIETNAMESE = (1.0, 1.0)
WEIGHTS_NO_DIACRITICS = (1.0, 0.3)  # the embedder reads unaccented Vietnamese poorly
WEIGHTS_FOREIGN = (0.2, 1.0)  # BM25 has no words in common with an English question


def query_weights(question: str) -> tuple[float, float]:
    """(bm25, dense) fusion weights for a question, by what it is written in.

    Vietnamese with diacritics: equal. Without diacritics (its words are all Vietnamese
    syllables once folded: "nha tinh nghia"): lean on BM25's folded field. Another language
    ("aquaculture area stocked"): lean on the multilingual embedder.
    """
    import re

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


def _fuse(lexical, dense, weights) -> list[tuple[int, float, dict]]:
    """Reciprocal rank fusion: score = Σ weight / (RRF_K + rank); ranks are 1-based."""
    scores: dict[int, float] = {}
    ranks: dict[int, dict] = {}
    for name, hits, weight in (("bm25", lexical, weights[0]), ("dense", dense, weights[1])):
        for rank, (pos, _) in enumerate(hits, start=1):
            scores[pos] = scores.get(pos, 0.0) + weight / (RRF_K + rank)
            ranks.setdefault(pos, {"bm25": None, "dense": None})[name] = rank
    ordered = sorted(scores, key=lambda p: (-scores[p], p))
    return [(pos, scores[pos], ranks[pos]) for pos in ordered]


def _period_range(period: str) -> tuple[str, str]:
    """ "2023" → whole year; "2023-03" → the month; "2023-Q1" → the quarter (ISO dates)."""
    import calendar
    import re

    m = re.fullmatch(r"(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])))?", period.strip())
    if not m:
        raise VnreportError("--period", f"'{period}' is not YYYY, YYYY-MM or YYYY-Qn")
    year = int(m.group(1))
    if m.group(2):
        first = last = int(m.group(2))
    elif m.group(3):
        first, last = 3 * int(m.group(3)) - 2, 3 * int(m.group(3))
    else:
        first, last = 1, 12
    return f"{year}-{first:02d}-01", f"{year}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"
