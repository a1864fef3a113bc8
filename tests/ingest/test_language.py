"""The last check of every reading: a text that does not read as Vietnamese is named in the
warnings, never passed on silently; a Vietnamese report, English words and all, is not."""

from pathlib import Path

import pytest

from nlp.ingest import read_document
from nlp.ingest.language import not_vietnamese_warning
from tests.conftest import LAYOUTS, SEED

DATA = Path(__file__).resolve().parent.parent / "data"
VIETNAMESE = sorted([SEED, *LAYOUTS.glob("*.txt"), *(DATA / "docx").glob("*.docx"),
                     *(DATA / "pdf").glob("[0-9a-z]*.pdf"), *(DATA / "encodings").glob("*.original.txt")])
# not text: a password, no text layer, every letter once in a row
VIETNAMESE = [p for p in VIETNAMESE if p.name not in ("encrypted.pdf", "scanned.pdf", "alphabet.original.txt")]


def codes(path: Path) -> list[str]:
    return [w.code for w in read_document(path)[1].warnings]


@pytest.mark.parametrize("path", VIETNAMESE, ids=lambda p: p.name)
def test_vietnamese_fixtures_get_no_warning(path):
    assert "not-vietnamese" not in codes(path)


def test_english_words_inside_vietnamese_are_fine():
    vietnamese = SEED.read_text(encoding="utf-8")[:3000]
    english = ("The Foreign Direct Investment (FDI) and Official Development Assistance (ODA) "
               "projects were reviewed by the Provincial People's Committee in March. ") * 10
    assert not_vietnamese_warning(vietnamese + english + vietnamese) is None
    assert not_vietnamese_warning("Vốn FDI, ODA và GRDP của tỉnh tăng 5,2% (IIP, CPI, PCI).") is None


@pytest.mark.parametrize("text", [
    "The mayor's office said the annual report was late again because of the auditor.",
    "Le préfet a présenté hier le rapport économique du département.",
    "Bao cao tinh hinh kinh te xa hoi thang 3 nam 2023",  # no diacritics at all
    "BÃ¡o cÃ¡o tÃ¬nh hÃ¬nh kinh táº¿ - xÃ£ há»™i thÃ¡ng 3",  # UTF-8 read as Windows-1252
    "B¸o c¸o t×nh h×nh kinh tÕ - x· héi th¸ng 3",  # TCVN3 read as Windows-1252, left as is
])
def test_text_that_is_not_vietnamese_is_named(text):
    warning = not_vietnamese_warning(text)
    assert warning.code == "not-vietnamese" and "does not read as Vietnamese" in warning.message


def test_read_document_warns_on_english_and_on_unrepairable_mojibake(tmp_path):
    english = tmp_path / "en.txt"
    english.write_text("Quarterly report of the Department of Planning and Investment.\n", encoding="utf-8")
    assert codes(english) == ["not-vietnamese"]
    double = tmp_path / "double.txt"  # UTF-8 bytes shown as Windows-1252 and saved as UTF-8 again
    double.write_bytes(SEED.read_bytes()[:4000].decode("cp1252", "replace").encode("utf-8"))
    assert codes(double) == ["not-vietnamese"]
