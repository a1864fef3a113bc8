"""`vnreport build` over a directory with broken files: good ones are indexed, each bad one is
listed with its cause, exit codes tell whether anything was indexed, --strict changes nothing."""

from __future__ import annotations

import json
import shutil

from tests.conftest import LAYOUTS, ROOT
from tests.test_cli import run

PDF = ROOT / "tests" / "data" / "pdf"
DOCX = ROOT / "tests" / "data" / "docx"


def _bad_files(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (folder / "french.txt").write_bytes(b"Le pr\xe9fet a sign\xe9.")
    (folder / "broken.docx").write_bytes((DOCX / "742.docx").read_bytes()[:5000])
    shutil.copy(PDF / "scanned.pdf", folder / "scanned.pdf")
    (folder / "half.pdf").write_bytes((PDF / "short.pdf").read_bytes()[:3000])
    return {
        "empty.txt": "empty file; nothing to extract",
        "binary.txt": "binary file (NUL bytes), not text; give a .txt report",
        "french.txt": "not UTF-8 text (invalid byte 0xe9 at offset 5); save it as UTF-8",
        "broken.docx": "corrupt .docx: truncated or damaged ZIP archive; save it again from Word",
        "scanned.pdf": "no text layer; OCR it first",
        "half.pdf": "corrupt PDF: truncated (no %%EOF at the end)",
    }


def _skipped(stderr: str) -> dict[str, str]:
    out = {}
    for line in stderr.splitlines():
        if ": skipped: " in line:
            path, cause = line.removeprefix("vnreport: ").split(": skipped: ", 1)
            out[path.rsplit("/", 1)[-1]] = cause
    return out


def test_good_files_are_indexed_and_each_bad_one_is_listed(tmp_path):
    corpus = tmp_path / "corpus"
    causes = _bad_files(corpus)
    shutil.copy(LAYOUTS / "no-footnotes.txt", corpus / "good.txt")
    result = run("build", corpus, "--index", tmp_path / "idx", "--ner", "rules")
    assert result.returncode == 0, result.stderr
    assert _skipped(result.stderr) == causes
    assert "1 added" in result.stdout and f"{len(causes)} failed" in result.stdout
    manifest = json.loads((tmp_path / "idx" / "manifest.json").read_text(encoding="utf-8"))
    assert [p.rsplit("/", 1)[-1] for p in manifest["reports"]] == ["good.txt"]
    found = run("search", "sản xuất", "--index", tmp_path / "idx", "--json")
    assert found.returncode == 0 and json.loads(found.stdout)["hits"]


def test_nothing_indexable_exits_1(tmp_path):
    corpus = tmp_path / "corpus"
    causes = _bad_files(corpus)
    result = run("build", corpus, "--index", tmp_path / "idx", "--ner", "rules")
    assert result.returncode == 1
    assert set(_skipped(result.stderr)) == set(causes)
    assert "Traceback" not in result.stderr


def test_strict_fails_on_the_first_bad_file_and_changes_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(LAYOUTS / "no-footnotes.txt", corpus / "a-good.txt")
    index = tmp_path / "idx"
    assert run("build", corpus, "--index", index, "--ner", "rules").returncode == 0
    before = (index / "manifest.json").read_bytes()
    generations = sorted(p.name for p in index.glob("gen-*"))
    (corpus / "b-empty.txt").write_bytes(b"")
    shutil.copy(LAYOUTS / "footnotes-edge.txt", corpus / "c-new.txt")
    result = run("build", corpus, "--index", index, "--ner", "rules", "--strict")
    assert result.returncode == 1
    assert result.stderr.strip() == f"vnreport: {corpus / 'b-empty.txt'}: empty file; strict build: nothing was changed"
    assert (index / "manifest.json").read_bytes() == before
    assert sorted(p.name for p in index.glob("gen-*")) == generations


def test_size_limit_is_configurable(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(LAYOUTS / "no-footnotes.txt", corpus / "good.txt")
    size = (corpus / "good.txt").stat().st_size
    result = run("extract", corpus / "good.txt", "--ner", "rules", "--max-mb", "0.001")
    assert result.returncode == 1
    assert result.stderr.strip() == (f"vnreport: {corpus / 'good.txt'}: file is {size:,} bytes, "
                                     f"over the 1,048-byte limit")
