"""Annotated texts in and out: our JSONL, doccano JSONL and Label Studio JSON.

Our format is one JSON object per line::

    {"text": "Sở Tài chính họp.", "spans": [{"start": 0, "end": 12, "label": "AGENCY"}], "meta": {...}}

Importers accept doccano exports (``{"text", "label": [[s, e, "L"], ...]}`` or the newer
``"entities": [{"start_offset", "end_offset", "label"}]``) and Label Studio JSON exports (a list
of tasks with ``data.text`` and ``annotations[].result[].value`` {start, end, labels}); text is
NFC-normalised and every span is moved with it. Label Studio counts offsets in UTF-16 code
units (JavaScript strings); they are converted to Python's code points.
"""

from __future__ import annotations

import json
import unicodedata
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from nlp.errors import InputError
from nlp.text import normalize_nfc

LABELS = ("AGENCY", "PROJECT", "LEGAL_DOC", "LOCATION", "PERSON", "DATE")


@dataclass(frozen=True, slots=True)
class Annotated:
    """A text and its entity spans (start, end, label), sorted, non-overlapping."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    meta: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"text": self.text,
                "spans": [{"start": s, "end": e, "label": label} for s, e, label in self.spans],
                "meta": self.meta}


def read_annotations(paths: str | Path | Sequence[str | Path]) -> list[Annotated]:
    """Every annotated text in the files (or directories of .jsonl/.json files) given."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = annotation_files(paths)
    if not files:
        raise InputError(", ".join(map(str, paths)), "no annotation files (.jsonl or .json) found")
    out: list[Annotated] = []
    for path in files:
        out += read_file(path)
    return out


def annotation_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files `paths` name: files as given, directories' .jsonl/.json files sorted."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".jsonl", ".json"))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(path, "no such file")
    return files


def read_file(path: Path) -> list[Annotated]:
    """One file in any of the three formats (detected from its content)."""
    raw = Path(path).read_text(encoding="utf-8-sig")
    stripped = raw.lstrip()
    if not stripped:
        raise InputError(path, "empty annotation file")
    if stripped.startswith("["):
        try:
            tasks = json.loads(raw)
        except json.JSONDecodeError as err:
            raise InputError(path, f"invalid JSON at line {err.lineno}") from None
        return [_from_labelstudio(path, i, task) for i, task in enumerate(tasks)]
    out = []
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(path, f"line {lineno} is not JSON") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(path, f"line {lineno} has no \"text\"")
        out.append(_from_record(path, lineno, record))
    return out


def _from_record(path: Path, lineno: int, record: dict) -> Annotated:
    where = f"line {lineno}"
    if "spans" in record:
        spans = [(s["start"], s["end"], s["label"]) for s in record["spans"]]
    elif "entities" in record:  # doccano >= 1.6 "entities" export
        spans = [(s["start_offset"], s["end_offset"], s["label"]) for s in record["entities"]]
    else:  # doccano "label": [[start, end, label], ...]
        spans = [tuple(item) for item in record.get("label", [])]
    meta = dict(record.get("meta") or {})
    if "id" in record and "id" not in meta:
        meta["id"] = record["id"]
    return _normalized(path, where, record["text"], spans, meta)


def _from_labelstudio(path: Path, index: int, task: dict) -> Annotated:
    where = f"task {task.get('id', index)}"
    text = (task.get("data") or {}).get("text")
    if not isinstance(text, str):
        raise InputError(path, f"{where} has no data.text")
    annotations = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    results = annotations[-1]["result"] if annotations else []  # the latest annotation wins
    units = _utf16_to_index(text)
    spans = []
    for result in results:
        value = result.get("value") or {}
        labels = value.get("labels") or []
        if result.get("type", "labels") != "labels" or not labels or "start" not in value:
            continue
        start, end = value["start"], value["end"]
        if "text" in value and text[start:end] != value["text"] and units is not None:
            start, end = units[start], units[end]
        spans.append((start, end, labels[0]))
    meta = {"id": task.get("id"), **{k: v for k, v in (task.get("meta") or {}).items()}}
    return _normalized(path, where, text, spans, meta)


def _utf16_to_index(text: str) -> array | None:
    """Map UTF-16 code-unit offsets to code-point offsets (None when they are the same)."""
    if all(ord(ch) < 0x10000 for ch in text):
        return None
    units = array("q")
    for i, ch in enumerate(text):
        units.extend([i] * (2 if ord(ch) >= 0x10000 else 1))
    units.append(len(text))
    return units


def _normalized(path: Path, where: str, text: str, spans: Iterable, meta: dict) -> Annotated:
    checked = []
    for span in spans:
        if len(span) < 3:
            raise InputError(path, f"{where}: span {list(span)} needs start, end and label")
        start, end, label = int(span[0]), int(span[1]), str(span[2])
        if not 0 <= start < end <= len(text):
            raise InputError(path, f"{where}: span {start}-{end} is outside the text ({len(text)} characters)")
        if label not in LABELS:
            raise InputError(path, f"{where}: unknown label {label!r}", "labels: " + ", ".join(LABELS))
        checked.append((start, end, label))
    if not unicodedata.is_normalized("NFC", text):
        n = len(text)
        new_text, offsets, old_to_new = normalize_nfc(text, array("q", range(n)), array("q", range(1, n + 1)), n)
        checked = [(old_to_new[s], old_to_new[e], label) for s, e, label in checked]
        text = new_text
    checked.sort()
    for (s1, e1, l1), (s2, e2, l2) in zip(checked, checked[1:]):
        if s2 < e1:
            raise InputError(path, f"{where}: spans {s1}-{e1} {l1} and {s2}-{e2} {l2} overlap",
                             "annotate the longest name only (docs/annotation.md)")
    return Annotated(text, tuple(checked), meta)


def write_jsonl(items: Iterable[Annotated]) -> str:
    return "".join(json.dumps(a.to_json(), ensure_ascii=False) + "\n" for a in items)


def to_doccano(items: Iterable[Annotated]) -> str:
    """doccano's JSONL import format: ``{"text": …, "label": [[start, end, "LABEL"]]}``."""
    return "".join(json.dumps({"text": a.text, "label": [list(s) for s in a.spans], **a.meta},
                              ensure_ascii=False) + "\n" for a in items)


def to_labelstudio(items: Iterable[Annotated], model_version: str = "vnreport") -> str:
    """Label Studio tasks with the spans as `predictions` (pre-annotations to correct)."""
    tasks = []
    for i, a in enumerate(items, start=1):
        units = _index_to_utf16(a.text)
        result = [{
            "id": f"{i}-{k}", "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": units[s], "end": units[e], "text": a.text[s:e], "labels": [label]},
        } for k, (s, e, label) in enumerate(a.spans)]
        tasks.append({"data": {"text": a.text, **{k: v for k, v in a.meta.items() if isinstance(v, str)}},
                      "predictions": [{"model_version": model_version, "result": result}]})
    return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"


def _index_to_utf16(text: str) -> list[int]:
    units, pos = [], 0
    for ch in text:
        units.append(pos)
        pos += 2 if ord(ch) >= 0x10000 else 1
    units.append(pos)
    return units
