"""The whole pipeline: offsets exact for every span type, NFC text, stage contract."""

import unicodedata

import pytest

from nlp import load_report
from nlp.errors import PipelineError
from nlp.pipeline import read_report, run_stages
from tests.conftest import LAYOUTS, SEED, assert_spans_exact

ALL_KINDS = {"header", "paragraph", "sentence", "token", "heading", "claim", "body", "task", "task-heading",
             "entity", "figure", "figure-indicator", "figure-period", "check-claim", "check-part"}


def test_every_span_of_the_seed_is_exact(seed):
    assert assert_spans_exact(seed) == ALL_KINDS
    assert unicodedata.is_normalized("NFC", seed.text)
    for section in seed.sections:
        assert 0 <= section.start < section.end <= seed.body_end


@pytest.mark.parametrize("name", ["abc-roman", "no-footnotes", "footnotes-edge"])
def test_every_span_of_the_layouts_is_exact(name):
    report = load_report(LAYOUTS / f"{name}.txt")
    assert {"header", "sentence", "token", "heading", "task"} <= assert_spans_exact(report)


def test_decomposed_seed_gives_the_same_report(tmp_path, seed):
    raw = SEED.read_text(encoding="utf-8")
    assert sum(1 for c in raw if unicodedata.combining(c)) == 67
    nfd = tmp_path / "742-nfd.txt"
    nfd.write_text(unicodedata.normalize("NFD", raw), encoding="utf-8")
    report = load_report(nfd)
    assert report.text == seed.text
    assert [(f.anchor, f.claim, f.body) for f in report.footnotes] == [
        (f.anchor, f.claim, f.body) for f in seed.footnotes]
    assert [t.text for t in report.tasks] == [t.text for t in seed.tasks]


def test_raw_offsets_of_spans_point_back_into_the_file(seed, seed_raw):
    for task in seed.tasks:
        start, end = seed.raw_span(task.heading.start, task.heading.end)
        assert unicodedata.normalize("NFC", seed_raw[start:end]) == task.heading.text


def test_ids_are_deterministic(seed):
    again = load_report(SEED)
    assert again.id == seed.id and [s.id for s in again.sections] == [s.id for s in seed.sections]
    assert len({s.id for s in seed.sections}) == len(seed.sections)


def test_a_stage_returning_the_wrong_type_is_named():
    def broken_stage(report):
        return {"not": "a report"}

    with pytest.raises(PipelineError, match="broken_stage returned dict"):
        run_stages(read_report(LAYOUTS / "footnotes-edge.txt"), [broken_stage])


def test_report_without_sections_still_extracts(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Một đoạn văn ngắn không có đề mục. Câu thứ hai.\n", encoding="utf-8")
    report = load_report(path)
    assert report.sections == () and report.tasks == () and report.footnotes == ()
    assert [s.text for s in report.sentences] == ["Một đoạn văn ngắn không có đề mục.", "Câu thứ hai."]


@pytest.mark.slow
def test_one_ner_default_for_library_build_and_cli(seed, seed_index_dir):
    """The same file gives the same entities from Python, the command line and the index."""
    import json
    import subprocess
    import sys

    from nlp.entities.modes import DEFAULT_NER
    from nlp.index.manifest import read_manifest
    from nlp.pipeline import read_report, run_stages, stages_for
    from tests.conftest import SEED

    assert DEFAULT_NER == "both"
    explicit = run_stages(read_report(SEED), stages_for("both"))
    from nlp.pipeline import DEFAULT_STAGES

    assert "find_entities_both" in [stage.__name__ for stage in DEFAULT_STAGES]
    assert seed.entities == explicit.entities
    cli = subprocess.run([sys.executable, "-m", "nlp", "extract", str(SEED)], capture_output=True, text=True)
    assert cli.returncode == 0, cli.stderr
    assert [(e["start"], e["end"], e["label"]) for e in json.loads(cli.stdout)["entities"]] == \
        [(e.start, e.end, e.label) for e in seed.entities]
    assert read_manifest(seed_index_dir)["ner"].startswith("both:vnreport-ner@")
