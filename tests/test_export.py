"""CSV and XLSX tables, through the library and the CLI."""

import csv
import subprocess

from openpyxl import load_workbook

from nlp.export import TABLES, report_tables, write_csv_dir, write_xlsx
from nlp.schema import report_to_dict
from tests.conftest import LAYOUTS, SEED
from tests.test_cli import run


def test_csv_tables_open_in_excel_with_vietnamese(tmp_path, seed):
    write_csv_dir(report_tables(report_to_dict(seed)), tmp_path)
    for name in TABLES:
        raw = (tmp_path / f"{name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name  # the BOM Excel needs for UTF-8
    with open(tmp_path / "entities.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(seed.entities)
    first = next(r for r in rows if r["text"] == "Sở Kế hoạch và Đầu tư")
    assert first["label"] == "AGENCY" and int(first["end"]) - int(first["start"]) == len(first["text"])
    with open(tmp_path / "figures.csv", encoding="utf-8-sig", newline="") as handle:
        figures = list(csv.DictReader(handle))
    tourism = next(r for r in figures if r["text"] == "342.000 lượt khách")
    assert (tourism["value"], tourism["unit"], tourism["section"]) == ("342000", "lượt khách", "I./1./b./-")


def test_xlsx_has_a_sheet_per_table(tmp_path, seed):
    path = write_xlsx(report_tables(report_to_dict(seed)), tmp_path / "742.xlsx")
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == list(TABLES)
    rows = list(book["checks"].iter_rows(values_only=True))
    assert rows[0][:3] == ("report", "source", "footnote") and len(rows) == len(seed.checks) + 1
    tasks = list(book["tasks"].iter_rows(values_only=True))
    assert sum(1 for r in tasks[1:] if not r[3]) == 12  # twelve top-level tasks, no parent


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    tables = {name: [] for name in TABLES}
    tables["entities"] = [{"report": "r", "text": "=HYPERLINK(\"x\")", "label": "AGENCY"}]
    write_csv_dir(tables, tmp_path)
    assert "'=HYPERLINK" in (tmp_path / "entities.csv").read_text(encoding="utf-8-sig")


def test_cli_writes_tables_across_reports(tmp_path):
    out = tmp_path / "tables"
    result = run("extract", SEED, LAYOUTS / "footnotes-edge.txt", "--format", "csv", "--out", out)
    assert result.returncode == 0, result.stderr
    with open(out / "footnotes.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["source"] for r in rows} == {str(SEED), str(LAYOUTS / "footnotes-edge.txt")}
    assert sum(r["source"] == str(SEED) for r in rows) == 26
    book = tmp_path / "all.xlsx"
    assert run("extract", SEED, "--format", "xlsx", "--out", book).returncode == 0
    assert load_workbook(book).sheetnames == list(TABLES)


def test_cli_needs_out_for_tables_and_reads_directories():
    result = run("extract", SEED, "--format", "csv")
    assert result.returncode == 1 and "needs --out" in result.stderr
    many = run("extract", LAYOUTS, "--format", "json")
    lines = many.stdout.strip().splitlines()
    assert many.returncode == 0 and len(lines) == 3  # JSON Lines, one report per line
