import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRPC_VERBOSITY", "ERROR")  # set before pymilvus or Ray load gRPC (see engines.py)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "742-BC-SKHDT-2023-03.txt"
LAYOUTS = ROOT / "tests" / "data" / "layouts"


def span_types(report):
    """Every span the report holds, as (kind, span) pairs."""
    yield from (("header", f) for f in report.header)
    yield from (("paragraph", p) for p in report.paragraphs)
    yield from (("sentence", s) for s in report.sentences)
    yield from (("token", t) for t in report.tokens)
    yield from (("heading", s.heading) for s in report.sections)
    for note in report.footnotes:
        if note.claim:
            yield "claim", note.claim
        if note.body:
            yield "body", note.body
    yield from (("entity", e) for e in report.entities)
    for figure in report.figures:
        yield "figure", figure
        if figure.indicator:
            yield "figure-indicator", figure.indicator
        if figure.period:
            yield "figure-period", figure.period
    for check in report.checks:
        yield "check-claim", check.claim
        yield from (("check-part", p) for p in check.parts)
    tasks = list(report.tasks)
    while tasks:
        task = tasks.pop()
        yield "task", task
        yield "task-heading", task.heading
        tasks.extend(task.items)


def assert_spans_exact(report):
    kinds = set()
    for kind, span in span_types(report):
        assert report.text[span.start:span.end] == span.text, (kind, span)
        kinds.add(kind)
    return kinds


@pytest.fixture(scope="session")
def seed():
    from nlp import load_report

    return load_report(SEED)


@pytest.fixture(scope="session")
def seed_raw():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_index_dir(tmp_path_factory):
    """The seed indexed once per test session with the default settings; read-only for tests
    (a test that rebuilds or changes an index makes its own)."""
    from nlp.index.build import build_index

    directory = tmp_path_factory.mktemp("seed-index") / "index"
    build_index([SEED], directory)
    return directory


@pytest.fixture(scope="session")
def seed_index(seed_index_dir):
    from nlp.index.search import Index

    index = Index.open(seed_index_dir)
    yield index
    index.close()


@pytest.fixture(scope="session")
def milvus_seed_sync(seed_index_dir, tmp_path_factory):
    """The seed index mirrored into a milvus-lite file: (uri, what the sync reported)."""
    pytest.importorskip("pymilvus")
    pytest.importorskip("milvus_lite")
    from nlp.index.milvus_sync import sync_milvus

    uri = str(tmp_path_factory.mktemp("milvus") / "milvus.db")
    return uri, sync_milvus(seed_index_dir, uri)


@pytest.fixture(scope="session")
def milvus_seed(milvus_seed_sync):
    from nlp.index.search import Index

    index = Index.open(backend="milvus", milvus_uri=milvus_seed_sync[0])
    yield index
    index.close()
