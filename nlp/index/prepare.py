"""Preparing reports for the index: extract, cut into passages, tokenize, embed.

`prepare_report` is pure (it reads only the file) so that every build engine runs exactly
it: the local engine here (worker processes) and the Ray engine (nlp/index/engines.py). The
store is written by `build_index` alone, in the calling process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

import numpy as np

from nlp.entities.modes import DEFAULT_NER
from nlp.errors import VnreportError

EMBED_BATCH = 64  # passages handed to the embedder at once (it batches further inside)
SENTENCE_MIN_WORDS = 4  # a shorter sentence ("1. Về kinh tế") says too little to find on its own
SENTENCES_PER_PASSAGE = 16  # at most this many sentence vectors per passage (a 1,000-character passage has ~6)
MIN_PARALLEL = 4  # below this many reports, starting worker processes costs more than it saves


@dataclass(frozen=True)
class PrepareSettings:
    """What `prepare_report` needs besides the path (picklable: it crosses processes)."""

    ner: str = DEFAULT_NER
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
    sentences: list = field(default_factory=list)  # (passage index, sentence text) pairs
    sentence_vectors: Optional[np.ndarray] = None


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
    return Prepared(str(path), report, passages, tokens, [embedding_text(p) for p in passages],
                    report_to_dict(report), sentences=passage_sentences(report, passages))


def embed_prepared(model, prepared: Prepared) -> Prepared:
    """`prepared` with its passage and sentence vectors (unchanged when it failed or is
    embedded already)."""
    if prepared.error is None and prepared.vectors is None:
        vectors = embed_texts(model, prepared.texts + [text for _, text in prepared.sentences])
        prepared.vectors, prepared.sentence_vectors = vectors[:len(prepared.texts)], vectors[len(prepared.texts):]
    return prepared


def local_prepared_reports(paths: list[Path], settings: PrepareSettings, embedder,
                           jobs: Optional[int] = None, **_) -> Iterator[Prepared]:
    """The local engine: prepared and embedded reports in the order of `paths`, extracted by
    `jobs` worker processes while this process embeds."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(paths) < MIN_PARALLEL:
        for path in paths:
            yield embed_prepared(embedder, prepare_report(path, settings))
        return
    yield from (embed_prepared(embedder, p) for p in _parallel(paths, settings, jobs))


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


def _words_in(words: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    from bisect import bisect_left

    i = bisect_left(words, (start, -1, ""))
    out = []
    while i < len(words) and words[i][0] < end:
        out.append(words[i][2])
        i += 1
    return out


def embedding_text(passage) -> str:
    """Headings give a bare bullet its context ("Lĩnh vực nông nghiệp > Xây dựng nông thôn mới")."""
    context = " > ".join(passage.headings)
    return f"{context}\n{passage.text}" if context else passage.text


def passage_sentences(report, passages) -> list[tuple[int, str]]:
    """(passage index, text) of the sentences worth a vector of their own: each report sentence
    inside a passage (clipped to it), of SENTENCE_MIN_WORDS words or more, not the whole passage,
    at most SENTENCES_PER_PASSAGE per passage. A question answered by one sentence deep in a long
    passage finds that sentence's vector when the passage's own vector is about something else.
    Measured on the tune half (session 7): the sentence with its heading, 5-8 words at least, or
    at most 8 per passage scored the same; at most 4 lower.
    """
    from bisect import bisect_right

    starts = [s.start for s in report.sentences]
    out: list[tuple[int, str]] = []
    for n, passage in enumerate(passages):
        i = max(0, bisect_right(starts, passage.start) - 1)
        kept = 0
        while i < len(report.sentences) and report.sentences[i].start < passage.end and kept < SENTENCES_PER_PASSAGE:
            sentence = report.sentences[i]
            i += 1
            start, end = max(sentence.start, passage.start), min(sentence.end, passage.end)
            text = report.text[start:end].strip()
            if len(text.split()) < SENTENCE_MIN_WORDS or text == passage.text.strip():
                continue
            out.append((n, text))
            kept += 1
    return out


def embed_texts(model, texts: list[str]) -> np.ndarray:
    """float32 vectors of `texts`, one row each, in batches of EMBED_BATCH."""
    if not texts:
        return np.zeros((0, model.dimension), dtype=np.float32)
    parts = [model.embed_passages(texts[i:i + EMBED_BATCH]) for i in range(0, len(texts), EMBED_BATCH)]
    return np.vstack(parts).astype(np.float32)
