"""Decoding .txt reports: UTF-8/16, Windows-1258, TCVN3 and VNI (through viparse), and the
same legacy bytes shown as Windows-1252 and saved as UTF-8 (mojibake).

Fixtures: tests/data/encodings, written by scripts/make_encoding_fixtures.py from the seed
report with reference encoders that do not share viparse's tables.
"""

import difflib
import doctest
import json
import re
import unicodedata
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp import text as text_module
from nlp.ingest import encoding, language, read_document
from nlp.ingest.encoding import LEGACY_NAMES, convert_legacy, decode_bytes
from nlp.pipeline import read_report
from tests.conftest import LAYOUTS, SEED, assert_spans_exact, span_types

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "encodings"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
NO_WARNING = {"utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"}
WARNINGS = {
    "utf-16-le": ("utf16-no-bom", "decoded as UTF-16 LE (no byte-order mark)"),
    "utf-16-be": ("utf16-no-bom", "decoded as UTF-16 BE (no byte-order mark)"),
    "cp1258": ("legacy-encoding", "decoded as Windows-1258 (cp1258)"),
    "tcvn3": ("legacy-encoding", "decoded as TCVN3 (ABC) and converted to Unicode"),
    "vni": ("legacy-encoding", "decoded as VNI (VNI-Windows) and converted to Unicode"),
    "tcvn3-mojibake": ("mojibake", "TCVN3 (ABC) text read as Windows-1252 and saved as UTF-8; repaired"),
    "vni-mojibake": ("mojibake", "VNI (VNI-Windows) text read as Windows-1252 and saved as UTF-8; repaired"),
    "cp1258-mojibake": ("mojibake", "Windows-1258 (cp1258) text read as Windows-1252 and saved as UTF-8; repaired"),
}
NOT_UTF8_HINT = "save it as UTF-8"


def decode(data: bytes, name: str = "r.txt"):
    """(text, warnings) of `decode_bytes`; its offsets are tested on the pipeline below."""
    return decode_bytes(Path(name), data)[:2]


def expected_text(name: str) -> str:
    return (FIXTURES / MANIFEST[name]["expected"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_fixture_round_trip_and_warning(name):
    text, warnings = decode((FIXTURES / name).read_bytes(), name)
    assert unicodedata.normalize("NFC", text) == expected_text(name)
    enc = MANIFEST[name]["encoding"]
    if enc in NO_WARNING:
        assert warnings == ()
    else:
        assert [(w.code, w.message, w.line) for w in warnings] == [(*WARNINGS[enc], 0)]


def test_fixtures_cover_every_encoding_at_every_length():
    seen = {(info["encoding"], info["piece"]) for info in MANIFEST.values()}
    assert seen == {(enc, piece) for enc in NO_WARNING | set(WARNINGS) for piece in ("line", "200", "report")}


def test_cp1258_is_left_decomposed_for_the_text_builder():
    text, _ = decode((FIXTURES / "report.cp1258.txt").read_bytes())
    assert "\u0301" in text and not unicodedata.is_normalized("NFC", text)


def test_tcvn3_loses_only_the_case_of_upper_case_toned_letters():
    original = (FIXTURES / "report.original.txt").read_text(encoding="utf-8")
    text, _ = decode((FIXTURES / "report.tcvn3.txt").read_bytes())
    assert text != original and text.lower() == original.lower()
    assert "BáO CáO" in text  # ".VnTimeH" capitals are lower-case bytes


@pytest.mark.parametrize("path", [SEED, *sorted(LAYOUTS.glob("*.txt"))], ids=lambda p: p.name)
def test_utf8_reports_are_never_taken_for_legacy(path):
    data = path.read_bytes()
    assert decode(data) == (data.decode("utf-8-sig"), ())


@pytest.mark.parametrize("piece", ["a", "Đ", "ổn", "Tình hình\n", "  Số:  742\t/BC\r\n"])
def test_short_utf8_is_utf8(piece):
    assert decode(piece.encode("utf-8")) == (piece, ())


def test_legacy_conversion_keeps_every_space_and_line_end():
    # viparse.fix alone collapses spaces, strips lines and drops blank-line runs
    raw = b"  B\xb8o   c\xb8o\t t\xd7nh h\xd7nh\r\n\r\n\r\n\r\n  C\xc7n Th\xac  \r\n"  # TCVN3
    text, warnings = decode(raw * 5)
    assert text == "  Báo   cáo\t tình hình\r\n\r\n\r\n\r\n  Cần Thơ  \r\n" * 5
    assert warnings[0].code == "legacy-encoding"


def test_vni_letters_viparse_lacks_are_patched():
    assert convert_legacy("kha\xfang \xf1\xf2nh, k\xee; KHA\xdaNG", "vni") == "khẳng định, kỵ; KHẲNG"


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
def test_every_letter_converts(enc):
    surface = (FIXTURES / f"alphabet.{enc}.txt").read_bytes().decode("latin-1").translate(encoding._CP1252_C1)
    expected = "alphabet.tcvn3-expected.txt" if enc == "tcvn3" else "alphabet.original.txt"
    assert convert_legacy(surface, enc) == (FIXTURES / expected).read_text(encoding="utf-8")


def test_every_letter_decodes_from_cp1258():
    text = (FIXTURES / "alphabet.cp1258.txt").read_bytes().decode("cp1258")
    assert unicodedata.normalize("NFC", text) == (FIXTURES / "alphabet.original.txt").read_text(encoding="utf-8")


def test_viparse_still_lacks_the_patched_vni_letters():
    # when this fails, viparse learned ẳ/ỵ and encoding._VNI_MISSED can go
    import viparse

    assert viparse.fix("kha\xfang k\xee", encoding="vni") != "khẳng kỵ"


def test_soft_hyphen_is_a_letter_in_tcvn3_and_kept_in_vni():
    assert convert_legacy("H\xad\xedng", "tcvn3") == "Hướng"
    assert convert_legacy("ho\xadaù", "vni") == "ho\xadá"  # viparse alone deletes it


def test_short_legacy_lines_decode_when_unambiguous():
    assert decode(b"B\xb8o c\xb8o t\xd7nh h\xd7nh kinh t\xd5")[0] == "Báo cáo tình hình kinh tế"
    assert decode(b"Ba\xf9o ca\xf9o t\xecnh h\xecnh kinh te\xe1")[0] == "Báo cáo tình hình kinh tế"
    # one line viparse declines, TCVN3 that VNI's table also turns into letters ("Nhãm gióp")
    assert decode(b"Nh\xe3m gi\xf3p vi\xd6c c\xe3 nhi\xd6m v\xf4:")[0] == "Nhóm giúp việc có nhiệm vụ:"


def test_ambiguous_short_legacy_is_refused_with_the_utf8_message(monkeypatch):
    import viparse

    monkeypatch.setattr(viparse, "detect_text_encoding", lambda text: None)  # "too short"
    assert decode(b"ca\xf9c")[0] == "các"  # only VNI reads as Vietnamese ("caực" in TCVN3)
    with pytest.raises(InputError) as err:  # "đi" in VNI, "ủi" in TCVN3
        decode(b"\xf1i")
    assert str(err.value) == f"r.txt: not UTF-8 text (invalid byte 0xf1 at offset 0); {NOT_UTF8_HINT}"


@pytest.mark.parametrize("text", [
    "Le préfet a présenté le rapport économique du département; les élèves ont été reçus à la mairie.",
    "Die Stadtverwaltung veröffentlichte den Bericht über die wirtschaftliche Entwicklung.",
    "El señor alcalde presentó el informe anual: la economía creció y la región recibió turistas.",
])
def test_other_latin_languages_are_not_converted(text):
    with pytest.raises(InputError, match="not UTF-8 text"):
        decode(text.encode("cp1252"))


def test_utf8_with_a_few_bad_bytes_is_refused_not_converted():
    data = SEED.read_bytes()
    broken = data[:500] + b"\x93" + data[500:]
    with pytest.raises(InputError) as err:
        decode(broken)
    assert str(err.value) == f"r.txt: not UTF-8 text (invalid byte 0x93 at offset 500); {NOT_UTF8_HINT}"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff\x00 \x00\n"])
def test_empty_file_message(data):
    with pytest.raises(InputError) as err:
        decode(data)
    assert str(err.value) == "r.txt: empty file; nothing to extract"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    bytes(range(256)) * 4,
    "odd length".encode("utf-16-le") + b"x",
    "Tình hình".encode("utf-32-le"),
    b"\xff\xfe" + "x".encode("utf-32-le"),  # a UTF-32 BOM starts like UTF-16's
])
def test_binary_message(data):
    with pytest.raises(InputError) as err:
        decode(data)
    assert str(err.value) == "r.txt: binary file (NUL bytes), not text; give a .txt report"


def test_utf16_with_bom_is_not_binary_and_bad_utf16_is_named():
    assert decode("Tình hình".encode("utf-16")) == ("Tình hình", ())
    with pytest.raises(InputError) as err:
        decode(b"\xff\xfeA\x00\x00\xd8B\x00")
    assert str(err.value) == "r.txt: invalid UTF-16 at byte 4"


def test_read_document_reports_the_path(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Le pr\xe9fet a pr\xe9sent\xe9 le rapport")
    with pytest.raises(InputError, match=r"bad\.txt: not UTF-8 text \(invalid byte 0xe9 at offset 5\)"):
        read_document(path)


@pytest.mark.parametrize("enc", ["tcvn3", "vni", "cp1258", "utf-16-le", "utf-16-be-bom",
                                 "tcvn3-mojibake", "vni-mojibake", "cp1258-mojibake"])
def test_pipeline_reads_legacy_reports_like_their_utf8_original(enc):
    name = f"report.{enc}.txt"
    report = read_report(FIXTURES / name)
    original = read_report(FIXTURES / MANIFEST[name]["expected"])
    assert report.text == original.text
    assert [(p.start, p.end, p.line) for p in report.paragraphs] == \
        [(p.start, p.end, p.line) for p in original.paragraphs]
    assert report.footnotes == original.footnotes and report.footnotes
    if enc in WARNINGS:
        assert report.warnings[0].message == WARNINGS[enc][1]


def test_pipeline_tcvn3_piece_equals_the_utf8_original_exactly():
    # the 200-character piece has no upper-case toned letter, so TCVN3 carries all of it
    report = read_report(FIXTURES / "200.tcvn3.txt")
    assert report.text == read_report(FIXTURES / "200.original.txt").text
    assert [w.code for w in report.warnings] == ["legacy-encoding"]


def raw_file_text(path: Path) -> str:
    """The file as `raw_start`/`raw_end` index it: its characters (one a byte when legacy)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(encoding._CP1252_C1)


def repaired(raw: str, enc: str) -> str:
    """A slice of a legacy or mojibake file decoded on its own, NFC, without footnote markers."""
    enc = enc.removesuffix("-mojibake")
    if enc == "cp1258":
        raw = raw.translate(encoding._SURFACE_TO_LATIN1).encode("latin-1").decode("cp1258")
    elif enc in ("tcvn3", "vni"):
        raw = convert_legacy(raw, enc)
    return re.sub(r"\[footnoteRef:\d+\]", "", unicodedata.normalize("NFC", raw))


@pytest.mark.parametrize("enc", ["tcvn3", "vni", "cp1258", "tcvn3-mojibake", "vni-mojibake", "cp1258-mojibake"])
def test_raw_offsets_index_the_file_characters(enc):
    path = FIXTURES / f"report.{enc}.txt"
    report, raw = read_report(path), raw_file_text(path)
    assert report.offsets.raw_length == len(raw)
    for span in report.paragraphs + tuple(f.body for f in report.footnotes):
        raw_start, raw_end = report.raw_span(span.start, span.end)
        assert repaired(raw[raw_start:raw_end], enc) == span.text
    for note in report.footnotes:  # an anchor is where its marker was cut out of the line
        assert raw[report.raw_span(note.anchor, note.anchor)[0]:].startswith(f"[footnoteRef:{note.id}]")


@pytest.fixture(scope="module", params=["tcvn3", "vni"])
def seed_mojibake(request):
    from nlp import load_report

    return request.param, load_report(FIXTURES / f"seed.{request.param}-mojibake.txt")


def test_seed_as_mojibake_gives_the_seeds_words_footnotes_and_tasks(seed_mojibake, seed):
    # words: difflib's ratio over the two sequences of token texts (2 * matches / both lengths);
    # TCVN3 cannot write upper-case toned letters, so "BÁO CÁO" comes back "BáO CáO"
    enc, report = seed_mojibake
    words = [t.text for t in report.tokens]
    seed_words = [t.text for t in seed.tokens]
    assert difflib.SequenceMatcher(None, seed_words, words, autojunk=False).ratio() >= 0.995
    assert len(report.footnotes) == 26 and all(f.body and f.claim for f in report.footnotes)
    assert [w.code for w in report.warnings] == ["mojibake"]
    assert LEGACY_NAMES[enc] in report.warnings[0].message
    assert [t.text.lower() for t in report.tasks] == [t.text.lower() for t in seed.tasks] and report.tasks
    if enc == "vni":
        assert report.text == seed.text


def test_seed_as_mojibake_spans_are_exact_in_text_and_file(seed_mojibake):
    enc, report = seed_mojibake
    raw = raw_file_text(FIXTURES / f"seed.{enc}-mojibake.txt")
    assert {"token", "task", "entity", "figure", "body"} <= assert_spans_exact(report)
    inline = {"header", "token", "heading", "body", "entity", "figure"}  # no footnote body inside
    spans = [(kind, span) for kind, span in span_types(report) if kind in inline]
    assert {kind for kind, _ in spans} == inline
    for kind, span in spans:
        raw_start, raw_end = report.raw_span(span.start, span.end)
        assert repaired(raw[raw_start:raw_end], enc) == span.text, (kind, span)


@pytest.mark.parametrize("text", ["Báo cáo tình hình", "Tình hình kinh tế", "Le préfet a présenté le rapport"])
def test_unicode_of_windows_1252_letters_is_not_taken_for_mojibake(text):
    assert encoding.repair_mojibake(text) is None
    assert decode(text.encode("utf-8")) == (text, ())


def test_mojibake_saved_as_utf16_is_repaired_too():
    surface = (FIXTURES / "200.vni-mojibake.txt").read_text(encoding="utf-8")
    text, warnings = decode(surface.encode("utf-16"))
    assert text == expected_text("200.vni-mojibake.txt")
    assert warnings[0].message == "VNI (VNI-Windows) text read as Windows-1252 and saved as UTF-16; repaired"


@pytest.mark.parametrize("module", [encoding, language, text_module], ids=lambda m: m.__name__)
def test_module_examples(module):
    assert doctest.testmod(module).failed == 0
