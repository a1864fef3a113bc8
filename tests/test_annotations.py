"""Annotation importers and exporters on hand-written doccano and Label Studio export shapes."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from nlp.annotations import Annotated, read_annotations, read_file, to_doccano, to_labelstudio, write_jsonl
from nlp.errors import InputError

DATA = Path(__file__).parent / "data" / "annotations"


def surfaces(item: Annotated) -> list[tuple[str, str]]:
    return [(item.text[s:e], label) for s, e, label in item.spans]


def test_doccano_label_lists():
    first, second = read_file(DATA / "doccano.jsonl")
    assert surfaces(first) == [("Sở Tài chính", "AGENCY"), ("UBND huyện Cờ Đỏ", "AGENCY"),
                               ("Quyết định số 12/QĐ-UBND", "LEGAL_DOC")]
    assert first.meta["id"] == 1
    # The second line is NFD in the file: the text becomes NFC and the span moves with it.
    assert unicodedata.is_normalized("NFC", second.text)
    assert surfaces(second) == [("Dự án đường Vành đai phía Tây", "PROJECT")]
    assert second.spans[0][:2] == (0, 29)


def test_doccano_entities_shape():
    (item,) = read_file(DATA / "doccano_entities.jsonl")
    assert surfaces(item) == [("tháng 3/2024", "DATE"), ("Công an tỉnh", "AGENCY"), ("Sở Y tế", "AGENCY")]


def test_label_studio_export_with_utf16_offsets():
    first, second = read_file(DATA / "labelstudio.json")
    assert surfaces(first) == [("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ", "AGENCY")]
    # The emoji is two UTF-16 units in Label Studio's offsets and one code point here.
    assert surfaces(second) == [("Cần Thơ", "LOCATION")]
    assert first.meta["id"] == 101


def test_directory_reads_every_file():
    assert len(read_annotations(DATA)) == 5


def test_round_trips_through_every_writer(tmp_path):
    items = read_annotations(DATA)
    ours = tmp_path / "ours.jsonl"
    ours.write_text(write_jsonl(items), encoding="utf-8")
    doccano = tmp_path / "doccano.jsonl"
    doccano.write_text(to_doccano(items), encoding="utf-8")
    for path in (ours, doccano):
        again = read_file(path)
        assert [(a.text, a.spans) for a in again] == [(a.text, a.spans) for a in items]
    # Label Studio import of our pre-annotations: tasks with `predictions`, UTF-16 offsets.
    tasks = json.loads(to_labelstudio(items))
    emoji_task = next(t for t in tasks if t["data"]["text"].startswith("🎉"))
    value = emoji_task["predictions"][0]["result"][0]["value"]
    assert (value["start"], value["end"], value["text"]) == (35, 42, "Cần Thơ")
    assert emoji_task["data"]["text"][value["start"] - 1:value["end"] - 1] == "Cần Thơ"


@pytest.mark.parametrize("line, cause", [
    ('{"text": "Sở Y tế", "label": [[0, 99, "AGENCY"]]}', "line 1: span 0-99 is outside the text (7 characters)"),
    ('{"text": "Sở Y tế", "label": [[0, 7, "ORG"]]}', "line 1: unknown label 'ORG'"),
    ('{"text": "Sở Y tế", "label": [[0, 7, "AGENCY"], [3, 7, "LOCATION"]]}',
     "line 1: spans 0-7 AGENCY and 3-7 LOCATION overlap"),
    ('{"label": []}', 'line 1 has no "text"'),
    ("not json", "line 1 is not JSON"),
])
def test_bad_annotation_files_name_the_line(tmp_path, line, cause):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_file(path)
    assert err.value.cause == cause
    assert str(path) in err.value.one_line()
