"""Write a local index's current generation into Milvus (`sync_milvus`): the collections'
schemas, the rows of a report's passages and sentence vectors, and the sync by report.
`nlp.index.milvus` reads what this writes; the design notes are in its docstring.

>>> sync_milvus(".vnreport/index", "http://milvus:19530")            # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Iterator, Optional

from nlp.errors import QueryError, VnreportError
from nlp.index.manifest import require_manifest
from nlp.index.milvus import (BM25_K1, FORMAT, HEADER, SENTENCES, call, collection_info, count_rows,
                              lexical_text, literal, milvus_client, section_prefixes)

BATCH = 256  # passages per insert request (~2-5 kB each with a 384-d vector)
MAX_VARCHAR = 65_535  # Milvus's VARCHAR limit, in bytes
MAX_ARRAY = 4_096  # Milvus's ARRAY capacity limit
NO_START, NO_END = "~", ""  # a missing period fails both bounds, as NULL does in SQL
ENTITY_SEPARATOR = "\x1f"  # between folded entity texts of one label; never typed in a filter
FILTER_FIELDS = ("report", "source", "number", "period_start", "period_end", "kind", "sections", "entity_index")


def _schema(client, manifest: dict):
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False, enable_dynamic_field=False, description=_header(manifest))
    text = {"datatype": DataType.VARCHAR, "max_length": MAX_VARCHAR}
    schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
    schema.add_field("row", DataType.INT64)  # the local store's row: fusion breaks ties by it
    _add_filter_fields(schema)
    for name in ("section", "text", "fingerprint"):
        schema.add_field(name, **text)
    for name in ("title", "date"):
        schema.add_field(name, nullable=True, **text)
    schema.add_field("start", DataType.INT64)
    schema.add_field("end", DataType.INT64)
    for name in ("headings", "footnotes", "figures"):
        schema.add_field(name, DataType.JSON)
    schema.add_field("claim", DataType.JSON, nullable=True)
    schema.add_field("entities", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_ARRAY,
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
    schema.add_field("id", DataType.INT64, is_primary=True)  # the local store's sentence row
    schema.add_field("row", DataType.INT64)  # its passage's row
    _add_filter_fields(schema)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=int(manifest["embedder"]["dimension"]))
    params = client.prepare_index_params()
    params.add_index(field_name="dense", index_type="FLAT", metric_type="IP")
    return schema, params


def _add_filter_fields(schema) -> None:
    """FILTER_FIELDS, what `filter_expression` reads, typed alike in both collections (a sentence
    row copies them from its passage's row)."""
    from pymilvus import DataType

    for name in FILTER_FIELDS:
        if name == "sections":  # every prefix of the passage's section: one array_contains
            schema.add_field(name, DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=MAX_ARRAY,
                             max_length=MAX_VARCHAR)
        elif name == "entity_index":  # label -> folded texts
            schema.add_field(name, DataType.JSON)
        else:
            schema.add_field(name, DataType.VARCHAR, max_length=MAX_VARCHAR)


def _header(manifest: dict) -> str:
    return json.dumps({"format": FORMAT, "embedder": manifest["embedder"]}, ensure_ascii=False)


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
    client = milvus_client(uri, token)
    try:
        _ensure_collection(client, uri, collection, manifest)
        conn = connect(index_dir / manifest["generation"] / "store.sqlite", readonly=True)
        try:
            summary = _mirror(client, uri, collection, conn, str(uri).endswith(".db") if rewrite is None else rewrite)
        finally:
            conn.close()
        call(uri, "flush", client.flush, SENTENCES.format(collection))
        call(uri, "flush", client.flush, collection)
        summary["passages"] = count_rows(client, uri, collection)
    finally:
        client.close()
    summary["seconds"] = round(time.perf_counter() - started, 3)
    return summary


def _ensure_collection(client, uri: str, collection: str, manifest: dict) -> None:
    """Create `collection` for this index, or check that its vectors come from the same embedder."""
    if not call(uri, "has_collection", client.has_collection, collection):
        schema, params = _schema(client, manifest)
        call(uri, "create_collection", client.create_collection, collection, schema=schema,
              index_params=params, consistency_level="Bounded", properties={HEADER: _header(manifest)})
    if not call(uri, "has_collection", client.has_collection, SENTENCES.format(collection)):
        schema, params = _sentence_schema(client, manifest)
        call(uri, "create_collection", client.create_collection, SENTENCES.format(collection), schema=schema,
              index_params=params, consistency_level="Bounded")
    built_with = collection_info(client, uri, collection)["embedder"]
    if built_with["name"] != manifest["embedder"]["name"]:
        raise QueryError("milvus_collection", collection, "embedder_mismatch",
                         f"holds vectors of embedder {built_with['name']}, the index uses {manifest['embedder']['name']}",
                         "sync into another collection, or drop this one")
    for name in (collection, SENTENCES.format(collection)):
        call(uri, "load_collection", client.load_collection, name)  # a released one cannot be queried


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
            call(uri, "delete", client.delete, name, filter="row >= 0")  # every passage and sentence
        summary["rewritten"], write = True, sorted(local)
    else:
        write = replaced + added
        # `added` too: a sync that died mid-report left passages without the head marker
        for chunk in _chunks(removed + write, 200):
            for name in (collection, sentences):
                call(uri, "delete", client.delete, name, filter=f"report in [{', '.join(literal(r) for r in chunk)}]")
    for report_id in write:
        rows = list(_report_rows(conn, report_id, local[report_id]))
        # sentences first, the head passage last: a head marker means the whole report is there
        for chunk in _chunks(list(_sentence_rows(conn, report_id, rows)), BATCH):
            call(uri, "insert", client.insert, sentences, chunk)
        for chunk in _chunks(rows[1:] + rows[:1], BATCH):
            call(uri, "insert", client.insert, collection, chunk)
    return summary


def _without_lite_timestamp_warning(record) -> bool:
    """milvus-lite sends iterators no MVCC timestamp; pymilvus would warn on every sync."""
    return "mvccTs" not in record.getMessage()


def _synced_reports(client, uri: str, collection: str) -> dict[str, str]:
    """report id -> fingerprint, from each report's head passage."""
    import logging

    logging.getLogger("pymilvus.client.iterator.query_iterator").addFilter(_without_lite_timestamp_warning)
    iterator = call(uri, "query", client.query_iterator, collection, batch_size=1000, filter="head == true",
                     output_fields=["report", "fingerprint"], consistency_level="Strong")
    found: dict[str, str] = {}
    while True:
        batch = call(uri, "query", iterator.next)
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
            "kind": p["kind"], "section": p["section"], "sections": section_prefixes(p["section"]),
            "headings": json.loads(p["headings"]), "text": p["text"], "start": p["start"], "end": p["end"],
            "footnotes": [{"id": i, "anchor": at, "body": body} for i, at, body in notes if i in carried],
            "claim": {"footnote": p["footnote"], "text": p["claim"]} if p["footnote"] is not None else None,
            "entities": sorted({f"{e['label']}:{e['text']}" for e in inside})[:MAX_ARRAY],
            "entity_index": _entity_index(inside), "head": n == 0, "fingerprint": fingerprint,
            "figures": [f for f in figures if f["start"] >= p["start"] and f["end"] <= p["end"]],
            "dense": np.frombuffer(p["vector"], dtype=np.float32).tolist(),
            "lexical": lexical_text(p["tokens"].split()),
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
