"""The distribution carries what it needs: a wheel built with `python -m build` holds the
shipped NER model, and installed from that wheel into a fresh virtualenv, `vnreport extract`
finds and loads it (no repository around it)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    (built,) = out.glob("vnreport-*.whl")
    return built


def test_the_wheel_holds_every_file_of_the_shipped_model(wheel):
    tracked = subprocess.run(["git", "ls-files", "nlp/models"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert any(name.endswith("vnreport-ner/ner/model") for name in tracked)  # the weights, not just a manifest
    names = set(zipfile.ZipFile(wheel).namelist())
    assert set(tracked) <= names, sorted(set(tracked) - names)
    assert {"nlp/static/index.html", "nlp/static/vendor/uplot/uPlot.esm.js", "nlp/entities/config.cfg"} <= names


def test_installed_from_the_wheel_extract_loads_the_model(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    here = next(p for p in map(Path, sys.path) if p.name == "site-packages" and (p / "spacy").is_dir())
    (site / "deps.pth").write_text(f"{here}\n", encoding="utf-8")  # the dependencies, not vnreport itself
    install = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import nlp; print(nlp.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert where.stdout.startswith(str(site)), where  # the wheel's copy, not the repository's
    result = subprocess.run([str(venv / "bin" / "vnreport"), "extract", str(SEED), "--ner", "model",
                             "--format", "summary"], capture_output=True, text=True, cwd=tmp_path,
                            env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert "742/BC-SKHĐT" in result.stdout and "AGENCY" in result.stdout and "LEGAL_DOC" in result.stdout
