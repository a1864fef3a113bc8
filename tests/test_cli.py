"""The `vnreport` command as a user runs it: the installed console script, in a subprocess."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.cli import app
from nlp.schema import ExtractOut, json_schema
from tests.conftest import LAYOUTS, ROOT, SEED

VNREPORT = shutil.which("vnreport", path=str(Path(sys.executable).parent)) or "vnreport"


def run(*args, cwd=None):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([VNREPORT, *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd)


@pytest.fixture(scope="module")
def seed_json():
    result = run("extract", SEED, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_extract_json_is_the_documented_shape(seed_json):
    ExtractOut.model_validate(seed_json)
    assert list(seed_json) >= ["schema_version", "report", "text", "body_end", "header", "sections",
                               "sentences", "footnotes", "entities", "figures", "tasks", "checks"]
    report = seed_json["report"]
    assert (report["number"], report["place"], report["date"]) == ("742/BC-SKHĐT", "Cần Thơ", "2023-03-28")
    assert report["issuer"] == "Sở Kế hoạch và Đầu tư"
    assert report["period"]["quarter"] == 1 and report["period"]["month"] == 3
    assert sum(s["level"] == 1 for s in seed_json["sections"]) >= 3
    assert len(seed_json["tasks"]) == 12 and len(seed_json["footnotes"]) == 26
    labels = {e["label"] for e in seed_json["entities"]}
    assert {"AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "DATE"} <= labels
    assert seed_json["figures"] and seed_json["checks"]


def test_extract_json_spans_are_exact_text_and_raw(seed_json):
    text = seed_json["text"]
    raw = SEED.read_text(encoding="utf-8")
    spans = [*seed_json["header"], *seed_json["sentences"], *seed_json["tasks"],
             *seed_json["entities"], *seed_json["figures"]]
    spans += [s["heading"] for s in seed_json["sections"]]
    spans += [f[k] for f in seed_json["footnotes"] for k in ("claim", "body") if f[k]]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
        assert raw[span["raw_start"]:span["raw_end"]].strip()  # points at real text
    for note in seed_json["footnotes"]:
        assert raw[note["raw_anchor"]:].startswith(f"[footnoteRef:{note['id']}]")


def test_extract_out_writes_a_file_and_summary_reads(tmp_path):
    out = tmp_path / "sub" / "742.json"
    result = run("extract", SEED, "--out", out)
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["report"]["number"] == "742/BC-SKHĐT"
    summary = run("extract", SEED, "-f", "summary")
    assert "12 tasks" in summary.stdout and "26 footnotes" in summary.stdout


def test_tokens_only_on_request(tmp_path):
    result = run("extract", LAYOUTS / "footnotes-edge.txt", "--tokens")
    data = json.loads(result.stdout)
    assert data["tokens"] and all(data["text"][t["start"]:t["end"]] == t["text"] for t in data["tokens"])


def test_footnote_warnings_go_to_stderr_and_extraction_succeeds():
    result = run("extract", LAYOUTS / "footnotes-edge.txt")
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    assert any("footnote 6" in line and "no body" in line for line in lines)
    assert any("footnote 7" in line and "no marker" in line for line in lines)
    assert all(line.startswith("vnreport: ") for line in lines)


@pytest.mark.parametrize("content, cause", [(b"", "empty file"), (b"\x00\x00PK", "binary file"),
                                            (b"Le pr\xe9fet", "not UTF-8")])
def test_bad_input_is_one_line_exit_1_no_traceback(tmp_path, content, cause):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run("extract", bad)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"vnreport: {bad}: ") and cause in result.stderr


def test_missing_file_and_unwritable_out(tmp_path):
    missing = run("extract", tmp_path / "nope.txt")
    assert missing.returncode == 1 and missing.stderr.strip() == f"vnreport: {tmp_path / 'nope.txt'}: no such file"
    (tmp_path / "keep.json").write_text("old", encoding="utf-8")
    blocked = tmp_path / "keep.json" / "x.json"
    result = run("extract", SEED, "--out", blocked)
    assert result.returncode == 1 and "cannot write" in result.stderr
    assert (tmp_path / "keep.json").read_text(encoding="utf-8") == "old"


def test_debug_shows_the_traceback(tmp_path):
    result = run("--debug", "extract", tmp_path / "nope.txt")
    assert result.returncode != 0 and "Traceback" in result.stderr


def test_every_command_has_help():
    names = [c.name for c in app.registered_commands]
    assert {"extract", "build", "search", "schema", "version"} <= set(names)
    for name in names:
        result = run(name, "--help")
        assert result.returncode == 0 and "Usage" in result.stdout, name


def test_schema_file_is_in_sync():
    on_disk = json.loads((ROOT / "docs" / "extract.schema.json").read_text(encoding="utf-8"))
    assert on_disk == json_schema(), "run: vnreport schema > docs/extract.schema.json"


def test_python_dash_m_runs_the_same_cli():
    result = subprocess.run([sys.executable, "-m", "nlp", "version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("vnreport ")


def test_query_errors_name_the_flag(seed_index_dir):
    result = run("search", "du lịch", "--index", seed_index_dir, "--period", "Q1 2023")
    assert result.returncode == 1
    assert result.stderr.strip() == "vnreport: --period: 'Q1 2023' is not YYYY, YYYY-MM or YYYY-Qn"
    result = run("search", "du lịch", "--index", seed_index_dir, "--embedder", "hash")
    assert result.returncode == 1 and result.stderr.startswith("vnreport: --embedder: 'hash' is not the embedder")


def test_search_prints_the_total_the_snippet_and_says_when_nothing_matches(seed_index_dir):
    found = run("search", "Diện tích thả nuôi thủy sản quý I là bao nhiêu?", "--index", seed_index_dir, "-k", "2")
    assert found.returncode == 0, found.stderr
    assert "kết quả" in found.stdout and "2.412" in found.stdout  # the snippet holds the answer
    page2 = json.loads(run("search", "thủy sản", "--index", seed_index_dir, "-k", "2", "--offset", "2", "--json").stdout)
    assert page2["offset"] == 2 and len(page2["hits"]) == 2 and page2["total"] >= 4
    nothing = run("search", "xyzzyqwerty", "--index", seed_index_dir)
    assert nothing.returncode == 0 and "không có kết quả" in nothing.stdout
