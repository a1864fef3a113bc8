"""Milvus backend: mirror an index's current generation into a Milvus collection and search
it there — dense and BM25 in one engine (this module searches; `milvus_sync` writes), fused on the client by the `Index` facade exactly as for
the local backend, so both give the same hits.

>>> from nlp.index.milvus_sync import sync_milvus                     # doctest: +SKIP
>>> sync_milvus(".vnreport/index", "http://milvus:19530")            # doctest: +SKIP
{'collection': 'vnreport', 'added': ['589b4ed095c8'], 'replaced': [], 'removed': [], 'unchanged': 0,
 'rewritten': False, 'passages': 116, 'seconds': 1.6}
>>> Index.open(backend="milvus", milvus_uri="http://milvus:19530").search("thả nuôi thủy sản")  # doctest: +SKIP

The local index stays the source of truth (extraction, passages, tokens, vectors); a sync
copies what changed, by report. Every field a `Hit` needs lives in the collection, so a
cluster serves search without the local files. `uri` is what `MilvusClient` takes: a server
("http://host:19530") or a milvus-lite file ("./milvus.db", started in this process).

Lexical side: Milvus's built-in BM25 Function over our own lexical tokens. Its formula is
bm25s's "lucene" one (idf = ln(1 + (N - df + .5)/(df + .5)), k1 1.5, b 0.75; Milvus also
multiplies by k1 + 1, which keeps the order). Each token is spelled with letters and digits
only (`_term`: "~dau" -> "q007edau"), so the "standard" tokenizer (milvus-lite 3.2 has no
"whitespace" one) gives back exactly our tokens. Measured on the seed (116 passages): BM25 top-100
ids and order equal bm25s's for 192/192 queries (76 dev questions + the first 200 characters of
each passage); fused top-10 equal for 76/76 dev questions, and for 929 filtered searches (every
entity, section prefix, kind, period, report key). With raw tokens Milvus splits "~dau" and
"1.234,5": fused top-10 equal for 15/76. Sparse vectors of our own (bm25s's weights, IP metric)
match too, but every weight depends on N, avgdl and df, so adding one report would rewrite every
passage; the built-in BM25 keeps corpus statistics in the engine, so a sync touches only the
reports that changed.

milvus-lite 3.2 keeps BM25 statistics per segment (each sync's inserts are one), so after an
incremental sync its ranking drifts (seed + one 22-passage report: fused top-10 equal for 16/76).
`sync_milvus` therefore rewrites the whole collection, as one segment, whenever anything changed
and the target is milvus-lite; a server gets the incremental sync (its BM25 statistics are
collection-wide). Fusion stays on the client: Milvus's RRFRanker takes no weights and hides each
retriever's rank, so the hits would not be `fusion.fuse`'s.

Sentence vectors (the local FAISS index holds them beside each passage's vector) live in a
companion collection `<collection>_sentences`: one row per sentence vector with its passage's
row and the fields filters read, so BM25's statistics in the passage collection stay those of
the passages. The dense ranking asks both collections for the best vectors and keeps each
passage's best, exactly as the local backend does (`dense.top_rows`).
"""

from __future__ import annotations

import json
from typing import Optional

from nlp.errors import IndexMissingError, QueryError, VnreportError
from nlp.index.filters import Filters
from nlp.types import Hit

FORMAT = "vnreport.milvus/3"  # 2: each passage carries its figures; 3: sentence vectors (SENTENCES collection)
SENTENCES = "{}_sentences"  # the companion collection of sentence vectors
HEADER = "vnreport.header"  # collection property holding {"format", "embedder"}
INSTALL_HINT = "pip install 'vnreport[milvus]'"
TIE_MARGIN = 16  # extra candidates fetched so ties at the pool cut go to the lower row, as locally
MAX_LIMIT = 16_384  # Milvus's largest top-k
BM25_K1 = 1.5  # as bm25s's (sparse.py)
HIT_FIELDS = ["report", "source", "kind", "text", "start", "end", "section", "headings", "footnotes",
              "claim", "title", "date"]


def milvus_client(uri: str, token: Optional[str]):
    """A connected `MilvusClient`, or a one-line VnreportError."""
    try:
        from pymilvus import MilvusClient, MilvusException
    except ImportError:
        raise VnreportError("milvus", "pymilvus is not installed", INSTALL_HINT) from None
    try:
        return MilvusClient(uri=str(uri), token=token or "")
    except MilvusException as err:
        message = getattr(err, "message", "") or str(err)
        if "milvus-lite is required" in message:
            raise VnreportError(uri, "milvus-lite is not installed", INSTALL_HINT) from None
        raise QueryError("milvus_uri", uri, "unreachable", f"cannot be reached ({message})",
                         "give a server (http://host:19530) or a local file ending in .db") from None


def call(uri: str, what: str, function, *args, **kwargs):
    """Run one client call; a server error becomes a VnreportError naming what was tried."""
    from pymilvus import MilvusException

    try:
        return function(*args, **kwargs)
    except MilvusException as err:
        raise VnreportError(uri, f"{what} failed ({getattr(err, 'message', '') or err})") from None


def _term(token: str) -> str:
    """A lexical token spelled with letters and digits only, so any Milvus tokenizer keeps it
    whole; injective ("q" and every other character become "q" + 4 hex digits).

    >>> _term("~dau"), _term("đầu_tư"), _term("1.234,5")
    ('q007edau', 'đầuq005ftư', '1q002e234q002c5')
    """
    import unicodedata

    return "".join(ch if ch != "q" and ((ch.isascii() and (ch.isdigit() or ch.islower()))
                                        or (not ch.isascii() and unicodedata.category(ch) == "Ll"))
                   else f"q{ord(ch):04x}" for ch in token)


def lexical_text(tokens) -> str:
    return " ".join(_term(t) for t in tokens)


def literal(value: str) -> str:
    """A Milvus filter string literal."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def section_prefixes(section: str) -> list[str]:
    """ "I./1./c." -> ["I.", "I./1.", "I./1./c."]: the section filter is then one
    array_contains, exactly `section = x OR section LIKE 'x/%'`."""
    parts = section.split("/") if section else []
    return ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]


def filter_expression(filters: Filters) -> Optional[str]:
    """The Milvus boolean expression for `filters` (None: no filter); the same rows as
    `store.filtered_rows`.

    >>> filter_expression(Filters.parse(kind="task", period="2023-03"))
    '(kind == "task") and (period_start <= "2023-03-31" and period_end >= "2023-03-01")'
    """
    from nlp.index.sparse import fold

    clauses = []
    if filters.report:
        value = literal(filters.report)
        clauses.append(f"report == {value} or source == {value} or number == {value}")
    if filters.section:
        clauses.append(f"array_contains(sections, {literal(filters.section)})")
    if filters.kind:
        clauses.append(f"kind == {literal(filters.kind)}")
    if filters.entity:
        label, name = filters.entity
        if not label.replace("_", "").isalnum() or not label.isascii():
            clauses.append("false")  # no stored label looks like this
        else:
            clauses.append(f'entity_index["{label}"] like {literal("%" + fold(name) + "%")}')
    if filters.period:
        first, last = filters.period
        clauses.append(f"period_start <= {literal(last)} and period_end >= {literal(first)}")
    return " and ".join(f"({c})" for c in clauses) if clauses else None


def collection_info(client, uri: str, collection: str) -> dict:
    """The vnreport header: in the collection's properties (milvus-lite drops descriptions)
    and its description."""
    if not call(uri, "has_collection", client.has_collection, collection):
        raise IndexMissingError(uri, f"no collection {collection!r}", "build the index with the Milvus backend first")
    described = call(uri, "describe_collection", client.describe_collection, collection)
    try:
        info = json.loads((described.get("properties") or {}).get(HEADER) or described.get("description") or "")
    except ValueError:
        info = None
    old = isinstance(info, dict) and str(info.get("format", "")).startswith("vnreport.milvus/")
    if old and info.get("format") != FORMAT:
        raise QueryError("milvus_collection", collection, "old_format",
                         f"holds vnreport's older format {info['format']} (this vnreport reads {FORMAT})",
                         "drop it and sync the index again, or sync into another collection")
    if not isinstance(info, dict) or info.get("format") != FORMAT:
        raise QueryError("milvus_collection", collection, "not_vnreport", f"is not a vnreport collection of format {FORMAT}",
                         "use another collection")
    return info


def count_rows(client, uri: str, collection: str) -> int:
    rows = call(uri, "count", client.query, collection, filter="", output_fields=["count(*)"],
                 consistency_level="Strong")
    return int(rows[0]["count(*)"])


class MilvusBackend:
    """Search a collection `sync_milvus` wrote, behind the same `Backend` contract as the local
    index; ranks and hits are keyed by the local store's row, so fusion breaks ties alike."""

    def __init__(self, uri: str, collection: str, info: dict, client) -> None:
        self.uri, self.collection, self.info, self._client = uri, collection, info, client

    @classmethod
    def open(cls, uri: str, collection: str = "vnreport", token: Optional[str] = None) -> "MilvusBackend":
        client = milvus_client(uri, token)
        try:
            info = collection_info(client, uri, collection)
            for name in (collection, SENTENCES.format(collection)):
                call(uri, "load_collection", client.load_collection, name)
        except BaseException:
            client.close()
            raise
        return cls(str(uri), collection, info, client)

    @property
    def embedder_info(self) -> dict:
        return self.info["embedder"]

    def counts(self) -> dict:
        heads = call(self.uri, "count", self._client.query, self.collection, filter="head == true",
                      output_fields=["count(*)"])
        return {"reports": int(heads[0]["count(*)"]), "passages": count_rows(self._client, self.uri, self.collection)}

    def retrieve(self, tokens, vector, size: int, filters: Filters):
        """The top `size` (row, score) of Milvus's BM25 and of the dense vectors (none without a
        vector), best first; a passage's dense score is the best cosine of its vectors, which
        live in two collections (its own in the passages', its sentences' in SENTENCES)."""
        from nlp.index.dense import top_rows

        expression = filter_expression(filters)
        lexical = self._ranked("bm25", lexical_text(tokens), size, expression) if tokens else []
        if vector is None:
            return lexical, []
        query = vector.tolist()

        def best_vectors(k: int) -> list[tuple[int, float]]:
            found = [hit for name in (self.collection, SENTENCES.format(self.collection))
                     for hit in self._vectors(name, query, k, expression)]
            return sorted(found, key=lambda hit: (-hit[1], hit[0]))[:k]

        return lexical, top_rows(best_vectors, size)

    def _vectors(self, collection: str, query: list, k: int, expression: Optional[str]) -> list[tuple[int, float]]:
        """The k best (passage row, cosine) of one collection's dense vectors."""
        results = call(self.uri, "search", self._client.search, collection, data=[query], anns_field="dense",
                        limit=min(k, MAX_LIMIT), filter=expression or "", output_fields=["row"])[0]
        return [(int(hit["entity"]["row"]), float(hit["distance"])) for hit in results]

    def _ranked(self, field_name: str, query, size: int, expression: Optional[str]) -> list[tuple[int, float]]:
        """Top-`size` (row, score) best first, equal scores in row order as bm25s and faiss give
        them (Milvus breaks ties its own way)."""
        results = call(self.uri, "search", self._client.search, self.collection, data=[query],
                        anns_field=field_name, limit=min(size + TIE_MARGIN, MAX_LIMIT), filter=expression or "",
                        output_fields=["row"])[0]
        ranked, group, last = [], 0, None
        for hit in results:
            group += hit["distance"] != last
            last = hit["distance"]
            ranked.append((group, hit["entity"]["row"], _score(field_name, hit["distance"])))
        return [(row, score) for _, row, score in sorted(ranked)[:size]]

    def hits(self, fused) -> list[Hit]:
        if not fused:
            return []
        found = call(self.uri, "query", self._client.query, self.collection,
                      filter=f"row in [{', '.join(str(int(row)) for row, _, _ in fused)}]",
                      output_fields=["id", "row", *HIT_FIELDS])
        by_row = {int(item["row"]): item for item in found}
        return [_hit(by_row[row], score, ranks) for row, score, ranks in fused]

    def figures(self, hits) -> dict[str, list[dict]]:
        if not hits:
            return {}
        found = call(self.uri, "query", self._client.query, self.collection,
                      filter=f"id in [{', '.join(literal(h.passage_id) for h in hits)}]", output_fields=["id", "figures"])
        return {item["id"]: list(item["figures"] or ()) for item in found}

    def close(self) -> None:
        self._client.close()


def _score(field_name: str, distance: float) -> float:
    """bm25s's score for a BM25 distance (Milvus multiplies by k1 + 1, and milvus-lite negates
    it), so that the fusion's score shares agree with the local backend's; a cosine as it is."""
    return abs(float(distance)) / (1.0 + BM25_K1) if field_name == "bm25" else float(distance)


def _hit(item: dict, score: float, ranks: dict) -> Hit:
    return Hit(item["report"], item["source"], item["id"], item["kind"], item["text"], int(item["start"]),
               int(item["end"]), item["section"], tuple(item["headings"]), score, ranks,
               tuple(item["footnotes"]), item["claim"], item["title"], item["date"])
