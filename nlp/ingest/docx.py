"""Word .docx reports, with real footnotes and endnotes.

The document is turned into the linear text Word's plain-text export gives, and
`parse_word_export` reads that, so a report's .txt and .docx link footnotes the same way.
The linear text is one line per body paragraph and one line per table row; it is the raw
text of a .docx `Report` (what `Report.offsets` maps back to). In it:

- a ``w:footnoteReference`` becomes ``[footnoteRef:N]``, N being Word's display number
  (1, 2, 3… in order of first reference, whatever the ``w:id``); the note's paragraphs,
  joined by one space, are appended to that line as ``[N:  body]``;
- endnotes are written the same way, numbered after the last footnote (Word numbers them
  apart, i, ii…; one sequence keeps N unique);
- list paragraphs (``w:numPr``, directly or through their style) get the label Word draws
  ("I.", "1.", "a)", "-", "+") and one space before the text;
- a table row is its cells joined by " | " (merged cells once, nested tables flattened
  into their cell); `Ingested.tables` holds each top-level table's span in the final text.

Not read: headers, footers, comments, text boxes and drawings, equations, deleted text,
field codes (their results are kept). Unbalanced brackets in a note body can break the
``[N: …]`` framing, as they do in a Word .txt export.

>>> from pathlib import Path
>>> path = Path("tests/data/docx/endnotes.docx")
>>> ing = read_docx(path, path.read_bytes())
>>> [f.number for f in ing.footnotes]
[1, 2, 3]
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Union

from lxml import etree

from nlp.errors import InputError
from nlp.ingest.ingested import Ingested
from nlp.ingest.txt import parse_word_export

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCUMENT = "word/document.xml"
_PARTS = (_DOCUMENT, "word/footnotes.xml", "word/endnotes.xml", "word/numbering.xml", "word/styles.xml")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 1 << 16
_RATIO_FLOOR = 10 * 1024 * 1024  # small members may compress well; only big ones are judged
_MAX_RATIO = 200


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


# Subtrees whose text Word does not show as body text.
_SKIP = {_w(n) for n in ("pPr", "rPr", "del", "moveFrom", "delText", "instrText", "commentReference",
                         "drawing", "pict", "object", "sdtPr", "sdtEndPr", "footnoteRef", "endnoteRef",
                         "tblPr", "trPr", "tcPr", "sectPr")}
_SKIP.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_CHARS = {_w("tab"): "\t", _w("ptab"): "\t", _w("br"): " ", _w("cr"): " ",
          _w("noBreakHyphen"): "-", _w("softHyphen"): ""}
_REFS = {_w("footnoteReference"): "footnote", _w("endnoteReference"): "endnote"}
_NOTE_SKIP_TYPES = {"separator", "continuationSeparator", "continuationNotice"}


@dataclass(frozen=True, slots=True)
class _Ref:
    kind: str  # "footnote" or "endnote"
    id: str


_Piece = Union[str, _Ref]


def read_docx(path: Path, data: bytes, max_uncompressed: int = 200 * 1024 * 1024) -> Ingested:
    """The `Ingested` text of a .docx file; `InputError` when it is not a readable .docx."""
    parts = _unzip(path, data, max_uncompressed)
    trees = {name: _parse_xml(path, name, blob) for name, blob in parts.items()}
    if trees[_DOCUMENT].tag != _w("document"):
        raise InputError(path, "unsupported .docx: word/document.xml is not WordprocessingML (Strict Open XML?)",
                         "save it as a Word Document (.docx) in Word")
    walker = _Walker(_Numbering(trees.get("word/numbering.xml"), trees.get("word/styles.xml")))
    body = trees[_DOCUMENT].find(_w("body"))
    if body is not None:
        walker.blocks(body)
    notes = {"footnote": _notes(trees.get("word/footnotes.xml"), "footnote"),
             "endnote": _notes(trees.get("word/endnotes.xml"), "endnote")}
    ing = parse_word_export(_linear_text(walker.lines, notes))
    if not ing.text.strip():
        raise InputError(path, "empty document", "nothing to extract")
    return replace(ing, tables=_table_spans(ing.paragraphs, walker.tables))


def _unzip(path: Path, data: bytes, limit: int) -> dict[str, bytes]:
    """The parts we read, each read in chunks against the size and ratio limits."""
    if data.startswith(_OLE2):
        raise InputError(path, "encrypted or legacy .doc file, not .docx", "save it as .docx in Word")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        if data.startswith(b"PK\x03\x04"):
            raise InputError(path, "corrupt .docx: truncated or damaged ZIP archive",
                             "save it again from Word") from None
        raise InputError(path, "not a .docx file (not a ZIP archive)", "give a Word .docx report") from None
    with archive:
        names = set(archive.namelist())
        if _DOCUMENT not in names:
            raise InputError(path, "corrupt .docx: no word/document.xml", "save it again from Word")
        parts: dict[str, bytes] = {}
        for name in (n for n in _PARTS if n in names):
            parts[name] = _read_member(path, archive, name, sum(map(len, parts.values())), limit)
    return parts


def _read_member(path: Path, archive: zipfile.ZipFile, name: str, total: int, limit: int) -> bytes:
    """`name` read in chunks; never trusts the sizes the ZIP headers claim."""
    info = archive.getinfo(name)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if total + size > limit:
                    raise InputError(path, f"refused: uncompressed content over {_size(limit)} (zip bomb?)")
                if size > _RATIO_FLOOR and size > _MAX_RATIO * max(info.compress_size, 1):
                    raise InputError(path, f"refused: {name} expands over {_MAX_RATIO}:1 (zip bomb?)")
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as err:
        raise InputError(path, f"corrupt .docx: {_zip_reason(err)} in {name}", "save it again from Word") from None
    return b"".join(chunks)


def _zip_reason(err: Exception) -> str:
    if isinstance(err, zipfile.BadZipFile):
        return "bad CRC" if "CRC" in str(err) else "damaged entry"
    if isinstance(err, NotImplementedError):
        return "unsupported compression"
    return "password-protected entry" if isinstance(err, RuntimeError) else "truncated data"


def _size(n: int) -> str:
    return f"{n / 2**20:g} MB" if n % 2**20 == 0 else f"{n:,} bytes"


def _parse_xml(path: Path, name: str, blob: bytes) -> etree._Element:
    """Parse without DTDs, entity expansion or network access (no XXE, no billion laughs)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"corrupt .docx: {name} is not valid XML (line {err.lineno})",
                         "save it again from Word") from None


def _find(parent: etree._Element, tags: set[str]) -> Iterator[etree._Element]:
    """Elements with one of `tags` in document order, looking through wrappers (sdt, customXml, tables…)."""
    for el in parent:
        if el.tag in tags:
            yield el
        elif isinstance(el.tag, str) and el.tag not in _SKIP:
            yield from _find(el, tags)


def _inline(el: etree._Element, out: list[_Piece]) -> None:
    """Append the text and note references of a paragraph's runs, in order."""
    for child in el:
        tag = child.tag
        if tag == _w("t"):  # children of a w:t can only be unresolved entities: keep their tails
            out.append("".join([child.text or "", *(e.tail or "" for e in child)]))
        elif tag in _CHARS:
            out.append(_CHARS[tag])
        elif tag in _REFS:
            out.append(_Ref(_REFS[tag], child.get(_w("id"), "")))
        elif tag == _w("sym"):
            out.append(_symbol(child))
        elif isinstance(tag, str) and tag not in _SKIP:  # r, hyperlink, smartTag, ins, sdt, fldSimple…
            _inline(child, out)


def _symbol(sym: etree._Element) -> str:
    """A w:sym character; symbol-font (private-use) codes have no Unicode meaning."""
    code = _int(sym.get(_w("char")), 0, base=16)
    return "" if code < 0x20 or 0xD800 <= code <= 0xF8FF or code > 0x10FFFF else chr(code)


def _has_text(pieces: list[_Piece]) -> bool:
    return any(isinstance(p, _Ref) or p.strip() for p in pieces)


def _joined(parts: list[list[_Piece]], separator: str) -> list[_Piece]:
    return [piece for i, part in enumerate(parts) for piece in ([separator] if i else []) + part]


class _Walker:
    """Body lines (text pieces and note references) and the line range of each table."""

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.lines: list[list[_Piece]] = []
        self.tables: list[tuple[int, int]] = []  # first and last line, 1-based

    def blocks(self, body: etree._Element) -> None:
        for el in _find(body, {_w("p"), _w("tbl")}):
            if el.tag == _w("p"):
                self.lines.append(self.paragraph(el))
                continue
            first = len(self.lines) + 1
            for row in _find(el, {_w("tr")}):
                cells = [self.cell(tc) for tc in _find(row, {_w("tc")}) if not _continues_merge(tc)]
                self.lines.append(_joined(cells, " | ") if any(map(_has_text, cells)) else [])
            self.tables.append((first, len(self.lines)))

    def paragraph(self, p: etree._Element) -> list[_Piece]:
        pieces: list[_Piece] = []
        _inline(p, pieces)
        label = self.numbering.label(p)
        return [label + " ", *pieces] if label else pieces

    def cell(self, tc: etree._Element) -> list[_Piece]:
        """The cell's paragraphs joined by a space, nested tables included."""
        paragraphs = (self.paragraph(p) for p in _find(tc, {_w("p")}))
        return _joined([p for p in paragraphs if _has_text(p)], " ")


def _continues_merge(tc: etree._Element) -> bool:
    """A cell that continues a vertical (or legacy horizontal) merge shows no text of its own."""
    merges = tc.findall(f"{_w('tcPr')}/{_w('vMerge')}") + tc.findall(f"{_w('tcPr')}/{_w('hMerge')}")
    return any(m.get(_w("val"), "continue") != "restart" for m in merges)


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str
    text: str
    start: int


class _Numbering:
    """List labels as Word draws them; counters are kept per list (numId)."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.lists = _lists(numbering) if numbering is not None else {}
        self.styles, self.default_style = _style_numbering(styles)
        self.counters: dict[str, dict[int, int]] = {}

    def label(self, p: etree._Element) -> str:
        """The label of paragraph `p` ("" if it is not numbered); advances the counters."""
        props = p.find(_w("pPr"))
        style_num, style_level = self.styles.get(_val(props, "pStyle") or self.default_style, (None, None))
        direct = props.find(_w("numPr")) if props is not None else None
        num_id = _val(direct, "numId") or style_num
        ilvl = _int(_val(direct, "ilvl") or style_level, 0)
        levels = self.lists.get(num_id or "0")
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else levels[ilvl].start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # "a)" starts again under the next "2."
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "+" if level.text.strip() == "+" else "-"

        def number(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            ref = levels.get(k, _Level("decimal", "", 1))
            return _format(counts.get(k, ref.start), ref.fmt)

        return re.sub(r"%([1-9])", number, level.text).strip()


def _lists(root: etree._Element) -> dict[str, dict[int, _Level]]:
    """numId -> level -> format, with the list's lvlOverride / startOverride applied."""
    abstract = {a.get(_w("abstractNumId")): {_int(lvl.get(_w("ilvl")), 0): _level(lvl)
                                              for lvl in a.findall(_w("lvl"))}
                for a in root.findall(_w("abstractNum"))}
    lists: dict[str, dict[int, _Level]] = {}
    for num in root.findall(_w("num")):
        levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
        for override in num.findall(_w("lvlOverride")):
            ilvl = _int(override.get(_w("ilvl")), 0)
            if override.find(_w("lvl")) is not None:
                levels[ilvl] = _level(override.find(_w("lvl")))
            start = _val(override, "startOverride")
            if start is not None and ilvl in levels:
                levels[ilvl] = replace(levels[ilvl], start=_int(start, 0))
        lists[num.get(_w("numId"), "")] = levels
    return lists


def _level(lvl: etree._Element) -> _Level:
    return _Level(_val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "", _int(_val(lvl, "start"), 0))


def _style_numbering(root: etree._Element | None) -> tuple[dict[str, tuple[str | None, str | None]], str]:
    """Paragraph style -> the (numId, ilvl) it gives, through basedOn; and the default style."""
    styles = {s.get(_w("styleId"), ""): s for s in (root.findall(_w("style")) if root is not None else ())
              if s.get(_w("type")) == "paragraph"}
    default = next((sid for sid, s in styles.items() if s.get(_w("default")) in ("1", "true")), "")
    resolved = {}
    for sid in styles:
        num_id, ilvl, seen, cur = None, None, set(), sid
        while cur in styles and cur not in seen:  # basedOn chains may loop in broken files
            seen.add(cur)
            num = styles[cur].find(f"{_w('pPr')}/{_w('numPr')}")
            num_id, ilvl = num_id or _val(num, "numId"), ilvl or _val(num, "ilvl")
            cur = _val(styles[cur], "basedOn")
        resolved[sid] = (num_id, ilvl)
    return resolved, default


def _val(el: etree._Element | None, child: str) -> str | None:
    found = el.find(_w(child)) if el is not None else None
    return found.get(_w("val")) if found is not None else None


def _int(value: str | None, default: int, base: int = 10) -> int:
    try:
        return int(value, base) if value is not None else default
    except ValueError:
        return default


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _format(n: int, fmt: str) -> str:
    """A counter in a Word number format: ``_format(3, "upperRoman") == "III"``."""
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letters = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Z, AA, BB… as Word does
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        roman = ""
        for value, digits in _ROMAN:
            count, n = divmod(n, value)
            roman += digits * count
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return "" if fmt == "none" else str(n)


def _notes(root: etree._Element | None, kind: str) -> dict[str, str]:
    """w:id -> body text (paragraphs joined by a space) of the footnotes or endnotes part."""
    bodies: dict[str, str] = {}
    for note in root.findall(_w(kind)) if root is not None else ():
        if note.get(_w("type"), "normal") in _NOTE_SKIP_TYPES:
            continue
        texts = []
        for p in _find(note, {_w("p")}):
            pieces: list[_Piece] = []
            _inline(p, pieces)
            texts.append("".join(x for x in pieces if isinstance(x, str)).strip())
        bodies[note.get(_w("id"), "")] = " ".join(t for t in texts if t)
    return bodies


def _linear_text(lines: list[list[_Piece]], notes: dict[str, dict[str, str]]) -> str:
    """The Word-export form: ``[footnoteRef:N]`` marks and ``[N:  body]`` at the line end."""
    numbers: dict[_Ref, int] = {}
    for kind in ("footnote", "endnote"):  # endnotes numbered after the last footnote
        refs = (p for line in lines for p in line if isinstance(p, _Ref) and p.kind == kind)
        for ref in dict.fromkeys(refs):
            numbers[ref] = len(numbers) + 1
    written: set[_Ref] = set()
    out = []
    for line in lines:
        text, tails = [], []
        for piece in line:
            if isinstance(piece, str):
                text.append(piece)
                continue
            number = numbers[piece]
            text.append(f"[footnoteRef:{number}]")
            body = notes[piece.kind].get(piece.id)
            if body is not None and piece not in written:
                written.add(piece)
                tails.append(f"[{number}:  {body}]")
        out.append(("".join(text) + "".join(tails)).replace("\r", " ").replace("\n", " "))
    return "\n".join(out)


def _table_spans(paragraphs: tuple[tuple[int, int, int], ...],
                 tables: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Final-text span of each table, from the (start, end, raw line) of its row paragraphs."""
    rows = ([(s, e) for s, e, line in paragraphs if first <= line <= last] for first, last in tables)
    return tuple((r[0][0], r[-1][1]) for r in rows if r)
