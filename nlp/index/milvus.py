"""Milvus backend: mirror an index's current generation into a Milvus collection and search
it there — dense and BM25 in one engine, fused on the client by the `Index` facade exactly as for
the local backend, so both give the same hits.

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

import hashlib
import json
import time
from pathlib import Path
from typing import Iterator, Optional

from nlp.errors import IndexMissingError, QueryError, VnreportError
from nlp.index.filters import Filters
from nlp.index.manifest import require_manifest
from nlp.types import Hit

FORMAT = "vnreport.milvus/3"  # 2: each passage carries its figures; 3: sentence vectors (SENTENCES collection)
SENTENCES = "{}_sentences"  # the companion collection of sentence vectors
HEADER = "vnreport.header"  # collection property holding {"format", "embedder"}
INSTALL_HINT = "pip install 'vnreport[milvus]'"
BATCH = 256  # passages per insert request (~2-5 kB each with a 384-d vector)
TIE_MARGIN = 16  # extra candidates fetched so ties at the pool cut go to the lower row, as locally
MAX_VARCHAR = 65_535  # Milvus's VARCHAR limit, in bytes
MAX_ARRAY = 4_096  # Milvus's ARRAY capacity limit
MAX_LIMIT = 16_384  # Milvus's largest top-k
BM25_K1 = 1.5  # as bm25s's (sparse.py)
NO_START, NO_END = "~", ""  # a missing period fails both bounds, as NULL does in SQL
ENTITY_SEPARATOR = "\x1f"  # between folded entity texts of one label; never typed in a filter
FILTER_FIELDS = ("report", "source", "number", "period_start", "period_end", "kind", "sections", "entity_index")
HIT_FIELDS = ["report", "source", "kind", "text", "start", "end", "section", "headings", "footnotes",
              "claim", "title", "date"]


def _client(uri: str, token: Optional[str]):
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


def _call(uri: str, what: str, function, *args, **kwargs):
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


def _lexical_text(tokens) -> str:
    return " ".join(_term(t) for t in tokens)


def _literal(value: str) -> str:
    """A Milvus filter string literal."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def _section_prefixes(section: str) -> list[str]:
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
        value = _literal(filters.report)
        clauses.append(f"report == {value} or source == {value} or number == {value}")
    if filters.section:
        clauses.append(f"array_contains(sections, {_literal(filters.section)})")
    if filters.kind:
        clauses.append(f"kind == {_literal(filters.kind)}")
    if filters.entity:
        label, name = filters.entity
        if not label.replace("_", "").isalnum() or not label.isascii():
            clauses.append("false")  # no stored label looks like this
        else:
            clauses.append(f'entity_index["{label}"] like {_literal("%" + fold(name) + "%")}')
    if filters.period:
        first, last = filters.period
        clauses.append(f"period_start <= {_literal(last)} and period_end >= {_literal(first)}")
    return " and ".join(f"({c})" for c in clauses) if clauses else None


def _schema(client, manifest: dict):
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False, description=_header(manifest))
    text = {"datatype": DataType.VARCHAR, "max_length": MAX_VARCHAR}
    schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
    schema.add_field("row", DataType.INT64)  # the local store's row: fusion breaks ties by it
    for name in ("report", "source", "number", "period_start", "period_end", "kind", "section", "text",
                 "fingerprint"):
        schema.add_field(name, **text)
    for name in ("title", "date"):
        schema.add_field(name, nullable=True, **text)
    schema.add_field("start", DataType.INT64)
    schema.add_field("end", DataType.INT64)
    for name in ("headings", "footnotes", "entity_index", "figures"):
        schema.add_field(name, DataType.JSON)
    schema.add_field("claim", DataType.JSON, nullable=True)
    for name in ("sections", "entities"):
        schema.add_field(name, DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_ARRAY,
                         max_length=MAX_VARCHAR)
    schema.add_field("head", DataType.BOOL)  # the report's first passage, written last: the sync marker
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=int(manifest["embedder"]["dimension"]))
    schema.add_field("lexical", enable_analyzer=True, analyzer_params={"tokenizer": "standard"}, **text)
    schema.add_field("bm25", DataType.SPARSE_FLOAT_VECTOR)
    schema.add_function(Function(name="lexical_bm25", function_type=FunctionType.BM25,
                                 input_field_names=["lexical"], output_field_names=["bm25"]))
    params = client.prepare_index_params()
    params.add_index(field_name="dense", index_type="FLAT", metric_type="IP")  # exact, as faiss IndexFlatIP
    params.add_index(field_name="bm25", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                     params={"bm25_k1": BM25_K1, "bm25_b": 0.75})
    return schema, params


def _sentence_schema(client, manifest: dict):
    """The companion collection: a sentence vector, its passage's row and what `filter_expression` reads."""
    from pymilvus import DataType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False)
    text = {"datatype": DataType.VARCHAR, "max_length": MAX_VARCHAR}
    schema.add_field("id", DataType.INT64, is_primary=True)  # the local store's sentence row
    schema.add_field("row", DataType.INT64)  # its passage's row
    for name in ("report", "source", "number", "period_start", "period_end", "kind"):
        schema.add_field(name, **text)
    schema.add_field("sections", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_ARRAY,
                     max_length=MAX_VARCHAR)
    schema.add_field("entity_index", DataType.JSON)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=int(manifest["embedder"]["dimension"]))
    params = client.prepare_index_params()
    params.add_index(field_name="dense", index_type="FLAT", metric_type="IP")
    return schema, params


def _header(manifest: dict) -> str:
    return json.dumps({"format": FORMAT, "embedder": manifest["embedder"]}, ensure_ascii=False)


def _collection_info(client, uri: str, collection: str) -> dict:
    """The vnreport header: in the collection's properties (milvus-lite drops descriptions)
    and its description."""
    if not _call(uri, "has_collection", client.has_collection, collection):
        raise IndexMissingError(uri, f"no collection {collection!r}", "build the index with the Milvus backend first")
    described = _call(uri, "describe_collection", client.describe_collection, collection)
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


def sync_milvus(index_dir: str | Path, uri: str, collection: str = "vnreport", token: Optional[str] = None,
                rewrite: Optional[bool] = None) -> dict:
    """Mirror the current generation of the local index at `index_dir` into `collection`,
    report by report: passages of reports gone from the index are deleted, new or changed
    reports inserted, unchanged ones left alone. Returns what changed (report ids).

    `rewrite`: when anything changed, write every report again (as one segment). Default: only
    for milvus-lite (`uri` ending in ".db"), whose BM25 statistics are per segment.
    """
    from nlp.index.store import connect

    started = time.perf_counter()
    index_dir = Path(index_dir)
    manifest = require_manifest(index_dir)
    client = _client(uri, token)
    try:
        _ensure_collection(client, uri, collection, manifest)
        conn = connect(index_dir / manifest["generation"] / "store.sqlite", readonly=True)
        try:
            summary = _mirror(client, uri, collection, conn, str(uri).endswith(".db") if rewrite is None else rewrite)
        finally:
            conn.close()
        _call(uri, "flush", client.flush, SENTENCES.format(collection))
        _call(uri, "flush", client.flush, collection)
        summary["passages"] = _count(client, uri, collection)
    finally:
        client.close()
    summary["seconds"] = round(time.perf_counter() - started, 3)
    return summary


def _ensure_collection(client, uri: str, collection: str, manifest: dict) -> None:
    """Create `collection` for this index, or check that its vectors come from the same embedder."""
    if not _call(uri, "has_collection", client.has_collection, collection):
        schema, params = _schema(client, manifest)
        _call(uri, "create_collection", client.create_collection, collection, schema=schema,
              index_params=params, consistency_level="Bounded", properties={HEADER: _header(manifest)})
    if not _call(uri, "has_collection", client.has_collection, SENTENCES.format(collection)):
        schema, params = _sentence_schema(client, manifest)
        _call(uri, "create_collection", client.create_collection, SENTENCES.format(collection), schema=schema,
              index_params=params, consistency_level="Bounded")
    built_with = _collection_info(client, uri, collection)["embedder"]
    if built_with["name"] != manifest["embedder"]["name"]:
        raise QueryError("milvus_collection", collection, "embedder_mismatch",
                         f"holds vectors of embedder {built_with['name']}, the index uses {manifest['embedder']['name']}",
                         "sync into another collection, or drop this one")
    for name in (collection, SENTENCES.format(collection)):
        _call(uri, "load_collection", client.load_collection, name)  # a released one cannot be queried


def _mirror(client, uri: str, collection: str, conn, rewrite: bool) -> dict:
    present = _synced_reports(client, uri, collection)
    local = _local_fingerprints(conn)
    removed = sorted(set(present) - set(local))
    replaced = sorted(r for r in present if r in local and present[r] != local[r])
    added = sorted(set(local) - set(present))
    summary = {"collection": collection, "added": added, "replaced": replaced, "removed": removed,
               "unchanged": len(local) - len(added) - len(replaced), "rewritten": False}
    sentences = SENTENCES.format(collection)
    if rewrite and (removed or replaced or added):
        for name in (collection, sentences):
            _call(uri, "delete", client.delete, name, filter="row >= 0")  # every passage and sentence
        summary["rewritten"], write = True, sorted(local)
    else:
        write = replaced + added
        # `added` too: a sync that died mid-report left passages without the head marker
        for chunk in _chunks(removed + write, 200):
            for name in (collection, sentences):
                _call(uri, "delete", client.delete, name, filter=f"report in [{', '.join(_literal(r) for r in chunk)}]")
    for report_id in write:
        rows = list(_report_rows(conn, report_id, local[report_id]))
        # sentences first, the head passage last: a head marker means the whole report is there
        for chunk in _chunks(list(_sentence_rows(conn, report_id, rows)), BATCH):
            _call(uri, "insert", client.insert, sentences, chunk)
        for chunk in _chunks(rows[1:] + rows[:1], BATCH):
            _call(uri, "insert", client.insert, collection, chunk)
    return summary


def _without_lite_timestamp_warning(record) -> bool:
    """milvus-lite sends iterators no MVCC timestamp; pymilvus would warn on every sync."""
    return "mvccTs" not in record.getMessage()


def _synced_reports(client, uri: str, collection: str) -> dict[str, str]:
    """report id -> fingerprint, from each report's head passage."""
    import logging

    logging.getLogger("pymilvus.client.iterator.query_iterator").addFilter(_without_lite_timestamp_warning)
    iterator = _call(uri, "query", client.query_iterator, collection, batch_size=1000, filter="head == true",
                     output_fields=["report", "fingerprint"], consistency_level="Strong")
    found: dict[str, str] = {}
    while True:
        batch = _call(uri, "query", iterator.next)
        if not batch:
            iterator.close()
            return found
        found.update((row["report"], row["fingerprint"]) for row in batch)


def _local_fingerprints(conn) -> dict[str, str]:
    """report id -> hash of its stored fields and (row, passage id) list: any re-extraction,
    re-tokenization or rename changes it."""
    digests = {}
    for report in conn.execute("SELECT id, source, content_hash, number, title, date, period_start, period_end, "
                               "ner FROM reports"):
        digests[report["id"]] = hashlib.sha256(json.dumps(list(report), ensure_ascii=False).encode())
    for row in conn.execute("SELECT report, row, id FROM passages ORDER BY row"):
        if row["report"] in digests:
            digests[row["report"]].update(f"|{row['row']}:{row['id']}".encode())
    return {report: digest.hexdigest()[:32] for report, digest in digests.items()}


def _report_rows(conn, report_id: str, fingerprint: str) -> Iterator[dict]:
    """The collection rows of one report's passages, in row order."""
    import numpy as np

    from nlp.index.store import figure_dict

    meta = conn.execute("SELECT source, number, title, date, period_start, period_end FROM reports WHERE id = ?",
                        (report_id,)).fetchone()
    notes = [(n["id"], n["anchor"], n["body"]) for n in conn.execute(
        "SELECT id, anchor, body FROM footnotes WHERE report = ? ORDER BY id", (report_id,))]
    entities = list(conn.execute('SELECT label, text, folded, start, "end" FROM entities WHERE report = ?',
                                 (report_id,)))
    figures = [figure_dict(dict(f)) for f in conn.execute("SELECT * FROM figures WHERE report = ? ORDER BY start",
                                                          (report_id,))]
    passages = conn.execute('SELECT row, id, kind, section, headings, start, "end", text, footnotes, footnote, '
                            "claim, tokens, vector FROM passages WHERE report = ? ORDER BY row", (report_id,))
    for n, p in enumerate(passages):
        inside = [e for e in entities if e["start"] >= p["start"] and e["end"] <= p["end"]]
        carried = set(json.loads(p["footnotes"]))
        row = {
            "id": p["id"], "row": p["row"], "report": report_id, "source": meta["source"],
            "number": meta["number"] or "", "title": meta["title"], "date": meta["date"],
            "period_start": meta["period_start"] or NO_START, "period_end": meta["period_end"] or NO_END,
            "kind": p["kind"], "section": p["section"], "sections": _section_prefixes(p["section"]),
            "headings": json.loads(p["headings"]), "text": p["text"], "start": p["start"], "end": p["end"],
            "footnotes": [{"id": i, "anchor": at, "body": body} for i, at, body in notes if i in carried],
            "claim": {"footnote": p["footnote"], "text": p["claim"]} if p["footnote"] is not None else None,
            "entities": sorted({f"{e['label']}:{e['text']}" for e in inside})[:MAX_ARRAY],
            "entity_index": _entity_index(inside), "head": n == 0, "fingerprint": fingerprint,
            "figures": [f for f in figures if f["start"] >= p["start"] and f["end"] <= p["end"]],
            "dense": np.frombuffer(p["vector"], dtype=np.float32).tolist(),
            "lexical": _lexical_text(p["tokens"].split()),
        }
        _check_sizes(report_id, row)
        yield row


def _sentence_rows(conn, report_id: str, passages: list[dict]) -> Iterator[dict]:
    """The companion collection's rows of one report: each sentence vector with its passage's
    row and filter fields."""
    import numpy as np

    by_row = {p["row"]: p for p in passages}
    for sentence in conn.execute("SELECT row, passage, vector FROM sentences WHERE report = ? ORDER BY row",
                                 (report_id,)):
        passage = by_row[sentence["passage"]]
        yield {"id": sentence["row"], "row": sentence["passage"], **{f: passage[f] for f in FILTER_FIELDS},
               "dense": np.frombuffer(sentence["vector"], dtype=np.float32).tolist()}


def _entity_index(entities) -> dict[str, str]:
    """label -> its folded texts joined by ENTITY_SEPARATOR, for `like "%name%"`."""
    by_label: dict[str, set] = {}
    for e in entities:
        by_label.setdefault(e["label"], set()).add(e["folded"])
    return {label: ENTITY_SEPARATOR + ENTITY_SEPARATOR.join(sorted(texts)) + ENTITY_SEPARATOR
            for label, texts in by_label.items()}


def _check_sizes(report_id: str, row: dict) -> None:
    for name in ("text", "lexical", "source", "section", "title"):
        if row[name] is not None and len(row[name].encode("utf-8")) > MAX_VARCHAR:
            raise VnreportError(report_id, f"passage {row['id']}: {name} is over Milvus's {MAX_VARCHAR}-byte "
                                "VARCHAR limit", "split the report into shorter paragraphs")


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _count(client, uri: str, collection: str) -> int:
    rows = _call(uri, "count", client.query, collection, filter="", output_fields=["count(*)"],
                 consistency_level="Strong")
    return int(rows[0]["count(*)"])


class MilvusBackend:
    """Search a collection `sync_milvus` wrote, behind the same `Backend` contract as the local
    index; ranks and hits are keyed by the local store's row, so fusion breaks ties alike."""

    def __init__(self, uri: str, collection: str, info: dict, client) -> None:
        self.uri, self.collection, self.info, self._client = uri, collection, info, client

    @classmethod
    def open(cls, uri: str, collection: str = "vnreport", token: Optional[str] = None) -> "MilvusBackend":
        client = _client(uri, token)
        try:
            info = _collection_info(client, uri, collection)
            for name in (collection, SENTENCES.format(collection)):
                _call(uri, "load_collection", client.load_collection, name)
        except BaseException:
            client.close()
            raise
        return cls(str(uri), collection, info, client)

    @property
    def embedder_info(self) -> dict:
        return self.info["embedder"]

    def counts(self) -> dict:
        heads = _call(self.uri, "count", self._client.query, self.collection, filter="head == true",
                      output_fields=["count(*)"])
        return {"reports": int(heads[0]["count(*)"]), "passages": _count(self._client, self.uri, self.collection)}

    def retrieve(self, tokens, vector, size: int, filters: Filters):
        """The top `size` (row, score) of Milvus's BM25 and of the dense vectors (none without a
        vector), best first; a passage's dense score is the best cosine of its vectors, which
        live in two collections (its own in the passages', its sentences' in SENTENCES)."""
        from nlp.index.dense import top_rows

        expression = filter_expression(filters)
        lexical = self._ranked("bm25", _lexical_text(tokens), size, expression) if tokens else []
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
        results = _call(self.uri, "search", self._client.search, collection, data=[query], anns_field="dense",
                        limit=min(k, MAX_LIMIT), filter=expression or "", output_fields=["row"])[0]
        return [(int(hit["entity"]["row"]), float(hit["distance"])) for hit in results]

    def _ranked(self, field_name: str, query, size: int, expression: Optional[str]) -> list[tuple[int, float]]:
        """Top-`size` (row, score) best first, equal scores in row order as bm25s and faiss give
        them (Milvus breaks ties its own way)."""
        results = _call(self.uri, "search", self._client.search, self.collection, data=[query],
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
        found = _call(self.uri, "query", self._client.query, self.collection,
                      filter=f"row in [{', '.join(str(int(row)) for row, _, _ in fused)}]",
                      output_fields=["id", "row", *HIT_FIELDS])
        by_row = {int(item["row"]): item for item in found}
        return [_hit(by_row[row], score, ranks) for row, score, ranks in fused]

    def figures(self, hits) -> dict[str, list[dict]]:
        if not hits:
            return {}
        found = _call(self.uri, "query", self._client.query, self.collection,
                      filter=f"id in [{', '.join(_literal(h.passage_id) for h in hits)}]", output_fields=["id", "figures"])
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
